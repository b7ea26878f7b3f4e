import { useState } from 'react';
import type { QrFrames } from '../../core/transport/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { downloadText } from '../shared/download.ts';
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
  const [code, setCode] = useState<{
    frames: QrFrames;
    text: string;
    link: string;
    fileName: string;
  } | null>(null);
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
            const { frames, text, link, fileName } = made;
            setCode({ frames, text, link, fileName });
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
          <div className="actions">
            <button type="button" onClick={() => downloadText(code.fileName, code.text)}>
              {t('cards.copies.requestSave')}
            </button>
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(code.link).catch(() => undefined)}
            >
              {t('cards.copies.requestCopyLink')}
            </button>
          </div>
          <Field
            label={t('cards.copies.requestLink')}
            name="copies-request-link"
            readOnly
            value={code.link}
            onFocus={(e) => e.currentTarget.select()}
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
