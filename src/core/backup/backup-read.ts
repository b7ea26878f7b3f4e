/** Reading a backup file: a strict parser that decrypts one chunk at a time (backup-format.ts). */
import { Inflate } from 'fflate';
import { bytesToUtf8 } from '../encoding/index.ts';
import { failed, ok, type Failed, type Ok } from '../result.ts';
import { INDEX_RECORD_PREFIX, MAX_RECORD_ID_LENGTH, SECRET_RECORD_ID } from '../vault/index.ts';
import type { KeyHandle, VaultCrypto } from '../vault/index.ts';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  chunkAad,
  CHUNK_PREFIX_LENGTH,
  FLAG_FINAL,
  headerLength,
  IV_LENGTH,
  KEY_CHECK_AAD,
  MAX_BACKUP_BYTES,
  MAX_CHUNK_CIPHERTEXT_BYTES,
  MAX_CHUNK_PLAINTEXT_BYTES,
  TAG_LENGTH,
  type BackupHeader,
} from './backup-format.ts';
import { BACKUP_KDF_LABEL } from './backup-key.ts';
import { backupFailure, type BackupFailure } from './backup-problem.ts';

/** One record of a backup: its vault id and its JSON value. */
export interface BackupRecord {
  readonly id: string;
  readonly value: unknown;
}

