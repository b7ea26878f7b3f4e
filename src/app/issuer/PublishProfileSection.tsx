import { useEffect, useMemo, useRef, useState } from 'react';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import type { QrFrames } from '../../core/transport/index.ts';
import { useT } from '../i18n/index.ts';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { QrCode } from '../shared/qr/index.ts';
import { publishIssuerProfile, type PublishedProfile } from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';

/**
 * "Publish profile": the desk's signed issuer profile as one QR (its text is the JWS itself), a
 * `<name>.vouch-issuer.jwt` download and the text, with the key's fingerprint words for the
 * verifier to compare (a self-signed profile proves the key, not who holds it).
 */
export function PublishProfileSection() {
  const t = useT();
  const name = useDeskStore((s) => s.profile?.name ?? '');
  const [published, setPublished] = useState<PublishedProfile | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const frames = useMemo<QrFrames | null>(
    () => (published ? { frames: [utf8ToBytes(published.jws)], animated: false } : null),
    [published],
  );

  // The clerk's next step is the code: bring it into view, and say so to a screen reader.
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const done = doneRef.current;
    if (!published || !done) return;
    done.scrollIntoView?.({ block: 'start' });
    done.focus({ preventScroll: true });
  }, [published]);

  const publish = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setPublished(await publishIssuerProfile());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="desk-publish-profile-title">
      <h2 id="desk-publish-profile-title">{t('issuerDesk.profile.title')}</h2>
      <p>{t('issuerDesk.profile.intro')}</p>
      <button type="button" className="primary" onClick={() => void publish()} disabled={busy}>
        {published ? t('issuerDesk.profile.again') : t('issuerDesk.profile.publish')}
      </button>
      {failed ? (
        <p className="error" role="alert">
          {t('issuerDesk.profile.failed')}
        </p>
      ) : null}
      {published && frames ? (
        <div className="profile-published">
          <p role="status" className="success" ref={doneRef} tabIndex={-1}>
            {t('issuerDesk.profile.done')}
          </p>
          <QrCode
            frames={frames}
            label={t('issuerDesk.profile.qrLabel', { name })}
            maxSize={480}
            minModulePx={5}
          />
          <div>
            <h3>{t('issuerDesk.profile.wordsTitle')}</h3>
            <p>{t('issuerDesk.profile.wordsIntro')}</p>
            <ol className="fingerprint-words" aria-label={t('issuerDesk.profile.wordsTitle')}>
              {published.words.map((word, index) => (
                <li key={index}>{word}</li>
              ))}
            </ol>
            <div className="actions">
              <button
                type="button"
                onClick={() =>
                  downloadText(published.fileName, `${published.jws}\n`, 'application/jwt')
                }
              >
                {t('issuerDesk.profile.download', { file: published.fileName })}
              </button>
            </div>
            <Field
              label={t('issuerDesk.profile.text')}
              name="issuer-profile-text"
              readOnly
              value={published.jws}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}
