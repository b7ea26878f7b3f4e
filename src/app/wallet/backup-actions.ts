/**
 * Backup actions for the wallet's screens (issue 13 items 4–5): make a backup file (a download, or
 * into the folder the citizen chose), note when; import one into the open wallet; and, on the
 * restore path, check a file against the words before the wallet is created and restore it after.
 * Core and crypto load with this module, which only screens behind the lock or onboarding import.
 */
import {
  checkBackupWords,
  importWalletBackup,
  makeWalletBackup,
  MAX_BACKUP_BYTES,
  readBackupState,
  recordBackupMade,
  type BackupProblem,
} from '../../core/backup/index.ts';
import { mnemonicToSeed } from '../../core/keys/index.ts';
import { walletVaultDeps } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { downloadBlob } from '../shared/download.ts';
import { readBackupFolder, writeToFolder } from './backup-folder.ts';
import { heldBackupFile, holdBackupFile, setRestoreStatus } from './backup-pending.ts';
import { refreshCredentials } from './credential-actions.ts';
import { getSession } from './session.ts';

export type BackupOutcome =
  | {
      key: 'backup.made' | 'backup.madeInFolder' | 'backup.folderDenied';
      count: number;
      folder?: string;
      at: string;
    }
  | { key: 'backup.failed' };

const problemKey = (reason: BackupProblem | 'unreadable'): MessageKey => `backup.problem.${reason}`;

/** `vouch-backup-2026-12-01T10-30-00Z.vouchbackup` (sorts by time, no characters a file system refuses). */
function fileName(createdAt: string): string {
  return `vouch-backup-${createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.vouchbackup`;
}

export async function makeBackup(): Promise<BackupOutcome> {
  const wallet = getSession();
  if (!wallet) return { key: 'backup.failed' };
  try {
    const made = await makeWalletBackup(wallet, {
      crypto: walletVaultDeps().crypto,
      now: new Date(),
    });
    const file = new Blob(made.parts as BlobPart[], { type: 'application/octet-stream' });
    const name = fileName(made.createdAt);
    const folder = await readBackupFolder();
    let key: 'backup.made' | 'backup.madeInFolder' | 'backup.folderDenied' = 'backup.made';
    if (folder) {
      key = (await writeToFolder(folder, name, file))
        ? 'backup.madeInFolder'
        : 'backup.folderDenied';
    }
    if (key !== 'backup.madeInFolder') downloadBlob(name, file);
    await recordBackupMade(wallet, made.createdAt);
    return {
      key,
      count: made.records,
      at: made.createdAt,
      ...(folder ? { folder: folder.name } : {}),
    };
  } catch {
    return { key: 'backup.failed' };
  }
}

/** When the last backup was made (ISO 8601); null when none was. */
export async function lastBackupAt(): Promise<string | null> {
  const wallet = getSession();
  if (!wallet) return null;
  return (await readBackupState(wallet))?.lastBackupAt ?? null;
}

async function readFile(file: File): Promise<Uint8Array | MessageKey> {
  if (file.size > MAX_BACKUP_BYTES) return problemKey('oversized');
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return problemKey('unreadable');
  }
}

export type ImportOutcome =
  { ok: true; added: number; kept: number; createdAt: string } | { ok: false; key: MessageKey };

/** Import a backup into the open wallet: adds what is missing, overwrites nothing. */
export async function importBackup(file: File): Promise<ImportOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, key: 'error.unexpected' };
  const bytes = await readFile(file);
  if (typeof bytes === 'string') return { ok: false, key: bytes };
  const result = await importWalletBackup(wallet, bytes, {
    crypto: walletVaultDeps().crypto,
    prefer: 'wallet',
  });
  if (!result.ok) return { ok: false, key: problemKey(result.reason) };
  void refreshCredentials();
  return { ok: true, ...result.value };
}

// ——— The restore path: the file held beside the words (backup-pending.ts) ———

/**
 * Before the wallet is created: can these words open the chosen file, whole? A message key when
 * not (nothing has been created yet, so nothing changes); null when there is no file or it opens.
 */
export async function checkHeldBackup(
  mnemonic: string,
  passphrase: string,
): Promise<MessageKey | null> {
  const file = heldBackupFile();
  if (!file) return null;
  const bytes = await readFile(file);
  if (typeof bytes === 'string') return bytes;
  const seed = await mnemonicToSeed(mnemonic, passphrase);
  try {
    const checked = await checkBackupWords(bytes, { crypto: walletVaultDeps().crypto, seed });
    return checked.ok ? null : problemKey(checked.reason);
  } finally {
    seed.fill(0);
  }
}

/** After the wallet is created from the words: bring in the held file (the backup wins over the defaults). */
export async function restoreHeldBackup(): Promise<void> {
  const file = heldBackupFile();
  holdBackupFile(null);
  const wallet = getSession();
  if (!file || !wallet) return;
  setRestoreStatus({ state: 'restoring' });
  const bytes = await readFile(file);
  if (typeof bytes === 'string') return setRestoreStatus({ state: 'failed', key: bytes });
  try {
    const result = await importWalletBackup(wallet, bytes, {
      crypto: walletVaultDeps().crypto,
      prefer: 'backup',
    });
    if (!result.ok) return setRestoreStatus({ state: 'failed', key: problemKey(result.reason) });
    await refreshCredentials();
    setRestoreStatus({
      state: 'done',
      count: result.value.added + result.value.replaced,
      createdAt: result.value.createdAt,
    });
  } catch {
    setRestoreStatus({ state: 'failed', key: 'backup.failed' });
  }
}
