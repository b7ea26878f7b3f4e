/**
 * Nonce Endpoint (OpenID4VCI 1.0 §7) and Credential Endpoint (§8).
 *
 * POST /nonce → `{"c_nonce": "<fresh>"}`, `Cache-Control: no-store` (§7.2).
 *
 * POST /credential with `Authorization: Bearer <access token>` and
 *   {"credential_configuration_id": "income-statement", "proofs": {"jwt": ["<proof>", …]}}
 * → 200 {"credentials": [{"credential": "<dc+sd-jwt>"}, …]} (§8.3), one credential per proof, each
 * bound (`cnf.jwk`) to its proof's key. For a `jwt_vc_json` configuration (`diploma-w3c`) each is
 * a W3C VC-JWT whose `sub` is the did:key of its proof's key (ES256K, P-256 or Ed25519). Several proofs make a batch (at most
 * `batch_credential_issuance.batch_size`); all carry the same c_nonce, which is consumed once.
 * Errors (§8.3.1.2): `invalid_credential_request`, `unknown_credential_configuration`,
 * `invalid_proof`, `invalid_nonce`, `invalid_encryption_parameters`; a bad token is 401
 * `invalid_token` with `WWW-Authenticate: Bearer` (RFC 6750 §3).
 *
 * Issuing is the offline desk's own (issue.ts): the same SD-JWT VC bytes either way.
 */
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { parseJsonObject, shortValue } from '../jose/compact-jws.ts';
import { publicJwkThumbprint } from '../jose/jwk.ts';
import { CREDENTIAL_TYPE_IDS } from '../credentials/index.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { digestSecret, jsonAnswer, oauthError } from './endpoint.ts';
import type {
  EndpointResponse,
  IssuanceStore,
  IssuerSigningKey,
  OAuthErrorCode,
} from './endpoint.ts';
import { issueVouchCredential, issueVouchW3cCredential } from './issue.ts';
import {
  credentialConfigurationId,
  DEFAULT_BATCH_SIZE,
  JWT_PROOF_TYPE,
  JWT_VC_JSON_FORMAT,
  SD_JWT_VC_FORMAT,
} from './metadata.ts';
import { verifyKeyProof } from './proof.ts';
import type { VerifiedKeyProof } from './proof.ts';
import { createSecret } from './token.ts';

export const DEFAULT_NONCE_TTL_SECONDS = 300;

/** 00:00:00 UTC of the day `now` falls in: the `iat` of every copy issued that day. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
}
export const MAX_CREDENTIAL_REQUEST_LENGTH = 128 * 1024;

/** Handles POST /nonce: a fresh c_nonce, stored until it expires. */
export async function handleNonceRequest(deps: {
  store: IssuanceStore;
  now: Date;
  randomBytes: (n: number) => Uint8Array;
  nonceTtlSeconds?: number;
}): Promise<EndpointResponse> {
  const nonce = createSecret(deps.randomBytes);
  const ttl = deps.nonceTtlSeconds ?? DEFAULT_NONCE_TTL_SECONDS;
  await deps.store.saveNonce(nonce, new Date(deps.now.getTime() + ttl * 1000));
  return jsonAnswer({ c_nonce: nonce });
}

export interface CredentialRequest {
  credentialConfigurationId: string;
  proofs: string[];
}

type RequestProblem = Extract<
  OAuthErrorCode,
  'invalid_credential_request' | 'invalid_proof' | 'invalid_encryption_parameters'
>;

