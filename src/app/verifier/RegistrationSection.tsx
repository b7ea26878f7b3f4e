import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { MAX_VERIFIER_INFO_DATA_LENGTH } from '../../core/protocol/request.ts';
import { registeredNameIn } from '../../core/trust/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { readFileOrText } from '../shared/read-upload.ts';
import {
  loadRegistration,
  removeRegistration,
  saveRegistration,
  type RegistrationView,
} from './registration-actions.ts';

type Message = { key: MessageKey; ok: boolean } | null;

/**
 * Settings → Registration certificate: the certificate a registration authority gave this desk
 * (file or paste). Every request the desk shows carries it, so wallets that trust the authority
 * show the desk as verified (docs/ux.md §Consent and who asks).
 */
export function RegistrationSection() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [view, setView] = useState<RegistrationView | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [formKey, setFormKey] = useState(0);

  const refresh = useCallback(async () => setView(await loadRegistration()), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = await readFileOrText(
      new FormData(event.currentTarget),
      { file: 'registration-file', text: 'registration-text' },
      MAX_VERIFIER_INFO_DATA_LENGTH,
    );
    const problem = read.ok
      ? await saveRegistration(read.text)
      : read.reason === 'too-large'
        ? 'consent.desk.malformed'
        : 'consent.desk.empty';
    setMessage(problem ? { key: problem, ok: false } : { key: 'consent.desk.saved', ok: true });
    if (!problem) setFormKey((k) => k + 1);
    await refresh();
  };

  const remove = async () => {
    await removeRegistration();
    setMessage({ key: 'consent.desk.removed', ok: true });
    await refresh();
  };

  return (
    <section aria-labelledby="verifier-registration-title">
      <h2 id="verifier-registration-title">{t('consent.desk.title')}</h2>
      <p>{t('consent.desk.intro')}</p>
      {view ? (
        <>
          <p className={view.valid ? undefined : 'warning'}>
            {t('consent.desk.current', {
              name: registeredNameIn(view.name, language),
              date: new Date(view.expiresAt).toLocaleDateString(language, {
                year: 'numeric',
                month: 'long',
                day: 'numeric',
              }),
            })}
            {view.valid ? null : ` ${t('consent.desk.expired')}`}
          </p>
          <details>
            <summary>{t('consent.technical')}</summary>
            <dl className="facts">
              <dt>{t('consent.authority')}</dt>
              <dd>
                <code className="did">{view.authority}</code>
              </dd>
            </dl>
          </details>
          <button type="button" onClick={() => void remove()}>
            {t('consent.desk.remove')}
          </button>
        </>
      ) : (
        <p className="hint">{t('consent.desk.none')}</p>
      )}
      <form key={formKey} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="registration-file">{t('consent.desk.file')}</label>
          <input
            id="registration-file"
            name="registration-file"
            type="file"
            accept=".jwt,.txt,application/jwt"
          />
        </div>
        <div className="field">
          <label htmlFor="registration-text">{t('consent.desk.paste')}</label>
          <textarea id="registration-text" name="registration-text" rows={3} spellCheck={false} />
        </div>
        <button type="submit">{t('consent.desk.add')}</button>
      </form>
      {message ? (
        <p className={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {t(message.key)}
        </p>
      ) : null}
    </section>
  );
}
