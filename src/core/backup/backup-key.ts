/**
 * The backup key (docs/keys.md §"The backup key", docs/backup.md):
 *
 *   backupKey = HKDF-SHA256(ikm = BIP39 seed (64 bytes), salt = empty, info = "vouch/backup/v1", L = 32)
 *
 * used as an AES-256-GCM key through the vault's crypto port, so the browser and Node share this
 * code. It is a different function of the seed than the BIP32 tree: no signing key opens a backup.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../encoding/index.ts';
import type { KeyHandle, VaultCrypto } from '../vault/index.ts';

/** The HKDF `info` label; also written in every backup's header. A new derivation gets a new label. */
export const BACKUP_KDF_LABEL = 'vouch/backup/v1';

const SEED_BYTES = 64;
const KEY_BYTES = 32;

/** Derive the backup key from the BIP39 seed. The key bytes are wiped once imported. */
export async function deriveBackupKey(crypto: VaultCrypto, seed: Uint8Array): Promise<KeyHandle> {
  if (!(seed instanceof Uint8Array) || seed.length !== SEED_BYTES) {
    throw new RangeError(`"seed" expected ${SEED_BYTES} bytes, got ${String(seed?.length)}`);
  }
  const keyBytes = hkdf(sha256, seed, new Uint8Array(0), utf8ToBytes(BACKUP_KDF_LABEL), KEY_BYTES);
  try {
    return await crypto.importEncryptionKey(keyBytes);
  } finally {
    keyBytes.fill(0);
  }
}
