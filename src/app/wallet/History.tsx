import { useEffect, useState } from 'react';
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../../core/credentials/index.ts';
import type { HistoryEntry } from '../../core/holder/index.ts';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { downloadText } from '../shared/download.ts';
import { formatDateTime } from '../shared/format.ts';
import { openView } from './credential-actions.ts';
import { clearHistory, historyAsJson, loadHistory } from './present-actions.ts';
import { ReceiptList } from './ReceiptList.tsx';

/** Every presentation: when, to whom, why, which claims. Readable, exportable, deletable. */
export function History() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);

  useEffect(() => {
    let live = true;
    void loadHistory().then((loaded) => live && setEntries(loaded));
    return () => {
      live = false;
    };
  }, []);

  const labelOf = (typeId: string, claim: string): string => {
    const type = CREDENTIAL_TYPES[typeId as CredentialTypeId];
    return type?.claims.find((c) => c.name === claim)?.label[language] ?? claim;
  };

  return (
    <section className="card" aria-labelledby="history-title">
      <div className="title-row">
        <h1 id="history-title">{t('history.title')}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <p>{t('history.intro')}</p>
      {entries === null ? <p role="status">{t('app.loading')}</p> : null}
      {entries?.length === 0 ? <p className="empty">{t('history.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <>
          <ol className="history">
            {entries.map((entry) => (
              <li key={entry.id}>
                <h2>{entry.verifierName}</h2>
                <p className="hint">{formatDateTime(entry.at, language)}</p>
                <p>
                  {t('present.purpose')}: {entry.purpose}
                </p>
                <ul>
                  {entry.items.map((item) => (
                    <li key={item.credentialId}>
                      {CREDENTIAL_TYPES[item.typeId as CredentialTypeId]?.name[language] ??
                        item.typeId}{' '}
                      ({item.issuerName}):{' '}
                      {item.claims.map((claim) => labelOf(item.typeId, claim)).join(', ')}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              onClick={async () => {
                const json = await historyAsJson();
                if (json) downloadText('vouch-history.json', json, 'application/json');
              }}
            >
              {t('history.export')}
            </button>
            <ConfirmButton
              label={t('history.delete')}
              title={t('history.deleteTitle')}
              confirmLabel={t('history.deleteConfirm')}
              cancelLabel={t('common.cancel')}
              onConfirm={async () => {
                await clearHistory();
                setEntries([]);
              }}
            >
              <p>{t('history.deleteBody')}</p>
            </ConfirmButton>
          </div>
        </>
      ) : null}
      <ReceiptList />
    </section>
  );
}
