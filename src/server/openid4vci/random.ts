/** Random identifiers and codes from the context's secure random source. */
import { encodeBase64Url } from '../../core/encoding/base64url.ts';
import type { ServerContext } from '../context.ts';

/** `bytes` random bytes as base64url (16 → 22 characters, 32 → 43). */
export function randomToken(ctx: Pick<ServerContext, 'randomBytes'>, bytes: number): string {
  return encodeBase64Url(ctx.randomBytes(bytes));
}

/** `length` uniformly random decimal digits (rejection sampling: no modulo bias). */
export function randomDigits(ctx: Pick<ServerContext, 'randomBytes'>, length: number): string {
  let digits = '';
  while (digits.length < length) {
    for (const byte of ctx.randomBytes(length * 2)) {
      if (byte < 250 && digits.length < length) digits += String(byte % 10);
    }
  }
  return digits;
}
