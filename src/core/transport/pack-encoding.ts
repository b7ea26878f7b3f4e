/**
 * The encodings codec 2's packer and unpacker lean on (base64url, and SHA-256 for SD-JWT
 * disclosure digests), as a port: the default is the pure-JS core (noble, @scure/base), and a
 * platform that encodes thousands of offers may pass its own (src/platform/node/batch-crypto.ts:
 * Node's crypto and Buffer, several times faster). They are pure functions, so the bytes are the
 * same either way; `withPackEncoding` sets one for the duration of a synchronous encode.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';

export interface PackEncoding {
  /** Unpadded base64url (RFC 4648 §5) of `bytes`. */
  base64Url(bytes: Uint8Array): string;
  /** The bytes of canonical unpadded base64url `text` (decodeBase64Url's strict rules), else undefined. */
  base64UrlBytes(text: string): Uint8Array | undefined;
  /** Unpadded base64url of the UTF-8 bytes of `text`. */
  textBase64Url(text: string): string;
  /** base64url(SHA-256(UTF-8 of `text`)): a disclosure's digest and `sd_hash` (RFC 9901 §4.2.3). */
  sha256Base64Url(text: string): string;
  /**
   * Whether (x, y), 32 bytes each, big-endian, is a point of curve `crv` (each coordinate below p,
   * y² = x³ + ax + b): the platform's answer, or undefined to leave it to the core (ec-point.ts).
   */
  ecPointValid?(crv: string, x: Uint8Array, y: Uint8Array): boolean | undefined;
}

export const CORE_PACK_ENCODING: PackEncoding = {
  base64Url: encodeBase64Url,
  base64UrlBytes: (text) => {
    const bytes = decodeBase64Url(text);
    return bytes.ok ? bytes.value : undefined;
  },
  textBase64Url: (text) => encodeBase64Url(utf8ToBytes(text)),
  sha256Base64Url: (text) => encodeBase64Url(sha256(utf8ToBytes(text))),
};

let current: PackEncoding = CORE_PACK_ENCODING;

/** The encoding in effect (the core's, unless withPackEncoding set another). */
export function packEncoding(): PackEncoding {
  return current;
}

/** Runs `work` (synchronous) with `encoding` in effect, then puts the previous one back. */
export function withPackEncoding<T>(encoding: PackEncoding | undefined, work: () => T): T {
  if (encoding === undefined) return work();
  const previous = current;
  current = encoding;
  try {
    return work();
  } finally {
    current = previous;
  }
}
