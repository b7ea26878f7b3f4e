/**
 * More copies of a credential the wallet already holds, online (issue 13): the OAuth 2.0
 * refresh_token grant (RFC 6749 §6, which OpenID4VCI 1.0 §6 lets the token endpoint take), then
 * one batch credential request (§8) with fresh key proofs.
 *
 *   POST token_endpoint  grant_type=refresh_token&refresh_token=…
 *     → {access_token, token_type: Bearer, refresh_token: <the next one>}
 *   POST nonce_endpoint, POST credential_endpoint (as for an offer)
 *
 * The issuer rotates the refresh token: the old one is spent as soon as it answers, so
 * `saveRefreshToken` is called with the new one BEFORE the credential request (a failure after it
 * must not lose the way to renew). An `invalid_grant` is `refresh-refused`: used, expired, or the
 * credential was revoked — the issuer renews this credential no more.
 */
import { failedWith, ok } from '../result.ts';
import { checkProofKeys, resolveIssuer, requestToken, retrieveCredentials } from './client.ts';
import type { ClientResult, ReceivedCredentials } from './client.ts';
import type { HttpFetch } from './http.ts';
import { JWT_VC_JSON_FORMAT, SD_JWT_VC_FORMAT } from './metadata.ts';
import type { ProofKey } from './proof.ts';
import { REFRESH_TOKEN_GRANT } from './token.ts';

export interface RefreshCredentialsOptions {
  fetch: HttpFetch;
  /** The Credential Issuer Identifier the credential came from. */
  credentialIssuer: string;
  /** The configuration it was issued under (the refresh renews that one only). */
  configurationId: string;
  refreshToken: string;
  /** Copies wanted; the issuer's batch_size may make it fewer. */
  copies: number;
  /**
   * One fresh key per copy, made once the issuer's batch_size is known (`count` = min(copies,
   * batch_size)) and before anything is sent.
   */
  makeProofKeys: (count: number) => Promise<readonly ProofKey[]>;
  now: Date;
  /**
   * Keeps the refresh token the issuer rotated to (undefined: it sent none, renewal ends here).
   * Called before the credential request; the old token is spent from then on.
   */
  saveRefreshToken: (next: string | undefined) => Promise<void>;
}

/** Renews a credential: a new access token for a refresh token, then a batch of fresh copies. */
export async function refreshCredentials(
  options: RefreshCredentialsOptions,
): Promise<ClientResult<ReceivedCredentials>> {
  const { fetch } = options;
  const fail = (reason: 'unsupported' | 'bad-metadata', message: string) =>
    failedWith(reason, { message });
  const issuer = await resolveIssuer(fetch, options.credentialIssuer);
  if (!issuer.ok) return issuer;
  const { issuerMetadata, authorizationServer } = issuer.value;
  const configuration = Object.hasOwn(
    issuerMetadata.credential_configurations_supported,
    options.configurationId,
  )
    ? issuerMetadata.credential_configurations_supported[options.configurationId]
    : undefined;
  if (configuration === undefined) {
    return fail('bad-metadata', 'the issuer no longer describes this credential');
  }
  const format =
    configuration.format === SD_JWT_VC_FORMAT
      ? SD_JWT_VC_FORMAT
      : configuration.format === JWT_VC_JSON_FORMAT
        ? JWT_VC_JSON_FORMAT
        : undefined;
  if (format === undefined) return fail('unsupported', 'the issuer changed the credential format');
  const maxCopies = issuerMetadata.batch_credential_issuance?.batch_size ?? 1;
  if (!Number.isSafeInteger(options.copies) || options.copies < 1) {
    return fail('unsupported', `asked for ${options.copies} copies`);
  }
  const proofKeys = await options.makeProofKeys(Math.min(options.copies, maxCopies));
  const keys = checkProofKeys(configuration, proofKeys);
  if (!keys.ok) return keys;

  const token = await requestToken(
    fetch,
    authorizationServer.token_endpoint,
    { grant_type: REFRESH_TOKEN_GRANT, refresh_token: options.refreshToken },
    'refresh-refused',
  );
  if (!token.ok) return token;
  await options.saveRefreshToken(token.value.refreshToken);

  const credentials = await retrieveCredentials({
    fetch,
    issuerMetadata,
    configurationId: options.configurationId,
    accessToken: token.value.accessToken,
    proofKeys,
    now: options.now,
  });
  if (!credentials.ok) return credentials;
  return ok({
    configurationId: options.configurationId,
    configuration,
    format,
    credentials: credentials.value,
    ...(token.value.refreshToken === undefined ? {} : { refreshToken: token.value.refreshToken }),
  });
}
