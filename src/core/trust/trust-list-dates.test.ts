// Regression (found by `npm run fuzz`, trust-list #9174): a signed trust list whose "exp" (or
// "iat") is a number past the Date range (1e300) made verifyTrustList throw a RangeError while
// writing its message, instead of answering 'malformed'.
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { issuerSigner } from '../jose/issuer-key-file.ts';
import { NOW } from '../verification/presentation-world.fake.ts';
import { makeCorpusWorld } from '../verification/tamper-corpus.fake.ts';
import { verifyTrustList } from './verify-trust-list.ts';

function partJson(jwt: string, index: number): Record<string, unknown> {
  const bytes = decodeBase64Url(jwt.split('.')[index] ?? '');
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  return JSON.parse(text?.ok ? text.value : '{}') as Record<string, unknown>;
}

describe('trust list NumericDates out of the Date range', () => {
  for (const [claim, value] of [
    ['exp', -1e300],
    ['exp', 1e300],
    ['iat', -1e300],
  ] as const) {
    it(`Given a list signed by its desk with "${claim}": ${value}, when verified, then it is malformed, not a throw`, async () => {
      const world = await makeCorpusWorld(NOW);
      const jwt = world.trustListJwt;
      const resigned = await signCompactJws({
        header: partJson(jwt, 0),
        payload: { ...partJson(jwt, 1), [claim]: value },
        sign: issuerSigner(world.crypto, world.desk),
      });
      const verified = await verifyTrustList(resigned, { crypto: world.crypto, now: NOW });
      expect(verified.ok ? 'ok' : verified.reason).toBe('malformed');
    });
  }
});
