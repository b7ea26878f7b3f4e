/**
 * A party to a receipt: a signature algorithm and a public key in its compact form (SEC1
 * compressed for ES256 and ES256K, the raw 32 bytes for EdDSA). The desk's party is its issuer or
 * verifier key; the wallet's is the relationship key it uses with that desk, never its root.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { algorithmForJwk } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { publicKeyLength, signatureCode } from './algorithms.ts';

export interface Party {
  readonly alg: JwsAlgorithm;
  readonly key: Uint8Array;
}

export type PartyProblem = 'bad-party';

function curveOf(alg: 'ES256' | 'ES256K') {
  return alg === 'ES256' ? p256 : secp256k1;
}

/** Checks the key's length and that it is a point on the algorithm's curve. */
export function checkParty(
  alg: JwsAlgorithm,
  key: Uint8Array,
): Result<Party, PartyProblem, { message: string }> {
  const expected = publicKeyLength(alg);
  if (key.length !== expected) {
    return failedWith('bad-party', {
      message: `${alg} public key expected ${expected} bytes, got ${key.length}`,
    });
  }
  try {
    if (alg === 'EdDSA') ed25519.Point.fromBytes(key);
    else curveOf(alg).Point.fromBytes(key).assertValidity();
  } catch {
    return failedWith('bad-party', { message: `${alg} public key is not a point on its curve` });
  }
  return ok({ alg, key: key.slice() });
}

/** The party for a public JWK (P-256 → ES256, secp256k1 → ES256K, Ed25519 → EdDSA). */
export function partyFromJwk(jwk: PublicJwk): Party {
  const alg = algorithmForJwk(jwk);
  const x = decodeBase64Url(jwk.x);
  if (!x.ok) throw new TypeError(`partyFromJwk: "x" ${x.detail.message}`);
  if (jwk.kty === 'OKP') return { alg, key: x.value };
  const y = decodeBase64Url(jwk.y);
  if (!y.ok) throw new TypeError(`partyFromJwk: "y" ${y.detail.message}`);
  const uncompressed = new Uint8Array(65);
  uncompressed[0] = 0x04;
  uncompressed.set(x.value, 1);
  uncompressed.set(y.value, 33);
  const key = curveOf(alg as 'ES256' | 'ES256K')
    .Point.fromBytes(uncompressed)
    .toBytes(true);
  return { alg, key };
}

/** The public JWK a JwsCrypto verifies with. */
export function partyToJwk(party: Party): PublicJwk {
  if (party.alg === 'EdDSA') return { kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(party.key) };
  const point = curveOf(party.alg).Point.fromBytes(party.key).toBytes(false);
  return {
    kty: 'EC',
    crv: party.alg === 'ES256' ? 'P-256' : 'secp256k1',
    x: encodeBase64Url(point.subarray(1, 33)),
    y: encodeBase64Url(point.subarray(33)),
  };
}

/** alg code ‖ key: how a party is written in the receipt and in the commitment. */
export function partyBytes(party: Party): Uint8Array {
  const out = new Uint8Array(1 + party.key.length);
  out[0] = signatureCode(party.alg);
  out.set(party.key, 1);
  return out;
}

export function sameParty(a: Party, b: Party): boolean {
  return a.alg === b.alg && a.key.length === b.key.length && a.key.every((v, i) => v === b.key[i]);
}
