import { useEffect, useState, type FormEvent } from 'react';
import { readStoragePersistence, type StoragePersistence } from '../composition.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { formatDateTime } from '../shared/format.ts';
import { Field } from '../shared/Field.tsx';
import { importBackup, lastBackupAt, makeBackup, type BackupOutcome } from './backup-actions.ts';
import {
  canChooseFolder,
  chooseBackupFolder,
  forgetBackupFolder,
  readBackupFolder,
} from './backup-folder.ts';

/**
 * Settings → Backup: when the last backup was made, "Make a backup" (a download, or the folder
 * chosen once), the eviction warning when the browser keeps the wallet only as best effort, and
 * "Import a backup" into this wallet.
 */
export function BackupSection() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [last, setLast] = useState<string | null | undefined>(undefined);
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void lastBackupAt().then((at) => live && setLast(at));
    void readStoragePersistence().then((state) => live && setPersistence(state));
    void readBackupFolder().then((handle) => live && setFolder(handle?.name ?? null));
    return () => {
      live = false;
    };
  }, []);

  const make = async () => {
    setBusy(true);
    setOutcome(null);
    const made = await makeBackup();
    setBusy(false);
    setOutcome(made);
    if (made.key !== 'backup.failed') setLast(made.at);
  };

  return (
    <section aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      {last === undefined ? null : (
        <p>
          {last ? t('backup.last', { date: formatDateTime(last, language) }) : t('backup.none')}
        </p>
      )}
      {persistence && persistence !== 'persisted' ? (
        <p className="warning">{t('backup.eviction')}</p>
      ) : null}
      <button type="button" className="primary" onClick={() => void make()} disabled={busy}>
        {t('backup.make')}
      </button>
      {busy ? <p role="status">{t('backup.making')}</p> : null}
      {outcome ? (
        <p role={outcome.key === 'backup.failed' ? 'alert' : 'status'}>
          {outcome.key === 'backup.failed'
            ? t(outcome.key)
            : t(outcome.key, { count: String(outcome.count), folder: outcome.folder ?? '' })}
        </p>
      ) : null}
      {canChooseFolder() ? (
        <div className="actions">
          {folder ? <p>{t('backup.folder.current', { folder })}</p> : null}
          <button
            type="button"
            onClick={async () => {
              const chosen = await chooseBackupFolder();
              if (chosen) setFolder(chosen.name);
            }}
          >
            {t('backup.folder.choose')}
          </button>
          {folder ? (
            <button
              type="button"
              onClick={async () => {
                await forgetBackupFolder();
                setFolder(null);
              }}
            >
              {t('backup.folder.forget')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ImportBackup
        onImported={(at) => setLast((previous) => (previous && previous > at ? previous : at))}
      />
    </section>
  );
}

function ImportBackup({ onImported }: { onImported: (createdAt: string) => void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [message, setMessage] = useState<{
    key: MessageKey;
    params?: Record<string, string>;
  } | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('backup-file');
    if (!(file instanceof File) || file.size === 0) {
      setFailed(true);
      return setMessage({ key: 'backup.import.noFile' });
    }
    setBusy(true);
    setMessage(null);
    const result = await importBackup(file);
    setBusy(false);
    setFailed(!result.ok);
    if (!result.ok) return setMessage({ key: result.key });
    onImported(result.createdAt);
    setMessage({
      key: 'backup.import.done',
      params: {
        added: String(result.added),
        kept: String(result.kept),
        date: formatDateTime(result.createdAt, language),
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-backup-import">
      <h3 id="settings-backup-import">{t('backup.import.title')}</h3>
      <p>{t('backup.import.intro')}</p>
      <Field
        label={t('backup.import.file')}
        name="backup-file"
        type="file"
        accept=".vouchbackup,application/octet-stream"
        error={failed && message ? t(message.key, message.params) : null}
      />
      <button type="submit" disabled={busy}>
        {t('backup.import.submit')}
      </button>
      {busy ? <p role="status">{t('backup.import.working')}</p> : null}
      {!failed && message ? <p role="status">{t(message.key, message.params)}</p> : null}
    </form>
  );
}