/** Parse the clear header: no key needed (the CLI and the UI show the date before asking more). */
export function readBackupHeader(
  bytes: Uint8Array,
  maxBytes: number = MAX_BACKUP_BYTES,
): Ok<BackupHeader> | BackupFailure {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('"bytes" expected a Uint8Array');
  if (bytes.length > maxBytes) {
    return backupFailure(
      'oversized',
      `the file is ${bytes.length} bytes; a backup is at most ${maxBytes} bytes`,
    );
  }
  const magicFound = bytes.subarray(0, BACKUP_MAGIC.length);
  if (bytes.length === 0 || !magicFound.every((byte, i) => byte === BACKUP_MAGIC[i])) {
    return backupFailure('not-a-backup', 'the file does not start with "VOUCHBAK"');
  }
  if (bytes.length < BACKUP_MAGIC.length + 2) {
    return backupFailure('truncated', 'the file ends inside the header');
  }
  const version = bytes[8] as number;
  if (version !== BACKUP_FORMAT_VERSION) {
    return backupFailure(
      'unsupported-version',
      `format version ${version} is not known to this version (known: ${BACKUP_FORMAT_VERSION})`,
    );
  }
  const labelLength = bytes[9] as number;
  const length = headerLength(labelLength);
  if (bytes.length < length) return backupFailure('truncated', 'the file ends inside the header');
  const label = bytesToUtf8(bytes.subarray(10, 10 + labelLength));
  if (!label.ok || label.value !== BACKUP_KDF_LABEL) {
    return backupFailure(
      'unsupported-version',
      `key derivation ${JSON.stringify(label.ok ? label.value : '?')} is not known (known: "${BACKUP_KDF_LABEL}")`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const createdMs = Number(view.getBigUint64(10 + labelLength));
  const created = new Date(createdMs);
  if (!Number.isSafeInteger(createdMs) || Number.isNaN(created.getTime())) {
    return backupFailure('tampered', `created-at ${createdMs} is not a time`);
  }
  return ok({
    version,
    kdfLabel: label.value,
    createdAt: created.toISOString(),
    keyCheck: {
      iv: bytes.slice(18 + labelLength, 30 + labelLength),
      ciphertext: bytes.slice(30 + labelLength, length),
    },
    bytes: bytes.slice(0, length),
  });
}

/** Does `key` open this header's key check? (False: the backup was made with other words.) */
export async function checkBackupKey(
  crypto: VaultCrypto,
  key: KeyHandle,
  header: BackupHeader,
): Promise<boolean> {
  return (await crypto.decrypt(key, header.keyCheck, KEY_CHECK_AAD)) !== null;
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  /** The records, one decrypted chunk at a time; a chunk that fails ends it with a failure. */
  chunks(): AsyncGenerator<Ok<BackupRecord[]> | BackupFailure>;
}

/**
 * Check the header and the key; chunks are decrypted as they are read from `chunks()`. Callers
 * that must change nothing on a bad file read every chunk first (verifyBackup).
 */
export async function openBackup(options: {
  readonly bytes: Uint8Array;
  readonly crypto: VaultCrypto;
  readonly key: KeyHandle;
  /** Refuse larger files (default MAX_BACKUP_BYTES). */
  readonly maxBytes?: number;
}): Promise<Ok<OpenedBackup> | BackupFailure> {
  const { bytes, crypto, key } = options;
  const header = readBackupHeader(bytes, options.maxBytes);
  if (!header.ok) return header;
  if (!(await checkBackupKey(crypto, key, header.value))) {
    return backupFailure(
      'wrong-words',
      'the key check fails: these are not the words of this backup',
    );
  }
  return ok({
    header: header.value,
    chunks: () => readChunks(bytes, header.value, crypto, key),
  });
}

/** Read every chunk without keeping the records: the whole file is intact, or why not. */
export async function verifyBackup(
  opened: OpenedBackup,
): Promise<Ok<{ records: number; chunks: number }> | BackupFailure> {
  let records = 0;
  let chunks = 0;
  for await (const chunk of opened.chunks()) {
    if (!chunk.ok) return chunk;
    records += chunk.value.length;
    chunks += 1;
  }
  return ok({ records, chunks });
}

async function* readChunks(
  bytes: Uint8Array,
  header: BackupHeader,
  crypto: VaultCrypto,
  key: KeyHandle,
): AsyncGenerator<Ok<BackupRecord[]> | BackupFailure> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = header.bytes.length;
  for (let index = 0; ; index += 1) {
    if (offset === bytes.length) {
      yield backupFailure(
        'truncated',
        `the file ends after chunk ${index - 1}, before the final chunk`,
      );
      return;
    }
    if (offset + CHUNK_PREFIX_LENGTH > bytes.length) {
      yield backupFailure('truncated', `the file ends inside chunk ${index}`);
      return;
    }
    const flags = bytes[offset] as number;
    const length = view.getUint32(offset + 1);
    if ((flags & ~FLAG_FINAL) !== 0) {
      yield backupFailure('tampered', `chunk ${index} has unknown flags 0x${flags.toString(16)}`);
      return;
    }
    if (length < TAG_LENGTH || length > MAX_CHUNK_CIPHERTEXT_BYTES) {
      yield backupFailure(
        'tampered',
        `chunk ${index} claims ${length} bytes; expected ${TAG_LENGTH}..${MAX_CHUNK_CIPHERTEXT_BYTES}`,
      );
      return;
    }
    const start = offset + CHUNK_PREFIX_LENGTH;
    if (start + length > bytes.length) {
      yield backupFailure('truncated', `the file ends inside chunk ${index}`);
      return;
    }
    const sealed = {
      iv: bytes.subarray(offset + 5, offset + 5 + IV_LENGTH),
      ciphertext: bytes.subarray(start, start + length),
    };
    const compressed = await crypto.decrypt(key, sealed, chunkAad(header.bytes, index, flags));
    if (!compressed) {
      yield backupFailure('tampered', `chunk ${index} does not authenticate: the file was changed`);
      return;
    }
    const records = decodePayload(compressed, index);
    compressed.fill(0);
    if (!records.ok) {
      yield records;
      return;
    }
    offset = start + length;
    const final = (flags & FLAG_FINAL) !== 0;
    if (final && offset !== bytes.length) {
      yield backupFailure(
        'tampered',
        `${bytes.length - offset} bytes follow the final chunk (${index})`,
      );
      return;
    }
    yield records;
    if (final) return;
  }
}

function decodePayload(compressed: Uint8Array, index: number): Ok<BackupRecord[]> | BackupFailure {
  const bad = (why: string) => backupFailure('tampered', `chunk ${index}: ${why}`);
  const plain = inflateChunk(compressed);
  if (!plain.ok) return bad(plain.reason);
  const text = bytesToUtf8(plain.value);
  plain.value.fill(0);
  if (!text.ok) return bad('the payload is not UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return bad('the payload is not JSON');
  }
  const list = (json as { records?: unknown } | null)?.records;
  if (typeof json !== 'object' || json === null || !Array.isArray(list)) {
    return bad('the payload has no "records" array');
  }
  const records: BackupRecord[] = [];
  for (const [i, item] of list.entries()) {
    if (typeof item !== 'object' || item === null || !('value' in item)) {
      return bad(`record ${i} has no "value"`);
    }
    const id = (item as { id?: unknown }).id;
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > MAX_RECORD_ID_LENGTH ||
      id === SECRET_RECORD_ID ||
      id.startsWith(INDEX_RECORD_PREFIX)
    ) {
      return bad(`record ${i} has no valid "id"`);
    }
    records.push({ id, value: (item as { value: unknown }).value });
  }
  return ok(records);
}

/** Input fed to the inflater at a time: 64 KiB inflate to at most ~66 MB past the cap. */
const INFLATE_STEP = 64 * 1024;

/**
 * Raw-inflate a chunk's payload in one streaming pass, stopping once the output passes
 * MAX_CHUNK_PLAINTEXT_BYTES. (The payload has authenticated by now, so only a holder of the key
 * could have made a bomb; the cap still bounds what it costs.)
 */
function inflateChunk(compressed: Uint8Array): Ok<Uint8Array> | Failed<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((part, final) => {
    parts.push(part);
    total += part.length;
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < compressed.length && total <= MAX_CHUNK_PLAINTEXT_BYTES;) {
      const end = Math.min(at + INFLATE_STEP, compressed.length);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
      at = end;
    }
  } catch (error) {
    return failed(`the compressed payload is damaged (${(error as Error).message})`);
  }
  if (total > MAX_CHUNK_PLAINTEXT_BYTES) {
    return failed(`the payload inflates to more than ${MAX_CHUNK_PLAINTEXT_BYTES} bytes`);
  }
  if (!finished) return failed('the compressed payload ends early');
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    part.fill(0);
  }
  return ok(out);
}
