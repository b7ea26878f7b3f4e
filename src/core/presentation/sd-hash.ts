/**
 * The key binding JWT's `sd_hash` (RFC 9901 §4.3.1): base64url( SHA-256( the ASCII bytes of the
 * presentation up to and including the last "~" before the KB-JWT ) ). It binds the KB-JWT to the
 * issuer-signed JWT and to exactly the disclosures the holder chose to reveal.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Base64Url } from '../brand.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';

export function computeSdHash(sdHashInput: string | Uint8Array): Base64Url {
  return encodeBase64Url(
    sha256(typeof sdHashInput === 'string' ? utf8ToBytes(sdHashInput) : sdHashInput),
  );
}
