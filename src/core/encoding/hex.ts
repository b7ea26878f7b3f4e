/** Hexadecimal text <-> bytes. Encoding is lower case; decoding accepts either case. */
import { bytesToHex as nobleBytesToHex } from '@noble/hashes/utils.js';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

export function bytesToHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}

export function hexToBytes(text: string): Result<Uint8Array, 'bad-hex', { message: string }> {
  if (typeof text !== 'string') {
    return failedWith('bad-hex', { message: `expected a string, got ${typeof text}` });
  }
  if (!HEX.test(text)) {
    const message =
      text.length % 2 === 1
        ? `expected an even number of hex digits, got ${text.length}`
        : `character ${JSON.stringify(text.charAt(text.search(/[^0-9a-fA-F]/)))} at index ${text.search(/[^0-9a-fA-F]/)} is not a hex digit`;
    return failedWith('bad-hex', { message });
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  }
  return ok(bytes);
}
