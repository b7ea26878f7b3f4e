/**
 * The citizen's backup (issue 13 item 4): make one from an unlocked wallet, restore one into a
 * fresh wallet of the same words, or import one into a wallet that already holds records.
 * What wins when both hold a record is in docs/backup.md §Restore and import.
 */
import { z } from 'zod';
import { PROFILE_ID, type HolderWallet } from '../holder/holder-wallet.ts';
import { seedOf } from '../holder/wallet-secret.ts';
import { failed, ok, type Ok, type Result } from '../result.ts';
import type { KeyHandle, RecordWrite, VaultCrypto } from '../vault/index.ts';
import { deriveBackupKey } from './backup-key.ts';
import type { BackupFailure } from './backup-problem.ts';
import { openBackup, verifyBackup } from './backup-read.ts';
import { writeBackup, type WrittenBackup } from './backup-write.ts';

/** The wallet's note of its last backup: never written into a backup itself. */
export const BACKUP_STATE_ID = 'backup-state';

const backupStateSchema = z.object({ lastBackupAt: z.string().datetime({ offset: true }) });
export type BackupState = z.infer<typeof backupStateSchema>;

/** Records written per vault transaction when importing (about 5 MB of credentials). */
const RECORDS_PER_TRANSACTION = 2000;

/** Records a backup never brings in: this wallet's own profile and its own backup note. */
const NEVER_IMPORTED = new Set([PROFILE_ID, BACKUP_STATE_ID]);

async function walletBackupKey(wallet: HolderWallet, crypto: VaultCrypto): Promise<KeyHandle> {
  return wallet.vault.withSecret((secret) => deriveBackupKey(crypto, seedOf(secret)));
}

/** Make a backup of every record of the wallet. Call recordBackupMade once the file is saved. */
export async function makeWalletBackup(
  wallet: HolderWallet,
  options: { readonly crypto: VaultCrypto; readonly now: Date; readonly chunkBytes?: number },
): Promise<WrittenBackup> {
  return writeBackup({
    vault: wallet.vault,
    crypto: options.crypto,
    key: await walletBackupKey(wallet, options.crypto),
    now: options.now,
    exclude: new Set([BACKUP_STATE_ID]),
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
  });
}

/** Note that a backup made at `createdAt` is saved (Settings shows it). */
export async function recordBackupMade(wallet: HolderWallet, createdAt: string): Promise<void> {
  await wallet.vault.writeRecords([{ id: BACKUP_STATE_ID, value: { lastBackupAt: createdAt } }]);
}

/** When the last backup was made; undefined when none was (or the note does not read). */
export async function readBackupState(wallet: HolderWallet): Promise<BackupState | undefined> {
  const read = await wallet.vault.readRecord(BACKUP_STATE_ID, backupStateSchema);
  return read.ok ? read.value : undefined;
}

export interface ImportOptions {
  readonly crypto: VaultCrypto;
  /**
   * When the wallet and the backup hold the same record: `wallet` keeps the wallet's (import into
   * a wallet in use: nothing is overwritten), `backup` takes the backup's (restore into a wallet
   * just created from the words, whose only records are its defaults). Never deletes either way.
   */
  readonly prefer: 'wallet' | 'backup';
  /** Records per vault transaction (default RECORDS_PER_TRANSACTION; tests go lower). */
  readonly recordsPerTransaction?: number;
}

export interface ImportSummary {
  readonly createdAt: string;
  /** Records the wallet did not have. */
  readonly added: number;
  /** Records the backup replaced (prefer 'backup' only). */
  readonly replaced: number;
  /** Records the wallet kept as they were. */
  readonly kept: number;
}

/**
 * Check the whole file first (words, every chunk): a wrong, damaged or cut file changes nothing.
 * Then write the records in transactions of up to RECORDS_PER_TRANSACTION (each with the
 * credential index in step). If the page dies halfway, what is written stays and nothing was deleted:
 * importing the same file again adds the rest.
 */
export async function importWalletBackup(
  wallet: HolderWallet,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<Ok<ImportSummary> | BackupFailure> {
  const { crypto, prefer } = options;
  const opened = await openBackup({ bytes, crypto, key: await walletBackupKey(wallet, crypto) });
  if (!opened.ok) return opened;
  const verified = await verifyBackup(opened.value);
  if (!verified.ok) return verified;

  const existing = new Set(await wallet.vault.listRecordIds(''));
  let added = 0;
  let replaced = 0;
  let kept = 0;
  let writes: RecordWrite[] = [];
  // Several chunks per transaction: each one also re-seals the credential index's chunks.
  const flush = async () => {
    if (writes.length > 0) await wallet.vault.writeRecords(writes);
    writes = [];
  };
  for await (const chunk of opened.value.chunks()) {
    // Verified above; a file that changed in memory since is a bug, not a citizen's problem.
    if (!chunk.ok) throw new Error(`backup chunk changed after it was verified: ${chunk.reason}`);
    for (const { id, value } of chunk.value) {
      if (NEVER_IMPORTED.has(id)) continue;
      if (!existing.has(id)) added += 1;
      else if (prefer === 'backup') replaced += 1;
      else {
        kept += 1;
        continue;
      }
      writes.push({ id, value });
    }
    if (writes.length >= (options.recordsPerTransaction ?? RECORDS_PER_TRANSACTION)) await flush();
  }
  await flush();
  const createdAt = opened.value.header.createdAt;
  // A wallet restored from a backup has that backup: Settings says when it was made.
  const state = await readBackupState(wallet);
  if (!state || state.lastBackupAt < createdAt) await recordBackupMade(wallet, createdAt);
  return ok({ createdAt, added, replaced, kept });
}

/** Can these words open this backup? For the restore screen, before a wallet is created. */
export async function checkBackupWords(
  bytes: Uint8Array,
  options: { readonly crypto: VaultCrypto; readonly seed: Uint8Array },
): Promise<Result<{ createdAt: string }, BackupFailure['reason']>> {
  const key = await deriveBackupKey(options.crypto, options.seed);
  const opened = await openBackup({ bytes, crypto: options.crypto, key });
  if (!opened.ok) return failed(opened.reason);
  const verified = await verifyBackup(opened.value);
  if (!verified.ok) return failed(verified.reason);
  return ok({ createdAt: opened.value.header.createdAt });
}
