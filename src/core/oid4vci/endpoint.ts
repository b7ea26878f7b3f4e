/**
 * What an issuer-side OpenID4VCI function answers: an HTTP status, headers and a JSON body, for
 * the server to send as is. Errors are OAuth-shaped (RFC 6749 §5.2; OpenID4VCI §6.3, §7.2, §8.3.1):
 * `{"error": "<code>", "error_description": "<sentence>"}`; descriptions never hold secrets.
 * Also the storage port the server implements atomically in its database, and secret digests.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Did } from '../brand.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { CredentialFormat } from './metadata.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';

export interface EndpointResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}

/** OAuth 2.0 and OpenID4VCI error codes Vouch's issuer answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_grant'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'invalid_token'
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'unknown_credential_identifier'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'invalid_encryption_parameters'
  | 'credential_request_denied'
  | 'server_error';

/** Token, nonce and credential answers are never cached (RFC 6749 §5.1; OpenID4VCI §7.2). */
export const NO_STORE: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json',
});

export function oauthError(
  status: number,
  error: OAuthErrorCode,
  description: string,
  headers: Record<string, string> = {},
): EndpointResponse {
  return {
    status,
    headers: { ...NO_STORE, ...headers },
    body: { error, error_description: description.slice(0, 300) },
  };
}

export function jsonAnswer(body: Record<string, unknown>, status = 200): EndpointResponse {
  return { status, headers: { ...NO_STORE }, body };
}

/**
 * SHA-256 (base64url) of a secret the server keeps only as a digest: access tokens and
 * Transaction Codes. A database dump then holds nothing that can be replayed.
 */
export function digestSecret(secret: string): string {
  return encodeBase64Url(sha256(utf8ToBytes(secret)));
}

/** Compares two digests in time independent of where they differ. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** A pre-authorized code the server holds for an offer (created with the offer). */
export interface PreAuthorizedCodeRecord {
  /** The server's id of the offer. */
  readonly offerId: string;
  /** The configurations the offer names (what the access token will allow). */
  readonly credentialConfigurationIds: readonly string[];
  /** digestSecret(tx code) when the offer asks for a Transaction Code. */
  readonly txCodeDigest?: string;
  readonly expiresAt: Date;
  /**
   * Transaction Code attempts taken so far (`reserveTxCodeAttempt`). An attempt counts as wrong
   * from the moment it is taken; a right one redeems the code, so while the code is open this is
   * the number of wrong codes tried (plus any still being compared).
   */
  readonly wrongTxCodeAttempts: number;
}

/** What an access token allows. */
export interface AccessTokenRecord {
  readonly offerId: string;
  readonly credentialConfigurationIds: readonly string[];
  readonly expiresAt: Date;
}

/** What the server issues for an offer: the type, the claims the desk entered, the format. */
export interface OfferToIssue {
  readonly type: CredentialTypeId;
  readonly claims: Readonly<Record<string, unknown>>;
  /** `jwt_vc_json` for a W3C VC-JWT; absent or `dc+sd-jwt` for an SD-JWT VC. */
  readonly format?: CredentialFormat;
}

/**
 * The storage port of the issuer side. The server implements it on its database; every method
 * that consumes something must be atomic (one UPDATE … WHERE not yet used, or one DELETE), so
 * that several `vouch serve` instances behind a load balancer never hand out anything twice.
 */
export interface IssuanceStore {
  /** The record of an unredeemed pre-authorized code, or undefined (unknown or redeemed). */
  findPreAuthorizedCode(code: string): Promise<PreAuthorizedCodeRecord | undefined>;
  /**
   * Atomically takes one Transaction Code attempt of an unredeemed code, BEFORE its tx_code is
   * compared: adds one to its attempts and answers true, only if fewer than `max` were taken;
   * false when `max` were (or the code is unknown or redeemed). One conditional UPDATE, so
   * however many requests race, on however many servers, at most `max` codes are ever compared.
   */
  reserveTxCodeAttempt(code: string, max: number): Promise<boolean>;
  /**
   * Atomically marks the code redeemed and stores the access token (its digest) for the same
   * offer. False when it was already redeemed (a concurrent request won): nothing is stored.
   */
  redeemPreAuthorizedCode(
    code: string,
    accessToken: { digest: string; expiresAt: Date },
    refreshToken?: { digest: string; expiresAt: Date },
  ): Promise<boolean>;
  /**
   * The refresh_token grant (RFC 6749 §6), when the store supports it: atomically spends the
   * unused, unexpired refresh token (by digest) and stores a new access token and a new refresh
   * token for the SAME offer (configuration and claims). `revoked` when a copy issued for that
   * offer was revoked (nothing is stored); `unknown` when the token is unknown, used or expired.
   * A used refresh token presented again also ends every open refresh token of its offer
   * (reuse detection, RFC 9700 §4.14.2): someone holds a copy of it.
   */
  rotateRefreshToken?(
    digest: string,
    next: {
      accessToken: { digest: string; expiresAt: Date };
      refreshToken: { digest: string; expiresAt: Date };
    },
  ): Promise<'ok' | 'unknown' | 'revoked'>;
  /** Stores a fresh c_nonce until it expires. */
  saveNonce(nonce: string, expiresAt: Date): Promise<void>;
  /** Atomically deletes the nonce: true once, if it existed and had not expired at `now`. */
  consumeNonce(nonce: string, now: Date): Promise<boolean>;
  /** The record of an unused access token (by digest), or undefined. */
  findAccessToken(digest: string): Promise<AccessTokenRecord | undefined>;
  /**
   * Atomically marks the access token used and returns what to issue. Undefined when it was
   * already used (one credential request per offer; a batch is one request).
   */
  claimIssuance(digest: string): Promise<OfferToIssue | undefined>;
}

/** The issuer key: the same one the desk signs with (ServerContext.issuer). */
export interface IssuerSigningKey {
  readonly did: Did;
  readonly alg: JwsAlgorithm;
  readonly sign: JwsSign;
}
