/** UTF-8 text <-> bytes without TextEncoder/TextDecoder types (core compiles without the DOM lib). */
import { utf8 } from '@scure/base';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

/** One encoder for the module (every platform Vouch runs on has TextEncoder; core has no DOM types). */
const encoder = new (
  globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }
).TextEncoder();

/** Encodes text as UTF-8 (a lone surrogate becomes U+FFFD), into bytes of its own. */
export function utf8ToBytes(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('utf8ToBytes: string expected');
  return encoder.encode(text);
}

/** Decodes UTF-8 strictly: malformed sequences fail instead of turning into U+FFFD. */
export function bytesToUtf8(bytes: Uint8Array): Result<string, 'bad-utf8', { message: string }> {
  try {
    return ok(utf8.encode(bytes));
  } catch (error) {
    return failedWith('bad-utf8', { message: (error as Error).message });
  }
}
