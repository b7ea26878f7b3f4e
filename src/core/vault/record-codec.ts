/**
 * Records are JSON, UTF-8 encoded and sealed with AES-GCM under the data key, a fresh IV per write
 * and the record id as AAD. The secret is sealed as raw bytes (never as JSON: a string holding the
 * seed could not be wiped).
 */
import type { z } from 'zod';
import { failed, ok, type Result } from '../result.ts';
import { parseEncryptedRecord, recordAad } from './vault-meta.ts';
import type { EncryptedRecord, KeyHandle, VaultCrypto } from './ports.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/index.ts';

interface CodecContext {
  readonly crypto: VaultCrypto;
  readonly dataKey: KeyHandle;
}

/** Seal raw bytes as record `id`. The caller keeps ownership of `plaintext`. */
export async function sealBytes(
  { crypto, dataKey }: CodecContext,
  id: string,
  plaintext: Uint8Array,
): Promise<EncryptedRecord> {
  const sealed = await crypto.encrypt(dataKey, plaintext, recordAad(id));
  return { id, sealed };
}

/**
 * Open a stored record as raw bytes: undefined when absent, 'corrupt' when malformed, filed under
 * another id or failing authentication. The caller owns (and must wipe) the returned bytes.
 */
export async function openBytes(
  { crypto, dataKey }: CodecContext,
  id: string,
  raw: unknown,
): Promise<Result<Uint8Array | undefined, 'corrupt'>> {
  if (raw === undefined) return ok(undefined);
  const record = parseEncryptedRecord(raw, id);
  if (!record) return failed('corrupt');
  const plaintext = await crypto.decrypt(dataKey, record.sealed, recordAad(id));
  return plaintext ? ok(plaintext) : failed('corrupt');
}

/** Seal a JSON value as record `id`. Throws a TypeError when `value` is not JSON-serialisable. */
export async function sealJson(
  context: CodecContext,
  id: string,
  value: unknown,
): Promise<EncryptedRecord> {
  const json: unknown = JSON.stringify(value);
  if (typeof json !== 'string') {
    throw new TypeError(`record ${JSON.stringify(id)}: value is not JSON-serialisable`);
  }
  const plaintext = utf8ToBytes(json);
  try {
    return await sealBytes(context, id, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** Open a stored JSON record and validate it with `schema`; anything unreadable is 'corrupt'. */
export async function openJson<T>(
  context: CodecContext,
  id: string,
  raw: unknown,
  schema: z.ZodType<T>,
): Promise<Result<T | undefined, 'corrupt'>> {
  const opened = await openBytes(context, id, raw);
  if (!opened.ok || opened.value === undefined) return opened as Result<undefined, 'corrupt'>;
  const plaintext = opened.value;
  let json: unknown;
  try {
    const text = bytesToUtf8(plaintext);
    if (!text.ok) return failed('corrupt');
    json = JSON.parse(text.value);
  } catch {
    return failed('corrupt');
  } finally {
    plaintext.fill(0);
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : failed('corrupt');
}
