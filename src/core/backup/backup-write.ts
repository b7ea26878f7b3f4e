/** Writing a backup file (backup-format.ts): every vault record, compressed and sealed by chunk. */
import { deflateSync } from 'fflate';
import { utf8ToBytes } from '../encoding/index.ts';
import type { KeyHandle, UnlockedVault, VaultCrypto } from '../vault/index.ts';
import {
  chunkAad,
  CHUNK_TARGET_BYTES,
  encodeChunk,
  encodeHeader,
  FLAG_FINAL,
  KEY_CHECK_AAD,
} from './backup-format.ts';

export interface WriteBackupOptions {
  readonly vault: UnlockedVault;
  readonly crypto: VaultCrypto;
  /** The backup key (deriveBackupKey). */
  readonly key: KeyHandle;
  readonly now: Date;
  /** Record ids never written to a backup (the wallet's own note of its last backup). */
  readonly exclude?: ReadonlySet<string>;
  /** Cut a chunk when its JSON passes this many bytes (default CHUNK_TARGET_BYTES; tests go lower). */
  readonly chunkBytes?: number;
}

export interface WrittenBackup {
  /** The file, in pieces (header, then one per chunk): a Blob or a file stream takes them as they are. */
  readonly parts: Uint8Array[];
  readonly createdAt: string;
  readonly records: number;
  /** Records the vault could not decrypt: left out, and counted so the citizen can be told. */
  readonly unreadable: number;
}

/**
 * Read every record the vault holds (by batch, generically: a new record kind is included without
 * a code change) and write the backup. Memory holds the file being built plus one chunk's JSON.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const { vault, crypto, key, now } = options;
  const exclude = options.exclude ?? new Set<string>();
  const target = options.chunkBytes ?? CHUNK_TARGET_BYTES;
  const keyCheck = await crypto.encrypt(key, new Uint8Array(0), KEY_CHECK_AAD);
  const header = encodeHeader({ createdAt: now, keyCheck });
  const parts: Uint8Array[] = [header];

  let pending: string[] = [];
  let pendingBytes = 0;
  let index = 0;
  let records = 0;
  let unreadable = 0;
  const seal = async (final: boolean) => {
    const flags = final ? FLAG_FINAL : 0;
    const json = utf8ToBytes(`{"records":[${pending.join(',')}]}`);
    const compressed = deflateSync(json, { level: 6 });
    json.fill(0);
    const sealed = await crypto.encrypt(key, compressed, chunkAad(header, index, flags));
    compressed.fill(0);
    parts.push(encodeChunk(flags, sealed.iv, sealed.ciphertext));
    index += 1;
    pending = [];
    pendingBytes = 0;
  };

  for await (const batch of vault.readAllRecordBatches()) {
    for (const { id, read } of batch) {
      if (exclude.has(id)) continue;
      if (!read.ok) {
        unreadable += 1;
        continue;
      }
      const entry = JSON.stringify({ id, value: read.value });
      if (pendingBytes > 0 && pendingBytes + entry.length > target) await seal(false);
      pending.push(entry);
      pendingBytes += entry.length + 1;
      records += 1;
    }
  }
  await seal(true);
  return { parts, createdAt: now.toISOString(), records, unreadable };
}
