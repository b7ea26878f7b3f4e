/**
 * Verifying a trust list from untrusted input (an imported file, another desk's list): allowed
 * algorithms only (refused before any key is looked up), `typ`, the signer's key from `iss`
 * (did:key / did:jwk; a `kid` must name the same DID), the signature, every field with caps, and
 * then its expiry (`exp`, else `iat` + MAX_TRUST_LIST_AGE_SECONDS; 60 s of clock skew).
 *
 * `readSignedTrustList` does all of it except the expiry: for a desk that keeps a list it imported
 * and must still show it (as expired) once its time is up.
 */
import { isNumericDate } from '../jose/numeric-date.ts';
import { resolveDidKey } from '../did/did-key.ts';
import { decodeCompactJws, shortValue, verifyDecodedJws } from '../jose/compact-jws.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { publicJwkThumbprint } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  checkName,
  checkTrustEntries,
  MAX_TRUST_LIST_AGE_SECONDS,
  MAX_TRUST_LIST_LENGTH,
  TRUST_LIST_TYP,
} from './trust-list.ts';
import type { VerifiedTrustList } from './trust-list.ts';

export type TrustListProblem = 'malformed' | 'bad-signature' | 'unsupported-alg' | 'expired';

const CLOCK_SKEW_SECONDS = 60;

/** Why a list was refused; `expiredAt` (ISO date-time) when it expired. */
export interface TrustListProblemDetail {
  readonly message: string;
  readonly expiredAt?: string;
}

/** True when `list` no longer counts at `now` (60 s of clock skew in its favour). */
export function trustListExpired(list: Pick<VerifiedTrustList, 'exp'>, now: Date): boolean {
  return now.getTime() / 1000 > list.exp + CLOCK_SKEW_SECONDS;
}

export async function verifyTrustList(
  jwt: string,
  opts: { crypto: JwsCrypto; now: Date },
): Promise<Result<VerifiedTrustList, TrustListProblem, TrustListProblemDetail>> {
  const read = await readSignedTrustList(jwt, opts);
  if (!read.ok) return read;
  if (trustListExpired(read.value, opts.now)) {
    const expiredAt = new Date(read.value.exp * 1000).toISOString();
    return failedWith('expired', {
      message: `the trust list "${read.value.name}" expired at ${expiredAt}${
        read.value.expSource === 'max-age'
          ? ` (it has no "exp": a list counts for at most ${MAX_TRUST_LIST_AGE_SECONDS / 86_400} days after its "iat")`
          : ''
      }`,
      expiredAt,
    });
  }
  return ok(withoutExpSource(read.value));
}

function withoutExpSource(list: VerifiedTrustList & { expSource: unknown }): VerifiedTrustList {
  const { expSource: _source, ...rest } = list;
  return rest;
}

/** Everything verifyTrustList checks except the expiry. */
export async function readSignedTrustList(
  jwt: string,
  opts: { crypto: JwsCrypto },
): Promise<
  Result<
    VerifiedTrustList & { expSource: 'exp' | 'max-age' },
    Exclude<TrustListProblem, 'expired'>,
    { message: string }
  >
> {
  const malformed = (message: string) => failedWith('malformed', { message });
  if (typeof jwt !== 'string')
    return malformed(`expected a trust list (JWT text), got ${typeof jwt}`);
  const text = jwt.trim();
  if (text.length > MAX_TRUST_LIST_LENGTH) {
    return malformed(
      `the trust list is ${text.length} characters, more than the limit of ${MAX_TRUST_LIST_LENGTH}`,
    );
  }
  const decoded = decodeCompactJws(text);
  if (!decoded.ok) {
    return decoded.reason === 'alg-not-allowed'
      ? failedWith('unsupported-alg', decoded.detail)
      : malformed(`not a signed trust list: ${decoded.detail.message}`);
  }
  const { header, payload } = decoded.value;
  if (header.typ !== TRUST_LIST_TYP) {
    return malformed(`header "typ" expected "${TRUST_LIST_TYP}", got ${shortValue(header.typ)}`);
  }
  const iss = payload.iss;
  if (typeof iss !== 'string' || !iss.startsWith('did:')) {
    return malformed(`"iss" (who signed the list) must be a DID, got ${shortValue(iss)}`);
  }
  const kid = header.kid;
  if (kid !== undefined && (typeof kid !== 'string' || kid.split('#')[0] !== iss)) {
    return malformed(
      `header "kid" ${shortValue(kid)} belongs to another DID than "iss" ${shortValue(iss)}`,
    );
  }
  const key = resolveDidKey(typeof kid === 'string' ? kid : iss);
  if (!key.ok)
    return malformed(`no key for the list's signer ${shortValue(iss)}: ${key.detail.message}`);
  const signed = await verifyDecodedJws(decoded.value, { crypto: opts.crypto, key: key.value });
  if (!signed.ok) {
    return failedWith('bad-signature', {
      message: `the trust list is not signed by ${shortValue(iss)}: ${signed.detail.message}`,
    });
  }
  const { iat, exp } = payload;
  if (!isNumericDate(iat)) {
    return malformed(`"iat" must be a NumericDate (seconds), got ${shortValue(iat)}`);
  }
  if (exp !== undefined && !isNumericDate(exp)) {
    return malformed(`"exp" must be a NumericDate (seconds), got ${shortValue(exp)}`);
  }
  const name = checkName(payload.name, '"name"');
  if (!name.ok) return name;
  const entries = checkTrustEntries(payload.entries);
  if (!entries.ok) return entries;
  return ok({
    issuer: iss,
    name: name.value,
    iat,
    exp: typeof exp === 'number' ? exp : iat + MAX_TRUST_LIST_AGE_SECONDS,
    expSource: typeof exp === 'number' ? ('exp' as const) : ('max-age' as const),
    entries: entries.value,
    signerThumbprint: publicJwkThumbprint(key.value),
  });
}
