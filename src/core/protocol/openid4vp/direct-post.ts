/**
 * Sending and receiving the answer of an online request (OpenID4VP 1.0 §8.2, §8.3):
 *
 * - `direct_post`: an `application/x-www-form-urlencoded` POST to `response_uri` with
 *   `vp_token` (the JSON object keyed by DCQL credential query id, each value an array of
 *   presentations), `state`, and Vouch's `vouch` (`{"declared":{…}}` as JSON text: the facts the
 *   citizen declares; peers ignore the unknown parameter);
 * - `direct_post.jwt`: the same parameters as the JSON payload of a JWE (`alg` ECDH-ES to the
 *   verifier's P-256 key from `client_metadata.jwks`, `kid` copied, `enc` A128GCM or A256GCM),
 *   POSTed as `response=<JWE>`.
 *
 * The Response URI answers 200 with a JSON object; its `redirect_uri`, when present, is where the
 * wallet sends the citizen next. JWE uses the `jose` package (WebCrypto: browsers and Node).
 */
import { CompactEncrypt, compactDecrypt, exportJWK, generateKeyPair, importJWK } from 'jose';
import { bytesToUtf8, utf8ToBytes } from '../../encoding/utf8.ts';
import { parseJsonObject, shortValue as show } from '../../jose/compact-jws.ts';
import { failedWith, ok } from '../../result.ts';
import type { Result } from '../../result.ts';
import { RESPONSE_ENC_VALUES } from '../request.ts';
import type { PresentationRequest, ResponseEnc, ResponseEncryption } from '../request.ts';
import { MAX_RESPONSE_BYTES, readResponseParameters } from '../response.ts';
import type { PresentationResponse } from '../response.ts';
import { readCappedText } from './http.ts';
import type { FetchLike } from './http.ts';
import { formDecode, formEncode, isSafeHttpUrl } from './url.ts';

/** Longest direct_post body read: a 256 KiB response, percent-encoded, fits. */
export const MAX_DIRECT_POST_BODY_LENGTH = 4 * MAX_RESPONSE_BYTES;
/** Longest answer of a Response URI the wallet reads. */
export const MAX_RESPONSE_URI_ANSWER_BYTES = 16 * 1024;
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

type Problem = { message: string };

/** The authorization response parameters as JSON values, in this order. */
function responseParameters(response: PresentationResponse): Record<string, unknown> {
  // readResponseParameters re-checks what goes out: a bug fails here, not at the verifier.
  const checked = readResponseParameters({
    vp_token: response.vpToken,
    ...(response.state === undefined ? {} : { state: response.state }),
    ...(response.declared === undefined ? {} : { vouch: { declared: response.declared } }),
  });
  if (!checked.ok) throw new TypeError(`the response breaks the rules: ${checked.detail.message}`);
  return {
    vp_token: response.vpToken,
    ...(response.state === undefined ? {} : { state: response.state }),
    ...(response.declared === undefined ? {} : { vouch: { declared: response.declared } }),
  };
}

