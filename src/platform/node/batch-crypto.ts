/**
 * Crypto for an issuer's batch on Node (`vouch issue --batch`, issue 12): a synchronous signer on
 * Node's crypto for ES256 and EdDSA (one KeyObject for the whole batch, no WebCrypto promise per
 * signature) and on libsecp256k1 for ES256K (so a payroll worker thread loads no noble), and random bytes handed out from one buffer filled by the CSPRNG 4 KiB at a time
 * (a 128-bit salt from its own getRandomValues call costs more than the salt's whole disclosure).
 */
import { createPrivateKey, hash, randomFillSync, sign } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { IssuerKeyFile, JwsSign } from '../../core/jose/index.ts';
import type { PackEncoding } from '../../core/transport/pack-encoding.ts';
import { isSecp256k1Point, secp256k1 } from './secp256k1-child.ts';

/**
 * The issuer's JwsSign on Node: its crypto for ES256 and EdDSA, libsecp256k1 for ES256K (OpenSSL's
 * secp256k1 is slower than noble; libsecp256k1 is faster, and signs exactly as noble does:
 * SHA-256, RFC 6979 nonce, low S). Signatures are the raw r ‖ s JWS wants.
 */
export function nodeIssuerSigner(issuer: IssuerKeyFile): JwsSign {
  if (issuer.alg === 'ES256K') {
    const lib = secp256k1();
    // Decoded into memory of its own (Buffer.from would take a slice of Node's shared pool).
    const d = Buffer.alloc(32);
    if (issuer.privateJwk.d.length !== 43 || d.write(issuer.privateJwk.d, 'base64url') !== 32) {
      throw new TypeError('the issuer\'s "d" is not a 32-byte base64url key');
    }
    return (input) =>
      Promise.resolve(Uint8Array.from(lib.ecdsaSign(hash('sha256', input, 'buffer'), d).signature));
  }
  const key = createPrivateKey({ key: issuer.privateJwk as JsonWebKey, format: 'jwk' });
  return issuer.alg === 'ES256'
    ? (input) =>
        Promise.resolve(new Uint8Array(sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' })))
    : (input) => Promise.resolve(new Uint8Array(sign(null, input, key)));
}

const POOL_BYTES = 4096;

/** randomBytes(n) from a pool refilled by the CSPRNG; each byte is handed out once. */
export function pooledRandomBytes(): (length: number) => Uint8Array {
  const pool = new Uint8Array(POOL_BYTES);
  let used = POOL_BYTES;
  return (length) => {
    if (length > POOL_BYTES) return randomFillSync(new Uint8Array(length));
    if (used + length > POOL_BYTES) {
      randomFillSync(pool);
      used = 0;
    }
    const bytes = pool.slice(used, used + length);
    pool.fill(0, used, used + length);
    used += length;
    return bytes;
  };
}

/**
 * base64url and SHA-256 on Node's Buffer and crypto, for codec 2's packer (PackEncoding) and the
 * SD-JWT disclosures (DisclosureEncoding, the same shape): the same bytes as the core's noble and
 * @scure/base, about a tenth of the time for the short inputs of an offer.
 */
export const nodeEncoding: PackEncoding = {
  base64Url: (bytes) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url'),
  // Buffer's decoder is lenient (it skips what is not base64): the text counts only if it is
  // exactly the encoding of what came out, which is what the core's strict rules accept.
  base64UrlBytes: (text) => {
    const bytes = Buffer.from(text, 'base64url');
    return bytes.toString('base64url') === text
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : undefined;
  },
  textBase64Url: (text) => Buffer.from(text, 'utf8').toString('base64url'),
  sha256Base64Url: (text) => hash('sha256', text, 'base64url'),
  // A holder's key (cnf.jwk) is secp256k1: libsecp256k1 checks it without the core's bigints.
  ecPointValid: (crv, x, y) =>
    crv === 'secp256k1' && x.length === 32 && y.length === 32 ? isSecp256k1Point(x, y) : undefined,
};
