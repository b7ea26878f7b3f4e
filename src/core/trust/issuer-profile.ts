/**
 * An issuer profile: what an issuer desk publishes about itself (by QR and as a
 * `<name>.vouch-issuer.jwt` file) so that a verifier desk can import it instead of copying a DID by
 * hand (docs/ux.md §Issuer profile). A self-signed compact JWS:
 *
 *   header  { alg, typ: "vouch-issuer-profile+jwt", kid: <iss DID URL> }
 *   payload { iss: <did>, sub: <the same did>, name, types: [vct | W3C type, …],
 *             status_lists?: [https URI, …], iat }
 *
 * Self-signed proves control of the key, not who the issuer is: a verifier desk shows the key's
 * fingerprint words (fingerprint-words.ts) and asks the clerk to compare them with the issuer's
 * before trusting it. The key comes from `iss` (did:key or did:jwk), so a profile reads offline.
 */
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
import { publicJwkThumbprint } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { isNumericDate } from '../jose/numeric-date.ts';
import { isStatusListUri } from '../status-list/status-list-uri.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  checkName,
  isCredentialTypeName,
  MAX_IDENTIFIER_LENGTH,
  MAX_VCT_PER_ENTRY,
} from './trust-list.ts';

export const ISSUER_PROFILE_TYP = 'vouch-issuer-profile+jwt';
/** A profile (file or QR text) longer than this is refused unread: 16 KiB. */
export const MAX_ISSUER_PROFILE_LENGTH = 16 * 1024;
/** At most this many status list URIs. */
export const MAX_PROFILE_STATUS_LISTS = 20;
/** The file name ending a desk's download uses (`<name>.vouch-issuer.jwt`). */
export const ISSUER_PROFILE_FILE_SUFFIX = '.vouch-issuer.jwt';

export interface IssuerProfile {
  /** The issuer's DID (`iss` = `sub`). */
  did: Did;
  /** The name the issuer gives itself (unverified: self-signed). */
  name: string;
  /** The credential types it issues: SD-JWT VC `vct`s and W3C `type` terms. */
  types: string[];
  /** The status list URIs it publishes (may be empty). */
  statusLists: string[];
  /** When it was signed (seconds). */
  iat: number;
  /** RFC 7638 SHA-256 thumbprint of the signing key (what fingerprint words show). */
  signerThumbprint: string;
}

export type IssuerProfileProblem = 'malformed' | 'bad-signature';
type Read<T> = Result<T, IssuerProfileProblem, { message: string }>;

export interface SignIssuerProfileOptions {
  /** The desk's issuer key: a did:key or did:jwk and its signer. */
  issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  name: string;
  types: readonly string[];
  statusLists?: readonly string[];
  issuedAt: Date;
}

const malformed = (message: string) => failedWith('malformed', { message });

function checkTypes(value: unknown): Read<string[]> {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_VCT_PER_ENTRY) {
    return malformed(
      `"types" must be a list of 1–${MAX_VCT_PER_ENTRY} credential types, got ${shortValue(value)}`,
    );
  }
  const types: string[] = [];
  for (const [index, type] of value.entries()) {
    if (!isCredentialTypeName(type)) {
      return malformed(`"types[${index}]" must be a credential type, got ${shortValue(type)}`);
    }
    if (!types.includes(type)) types.push(type);
  }
  return ok(types);
}

function checkStatusLists(value: unknown): Read<string[]> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value) || value.length > MAX_PROFILE_STATUS_LISTS) {
    return malformed(
      `"status_lists" must be a list of at most ${MAX_PROFILE_STATUS_LISTS} URIs, got ${shortValue(value)}`,
    );
  }
  const uris: string[] = [];
  for (const [index, uri] of value.entries()) {
    if (typeof uri !== 'string' || !isStatusListUri(uri)) {
      return malformed(`"status_lists[${index}]" must be an https URI, got ${shortValue(uri)}`);
    }
    if (!uris.includes(uri)) uris.push(uri);
  }
  return ok(uris);
}

