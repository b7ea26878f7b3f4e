/**
 * The presentation request (verifier → wallet; docs/protocol.md §Presentation request): an
 * OpenID4VP 1.0 authorization request. Vouch verifiers send it as a signed request object (RFC 9101
 * JAR; OpenID4VP §5), a compact JWS, by value (QR, link) or by reference (`request_uri`, the server):
 *
 *   header  {"alg":"ES256","typ":"oauth-authz-req+jwt","kid":"did:key:zDn…#zDn…"}
 *   payload {"client_id":"decentralized_identifier:did:key:zDn…","response_type":"vp_token",
 *            "response_mode":"vouch_qr"|"fragment"|"direct_post"|"direct_post.jwt",
 *            "response_uri"?:"https://…","redirect_uri"?:"https://…",
 *            "nonce":"<≥ 128 bits, base64url>","state"?:"…","dcql_query":{…},
 *            "aud"?:"https://self-issued.me/v2","client_metadata"?:{…},"iat"?:…,"exp"?:…,
 *            "verifier_info"?:[{"format":"jwt","data":"<registration certificate>"}],
 *            "vouch"?:{"verifier_name"?:"…","purpose"?:"…" | {"nl":"…","fr"?:"…","en"?:"…"},
 *                      "rule"?:"<RuleId>","declare"?:["household","ageBand",…],
 *                      "period"?:"YYYY-MM","receipts"?:true}}
 *
 * The wallet reads any conformant OpenID4VP 1.0 request (§5: it ignores unknown parameters):
 * - client identifier prefix `decentralized_identifier:` (§5.9.3): the request object MUST be
 *   signed by the key of that DID (did:key or did:jwk, resolved offline); the verifier is verified;
 * - client identifier prefix `redirect_uri:`: the request is NOT signed (URL parameters by value,
 *   or a request object with `alg: none`); the verifier is shown as not verified;
 * - response modes `direct_post`, `direct_post.jwt` (both to `response_uri`), `fragment` (back to
 *   `redirect_uri`), and the Vouch extension `vouch_qr` (the answer goes back as a QR code);
 * - `transaction_data` is refused (§5.1: a wallet that does not support it MUST reject it);
 * - `verifier_info` (§5.1): the first MAX_VERIFIER_INFO_ENTRIES entries whose `format` and `data`
 *   are text (data at most MAX_VERIFIER_INFO_DATA_LENGTH characters) are kept, unchecked, for
 *   core/trust/verifier-registration.ts; anything else in it is ignored, never refused.
 *
 * `vouch.rule` names the eligibility rule the verifier will run on the answer (src/core/rules), and
 * `vouch.declare` the facts it asks the citizen to declare (answered in the response's
 * `vouch.declared`, and shown there as declared, never as verified). `vouch.period` names the month
 * the request is about (the wallet answers the declared facts of that month: a partner's income
 * differs from month to month); a period that is not a `YYYY-MM` month is ignored, never refused,
 * so that a verifier's slip leaves the wallet answering as it would without one.
 */
