/**
 * The vault's clear-text header (VaultMeta) and stored records, as read back from storage: old or
 * foreign data is validated here and reported as 'corrupt' by the caller, never trusted.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import {
  IV_BYTES,
  kdfPolicyProblem,
  MAX_CREDENTIAL_ID_BYTES,
  MAX_SALT_BYTES,
  MIN_CREDENTIAL_ID_BYTES,
  MIN_SALT_BYTES,
  PRF_SALT_BYTES,
  TAG_BYTES,
} from './kdf-policy.ts';
import type { DeviceWrap, EncryptedRecord, KdfParams, VaultMeta } from './ports.ts';
import { failedWith, ok, type Result } from '../result.ts';
import { utf8ToBytes } from '../encoding/index.ts';

/**
 * The format new vaults are written in: 2 (Argon2id, optional device wrap). Format 1 (PBKDF2) is
 * still read, to unlock it once and migrate it.
 */
export const VAULT_FORMAT = 2;
export type VaultFormat = VaultMeta['format'];

const bytes = (min: number, max: number) =>
  z.instanceof(Uint8Array).refine((value) => value.length >= min && value.length <= max, {
    message: `expected ${min === max ? min : `${min}–${max}`} bytes`,
  });

const sealedSchema = z.object({
  iv: bytes(IV_BYTES, IV_BYTES),
  ciphertext: bytes(TAG_BYTES, Number.MAX_SAFE_INTEGER),
});

// Bounds are checked by kdfPolicyProblem (one policy for creation and for reading back).
const pbkdf2Schema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number(),
  salt: bytes(MIN_SALT_BYTES, MAX_SALT_BYTES),
});

const argon2idSchema = z.object({
  name: z.literal('Argon2id'),
  version: z.literal(19),
  memoryKiB: z.number(),
  iterations: z.number(),
  parallelism: z.number(),
  salt: bytes(MIN_SALT_BYTES, MAX_SALT_BYTES),
});

const deviceWrapSchema = z.object({
  credentialId: bytes(MIN_CREDENTIAL_ID_BYTES, MAX_CREDENTIAL_ID_BYTES),
  prfSalt: bytes(PRF_SALT_BYTES, PRF_SALT_BYTES),
  wrappedDataKey: sealedSchema,
});

const metaSchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal(1),
    createdAt: z.string().min(1),
    kdf: pbkdf2Schema,
    // A wrapped AES-256 key: 32 key bytes + the 16-byte tag.
    wrappedDataKey: sealedSchema,
  }),
  z.object({
    format: z.literal(2),
    createdAt: z.string().min(1),
    kdf: argon2idSchema,
    wrappedDataKey: sealedSchema,
    device: deviceWrapSchema.optional(),
    // A keyboard hint only: an unknown value is dropped (read as 'passphrase'), never 'corrupt'.
    passcodeKind: z.enum(['digits', 'passphrase']).optional().catch(undefined),
  }),
]);

const recordSchema = z.object({ id: z.string().min(1), sealed: sealedSchema });

/**
 * Validate meta read from storage. Malformed, foreign, unknown-format, unknown-KDF or
 * outside-policy headers fail with 'corrupt' and a sentence naming the field, what was found and
 * what was expected (for logs and tests; the UI says "corrupt" in words of its own).
 */
export function checkVaultMeta(raw: unknown): Result<VaultMeta, 'corrupt', string> {
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'header';
    return failedWith('corrupt', `vault header: "${where}" ${issue?.message ?? 'is malformed'}`);
  }
  const problem = kdfPolicyProblem(parsed.data.kdf);
  if (problem) return failedWith('corrupt', `vault header: ${problem}`);
  return ok(parsed.data);
}

/** Validate meta read from storage; undefined when it is malformed, old, foreign or below policy. */
export function parseVaultMeta(raw: unknown): VaultMeta | undefined {
  const checked = checkVaultMeta(raw);
  return checked.ok ? checked.value : undefined;
}

/** Validate a stored record; undefined when malformed or filed under another id. */
export function parseEncryptedRecord(raw: unknown, id: string): EncryptedRecord | undefined {
  const parsed = recordSchema.safeParse(raw);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/**
 * AAD for the passcode wrap of the data key: binds the format and every KDF parameter to the wrap,
 * so a stored header cannot be edited (fewer iterations, less memory, another salt) and still
 * unwrap. Layout, UTF-8:
 * - format 1: `vouch-vault-key|format=1|kdf=PBKDF2-SHA-256|iterations=<n>|salt=<hex>`
 * - format 2: `vouch-vault-key|format=2|kdf=Argon2id|v=19|m=<KiB>|t=<n>|p=<n>|salt=<hex>`
 */
export function keyWrapAad(format: VaultFormat, kdf: KdfParams): Uint8Array {
  const params =
    kdf.name === 'PBKDF2'
      ? `kdf=${kdf.name}-${kdf.hash}|iterations=${kdf.iterations}`
      : `kdf=${kdf.name}|v=${kdf.version}|m=${kdf.memoryKiB}|t=${kdf.iterations}|p=${kdf.parallelism}`;
  return utf8ToBytes(`vouch-vault-key|format=${format}|${params}|salt=${bytesToHex(kdf.salt)}`);
}

/**
 * AAD for the device (WebAuthn PRF) wrap of the data key, binding the credential and PRF salt:
 * `vouch-vault-device-key|format=2|credential=<hex>|prf-salt=<hex>` in UTF-8.
 */
export function deviceWrapAad(device: Pick<DeviceWrap, 'credentialId' | 'prfSalt'>): Uint8Array {
  return utf8ToBytes(
    `vouch-vault-device-key|format=2|credential=${bytesToHex(device.credentialId)}` +
      `|prf-salt=${bytesToHex(device.prfSalt)}`,
  );
}

/** AAD for a record: its id in UTF-8, so ciphertexts cannot be swapped between records. */
export function recordAad(id: string): Uint8Array {
  return utf8ToBytes(id);
}
