/**
 * The key binding JWT's claims (RFC 9901 §7.3 step 5): `aud` is this verifier, `nonce` is this
 * request's (and not answered before), `iat` is recent, and `sd_hash` covers exactly what was shown.
 */
import { shortValue } from '../jose/compact-jws.ts';
import { computeSdHash } from '../presentation/sd-hash.ts';
import type { Check } from './check.ts';
import { describeDuration } from './describe-time.ts';

export const DEFAULT_MAX_AGE_SECONDS = 300;
/** A KB-JWT dated up to this far in the future is accepted (phone clocks drift). */
export const FUTURE_SKEW_SECONDS = 60;

type KbPayload = Readonly<Record<string, unknown>>;

export function checkAudience(payload: KbPayload, audience: string): Check {
  const aud = payload.aud;
  if (aud === audience)
    return { name: 'audience', ok: true, code: 'ok', message: 'Made for this verifier' };
  return {
    name: 'audience',
    ok: false,
    code: 'wrong-audience',
    message:
      typeof aud === 'string'
        ? `The answer was made for another verifier (${shortValue(aud)}), not for you`
        : `The answer does not say which verifier it was made for ("aud" is ${shortValue(aud)})`,
  };
}

export function checkNonce(payload: KbPayload, nonce: string, alreadyUsed: boolean): Check {
  if (payload.nonce !== nonce) {
    return {
      name: 'nonce',
      ok: false,
      code: 'wrong-nonce',
      message:
        'The answer belongs to another request, not the one you showed: ask the holder to scan your request again',
    };
  }
  if (alreadyUsed) {
    return {
      name: 'nonce',
      ok: false,
      code: 'replayed',
      message: 'This answer was already used once; an answer counts only once. Make a new request',
    };
  }
  return { name: 'nonce', ok: true, code: 'ok', message: 'Answers your request' };
}

export function checkFreshness(payload: KbPayload, now: Date, maxAgeSeconds: number): Check {
  const iat = payload.iat;
  const stale = (message: string): Check => ({
    name: 'freshness',
    ok: false,
    code: 'stale',
    message,
  });
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    return stale(`The answer does not say when it was made ("iat" is ${shortValue(iat)})`);
  }
  const age = now.getTime() / 1000 - iat;
  if (age < -FUTURE_SKEW_SECONDS) {
    return stale(`The answer is dated ${describeDuration(-age)} in the future: check the clocks`);
  }
  if (age > maxAgeSeconds) {
    return stale(
      `The answer was made ${describeDuration(age)} ago; answers are accepted for ${describeDuration(maxAgeSeconds)}. Ask for a new one`,
    );
  }
  return { name: 'freshness', ok: true, code: 'ok', message: `Made ${describeDuration(age)} ago` };
}

export function checkSdHash(payload: KbPayload, sdHashInput: string | Uint8Array): Check {
  if (payload.sd_hash === computeSdHash(sdHashInput)) {
    return {
      name: 'sd-hash',
      ok: true,
      code: 'ok',
      message: 'The holder confirmed exactly the claims shown',
    };
  }
  return {
    name: 'sd-hash',
    ok: false,
    code: 'sd-hash-mismatch',
    message:
      'The claims shown are not the ones the holder confirmed: something was added or removed afterwards',
  };
}
