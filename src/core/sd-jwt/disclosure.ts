/**
 * Disclosures (RFC 9901 §4.2.1, §4.2.2): base64url of the UTF-8 JSON array
 * `[salt, claim name, value]` (an object property) or `[salt, value]` (an array element), and
 * their digests (§4.2.3): base64url( sha-256( the ASCII bytes of the base64url disclosure ) ).
 * The digest is over the disclosure exactly as transmitted, never over a re-encoding.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Base64Url } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

/** The hash algorithm name for `_sd_alg` (IANA "Named Information Hash Algorithm" registry). */
export const SD_ALG = 'sha-256';
/** Claim names a disclosure may never carry (RFC 9901 §4.2.1). */
export const RESERVED_CLAIM_NAMES: readonly string[] = ['_sd', '...'];

export interface Disclosure {
  /** As transmitted (base64url). */
  readonly encoded: string;
  readonly digest: Base64Url;
  readonly salt: string;
  /** Absent for an array element disclosure. */
  readonly name?: string;
  readonly value: unknown;
}

/**
 * RFC 9901 §4.2.3: base64url(sha-256(ASCII(disclosure))). `ascii`, when given, is those bytes
 * already (a view into the whole SD-JWT's, parse-sd-jwt.ts), so they are not encoded again.
 */
export function digestDisclosure(encoded: string, ascii?: Uint8Array): Base64Url {
  return encodeBase64Url(sha256(ascii ?? utf8ToBytes(encoded)));
}

/**
 * A platform's faster base64url and SHA-256 for issuing many SD-JWTs (the payroll batch: Node's
 * crypto and Buffer). Pure functions: the same disclosures and digests as the core's.
 */
export interface DisclosureEncoding {
  /** Unpadded base64url of the UTF-8 bytes of `text`. */
  textBase64Url(text: string): string;
  /** base64url(SHA-256(UTF-8 of `text`)). */
  sha256Base64Url(text: string): string;
  /** Unpadded base64url of `bytes` (the salts, the issuer JWT), if the platform has a faster one. */
  base64Url?(bytes: Uint8Array): string;
}

export function createDisclosure(opts: {
  salt: string;
  name?: string;
  value: unknown;
  encoding?: DisclosureEncoding;
}): Disclosure {
  const { salt, name, value, encoding } = opts;
  if (name !== undefined && RESERVED_CLAIM_NAMES.includes(name)) {
    throw new TypeError(`createDisclosure: the claim name ${JSON.stringify(name)} is reserved`);
  }
  const json = JSON.stringify(disclosureArray({ salt, name, value }));
  const encoded = encoding ? encoding.textBase64Url(json) : encodeBase64Url(utf8ToBytes(json));
  return {
    encoded,
    digest: encoding ? (encoding.sha256Base64Url(encoded) as Base64Url) : digestDisclosure(encoded),
    salt,
    ...(name === undefined ? {} : { name }),
    value,
  };
}

/** The JSON array a disclosure encodes: `[salt, name, value]`, or `[salt, value]` for an array element. */
export function disclosureArray(
  disclosure: Pick<Disclosure, 'salt' | 'name' | 'value'>,
): unknown[] {
  const { salt, name, value } = disclosure;
  return name === undefined ? [salt, value] : [salt, name, value];
}

/** Decodes one disclosure from untrusted input (RFC 9901 §7.1 step 3: well-formed or rejected). */
export function parseDisclosure(
  encoded: string,
  position: number,
  ascii?: Uint8Array,
): Result<Disclosure, 'bad-disclosure', { message: string }> {
  const bad = (message: string) =>
    failedWith('bad-disclosure', { message: `disclosure ${position + 1}: ${message}` });
  const bytes = decodeBase64Url(encoded);
  if (!bytes.ok) return bad(bytes.detail.message);
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) return bad(text.detail.message);
  let array: unknown;
  try {
    array = JSON.parse(text.value);
  } catch {
    return bad('is not JSON');
  }
  if (!Array.isArray(array) || (array.length !== 2 && array.length !== 3)) {
    return bad('expected a JSON array [salt, name, value] or [salt, value]');
  }
  const [salt] = array;
  if (typeof salt !== 'string') return bad(`the salt must be a string, got ${typeof salt}`);
  const digest = digestDisclosure(encoded, ascii);
  if (array.length === 2) return ok({ encoded, digest, salt, value: array[1] });
  const name: unknown = array[1];
  if (typeof name !== 'string') return bad(`the claim name must be a string, got ${typeof name}`);
  if (RESERVED_CLAIM_NAMES.includes(name)) {
    return bad(`the claim name ${JSON.stringify(name)} is reserved and may not be disclosed`);
  }
  return ok({ encoded, digest, salt, name, value: array[2] });
}
