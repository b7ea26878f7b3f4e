/**
 * The signature checks a ledger node and `vouch evidence verify` make, through Node's OpenSSL
 * (node:crypto): ES256 and ES256K as ECDSA over SHA-256 with r ‖ s signatures (RFC 7518 §3.4,
 * RFC 8812 §3.2), EdDSA as Ed25519 (RFC 8037). secp256k1 through OpenSSL is many times faster
 * than pure JS, and a node checks two signatures for every entry it appends or replicates.
 * Keys are imported once (a small cache by key). Accepts what the core's verifiers accept
 * (platform/crypto/jws-crypto.test.ts and es256k-openssl.test.ts cross-check the two).
 */
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { ReceiptVerifier } from '../core/evidence/index.ts';
import { algorithmForJwk, JWS_SIGNATURE_LENGTH } from '../core/jose/jws-algorithm.ts';
import type { PublicJwk } from '../core/jose/jwk.ts';

const CACHE_SIZE = 1024;

export function nodeReceiptVerifier(): ReceiptVerifier {
  const keys = new Map<string, KeyObject>();
  const keyOf = (jwk: PublicJwk): KeyObject => {
    const id = `${jwk.crv}:${jwk.x}:${'y' in jwk ? jwk.y : ''}`;
    let key = keys.get(id);
    if (!key) {
      key = createPublicKey({ key: { ...jwk }, format: 'jwk' });
      if (keys.size >= CACHE_SIZE) keys.delete(keys.keys().next().value as string);
      keys.set(id, key);
    }
    return key;
  };
  return {
    async verify(alg, publicJwk, data, signature) {
      if (!(signature instanceof Uint8Array) || signature.length !== JWS_SIGNATURE_LENGTH) {
        return false;
      }
      try {
        if (algorithmForJwk(publicJwk) !== alg) return false;
        const key = keyOf(publicJwk);
        return alg === 'EdDSA'
          ? verify(null, data, key, signature)
          : verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      } catch {
        return false;
      }
    },
  };
}

let shared: ReceiptVerifier | undefined;

export function verifyOnlyCrypto(): ReceiptVerifier {
  shared ??= nodeReceiptVerifier();
  return shared;
}
