/**
 * The vault's clear-text header (VaultMeta) and stored records, as read back from storage: old or
 * foreign data is validated here and reported as 'corrupt' by the caller, never trusted.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import {
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  MAX_SALT_BYTES,
  MIN_PBKDF2_ITERATIONS,
  MIN_SALT_BYTES,
  TAG_BYTES,
} from './kdf-policy.ts';
import type { EncryptedRecord, KdfParams, VaultMeta } from './ports.ts';
import { utf8ToBytes } from '../encoding/index.ts';

/** The only format this code writes and reads. A future format 2 gets its own schema and a migration. */
export const VAULT_FORMAT = 1;

const bytes = (min: number, max: number) =>
  z.instanceof(Uint8Array).refine((value) => value.length >= min && value.length <= max, {
    message: `expected ${min === max ? min : `${min}–${max}`} bytes`,
  });

const sealedSchema = z.object({
  iv: bytes(IV_BYTES, IV_BYTES),
  ciphertext: bytes(TAG_BYTES, Number.MAX_SAFE_INTEGER),
});

const kdfSchema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
  salt: bytes(MIN_SALT_BYTES, MAX_SALT_BYTES),
});

const metaSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  createdAt: z.string().min(1),
  kdf: kdfSchema,
  // A wrapped AES-256 key: 32 key bytes + the 16-byte tag.
  wrappedDataKey: sealedSchema,
});

const recordSchema = z.object({ id: z.string().min(1), sealed: sealedSchema });

/** Validate meta read from storage; undefined when it is malformed, old, foreign or below policy. */
export function parseVaultMeta(raw: unknown): VaultMeta | undefined {
  const parsed = metaSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Validate a stored record; undefined when malformed or filed under another id. */
export function parseEncryptedRecord(raw: unknown, id: string): EncryptedRecord | undefined {
  const parsed = recordSchema.safeParse(raw);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/**
 * AAD for the wrapped data key: binds the format and every KDF parameter to the wrap, so a stored
 * header cannot be edited (say, to fewer iterations or another salt) and still unwrap. Layout:
 * `vouch-vault-key|format=1|kdf=PBKDF2-SHA-256|iterations=<decimal>|salt=<hex>` in UTF-8.
 */
export function keyWrapAad(format: typeof VAULT_FORMAT, kdf: KdfParams): Uint8Array {
  return utf8ToBytes(
    `vouch-vault-key|format=${format}|kdf=${kdf.name}-${kdf.hash}` +
      `|iterations=${kdf.iterations}|salt=${bytesToHex(kdf.salt)}`,
  );
}

/** AAD for a record: its id in UTF-8, so ciphertexts cannot be swapped between records. */
export function recordAad(id: string): Uint8Array {
  return utf8ToBytes(id);
}
