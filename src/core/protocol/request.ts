/**
 * The presentation request (verifier → wallet; docs/protocol.md §Request): an OpenID4VP 1.0
 * authorization request passed by value as a signed request object (RFC 9101 JAR; OpenID4VP
 * §5), a compact JWS:
 *
 *   header  {"alg":"ES256","typ":"oauth-authz-req+jwt","kid":"did:key:zDn…#zDn…"}
 *   payload {"client_id":"decentralized_identifier:did:key:zDn…","response_type":"vp_token",
 *            "response_mode":"direct_post"|"fragment","response_uri"?:"https://…",
 *            "nonce":"<≥ 128 bits, base64url>","state"?:"…","dcql_query":{…},"iat":…,"exp":…,
 *            "vouch":{"verifier_name":"…","purpose":"…" | {"nl":"…","fr"?:"…","en"?:"…"},
 *                     "rule"?:"<RuleId>","declare"?:["household","ageBand",…]}}
 *
 * `vouch.rule` names the eligibility rule the verifier will run on the answer (src/core/rules), and
 * `vouch.declare` the facts it asks the citizen to declare (answered in the response's
 * `vouch.declared`, and shown there as declared, never as verified).
 *
 * The client identifier prefix `decentralized_identifier:` (OpenID4VP §5.9.3) says the verifier
 * is a DID; its key (did:key or did:jwk, resolved offline) must have signed the request.
 */
import type { Did } from '../brand.ts';
import type { RuleId } from '../rules/index.ts';
import { didKeyVerificationMethod, resolveDidKey } from '../did/did-key.ts';
import { DID_JWK_PREFIX } from '../did/did-jwk.ts';
import {
  decodeCompactJws,
  shortValue as show,
  signCompactJws,
  verifyDecodedJws,
} from '../jose/compact-jws.ts';
import { algorithmForJwk, isAllowedAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { checkDcqlShape } from './dcql.ts';
import type { DcqlQuery } from './dcql.ts';

export const REQUEST_TYP = 'oauth-authz-req+jwt';
export const CLIENT_ID_PREFIX = 'decentralized_identifier:';
export const DEFAULT_REQUEST_LIFETIME_SECONDS = 600;
/** How far `iat` may be ahead of, and `exp` behind, the wallet's clock. */
export const REQUEST_CLOCK_SKEW_SECONDS = 60;
/** 128 bits of base64url is 22 characters. */
export const MIN_NONCE_LENGTH = 22;
export const MAX_NONCE_LENGTH = 128;
export const MAX_PURPOSE_LENGTH = 500;
export const MAX_VERIFIER_NAME_LENGTH = 200;
export const MAX_STATE_LENGTH = 256;
export const MAX_RESPONSE_URI_LENGTH = 2048;
/** Longest request object read (a real one is ~1 KB). */
export const MAX_REQUEST_LENGTH = 16 * 1024;
/** Longest lifetime a request may declare (exp − iat). */
export const MAX_REQUEST_LIFETIME_SECONDS = 7 * 24 * 3600;
/** The rules a request may name in `vouch.rule`: every RuleId of src/core/rules. */
export const REQUEST_RULE_IDS = [
  'nl.participatiewet.aanvulling',
  'nl.asbest.tas-tns',
  'be.afa',
] as const satisfies readonly RuleId[];
// Compile-time check: a RuleId added to src/core/rules must be added above too.
const everyRuleListed: Exclude<RuleId, (typeof REQUEST_RULE_IDS)[number]> extends never
  ? true
  : false = true;
void everyRuleListed;
/** At most this many fact names in `vouch.declare`. */
export const MAX_DECLARE_FACTS = 20;
/** A declared fact's name: a letter, then up to 40 letters or digits (`household`, `ageBand`). */
export const FACT_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,40}$/;