import type { Did } from '../brand.ts';
import type { RuleId } from '../rules/index.ts';
import { didKeyVerificationMethod, resolveDidKey } from '../did/did-key.ts';
import { DID_JWK_PREFIX } from '../did/did-jwk.ts';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import {
  decodeCompactJws,
  parseJsonObject,
  shortValue as show,
  signCompactJws,
  verifyDecodedJws,
} from '../jose/compact-jws.ts';
import { algorithmForJwk, isAllowedAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from '../jose/jws-crypto.ts';
import { parsePublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { checkDcqlShape } from './dcql.ts';
import { isSafeHttpUrl, parseUrl } from './openid4vp/url.ts';
import type { DcqlQuery } from './dcql.ts';

export const REQUEST_TYP = 'oauth-authz-req+jwt';
/** The client identifier prefix of a verifier that is a DID (OpenID4VP §5.9.3). */
export const CLIENT_ID_PREFIX = 'decentralized_identifier:';
export const DID_CLIENT_ID_PREFIX = CLIENT_ID_PREFIX;
/** The client identifier prefix of an unsigned request whose id is its redirect/response URI. */
export const REDIRECT_URI_CLIENT_ID_PREFIX = 'redirect_uri:';
/** `aud` of a request object under static discovery (OpenID4VP §5.8). */
export const REQUEST_OBJECT_AUDIENCE = 'https://self-issued.me/v2';
/** The Vouch response mode: the wallet shows the answer as a QR code (docs/protocol.md). */
export const VOUCH_QR_RESPONSE_MODE = 'vouch_qr';
export const DEFAULT_REQUEST_LIFETIME_SECONDS = 600;
/** How far `iat` may be ahead of, and `exp` behind, the wallet's clock. */
export const REQUEST_CLOCK_SKEW_SECONDS = 60;
/** What a Vouch verifier puts in a nonce: 128 bits of base64url is 22 characters. */
export const MIN_NONCE_LENGTH = 22;
export const MAX_NONCE_LENGTH = 128;
export const MAX_PURPOSE_LENGTH = 500;
export const MAX_VERIFIER_NAME_LENGTH = 200;
export const MAX_STATE_LENGTH = 256;
export const MAX_RESPONSE_URI_LENGTH = 2048;
/** Longest request object read (a real one is ~1–2 KB). */
export const MAX_REQUEST_LENGTH = 16 * 1024;
/** Longest lifetime a request may declare (exp − iat). */
export const MAX_REQUEST_LIFETIME_SECONDS = 7 * 24 * 3600;
/** At most this many `verifier_info` entries are read (OpenID4VP §5.1; docs/ux.md)… */
export const MAX_VERIFIER_INFO_ENTRIES = 4;
/** …each with `data` of at most this many characters (a registration certificate is ~700). */
export const MAX_VERIFIER_INFO_DATA_LENGTH = 8 * 1024;
/** At most this many keys in `client_metadata.jwks` are looked at. */
export const MAX_CLIENT_JWKS = 16;
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
/** `vouch.period`: the month a request is about, `YYYY-MM` (docs/protocol.md §The month asked about). */
export const REQUEST_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month in `vouch.period`, when it is one; anything else reads as no period (ignored). */
export function readRequestPeriod(value: unknown): string | undefined {
  return typeof value === 'string' && REQUEST_PERIOD.test(value) ? value : undefined;
}

export type ResponseMode = 'direct_post' | 'direct_post.jwt' | 'fragment' | 'vouch_qr';
const RESPONSE_MODES: readonly ResponseMode[] = [
  'direct_post',
  'direct_post.jwt',
  'fragment',
  'vouch_qr',
];
/** JWE content encryption a Vouch wallet can use for `direct_post.jwt`, in its order of preference. */
export const RESPONSE_ENC_VALUES = ['A128GCM', 'A256GCM'] as const;
export type ResponseEnc = (typeof RESPONSE_ENC_VALUES)[number];
const PURPOSE_LOCALES = ['nl', 'fr', 'en'] as const;
export type PurposeLocale = (typeof PURPOSE_LOCALES)[number];

export type RequestProblem =
  | 'malformed'
  | 'bad-signature'
  | 'unsupported-alg'
  | 'expired'
  | 'not-yet-valid'
  /** A conformant request Vouch cannot answer: another client id prefix, transaction_data, … */
  | 'unsupported';

/** Who asks: a DID (its key signed the request) or a redirect URI (nothing signed). */
export type RequestVerifier = { kind: 'did'; did: Did } | { kind: 'redirect_uri'; uri: string };

/**
 * One `verifier_info` entry (OpenID4VP 1.0 §5.1) whose `data` is text: Vouch reads
 * `format: "jwt"` registration certificates (core/trust/verifier-registration.ts).
 */
export interface VerifierInfoEntry {
  readonly format: string;
  readonly data: string;
}

/** The verifier's key and content encryption for a `direct_post.jwt` answer (OpenID4VP §8.3). */
export interface ResponseEncryption {
  /** A P-256 public key from `client_metadata.jwks` (`use` absent or `enc`). */
  readonly jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid?: string };
  readonly alg: 'ECDH-ES';
  readonly enc: ResponseEnc;
}

export interface PresentationRequest {
  /**
   * `client_id` exactly as sent (prefix included): the `aud` a key binding JWT carries
   * (OpenID4VP 1.0, the SD-JWT VC appendix).
   */
  clientId: string;
  verifier: RequestVerifier;
  /**
   * True when the request is authenticated to its client_id: signed by the key of the DID. A
   * `redirect_uri:` verifier is never verified. Says nothing about `verifierName`, which is the
   * verifier's own words.
   */
  verified: boolean;
  /** The DID of a `decentralized_identifier:` verifier (the same as `verifier.did`). */
  verifierDid?: Did;
  /** `vouch.verifier_name`, when the request carries one (the verifier's own words). */
  verifierName?: string;
  /** The purpose to show: the request's text, or of a localised purpose en, else nl, else fr. */
  purpose?: string;
  /** Present when the request gave the purpose per language. */
  purposes?: Partial<Record<PurposeLocale, string>>;
  nonce: string;
  responseMode: ResponseMode;
  /** Where `direct_post` and `direct_post.jwt` answers are POSTed. */
  responseUri?: string;
  /** Where a `fragment` answer is sent by redirect. */
  redirectUri?: string;
  state?: string;
  dcql: DcqlQuery;
  /** For `direct_post.jwt`: the key and `enc` to encrypt the answer with. */
  encryption?: ResponseEncryption;
  /** The `wallet_nonce` the request object echoes (request_uri_method post). */
  walletNonce?: string;
  /** The eligibility rule the verifier runs on the answer (`vouch.rule`). */
  rule?: RuleId;
  /** The facts the verifier asks the citizen to declare (`vouch.declare`), 1…20 distinct names. */
  declare?: string[];
  /**
   * The month the request is about (`vouch.period`, `YYYY-MM`): the wallet answers the declared
   * facts of that month. Absent when the request names none, or names something else.
   */
  period?: string;
  /**
   * `verifier_info` entries with text data, as sent (not checked: a registration certificate
   * counts only through core/trust verifierStanding).
   */
  verifierInfo?: VerifierInfoEntry[];
  /** `vouch.receipts`: the verifier countersigns application receipts (docs/evidence.md §Flows). */
  receipts?: boolean;
  iat?: number;
  exp?: number;
  /** The request object exactly as received, or the authorization request URI for one by value. */
  raw: string;
}

export interface CreatePresentationRequestOptions {
  verifier: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  verifierName?: string;
  purpose?: string | Partial<Record<PurposeLocale, string>>;
  dcql: DcqlQuery;
  responseMode: ResponseMode;
  /** Required for direct_post and direct_post.jwt. */
  responseUri?: string;
  /** Required for fragment. */
  redirectUri?: string;
  /** A fresh, single-use value of at least 128 bits, base64url (e.g. 16 random bytes). */
  nonce: string;
  state?: string;
  /** The eligibility rule the verifier will run on the verified claims and declared facts. */
  rule?: RuleId;
  /** Facts the citizen is asked to declare (1…20 distinct names matching FACT_NAME). */
  declare?: readonly string[];
  /** The month the request is about, `YYYY-MM`; sent as `vouch.period`. */
  period?: string;
  /**
   * direct_post.jwt: the verifier's P-256 public key the answer is encrypted to (a `kid` is added
   * when missing: OpenID4VP §5.1 asks every key in `jwks` to have one).
   */
  encryptionKey?: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid?: string };
  /** direct_post.jwt: `encrypted_response_enc_values_supported` (default: only A128GCM). */
  encValues?: readonly ResponseEnc[];
  /** The `wallet_nonce` the wallet sent in its request_uri POST, echoed in the request object. */
  walletNonce?: string;
  /** `aud` of the request object; default "https://self-issued.me/v2" (OpenID4VP §5.8). */
  audience?: string;
  /** `verifier_info` (OpenID4VP §5.1): e.g. the desk's registration certificate, format "jwt". */
  verifierInfo?: readonly VerifierInfoEntry[];
  /**
   * `vouch.receipts`: the verifier countersigns a receipt of every application it accepts (issue
   * 14, docs/evidence.md §Flows), so the wallet offers its half and promises one.
   */
  receipts?: boolean;
  now: Date;
  lifetimeSeconds?: number;
}

