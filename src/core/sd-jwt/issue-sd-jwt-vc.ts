/**
 * Issuing an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc §3; RFC 9901 §4–5) the way Vouch does:
 *
 * - header `{ alg, typ: "dc+sd-jwt", kid: <did>#<key id> }` (SD-JWT VC §3.2.1)
 * - always visible: iss, iat, exp (when the type has one), vct, cnf.jwk (the holder's key for key
 *   binding, RFC 7800 §3.2), status.status_list { idx, uri } (Token Status List §6.1), `_sd`,
 *   `_sd_alg: "sha-256"`
 * - every personal claim is a top-level disclosure with a 128-bit salt (RFC 9901 §9.3 asks ≥ 128)
 * - `_sd` is sorted so its order reveals nothing about the claims (§4.2.4.1), optional decoy
 *   digests over fresh random values (§4.2.5) hide how many claims there are.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Brand, Did } from '../brand.ts';
// The DID's text and the JWK's members only: no module that loads a curve library (issue 12).
import { DID_JWK_PREFIX, didKeyVerificationMethod } from '../did/verification-method.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { publicJwkOf } from '../jose/public-jwk-of.ts';
import { createDisclosure, SD_ALG } from './disclosure.ts';
import type { Disclosure, DisclosureEncoding } from './disclosure.ts';

export type SdJwtCompact = Brand<string, 'SdJwtCompact'>;

export const SD_JWT_VC_TYP = 'dc+sd-jwt';
/** The media type of SD-JWT VC drafts up to -05; verifiers still accept it. */
export const LEGACY_SD_JWT_VC_TYP = 'vc+sd-jwt';
/** 128-bit salts (RFC 9901 §9.3). */
const SALT_BYTES = 16;
export const MAX_DECOYS = 100;

/** Claims the issuer sets itself; a credential type may not use them as personal claims. */
export const REGISTERED_CLAIMS: readonly string[] = [
  'iss',
  'iat',
  'exp',
  'nbf',
  'vct',
  'vct#integrity',
  'cnf',
  'status',
  '_sd',
  '_sd_alg',
  '...',
];

export interface IssueSdJwtVcOptions {
  issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  vct: string;
  claims: Record<string, unknown>;
  holderJwk: PublicJwk;
  status?: { idx: number; uri: string };
  issuedAt: Date;
  expiresAt?: Date;
  /** Decoy digests added to `_sd` (default 0). */
  decoys?: number;
  randomBytes: (n: number) => Uint8Array;
  /** A platform's faster base64url and SHA-256 for the disclosures (same bytes); default the core's. */
  encoding?: DisclosureEncoding;
}

/** The JWS `kid` for an issuer DID: did:key → did#multibase, did:jwk → did#0. */
export function issuerKid(did: Did): string {
  return did.startsWith(DID_JWK_PREFIX) ? `${did}#0` : didKeyVerificationMethod(did);
}

function seconds(date: Date, field: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new TypeError(`issueSdJwtVc: "${field}" is an invalid Date`);
  return Math.floor(time / 1000);
}

export async function issueSdJwtVc(opts: IssueSdJwtVcOptions): Promise<SdJwtCompact> {
  return (await issueSdJwtVcParts(opts)).compact;
}

/**
 * An issued SD-JWT VC and the values it was built from, for a caller that encodes it next (the
 * payroll batch packs the offer from these instead of decoding and parsing what was just built).
 */
export interface IssuedSdJwtVcParts {
  /** What issueSdJwtVc returns: the SD-JWT VC in issuance form. */
  readonly compact: SdJwtCompact;
  /** The issuer JWT's protected header and payload: its first two parts are their JSON.stringify. */
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The disclosures, in the order of the compact form. */
  readonly disclosures: readonly Disclosure[];
}

/** issueSdJwtVc, returning the header, payload and disclosures too. */
export async function issueSdJwtVcParts(opts: IssueSdJwtVcOptions): Promise<IssuedSdJwtVcParts> {
  const {
    issuer,
    vct,
    claims,
    holderJwk,
    status,
    issuedAt,
    expiresAt,
    decoys = 0,
    randomBytes,
    encoding,
  } = opts;
  if (typeof vct !== 'string' || vct === '')
    throw new TypeError('issueSdJwtVc: "vct" must be a non-empty string');
  if (!Number.isSafeInteger(decoys) || decoys < 0 || decoys > MAX_DECOYS) {
    throw new RangeError(
      `issueSdJwtVc: "decoys" expected an integer 0..${MAX_DECOYS}, got ${decoys}`,
    );
  }
  if (status !== undefined && (!Number.isSafeInteger(status.idx) || status.idx < 0)) {
    throw new RangeError(
      `issueSdJwtVc: "status.idx" expected a non-negative integer, got ${status.idx}`,
    );
  }
  const base64Url = encoding?.base64Url ?? encodeBase64Url;
  const disclosures = Object.entries(claims).map(([name, value]) => {
    if (REGISTERED_CLAIMS.includes(name)) {
      throw new TypeError(
        `issueSdJwtVc: "${name}" is set by the issuer and cannot be a personal claim`,
      );
    }
    return createDisclosure({
      salt: base64Url(randomBytes(SALT_BYTES)),
      name,
      value,
      encoding,
    });
  });
  const digests = disclosures.map((disclosure) => disclosure.digest as string);
  for (let i = 0; i < decoys; i++) digests.push(encodeBase64Url(sha256(randomBytes(SALT_BYTES))));
  digests.sort();

  const iat = seconds(issuedAt, 'issuedAt');
  const payload: Record<string, unknown> = {
    iss: issuer.did,
    iat,
    ...(expiresAt === undefined ? {} : { exp: seconds(expiresAt, 'expiresAt') }),
    vct,
    cnf: { jwk: publicJwkOf(holderJwk) },
    ...(status === undefined
      ? {}
      : { status: { status_list: { idx: status.idx, uri: status.uri } } }),
    _sd: digests,
    _sd_alg: SD_ALG,
  };
  const header = { alg: issuer.alg, typ: SD_JWT_VC_TYP, kid: issuerKid(issuer.did) };
  const jwt = await signCompactJws({ header, payload, sign: issuer.sign, base64Url });
  const compact =
    `${jwt}~${disclosures.map((disclosure) => `${disclosure.encoded}~`).join('')}` as SdJwtCompact;
  return { compact, header, payload, disclosures };
}
