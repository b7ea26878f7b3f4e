/**
 * The encrypted vault: create, unlock, erase. Key hierarchy (docs/vault.md):
 * passcode → PBKDF2-SHA256 (≥ 600,000 iterations, random salt) → key-encryption key → wraps a random
 * AES-GCM-256 data key → seals every record (AAD = record id). Only VaultMeta is stored in clear.
 */
import { failed, ok, type Result } from '../result.ts';
import { MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, SALT_BYTES } from './kdf-policy.ts';
import { assertPasscode, deriveKek } from './passcode.ts';
import type { KdfParams, StorageWrite, VaultMeta } from './ports.ts';
import { openBytes, sealBytes } from './record-codec.ts';
import { SECRET_RECORD_ID } from './record-id.ts';
import { openUnlockedVault, type UnlockedVault } from './unlocked-vault.ts';
import type { VaultDeps } from './vault-deps.ts';
import { keyWrapAad, parseVaultMeta, VAULT_FORMAT } from './vault-meta.ts';

export interface CreateVaultOptions {
  readonly passcode: string;
  /** The wallet secret (the seed bytes). Copied into the vault encrypted; the caller still owns and wipes its array. */
  readonly secret: Uint8Array;
  /** PBKDF2 iterations; defaults to MIN_PBKDF2_ITERATIONS, and less is refused ('weak-kdf'). */
  readonly iterations?: number;
}

/** 'empty' when no vault exists, 'locked' when one does and its header is well-formed. */
export async function readVaultStatus(
  deps: VaultDeps,
): Promise<Result<'empty' | 'locked', 'corrupt'>> {
  const raw = await deps.storage.readMeta();
  if (raw === undefined) return ok('empty');
  return parseVaultMeta(raw) ? ok('locked') : failed('corrupt');
}

/**
 * Create a vault holding `secret`, unlocked. Refuses when any vault header exists (even a corrupt
 * one: erase first) and when `iterations` is below policy. Header and secret land in one commit.
 */
export async function createVault(
  deps: VaultDeps,
  options: CreateVaultOptions,
): Promise<Result<UnlockedVault, 'exists' | 'weak-kdf'>> {
  const { storage, crypto } = deps;
  const { passcode, secret, iterations = MIN_PBKDF2_ITERATIONS } = options;
  assertPasscode(passcode);
  if (!(secret instanceof Uint8Array) || secret.length === 0) {
    throw new TypeError('"secret" expected a non-empty Uint8Array');
  }
  if (!Number.isSafeInteger(iterations) || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(
      `"iterations" expected an integer up to ${MAX_PBKDF2_ITERATIONS}, got ${iterations}`,
    );
  }
  if (iterations < MIN_PBKDF2_ITERATIONS) return failed('weak-kdf');
  if ((await storage.readMeta()) !== undefined) return failed('exists');

  const kdf: KdfParams = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: crypto.randomBytes(SALT_BYTES),
  };
  const aad = keyWrapAad(VAULT_FORMAT, kdf);
  const kek = await deriveKek(crypto, passcode, kdf);
  const wrappedDataKey = await crypto.wrapDataKey(await crypto.generateDataKey(), kek, aad);
  // Work with the unwrapped, non-extractable handle from here on, as after any unlock.
  const dataKey = await crypto.unwrapDataKey(wrappedDataKey, kek, aad);
  if (!dataKey) throw new Error('createVault: a freshly wrapped data key did not unwrap');

  const meta: VaultMeta = {
    format: VAULT_FORMAT,
    createdAt: (deps.now ?? (() => new Date()))().toISOString(),
    kdf,
    wrappedDataKey,
  };
  // Records left without a header (foreign data) would never decrypt: a new vault starts clean.
  const orphans = await storage.listRecordIds('');
  const writes: StorageWrite[] = [
    ...orphans.map((id) => ({ delete: id })),
    { put: await sealBytes({ crypto, dataKey }, SECRET_RECORD_ID, secret) },
  ];
  await storage.commit(writes, meta);
  return ok(openUnlockedVault({ deps, meta, dataKey }));
}

/**
 * Unlock with `passcode`. A malformed, foreign or below-policy header, or a secret that does not
 * decrypt, is 'corrupt'; a failed unwrap is 'wrong-passcode'. Nothing is written either way.
 */
export async function unlockVault(
  deps: VaultDeps,
  passcode: string,
): Promise<Result<UnlockedVault, 'no-vault' | 'wrong-passcode' | 'corrupt'>> {
  const { storage, crypto } = deps;
  if (typeof passcode !== 'string') throw new TypeError('"passcode" expected a string');
  const raw = await storage.readMeta();
  if (raw === undefined) return failed('no-vault');
  const meta = parseVaultMeta(raw);
  if (!meta) return failed('corrupt');
  if (passcode === '') return failed('wrong-passcode'); // no vault has an empty passcode

  const kek = await deriveKek(crypto, passcode, meta.kdf);
  const dataKey = await crypto.unwrapDataKey(
    meta.wrappedDataKey,
    kek,
    keyWrapAad(meta.format, meta.kdf),
  );
  if (!dataKey) return failed('wrong-passcode');

  const secret = await openBytes(
    { crypto, dataKey },
    SECRET_RECORD_ID,
    await storage.readRecord(SECRET_RECORD_ID),
  );
  if (!secret.ok || !secret.value) return failed('corrupt');
  secret.value.fill(0);
  return ok(openUnlockedVault({ deps, meta, dataKey }));
}

/** Remove the vault and every record (erase the wallet). Open sessions become unusable. */
export async function eraseVault(deps: Pick<VaultDeps, 'storage'>): Promise<void> {
  await deps.storage.erase();
}