/** The `direct_post` body: `vp_token=<JSON>&state=…&vouch=<JSON>`. Throws on a response that breaks the rules. */
export function encodeDirectPostBody(response: PresentationResponse): string {
  const params = responseParameters(response);
  return formEncode(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/**
 * The `direct_post.jwt` JWE (OpenID4VP §8.3): compact serialization, header
 * `{"alg":"ECDH-ES","enc":…,"kid"?:…,"epk":…}`, payload the response parameters as JSON.
 */
export async function encryptPresentationResponse(
  response: PresentationResponse,
  encryption: ResponseEncryption,
): Promise<string> {
  const { jwk, enc } = encryption;
  if (!RESPONSE_ENC_VALUES.includes(enc))
    throw new TypeError(`"enc" ${show(enc)} is not supported`);
  const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ECDH-ES');
  return new CompactEncrypt(utf8ToBytes(JSON.stringify(responseParameters(response))))
    .setProtectedHeader({ alg: 'ECDH-ES', enc, ...(jwk.kid === undefined ? {} : { kid: jwk.kid }) })
    .encrypt(key);
}

/** The body to POST to `response_uri` for the request's response mode. */
export async function encodeResponseBody(
  request: Pick<PresentationRequest, 'responseMode' | 'encryption'>,
  response: PresentationResponse,
): Promise<string> {
  if (request.responseMode === 'direct_post.jwt') {
    if (request.encryption === undefined) throw new TypeError('direct_post.jwt needs encryption');
    return formEncode([
      ['response', await encryptPresentationResponse(response, request.encryption)],
    ]);
  }
  if (request.responseMode === 'direct_post') return encodeDirectPostBody(response);
  throw new TypeError(`response_mode ${request.responseMode} is not POSTed`);
}

export type SubmitProblem =
  /** The request's response mode is not direct_post or direct_post.jwt. */
  | 'not-direct-post'
  /** The Response URI could not be reached. */
  | 'unreachable'
  /** The Response URI answered with an error status. */
  | 'rejected';

/**
 * POSTs the answer to the request's `response_uri` with the injected fetch (no redirects) and
 * returns the `redirect_uri` of its JSON answer when there is a usable one (https, or http to
 * localhost); the wallet then sends the citizen there. An unreadable or non-JSON 200 answer is
 * still a delivered response (no redirect). Never throws for the verifier's behaviour.
 */
export async function submitPresentationResponse(
  request: Pick<PresentationRequest, 'responseMode' | 'responseUri' | 'encryption'>,
  response: PresentationResponse,
  deps: {
    fetch: FetchLike;
    /**
     * Vouch's `vouch_receipt` parameter (JSON text, docs/evidence.md §Flows): the wallet's half of
     * an application receipt, beside the response (never inside the JWE); peers ignore it.
     */
    vouchReceipt?: string;
  },
): Promise<
  Result<
    { redirectUri?: string; vouchReceipt?: unknown },
    SubmitProblem,
    Problem & { status?: number; error?: string }
  >
> {
  const { responseMode, responseUri } = request;
  if ((responseMode !== 'direct_post' && responseMode !== 'direct_post.jwt') || !responseUri) {
    return failedWith('not-direct-post', {
      message: `response_mode ${responseMode} answers without a POST to a response_uri`,
    });
  }
  const body = await encodeResponseBody(request, response);
  const receipt =
    deps.vouchReceipt === undefined ? '' : `&${formEncode([['vouch_receipt', deps.vouchReceipt]])}`;
  return post(responseUri, body + receipt, deps.fetch);
}

/** Error codes a wallet sends instead of a response (OpenID4VP §8.5, RFC 6749 §4.1.2.1). */
export type AuthorizationErrorCode =
  | 'access_denied'
  | 'invalid_request'
  | 'invalid_client'
  | 'vp_formats_not_supported'
  | 'invalid_request_uri_method'
  | 'invalid_transaction_data'
  | 'wallet_unavailable';

/**
 * Tells a `direct_post` / `direct_post.jwt` verifier that no presentation will come (the citizen
 * declined: `access_denied`; the request cannot be answered: `invalid_request`, …): a form POST of
 * `error`, optional `error_description` and the request's `state`, unencrypted (§8.3.1 allows an
 * error response without encryption). The description is the wallet's words, never personal data.
 */
export async function submitErrorResponse(
  request: Pick<PresentationRequest, 'responseMode' | 'responseUri' | 'state'>,
  error: AuthorizationErrorCode,
  deps: { fetch: FetchLike },
  description?: string,
): Promise<Result<{ redirectUri?: string }, SubmitProblem, Problem & { status?: number }>> {
  const { responseMode, responseUri, state } = request;
  if ((responseMode !== 'direct_post' && responseMode !== 'direct_post.jwt') || !responseUri) {
    return failedWith('not-direct-post', {
      message: `response_mode ${responseMode} has no response_uri to tell`,
    });
  }
  const body = formEncode([
    ['error', error],
    ...(description === undefined
      ? []
      : [['error_description', description.slice(0, 200)] as const]),
    ...(state === undefined ? [] : [['state', state] as const]),
  ]);
  return post(responseUri, body, deps.fetch);
}

async function post(
  responseUri: string,
  body: string,
  fetch: FetchLike,
): Promise<
  Result<
    { redirectUri?: string; vouchReceipt?: unknown },
    SubmitProblem,
    Problem & { status?: number; error?: string }
  >
> {
  let answer;
  try {
    answer = await fetch(responseUri, {
      method: 'POST',
      headers: { 'content-type': FORM_MEDIA_TYPE, accept: 'application/json' },
      body,
      redirect: 'error',
    });
  } catch {
    return failedWith('unreachable', {
      message: "the verifier's response_uri could not be reached",
    });
  }
  let json: Record<string, unknown> | undefined;
  try {
    const text = await readCappedText(answer, MAX_RESPONSE_URI_ANSWER_BYTES);
    const parsed = text === undefined ? undefined : parseJsonObject(text, 'the answer');
    json = parsed?.ok ? parsed.value : undefined;
  } catch {
    json = undefined;
  }
  if (answer.status < 200 || answer.status > 299) {
    const error =
      typeof json?.error === 'string' && /^[\x20-\x7E]{1,64}$/.test(json.error)
        ? json.error
        : undefined;
    return failedWith('rejected', {
      message: `the verifier's response_uri answered HTTP ${answer.status}${error ? ` (${error})` : ''}`,
      status: answer.status,
      ...(error === undefined ? {} : { error }),
    });
  }
  const redirectUri = json?.redirect_uri;
  return ok({
    ...(typeof redirectUri === 'string' && isSafeHttpUrl(redirectUri) ? { redirectUri } : {}),
    // A Vouch verifier's countersigned receipt (docs/evidence.md §Flows), read by the wallet.
    ...(json?.vouch_receipt === undefined ? {} : { vouchReceipt: json.vouch_receipt }),
  });
}

/** What a Response URI received. */
export type DirectPostBody =
  | { readonly kind: 'response'; readonly response: PresentationResponse }
  | { readonly kind: 'encrypted'; readonly jwe: string }
  | {
      readonly kind: 'error';
      readonly error: string;
      readonly description?: string;
      readonly state?: string;
    };

const COMPACT_JWE =
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Reads a POST body received at a Response URI (form text, capped): a `direct_post` response, a
 * `direct_post.jwt` `response` JWE (decrypt it with decryptPresentationResponse), or an error
 * response (`error`, `error_description`, `state`; OpenID4VP §8.5). Unknown parameters are ignored;
 * a parameter given twice is malformed. Total.
 */
export function readDirectPostBody(text: string): Result<DirectPostBody, 'malformed', Problem> {
  const bad = (message: string) => failedWith('malformed' as const, { message });
  if (typeof text !== 'string') return bad(`expected form text, got ${typeof text}`);
  if (text.length > MAX_DIRECT_POST_BODY_LENGTH) {
    return bad(`the body is ${text.length} characters; at most ${MAX_DIRECT_POST_BODY_LENGTH}`);
  }
  const pairs = formDecode(text);
  if (pairs === undefined) return bad('the body is not valid form-encoded UTF-8');
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of pairs) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      return bad(`the parameter ${show(name)} is given twice`);
    }
    params[name] = value;
  }
  if (params.response !== undefined) {
    if (!COMPACT_JWE.test(params.response)) return bad('"response" is not a compact JWE');
    return ok({ kind: 'encrypted', jwe: params.response });
  }
  if (params.error !== undefined) {
    if (!/^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$/.test(params.error)) {
      return bad(`"error" expected an error code, got ${show(params.error)}`);
    }
    const description = params.error_description;
    return ok({
      kind: 'error',
      error: params.error,
      ...(description === undefined ? {} : { description: description.slice(0, 500) }),
      ...(params.state === undefined ? {} : { state: params.state.slice(0, 256) }),
    });
  }
  if (params.vp_token === undefined)
    return bad('the body has no "vp_token", "response" or "error"');
  const response = readResponseParameters(params);
  return response.ok ? ok({ kind: 'response', response: response.value }) : response;
}

