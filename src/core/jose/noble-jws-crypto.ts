/**
 * A pure-JS JwsCrypto over @noble/curves, for core tests, tools and as the platform's ES256K path
 * (secp256k1 has no WebCrypto). Browsers should prefer src/platform/crypto/jws-crypto.ts, which is
 * 6–20× faster for ES256 and EdDSA.
 *
 * ECDSA verification accepts high-S signatures: RFC 7518 §3.4 (ES256) and RFC 8812 §3.2 (ES256K)
 * do not require low-S, and WebCrypto, OpenSSL and Node produce either. Vouch's own ES256K holder
 * proofs stay strict (src/core/keys/es256k.ts); signing here is low-S, deterministic (RFC 6979).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { es256kSigner } from '../keys/es256k.ts';
import { algorithmForJwk, JWS_SIGNATURE_LENGTH } from './jws-algorithm.ts';
import type { JwsAlgorithm } from './jws-algorithm.ts';
import type { JwsCrypto } from './jws-crypto.ts';
import type { PrivateJwk, PublicJwk } from './jwk.ts';

export interface NobleJwsCryptoOptions {
  /** Cryptographically secure random bytes (used only by generateKeyPair). */
  randomBytes: (length: number) => Uint8Array;
}

function bytesOf(field: string, value: string): Uint8Array {
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) throw new TypeError(`JWK "${field}": ${decoded.detail.message}`);
  return decoded.value;
}

function assertAlgFits(alg: JwsAlgorithm, jwk: PublicJwk): void {
  if (algorithmForJwk(jwk) !== alg) {
    throw new TypeError(`alg ${alg} does not fit a ${jwk.crv} key`);
  }
}

function uncompressedPoint(jwk: PublicJwk & { kty: 'EC' }): Uint8Array {
  const point = new Uint8Array(65);
  point[0] = 0x04;
  point.set(bytesOf('x', jwk.x), 1);
  point.set(bytesOf('y', jwk.y), 33);
  return point;
}

function ecJwk(crv: 'P-256' | 'secp256k1', secretKey: Uint8Array): PrivateJwk {
  const curve = crv === 'P-256' ? p256 : secp256k1;
  const point = curve.getPublicKey(secretKey, false);
  return {
    kty: 'EC',
    crv,
    x: encodeBase64Url(point.subarray(1, 33)),
    y: encodeBase64Url(point.subarray(33)),
    d: encodeBase64Url(secretKey),
  };
}

export function nobleJwsCrypto({ randomBytes }: NobleJwsCryptoOptions): JwsCrypto {
  return {
    async generateKeyPair(alg) {
      let privateJwk: PrivateJwk;
      if (alg === 'EdDSA') {
        const secretKey = randomBytes(32);
        privateJwk = {
          kty: 'OKP',
          crv: 'Ed25519',
          x: encodeBase64Url(ed25519.getPublicKey(secretKey)),
          d: encodeBase64Url(secretKey),
        };
        secretKey.fill(0);
      } else {
        const curve = alg === 'ES256' ? p256 : secp256k1;
        const secretKey = curve.utils.randomSecretKey(randomBytes(48));
        privateJwk = ecJwk(alg === 'ES256' ? 'P-256' : 'secp256k1', secretKey);
        secretKey.fill(0);
      }
      const { d: _d, ...publicJwk } = privateJwk;
      return { publicJwk: publicJwk as PublicJwk, privateJwk };
    },

    async sign(alg, privateJwk, data) {
      assertAlgFits(alg, privateJwk);
      const secretKey = bytesOf('d', privateJwk.d);
      try {
        if (alg === 'EdDSA') return ed25519.sign(data, secretKey);
        if (alg === 'ES256K') {
          const signer = es256kSigner(secretKey);
          try {
            return await signer(data);
          } finally {
            signer.wipe();
          }
        }
        return p256.sign(data, secretKey, { prehash: true, lowS: true, format: 'compact' });
      } finally {
        secretKey.fill(0);
      }
    },

    async verify(alg, publicJwk, data, signature) {
      if (!(signature instanceof Uint8Array) || signature.length !== JWS_SIGNATURE_LENGTH) {
        return false;
      }
      try {
        if (algorithmForJwk(publicJwk) !== alg) return false;
        if (publicJwk.kty === 'OKP') {
          return ed25519.verify(signature, data, bytesOf('x', publicJwk.x), { zip215: false });
        }
        const curve = publicJwk.crv === 'P-256' ? p256 : secp256k1;
        return curve.verify(signature, data, uncompressedPoint(publicJwk), {
          prehash: true,
          lowS: false,
          format: 'compact',
        });
      } catch {
        return false;
      }
    },
  };
}