/** `client_metadata.vp_formats_supported` of a Vouch verifier (OpenID4VP §11.1, Appendix B.3). */
export const VOUCH_VP_FORMATS_SUPPORTED = {
  'dc+sd-jwt': {
    'sd-jwt_alg_values': ['ES256', 'EdDSA', 'ES256K'],
    'kb-jwt_alg_values': ['ES256', 'EdDSA', 'ES256K'],
  },
};

export async function createPresentationRequest(
  opts: CreatePresentationRequestOptions,
): Promise<string> {
  const { verifier, verifierName, purpose, dcql, responseMode, responseUri, redirectUri } = opts;
  const { nonce, state, rule, declare, period, encryptionKey, encValues, walletNonce } = opts;
  const problem =
    (verifierName === undefined ? undefined : checkVerifierName(verifierName)) ??
    (purpose === undefined ? undefined : checkPurpose(purpose)) ??
    (rule === undefined ? undefined : checkRule(rule)) ??
    (declare === undefined ? undefined : checkDeclare(declare)) ??
    (period === undefined || readRequestPeriod(period) !== undefined
      ? undefined
      : `"period" expected a month YYYY-MM, got ${show(period)}`) ??
    checkNonce(nonce, MIN_NONCE_LENGTH) ??
    checkResponseMode(responseMode) ??
    (responseUri === undefined ? undefined : checkUri(responseUri, 'response_uri')) ??
    (redirectUri === undefined ? undefined : checkUri(redirectUri, 'redirect_uri')) ??
    (state === undefined ? undefined : checkState(state)) ??
    (walletNonce === undefined ? undefined : checkState(walletNonce, 'wallet_nonce')) ??
    (opts.verifierInfo === undefined ? undefined : checkVerifierInfo(opts.verifierInfo));
  if (problem) throw new TypeError(`createPresentationRequest: ${problem}`);
  const direct = responseMode === 'direct_post' || responseMode === 'direct_post.jwt';
  if (direct !== (responseUri !== undefined)) {
    throw new TypeError(
      `createPresentationRequest: "response_uri" goes with direct_post and direct_post.jwt only, and they need one`,
    );
  }
  if ((responseMode === 'fragment') !== (redirectUri !== undefined)) {
    throw new TypeError(
      `createPresentationRequest: "redirect_uri" goes with fragment only, and fragment needs one`,
    );
  }
  if ((responseMode === 'direct_post.jwt') !== (encryptionKey !== undefined)) {
    throw new TypeError(
      'createPresentationRequest: "encryptionKey" goes with direct_post.jwt only, and it needs one',
    );
  }
  let jwk: ResponseEncryption['jwk'] | undefined;
  if (encryptionKey !== undefined) {
    const parsed = parsePublicJwk({
      kty: encryptionKey.kty,
      crv: encryptionKey.crv,
      x: encryptionKey.x,
      y: encryptionKey.y,
    });
    if (!parsed.ok || parsed.value.crv !== 'P-256') {
      throw new TypeError('createPresentationRequest: "encryptionKey" is not a P-256 public key');
    }
    jwk = { ...(parsed.value as ResponseEncryption['jwk']), kid: encryptionKey.kid ?? 'enc-1' };
  }
  const enc = encValues ?? ['A128GCM'];
  if (enc.length === 0 || enc.some((value) => !RESPONSE_ENC_VALUES.includes(value))) {
    throw new TypeError(`createPresentationRequest: "encValues" ${show(enc)} is not supported`);
  }
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
  const vouch = {
    ...(verifierName === undefined ? {} : { verifier_name: verifierName }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare: [...declare] }),
    ...(period === undefined ? {} : { period }),
    ...(opts.receipts === true ? { receipts: true } : {}),
  };
  // Online requests say which formats the verifier takes (OpenID4VP §5.1: vp_formats_supported is
  // required when the wallet has no other way to learn it); offline QR requests stay small.
  const clientMetadata = direct
    ? {
        vp_formats_supported: VOUCH_VP_FORMATS_SUPPORTED,
        ...(jwk === undefined
          ? {}
          : {
              jwks: { keys: [{ ...jwk, use: 'enc', alg: 'ECDH-ES' }] },
              encrypted_response_enc_values_supported: [...enc],
            }),
      }
    : undefined;
  const payload: Record<string, unknown> = {
    client_id: `${CLIENT_ID_PREFIX}${verifier.did}`,
    response_type: 'vp_token',
    response_mode: responseMode,
    ...(responseUri === undefined ? {} : { response_uri: responseUri }),
    ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
    nonce,
    ...(state === undefined ? {} : { state }),
    dcql_query: dcql,
    ...(clientMetadata === undefined ? {} : { client_metadata: clientMetadata }),
    ...(walletNonce === undefined ? {} : { wallet_nonce: walletNonce }),
    ...(opts.verifierInfo === undefined || opts.verifierInfo.length === 0
      ? {}
      : {
          verifier_info: opts.verifierInfo.map((entry) => ({
            format: entry.format,
            data: entry.data,
          })),
        }),
    ...(direct || opts.audience !== undefined
      ? { aud: opts.audience ?? REQUEST_OBJECT_AUDIENCE }
      : {}),
    iat,
    exp: iat + lifetime,
    ...(Object.keys(vouch).length === 0 ? {} : { vouch }),
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

export interface VerifyRequestOptions {
  crypto: JwsCrypto;
  now: Date;
  /** The `wallet_nonce` this wallet sent (request_uri_method post): the request must echo it. */
  walletNonce?: string;
}

/**
 * Checks a request object: a compact JWS signed by the key of the DID in a
 * `decentralized_identifier:` client_id (ES256, EdDSA, ES256K only), or an unsigned request object
 * (`alg: none`) of a `redirect_uri:` client; then its parameters, ignoring unknown ones, and
 * `iat`/`exp` when present with 60 s of clock skew. Total: any input gives a Result.
 */
export async function verifyPresentationRequest(
  jws: string,
  opts: VerifyRequestOptions,
): Promise<Result<PresentationRequest, RequestProblem, { message: string }>> {
  if (typeof jws !== 'string') return fail('malformed', `expected text, got ${typeof jws}`);
  const raw = jws.trim();
  if (raw.length > MAX_REQUEST_LENGTH) {
    return fail(
      'malformed',
      `the request is ${raw.length} characters; at most ${MAX_REQUEST_LENGTH}`,
    );
  }
  const unsigned = readUnsignedRequestObject(raw);
  if (unsigned !== undefined) {
    if (!unsigned.ok) return unsigned;
    const clientId = unsigned.value.client_id;
    if (typeof clientId !== 'string' || !clientId.startsWith(REDIRECT_URI_CLIENT_ID_PREFIX)) {
      return fail(
        'unsupported-alg',
        `an unsigned request object ("alg":"none") is only read for a "${REDIRECT_URI_CLIENT_ID_PREFIX}" client, not ${show(clientId)}`,
      );
    }
    return checkParameters(unsigned.value, { ...opts, raw, signedBy: undefined });
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
  const clientId = payload.client_id;
  if (typeof clientId !== 'string') {
    return fail('malformed', `"client_id" expected text, got ${show(clientId)}`);
  }
  if (clientId.startsWith(REDIRECT_URI_CLIENT_ID_PREFIX)) {
    return fail(
      'malformed',
      `a "${REDIRECT_URI_CLIENT_ID_PREFIX}" request cannot be signed (OpenID4VP §5.9.3)`,
    );
  }
  if (!clientId.startsWith(CLIENT_ID_PREFIX)) return unsupportedClientId(clientId);
  const did = clientId.slice(CLIENT_ID_PREFIX.length);
  if (did.includes('#')) return fail('malformed', `"client_id" ${show(clientId)} is not a DID`);
  const key = resolveDidKey(did);
  if (!key.ok) {
    return fail(
      key.reason === 'unsupported-did-method' ? 'unsupported' : 'malformed',
      `"client_id": ${key.detail.message}`,
    );
  }
  const kid = verifierKid(did as Did);
  // The DID URL of its key, the DID itself, or the relative form "#<fragment>" (DID Core §3.2).
  if (
    header.kid !== undefined &&
    header.kid !== kid &&
    header.kid !== did &&
    header.kid !== kid.slice(did.length)
  ) {
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
  const content = await checkParameters(payload, { ...opts, raw, signedBy: did as Did });
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
  return content;
}

/**
 * Checks an authorization request passed by value as parameters (e.g. the query of an
 * `openid4vp://?client_id=redirect_uri%3A…&response_type=vp_token&dcql_query=%7B…` link): only a
 * `redirect_uri:` client may send one (every other prefix must sign a request object). Object
 * parameters (`dcql_query`, `client_metadata`, `vouch`) may be JSON text, as URL parameters are.
 */
export async function verifyRequestParameters(
  params: Readonly<Record<string, unknown>>,
  opts: { now: Date; raw: string },
): Promise<Result<PresentationRequest, RequestProblem, { message: string }>> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return fail('malformed', `expected request parameters, got ${show(params)}`);
  }
  const clientId = params.client_id;
  if (typeof clientId !== 'string') {
    return fail('malformed', `"client_id" expected text, got ${show(clientId)}`);
  }
  if (clientId.startsWith(CLIENT_ID_PREFIX)) {
    return fail(
      'malformed',
      `a "${CLIENT_ID_PREFIX}" request must be a request object signed by the DID's key, not parameters by value`,
    );
  }
  if (!clientId.startsWith(REDIRECT_URI_CLIENT_ID_PREFIX)) return unsupportedClientId(clientId);
  const decoded: Record<string, unknown> = { ...params };
  for (const name of ['dcql_query', 'client_metadata', 'vouch', 'transaction_data']) {
    const value = decoded[name];
    if (typeof value !== 'string') continue;
    try {
      decoded[name] = JSON.parse(value);
    } catch {
      return fail('malformed', `"${name}" is not JSON`);
    }
  }
  for (const name of ['iat', 'exp']) {
    const value = decoded[name];
    if (typeof value === 'string' && /^\d{1,15}$/.test(value)) decoded[name] = Number(value);
  }
  return checkParameters(decoded, { now: opts.now, raw: opts.raw, signedBy: undefined });
}

function unsupportedClientId(clientId: string): Failure {
  const colon = clientId.indexOf(':');
  return fail(
    'unsupported',
    colon === -1
      ? `"client_id" ${show(clientId)} is a pre-registered client, which this wallet does not know`
      : `the client identifier prefix ${show(clientId.slice(0, Math.min(colon, 40)))} is not supported (only "${CLIENT_ID_PREFIX}" and "${REDIRECT_URI_CLIENT_ID_PREFIX}")`,
  );
}

/** An unsigned JWT (`alg: none`, RFC 7519 §6): undefined when the text is not one. */
function readUnsignedRequestObject(
  raw: string,
): Result<Record<string, unknown>, RequestProblem, { message: string }> | undefined {
  const parts = raw.split('.');
  if (parts.length !== 3 || parts[2] !== '') return undefined;
  const headerBytes = decodeBase64Url(parts[0] ?? '');
  if (!headerBytes.ok) return undefined;
  const headerText = bytesToUtf8(headerBytes.value);
  if (!headerText.ok) return undefined;
  const header = parseJsonObject(headerText.value, 'the header');
  if (!header.ok || header.value.alg !== 'none') return undefined;
  if (header.value.typ !== REQUEST_TYP) {
    return fail(
      'malformed',
      `header "typ" expected "${REQUEST_TYP}", got ${show(header.value.typ)}`,
    );
  }
  if (header.value.crit !== undefined) return fail('malformed', 'header "crit" is not supported');
  const payloadBytes = decodeBase64Url(parts[1] ?? '');
  if (!payloadBytes.ok) return fail('malformed', 'the payload is not base64url');
  const payloadText = bytesToUtf8(payloadBytes.value);
  if (!payloadText.ok) return fail('malformed', 'the payload is not UTF-8');
  const payload = parseJsonObject(payloadText.value, 'the payload');
  return payload.ok ? payload : fail('malformed', payload.detail.message);
}

/** The parameters both kinds of request carry (OpenID4VP §5), unknown ones ignored. */
async function checkParameters(
  payload: Readonly<Record<string, unknown>>,
  opts: { now: Date; raw: string; signedBy: Did | undefined; walletNonce?: string },
): Promise<Result<PresentationRequest, RequestProblem, { message: string }>> {
  const {
    client_id: clientId,
    response_type: responseType,
    response_uri: responseUri,
    redirect_uri: redirectUri,
    nonce,
    state,
    dcql_query: dcqlQuery,
    client_metadata: clientMetadata,
    wallet_nonce: walletNonce,
    iat,
    exp,
    vouch,
    verifier_info: verifierInfo,
  } = payload;
  if (typeof clientId !== 'string') {
    return fail('malformed', `"client_id" expected text, got ${show(clientId)}`);
  }
  if (payload.transaction_data !== undefined) {
    return fail('unsupported', '"transaction_data" is not supported by this wallet');
  }
  if (responseType !== 'vp_token') {
    return fail(
      responseType === undefined || typeof responseType !== 'string' ? 'malformed' : 'unsupported',
      `"response_type" expected "vp_token", got ${show(responseType)}`,
    );
  }
  // The default response mode of vp_token is fragment (OpenID4VP §5.6). A `direct_post` with no
  // `response_uri`, as desks made before the `vouch_qr` mode existed, is read as `vouch_qr`.
  let responseMode = payload.response_mode ?? 'fragment';
  if (
    responseMode === 'direct_post' &&
    responseUri === undefined &&
    redirectUri === undefined &&
    opts.signedBy !== undefined
  ) {
    responseMode = VOUCH_QR_RESPONSE_MODE;
  }
  const problem =
    checkResponseMode(responseMode) ??
    (responseUri === undefined ? undefined : checkUri(responseUri, 'response_uri')) ??
    (redirectUri === undefined ? undefined : checkUri(redirectUri, 'redirect_uri')) ??
    checkNonce(nonce, 1) ??
    (state === undefined ? undefined : checkState(state)) ??
    (walletNonce === undefined ? undefined : checkState(walletNonce, 'wallet_nonce')) ??
    (iat === undefined ? undefined : checkSeconds(iat, 'iat')) ??
    (exp === undefined ? undefined : checkSeconds(exp, 'exp'));
  if (problem) return fail('malformed', problem);
  const mode = responseMode as ResponseMode;

  let verifier: RequestVerifier;
  if (opts.signedBy !== undefined) {
    verifier = { kind: 'did', did: opts.signedBy };
  } else {
    const uri = clientId.slice(REDIRECT_URI_CLIENT_ID_PREFIX.length);
    const uriProblem = checkUri(uri, 'client_id');
    if (uriProblem) return fail('malformed', uriProblem);
    verifier = { kind: 'redirect_uri', uri };
  }

  // Where the answer goes (OpenID4VP §8.2: response_uri for direct_post, never with redirect_uri).
  let target: { responseUri?: string; redirectUri?: string } = {};
  const fromClient = verifier.kind === 'redirect_uri' ? verifier.uri : undefined;
  if (mode === 'direct_post' || mode === 'direct_post.jwt') {
    if (redirectUri !== undefined) {
      return fail('malformed', `"redirect_uri" must not be present with ${mode} (OpenID4VP §8.2)`);
    }
    const uri = (responseUri as string | undefined) ?? fromClient;
    if (uri === undefined) return fail('malformed', `${mode} needs a "response_uri"`);
    if (fromClient !== undefined && uri !== fromClient) {
      return fail('malformed', `"response_uri" is not the URI in the "redirect_uri:" client_id`);
    }
    target = { responseUri: uri };
  } else if (mode === 'fragment') {
    if (responseUri !== undefined) {
      return fail(
        'malformed',
        '"response_uri" goes with direct_post; fragment uses "redirect_uri"',
      );
    }
    const uri = (redirectUri as string | undefined) ?? fromClient;
    if (uri === undefined) return fail('malformed', 'fragment needs a "redirect_uri"');
    if (fromClient !== undefined && uri !== fromClient) {
      return fail('malformed', `"redirect_uri" is not the URI in the "redirect_uri:" client_id`);
    }
    target = { redirectUri: uri };
  } else if (responseUri !== undefined || redirectUri !== undefined) {
    return fail('malformed', `${mode} answers by QR code: no "response_uri" or "redirect_uri"`);
  } else if (opts.signedBy === undefined) {
    return fail('malformed', `${mode} is for signed requests only`);
  }

  if (opts.walletNonce !== undefined && walletNonce !== opts.walletNonce) {
    return fail('malformed', `"wallet_nonce" is not the one this wallet sent`);
  }
  if (iat !== undefined && exp !== undefined) {
    if ((exp as number) <= (iat as number)) {
      return fail('malformed', `"exp" ${show(exp)} is not after "iat" ${show(iat)}`);
    }
    if ((exp as number) - (iat as number) > MAX_REQUEST_LIFETIME_SECONDS) {
      return fail('malformed', `"exp" is more than ${MAX_REQUEST_LIFETIME_SECONDS} s after "iat"`);
    }
  }
  const dcql = checkDcqlShape(dcqlQuery);
  if (!dcql.ok) return fail('malformed', dcql.detail.message);

  const formats = checkVpFormats(clientMetadata);
  if (formats) return fail('unsupported', formats);

  let encryption: ResponseEncryption | undefined;
  if (mode === 'direct_post.jwt') {
    const read = readResponseEncryption(clientMetadata);
    if (!read.ok) return read;
    encryption = read.value;
  }

  const content = readVouch(vouch);
  if (!content.ok) return content;
  const info = readVerifierInfo(verifierInfo);

  const now = Math.floor(opts.now.getTime() / 1000);
  if (typeof iat === 'number' && iat > now + REQUEST_CLOCK_SKEW_SECONDS) {
    return fail(
      'not-yet-valid',
      `"iat" is ${iat - now} s ahead of this clock (at most ${REQUEST_CLOCK_SKEW_SECONDS} s allowed)`,
    );
  }
  if (typeof exp === 'number' && exp + REQUEST_CLOCK_SKEW_SECONDS < now) {
    return fail('expired', `the request expired ${now - exp} s ago`);
  }
  return ok({
    clientId,
    verifier,
    verified: verifier.kind === 'did',
    ...(verifier.kind === 'did' ? { verifierDid: verifier.did } : {}),
    ...content.value,
    nonce: nonce as string,
    responseMode: mode,
    ...target,
    ...(state === undefined ? {} : { state: state as string }),
    dcql: dcql.value,
    ...(encryption === undefined ? {} : { encryption }),
    ...(walletNonce === undefined ? {} : { walletNonce: walletNonce as string }),
    ...(info.length === 0 ? {} : { verifierInfo: info }),
    ...(iat === undefined ? {} : { iat: iat as number }),
    ...(exp === undefined ? {} : { exp: exp as number }),
    raw: opts.raw,
  });
}

/**
 * The verifier's encryption key and `enc` from `client_metadata` (OpenID4VP §5.1, §8.3): the first
 * P-256 key of `jwks` whose `use` is absent or `enc` and whose `alg` is absent or ECDH-ES; `enc`
 * the first of `encrypted_response_enc_values_supported` this wallet supports (default A128GCM).
 */
export function readResponseEncryption(
  clientMetadata: unknown,
): Result<ResponseEncryption, RequestProblem, { message: string }> {
  if (!isPlainObject(clientMetadata)) {
    return fail('malformed', 'direct_post.jwt needs "client_metadata" with the encryption key');
  }
  const { jwks, encrypted_response_enc_values_supported: encValues } = clientMetadata;
  if (jwks === undefined) {
    return fail(
      clientMetadata.jwks_uri === undefined ? 'malformed' : 'unsupported',
      'direct_post.jwt needs "client_metadata.jwks" (a "jwks_uri" is not fetched)',
    );
  }
  if (!isPlainObject(jwks) || !Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    return fail('malformed', `"client_metadata.jwks" expected {"keys":[…]}, got ${show(jwks)}`);
  }
  let jwk: ResponseEncryption['jwk'] | undefined;
  for (const key of jwks.keys.slice(0, MAX_CLIENT_JWKS)) {
    if (!isPlainObject(key) || key.kty !== 'EC' || key.crv !== 'P-256') continue;
    if (key.use !== undefined && key.use !== 'enc') continue;
    if (key.alg !== undefined && key.alg !== 'ECDH-ES') continue;
    if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid.length > 256)) continue;
    const parsed = parsePublicJwk({ kty: key.kty, crv: key.crv, x: key.x, y: key.y });
    if (!parsed.ok) continue;
    jwk = {
      ...(parsed.value as ResponseEncryption['jwk']),
      ...(typeof key.kid === 'string' ? { kid: key.kid } : {}),
    };
    break;
  }
  if (jwk === undefined) {
    return fail(
      'unsupported',
      '"client_metadata.jwks" has no P-256 ECDH-ES encryption key this wallet can use',
    );
  }
  // Pre-1.0 verifiers name one `enc` in authorization_encrypted_response_enc.
  const legacy = clientMetadata.authorization_encrypted_response_enc;
  const offered =
    encValues === undefined ? (typeof legacy === 'string' ? [legacy] : ['A128GCM']) : encValues;
  if (!Array.isArray(offered) || offered.length === 0 || offered.length > 16) {
    return fail(
      'malformed',
      `"encrypted_response_enc_values_supported" expected a non-empty list, got ${show(offered)}`,
    );
  }
  const enc = offered.find((value): value is ResponseEnc =>
    (RESPONSE_ENC_VALUES as readonly unknown[]).includes(value),
  );
  if (enc === undefined) {
    return fail('unsupported', `no "enc" of ${show(offered)} is supported (A128GCM, A256GCM)`);
  }
  return ok({ jwk, alg: 'ECDH-ES', enc });
}

