import { useState } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { QrScanner } from '../shared/qr/index.ts';
import { checkResponse } from './verifier-actions.ts';

/** Reads the wallet's answer (camera, animated codes too; a picture; pasted text) and checks it. */
export function AnswerScanner() {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="answer">
      <h3>{t('verifier.answer.title')}</h3>
      {busy ? <p role="status">{t('verifier.answer.checking')}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <QrScanner
        key={attempt}
        accept={['response']}
        labels={{ title: t('verifier.answer.title'), intro: t('verifier.answer.intro') }}
        onPayload={(_kind, payload) => {
          setBusy(true);
          setError(null);
          void checkResponse(payload).then((problem) => {
            setBusy(false);
            if (problem) {
              setError(problem);
              setAttempt((n) => n + 1);
            }
          });
        }}
      />
    </div>
  );
}
