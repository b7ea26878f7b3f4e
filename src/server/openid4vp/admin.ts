/**
 * The desk's side of the verifier (docs/server.md):
 *
 *   POST /admin/requests {"type","claims":[…],"purpose"?,"verifierName"?,
 *                         "responseMode"?:"direct_post"|"direct_post.jwt","redirect"?:true|"<https url>"}
 *     → 201 {"id","uri"}, uri = openid4vp://?client_id=<decentralized_identifier:did…>&request_uri=…
 *   GET  /admin/results/:id → the verdict in `vouch verify`'s JSON shape, or {"pending":true}
 *
 * `redirect: true` sends the citizen, after answering on the same device, to this server's
 * `/results/:id?response_code=…` (which says only valid or not); a URL sends them to the desk's own
 * page with `response_code` added (OpenID4VP 1.0 §8.2).
 */
import { Hono } from 'hono';
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { generateResponseEncryptionKey } from '../../core/protocol/openid4vp/direct-post.ts';
import {
  CLIENT_ID_PREFIX,
  MAX_PURPOSE_LENGTH,
  MAX_VERIFIER_NAME_LENGTH,
} from '../../core/protocol/request.ts';
import type { ServerContext, SigningKey } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject } from '../http/json-body.ts';
import { randomToken } from '../openid4vci/random.ts';
import { requestDcql } from './request-dcql.ts';
import { insertRequest, readResult } from './store.ts';
import type { ServerResponseMode } from './store.ts';

/** How long a request waits for its answer. */
export const REQUEST_SECONDS = 600;
/** Request, result and response ids are 16 random bytes, base64url. */
export const VP_ID = /^[A-Za-z0-9_-]{22}$/;

export const clientIdOf = (verifier: SigningKey): string => `${CLIENT_ID_PREFIX}${verifier.did}`;

export function requireVerifier(ctx: ServerContext): SigningKey {
  if (ctx.verifier === null) {
    throw new ApiError(409, 'no_verifier', 'this server has no verifier key, so it asks nothing');
  }
  return ctx.verifier;
}

const bad = (description: string) => new ApiError(400, 'invalid_request', description);

function parseType(value: unknown): CredentialTypeId {
  if (typeof value === 'string' && (CREDENTIAL_TYPE_IDS as readonly string[]).includes(value)) {
    return value as CredentialTypeId;
  }
  throw bad(`"type" must be one of ${CREDENTIAL_TYPE_IDS.join(', ')}`);
}

function parseClaims(type: CredentialTypeId, value: unknown): string[] {
  const known = CREDENTIAL_TYPES[type].claims.map((claim) => claim.name);
  if (!Array.isArray(value) || value.length === 0 || value.length > known.length) {
    throw bad(`"claims" must be a non-empty array of claim names of ${type}`);
  }
  const claims: string[] = [];
  for (const name of value) {
    if (typeof name !== 'string' || !known.includes(name)) {
      throw bad(
        `"claims": ${JSON.stringify(String(name).slice(0, 40))} is not a claim of ${type} (${known.join(', ')})`,
      );
    }
    if (claims.includes(name)) throw bad(`"claims": "${name}" is asked for twice`);
    claims.push(name);
  }
  return claims;
}

function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw bad(`"${name}" must be text of 1 to ${max} characters`);
  }
  return value;
}

function parseResponseMode(value: unknown): ServerResponseMode {
  if (value === undefined) return 'direct_post';
  if (value === 'direct_post' || value === 'direct_post.jwt') return value;
  throw bad('"responseMode" must be "direct_post" or "direct_post.jwt"');
}

function parseRedirect(value: unknown, ctx: ServerContext, id: string): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return `${ctx.publicUrl}/results/${id}`;
  if (typeof value === 'string' && value.length <= 2048) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const loopback = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1';
    if (url && !url.hash && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
      return value;
    }
  }
  throw bad('"redirect" must be true or an https URL without a fragment');
}

export function requestAdminRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post('/requests', async (c) => {
    const verifier = requireVerifier(ctx);
    const body = await readJsonObject(c);
    const type = parseType(body.type);
    const claims = parseClaims(type, body.claims);
    const purpose = optionalText(body.purpose, 'purpose', MAX_PURPOSE_LENGTH);
    const verifierName = optionalText(body.verifierName, 'verifierName', MAX_VERIFIER_NAME_LENGTH);
    const responseMode = parseResponseMode(body.responseMode);
    const id = randomToken(ctx, 16);
    const redirectUri = parseRedirect(body.redirect, ctx, id);
    // The query this request will carry: built now, so a bad one fails here, not at the wallet.
    requestDcql(type, claims);
    const now = ctx.now();
    const encryption =
      responseMode === 'direct_post.jwt' ? await generateResponseEncryptionKey('enc-1') : undefined;
    await insertRequest(ctx.db, {
      id,
      type,
      claims,
      ...(purpose === undefined ? {} : { purpose }),
      ...(verifierName === undefined ? {} : { verifierName }),
      responseMode,
      nonce: randomToken(ctx, 32),
      state: randomToken(ctx, 16),
      ...(encryption === undefined ? {} : { encryptionKey: encryption.privateJwk }),
      ...(redirectUri === undefined ? {} : { redirectUri, responseCode: randomToken(ctx, 32) }),
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_SECONDS * 1000),
    });
    ctx.log('vp.request.created', { type, claims: claims.length, responseMode });
    const uri =
      `openid4vp://?client_id=${encodeURIComponent(clientIdOf(verifier))}` +
      `&request_uri=${encodeURIComponent(`${ctx.publicUrl}/requests/${id}`)}`;
    c.header('Cache-Control', 'no-store');
    return c.json({ id, uri }, 201);
  });

  app.get('/results/:id', async (c) => {
    const id = c.req.param('id');
    const result = VP_ID.test(id) ? await readResult(ctx.db, id) : { state: 'unknown' as const };
    if (result.state === 'unknown') throw new ApiError(404, 'not_found', 'no request has this id');
    c.header('Cache-Control', 'no-store');
    return c.json(result.state === 'pending' ? { pending: true } : result.verdict);
  });

  return app;
}