/** A verifier's P-256 private key for direct_post.jwt (key material: never log it). */
export interface ResponseDecryptionKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  d: string;
  kid?: string;
}

/**
 * Decrypts a `direct_post.jwt` response with the verifier's private key: only `alg` ECDH-ES and
 * `enc` A128GCM/A256GCM (or the one `enc` given) are accepted, then the payload is read as the
 * response parameters. `undecryptable` for a JWE this key cannot open (wrong key, tampered,
 * another algorithm); `malformed` for what it holds.
 */
export async function decryptPresentationResponse(
  jwe: string,
  key: ResponseDecryptionKey,
  opts: { enc?: readonly ResponseEnc[] } = {},
): Promise<Result<PresentationResponse, 'malformed' | 'undecryptable', Problem>> {
  if (
    typeof jwe !== 'string' ||
    jwe.length > MAX_DIRECT_POST_BODY_LENGTH ||
    !COMPACT_JWE.test(jwe)
  ) {
    return failedWith('malformed', { message: 'expected a compact JWE' });
  }
  let plaintext: Uint8Array;
  try {
    const privateKey = await importJWK(
      { kty: key.kty, crv: key.crv, x: key.x, y: key.y, d: key.d },
      'ECDH-ES',
    );
    const opened = await compactDecrypt(jwe, privateKey, {
      keyManagementAlgorithms: ['ECDH-ES'],
      contentEncryptionAlgorithms: [...(opts.enc ?? RESPONSE_ENC_VALUES)],
    });
    plaintext = opened.plaintext;
  } catch {
    return failedWith('undecryptable', {
      message:
        'the encrypted response does not open with this verifier key (ECDH-ES, A128GCM/A256GCM)',
    });
  }
  if (plaintext.length > MAX_RESPONSE_BYTES) {
    return failedWith('malformed', {
      message: `the decrypted response is ${plaintext.length} bytes; at most ${MAX_RESPONSE_BYTES}`,
    });
  }
  const text = bytesToUtf8(plaintext);
  if (!text.ok) return failedWith('malformed', { message: 'the decrypted response is not UTF-8' });
  const json = parseJsonObject(text.value, 'the decrypted response');
  if (!json.ok) return json;
  return readResponseParameters(json.value);
}

/**
 * A fresh P-256 key pair for direct_post.jwt (ephemeral per request, or kept by the server): the
 * public JWK goes into createPresentationRequest's `encryptionKey`, the private one decrypts.
 */
export async function generateResponseEncryptionKey(
  kid: string,
): Promise<{ publicJwk: Omit<ResponseDecryptionKey, 'd'>; privateJwk: ResponseDecryptionKey }> {
  const { privateKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const jwk = await exportJWK(privateKey);
  const { x, y, d } = jwk;
  if (typeof x !== 'string' || typeof y !== 'string' || typeof d !== 'string') {
    throw new TypeError('generateResponseEncryptionKey: the runtime returned no P-256 key');
  }
  return {
    publicJwk: { kty: 'EC', crv: 'P-256', x, y, kid },
    privateJwk: { kty: 'EC', crv: 'P-256', x, y, d, kid },
  };
}
