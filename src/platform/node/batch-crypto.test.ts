import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../../core/jose/index.ts';
import { webJwsCrypto } from '../crypto/jws-crypto.ts';
import { nodeEncoding, nodeIssuerSigner, pooledRandomBytes } from './batch-crypto.ts';

const crypto = webJwsCrypto();
const noble = nobleJwsCrypto({ randomBytes: (n) => randomFillSync(new Uint8Array(n)) });
const input = utf8ToBytes('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0');

describe('nodeIssuerSigner', () => {
  it.each(['ES256', 'EdDSA'] as const)(
    'Given a %s issuer key file, when Node signs, then WebCrypto verifies the JWS signature',
    async (alg) => {
      const issuer = await createIssuerKeyFile(crypto, alg);
      const sign = nodeIssuerSigner(issuer);
      const signature = await sign(input);
      expect(signature).toHaveLength(64);
      expect(await crypto.verify(alg, issuer.publicJwk, input, signature)).toBe(true);
      expect(await crypto.verify(alg, issuer.publicJwk, utf8ToBytes('other'), signature)).toBe(
        false,
      );
    },
  );

  it('Given ES256K issuers, when libsecp256k1 signs, then each signature is exactly noble’s (RFC 6979, low S)', async () => {
    for (let i = 0; i < 8; i++) {
      const issuer = await createIssuerKeyFile(crypto, 'ES256K');
      const data = utf8ToBytes(`eyJhbGciOiJFUzI1NksifQ.${'x'.repeat(i * 37)}`);
      const signature = await nodeIssuerSigner(issuer)(data);
      expect(signature).toEqual(await issuerSigner(noble, issuer)(data));
      expect(await crypto.verify('ES256K', issuer.publicJwk, data, signature)).toBe(true);
    }
  });
});

describe('pooledRandomBytes', () => {
  it('Given many small requests and a large one, when drawn, then each has its length and no two salts repeat', () => {
    const random = pooledRandomBytes();
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const salt = random(16);
      expect(salt).toHaveLength(16);
      seen.add(Buffer.from(salt).toString('hex'));
    }
    expect(seen.size).toBe(1000);
    expect(random(10_000)).toHaveLength(10_000);
  });
});

describe('nodeEncoding.ecPointValid', () => {
  it('Given secp256k1 points, points off the curve and coordinates ≥ p, when checked, then libsecp256k1 answers as noble does; for P-256 it leaves the answer to noble', () => {
    const valid = nodeEncoding.ecPointValid;
    if (!valid) throw new Error('no ecPointValid');
    const noble = (x: Uint8Array, y: Uint8Array) => {
      try {
        secp256k1.Point.fromAffine({
          x: bytesToNumberBE(x),
          y: bytesToNumberBE(y),
        }).assertValidity();
        return true;
      } catch {
        return false;
      }
    };
    const p = numberToBytesBE(secp256k1.Point.Fp.ORDER, 32);
    const cases: [Uint8Array, Uint8Array][] = [];
    for (let i = 1; i <= 8; i++) {
      const point = secp256k1.Point.fromBytes(
        secp256k1.getPublicKey(Uint8Array.of(...new Array<number>(31).fill(0), i), false),
      );
      const x = numberToBytesBE(point.x, 32);
      const y = numberToBytesBE(point.y, 32);
      const yPlusOne = numberToBytesBE((point.y + 1n) % secp256k1.Point.Fp.ORDER, 32);
      cases.push([x, y], [x, yPlusOne], [y, x]);
    }
    cases.push([p, p], [new Uint8Array(32), new Uint8Array(32)], [p, new Uint8Array(32).fill(1)]);
    for (const [x, y] of cases) expect(valid('secp256k1', x, y)).toBe(noble(x, y));
    expect(cases.filter(([x, y]) => noble(x, y))).toHaveLength(8);
    const [x, y] = cases[0] as [Uint8Array, Uint8Array];
    expect(valid('P-256', x, y)).toBeUndefined();
    expect(valid('secp256k1', x.subarray(1), y)).toBeUndefined();
  });
});
