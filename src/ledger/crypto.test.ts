// The ledger's OpenSSL verifier against the core's noble one: the same answers for good, altered,
// wrongly keyed and malformed signatures, for all three algorithms.
import { describe, expect, it } from 'vitest';
import { ALLOWED_ALGORITHMS } from '../core/jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../core/jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../core/jose/random-bytes.fake.ts';
import { nodeReceiptVerifier } from './crypto.ts';

const noble = nobleJwsCrypto({ randomBytes: seededRandomBytes('ledger-crypto') });
const openssl = nodeReceiptVerifier();
const data = new TextEncoder().encode('receipt signing input');

describe('the ledger verifier (node:crypto)', () => {
  it.each(ALLOWED_ALGORITHMS)(
    'Given %s signatures, then it answers as the noble verifier does',
    async (alg) => {
      const { publicJwk, privateJwk } = await noble.generateKeyPair(alg);
      const other = await noble.generateKeyPair(alg);
      const signature = await noble.sign(alg, privateJwk, data);
      const altered = signature.slice();
      altered[10] = (altered[10] as number) ^ 1;
      const cases: [Uint8Array, typeof publicJwk, Uint8Array][] = [
        [data, publicJwk, signature],
        [data, publicJwk, altered],
        [data, other.publicJwk, signature],
        [new TextEncoder().encode('other input'), publicJwk, signature],
        [data, publicJwk, signature.subarray(0, 63)],
      ];
      const answers = [];
      for (const [input, key, sig] of cases) {
        const expected = await noble.verify(alg, key, input, sig);
        expect(await openssl.verify(alg, key, input, sig)).toBe(expected);
        answers.push(expected);
      }
      expect(answers).toEqual([true, false, false, false, false]);
      const wrongAlg = alg === 'EdDSA' ? 'ES256' : 'EdDSA';
      expect(await openssl.verify(wrongAlg, publicJwk, data, signature)).toBe(false);
    },
  );
});
