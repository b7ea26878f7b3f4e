/** UTF-8 text <-> bytes without TextEncoder/TextDecoder types (core compiles without the DOM lib). */
import { utf8ToBytes as nobleUtf8ToBytes } from '@noble/hashes/utils.js';
import { utf8 } from '@scure/base';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

/** Encodes text as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8ToBytes(text: string): Uint8Array {
  return nobleUtf8ToBytes(text);
}

/** Decodes UTF-8 strictly: malformed sequences fail instead of turning into U+FFFD. */
export function bytesToUtf8(bytes: Uint8Array): Result<string, 'bad-utf8', { message: string }> {
  try {
    return ok(utf8.encode(bytes));
  } catch (error) {
    return failedWith('bad-utf8', { message: (error as Error).message });
  }
}
