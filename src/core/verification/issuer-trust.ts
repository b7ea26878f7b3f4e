/**
 * Step 3: is the issuer trusted for this credential type? A pinned key counts as trust for this
 * call; otherwise the issuer's DID must be on one of the caller's trust lists for the `vct`.
 * An unknown issuer is "not trusted", never valid.
 */
import { shortValue } from '../jose/compact-jws.ts';
import type { TrustList } from '../trust/trust-list.ts';
import { trustedIssuer } from '../trust/trusted-issuer.ts';
import type { Check } from './check.ts';

export function checkIssuerTrusted(opts: {
  /** Absent only when the credential has no `iss` (then only a pinned key can make it trusted). */
  issuer: string | undefined;
  vct: string;
  /** Other names of the same type a trust list entry may use (a W3C VC's own `type` terms). */
  aliases?: readonly string[];
  pinned: boolean;
  trustLists: readonly TrustList[];
}): { check: Check; issuerName?: string } {
  const { issuer, vct, aliases = [], pinned, trustLists } = opts;
  let entry: ReturnType<typeof trustedIssuer>;
  for (const name of [vct, ...aliases]) {
    entry ??= issuer === undefined ? undefined : trustedIssuer(trustLists, issuer, name);
  }
  if (entry !== undefined) {
    return {
      check: {
        name: 'issuer-trusted',
        ok: true,
        code: 'ok',
        message: `${entry.name} is on your trust list for this kind of credential`,
      },
      issuerName: entry.name,
    };
  }
  if (pinned) {
    return {
      check: {
        name: 'issuer-trusted',
        ok: true,
        code: 'ok',
        message: 'Trusted: signed with the issuer key you gave for this check',
      },
    };
  }
  const known = trustLists.some((list) => list.entries.some((e) => e.did === issuer));
  return {
    check: {
      name: 'issuer-trusted',
      ok: false,
      code: 'untrusted-issuer',
      message:
        trustLists.length === 0
          ? `Not trusted: no trust list was given, so the issuer ${shortValue(issuer)} is unknown`
          : known
            ? `Not trusted: this issuer is on your trust list, but not for this kind of credential (${shortValue(vct)})`
            : `Not trusted: the issuer ${shortValue(issuer)} is not on your trust list`,
    },
  };
}
