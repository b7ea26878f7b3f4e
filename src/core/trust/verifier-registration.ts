/**
 * Who asks: a verifier's standing, from a registration certificate in the request's `verifier_info`
 * (OpenID4VP 1.0 §5.1) or from a verifier trust list (docs/ux.md §Consent and who asks).
 *
 * A registration certificate is a compact JWS signed by a registration authority:
 *
 *   header  { alg: ES256|ES256K|EdDSA, typ: "rc-rp+jwt", kid: <authority DID URL> }
 *   payload { iss: <authority DID>, sub: "decentralized_identifier:<verifier DID>",
 *             name: "…" | { nl, fr?, en? }, iat, exp }
 *
 * It counts only when the request itself is signed by the DID in `sub` (its `client_id`), the
 * certificate's signature verifies by `iss`'s key (did:key / did:jwk, offline), `iss` is an
 * authority the wallet trusts, and `iat - 60 s ≤ now < exp`. Anything else is ignored: the standing
 * is then "not verified" (a wallet ignores what it cannot use). At most MAX_VERIFIER_INFO_ENTRIES
 * entries of MAX_VERIFIER_INFO_DATA_LENGTH characters each are read.
 *
 * A verifier trust list is the trust list of trust-list.ts, entries with `vct: ["urn:vouch:verifier"]`;
 * it counts when signed by a trusted authority and not expired (verify-trust-list.ts).
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
import { isNumericDate } from '../jose/numeric-date.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { MAX_VERIFIER_INFO_DATA_LENGTH, MAX_VERIFIER_INFO_ENTRIES } from '../protocol/request.ts';
import type { VerifierInfoEntry } from '../protocol/request.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { MAX_NAME_LENGTH } from './trust-list.ts';
import { verifyTrustList } from './verify-trust-list.ts';

export const REGISTRATION_TYP = 'rc-rp+jwt';
/** The `vct` of a verifier trust list's entries. */
export const VERIFIER_VCT = 'urn:vouch:verifier';
/** `sub` names the verifier as its client_id does (OpenID4VP §5.9.3). */
export const REGISTRATION_SUBJECT_PREFIX = 'decentralized_identifier:';
/** Default lifetime of a certificate made by signRegistrationCertificate. */
export const DEFAULT_REGISTRATION_DAYS = 365;
const CLOCK_SKEW_SECONDS = 60;
const NAME_LOCALES = ['nl', 'fr', 'en'] as const;

export type RegistrationLocale = (typeof NAME_LOCALES)[number];
/** A verifier's registered name: one text, or one per language (nl required). */
export type RegisteredName =
  string | ({ nl: string } & Partial<Record<RegistrationLocale, string>>);

export interface RegistrationCertificate {
  /** The registration authority that signed it. */
  readonly authority: string;
  /** The verifier DID it registers (from `sub`, without the prefix). */
  readonly verifier: string;
  readonly name: RegisteredName;
  readonly iat: number;
  readonly exp: number;
  /** RFC 7638 thumbprint of the authority's key (for fingerprint words). */
  readonly signerThumbprint: string;
}

export type RegistrationProblem =
  'malformed' | 'unsupported-alg' | 'bad-signature' | 'expired' | 'not-yet-valid';

export interface SignRegistrationOptions {
  /** The registration authority: a did:key or did:jwk and its key. */
  authority: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  /** The verifier's DID (its requests' client_id without the prefix). */
  verifier: string;
  name: RegisteredName;
  issuedAt: Date;
  /** Default: issuedAt + DEFAULT_REGISTRATION_DAYS. */
  expiresAt?: Date;
}

function seconds(date: Date, field: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) {
    throw new TypeError(`signRegistrationCertificate: "${field}" is an invalid Date`);
  }
  return Math.floor(time / 1000);
}

/** Throws (a bug in the caller) for a certificate a wallet would refuse. */
export async function signRegistrationCertificate(opts: SignRegistrationOptions): Promise<string> {
  const { authority, verifier, name, issuedAt, expiresAt } = opts;
  const problem = checkVerifierDid(verifier) ?? checkRegisteredName(name);
  if (problem) throw new TypeError(`signRegistrationCertificate: ${problem}`);
  const iat = seconds(issuedAt, 'issuedAt');
  const exp =
    expiresAt === undefined
      ? iat + DEFAULT_REGISTRATION_DAYS * 86_400
      : seconds(expiresAt, 'expiresAt');
  if (exp <= iat) {
    throw new TypeError('signRegistrationCertificate: "expiresAt" must be after "issuedAt"');
  }
  return signCompactJws({
    header: { alg: authority.alg, typ: REGISTRATION_TYP, kid: issuerKid(authority.did) },
    payload: {
      iss: authority.did,
      sub: `${REGISTRATION_SUBJECT_PREFIX}${verifier}`,
      name: typeof name === 'string' ? name.trim() : { ...name },
      iat,
      exp,
    },
    sign: authority.sign,
  });
}

