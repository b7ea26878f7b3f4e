/**
 * The encrypted vault: create, unlock, erase. Key hierarchy (docs/vault.md):
 * passcode → Argon2id (64 MiB, t = 2, random salt) → key-encryption key → wraps a random AES-GCM-256
 * data key → seals every record (AAD = record id). Optionally a second wrap of the same data key
 * under a WebAuthn PRF secret (device unlock). Only VaultMeta is stored in clear.
 * Format-1 vaults (PBKDF2) are migrated to Argon2id at their next successful unlock.
 */
import { failed, ok, type Result } from '../result.ts';
import { assertPasscode, deriveKek, passcodeKind } from './passcode.ts';
import {
  DEFAULT_KDF,
  kdfParamsFor,
  passcodeBinding,
  rewrapUnderArgon2id,
  type KdfChoice,
} from './passcode-wrap.ts';
import type {
  DeviceKeyAuthenticator,
  DeviceKeyProblem,
  KeyHandle,
  PasscodeKind,
  StorageWrite,
  VaultMeta,
  VaultMetaV1,
  VaultMetaV2,
  WrapBinding,
} from './ports.ts';
import { openBytes, sealBytes } from './record-codec.ts';
import { SECRET_RECORD_ID } from './record-id.ts';
import { openUnlockedVault, type UnlockedVault } from './unlocked-vault.ts';
import type { VaultDeps } from './vault-deps.ts';
import { deviceWrapAad, keyWrapAad, parseVaultMeta } from './vault-meta.ts';

export interface CreateVaultOptions {
  readonly passcode: string;
  /** The wallet secret (the seed bytes). Copied into the vault encrypted; the caller still owns and wipes its array. */
  readonly secret: Uint8Array;
  /**
   * The passcode KDF; defaults to Argon2id at ARGON2ID_DEFAULTS. Below the floor is refused
   * ('weak-kdf'). PBKDF2 writes a legacy format-1 vault, for tests of migration only.
   */
  readonly kdf?: KdfChoice;
}

/** 'empty' when no vault exists, 'locked' when one does and its header is well-formed. */
export async function readVaultStatus(
  deps: VaultDeps,
): Promise<Result<'empty' | 'locked', 'corrupt'>> {
  const raw = await deps.storage.readMeta();
  if (raw === undefined) return ok('empty');
  return parseVaultMeta(raw) ? ok('locked') : failed('corrupt');
}

/** Whether the stored vault can be opened with the device (a WebAuthn PRF wrap exists). */
export async function hasDeviceUnlock(deps: Pick<VaultDeps, 'storage'>): Promise<boolean> {
  const meta = parseVaultMeta(await deps.storage.readMeta());
  return meta?.format === 2 && meta.device !== undefined;
}

/**
 * Which keyboard the lock screen should bring up. Vaults that do not say (format 1, or written
 * before the kind was kept) and unreadable headers get the full keyboard: 'passphrase'.
 */
export async function readPasscodeKind(deps: Pick<VaultDeps, 'storage'>): Promise<PasscodeKind> {
  const meta = parseVaultMeta(await deps.storage.readMeta());
  return meta?.format === 2 && meta.passcodeKind ? meta.passcodeKind : 'passphrase';
}

/**
 * Create a vault holding `secret`, unlocked. Refuses when any vault header exists (even a corrupt
 * one: erase first) and when the KDF is below policy. Header and secret land in one commit.
 */
export async function createVault(
  deps: VaultDeps,
  options: CreateVaultOptions,
): Promise<Result<UnlockedVault, 'exists' | 'weak-kdf'>> {
  const { storage, crypto } = deps;
  const { passcode, secret } = options;
  assertPasscode(passcode);
  if (!(secret instanceof Uint8Array) || secret.length === 0) {
    throw new TypeError('"secret" expected a non-empty Uint8Array');
  }
  const kdf = kdfParamsFor(crypto, options.kdf ?? DEFAULT_KDF);
  if (kdf === 'weak') return failed('weak-kdf');
  if ((await storage.readMeta()) !== undefined) return failed('exists');

  const format = kdf.name === 'PBKDF2' ? 1 : 2;
  const aad = keyWrapAad(format, kdf);
  const kek = await deriveKek(crypto, passcode, kdf);
  const wrappedDataKey = await crypto.wrapDataKey(await crypto.generateDataKey(), kek, aad);
  // Work with the unwrapped, non-extractable handle from here on, as after any unlock.
  const dataKey = await crypto.unwrapDataKey(wrappedDataKey, kek, aad);
  if (!dataKey) throw new Error('createVault: a freshly wrapped data key did not unwrap');

  const createdAt = (deps.now ?? (() => new Date()))().toISOString();
  const meta: VaultMeta =
    kdf.name === 'PBKDF2'
      ? { format: 1, createdAt, kdf, wrappedDataKey }
      : { format: 2, createdAt, kdf, wrappedDataKey, passcodeKind: passcodeKind(passcode) };
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
 * Unlock with `passcode`. A malformed, foreign or below-policy header (checkVaultMeta says which
 * field), or a secret that does not decrypt, is 'corrupt'; a failed unwrap is 'wrong-passcode' and
 * writes nothing. A format-1 (PBKDF2) vault that opens is migrated: the same data key is re-wrapped
 * under Argon2id and the new header committed alone, in one transaction; records are untouched.
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

  const from = await passcodeBinding(crypto, passcode, meta);
  const dataKey = await crypto.unwrapDataKey(meta.wrappedDataKey, from.kek, from.aad);
  if (!dataKey) return failed('wrong-passcode');
  if (!(await secretOpens(deps, dataKey))) return failed('corrupt');

  const current = meta.format === 1 ? await migrate(deps, meta, { from, passcode }) : meta;
  return ok(openUnlockedVault({ deps, meta: current, dataKey }));
}

