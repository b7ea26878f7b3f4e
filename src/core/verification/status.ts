/**
 * Step 7, revocation (draft-ietf-oauth-status-list §8.3): the credential's `status.status_list`
 * entry looked up in a status list from the caller's cache, which must verify as the same issuer's
 * and be recent enough. When the status cannot be known (no list, a bad list, a stale list) the
 * policy decides: 'reject' fails the check; 'warn' passes it with code 'warning'. A revocation seen
 * in any verified list, stale or not, always fails.
 */
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { verifyStatusListJwt } from '../status-list/status-list-jwt.ts';
import type { Check, StatusInfo, StatusPolicy, VerifyPresentationOptions } from './check.ts';
import { describeDuration } from './describe-time.ts';

export const DEFAULT_STATUS_MAX_AGE_SECONDS = 86_400;

const STATUS_WORDS: Readonly<Record<number, string>> = { 1: 'revoked', 2: 'suspended' };

export async function checkStatus(opts: {
  status: { idx: number; uri: string } | undefined;
  issuer: string | undefined;
  pinnedKey: PublicJwk | undefined;
  crypto: JwsCrypto;
  now: Date;
  statusList: VerifyPresentationOptions['statusList'];
  policy: StatusPolicy;
}): Promise<{ check: Check; info: StatusInfo }> {
  const { status, issuer, pinnedKey, crypto, now, statusList, policy } = opts;
  if (status === undefined) {
    return {
      check: {
        name: 'status',
        ok: true,
        code: 'ok',
        message: 'The issuer gave this credential no revocation status to check',
      },
      info: { state: 'none' },
    };
  }
  const unavailable = (reason: string, info: StatusInfo = { state: 'unavailable' }) => {
    const warn = policy.whenUnavailable === 'warn';
    return {
      check: {
        name: 'status',
        ok: warn,
        code: warn ? 'warning' : 'status-unavailable',
        message: warn
          ? `Revocation could not be checked (${reason}); accepted under your policy`
          : `Revocation could not be checked: ${reason}`,
      } satisfies Check,
      info,
    };
  };
  let cached: ReturnType<NonNullable<typeof statusList>>;
  try {
    cached = statusList?.(status.uri);
  } catch {
    cached = undefined;
  }
  if (cached === undefined) return unavailable(`no status list from ${status.uri}`);
  const list = await verifyStatusListJwt(cached.jwt, {
    crypto,
    now,
    expectedUri: status.uri,
    ...(pinnedKey === undefined ? {} : { issuerKey: pinnedKey }),
  });
  if (!list.ok) return unavailable(`the status list is not usable: ${list.detail.message}`);
  if (pinnedKey === undefined && list.value.issuer !== issuer) {
    return unavailable("the status list was not published by the credential's issuer");
  }
  const ageSeconds = Math.max(0, Math.floor(now.getTime() / 1000 - list.value.iat));
  const maxAge = policy.maxAgeSeconds ?? list.value.ttl ?? DEFAULT_STATUS_MAX_AGE_SECONDS;
  const stale = ageSeconds > maxAge;
  const info: StatusInfo = {
    state: 'valid',
    listIssuedAt: new Date(list.value.iat * 1000).toISOString(),
    ageSeconds,
    stale,
  };
  const value = list.value.statusAt(status.idx);
  if (value === -1) {
    return {
      check: {
        name: 'status',
        ok: false,
        code: 'status-unavailable',
        message: `The status list has no entry ${status.idx}: the credential cannot be checked and is refused`,
      },
      info: { ...info, state: 'unavailable' },
    };
  }
  if (value !== 0) {
    return {
      check: {
        name: 'status',
        ok: false,
        code: 'revoked',
        message: `The issuer has ${STATUS_WORDS[value] ?? `marked (status ${value})`} this credential (status list of ${describeDuration(ageSeconds)} ago)`,
      },
      info: { ...info, state: 'revoked' },
    };
  }
  if (stale) {
    return unavailable(
      `the status list is ${describeDuration(ageSeconds)} old, older than the ${describeDuration(maxAge)} allowed`,
      info,
    );
  }
  return {
    check: {
      name: 'status',
      ok: true,
      code: 'ok',
      message: `Not revoked (status list of ${describeDuration(ageSeconds)} ago)`,
    },
    info,
  };
}
