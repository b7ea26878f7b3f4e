/**
 * Token Endpoint, pre-authorized code flow (OpenID4VCI 1.0 §6; RFC 6749 §3.2, §5).
 *
 * Request (form): `grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code`,
 * `pre-authorized_code`, and `tx_code` when the offer asked for one. Anonymous clients are
 * welcome (`pre-authorized_grant_anonymous_access_supported`); `client_id`, `resource`, the legacy
 * `user_pin` and any other parameter are ignored.
 *
 * Answer: `{"access_token","token_type":"Bearer","expires_in"}` with `Cache-Control: no-store`,
 * or an OAuth error (§6.3): `invalid_request` (a missing parameter, or a tx_code missing when one
 * is expected, or sent when none is), `invalid_grant` (unknown, expired or used code; a wrong
 * tx_code), `unsupported_grant_type`.
 */
import { encodeBase64Url } from '../encoding/base64url.ts';
import { parseJsonObject } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { digestSecret, jsonAnswer, oauthError, sameDigest } from './endpoint.ts';
import type { EndpointResponse, IssuanceStore } from './endpoint.ts';
import { parseFormBody } from './http.ts';
import { PRE_AUTHORIZED_CODE_GRANT } from './offer.ts';

export const MAX_TOKEN_REQUEST_LENGTH = 8 * 1024;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 300;
/** After this many wrong Transaction Codes the pre-authorized code is dead (brute force). */
export const MAX_TX_CODE_ATTEMPTS = 5;
const ACCESS_TOKEN_BYTES = 32;

export interface TokenRequest {
  grantType: string;
  preAuthorizedCode: string;
  txCode?: string;
}

/** Reads the token request form body. */
export function parseTokenRequest(
  body: string,
): Result<TokenRequest, 'invalid_request' | 'unsupported_grant_type', { message: string }> {
  const form = parseFormBody(body, 'the token request', MAX_TOKEN_REQUEST_LENGTH);
  if (!form.ok) return failedWith('invalid_request', form.detail);
  const grantType = form.value.get('grant_type');
  if (grantType === undefined || grantType === '') {
    return failedWith('invalid_request', { message: '"grant_type" is missing' });
  }
  if (grantType !== PRE_AUTHORIZED_CODE_GRANT) {
    return failedWith('unsupported_grant_type', {
      message: `only the pre-authorized code grant is supported, got "${grantType.slice(0, 80)}"`,
    });
  }
  const code = form.value.get('pre-authorized_code');
  if (code === undefined || code === '') {
    return failedWith('invalid_request', { message: '"pre-authorized_code" is missing' });
  }
  const txCode = form.value.get('tx_code');
  return ok({ grantType, preAuthorizedCode: code, ...(txCode === undefined ? {} : { txCode }) });
}

/** Makes a random pre-authorized code (or any other bearer secret): 256 bits, base64url. */
export function createSecret(randomBytes: (n: number) => Uint8Array): string {
  return encodeBase64Url(randomBytes(ACCESS_TOKEN_BYTES));
}

/**
 * Handles POST /token. `body` is the raw form body. The store finds, redeems and remembers;
 * this function decides. The access token is handed out once and kept only as a digest.
 */
export async function handleTokenRequest(
  body: string,
  deps: {
    store: IssuanceStore;
    now: Date;
    randomBytes: (n: number) => Uint8Array;
    accessTokenTtlSeconds?: number;
  },
): Promise<EndpointResponse> {
  const { store, now, accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS } = deps;
  const request = parseTokenRequest(body);
  if (!request.ok) return oauthError(400, request.reason, request.detail.message);
  const { preAuthorizedCode, txCode } = request.value;
  const record = await store.findPreAuthorizedCode(preAuthorizedCode);
  if (!record || record.expiresAt.getTime() <= now.getTime()) {
    return oauthError(400, 'invalid_grant', 'the pre-authorized code is unknown, used or expired');
  }
  if (record.txCodeDigest === undefined && txCode !== undefined) {
    return oauthError(
      400,
      'invalid_request',
      'this offer has no transaction code, but one was sent',
    );
  }
  if (record.txCodeDigest !== undefined) {
    if (txCode === undefined || txCode === '') {
      return oauthError(
        400,
        'invalid_request',
        'this offer needs its transaction code ("tx_code")',
      );
    }
    // The attempt is taken before the code is compared, and counts as wrong unless the code is
    // redeemed: parallel guesses cannot all read the same count and all be compared. (The count
    // in the record only spares the database a write once the attempts are gone.)
    if (
      record.wrongTxCodeAttempts >= MAX_TX_CODE_ATTEMPTS ||
      !(await store.reserveTxCodeAttempt(preAuthorizedCode, MAX_TX_CODE_ATTEMPTS))
    ) {
      return oauthError(
        400,
        'invalid_grant',
        'too many wrong transaction codes, or the code was used; ask for a new offer',
      );
    }
    if (!sameDigest(digestSecret(txCode), record.txCodeDigest)) {
      return oauthError(400, 'invalid_grant', 'the transaction code is wrong');
    }
  }
  const accessToken = createSecret(deps.randomBytes);
  const redeemed = await store.redeemPreAuthorizedCode(preAuthorizedCode, {
    digest: digestSecret(accessToken),
    expiresAt: new Date(now.getTime() + accessTokenTtlSeconds * 1000),
  });
  if (!redeemed) {
    return oauthError(400, 'invalid_grant', 'the pre-authorized code is unknown, used or expired');
  }
  return jsonAnswer({
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: accessTokenTtlSeconds,
  });
}

// ---- holder side -----------------------------------------------------------------------------

export const MAX_TOKEN_RESPONSE_LENGTH = 16 * 1024;

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn?: number;
}

/** Reads a successful token response (RFC 6749 §5.1). Only the Bearer token type is usable. */
export function parseTokenResponse(
  text: string,
): Result<TokenResponse, 'bad-token-response', { message: string }> {
  const bad = (message: string) => failedWith('bad-token-response' as const, { message });
  if (text.length > MAX_TOKEN_RESPONSE_LENGTH) return bad('the token response is too large');
  const json = parseJsonObject(text, 'the token response');
  if (!json.ok) return bad(json.detail.message);
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = json.value;
  if (typeof accessToken !== 'string' || accessToken === '' || accessToken.length > 4096) {
    return bad('"access_token" must be a non-empty string');
  }
  // RFC 6749 §5.1: token_type is case insensitive.
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    return bad(
      `"token_type" must be "Bearer" (DPoP is not supported), got ${JSON.stringify(tokenType)?.slice(0, 40)}`,
    );
  }
  return ok({
    accessToken,
    tokenType: 'Bearer',
    ...(Number.isSafeInteger(expiresIn) ? { expiresIn: expiresIn as number } : {}),
  });
}

/** Reads an OAuth error body (RFC 6749 §5.2); undefined when it is not one. */
export function parseOAuthErrorBody(
  text: string,
): { error: string; description?: string } | undefined {
  if (text.length > MAX_TOKEN_RESPONSE_LENGTH) return undefined;
  const json = parseJsonObject(text, 'the error');
  if (!json.ok || typeof json.value.error !== 'string') return undefined;
  const description = json.value.error_description;
  return {
    error: json.value.error.slice(0, 100),
    ...(typeof description === 'string' ? { description: description.slice(0, 300) } : {}),
  };
}
