import { useState, type FormEvent } from 'react';
import { VERIFIER_KINDS, type VerifierKind } from '../../core/verifier/verifier-kind.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { PasscodeFields, readPasscodeFields } from '../shared/PasscodeFields.tsx';

// The desk's code (verifier core, signing, zod) loads when the clerk submits (issue 12).
const verifierActions = () => import('./verifier-actions.ts');

export const VERIFIER_KIND_LABEL: Record<VerifierKind, MessageKey> = {
  agency: 'verifier.kind.agency',
  employer: 'verifier.kind.employer',
  other: 'verifier.kind.other',
};

/** First run of the verifier desk: a name, a kind, a new ES256 did:key and a passcode. */
export function VerifierSetup() {
  const t = useT();
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const passcode = readPasscodeFields(form);
    if (!passcode.ok) return setError(passcode.message);
    const name = String(data.get('verifier-name') ?? '').trim();
    if (!name) return setError('verifier.setup.invalidProfile');
    setBusy(true);
    setError(null);
    const { setUpVerifier } = await verifierActions();
    const problem = await setUpVerifier({
      name,
      kind: String(data.get('verifier-kind')) as VerifierKind,
      passcode: passcode.passcode,
    });
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <section className="card" aria-labelledby="verifier-setup-title">
      <h1 id="verifier-setup-title">{t('verifier.setup.title')}</h1>
      <p>{t('verifier.setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('verifier.setup.name')}
          hint={t('verifier.setup.nameHint')}
          name="verifier-name"
          required
          maxLength={200}
          error={error === 'verifier.setup.invalidProfile' ? t(error) : null}
        />
        <div className="field">
          <label htmlFor="verifier-kind">{t('verifier.setup.kind')}</label>
          <select id="verifier-kind" name="verifier-kind" defaultValue="agency">
            {VERIFIER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(VERIFIER_KIND_LABEL[kind])}
              </option>
            ))}
          </select>
        </div>
        <h2>{t('verifier.setup.passcodeTitle')}</h2>
        <PasscodeFields
          newLabel={t('verifier.setup.passcode')}
          repeatLabel={t('verifier.setup.passcodeRepeat')}
          error={error && error.startsWith('passcode.') ? error : null}
        />
        {error && !error.startsWith('passcode.') && error !== 'verifier.setup.invalidProfile' ? (
          <p className="error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('verifier.setup.submit')}
        </button>
        {busy ? <p role="status">{t('passcode.working')}</p> : null}
      </form>
    </section>
  );
}