/** Reads a credential request body (§8.2). */
export function parseCredentialRequest(
  body: string,
  options: { batchSize: number },
): Result<CredentialRequest, RequestProblem, { message: string }> {
  const invalid = (message: string) =>
    failedWith('invalid_credential_request' as const, { message });
  if (typeof body !== 'string') return invalid('the request has no body');
  if (body.length > MAX_CREDENTIAL_REQUEST_LENGTH) {
    return invalid(
      `the request is ${body.length} characters, more than ${MAX_CREDENTIAL_REQUEST_LENGTH}`,
    );
  }
  const json = parseJsonObject(body, 'the credential request');
  if (!json.ok) return invalid(json.detail.message);
  const request = json.value;
  if (request.credential_identifier !== undefined) {
    return invalid(
      '"credential_identifier" is not used here (no authorization_details were granted); send "credential_configuration_id"',
    );
  }
  const id = request.credential_configuration_id;
  if (typeof id !== 'string' || id === '' || id.length > 256) {
    return invalid(`"credential_configuration_id" must be a string, got ${shortValue(id)}`);
  }
  if (request.credential_response_encryption !== undefined) {
    return failedWith('invalid_encryption_parameters', {
      message: 'this issuer does not encrypt credential responses',
    });
  }
  if (request.proof !== undefined) {
    return invalid('"proof" is not part of OpenID4VCI 1.0; send "proofs": {"jwt": [...]}');
  }
  const { proofs } = request;
  if (proofs === undefined) {
    return failedWith('invalid_proof', { message: 'a key proof is required ("proofs")' });
  }
  if (typeof proofs !== 'object' || proofs === null || Array.isArray(proofs)) {
    return invalid('"proofs" must be an object');
  }
  const types = Object.keys(proofs);
  if (types.length !== 1) return invalid('"proofs" must have exactly one proof type');
  if (types[0] !== JWT_PROOF_TYPE) {
    return failedWith('invalid_proof', {
      message: `proof type "${(types[0] ?? '').slice(0, 40)}" is not supported; use "jwt"`,
    });
  }
  const jwts = (proofs as Record<string, unknown>)[JWT_PROOF_TYPE];
  if (!Array.isArray(jwts) || jwts.length === 0) {
    return invalid('"proofs.jwt" must be a non-empty array');
  }
  if (jwts.length > options.batchSize) {
    return invalid(
      `"proofs.jwt" has ${jwts.length} proofs; at most ${options.batchSize} per request`,
    );
  }
  if (!jwts.every((jwt): jwt is string => typeof jwt === 'string')) {
    return invalid('every entry of "proofs.jwt" must be a string');
  }
  return ok({ credentialConfigurationId: id, proofs: jwts });
}

export interface CredentialEndpointDeps {
  store: IssuanceStore;
  crypto: JwsCrypto;
  issuer: IssuerSigningKey;
  /** The Credential Issuer Identifier: key proofs must name it in `aud`. */
  credentialIssuer: string;
  now: Date;
  randomBytes: (n: number) => Uint8Array;
  /**
   * Allocates `count` status list entries (atomically, never reused, each drawn at random) for
   * the copies about to be issued for the offer `offerId`: `{ uri, idx }` each, put in the
   * credential's `status.status_list`. The server remembers which offer they belong to, so
   * revoking one copy revokes them all, and a revoked credential is not refreshed.
   */
  allocateStatus: (
    count: number,
    offerId: string,
  ) => Promise<readonly { uri: string; idx: number }[]>;
  batchSize?: number;
  /** Decoy digests per credential (default 0, like `vouch issue`). */
  decoys?: number;
}

function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization.trim());
  return match?.[1];
}

const unauthorized = (description: string) =>
  oauthError(401, 'invalid_token', description, {
    'WWW-Authenticate': `Bearer error="invalid_token"`,
  });

