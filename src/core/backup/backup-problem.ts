import { failedWith, type Failed } from '../result.ts';

/**
 * Why a backup file was refused. Each is told apart so the citizen hears what to do:
 * - `not-a-backup`: the file does not start with the backup magic (another file was chosen);
 * - `unsupported-version`: a backup of a format or key derivation this version does not know;
 * - `oversized`: larger than MAX_BACKUP_BYTES, refused before anything is read;
 * - `truncated`: the file ends early (in the header, inside a chunk, or before the final chunk);
 * - `wrong-words`: the key check fails: the backup was made with other words (or passphrase);
 * - `tampered`: the words are right but a chunk does not authenticate or is malformed.
 */
export type BackupProblem =
  'not-a-backup' | 'unsupported-version' | 'oversized' | 'truncated' | 'wrong-words' | 'tampered';

export type BackupFailure = Failed<BackupProblem, { readonly message: string }>;

export const backupFailure = (reason: BackupProblem, message: string): BackupFailure =>
  failedWith(reason, { message });
