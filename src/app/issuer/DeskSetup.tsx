import { useState, type FormEvent } from 'react';
import { bytesToHex } from '../../core/encoding/hex.ts';
import { ISSUER_KINDS, type IssuerKind } from '../../core/issuer/issuer-kind.ts';
import type { IssuerKeyFile, JwsAlgorithm } from '../../core/jose/index.ts';
import { ALLOWED_ALGORITHMS } from '../../core/jose/jws-algorithm.ts';
import { randomBytes } from '../random.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { PasscodeFields, readPasscodeFields } from '../shared/PasscodeFields.tsx';

// The desk's code (issuer core, signing, zod) loads when the clerk submits (issue 12).
const deskActions = () => import('./desk-actions.ts');

const KIND_LABEL: Record<IssuerKind, MessageKey> = {
  employer: 'desk.kind.employer',
  pulmonologist: 'desk.kind.pulmonologist',
  university: 'desk.kind.university',
  municipality: 'desk.kind.municipality',
};
export { KIND_LABEL };

const MAX_KEY_FILE_BYTES = 64 * 1024;

/** First run of the desk: a new issuer identity, or one imported from a key file. */
export function DeskSetup() {
  const t = useT();
  const [imported, setImported] = useState<{
    keyFile: IssuerKeyFile;
    name: string;
    kind: IssuerKind;
    registration: string;
  } | null>(null);
  const [importError, setImportError] = useState<MessageKey | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [defaultUri] = useState(
    () => `https://status.example.org/vouch/${bytesToHex(randomBytes(6))}.jwt`,
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const passcode = readPasscodeFields(form);
    if (!passcode.ok) return setError(passcode.message);
    setBusy(true);
    setError(null);
    const { setUpDesk } = await deskActions();
    const problem = await setUpDesk({
      profile: {
        name: String(data.get('org-name') ?? '').trim(),
        kind: String(data.get('org-kind')) as IssuerKind,
        registration: String(data.get('org-registration') ?? '').trim(),
      },
      alg: (imported?.keyFile.alg ?? String(data.get('alg'))) as JwsAlgorithm,
      statusListUri: String(data.get('status-uri') ?? '').trim(),
      passcode: passcode.passcode,
      ...(imported ? { keyFile: imported.keyFile } : {}),
    });
    setBusy(false);
    if (problem) setError(problem);
  };

  const importKey = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('key-file');
    const passphrase = String(data.get('key-passphrase') ?? '');
    if (!(file instanceof File) || file.size === 0) return setImportError('desk.import.noFile');
    if (file.size > MAX_KEY_FILE_BYTES) return setImportError('desk.import.malformed');
    setBusy(true);
    const { readKeyFileForImport } = await deskActions();
    const result = await readKeyFileForImport(await file.text(), passphrase);
    setBusy(false);
    if (!result.ok) {
      return setImportError(
        result.reason === 'wrong-passphrase'
          ? 'desk.import.wrongPassphrase'
          : 'desk.import.malformed',
      );
    }
    setImportError(null);
    setImported({ keyFile: result.value.keyFile, ...result.value.profile });
  };

  const profileFields = (
    <>
      <Field
        label={t('desk.setup.name')}
        name="org-name"
        required
        maxLength={200}
        defaultValue={imported?.name}
        key={`n${imported ? 1 : 0}`}
      />
      <div className="field">
        <label htmlFor="org-kind">{t('desk.setup.kind')}</label>
        <select
          id="org-kind"
          name="org-kind"
          defaultValue={imported?.kind ?? 'employer'}
          key={`k${imported ? 1 : 0}`}
        >
          {ISSUER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABEL[kind])}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('desk.setup.registration')}
        hint={t('desk.setup.registrationHint')}
        name="org-registration"
        maxLength={100}
        defaultValue={imported?.registration}
        key={`r${imported ? 1 : 0}`}
      />
    </>
  );

  return (
    <section className="card" aria-labelledby="desk-setup-title">
      <h1 id="desk-setup-title">{t('desk.setup.title')}</h1>
      <p>{t('desk.setup.intro')}</p>
      {imported ? (
        <p role="status" className="success">
          {t('desk.import.done', { did: imported.keyFile.did })}
        </p>
      ) : (
        <details>
          <summary>{t('desk.import.title')}</summary>
          <form onSubmit={importKey} noValidate>
            <Field
              label={t('desk.import.file')}
              name="key-file"
              type="file"
              accept=".json,application/json"
            />
            <Field
              label={t('desk.import.passphrase')}
              name="key-passphrase"
              type="password"
              autoComplete="off"
            />
            <button type="submit" disabled={busy}>
              {t('desk.import.submit')}
            </button>
            {importError ? (
              <p className="error" role="alert">
                {t(importError)}
              </p>
            ) : null}
          </form>
        </details>
      )}
      <form onSubmit={submit} noValidate>
        {profileFields}
        {imported ? null : (
          <div className="field">
            <label htmlFor="desk-alg">{t('desk.setup.alg')}</label>
            <select id="desk-alg" name="alg" defaultValue="ES256" aria-describedby="desk-alg-hint">
              {ALLOWED_ALGORITHMS.map((alg) => (
                <option key={alg} value={alg}>
                  {alg}
                </option>
              ))}
            </select>
            <p id="desk-alg-hint" className="hint">
              {t('desk.setup.algHint')}
            </p>
          </div>
        )}
        <Field
          label={t('desk.setup.statusUri')}
          hint={t('desk.setup.statusUriHint')}
          name="status-uri"
          type="url"
          required
          defaultValue={defaultUri}
        />
        <h2>{t('desk.setup.passcodeTitle')}</h2>
        <PasscodeFields
          newLabel={t('desk.setup.passcode')}
          repeatLabel={t('desk.setup.passcodeRepeat')}
          error={error && error.startsWith('passcode.') ? error : null}
        />
        {error && !error.startsWith('passcode.') ? (
          <p className="error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('desk.setup.submit')}
        </button>
        {busy ? <p role="status">{t('passcode.working')}</p> : null}
      </form>
    </section>
  );
}