function readVouch(
  vouch: unknown,
): Result<
  Pick<
    PresentationRequest,
    'verifierName' | 'purpose' | 'purposes' | 'rule' | 'declare' | 'period' | 'receipts'
  >,
  RequestProblem,
  { message: string }
> {
  if (vouch === undefined) return ok({});
  if (!isPlainObject(vouch)) {
    return fail('malformed', `"vouch" expected an object, got ${show(vouch)}`);
  }
  const { verifier_name: verifierName, purpose, rule, declare } = vouch;
  // A period that is not a month is ignored, not refused (the request reads as one without).
  const period = readRequestPeriod(vouch.period);
  const vouchProblem =
    (verifierName === undefined ? undefined : checkVerifierName(verifierName)) ??
    (purpose === undefined ? undefined : checkPurpose(purpose)) ??
    (rule === undefined ? undefined : checkRule(rule)) ??
    (declare === undefined ? undefined : checkDeclare(declare));
  if (vouchProblem) return fail('malformed', `"vouch": ${vouchProblem}`);
  const purposes =
    purpose === undefined || typeof purpose === 'string'
      ? undefined
      : (purpose as Partial<Record<PurposeLocale, string>>);
  const shown =
    typeof purpose === 'string' ? purpose : (purposes?.en ?? purposes?.nl ?? purposes?.fr);
  return ok({
    ...(verifierName === undefined ? {} : { verifierName: verifierName as string }),
    ...(shown === undefined ? {} : { purpose: shown }),
    ...(purposes === undefined ? {} : { purposes: { ...purposes } }),
    ...(rule === undefined ? {} : { rule: rule as RuleId }),
    ...(declare === undefined ? {} : { declare: [...(declare as string[])] }),
    ...(period === undefined ? {} : { period }),
    // Anything but true reads as no promise of a receipt (never refused).
    ...(vouch.receipts === true ? { receipts: true } : {}),
  });
}

