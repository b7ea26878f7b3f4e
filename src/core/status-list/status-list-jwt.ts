/**
 * The Status List Token in JWT format (draft-ietf-oauth-status-list §5.1): header
 * `{ alg, typ: "statuslist+jwt", kid }`, claims `sub` (the list's URI, equal to the credential's
 * `status.status_list.uri`), `iat`, optional `exp` and `ttl`, and `status_list { bits, lst }`.
 * We also put `iss` (the issuer DID) in it, so a verifier can find the key offline.
 *
 * Verification (§8.3 "Validation Rules"): allowed algorithms only, typ, signature, required claims,
 * `sub` equal to the expected URI, `exp`, and a decompressed-size cap (zip-bomb safe).
 */
import { isNumericDate } from '../jose/numeric-date.ts';
import type { Did } from '../brand.ts';
import { resolveDidKey } from '../did/did-key.ts';
import {
  decodeCompactJws,
  shortValue,
  signCompactJws,
  verifyDecodedJws,
} from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from '../jose/jws-crypto.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import {
  decompressStatusList,
  MAX_STATUS_LIST_BYTES,
  STATUS_BITS,
  statusAtIndex,
} from './status-bits.ts';
import type { StatusBits } from './status-bits.ts';
import type { StatusListFile } from './status-list-file.ts';

export const STATUS_LIST_JWT_TYP = 'statuslist+jwt';
const DEFAULT_CLOCK_SKEW_SECONDS = 60;

export type StatusListProblem =
  | 'malformed'
  | 'wrong-typ'
  | 'alg-not-allowed'
  | 'unknown-issuer-key'
  | 'bad-signature'
  | 'missing-claim'
  | 'wrong-uri'
  | 'expired'
  | 'not-yet-valid'
  | 'too-large';

export interface VerifiedStatusList {
  uri: string;
  issuer: string;
  iat: number;
  exp?: number;
  ttl?: number;
  bits: StatusBits;
  /** Number of entries the list holds (bytes × 8 / bits). */
  size: number;
  /**
   * The status of entry `index` (0 = VALID, 1 = INVALID, …), or -1 when the index is outside the
   * list: then no statement can be made and the credential must be rejected (§8.3 step 6).
   */
  statusAt(index: number): number;
}

export async function publishStatusListJwt(opts: {
  list: StatusListFile;
  issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  issuedAt: Date;
  ttlSeconds?: number;
  expiresAt?: Date;
}): Promise<string> {
  const { list, issuer, issuedAt, ttlSeconds, expiresAt } = opts;
  if (ttlSeconds !== undefined && (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0)) {
    throw new RangeError(
      `publishStatusListJwt: "ttlSeconds" must be a positive integer, got ${ttlSeconds}`,
    );
  }
  return signCompactJws({
    header: { alg: issuer.alg, typ: STATUS_LIST_JWT_TYP, kid: issuerKid(issuer.did) },
    payload: {
      sub: list.uri,
      iss: issuer.did,
      iat: Math.floor(issuedAt.getTime() / 1000),
      ...(expiresAt === undefined ? {} : { exp: Math.floor(expiresAt.getTime() / 1000) }),
      ...(ttlSeconds === undefined ? {} : { ttl: ttlSeconds }),
      status_list: { bits: list.bits, lst: list.lst },
    },
    sign: issuer.sign,
  });
}

type Verified = Result<VerifiedStatusList, StatusListProblem, { message: string }>;

function issuerOf(
  header: Readonly<Record<string, unknown>>,
  payload: Readonly<Record<string, unknown>>,
): string | undefined {
  if (typeof payload.iss === 'string' && payload.iss !== '') return payload.iss;
  if (typeof header.kid === 'string' && header.kid.startsWith('did:'))
    return header.kid.split('#')[0];
  return undefined;
}

