/**
 * What the desk's "Issued" list says about each credential, in words a clerk reads (the UI
 * translates the state): valid (until its expiry, if it has one), expired, or revoked (when, and
 * why). The desk never suspends: its list's entries are 0 (valid) or 1 (revoked).
 */
import type { IssuedCredential } from './issuance.ts';

export type IssuedStatus =
  | { readonly state: 'valid'; readonly since: string; readonly until?: string }
  | { readonly state: 'expired'; readonly since: string }
  | { readonly state: 'revoked'; readonly since: string; readonly reason: string };

export function issuedStatus(
  record: Pick<IssuedCredential, 'issuedAt' | 'expiresAt' | 'revoked'>,
  now: Date,
): IssuedStatus {
  if (record.revoked) {
    return { state: 'revoked', since: record.revoked.at, reason: record.revoked.reason };
  }
  if (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime()) {
    return { state: 'expired', since: record.expiresAt };
  }
  return {
    state: 'valid',
    since: record.issuedAt,
    ...(record.expiresAt === undefined ? {} : { until: record.expiresAt }),
  };
}