/** Signs a desk's profile. Throws (a bug in the caller) for a profile a reader would refuse. */
export async function signIssuerProfile(opts: SignIssuerProfileOptions): Promise<string> {
  const { issuer, name, types, statusLists, issuedAt } = opts;
  const fail = (message: string): never => {
    throw new TypeError(`signIssuerProfile: ${message}`);
  };
  const checkedName = checkName(name, '"name"');
  if (!checkedName.ok) return fail(checkedName.detail.message);
  const checkedTypes = checkTypes(types);
  if (!checkedTypes.ok) return fail(checkedTypes.detail.message);
  const checkedLists = checkStatusLists(statusLists ?? []);
  if (!checkedLists.ok) return fail(checkedLists.detail.message);
  const time = issuedAt instanceof Date ? issuedAt.getTime() : Number.NaN;
  if (!Number.isFinite(time)) return fail('"issuedAt" is an invalid Date');
  const key = resolveDidKey(issuer.did);
  if (!key.ok) return fail(`"issuer.did" ${shortValue(issuer.did)}: ${key.detail.message}`);
  return signCompactJws({
    header: { alg: issuer.alg, typ: ISSUER_PROFILE_TYP, kid: issuerKid(issuer.did) },
    payload: {
      iss: issuer.did,
      sub: issuer.did,
      name: checkedName.value,
      types: checkedTypes.value,
      ...(checkedLists.value.length > 0 ? { status_lists: checkedLists.value } : {}),
      iat: Math.floor(time / 1000),
    },
    sign: issuer.sign,
  });
}

/** Verification needs no randomness; this crypto refuses to make keys. */
const verifyingCrypto: JwsCrypto = nobleJwsCrypto({
  randomBytes: () => {
    throw new Error('readIssuerProfile: verification never generates keys');
  },
});

/**
 * Reads a profile from untrusted input (a scanned QR's text or a file's text): size, allowed
 * algorithms (before any key is looked up), `typ`, `iss` = `sub` = the DID of `kid`, the signature
 * by that DID's key, and every field with caps. Never throws.
 */
export async function readIssuerProfile(
  text: string,
  opts: { crypto?: JwsCrypto } = {},
): Promise<Read<IssuerProfile>> {
  if (typeof text !== 'string') return malformed(`expected an issuer profile, got ${typeof text}`);
  const jws = text.trim();
  if (jws.length > MAX_ISSUER_PROFILE_LENGTH) {
    return malformed(
      `the issuer profile is ${jws.length} characters, more than the limit of ${MAX_ISSUER_PROFILE_LENGTH}`,
    );
  }
  const decoded = decodeCompactJws(jws);
  if (!decoded.ok) return malformed(`not a signed issuer profile: ${decoded.detail.message}`);
  const { header, payload } = decoded.value;
  if (header.typ !== ISSUER_PROFILE_TYP) {
    return malformed(
      `header "typ" expected "${ISSUER_PROFILE_TYP}", got ${shortValue(header.typ)}`,
    );
  }
  const { iss, sub, kid } = { iss: payload.iss, sub: payload.sub, kid: header.kid };
  if (
    typeof iss !== 'string' ||
    !/^did:[a-z0-9]+:./.test(iss) ||
    iss.length > MAX_IDENTIFIER_LENGTH
  ) {
    return malformed(`"iss" (the issuer) must be a DID, got ${shortValue(iss)}`);
  }
  if (sub !== iss) {
    return malformed(`"sub" ${shortValue(sub)} must be the issuer "iss" ${shortValue(iss)}`);
  }
  if (typeof kid !== 'string' || kid.split('#')[0] !== iss) {
    return malformed(
      `header "kid" ${shortValue(kid)} must name the key of "iss" ${shortValue(iss)}`,
    );
  }
  const key = resolveDidKey(kid);
  if (!key.ok) return malformed(`no key for the issuer ${shortValue(iss)}: ${key.detail.message}`);
  const crypto = opts.crypto ?? verifyingCrypto;
  const signed = await verifyDecodedJws(decoded.value, { crypto, key: key.value });
  if (!signed.ok) {
    return failedWith('bad-signature', {
      message: `the issuer profile is not signed by ${shortValue(iss)}: ${signed.detail.message}`,
    });
  }
  const name = checkName(payload.name, '"name"');
  if (!name.ok) return name;
  const types = checkTypes(payload.types);
  if (!types.ok) return types;
  const statusLists = checkStatusLists(payload.status_lists);
  if (!statusLists.ok) return statusLists;
  if (!isNumericDate(payload.iat)) {
    return malformed(`"iat" must be a NumericDate (seconds), got ${shortValue(payload.iat)}`);
  }
  return ok({
    did: iss as Did,
    name: name.value,
    types: types.value,
    statusLists: statusLists.value,
    iat: payload.iat,
    signerThumbprint: publicJwkThumbprint(key.value),
  });
}

/** The download's file name: `<name>.vouch-issuer.jwt`, the name reduced to safe characters. */
export function issuerProfileFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base === '' ? 'issuer' : base}${ISSUER_PROFILE_FILE_SUFFIX}`;
}
