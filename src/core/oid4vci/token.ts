/**
 * Token Endpoint, pre-authorized code flow (OpenID4VCI 1.0 §6; RFC 6749 §3.2, §5).
 *
 * Request (form): `grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code`,
 * `pre-authorized_code`, and `tx_code` when the offer asked for one. Anonymous clients are
 * welcome (`pre-authorized_grant_anonymous_access_supported`); `client_id`, `resource`, the legacy
 * `user_pin` and any other parameter are ignored.
 *
 * Answer: `{"access_token","token_type":"Bearer","expires_in","refresh_token"?}` with
 * `Cache-Control: no-store`, or an OAuth error (§6.3): `invalid_request` (a missing parameter, or
 * a tx_code missing when one is expected, or sent when none is), `invalid_grant` (unknown, expired
 * or used code; a wrong tx_code), `unsupported_grant_type`.
 *
 * Refresh (RFC 6749 §6, issue 13): when the store keeps refresh tokens, the answer also carries a
 * `refresh_token` (256 random bits, stored as its digest, single use, valid
 * `refreshTokenTtlSeconds`, default 400 days). `grant_type=refresh_token&refresh_token=…` spends
 * it and answers a new access token — good for one credential request for the same configuration
 * and claims, with a batch of fresh key proofs — and a new refresh token (rotation). A peer that
 * does not know refresh tokens ignores the member (RFC 6749 §5.1).
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
/** How long a refresh token stays good: a little over a year, so a yearly credential renews. */
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 400 * 86_400;
export const REFRESH_TOKEN_GRANT = 'refresh_token';
const ACCESS_TOKEN_BYTES = 32;

export type TokenRequest =
  | { grantType: typeof PRE_AUTHORIZED_CODE_GRANT; preAuthorizedCode: string; txCode?: string }
  | { grantType: typeof REFRESH_TOKEN_GRANT; refreshToken: string };

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
  if (grantType === REFRESH_TOKEN_GRANT) {
    const refreshToken = form.value.get('refresh_token');
    if (refreshToken === undefined || refreshToken === '') {
      return failedWith('invalid_request', { message: '"refresh_token" is missing' });
    }
    return ok({ grantType, refreshToken });
  }
  if (grantType !== PRE_AUTHORIZED_CODE_GRANT) {
    return failedWith('unsupported_grant_type', {
      message: `only the pre-authorized code and refresh_token grants are supported, got "${grantType.slice(0, 80)}"`,
    });
  }
  const code = form.value.get('pre-authorized_code');
  if (code === undefined || code === '') {
    return failedWith('invalid_request', { message: '"pre-authorized_code" is missing' });
  }
  const txCode = form.value.get('tx_code');
  return ok({
    grantType: PRE_AUTHORIZED_CODE_GRANT,
    preAuthorizedCode: code,
    ...(txCode === undefined ? {} : { txCode }),
  });
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
    /** Lifetime of refresh tokens (default 400 days); 0 hands out none. */
    refreshTokenTtlSeconds?: number;
  },
): Promise<EndpointResponse> {
  const { store, now, accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS } = deps;
  const refreshTtl = deps.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS;
  const refreshes = store.rotateRefreshToken !== undefined && refreshTtl > 0;
  const request = parseTokenRequest(body);
  if (!request.ok) return oauthError(400, request.reason, request.detail.message);
  const newSecret = (ttlSeconds: number) => {
    const secret = createSecret(deps.randomBytes);
    return {
      secret,
      digest: digestSecret(secret),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    };
  };
  const answer = (
    access: { secret: string },
    refresh: { secret: string } | undefined,
  ): EndpointResponse =>
    jsonAnswer({
      access_token: access.secret,
      token_type: 'Bearer',
      expires_in: accessTokenTtlSeconds,
      ...(refresh === undefined ? {} : { refresh_token: refresh.secret }),
    });

  if (request.value.grantType === REFRESH_TOKEN_GRANT) {
    if (!refreshes || store.rotateRefreshToken === undefined) {
      return oauthError(400, 'unsupported_grant_type', 'this issuer hands out no refresh tokens');
    }
    const access = newSecret(accessTokenTtlSeconds);
    const refresh = newSecret(refreshTtl);
    const rotated = await store.rotateRefreshToken(digestSecret(request.value.refreshToken), {
      accessToken: access,
      refreshToken: refresh,
    });
    if (rotated === 'revoked') {
      return oauthError(400, 'invalid_grant', 'the credential was revoked; it is not renewed');
    }
    if (rotated !== 'ok') {
      return oauthError(400, 'invalid_grant', 'the refresh token is unknown, used or expired');
    }
    return answer(access, refresh);
  }

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
  const access = newSecret(accessTokenTtlSeconds);
  const refresh = refreshes ? newSecret(refreshTtl) : undefined;
  const redeemed = await store.redeemPreAuthorizedCode(preAuthorizedCode, access, refresh);
  if (!redeemed) {
    return oauthError(400, 'invalid_grant', 'the pre-authorized code is unknown, used or expired');
  }
  return answer(access, refresh);
}

// ---- holder side -----------------------------------------------------------------------------

export const MAX_TOKEN_RESPONSE_LENGTH = 16 * 1024;

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn?: number;
  /** RFC 6749 §5.1: present when the issuer lets the wallet renew (refresh_token grant). */
  refreshToken?: string;
}

/** Reads a successful token response (RFC 6749 §5.1). Only the Bearer token type is usable. */
export function parseTokenResponse(
  text: string,
): Result<TokenResponse, 'bad-token-response', { message: string }> {
  const bad = (message: string) => failedWith('bad-token-response' as const, { message });
  if (text.length > MAX_TOKEN_RESPONSE_LENGTH) return bad('the token response is too large');
  const json = parseJsonObject(text, 'the token response');
  if (!json.ok) return bad(json.detail.message);
  const {
    access_token: accessToken,
    token_type: tokenType,
    expires_in: expiresIn,
    refresh_token: refreshToken,
  } = json.value;
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
    // A refresh token that is not a sane string is ignored, not fatal: the credentials still come.
    ...(typeof refreshToken === 'string' && refreshToken !== '' && refreshToken.length <= 4096
      ? { refreshToken }
      : {}),
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