/** Handles POST /credential. `authorization` is the request's Authorization header. */
export async function handleCredentialRequest(
  request: { authorization: string | undefined; body: string },
  deps: CredentialEndpointDeps,
): Promise<EndpointResponse> {
  const { store, now, batchSize = DEFAULT_BATCH_SIZE } = deps;
  const token = bearerToken(request.authorization);
  if (token === undefined) return unauthorized('a Bearer access token is required');
  const digest = digestSecret(token);
  const grant = await store.findAccessToken(digest);
  if (!grant || grant.expiresAt.getTime() <= now.getTime()) {
    return unauthorized('the access token is unknown, used or expired');
  }

  const parsed = parseCredentialRequest(request.body, { batchSize });
  if (!parsed.ok) {
    return oauthError(400, parsed.reason, parsed.detail.message);
  }
  const { credentialConfigurationId: configurationId, proofs } = parsed.value;
  if (!grant.credentialConfigurationIds.includes(configurationId)) {
    return oauthError(
      400,
      'unknown_credential_configuration',
      `this access token does not cover "${configurationId.slice(0, 60)}"`,
    );
  }

  // Every proof first (signature, aud, iat), then one shared nonce, consumed once.
  const verified: VerifiedKeyProof[] = [];
  for (const [index, jwt] of proofs.entries()) {
    const proof = await verifyKeyProof(jwt, {
      crypto: deps.crypto,
      credentialIssuer: deps.credentialIssuer,
      now,
    });
    if (!proof.ok)
      return oauthError(400, proof.reason, `proof ${index + 1}: ${proof.detail.message}`);
    verified.push(proof.value);
  }
  const nonce = verified[0]?.nonce;
  if (nonce === undefined)
    return oauthError(
      400,
      'invalid_nonce',
      'the proofs carry no c_nonce; get one from the nonce endpoint',
    );
  if (verified.some((proof) => proof.nonce !== nonce)) {
    return oauthError(400, 'invalid_proof', 'all proofs of a request must carry the same c_nonce');
  }
  const thumbprints = new Set(verified.map((proof) => publicJwkThumbprint(proof.jwk)));
  if (thumbprints.size !== verified.length) {
    return oauthError(
      400,
      'invalid_proof',
      'two proofs are for the same key; each copy needs its own key',
    );
  }
  if (!(await store.consumeNonce(nonce, now))) {
    return oauthError(
      400,
      'invalid_nonce',
      'the c_nonce is unknown, used or expired; get a fresh one',
    );
  }

  const offer = await store.claimIssuance(digest);
  if (!offer) return unauthorized('the access token was already used');
  const format = offer.format ?? SD_JWT_VC_FORMAT;
  if (
    credentialConfigurationId(offer.type, format) !== configurationId ||
    !(CREDENTIAL_TYPE_IDS as readonly string[]).includes(offer.type)
  ) {
    return oauthError(
      400,
      'unknown_credential_configuration',
      `this offer is not for "${configurationId.slice(0, 60)}"`,
    );
  }
  const statuses = await deps.allocateStatus(verified.length, grant.offerId);
  if (statuses.length !== verified.length) {
    return oauthError(500, 'server_error', 'no status list entries could be allocated');
  }
  const credentials: { credential: string }[] = [];
  // Every copy of a batch carries the same `iat` (and so the same `exp`), rounded down to the day:
  // neither a copy nor a batch is singled out by the second it was signed.
  const issuedAt = startOfUtcDay(now);
  for (const [index, proof] of verified.entries()) {
    const common = {
      issuer: deps.issuer,
      type: offer.type as CredentialTypeId,
      claims: offer.claims,
      holderJwk: proof.jwk,
      status: statuses[index] as { uri: string; idx: number },
      now: issuedAt,
      randomBytes: deps.randomBytes,
    };
    const issued =
      format === JWT_VC_JSON_FORMAT
        ? await issueVouchW3cCredential(common)
        : await issueVouchCredential({
            ...common,
            ...(deps.decoys === undefined ? {} : { decoys: deps.decoys }),
          });
    if (!issued.ok) {
      return oauthError(500, 'server_error', "the offer's claims do not fit its type");
    }
    credentials.push({ credential: issued.value });
  }
  return jsonAnswer({ credentials });
}

// ---- holder side -----------------------------------------------------------------------------

export const MAX_CREDENTIAL_RESPONSE_LENGTH = 1024 * 1024;
const MAX_CREDENTIALS = 100;

/** The JSON body of a credential request (§8.2). */
export function buildCredentialRequest(options: {
  credentialConfigurationId: string;
  proofs: readonly string[];
}): Record<string, unknown> {
  return {
    credential_configuration_id: options.credentialConfigurationId,
    proofs: { [JWT_PROOF_TYPE]: [...options.proofs] },
  };
}

/** Reads a credential response (§8.3): the credentials, as compact strings. */
export function parseCredentialResponse(
  text: string,
): Result<string[], 'bad-credential-response' | 'deferred', { message: string }> {
  const bad = (message: string) => failedWith('bad-credential-response' as const, { message });
  if (typeof text !== 'string') return bad('the credential response has no body');
  if (text.length > MAX_CREDENTIAL_RESPONSE_LENGTH) {
    return bad(
      `the credential response is ${text.length} characters, more than ${MAX_CREDENTIAL_RESPONSE_LENGTH}`,
    );
  }
  const json = parseJsonObject(text, 'the credential response');
  if (!json.ok) return bad(json.detail.message);
  const { credentials, transaction_id: transactionId } = json.value;
  if (credentials === undefined && typeof transactionId === 'string') {
    return failedWith('deferred', {
      message: 'the issuer deferred issuance; Vouch does not poll for deferred credentials',
    });
  }
  if (
    !Array.isArray(credentials) ||
    credentials.length === 0 ||
    credentials.length > MAX_CREDENTIALS
  ) {
    return bad(`"credentials" must be an array of 1..${MAX_CREDENTIALS} objects`);
  }
  const compact: string[] = [];
  for (const entry of credentials) {
    const credential =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? (entry as Record<string, unknown>).credential
        : undefined;
    if (typeof credential !== 'string' || credential === '') {
      return bad('every entry of "credentials" must be {"credential": "<string>"}');
    }
    compact.push(credential);
  }
  return ok(compact);
}