export type ResponseMode = 'direct_post' | 'fragment';
const RESPONSE_MODES: readonly ResponseMode[] = ['direct_post', 'fragment'];
const PURPOSE_LOCALES = ['nl', 'fr', 'en'] as const;
export type PurposeLocale = (typeof PURPOSE_LOCALES)[number];

export type RequestProblem =
  'malformed' | 'bad-signature' | 'unsupported-alg' | 'expired' | 'not-yet-valid';

export interface PresentationRequest {
  /**
   * `client_id` as sent, `decentralized_identifier:<did>`: the `aud` a key binding JWT carries
   * (OpenID4VP 1.0, the SD-JWT VC appendix).
   */
  clientId: string;
  verifierDid: Did;
  verifierName: string;
  /** The purpose to show: the request's text, or of a localised purpose en, else nl, else fr. */
  purpose: string;
  /** Present when the request gave the purpose per language. */
  purposes?: Partial<Record<PurposeLocale, string>>;
  nonce: string;
  responseMode: ResponseMode;
  responseUri?: string;
  state?: string;
  dcql: DcqlQuery;
  /** The eligibility rule the verifier runs on the answer (`vouch.rule`). */
  rule?: RuleId;
  /** The facts the verifier asks the citizen to declare (`vouch.declare`), 1…20 distinct names. */
  declare?: string[];
  iat: number;
  exp: number;
  /** The request object exactly as received. */
  raw: string;
}

export interface CreatePresentationRequestOptions {
  verifier: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  verifierName: string;
  purpose: string | Partial<Record<PurposeLocale, string>>;
  dcql: DcqlQuery;
  responseMode: ResponseMode;
  responseUri?: string;
  /** A fresh, single-use value of at least 128 bits, base64url (e.g. 16 random bytes). */
  nonce: string;
  state?: string;
  /** The eligibility rule the verifier will run on the verified claims and declared facts. */
  rule?: RuleId;
  /** Facts the citizen is asked to declare (1…20 distinct names matching FACT_NAME). */
  declare?: readonly string[];
  now: Date;
  lifetimeSeconds?: number;
}

export async function createPresentationRequest(
  opts: CreatePresentationRequestOptions,
): Promise<string> {
  const { verifier, verifierName, purpose, dcql, responseMode, responseUri, nonce, state } = opts;
  const { rule, declare } = opts;
  const problem =
    checkVerifierName(verifierName) ??
    checkPurpose(purpose) ??
    (rule === undefined ? undefined : checkRule(rule)) ??
    (declare === undefined ? undefined : checkDeclare(declare)) ??
    checkNonce(nonce) ??
    checkResponseMode(responseMode) ??
    (responseUri === undefined ? undefined : checkResponseUri(responseUri)) ??
    (state === undefined ? undefined : checkState(state));
  if (problem) throw new TypeError(`createPresentationRequest: ${problem}`);
  const shape = checkDcqlShape(dcql);
  if (!shape.ok) throw new TypeError(`createPresentationRequest: ${shape.detail.message}`);
  if (!isAllowedAlgorithm(verifier.alg)) {
    throw new TypeError(`createPresentationRequest: "alg" ${show(verifier.alg)} is not allowed`);
  }
  const iat = Math.floor(opts.now.getTime() / 1000);
  if (!Number.isFinite(iat)) throw new TypeError('createPresentationRequest: "now" is invalid');
  const lifetime = opts.lifetimeSeconds ?? DEFAULT_REQUEST_LIFETIME_SECONDS;
  if (!Number.isSafeInteger(lifetime) || lifetime <= 0 || lifetime > MAX_REQUEST_LIFETIME_SECONDS) {
    throw new RangeError(
      `createPresentationRequest: "lifetimeSeconds" ${lifetime} is out of range`,
    );
  }
  const payload: Record<string, unknown> = {
    client_id: `${CLIENT_ID_PREFIX}${verifier.did}`,
    response_type: 'vp_token',
    response_mode: responseMode,
    ...(responseUri === undefined ? {} : { response_uri: responseUri }),
    nonce,
    ...(state === undefined ? {} : { state }),
    dcql_query: dcql,
    iat,
    exp: iat + lifetime,
    vouch: {
      verifier_name: verifierName,
      purpose,
      ...(rule === undefined ? {} : { rule }),
      ...(declare === undefined ? {} : { declare: [...declare] }),
    },
  };
  return signCompactJws({
    header: { alg: verifier.alg, typ: REQUEST_TYP, kid: verifierKid(verifier.did) },
    payload,
    sign: verifier.sign,
  });
}

