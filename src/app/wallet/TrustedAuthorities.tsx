import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { MAX_TRUST_LIST_LENGTH } from '../../core/trust/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { readFileOrText } from '../shared/read-upload.ts';
import {
  addAuthority,
  addListFromLink,
  addListText,
  loadVerifierTrust,
  removeAuthority,
  removeList,
  type VerifierTrustView,
} from './trusted-authorities-actions.ts';

type Message = { key: MessageKey; ok: boolean } | null;

/**
 * Settings → Trusted authorities: the registration authorities whose certificates and verifier
 * lists make a verifier "verified" on the consent screen (docs/ux.md §Consent and who asks).
 */
export function TrustedAuthorities() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [view, setView] = useState<VerifierTrustView>({ authorities: [], lists: [] });
  const [authorityMessage, setAuthorityMessage] = useState<Message>(null);
  const [listMessage, setListMessage] = useState<Message>(null);
  const [formKey, setFormKey] = useState(0);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => setView(await loadVerifierTrust()), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submitAuthority = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const did = String(new FormData(event.currentTarget).get('authority-did') ?? '');
    const problem = await addAuthority(did);
    setAuthorityMessage(
      problem ? { key: problem, ok: false } : { key: 'consent.authorities.added', ok: true },
    );
    if (!problem) setFormKey((k) => k + 1);
    await refresh();
  };

  const submitList = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const link = String(data.get('list-link') ?? '').trim();
    setBusy(true);
    let problem: MessageKey | null;
    const file = data.get('list-file');
    if (file instanceof File && file.size > 0) {
      const read = await readFileOrText(
        data,
        { file: 'list-file', text: 'list-none' },
        MAX_TRUST_LIST_LENGTH,
      );
      problem = read.ok ? await addListText(read.text) : 'consent.lists.malformed';
    } else if (link !== '') {
      problem = await addListFromLink(link);
    } else {
      problem = 'consent.lists.empty';
    }
    setBusy(false);
    setListMessage(
      problem ? { key: problem, ok: false } : { key: 'consent.lists.added', ok: true },
    );
    if (!problem) setFormKey((k) => k + 1);
    await refresh();
  };

  const dateOf = (iso: string) =>
    new Date(iso).toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });

  return (
    <section aria-labelledby="settings-authorities">
      <h2 id="settings-authorities">{t('consent.authorities.title')}</h2>
      <p>{t('consent.authorities.intro')}</p>
      {view.authorities.length === 0 ? (
        <p className="hint">{t('consent.authorities.none')}</p>
      ) : (
        <ul className="authorities">
          {view.authorities.map((authority) => (
            <li key={authority.did}>
              <p>
                {t('consent.authorities.words')}: <strong>{authority.words.join(' ')}</strong>
                {authority.source === 'build' ? (
                  <span className="hint"> ({t('consent.authorities.fromBuild')})</span>
                ) : null}
              </p>
              <p>
                <code className="did">{authority.did}</code>
              </p>
              {authority.source === 'added' ? (
                <button
                  type="button"
                  aria-label={t('consent.authorities.remove', {
                    words: authority.words.slice(0, 2).join(' '),
                  })}
                  onClick={() => void removeAuthority(authority.did).then(refresh)}
                >
                  {t('consent.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form key={`a-${formKey}`} onSubmit={submitAuthority} noValidate>
        <Field
          label={t('consent.authorities.didLabel')}
          name="authority-did"
          autoComplete="off"
          spellCheck={false}
          hint={t('consent.authorities.didHint')}
        />
        <button type="submit">{t('consent.authorities.add')}</button>
      </form>
      {authorityMessage ? (
        <p
          className={authorityMessage.ok ? 'success' : 'error'}
          role={authorityMessage.ok ? 'status' : 'alert'}
        >
          {t(authorityMessage.key)}
        </p>
      ) : null}

      <h3>{t('consent.lists.title')}</h3>
      <p>{t('consent.lists.intro')}</p>
      {view.lists.length === 0 ? (
        <p className="hint">{t('consent.lists.none')}</p>
      ) : (
        <ul className="authorities">
          {view.lists.map((list) => (
            <li key={list.id}>
              <p>
                {t('consent.lists.summary', {
                  name: list.name,
                  count: list.verifiers,
                  date: dateOf(list.expiresAt),
                })}
              </p>
              {list.counts ? null : <p className="warning">{t('consent.lists.notCounting')}</p>}
              <button
                type="button"
                aria-label={t('consent.lists.remove', { name: list.name })}
                onClick={() => void removeList(list.id).then(refresh)}
              >
                {t('consent.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form key={`l-${formKey}`} onSubmit={submitList} noValidate>
        <div className="field">
          <label htmlFor="list-file">{t('consent.lists.file')}</label>
          <input id="list-file" name="list-file" type="file" accept=".jwt,.txt,application/jwt" />
        </div>
        <Field
          label={t('consent.lists.link')}
          name="list-link"
          type="url"
          inputMode="url"
          autoComplete="off"
        />
        <button type="submit" disabled={busy}>
          {t('consent.lists.add')}
        </button>
      </form>
      {listMessage ? (
        <p
          className={listMessage.ok ? 'success' : 'error'}
          role={listMessage.ok ? 'status' : 'alert'}
        >
          {t(listMessage.key)}
        </p>
      ) : null}
    </section>
  );
}
