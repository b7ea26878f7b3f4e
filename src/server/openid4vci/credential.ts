/**
 * The nonce endpoint (OpenID4VCI 1.0 §7) and the credential endpoint (§8).
 *
 * `POST /credential` with `Authorization: Bearer <access token>` and
 * `{"credential_configuration_id", "proofs": {"jwt": [<key proof>, …]}}`:
 *
 *   1. the access token must be known, unused and unexpired (else 401 `invalid_token`, RFC 6750);
 *   2. the configuration must be the one the offer named (`unknown_credential_configuration`);
 *   3. every key proof must verify (`invalid_proof`), all with one c_nonce that is spent here,
 *      once (`invalid_nonce` when unknown, spent or expired);
 *   4. the access token is claimed atomically (one credential request per offer: a batch is one
 *      request with several proofs, at most `batch_credential_issuance.batch_size`);
 *   5. one credential per proof, each bound to that proof's key (`cnf.jwk`) and given its own
 *      status index from the atomic allocator, signed with the server's issuer key.
 *
 * Answer: 200 `{"credentials":[{"credential":"<dc+sd-jwt>"},…]}`, `Cache-Control: no-store`.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { digestSecret, oauthError } from '../../core/oid4vci/endpoint.ts';
import type { OAuthErrorCode } from '../../core/oid4vci/endpoint.ts';
import { DEFAULT_BATCH_SIZE } from '../../core/oid4vci/metadata.ts';
import { verifyKeyProof } from '../../core/oid4vci/proof.ts';
import { createSecret } from '../../core/oid4vci/token.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/issue-sd-jwt-vc.ts';
import type { ServerContext } from '../context.ts';
import { allocateStatusIndex } from '../status/store.ts';
import { sendEndpointResponse } from './token.ts';
import { createIssuanceStore } from './store.ts';

export const C_NONCE_SECONDS = 300;
const MAX_ACCESS_TOKEN_LENGTH = 512;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6750 §3: a refused bearer token says so in WWW-Authenticate. */
function tokenError(c: Context, description: string): Response {
  return sendEndpointResponse(
    c,
    oauthError(401, 'invalid_token', description, {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
    }),
  );
}

function requestError(c: Context, code: OAuthErrorCode, description: string): Response {
  return sendEndpointResponse(c, oauthError(400, code, description));
}

export function credentialRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const store = createIssuanceStore(ctx.db, ctx.now);

  app.post('/nonce', async (c) => {
    const nonce = createSecret(ctx.randomBytes);
    await store.saveNonce(nonce, new Date(ctx.now().getTime() + C_NONCE_SECONDS * 1000));
    c.header('Cache-Control', 'no-store');
    return c.json({ c_nonce: nonce });
  });

  app.post('/credential', async (c) => {
    const issuer = ctx.issuer;
    if (issuer === null) {
      return sendEndpointResponse(
        c,
        oauthError(404, 'invalid_request', 'this server has no issuer key, so it issues nothing'),
      );
    }
    const authorization = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(authorization);
    const token = match?.[1];
    if (token === undefined || token.length > MAX_ACCESS_TOKEN_LENGTH) {
      return tokenError(c, 'a Bearer access token from the token endpoint is required');
    }
    const digest = digestSecret(token);
    const now = ctx.now();
    const granted = await store.findAccessToken(digest);
    if (granted === undefined || granted.expiresAt.getTime() <= now.getTime()) {
      return tokenError(c, 'the access token is unknown, used or expired');
    }

    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return requestError(
        c,
        'invalid_credential_request',
        'expected Content-Type: application/json',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return requestError(c, 'invalid_credential_request', 'the body is not valid JSON');
    }
    if (!isObject(body)) {
      return requestError(c, 'invalid_credential_request', 'the body must be a JSON object');
    }
    if (body.credential_response_encryption !== undefined) {
      return requestError(
        c,
        'invalid_credential_request',
        'credential response encryption is not supported by this issuer',
      );
    }
    if (body.credential_identifier !== undefined) {
      return requestError(
        c,
        'unknown_credential_identifier',
        'this issuer hands out no credential identifiers; use "credential_configuration_id"',
      );
    }
    const configurationId = body.credential_configuration_id;
    if (typeof configurationId !== 'string') {
      return requestError(
        c,
        'invalid_credential_request',
        '"credential_configuration_id" is required (a string)',
      );
    }
    if (!granted.credentialConfigurationIds.includes(configurationId)) {
      return requestError(
        c,
        'unknown_credential_configuration',
        'the access token was not granted for this credential configuration',
      );
    }
    if (body.proof !== undefined) {
      return requestError(c, 'invalid_proof', 'send key proofs as "proofs": {"jwt": [...]}');
    }
    const proofs = isObject(body.proofs) ? body.proofs : undefined;
    const jwts = proofs?.jwt;
    if (
      proofs === undefined ||
      Object.keys(proofs).length !== 1 ||
      !Array.isArray(jwts) ||
      jwts.length === 0
    ) {
      return requestError(
        c,
        'invalid_proof',
        '"proofs" must be {"jwt": [one or more key proofs]} (the only proof type supported)',
      );
    }
    if (jwts.length > DEFAULT_BATCH_SIZE) {
      return requestError(
        c,
        'invalid_credential_request',
        `at most ${DEFAULT_BATCH_SIZE} proofs per request (batch_size)`,
      );
    }

    const keys = [];
    let nonce: string | undefined;
    for (const [index, jwt] of jwts.entries()) {
      const verified = await verifyKeyProof(jwt, {
        crypto: ctx.crypto,
        credentialIssuer: ctx.publicUrl,
        now,
      });
      if (!verified.ok) {
        return requestError(c, verified.reason, `proof ${index + 1}: ${verified.detail.message}`);
      }
      if (verified.value.nonce === undefined) {
        return requestError(c, 'invalid_nonce', `proof ${index + 1} has no "nonce" (the c_nonce)`);
      }
      if (nonce !== undefined && verified.value.nonce !== nonce) {
        return requestError(
          c,
          'invalid_proof',
          'all proofs of one request must carry the same c_nonce',
        );
      }
      nonce = verified.value.nonce;
      keys.push(verified.value.jwk);
    }
    if (nonce === undefined || !(await store.consumeNonce(nonce, now))) {
      return requestError(
        c,
        'invalid_nonce',
        'the c_nonce is unknown, used or expired: get a fresh one from the nonce endpoint',
      );
    }

    const offer = await store.claimIssuance(digest);
    if (offer === undefined) {
      return tokenError(c, 'the access token is unknown, used or expired');
    }
    const type = CREDENTIAL_TYPES[offer.type];
    const expiresAt =
      type.expiresAfterDays === undefined
        ? undefined
        : new Date(now.getTime() + type.expiresAfterDays * 86_400_000);
    const credentials: { credential: string }[] = [];
    for (const holderJwk of keys) {
      const status = await allocateStatusIndex(ctx.db, ctx);
      const credential = await issueSdJwtVc({
        issuer,
        vct: type.vct,
        claims: { ...offer.claims },
        holderJwk,
        status,
        issuedAt: now,
        ...(expiresAt === undefined ? {} : { expiresAt }),
        randomBytes: ctx.randomBytes,
      });
      credentials.push({ credential });
    }
    ctx.log('vci.credential.issued', { type: offer.type, count: credentials.length });
    c.header('Cache-Control', 'no-store');
    return c.json({ credentials });
  });

  return app;
}