function checkVerifierDid(value: unknown): string | undefined {
  return typeof value === 'string' && /^did:[a-z0-9]+:[^\s#]+$/.test(value) && value.length <= 2048
    ? undefined
    : `"verifier" expected a DID, got ${shortValue(value)}`;
}

function checkText(value: unknown, where: string): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_NAME_LENGTH
    ? undefined
    : `${where} must be a name of 1–${MAX_NAME_LENGTH} characters, got ${shortValue(value)}`;
}

function checkRegisteredName(value: unknown): string | undefined {
  if (typeof value === 'string') return checkText(value, '"name"');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `"name" expected text or {"nl","fr"?,"en"?}, got ${shortValue(value)}`;
  }
  const record = value as Record<string, unknown>;
  if (record.nl === undefined) return '"name" per language needs "nl"';
  for (const [locale, text] of Object.entries(record)) {
    if (!(NAME_LOCALES as readonly string[]).includes(locale)) {
      return `"name" language ${shortValue(locale)} is not one of nl, fr, en`;
    }
    const problem = checkText(text, `"name.${locale}"`);
    if (problem) return problem;
  }
  return undefined;
}

/** The name in `language`, else en, else nl, else fr. */
export function registeredNameIn(name: RegisteredName, language: RegistrationLocale): string {
  if (typeof name === 'string') return name;
  return name[language] ?? name.en ?? name.nl;
}

/**
 * Reads and checks a registration certificate: size, allowed algorithm, `typ`, the authority's key
 * from `iss` (a `kid` must name the same DID), the signature, every field, and — when `now` is
 * given — its validity window. Whether the authority is trusted is the caller's question.
 */
export async function readRegistrationCertificate(
  jwt: string,
  opts: { crypto: JwsCrypto; now?: Date },
): Promise<Result<RegistrationCertificate, RegistrationProblem, { message: string }>> {
  const malformed = (message: string) => failedWith('malformed', { message });
  if (typeof jwt !== 'string')
    return malformed(`expected a certificate (JWT text), got ${typeof jwt}`);
  const text = jwt.trim();
  if (text.length > MAX_VERIFIER_INFO_DATA_LENGTH) {
    return malformed(
      `the certificate is ${text.length} characters, more than the limit of ${MAX_VERIFIER_INFO_DATA_LENGTH}`,
    );
  }
  const decoded = decodeCompactJws(text);
  if (!decoded.ok) {
    return decoded.reason === 'alg-not-allowed'
      ? failedWith('unsupported-alg', decoded.detail)
      : malformed(`not a registration certificate: ${decoded.detail.message}`);
  }
  const { header, payload } = decoded.value;
  if (header.typ !== REGISTRATION_TYP) {
    return malformed(`header "typ" expected "${REGISTRATION_TYP}", got ${shortValue(header.typ)}`);
  }
  const iss = payload.iss;
  if (typeof iss !== 'string' || !iss.startsWith('did:') || iss.includes('#')) {
    return malformed(`"iss" (the registration authority) must be a DID, got ${shortValue(iss)}`);
  }
  const kid = header.kid;
  if (kid !== undefined && (typeof kid !== 'string' || kid.split('#')[0] !== iss)) {
    return malformed(`header "kid" ${shortValue(kid)} belongs to another DID than "iss"`);
  }
  const key = resolveDidKey(typeof kid === 'string' ? kid : iss);
  if (!key.ok)
    return malformed(`no key for the authority ${shortValue(iss)}: ${key.detail.message}`);
  const signed = await verifyDecodedJws(decoded.value, { crypto: opts.crypto, key: key.value });
  if (!signed.ok) {
    return failedWith('bad-signature', {
      message: `the certificate is not signed by ${shortValue(iss)}: ${signed.detail.message}`,
    });
  }
  const { sub, name, iat, exp } = payload;
  if (typeof sub !== 'string' || !sub.startsWith(REGISTRATION_SUBJECT_PREFIX)) {
    return malformed(
      `"sub" expected "${REGISTRATION_SUBJECT_PREFIX}<verifier DID>", got ${shortValue(sub)}`,
    );
  }
  const verifier = sub.slice(REGISTRATION_SUBJECT_PREFIX.length);
  const problem =
    checkVerifierDid(verifier) ??
    checkRegisteredName(name) ??
    (isNumericDate(iat) ? undefined : `"iat" must be a NumericDate, got ${shortValue(iat)}`) ??
    (isNumericDate(exp) ? undefined : `"exp" must be a NumericDate, got ${shortValue(exp)}`);
  if (problem) return malformed(problem);
  if ((exp as number) <= (iat as number)) return malformed('"exp" is not after "iat"');
  if (opts.now !== undefined) {
    const now = opts.now.getTime() / 1000;
    if (now < (iat as number) - CLOCK_SKEW_SECONDS) {
      return failedWith('not-yet-valid', {
        message: `the certificate is valid from ${new Date((iat as number) * 1000).toISOString()}`,
      });
    }
    if (now >= (exp as number)) {
      return failedWith('expired', {
        message: `the certificate expired at ${new Date((exp as number) * 1000).toISOString()}`,
      });
    }
  }
  return ok({
    authority: iss,
    verifier,
    name: (typeof name === 'string' ? name : { ...(name as object) }) as RegisteredName,
    iat: iat as number,
    exp: exp as number,
    signerThumbprint: publicJwkThumbprint(key.value),
  });
}

