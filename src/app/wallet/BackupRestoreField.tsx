import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { holdBackupFile } from './backup-pending.ts';

/**
 * On the restore screen, beside the words: the backup file to restore (optional). Only the File is
 * held here (until the restore takes it); it is read, and checked against the words, when the
 * passcode is chosen.
 */
export function BackupRestoreField() {
  const t = useT();
  // A fresh words screen starts without a file (the input is empty again too).
  useEffect(() => holdBackupFile(null), []);
  return (
    <Field
      label={t('backup.restore.file')}
      hint={t('backup.restore.fileHint')}
      name="backup-file"
      type="file"
      accept=".vouchbackup,application/octet-stream"
      onChange={(event) => holdBackupFile(event.currentTarget.files?.[0] ?? null)}
    />
  );
}