export type DeviceUnlockProblem =
  | 'no-vault'
  | 'corrupt'
  /** The vault has no device wrap (never enabled, or turned off). */
  | 'no-device-unlock'
  /** The authenticator answered, but its secret does not open the wrap (another credential). */
  | 'device-rejected'
  | DeviceKeyProblem;

/**
 * Unlock with the device: the platform authenticator evaluates PRF(credential, stored salt) after
 * user verification; HKDF of that output is the key-encryption key of the device wrap.
 */
export async function unlockVaultWithDevice(
  deps: VaultDeps,
  authenticator: DeviceKeyAuthenticator,
): Promise<Result<UnlockedVault, DeviceUnlockProblem>> {
  const { storage, crypto } = deps;
  const raw = await storage.readMeta();
  if (raw === undefined) return failed('no-vault');
  const meta = parseVaultMeta(raw);
  if (!meta) return failed('corrupt');
  if (meta.format !== 2 || !meta.device) return failed('no-device-unlock');
  const { device } = meta;

  const prf = await authenticator.evaluate({
    credentialId: device.credentialId,
    salt: device.prfSalt,
  });
  if (!prf.ok) return failed(prf.reason);
  let kek: KeyHandle;
  try {
    kek = await crypto.deriveDeviceKeyEncryptionKey(prf.value);
  } finally {
    prf.value.fill(0);
  }
  const dataKey = await crypto.unwrapDataKey(device.wrappedDataKey, kek, deviceWrapAad(device));
  if (!dataKey) return failed('device-rejected');
  if (!(await secretOpens(deps, dataKey))) return failed('corrupt');
  return ok(openUnlockedVault({ deps, meta, dataKey }));
}

/** Remove the vault and every record (erase the wallet). Open sessions become unusable. */
export async function eraseVault(deps: Pick<VaultDeps, 'storage'>): Promise<void> {
  await deps.storage.erase();
}

/** The secret record decrypts under `dataKey` (checked at every unlock; the copy is wiped). */
async function secretOpens(deps: VaultDeps, dataKey: KeyHandle): Promise<boolean> {
  const secret = await openBytes(
    { crypto: deps.crypto, dataKey },
    SECRET_RECORD_ID,
    await deps.storage.readRecord(SECRET_RECORD_ID),
  );
  if (!secret.ok || !secret.value) return false;
  secret.value.fill(0);
  return true;
}

/**
 * Format 1 → 2 at unlock, while the passcode is at hand: re-wrap the same data key under Argon2id
 * and commit the header alone (one transaction). Until that commit lands the old header stays, so
 * a crash or a failed write leaves the PBKDF2 wrap usable and the next unlock tries again; the
 * session opens either way.
 */
async function migrate(
  deps: VaultDeps,
  meta: VaultMetaV1,
  options: { from: WrapBinding; passcode: string },
): Promise<VaultMeta> {
  const wrap = await rewrapUnderArgon2id(deps.crypto, {
    wrapped: meta.wrappedDataKey,
    from: options.from,
    passcode: options.passcode,
  });
  if (!wrap) return meta;
  const next: VaultMetaV2 = {
    format: 2,
    createdAt: meta.createdAt,
    ...wrap,
    passcodeKind: passcodeKind(options.passcode),
  };
  try {
    await deps.storage.commit([], next);
    return next;
  } catch {
    // The old header is intact (commit is all-or-nothing): stay on it until the next unlock.
    return meta;
  }
}