export async function verifyStatusListJwt(
  jwt: string,
  opts: {
    crypto: JwsCrypto;
    now: Date;
    issuerKey?: PublicJwk;
    expectedUri?: string;
    clockSkewSeconds?: number;
  },
): Promise<Verified> {
  const {
    crypto,
    now,
    issuerKey,
    expectedUri,
    clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS,
  } = opts;
  const decoded = decodeCompactJws(typeof jwt === 'string' ? jwt.trim() : jwt);
  if (!decoded.ok) return decoded;
  const { header, payload } = decoded.value;
  if (header.typ !== STATUS_LIST_JWT_TYP) {
    return failedWith('wrong-typ', {
      message: `header "typ" expected "${STATUS_LIST_JWT_TYP}", got ${shortValue(header.typ)}`,
    });
  }
  const issuer = issuerOf(header, payload);
  let key = issuerKey;
  if (key === undefined) {
    const source =
      typeof header.kid === 'string' && header.kid.startsWith('did:') ? header.kid : issuer;
    if (source !== undefined && issuer !== undefined && source.split('#')[0] !== issuer) {
      return failedWith('unknown-issuer-key', {
        message: `header "kid" ${shortValue(source)} belongs to another DID than "iss" ${shortValue(issuer)}`,
      });
    }
    const resolved = source === undefined ? undefined : resolveDidKey(source);
    if (resolved === undefined || !resolved.ok) {
      return failedWith('unknown-issuer-key', {
        message: `no key for the status list issuer ${shortValue(issuer)}${resolved && !resolved.ok ? `: ${resolved.detail.message}` : ''}`,
      });
    }
    key = resolved.value;
  }
  const signed = await verifyDecodedJws(decoded.value, { crypto, key });
  if (!signed.ok) return signed;

  const { sub, iat, exp, ttl, status_list: statusList } = payload;
  if (typeof sub !== 'string' || sub === '')
    return failedWith('missing-claim', {
      message: `"sub" (the list's URI) must be a string, got ${shortValue(sub)}`,
    });
  if (!isNumericDate(iat))
    return failedWith('missing-claim', {
      message: `"iat" must be a NumericDate, got ${shortValue(iat)}`,
    });
  if (exp !== undefined && !isNumericDate(exp))
    return failedWith('malformed', {
      message: `"exp" must be a NumericDate, got ${shortValue(exp)}`,
    });
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0))
    return failedWith('malformed', {
      message: `"ttl" must be a positive number, got ${shortValue(ttl)}`,
    });
  if (expectedUri !== undefined && sub !== expectedUri) {
    return failedWith('wrong-uri', {
      message: `the list is for ${shortValue(sub)}, but the credential points to ${shortValue(expectedUri)}`,
    });
  }
  const nowSeconds = now.getTime() / 1000;
  if (typeof exp === 'number' && nowSeconds > exp + clockSkewSeconds) {
    return failedWith('expired', {
      message: `the status list expired at ${new Date(exp * 1000).toISOString()}; fetch a fresh copy`,
    });
  }
  if (iat > nowSeconds + clockSkewSeconds) {
    return failedWith('not-yet-valid', {
      message: `the status list says it was issued in the future, at ${new Date(iat * 1000).toISOString()}`,
    });
  }
  if (typeof statusList !== 'object' || statusList === null || Array.isArray(statusList)) {
    return failedWith('missing-claim', {
      message: '"status_list" must be an object { bits, lst }',
    });
  }
  const { bits, lst } = statusList as Record<string, unknown>;
  if (!STATUS_BITS.includes(bits as StatusBits)) {
    return failedWith('malformed', {
      message: `"status_list.bits" must be 1, 2, 4 or 8, got ${shortValue(bits)}`,
    });
  }
  const bytes = decompressStatusList(lst, MAX_STATUS_LIST_BYTES);
  if (!bytes.ok) return bytes;
  const listBits = bits as StatusBits;
  const size = (bytes.value.length * 8) / listBits;
  const list = bytes.value;
  return ok({
    uri: sub,
    issuer: issuer ?? '',
    iat,
    ...(typeof exp === 'number' ? { exp } : {}),
    ...(typeof ttl === 'number' ? { ttl } : {}),
    bits: listBits,
    size,
    statusAt(index: number): number {
      if (!Number.isSafeInteger(index) || index < 0 || index >= size) return -1;
      return statusAtIndex(list, listBits, index);
    },
  });
}