type Failure = { ok: false; reason: RequestProblem; detail: { message: string } };
const fail = (reason: RequestProblem, message: string): Failure =>
  failedWith(reason, { message }) as Failure;

const PAYLOAD_MEMBERS = [
  'client_id',
  'response_type',
  'response_mode',
  'response_uri',
  'nonce',
  'state',
  'dcql_query',
  'iat',
  'exp',
  'vouch',
  // Standard members a request may carry that Vouch reads no meaning from.
  'aud',
  'iss',
  'nbf',
  'jti',
  'client_metadata',
  'verifier_info',
];

/**
 * Checks a request object: shape and caps, the algorithm (ES256, EdDSA, ES256K only), the
 * signature by the key of the DID in `client_id`, then `iat`/`exp` with 60 s of clock skew.
 * Total: any input gives a Result, nothing throws.
 */
export async function verifyPresentationRequest(
  jws: string,
  opts: { crypto: JwsCrypto; now: Date },
): Promise<Result<PresentationRequest, RequestProblem, { message: string }>> {
  if (typeof jws !== 'string') return fail('malformed', `expected text, got ${typeof jws}`);
  const raw = jws.trim();
  if (raw.length > MAX_REQUEST_LENGTH) {
    return fail(
      'malformed',
      `the request is ${raw.length} characters; at most ${MAX_REQUEST_LENGTH}`,
    );
  }
  const decoded = decodeCompactJws(raw);
  if (!decoded.ok) {
    return fail(
      decoded.reason === 'alg-not-allowed' ? 'unsupported-alg' : 'malformed',
      decoded.detail.message,
    );
  }
  const { header, payload } = decoded.value;
  if (header.typ !== REQUEST_TYP) {
    return fail('malformed', `header "typ" expected "${REQUEST_TYP}", got ${show(header.typ)}`);
  }
  const unknown = Object.keys(payload).find((key) => !PAYLOAD_MEMBERS.includes(key));
  if (unknown !== undefined) return fail('malformed', `unknown member "${unknown}" in the request`);

  const clientId = payload.client_id;
  if (typeof clientId !== 'string' || !clientId.startsWith(CLIENT_ID_PREFIX)) {
    return fail(
      'malformed',
      `"client_id" expected "${CLIENT_ID_PREFIX}did:…", got ${show(clientId)}`,
    );
  }
  const did = clientId.slice(CLIENT_ID_PREFIX.length);
  if (did.includes('#')) return fail('malformed', `"client_id" ${show(clientId)} is not a DID`);
  const key = resolveDidKey(did);
  if (!key.ok) return fail('malformed', `"client_id": ${key.detail.message}`);
  if (header.kid !== undefined && header.kid !== verifierKid(did as Did) && header.kid !== did) {
    return fail('malformed', `header "kid" ${show(header.kid)} is not the key of ${show(did)}`);
  }
  let keyAlg: JwsAlgorithm;
  try {
    keyAlg = algorithmForJwk(key.value);
  } catch {
    return fail('malformed', `"client_id": the key type of ${show(did)} is not supported`);
  }
  if (keyAlg !== decoded.value.alg) {
    return fail(
      'bad-signature',
      `header "alg" is ${decoded.value.alg}, but the key of ${show(did)} signs with ${keyAlg}`,
    );
  }

  const content = readContent(payload);
  if (!content.ok) return content;

  const verified = await verifyDecodedJws(decoded.value, { crypto: opts.crypto, key: key.value });
  if (!verified.ok) {
    return fail(
      verified.reason === 'bad-signature' ? 'bad-signature' : 'malformed',
      verified.reason === 'bad-signature'
        ? `the request is not signed by ${show(did)}: ${verified.detail.message}`
        : verified.detail.message,
    );
  }

  const now = Math.floor(opts.now.getTime() / 1000);
  const { iat, exp } = content.value;
  if (iat > now + REQUEST_CLOCK_SKEW_SECONDS) {
    return fail(
      'not-yet-valid',
      `"iat" is ${iat - now} s ahead of this clock (at most ${REQUEST_CLOCK_SKEW_SECONDS} s allowed)`,
    );
  }
  if (exp + REQUEST_CLOCK_SKEW_SECONDS < now) {
    return fail('expired', `the request expired ${now - exp} s ago`);
  }
  return ok({ clientId, verifierDid: did as Did, ...content.value, raw });
}