/**
 * `verifier_info` as the wallet reads it: a list, of which the first MAX_VERIFIER_INFO_ENTRIES
 * entries are looked at; an entry counts when `format` is text and `data` is text of at most
 * MAX_VERIFIER_INFO_DATA_LENGTH characters. Anything else is ignored, not refused (OpenID4VP §5.1:
 * the wallet uses what it understands; an unusable entry only means the verifier stays unverified).
 */
function readVerifierInfo(value: unknown): VerifierInfoEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: VerifierInfoEntry[] = [];
  for (const entry of value.slice(0, MAX_VERIFIER_INFO_ENTRIES)) {
    if (!isPlainObject(entry)) continue;
    const { format, data } = entry;
    if (typeof format !== 'string' || format.length === 0 || format.length > 64) continue;
    if (typeof data !== 'string' || data.length > MAX_VERIFIER_INFO_DATA_LENGTH) continue;
    entries.push({ format, data });
  }
  return entries;
}

function checkVerifierInfo(value: readonly VerifierInfoEntry[]): string | undefined {
  if (!Array.isArray(value) || value.length > MAX_VERIFIER_INFO_ENTRIES) {
    return `"verifier_info" expected at most ${MAX_VERIFIER_INFO_ENTRIES} entries, got ${show(value)}`;
  }
  for (const [index, entry] of value.entries()) {
    if (typeof entry?.format !== 'string' || entry.format === '' || entry.format.length > 64) {
      return `"verifier_info[${index}].format" expected text, got ${show(entry?.format)}`;
    }
    if (typeof entry.data !== 'string' || entry.data.length > MAX_VERIFIER_INFO_DATA_LENGTH) {
      return `"verifier_info[${index}].data" expected text of at most ${MAX_VERIFIER_INFO_DATA_LENGTH} characters`;
    }
  }
  return undefined;
}

