/**
 * The Status List byte array (draft-ietf-oauth-status-list §4.1 "Compressed Byte Array"):
 * entry i with `bits` bits per entry lives in byte (i·bits) >> 3, starting at bit (i·bits) & 7,
 * counting from the least significant bit. For bits = 1: byte i >> 3, bit i & 7.
 *
 *   byte 0 = 0xB9 = 1011 1001  →  status[0] = 1, status[1] = 0, status[2] = 0, status[3] = 1, …
 *
 * `lst` = base64url( ZLIB (RFC 1950) DEFLATE (RFC 1951) of the byte array ), highest compression.
 * Decompression is streamed and stops at a size cap, so a zip bomb costs nothing.
 */
import { Unzlib, unzlibSync, zlibSync } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export type StatusBits = 1 | 2 | 4 | 8;
export const STATUS_BITS: readonly StatusBits[] = [1, 2, 4, 8];

/** A decompressed list larger than this is refused (10 MiB = 83 million 1-bit entries). */
export const MAX_STATUS_LIST_BYTES = 10 * 1024 * 1024;
const INFLATE_CHUNK = 1024;

export function statusAtIndex(bytes: Uint8Array, bits: StatusBits, index: number): number {
  const bitOffset = index * bits;
  const byte = bytes[bitOffset >> 3] ?? 0;
  return (byte >> (bitOffset & 7)) & ((1 << bits) - 1);
}

/** Sets a 1-bit entry (the byte array is changed in place). */
export function setBit(bytes: Uint8Array, index: number): void {
  const byte = index >> 3;
  bytes[byte] = (bytes[byte] ?? 0) | (1 << (index & 7));
}

export function getBit(bytes: Uint8Array, index: number): boolean {
  return (((bytes[index >> 3] ?? 0) >> (index & 7)) & 1) === 1;
}

export function countBits(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) {
    let b = byte;
    while (b !== 0) {
      b &= b - 1;
      count++;
    }
  }
  return count;
}

export function compressStatusBytes(bytes: Uint8Array): string {
  return encodeBase64Url(zlibSync(bytes, { level: 9 }));
}

/** RFC 1950 §8.2 Adler-32. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  const MOD = 65521;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(i + 3800, bytes.length); // keep sums below 2^31 before reducing
    for (; i < end; i++) {
      a += bytes[i] ?? 0;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** fflate's streaming inflaters (Unzlib, Gunzip), as inflateCapped drives them. */
type StreamInflater = { push(chunk: Uint8Array, final?: boolean): void };

/**
 * Inflate `input` in chunks through a streaming inflater, stopping as soon as the output passes
 * `maxBytes`, so a compression bomb costs at most that much (both status list encodings use it:
 * the IETF list's zlib and the W3C Bitstring list's GZIP). Returns the output's length; the caller
 * then inflates in one shot to check the stream is complete (a truncated final block streams fine).
 */
export function inflateCapped(
  input: Uint8Array,
  makeInflater: (ondata: (chunk: Uint8Array, final: boolean) => void) => StreamInflater,
  maxBytes: number,
):
  | { ok: true; total: number }
  | { ok: false; reason: 'corrupt' | 'too-large' | 'truncated'; message: string } {
  let total = 0;
  let tooLarge = false;
  let finished = false;
  const inflater = makeInflater((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < input.length && !tooLarge; offset += INFLATE_CHUNK) {
      const end = Math.min(offset + INFLATE_CHUNK, input.length);
      inflater.push(input.subarray(offset, end), end === input.length);
    }
  } catch (error) {
    if (!tooLarge) return { ok: false, reason: 'corrupt', message: (error as Error).message };
  }
  if (tooLarge) return { ok: false, reason: 'too-large', message: `more than ${maxBytes} bytes` };
  if (!finished) return { ok: false, reason: 'truncated', message: 'the stream ends early' };
  return { ok: true, total };
}

/** base64url → zlib inflate, refusing more than `maxBytes` of output (default 10 MiB). */
export function decompressStatusList(
  lst: unknown,
  maxBytes: number = MAX_STATUS_LIST_BYTES,
): Result<Uint8Array, 'malformed' | 'too-large', { message: string }> {
  if (typeof lst !== 'string') {
    return failedWith('malformed', {
      message: `"lst" must be a base64url string, got ${typeof lst}`,
    });
  }
  const compressed = decodeBase64Url(lst);
  if (!compressed.ok)
    return failedWith('malformed', { message: `"lst": ${compressed.detail.message}` });
  const streamed = inflateCapped(compressed.value, (ondata) => new Unzlib(ondata), maxBytes);
  if (!streamed.ok) {
    switch (streamed.reason) {
      case 'corrupt':
        return failedWith('malformed', {
          message: `"lst" is not zlib-compressed data (${streamed.message})`,
        });
      case 'too-large':
        return failedWith('too-large', {
          message: `the status list decompresses to more than ${maxBytes} bytes; refused`,
        });
      case 'truncated':
        return failedWith('malformed', { message: '"lst" ends before the zlib stream does' });
    }
  }
  const total = streamed.total;
  // The stream stayed under the cap; a one-shot inflate now also checks that the stream is
  // complete (the streaming inflater accepts a truncated final block).
  try {
    const bytes = unzlibSync(compressed.value);
    if (bytes.length !== total) throw new Error('length mismatch');
    // RFC 1950 §2.2: the stream ends with the Adler-32 of the data, big-endian (fflate skips it).
    const input = compressed.value;
    const tail = input.subarray(input.length - 4);
    const expected =
      (((tail[0] ?? 0) << 24) | ((tail[1] ?? 0) << 16) | ((tail[2] ?? 0) << 8) | (tail[3] ?? 0)) >>>
      0;
    if (input.length < 6 || adler32(bytes) !== expected) throw new Error('Adler-32 check failed');
    return ok(bytes);
  } catch (error) {
    return failedWith('malformed', {
      message: `"lst" is not a complete zlib stream (${(error as Error).message})`,
    });
  }
}
