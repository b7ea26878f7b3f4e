import { useState } from 'react';
import type { QrFrames } from '../../core/transport/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { QrCode } from '../shared/qr/index.ts';
import { CopiesRefresh } from './CopiesRefresh.tsx';
import { CopiesLeft } from './CredentialList.tsx';
import { makeCopiesRequest } from './copies-actions.ts';
import type { CredentialView } from './wallet-store.ts';

/**
 * A batch-issued credential's copies on its card (issue 13): how many are left and how to get
 * more — offline through the connect relationship (a copies request to show the issuer desk), or
 * online from an OpenID4VCI issuer (CopiesRefresh, the refresh_token grant).
 */
export function GetNewCopies({ credential }: { credential: CredentialView }) {
  const t = useT();
  const [code, setCode] = useState<{ frames: QrFrames; text: string } | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  if (!credential.copyCount) return null;
  const offline = credential.refreshKind === 'offline';
  return (
    <section aria-labelledby="credential-copies">
      <h2 id="credential-copies">{t('cards.copies.title')}</h2>
      <p>
        <CopiesLeft left={credential.copyCount.left} />
      </p>
      <p className="hint">{t('cards.copies.why')}</p>
      {offline ? (
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const made = await makeCopiesRequest(credential.id);
            setBusy(false);
            if (!made.ok) return setError(made.message);
            setError(null);
            setCode({ frames: made.frames, text: made.text });
          }}
        >
          {t('cards.copies.getMore')}
        </button>
      ) : null}
      {credential.refreshKind === 'openid4vci' ? (
        <CopiesRefresh credentialId={credential.id} />
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {code ? (
        <section aria-labelledby="copies-request-title">
          <h3 id="copies-request-title">
            {t('cards.copies.requestTitle', { issuer: credential.issuerName })}
          </h3>
          <p>{t('cards.copies.requestIntro')}</p>
          <QrCode
            frames={code.frames}
            label={t('cards.copies.requestLabel', { issuer: credential.issuerName })}
          />
          <Field
            label={t('cards.copies.requestText')}
            name="copies-request-text"
            readOnly
            value={code.text}
            onFocus={(e) => e.currentTarget.select()}
          />
        </section>
      ) : null}
    </section>
  );
}