/** The algorithm of this wallet's key binding JWTs (its holder keys are secp256k1). */
export const HOLDER_KB_ALGS: readonly string[] = ['ES256K'];

/**
 * `client_metadata.vp_formats_supported` (OpenID4VP §11.1, B.3.3), when present, must take
 * `dc+sd-jwt` with a key binding algorithm this wallet signs with (error vp_formats_not_supported).
 */
function checkVpFormats(clientMetadata: unknown): string | undefined {
  if (!isPlainObject(clientMetadata)) return undefined;
  const formats = clientMetadata.vp_formats_supported;
  if (!isPlainObject(formats)) return undefined;
  const sdJwt = formats['dc+sd-jwt'];
  if (sdJwt === undefined) {
    return '"client_metadata.vp_formats_supported" has no "dc+sd-jwt", the one format this wallet presents';
  }
  const kbAlgs = isPlainObject(sdJwt) ? sdJwt['kb-jwt_alg_values'] : undefined;
  if (Array.isArray(kbAlgs) && !kbAlgs.some((alg) => HOLDER_KB_ALGS.includes(alg as string))) {
    return `the verifier takes key binding JWTs signed with ${show(kbAlgs)} only; this wallet signs with ${HOLDER_KB_ALGS.join(', ')}`;
  }
  return undefined;
}

