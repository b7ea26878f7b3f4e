import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import { webJwsCrypto } from '../crypto/jws-crypto.ts';
import { nodeIssuerSigner, pooledRandomBytes } from './batch-crypto.ts';

const crypto = webJwsCrypto();
const input = utf8ToBytes('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0');

describe('nodeIssuerSigner', () => {
  it.each(['ES256', 'EdDSA'] as const)(
    'Given a %s issuer key file, when Node signs, then WebCrypto verifies the JWS signature',
    async (alg) => {
      const issuer = await createIssuerKeyFile(crypto, alg);
      const sign = nodeIssuerSigner(issuer);
      if (!sign) throw new Error(`no Node signer for ${alg}`);
      const signature = await sign(input);
      expect(signature).toHaveLength(64);
      expect(await crypto.verify(alg, issuer.publicJwk, input, signature)).toBe(true);
      expect(await crypto.verify(alg, issuer.publicJwk, utf8ToBytes('other'), signature)).toBe(
        false,
      );
    },
  );

  it('Given an ES256K issuer, when asked, then there is no Node signer (noble is faster)', async () => {
    expect(nodeIssuerSigner(await createIssuerKeyFile(crypto, 'ES256K'))).toBeUndefined();
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