function readContent(
  payload: Readonly<Record<string, unknown>>,
): Result<
  Omit<PresentationRequest, 'clientId' | 'verifierDid' | 'raw'>,
  RequestProblem,
  { message: string }
> {
  const {
    response_type: responseType,
    response_mode: responseMode,
    response_uri: responseUri,
    nonce,
    state,
    dcql_query: dcqlQuery,
    iat,
    exp,
    vouch,
  } = payload;
  if (responseType !== 'vp_token') {
    return fail('malformed', `"response_type" expected "vp_token", got ${show(responseType)}`);
  }
  const problem =
    checkResponseMode(responseMode) ??
    (responseUri === undefined ? undefined : checkResponseUri(responseUri)) ??
    checkNonce(nonce) ??
    (state === undefined ? undefined : checkState(state)) ??
    checkSeconds(iat, 'iat') ??
    checkSeconds(exp, 'exp');
  if (problem) return fail('malformed', problem);
  if ((exp as number) <= (iat as number)) {
    return fail('malformed', `"exp" ${show(exp)} is not after "iat" ${show(iat)}`);
  }
  if ((exp as number) - (iat as number) > MAX_REQUEST_LIFETIME_SECONDS) {
    return fail('malformed', `"exp" is more than ${MAX_REQUEST_LIFETIME_SECONDS} s after "iat"`);
  }
  const dcql = checkDcqlShape(dcqlQuery);
  if (!dcql.ok) return fail('malformed', dcql.detail.message);
  if (typeof vouch !== 'object' || vouch === null || Array.isArray(vouch)) {
    return fail(
      'malformed',
      `"vouch" expected an object with "verifier_name" and "purpose", got ${show(vouch)}`,
    );
  }
  const { verifier_name: verifierName, purpose, rule, declare } = vouch as Record<string, unknown>;
  const vouchProblem =
    checkVerifierName(verifierName) ??
    checkPurpose(purpose) ??
    (rule === undefined ? undefined : checkRule(rule)) ??
    (declare === undefined ? undefined : checkDeclare(declare));
  if (vouchProblem) return fail('malformed', `"vouch": ${vouchProblem}`);
  const purposes =
    typeof purpose === 'string' ? undefined : (purpose as Partial<Record<PurposeLocale, string>>);
  return ok({
    verifierName: verifierName as string,
    purpose:
      typeof purpose === 'string'
        ? purpose
        : ((purposes?.en ?? purposes?.nl ?? purposes?.fr) as string),
    ...(purposes === undefined ? {} : { purposes: { ...purposes } }),
    nonce: nonce as string,
    responseMode: responseMode as ResponseMode,
    ...(responseUri === undefined ? {} : { responseUri: responseUri as string }),
    ...(state === undefined ? {} : { state: state as string }),
    dcql: dcql.value,
    ...(rule === undefined ? {} : { rule: rule as RuleId }),
    ...(declare === undefined ? {} : { declare: [...(declare as string[])] }),
    iat: iat as number,
    exp: exp as number,
  });
}

