import { useEffect, useState } from 'react';
import { readStoragePersistence } from '../composition.ts';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { formatDateTime } from '../shared/format.ts';
import { setRestoreStatus, useRestoreStatus } from './backup-pending.ts';

const REMINDER_DISMISSED = 'vouch.backupReminderDismissed';

/**
 * On home: how a restore from a backup went; and, once after setup, when the browser keeps the
 * wallet only as best effort and no backup was made, what that means and a way to make one.
 */
export function BackupNotice() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const status = useRestoreStatus();
  const [remind, setRemind] = useState(false);

  useEffect(() => {
    let live = true;
    if (localStorage.getItem(REMINDER_DISMISSED)) return;
    void (async () => {
      const persistence = await readStoragePersistence();
      if (persistence === 'persisted') return;
      const { lastBackupAt } = await import('./backup-actions.ts');
      if (live && !(await lastBackupAt())) setRemind(true);
    })();
    return () => {
      live = false;
    };
  }, []);

  if (status.state === 'restoring') return <p role="status">{t('backup.restore.working')}</p>;
  if (status.state === 'done' || status.state === 'failed') {
    return (
      <div className="notice" role={status.state === 'failed' ? 'alert' : 'status'}>
        <p>
          {status.state === 'done'
            ? t('backup.restore.done', {
                date: formatDateTime(status.createdAt, language),
                count: String(status.count),
              })
            : t('backup.restore.failed', { reason: t(status.key) })}
        </p>
        <button type="button" onClick={() => setRestoreStatus({ state: 'idle' })}>
          {t('common.close')}
        </button>
      </div>
    );
  }
  if (!remind) return null;
  const dismiss = () => {
    localStorage.setItem(REMINDER_DISMISSED, '1');
    setRemind(false);
  };
  return (
    <section className="notice" aria-labelledby="backup-reminder">
      <h2 id="backup-reminder">{t('backup.reminder.title')}</h2>
      <p>{t('backup.eviction')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const { makeBackup } = await import('./backup-actions.ts');
            const made = await makeBackup();
            if (made.key !== 'backup.failed') dismiss();
          }}
        >
          {t('backup.make')}
        </button>
        <button type="button" onClick={dismiss}>
          {t('backup.reminder.dismiss')}
        </button>
      </div>
    </section>
  );
}
