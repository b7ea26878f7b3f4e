import { useState, type FormEvent } from 'react';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { formatDateTime } from '../shared/format.ts';
import { QrScanner } from '../shared/qr/index.ts';
import {
  MAX_ISSUER_PROFILE_FILE_BYTES,
  readIssuerProfileText,
  trustEntryOf,
  type IssuerProfilePreview,
} from './issuer-profile-import.ts';
import { FingerprintConfirm, NoticeLine, type Notice } from './FingerprintConfirm.tsx';
import { trustedTypeNames } from './trust-words.ts';
import { addTrustedIssuer } from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';
import './verifier.css';

/**
 * "Trust an issuer from its profile": scan the profile QR an issuer desk shows (or upload its
 * picture, or paste its text), or choose its `.vouch-issuer.jwt` file; the clerk then sees its
 * name, DID, types and fingerprint words, compares the words, and trusts it for its types (an
 * entry of the desk's own trust list). Nothing is stored before that.
 */
export function IssuerProfileImport() {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [preview, setPreview] = useState<IssuerProfilePreview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const read = async (text: string) => {
    setBusy(true);
    setNotice(null);
    const result = await readIssuerProfileText(text);
    setBusy(false);
    if (result.ok) return setPreview(result.profile);
    setNotice({ kind: 'error', text: t(result.message) });
    setAttempt((n) => n + 1);
  };

  const readFile = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get('profile-file');
    if (!(file instanceof File) || file.size === 0) {
      return setNotice({ kind: 'error', text: t('verifier.trust.profile.empty') });
    }
    if (file.size > MAX_ISSUER_PROFILE_FILE_BYTES) {
      return setNotice({ kind: 'error', text: t('verifier.trust.profile.tooLarge') });
    }
    form.reset();
    await read(await file.text());
  };

  const trust = async (profile: IssuerProfilePreview) => {
    setBusy(true);
    const problem = await addTrustedIssuer(trustEntryOf(profile));
    setBusy(false);
    setPreview(null);
    setAttempt((n) => n + 1);
    setNotice(
      problem
        ? { kind: 'error', text: t(problem) }
        : { kind: 'success', text: t('verifier.trust.own.added', { name: profile.name }) },
    );
  };

  const cancel = () => {
    setPreview(null);
    setAttempt((n) => n + 1);
    setNotice({ kind: 'success', text: t('verifier.trust.profile.cancelled') });
  };

  return (
    <section aria-labelledby="profile-import-title">
      <h2 id="profile-import-title">{t('verifier.trust.profile.title')}</h2>
      <p>{t('verifier.trust.profile.intro')}</p>
      {preview ? (
        <ProfileCheck
          profile={preview}
          busy={busy}
          onTrust={() => void trust(preview)}
          onCancel={cancel}
        />
      ) : (
        <div className="profile-import">
          <QrScanner
            key={attempt}
            accept={[]}
            labels={{
              title: t('verifier.trust.profile.scanTitle'),
              intro: t('verifier.trust.profile.scanIntro'),
            }}
            onPayload={() => undefined}
            onText={(text) => {
              void read(text);
              return true;
            }}
          />
          <form onSubmit={(event) => void readFile(event)} noValidate>
            <Field
              label={t('verifier.trust.profile.file')}
              name="profile-file"
              type="file"
              accept=".jwt,.txt,text/plain,application/jwt"
            />
            <button type="submit" disabled={busy}>
              {t('verifier.trust.profile.readFile')}
            </button>
          </form>
        </div>
      )}
      {busy && !preview ? <p role="status">{t('verifier.trust.profile.reading')}</p> : null}
      <NoticeLine notice={notice} />
    </section>
  );
}

/** The profile as the clerk checks it: who, what, and the words to compare; then trust or cancel. */
function ProfileCheck(props: {
  profile: IssuerProfilePreview;
  busy: boolean;
  onTrust: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const own = useVerifierStore((s) => s.ownTrustList);
  const { profile } = props;
  const known = own?.entries.find((entry) => entry.did === profile.did);
  return (
    <FingerprintConfirm
      id="profile-check"
      title={t('verifier.trust.profile.checkTitle')}
      words={profile.words}
      wordsLabel={t('verifier.trust.profile.words')}
      question={t('verifier.trust.profile.question')}
      hint={t('verifier.trust.profile.hint')}
      confirm={t('verifier.trust.profile.trust', { name: profile.name })}
      cancel={t('verifier.trust.profile.cancel')}
      busy={props.busy}
      onConfirm={props.onTrust}
      onCancel={props.onCancel}
      after={known ? <p>{t('verifier.trust.profile.replaces', { name: known.name })}</p> : null}
    >
      <dl className="facts profile-facts">
        <dt>{t('verifier.trust.profile.name')}</dt>
        <dd>{profile.name}</dd>
        <dt>{t('verifier.trust.profile.did')}</dt>
        <dd>
          <code className="did">{profile.did}</code>
        </dd>
        <dt>{t('verifier.trust.profile.types')}</dt>
        <dd>{trustedTypeNames(profile.types, language, t)}</dd>
        {profile.statusLists.length > 0 ? (
          <>
            <dt>{t('verifier.trust.profile.statusLists')}</dt>
            <dd>
              {profile.statusLists.map((uri) => (
                <div key={uri}>
                  <code className="did">{uri}</code>
                </div>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('verifier.trust.profile.signedAt')}</dt>
        <dd>{formatDateTime(profile.signedAt, language)}</dd>
      </dl>
    </FingerprintConfirm>
  );
}
