import { generateKeyPairSync } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivePublicJwk, parseIssuerKeyFile } from '../../core/jose/index.ts';
import type { PrivateJwk } from '../../core/jose/index.ts';
import { didKeyFromJwk } from '../../core/did/index.ts';
import { nodeDerivePublicJwk } from './derive-public-jwk.ts';

function privateJwk(curve: 'P-256' | 'secp256k1' | 'Ed25519'): PrivateJwk {
  const { privateKey } =
    curve === 'Ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: curve });
  const { kty, crv, x, y, d } = privateKey.export({ format: 'jwk' }) as JsonWebKey;
  return (kty === 'OKP' ? { kty, crv, x, d } : { kty, crv, x, y, d }) as PrivateJwk;
}

/** An issuer key file of `jwk`'s public key, with `d` as its private key's (which may not belong). */
function issuerFile(jwk: PrivateJwk, alg: 'ES256' | 'ES256K', d: string) {
  const { d: _d, ...publicJwk } = jwk;
  return {
    did: didKeyFromJwk(publicJwk as never),
    alg,
    publicJwk,
    privateJwk: { ...publicJwk, d },
  };
}

const N_SECP256K1 = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141';

describe('nodeDerivePublicJwk (the issuer key file check on Node)', () => {
  it.each(['P-256', 'secp256k1', 'Ed25519'] as const)(
    'Given 20 random %s keys, when derived, then each public JWK is exactly the core’s (noble’s)',
    (curve) => {
      for (let i = 0; i < 20; i++) {
        const jwk = privateJwk(curve);
        expect(nodeDerivePublicJwk(jwk)).toEqual(derivePublicJwk(jwk));
      }
    },
  );

  it('Given an EC key whose "x" and "y" belong to another key, when derived, then the point comes from "d" alone', () => {
    const jwk = privateJwk('P-256');
    const other = privateJwk('P-256');
    const mixed = { ...jwk, x: other.x, y: (other as { y: string }).y } as PrivateJwk;
    const derived = nodeDerivePublicJwk(mixed);
    expect(derived).toEqual(derivePublicJwk(jwk));
  });

  it.each([
    ['zero', 'A'.repeat(43)],
    ['the group order n', Buffer.from(N_SECP256K1, 'hex').toString('base64url')],
  ])(
    'Given a secp256k1 "d" that is %s, when derived, then it is refused as the core refuses it',
    (_, d) => {
      const jwk = { ...privateJwk('secp256k1'), d };
      const node = nodeDerivePublicJwk(jwk);
      expect(node.ok).toBe(false);
      expect(node).toEqual(derivePublicJwk(jwk));
    },
  );

  it.each([
    ['31 bytes', Buffer.alloc(31, 7).toString('base64url')],
    ['33 bytes', Buffer.alloc(33, 7).toString('base64url')],
    ['not base64url', '!'.repeat(43)],
    ['zero', 'A'.repeat(43)],
  ])(
    'Given an issuer key file whose "d" is %s, when parsed with the Node port, then it is refused with the core’s own message',
    (_, d) => {
      const file = issuerFile(privateJwk('secp256k1'), 'ES256K', d);
      const parsed = parseIssuerKeyFile(file, { derivePublicJwk: nodeDerivePublicJwk });
      expect(parsed.ok).toBe(false);
      expect(parsed).toEqual(parseIssuerKeyFile(file));
    },
  );

  it('Given an issuer key file whose "d" does not belong to its public key, when parsed with the Node port, then it is refused', () => {
    const jwk = privateJwk('P-256');
    const file = issuerFile(jwk, 'ES256', privateJwk('P-256').d);
    const parsed = parseIssuerKeyFile(file, { derivePublicJwk: nodeDerivePublicJwk });
    expect(parsed.ok).toBe(false);
    expect(parseIssuerKeyFile(file)).toEqual(parsed);
    const good = { ...file, privateJwk: jwk };
    expect(parseIssuerKeyFile(good, { derivePublicJwk: nodeDerivePublicJwk })).toEqual(
      parseIssuerKeyFile(good),
    );
  });
});