/** What to call the verifier on screen: its name, else its DID, else its URI's host. */
export function verifierLabel(request: PresentationRequest): string {
  if (request.verifierName !== undefined) return request.verifierName;
  if (request.verifier.kind === 'did') return request.verifier.did;
  return parseUrl(request.verifier.uri)?.host || request.verifier.uri;
}

/** A stable id of the verifier (history, "seen before"): its DID, else the whole client_id. */
export function verifierIdOf(request: PresentationRequest): string {
  return request.verifier.kind === 'did' ? request.verifier.did : request.clientId;
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

/**
 * OpenID4VP §5.2: a nonce holds only ASCII URL-safe characters. A Vouch verifier writes base64url
 * of at least 128 bits (min 22); the wallet takes any conformant nonce (min 1).
 */
function checkNonce(value: unknown, min: number): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9._~-]*$/.test(value)) {
    return `"nonce" expected URL-safe text (A-Z a-z 0-9 - . _ ~), got ${show(value)}`;
  }
  if (min > 1 && !/^[A-Za-z0-9_-]*$/.test(value)) {
    return `"nonce" expected base64url text, got ${show(value)}`;
  }
  if (value.length < min) {
    return min === MIN_NONCE_LENGTH
      ? `"nonce" is ${value.length} characters; at least ${MIN_NONCE_LENGTH} (128 bits) are required`
      : `"nonce" must not be empty`;
  }
  if (value.length > MAX_NONCE_LENGTH) {
    return `"nonce" is ${value.length} characters; at most ${MAX_NONCE_LENGTH}`;
  }
  return undefined;
}

function checkResponseMode(value: unknown): string | undefined {
  return RESPONSE_MODES.includes(value as ResponseMode)
    ? undefined
    : `"response_mode" expected one of ${RESPONSE_MODES.join(', ')}, got ${show(value)}`;
}

/** An answer address: https, or http to this machine only (see isSafeHttpUrl). */
function checkUri(value: unknown, field: string): string | undefined {
  return typeof value === 'string' && isSafeHttpUrl(value, MAX_RESPONSE_URI_LENGTH)
    ? undefined
    : `"${field}" expected an https URL (http only to localhost) of at most ${MAX_RESPONSE_URI_LENGTH} characters, got ${show(value)}`;
}

function checkState(value: unknown, field = 'state'): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STATE_LENGTH) {
    return `"${field}" expected 1…${MAX_STATE_LENGTH} characters, got ${show(value)}`;
  }
  return undefined;
}

function checkSeconds(value: unknown, field: string): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? undefined
    : `"${field}" expected whole seconds since 1970, got ${show(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
