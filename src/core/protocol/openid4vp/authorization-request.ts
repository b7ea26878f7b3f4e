/**
 * The OpenID4VP 1.0 authorization request as a URI (§5, RFC 9101 §5): what a QR code, a link or a
 * `web+openid4vp:` handler hands the wallet.
 *
 *   openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3AzDn…&request_uri=https%3A%2F%2F…
 *                [&request_uri_method=post]                                  (by reference)
 *   openid4vp://?client_id=…&request=eyJhbGciOi…                             (request object by value)
 *   openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2F…&response_type=vp_token
 *                &response_mode=direct_post&nonce=…&dcql_query=%7B…%7D       (parameters by value)
 *
 * Any scheme is read the same way (`openid4vp:`, `haip-vp:`, `eudi-openid4vp:`, `https://wallet…`):
 * only the query matters. `resolvePresentationRequest` fetches a request object by reference with
 * an injected fetch, checks the `client_id` of the URI against the request object's (RFC 9101
 * §6.3; OpenID4VP §5.10.1) and verifies it (request.ts).
 */
import { shortValue as show } from '../../jose/compact-jws.ts';
import type { JwsCrypto } from '../../jose/jws-crypto.ts';
import { failedWith, ok } from '../../result.ts';
import type { Result } from '../../result.ts';
import {
  MAX_REQUEST_LENGTH,
  RESPONSE_ENC_VALUES,
  verifyPresentationRequest,
  verifyRequestParameters,
} from '../request.ts';
import type { PresentationRequest, RequestProblem } from '../request.ts';
import { readCappedText } from './http.ts';
import type { FetchLike } from './http.ts';
import { formEncode, isSafeHttpUrl, queryOf } from './url.ts';

/** Longest authorization request URI read (a by-value request with a DCQL query is ~2 KB). */
export const MAX_AUTHORIZATION_REQUEST_URI_LENGTH = 32 * 1024;
export const MAX_REQUEST_PARAMETERS = 64;
export const REQUEST_OBJECT_MEDIA_TYPE = 'application/oauth-authz-req+jwt';

export type AuthorizationRequestUri =
  | {
      readonly kind: 'by-reference';
      readonly clientId: string;
      readonly requestUri: string;
      readonly method: 'get' | 'post';
    }
  | { readonly kind: 'by-value'; readonly clientId: string; readonly request: string }
  | { readonly kind: 'parameters'; readonly params: Readonly<Record<string, string>> };

type Problem = { message: string };
const malformed = (message: string) => failedWith('malformed' as const, { message });

/**
 * Reads an authorization request URI. Total: `malformed` for text that is no URI with a query, a
 * parameter given twice (RFC 6749 §3.1), `request` together with `request_uri`, a `request_uri`
 * that is not https (http only to localhost), or a `request_uri_method` other than get or post.
 * Unknown parameters are kept for the request parser, which ignores them.
 */
export function parseAuthorizationRequestUri(
  uri: string,
): Result<AuthorizationRequestUri, 'malformed', Problem> {
  if (typeof uri !== 'string') return malformed(`expected text, got ${typeof uri}`);
  const text = uri.trim();
  if (text.length > MAX_AUTHORIZATION_REQUEST_URI_LENGTH) {
    return malformed(
      `the request URI is ${text.length} characters; at most ${MAX_AUTHORIZATION_REQUEST_URI_LENGTH}`,
    );
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*\?/.test(text)) {
    return malformed('expected a URI with a query, like openid4vp://?client_id=…');
  }
  const pairs = queryOf(text);
  if (pairs === undefined) return malformed('the query is not valid percent-encoded UTF-8');
  if (pairs.length > MAX_REQUEST_PARAMETERS) {
    return malformed(`the query has ${pairs.length} parameters; at most ${MAX_REQUEST_PARAMETERS}`);
  }
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of pairs) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      return malformed(`the parameter ${show(name)} is given twice`);
    }
    params[name] = value;
  }
  const { client_id: clientId, request, request_uri: requestUri } = params;
  const method = params.request_uri_method;
  if (clientId === undefined || clientId === '') return malformed('"client_id" is missing');
  if (request !== undefined && requestUri !== undefined) {
    return malformed('"request" and "request_uri" must not both be present');
  }
  if (method !== undefined && requestUri === undefined) {
    return malformed('"request_uri_method" without "request_uri"');
  }
  if (requestUri !== undefined) {
    if (!isSafeHttpUrl(requestUri)) {
      return malformed(
        `"request_uri" expected an https URL (http only to localhost), got ${show(requestUri)}`,
      );
    }
    if (method !== undefined && method !== 'get' && method !== 'post') {
      return malformed(`"request_uri_method" expected get or post, got ${show(method)}`);
    }
    return ok({ kind: 'by-reference', clientId, requestUri, method: method ?? 'get' });
  }
  if (request !== undefined) return ok({ kind: 'by-value', clientId, request });
  return ok({ kind: 'parameters', params: { ...params } });
}

