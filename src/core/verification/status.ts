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
import type { Result } from '../result.ts';

export const DEFAULT_STATUS_MAX_AGE_SECONDS = 86_400;
/** Unless the caller says otherwise, a credential whose status cannot be known is refused. */
export const DEFAULT_STATUS_POLICY: StatusPolicy = { whenUnavailable: 'reject' };

const STATUS_WORDS: Readonly<Record<number, string>> = { 1: 'revoked', 2: 'suspended' };

/** What the policy logic needs from a verified status list, whichever kind it is. */
export interface VerifiedList {
  issuer: string;
  /** When the list was issued, in seconds. */
  iat: number;
  /** How long it may be cached, in seconds. */
  ttl?: number;
  /** The status at `index`: 0 valid, 1 revoked, 2 suspended, …; -1 outside the list. */
  statusAt(index: number): number;
}

export async function checkStatus(opts: {
  status: { idx: number; uri: string } | undefined;
  issuer: string | undefined;
  pinnedKey: PublicJwk | undefined;
  crypto: JwsCrypto;
  now: Date;
  statusList: VerifyPresentationOptions['statusList'];
  policy: StatusPolicy;
}): Promise<{ check: Check; info: StatusInfo }> {
  const { pinnedKey, crypto, now } = opts;
  return judgeStatus({
    ...opts,
    pinned: pinnedKey !== undefined,
    verifyList: (jwt, uri) =>
      verifyStatusListJwt(jwt, {
        crypto,
        now,
        expectedUri: uri,
        ...(pinnedKey === undefined ? {} : { issuerKey: pinnedKey }),
      }),
  });
}

/**
 * The status check for any kind of list (IETF Token Status List, W3C Bitstring Status List): the
 * list comes from the caller's cache, `verifyList` verifies it; the policy logic is the same.
 */
export async function judgeStatus(opts: {
  status: { idx: number; uri: string } | undefined;
  issuer: string | undefined;
  /** The issuer key was pinned by the caller (then `verifyList` checked the list against it). */
  pinned: boolean;
  now: Date;
  statusList: VerifyPresentationOptions['statusList'];
  policy: StatusPolicy;
  verifyList: (
    jwt: string,
    uri: string,
  ) => Promise<Result<VerifiedList, string, { message: string }>>;
}): Promise<{ check: Check; info: StatusInfo }> {
  const { status, issuer, pinned, now, statusList, policy, verifyList } = opts;
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
  let list: Awaited<ReturnType<typeof verifyList>>;
  try {
    list = await verifyList(cached.jwt, status.uri);
  } catch {
    return unavailable(`the status list from ${status.uri} could not be checked`);
  }
  if (!list.ok) return unavailable(`the status list is not usable: ${list.detail.message}`);
  if (!pinned && list.value.issuer !== issuer) {
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
