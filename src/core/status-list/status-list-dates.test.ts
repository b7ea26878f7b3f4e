// Regression (found by `npm run fuzz`, status-list #72982 and others): a signed status list whose
// "iat" or "exp" is a number past the Date range (1e300) made verifyStatusListJwt throw a
// RangeError while writing its message, instead of refusing the claim.
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { issuerSigner } from '../jose/issuer-key-file.ts';
import { NOW } from '../verification/presentation-world.fake.ts';
import { makeCorpusWorld } from '../verification/tamper-corpus.fake.ts';
import { verifyStatusListJwt } from './status-list-jwt.ts';

function partJson(jwt: string, index: number): Record<string, unknown> {
  const bytes = decodeBase64Url(jwt.split('.')[index] ?? '');
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  return JSON.parse(text?.ok ? text.value : '{}') as Record<string, unknown>;
}

describe('status list NumericDates out of the Date range', () => {
  // The file's convention: a bad "iat" is 'missing-claim', a bad "exp" 'malformed'.
  for (const [claim, value, reason] of [
    ['iat', 1e300, 'missing-claim'],
    ['exp', 1e300, 'malformed'],
    ['iat', -1e300, 'missing-claim'],
    ['exp', 8.64e12 + 1, 'malformed'],
  ] as const) {
    it(`Given a list signed by its issuer with "${claim}": ${value}, when verified, then it is ${reason}, not a throw`, async () => {
      const world = await makeCorpusWorld(NOW);
      const jwt = world.statusListJwt;
      const resigned = await signCompactJws({
        header: partJson(jwt, 0),
        payload: { ...partJson(jwt, 1), [claim]: value },
        sign: issuerSigner(world.crypto, world.issuer),
      });
      const verified = await verifyStatusListJwt(resigned, { crypto: world.crypto, now: NOW });
      expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
    });
  }
});
