/**
 * Unpadded base64url (RFC 4648 §5, as JOSE uses it: RFC 7515 §2 "Base64url Encoding").
 * Decoding is strict: only `A–Z a–z 0–9 - _`, no padding, no whitespace, and the unused low bits
 * of the last character must be zero, so every byte string has exactly one accepted spelling.
 */
import { base64urlnopad } from '@scure/base';
import type { Base64Url } from '../brand.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * The platform's own base64 (Uint8Array.fromBase64 / toBase64: Chromium ≥ 140, Firefox ≥ 133,
 * Safari ≥ 18.2, Node ≥ 25), 5–10× faster than the pure-JS codec and with far less garbage; used
 * when present. Decoding runs only after the strict checks below, so what it accepts is the same.
 */
const native = Uint8Array as unknown as {
  fromBase64?: (
    text: string,
    options: { alphabet: 'base64url'; lastChunkHandling: 'loose' },
  ) => Uint8Array;
  prototype: { toBase64?: (options: { alphabet: 'base64url'; omitPadding: true }) => string };
};
const nativeDecode = typeof native.fromBase64 === 'function' ? native.fromBase64 : undefined;
const nativeEncode = typeof native.prototype.toBase64 === 'function';
const BASE64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Up to this many bytes (a digest, a coordinate) are encoded here; see SHORT_TEXT. */
const SHORT_BYTES = 64;

function encodeShort(bytes: Uint8Array): string {
  let text = '';
  const whole = bytes.length - (bytes.length % 3);
  let at = 0;
  for (; at < whole; at += 3) {
    const bits = ((bytes[at] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
    text +=
      BASE64URL_CHARS.charAt(bits >> 18) +
      BASE64URL_CHARS.charAt((bits >> 12) & 63) +
      BASE64URL_CHARS.charAt((bits >> 6) & 63) +
      BASE64URL_CHARS.charAt(bits & 63);
  }
  if (at === bytes.length) return text;
  const bits = ((bytes[at] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8);
  text += BASE64URL_CHARS.charAt(bits >> 18) + BASE64URL_CHARS.charAt((bits >> 12) & 63);
  return at + 2 === bytes.length ? text + BASE64URL_CHARS.charAt((bits >> 6) & 63) : text;
}

export function encodeBase64Url(bytes: Uint8Array): Base64Url {
  if (bytes instanceof Uint8Array && bytes.length <= SHORT_BYTES) {
    return encodeShort(bytes) as Base64Url;
  }
  if (nativeEncode && bytes instanceof Uint8Array) {
    return (
      bytes as unknown as { toBase64(o: { alphabet: 'base64url'; omitPadding: true }): string }
    ).toBase64({ alphabet: 'base64url', omitPadding: true }) as Base64Url;
  }
  return base64urlnopad.encode(bytes) as Base64Url;
}

export type Base64UrlProblem = { message: string };

/** Each character's 6-bit value, -1 for anything outside the base64url alphabet. */
const SEXTETS = new Int8Array(128).fill(-1);
for (let index = 0; index < BASE64URL_CHARS.length; index += 1) {
  SEXTETS[BASE64URL_CHARS.charCodeAt(index)] = index;
}
const sextet = (text: string, at: number): number => {
  const code = text.charCodeAt(at);
  return code < 128 ? (SEXTETS[code] ?? -1) : -1;
};

/**
 * Texts up to this long (keys, signatures, headers, disclosures) are decoded by the table below:
 * in Chromium a call of the platform's decoder costs about 1 µs whatever the length, the table
 * 0.4 µs for a 43-character coordinate; longer texts (payloads) go to the platform's.
 */
const SHORT_TEXT = 256;

/**
 * The strict decoding of a short text in one pass, or undefined when the text is not canonical
 * base64url (a character outside the alphabet, length mod 4 of 1, non-zero unused bits): then the
 * general path below says what is wrong. It accepts exactly what that path accepts.
 */
function decodeShort(text: string): Uint8Array | undefined {
  const tail = text.length % 4;
  if (tail === 1) return undefined;
  const bytes = new Uint8Array((text.length * 3) >> 2);
  const whole = text.length - tail;
  let at = 0;
  let out = 0;
  for (; at < whole; at += 4) {
    const a = sextet(text, at);
    const b = sextet(text, at + 1);
    const c = sextet(text, at + 2);
    const d = sextet(text, at + 3);
    if ((a | b | c | d) < 0) return undefined;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = bits >> 16;
    bytes[out++] = (bits >> 8) & 0xff;
    bytes[out++] = bits & 0xff;
  }
  if (tail === 0) return bytes;
  const a = sextet(text, at);
  const b = sextet(text, at + 1);
  const c = tail === 3 ? sextet(text, at + 2) : 0;
  // The unused low bits of the last character must be zero (one spelling per byte string).
  if ((a | b | c) < 0 || (tail === 2 ? b & 0x0f : c & 0x03) !== 0) return undefined;
  const bits = (a << 18) | (b << 12) | (c << 6);
  bytes[out++] = bits >> 16;
  if (tail === 3) bytes[out] = (bits >> 8) & 0xff;
  return bytes;
}

export function decodeBase64Url(
  text: string,
): Result<Uint8Array, 'bad-base64url', Base64UrlProblem> {
  if (typeof text !== 'string') {
    return failedWith('bad-base64url', { message: `expected a string, got ${typeof text}` });
  }
  if (text.length <= SHORT_TEXT) {
    const bytes = decodeShort(text);
    if (bytes !== undefined) return ok(bytes);
  }
  if (!ALPHABET.test(text)) {
    const index = text.search(/[^A-Za-z0-9_-]/);
    const char = JSON.stringify(text.charAt(index));
    return failedWith('bad-base64url', {
      message: `character ${char} at index ${index} is not in the base64url alphabet (A-Z a-z 0-9 - _, no padding)`,
    });
  }
  if (text.length % 4 === 1) {
    return failedWith('bad-base64url', {
      message: `length ${text.length} is impossible for base64url (length mod 4 is 1)`,
    });
  }
  // Non-canonical trailing bits ("Zh" and "Zg" would both be "f"): reject, so that the mapping is
  // one-to-one. With 2 (or 3) characters in the last group, the low 4 (or 2) bits are unused.
  const tail = text.length % 4;
  if (tail !== 0) {
    const last = BASE64URL_CHARS.indexOf(text.charAt(text.length - 1));
    const unusedMask = tail === 2 ? 0x0f : 0x03;
    if ((last & unusedMask) !== 0) {
      return failedWith('bad-base64url', {
        message: `the last character ${JSON.stringify(text.charAt(text.length - 1))} has non-zero unused bits (non-canonical encoding)`,
      });
    }
  }
  let bytes: Uint8Array;
  try {
    bytes =
      nativeDecode === undefined
        ? base64urlnopad.decode(text)
        : nativeDecode(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
  } catch (error) {
    return failedWith('bad-base64url', { message: (error as Error).message });
  }
  return ok(bytes);
}

/** Narrows a string to `Base64Url` if it decodes strictly. */
export function isBase64Url(text: string): text is Base64Url {
  return decodeBase64Url(text).ok;
}
