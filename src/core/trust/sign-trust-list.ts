/** Signing a trust list (trust-list.ts has the format). */
import type { Did } from '../brand.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import {
  checkName,
  checkTrustEntries,
  MAX_TRUST_LIST_AGE_SECONDS,
  TRUST_LIST_TYP,
} from './trust-list.ts';
import type { TrustEntry } from './trust-list.ts';

export interface SignTrustListOptions {
  /** Who signs: a did:key or did:jwk and its key. */
  issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  name: string;
  entries: readonly TrustEntry[];
  issuedAt: Date;
  /** Default: `issuedAt` + MAX_TRUST_LIST_AGE_SECONDS (a year). A list always carries an `exp`. */
  expiresAt?: Date;
}

function seconds(date: Date, field: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw new TypeError(`signTrustList: "${field}" is an invalid Date`);
  return Math.floor(time / 1000);
}

/** Throws (a bug in the caller) for entries a verifier would refuse. */
export async function signTrustList(opts: SignTrustListOptions): Promise<string> {
  const { issuer, name, entries, issuedAt, expiresAt } = opts;
  const checkedName = checkName(name, '"name"');
  if (!checkedName.ok) throw new TypeError(`signTrustList: ${checkedName.detail.message}`);
  const checked = checkTrustEntries(entries);
  if (!checked.ok) throw new TypeError(`signTrustList: ${checked.detail.message}`);
  const iat = seconds(issuedAt, 'issuedAt');
  const exp =
    expiresAt === undefined ? iat + MAX_TRUST_LIST_AGE_SECONDS : seconds(expiresAt, 'expiresAt');
  if (exp <= iat) {
    throw new TypeError(
      `signTrustList: "expiresAt" must be after "issuedAt", got ${new Date(exp * 1000).toISOString()}`,
    );
  }
  return signCompactJws({
    header: { alg: issuer.alg, typ: TRUST_LIST_TYP, kid: issuerKid(issuer.did) },
    payload: {
      iss: issuer.did,
      iat,
      exp,
      name: checkedName.value,
      entries: checked.value,
    },
    sign: issuer.sign,
  });
}