/** What the wallet can say about who asks. */
export type VerifierStanding =
  | {
      readonly kind: 'registered';
      readonly verifier: string;
      readonly name: RegisteredName;
      /** The registration authority that signed the certificate. */
      readonly authority: string;
    }
  | {
      readonly kind: 'listed';
      readonly verifier: string;
      readonly name: string;
      /** The trust list's name and the authority that signed it. */
      readonly listName: string;
      readonly authority: string;
    }
  | {
      readonly kind: 'not-verified';
      /** The name the request gives itself (`vouch.verifier_name`), if any. */
      readonly callsItself?: string;
    };

/** What verifierStanding needs of a request (core/protocol's PresentationRequest fits). */
export interface StandingRequest {
  /** True when the request object is signed by the key of its `decentralized_identifier:` DID. */
  readonly verified: boolean;
  readonly verifier: { kind: 'did'; did: string } | { kind: 'redirect_uri'; uri: string };
  readonly verifierName?: string;
  readonly verifierInfo?: readonly VerifierInfoEntry[];
}

export interface StandingOptions {
  /** The registration authorities the wallet trusts (DIDs). */
  authorities: readonly string[];
  /** Verifier trust lists the wallet holds (compact JWS each); checked here, each time. */
  trustLists?: readonly string[];
  crypto: JwsCrypto;
  now: Date;
}

/**
 * The verifier's standing: 'registered' by the first certificate that passes every check,
 * else 'listed' by the first trust list (signed by a trusted authority, not expired) naming its
 * DID for VERIFIER_VCT, else 'not-verified'. An unsigned request is never verified.
 */
export async function verifierStanding(
  request: StandingRequest,
  opts: StandingOptions,
): Promise<VerifierStanding> {
  const notVerified: VerifierStanding = {
    kind: 'not-verified',
    ...(request.verifierName === undefined ? {} : { callsItself: request.verifierName }),
  };
  if (!request.verified || request.verifier.kind !== 'did') return notVerified;
  const did = request.verifier.did;
  const trusted = new Set(opts.authorities);
  for (const entry of (request.verifierInfo ?? []).slice(0, MAX_VERIFIER_INFO_ENTRIES)) {
    if (entry.format !== 'jwt' || typeof entry.data !== 'string') continue;
    if (entry.data.length > MAX_VERIFIER_INFO_DATA_LENGTH) continue;
    const read = await readRegistrationCertificate(entry.data, {
      crypto: opts.crypto,
      now: opts.now,
    });
    if (!read.ok || read.value.verifier !== did || !trusted.has(read.value.authority)) continue;
    return {
      kind: 'registered',
      verifier: did,
      name: read.value.name,
      authority: read.value.authority,
    };
  }
  for (const jwt of opts.trustLists ?? []) {
    const list = await verifyTrustList(jwt, { crypto: opts.crypto, now: opts.now });
    if (!list.ok || !trusted.has(list.value.issuer)) continue;
    const entry = list.value.entries.find(
      (candidate) => candidate.did === did && candidate.vct.includes(VERIFIER_VCT),
    );
    if (entry === undefined) continue;
    return {
      kind: 'listed',
      verifier: did,
      name: entry.name,
      listName: list.value.name,
      authority: list.value.issuer,
    };
  }
  return notVerified;
}
