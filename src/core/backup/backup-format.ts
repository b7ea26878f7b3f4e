/**
 * The backup file, byte by byte (docs/backup.md). All integers are big-endian.
 *
 *   header
 *     0   8  magic "VOUCHBAK"
 *     8   1  format version (1)
 *     9   1  L, the length of the KDF label
 *     10  L  the KDF label, ASCII ("vouch/backup/v1", the HKDF info of backup-key.ts)
 *     10+L 8 created at: milliseconds since 1970-01-01T00:00:00Z, unsigned
 *     18+L 12 key check IV
 *     30+L 16 key check: AES-GCM(backupKey, IV, plaintext = empty, AAD = "vouch/backup/v1 key check")
 *   chunks, one after another, the last one flagged final
 *     0   1  flags: bit 0 = final chunk; the other bits are 0
 *     1   4  n, the length of the ciphertext with its 16-byte tag
 *     5   12 IV
 *     17  n  AES-GCM(backupKey, IV, deflate-raw(JSON payload), AAD = header ‖ u32 chunk index ‖ flags)
 *
 * The key check tells wrong words from damage; the chunk AAD binds every chunk to this header, to
 * its place and to whether it is the last, so chunks cannot be swapped, reordered or cut off.
 */
import { BACKUP_KDF_LABEL } from './backup-key.ts';
import { utf8ToBytes } from '../encoding/index.ts';

export const BACKUP_MAGIC = utf8ToBytes('VOUCHBAK');
export const BACKUP_FORMAT_VERSION = 1;
export const KEY_CHECK_AAD = utf8ToBytes(`${BACKUP_KDF_LABEL} key check`);
export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;
export const CHUNK_PREFIX_LENGTH = 1 + 4 + IV_LENGTH;
export const FLAG_FINAL = 0x01;

/** Largest file read: far above 10,000 credentials (≈ 10 MB), well below a phone's memory. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
/** A chunk's JSON is cut at about this size when written… */
export const CHUNK_TARGET_BYTES = 1024 * 1024;
/** …and refused above this size when read (inflated), against a compression bomb. */
export const MAX_CHUNK_PLAINTEXT_BYTES = 16 * 1024 * 1024;
/** Largest chunk ciphertext (its tag included) accepted. */
export const MAX_CHUNK_CIPHERTEXT_BYTES = MAX_CHUNK_PLAINTEXT_BYTES + TAG_LENGTH;

export interface BackupHeader {
  readonly version: number;
  readonly kdfLabel: string;
  /** ISO 8601, to the millisecond. */
  readonly createdAt: string;
  readonly keyCheck: { readonly iv: Uint8Array; readonly ciphertext: Uint8Array };
  /** The header's bytes as written: the prefix of every chunk's AAD. */
  readonly bytes: Uint8Array;
}

export function encodeHeader(options: {
  createdAt: Date;
  keyCheck: { iv: Uint8Array; ciphertext: Uint8Array };
}): Uint8Array {
  const label = utf8ToBytes(BACKUP_KDF_LABEL);
  const { iv, ciphertext } = options.keyCheck;
  if (iv.length !== IV_LENGTH || ciphertext.length !== TAG_LENGTH) {
    throw new RangeError(`key check: expected a ${IV_LENGTH}-byte IV and a ${TAG_LENGTH}-byte tag`);
  }
  const out = new Uint8Array(headerLength(label.length));
  const view = new DataView(out.buffer);
  out.set(BACKUP_MAGIC, 0);
  out[8] = BACKUP_FORMAT_VERSION;
  out[9] = label.length;
  out.set(label, 10);
  view.setBigUint64(10 + label.length, BigInt(options.createdAt.getTime()));
  out.set(iv, 18 + label.length);
  out.set(ciphertext, 30 + label.length);
  return out;
}

export function headerLength(labelLength: number): number {
  return 10 + labelLength + 8 + IV_LENGTH + TAG_LENGTH;
}

/** The AAD of chunk `index`: the header, the index (u32) and the chunk's flags. */
export function chunkAad(header: Uint8Array, index: number, flags: number): Uint8Array {
  const aad = new Uint8Array(header.length + 5);
  aad.set(header, 0);
  new DataView(aad.buffer).setUint32(header.length, index);
  aad[header.length + 4] = flags;
  return aad;
}

/** A chunk as stored: flags, length, IV, ciphertext. */
export function encodeChunk(flags: number, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(CHUNK_PREFIX_LENGTH + ciphertext.length);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, ciphertext.length);
  out.set(iv, 5);
  out.set(ciphertext, CHUNK_PREFIX_LENGTH);
  return out;
}
