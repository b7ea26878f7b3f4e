/** Deterministic parties for receipt tests (never real keys): a desk key and a wallet key. */
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import type { PrivateJwk } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { partyFromJwk } from './party.ts';
import type { Party } from './party.ts';

export const testCrypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('evidence-crypto') });

export interface TestParty {
  readonly party: Party;
  readonly privateJwk: PrivateJwk;
  readonly sign: JwsSign;
}

export async function testParty(alg: JwsAlgorithm, seed: string): Promise<TestParty> {
  const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes(seed) });
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  return {
    party: partyFromJwk(publicJwk),
    privateJwk,
    sign: (data) => crypto.sign(alg, privateJwk, data),
  };
}