/** The `kid` of a verifier DID: did:key → did#multibase, did:jwk → did#0. */
function verifierKid(did: Did): string {
  return did.startsWith(DID_JWK_PREFIX) ? `${did}#0` : didKeyVerificationMethod(did);
}

function checkText(value: unknown, field: string, max: number): string | undefined {
  if (typeof value !== 'string') return `"${field}" expected text, got ${show(value)}`;
  if (value.trim().length === 0) return `"${field}" must not be empty`;
  if (value.length > max) return `"${field}" is ${value.length} characters; at most ${max}`;
  return undefined;
}

function checkVerifierName(value: unknown): string | undefined {
  return checkText(value, 'verifier_name', MAX_VERIFIER_NAME_LENGTH);
}

function checkPurpose(value: unknown): string | undefined {
  if (typeof value === 'string') return checkText(value, 'purpose', MAX_PURPOSE_LENGTH);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `"purpose" expected text or {"nl","fr","en"} texts, got ${show(value)}`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '"purpose" has no language';
  for (const [locale, text] of entries) {
    if (!(PURPOSE_LOCALES as readonly string[]).includes(locale)) {
      return `"purpose" language ${show(locale)} is not one of nl, fr, en`;
    }
    const problem = checkText(text, `purpose.${locale}`, MAX_PURPOSE_LENGTH);
    if (problem) return problem;
  }
  return undefined;
}

function checkRule(value: unknown): string | undefined {
  return (REQUEST_RULE_IDS as readonly unknown[]).includes(value)
    ? undefined
    : `"rule" expected one of ${REQUEST_RULE_IDS.join(', ')}, got ${show(value)}`;
}

function checkDeclare(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_DECLARE_FACTS) {
    return `"declare" expected a list of 1…${MAX_DECLARE_FACTS} fact names, got ${show(value)}`;
  }
  const seen = new Set<string>();
  for (const [index, name] of value.entries()) {
    if (typeof name !== 'string' || !FACT_NAME.test(name)) {
      return `"declare[${index}]" expected a fact name (a letter, then up to 40 letters or digits), got ${show(name)}`;
    }
    if (seen.has(name)) return `"declare[${index}]" ${show(name)} is named twice`;
    seen.add(name);
  }
  return undefined;
}

function checkNonce(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value)) {
    return `"nonce" expected base64url text, got ${show(value)}`;
  }
  if (value.length < MIN_NONCE_LENGTH) {
    return `"nonce" is ${value.length} characters; at least ${MIN_NONCE_LENGTH} (128 bits) are required`;
  }
  if (value.length > MAX_NONCE_LENGTH) {
    return `"nonce" is ${value.length} characters; at most ${MAX_NONCE_LENGTH}`;
  }
  return undefined;
}

function checkResponseMode(value: unknown): string | undefined {
  return RESPONSE_MODES.includes(value as ResponseMode)
    ? undefined
    : `"response_mode" expected "direct_post" or "fragment", got ${show(value)}`;
}

function checkResponseUri(value: unknown): string | undefined {
  if (
    typeof value !== 'string' ||
    value.length > MAX_RESPONSE_URI_LENGTH ||
    !/^https?:\/\/[^\s/?#]+[^\s]*$/.test(value)
  ) {
    return `"response_uri" expected an http(s) URL of at most ${MAX_RESPONSE_URI_LENGTH} characters, got ${show(value)}`;
  }
  return undefined;
}

function checkState(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STATE_LENGTH) {
    return `"state" expected 1…${MAX_STATE_LENGTH} characters, got ${show(value)}`;
  }
  return undefined;
}

function checkSeconds(value: unknown, field: string): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? undefined
    : `"${field}" expected whole seconds since 1970, got ${show(value)}`;
}
