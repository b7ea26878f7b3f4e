import { useEffect, useRef, useState, type FormEvent } from 'react';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import { encodeForQr, encodeForText, type QrFrames } from '../../core/transport/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { formatDate } from '../shared/format.ts';
import { QrCode } from '../shared/qr/index.ts';
import { openView, startConnect } from './credential-actions.ts';
import { useWalletStore } from './wallet-store.ts';

/**
 * First contact with an issuer (SPROOF's "connect"): a fresh pseudonym for this issuer only,
 * shown as a QR code (and as text to paste) for the issuer's desk to scan.
 */
export function Connect() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const relationships = useWalletStore((s) => s.relationships);
  const [code, setCode] = useState<{ issuerName: string; frames: QrFrames; text: string } | null>(
    null,
  );
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const codeHeading = useRef<HTMLHeadingElement>(null);

  // A new code appears below the form, out of sight on a phone: bring it into view and focus it.
  useEffect(() => {
    const heading = codeHeading.current;
    if (!code || !heading) return;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [code]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issuerName = String(new FormData(event.currentTarget).get('issuer-name') ?? '').trim();
    if (!issuerName) return setError('connect.badName');
    setBusy(true);
    setError(null);
    const outcome = await startConnect(issuerName);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    const bytes = utf8ToBytes(outcome.request);
    setCode({
      issuerName,
      frames: encodeForQr('connect', bytes),
      text: encodeForText('connect', bytes),
    });
    setCopied(false);
  };

  return (
    <section className="card" aria-labelledby="connect-title">
      <div className="title-row">
        <h1 id="connect-title">{t('connect.title')}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <p>{t('connect.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('connect.issuerName')}
          hint={t('connect.issuerNameHint')}
          name="issuer-name"
          autoComplete="organization"
          maxLength={200}
          error={error ? t(error) : null}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('connect.create')}
        </button>
      </form>
      {code ? (
        <section aria-labelledby="connect-code-title">
          <h2 id="connect-code-title" ref={codeHeading} tabIndex={-1}>
            {t('connect.codeTitle', { issuer: code.issuerName })}
          </h2>
          <p>{t('connect.codeIntro')}</p>
          <QrCode
            frames={code.frames}
            label={t('connect.codeLabel', { issuer: code.issuerName })}
          />
          <Field
            label={t('connect.codeText')}
            name="connect-text"
            readOnly
            value={code.text}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(code.text).catch(() => undefined);
              setCopied(true);
            }}
          >
            {t('connect.copy')}
          </button>
          {copied ? <p role="status">{t('connect.copied')}</p> : null}
        </section>
      ) : null}
      {relationships.length > 0 ? (
        <section aria-labelledby="connect-list-title">
          <h2 id="connect-list-title">{t('connect.existing')}</h2>
          <ul>
            {relationships.map((r) => (
              <li key={r.index}>
                {r.issuerName} · {formatDate(r.createdAt.slice(0, 10), language)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
