export { BACKUP_KDF_LABEL, deriveBackupKey } from './backup-key.ts';
export {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  CHUNK_TARGET_BYTES,
  MAX_BACKUP_BYTES,
  MAX_CHUNK_PLAINTEXT_BYTES,
  type BackupHeader,
} from './backup-format.ts';
export { inspectBackup, recordKind, type BackupInspection } from './backup-inspect.ts';
export type { BackupFailure, BackupProblem } from './backup-problem.ts';
export {
  checkBackupKey,
  openBackup,
  readBackupHeader,
  verifyBackup,
  type BackupRecord,
  type OpenedBackup,
} from './backup-read.ts';
export { writeBackup, type WriteBackupOptions, type WrittenBackup } from './backup-write.ts';
export {
  BACKUP_STATE_ID,
  checkBackupWords,
  importWalletBackup,
  makeWalletBackup,
  readBackupState,
  recordBackupMade,
  type BackupState,
  type ImportOptions,
  type ImportSummary,
} from './wallet-backup.ts';