/** What this wallet tells a verifier's request_uri in a POST (OpenID4VP §5.10, §10). */
export const VOUCH_WALLET_METADATA = {
  vp_formats_supported: {
    'dc+sd-jwt': {
      'sd-jwt_alg_values': ['ES256', 'EdDSA', 'ES256K'],
      'kb-jwt_alg_values': ['ES256K'],
    },
  },
  client_id_prefixes_supported: ['decentralized_identifier', 'redirect_uri'],
  request_object_signing_alg_values_supported: ['ES256', 'EdDSA', 'ES256K'],
  response_types_supported: ['vp_token'],
  response_modes_supported: ['direct_post', 'direct_post.jwt', 'fragment'],
  authorization_encryption_alg_values_supported: ['ECDH-ES'],
  authorization_encryption_enc_values_supported: [...RESPONSE_ENC_VALUES],
};

export type ResolveProblem =
  | RequestProblem
  /** The request_uri did not answer with a request object (network, status, size). */
  | 'fetch-failed'
  /** The client_id of the URI is not the request object's. */
  | 'client-id-mismatch';

export interface ResolveOptions {
  fetch: FetchLike;
  crypto: JwsCrypto;
  now: Date;
  /** Sent with request_uri_method=post; the request object must echo it. Fresh, random. */
  walletNonce?: string;
  /** Sent with request_uri_method=post (default VOUCH_WALLET_METADATA). */
  walletMetadata?: Readonly<Record<string, unknown>>;
}

/**
 * From an authorization request URI to a verified request: fetch the request object by reference
 * (GET with Accept `application/oauth-authz-req+jwt`, or POST `wallet_metadata` and `wallet_nonce`
 * when request_uri_method=post; no redirects; at most MAX_REQUEST_LENGTH), or read it by value,
 * check that its `client_id` is the URI's, and verify it. Total: never throws, and no message
 * holds the URI's parameters.
 */
export async function resolvePresentationRequest(
  uri: string,
  opts: ResolveOptions,
): Promise<Result<PresentationRequest, ResolveProblem, Problem>> {
  const parsed = parseAuthorizationRequestUri(uri);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  if (request.kind === 'parameters') {
    return verifyRequestParameters(request.params, { now: opts.now, raw: uri.trim() });
  }
  let object: string;
  let walletNonce: string | undefined;
  if (request.kind === 'by-value') {
    object = request.request;
  } else {
    const post = request.method === 'post';
    walletNonce = post ? opts.walletNonce : undefined;
    const fetched = await fetchRequestObject(request.requestUri, {
      fetch: opts.fetch,
      ...(post
        ? {
            form: formEncode([
              ['wallet_metadata', JSON.stringify(opts.walletMetadata ?? VOUCH_WALLET_METADATA)],
              ...(walletNonce === undefined ? [] : [['wallet_nonce', walletNonce] as const]),
            ]),
          }
        : {}),
    });
    if (!fetched.ok) return fetched;
    object = fetched.value;
  }
  const verified = await verifyPresentationRequest(object, {
    crypto: opts.crypto,
    now: opts.now,
    ...(walletNonce === undefined ? {} : { walletNonce }),
  });
  if (!verified.ok) return verified;
  if (verified.value.clientId !== request.clientId) {
    return failedWith('client-id-mismatch', {
      message: `the request object's client_id is not the client_id of the link (OpenID4VP §5.10.1)`,
    });
  }
  return verified;
}

async function fetchRequestObject(
  requestUri: string,
  opts: { fetch: FetchLike; form?: string },
): Promise<Result<string, 'fetch-failed', Problem>> {
  const failed = (message: string) => failedWith('fetch-failed' as const, { message });
  let response;
  try {
    response = await opts.fetch(requestUri, {
      method: opts.form === undefined ? 'GET' : 'POST',
      headers: {
        accept: REQUEST_OBJECT_MEDIA_TYPE,
        ...(opts.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(opts.form === undefined ? {} : { body: opts.form }),
      redirect: 'error',
    });
  } catch {
    return failed("the verifier's request_uri could not be reached");
  }
  if (response.status < 200 || response.status > 299) {
    return failed(`the verifier's request_uri answered HTTP ${response.status}`);
  }
  let text: string | undefined;
  try {
    text = await readCappedText(response, MAX_REQUEST_LENGTH);
  } catch {
    return failed("the verifier's request_uri answer could not be read");
  }
  if (text === undefined) {
    return failed(`the request object is over ${MAX_REQUEST_LENGTH} bytes or not UTF-8`);
  }
  return ok(text.trim());
}
