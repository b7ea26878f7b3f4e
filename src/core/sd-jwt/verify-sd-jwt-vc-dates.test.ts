// Regression (the date bug `npm run fuzz` found in status and trust lists, sought here too): a
// credential signed with "exp" -1e300 (or "nbf" / "iat" 1e300) made verifySdJwtVc throw a
// RangeError while writing "expired at …", instead of refusing the claim. The wallet's receive
// flow and `vouch eligibility` call it on credentials from outside.
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { issuerSigner } from '../jose/issuer-key-file.ts';
import { makeWorld, NOW } from '../verification/presentation-world.fake.ts';
import { verifySdJwtVc } from './verify-sd-jwt-vc.ts';

function partJson(jwt: string, index: number): Record<string, unknown> {
  const bytes = decodeBase64Url(jwt.split('.')[index] ?? '');
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  return JSON.parse(text?.ok ? text.value : '{}') as Record<string, unknown>;
}

describe('SD-JWT VC NumericDates out of the Date range', () => {
  for (const [claim, value] of [
    ['exp', -1e300],
    ['nbf', 1e300],
    ['iat', 1e300],
  ] as const) {
    it(`Given a credential signed by its issuer with "${claim}": ${value}, when verified, then it is malformed, not a throw`, async () => {
      const world = await makeWorld('ES256', 'sd-jwt dates');
      const [jwt = '', ...rest] = world.credential.split('~');
      const resigned = await signCompactJws({
        header: partJson(jwt, 0),
        payload: { ...partJson(jwt, 1), [claim]: value },
        sign: issuerSigner(world.crypto, world.issuer),
      });
      const verified = await verifySdJwtVc([resigned, ...rest].join('~'), {
        crypto: world.crypto,
        now: NOW,
      });
      expect(verified.ok ? 'ok' : verified.reason).toBe('malformed');
    });
  }
});
