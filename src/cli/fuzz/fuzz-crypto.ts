/**
 * Crypto for the fuzzer. Signing (only for the seeds) is noble's; verifying is OpenSSL's through
 * node:crypto, about 20× faster than pure JS, so 100,000 presentations a decoder stay cheap. Keys
 * are imported once per JWK. Like every JwsCrypto, `verify` never throws: a bad key, a wrong
 * length or a key/alg mismatch is `false`.
 *
 * `acceptingCrypto` says every signature is good. The fuzzer uses it for part of the inputs so
 * that mutations of signed content (the payload of a status list, a trust list, a request, an
 * SD-JWT) reach the code behind the signature check, as a fuzzer disables checksums.
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { algorithmForJwk } from '../../core/jose/jws-algorithm.ts';
import type { JwsCrypto } from '../../core/jose/jws-crypto.ts';
import { nobleJwsCrypto } from '../../core/jose/noble-jws-crypto.ts';

const MAX_CACHED_KEYS = 1024;

export function opensslJwsCrypto(randomBytes: (n: number) => Uint8Array): JwsCrypto {
  const noble = nobleJwsCrypto({ randomBytes });
  const keys = new Map<string, KeyObject | undefined>();

  const keyOf = (jwk: object): KeyObject | undefined => {
    const id = JSON.stringify(jwk);
    if (keys.has(id)) return keys.get(id);
    let key: KeyObject | undefined;
    try {
      key = createPublicKey({ key: jwk as never, format: 'jwk' });
    } catch {
      key = undefined;
    }
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    keys.set(id, key);
    return key;
  };

  return {
    generateKeyPair: (alg) => noble.generateKeyPair(alg),
    sign: (alg, privateJwk, data) => noble.sign(alg, privateJwk, data),
    async verify(alg, publicJwk, data, signature) {
      try {
        if (algorithmForJwk(publicJwk) !== alg) return false;
        const key = keyOf(publicJwk);
        if (key === undefined) return false;
        if (alg === 'EdDSA') return nodeVerify(null, data, key, signature);
        if (signature.length !== 64) return false;
        return nodeVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      } catch {
        return false;
      }
    },
  };
}

/** Every signature verifies (fuzzing only: lets mutations reach what the signature guards). */
export function acceptingCrypto(inner: JwsCrypto): JwsCrypto {
  return { ...inner, verify: async () => true };
}
