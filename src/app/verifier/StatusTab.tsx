import { readFileOrText } from '../shared/read-upload.ts';
import { ListTable } from '../shared/ListTable.tsx';
import { useState, type FormEvent } from 'react';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { formatDateTime } from '../shared/format.ts';
import { formatAgo, secondsSince } from './age.ts';
import {
  fetchStatusListFrom,
  importStatusListText,
  removeCachedStatusList,
} from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

const MAX_STATUS_FILE_BYTES = 2 * 1024 * 1024;

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The desk's copies of issuers' revocation lists: import a file, fetch from an address, their age. */
export function StatusTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const lists = useVerifierStore((s) => s.statusLists);
  const policy = useVerifierStore((s) => s.policy);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const done = (result: Awaited<ReturnType<typeof importStatusListText>>) =>
    setNotice(
      result.ok
        ? { kind: 'success', text: t('verifier.status.stored', { uri: result.uri }) }
        : { kind: 'error', text: t(result.message) },
    );

  const importList = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const upload = await readFileOrText(
      data,
      { file: 'status-file', text: 'status-text' },
      MAX_STATUS_FILE_BYTES,
    );
    if (!upload.ok) {
      const message =
        upload.reason === 'too-large' ? 'verifier.status.malformed' : 'verifier.status.noFile';
      return setNotice({ kind: 'error', text: t(message) });
    }
    setBusy(true);
    const result = await importStatusListText(upload.text);
    setBusy(false);
    if (result.ok) form.reset();
    done(result);
  };

  const fetchList = async (uri: string) => {
    setBusy(true);
    setNotice(null);
    const result = await fetchStatusListFrom(uri);
    setBusy(false);
    done(result);
  };

  return (
    <div>
      <section aria-labelledby="status-lists-title">
        <h2 id="status-lists-title">{t('verifier.status.title')}</h2>
        <p>
          {t('verifier.status.intro', {
            hours: Math.round((policy?.maxAgeSeconds ?? 86_400) / 3600),
          })}
        </p>
        <ListTable
          isEmpty={lists.length === 0}
          emptyText={t('verifier.status.empty')}
          columns={[
            t('verifier.status.uri'),
            t('verifier.status.issuedAt'),
            t('verifier.status.fetchedAt'),
          ]}
          actionsLabel={t('verifier.trust.own.actions')}
        >
          {lists.map((list) => {
            const age = secondsSince(list.fetchedAt);
            const stale = policy ? age > policy.maxAgeSeconds : false;
            return (
              <tr key={list.id}>
                <th scope="row">
                  <code className="did">{list.uri}</code>
                  {list.kind === 'bitstring' ? (
                    <span className="hint"> {t('verifier.status.bitstring')}</span>
                  ) : null}
                </th>
                <td>{formatDateTime(list.issuedAt, language)}</td>
                <td>
                  {formatAgo(age, language)}
                  {stale ? ` — ${t('verifier.status.stale')}` : ''}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void fetchList(list.uri)}>
                    {t('verifier.status.refetch')}
                  </button>{' '}
                  <button type="button" onClick={() => void removeCachedStatusList(list.id)}>
                    {t('verifier.status.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </ListTable>
        {notice ? (
          <p className={notice.kind} role={notice.kind === 'success' ? 'status' : 'alert'}>
            {notice.text}
          </p>
        ) : null}
        {busy ? <p role="status">{t('verifier.status.fetching')}</p> : null}
      </section>
      <section aria-labelledby="status-import-title">
        <h3 id="status-import-title">{t('verifier.status.importTitle')}</h3>
        <form onSubmit={importList} noValidate>
          <Field
            label={t('verifier.status.file')}
            name="status-file"
            type="file"
            accept=".jwt,.txt,text/plain"
          />
          <div className="field">
            <label htmlFor="status-text">{t('verifier.status.text')}</label>
            <textarea id="status-text" name="status-text" rows={3} spellCheck={false} />
          </div>
          <button type="submit" disabled={busy}>
            {t('verifier.status.import')}
          </button>
        </form>
      </section>
      <section aria-labelledby="status-fetch-title">
        <h3 id="status-fetch-title">{t('verifier.status.fetchTitle')}</h3>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const uri = String(new FormData(event.currentTarget).get('status-uri') ?? '').trim();
            if (uri) void fetchList(uri);
          }}
          noValidate
        >
          <Field label={t('verifier.status.address')} name="status-uri" type="url" required />
          <button type="submit" disabled={busy}>
            {t('verifier.status.fetch')}
          </button>
        </form>
      </section>
    </div>
  );
}
