/**
 * The desk's side of the verifier (docs/server.md):
 *
 *   POST /admin/requests {"type","claims":[…],"purpose"?,"verifierName"?,
 *                         "responseMode"?:"direct_post"|"direct_post.jwt","redirect"?:true|"<https url>",
 *                         "rule"?,"declare"?:[…]}   (read by request-spec.ts)
 *     → 201 {"id","uri"}, uri = openid4vp://?client_id=<decentralized_identifier:did…>&request_uri=…
 *   GET  /admin/results/:id → the verdict in `vouch verify`'s JSON shape, or {"pending":true}
 *
 * `redirect: true` sends the citizen, after answering on the same device, to this server's
 * `/results/:id?response_code=…` (which says only valid or not); a URL sends them to the desk's own
 * page with `response_code` added (OpenID4VP 1.0 §8.2).
 */
import { Hono } from 'hono';
import { CLIENT_ID_PREFIX } from '../../core/protocol/request.ts';
import type { ServerContext, SigningKey } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject } from '../http/json-body.ts';
import { mintRequest, parseRequestSpec } from './request-spec.ts';
import { readResult } from './store.ts';

/** Request, result, response and application ids are 16 random bytes, base64url. */
export const VP_ID = /^[A-Za-z0-9_-]{22}$/;

export const clientIdOf = (verifier: SigningKey): string => `${CLIENT_ID_PREFIX}${verifier.did}`;

export function requireVerifier(ctx: ServerContext): SigningKey {
  if (ctx.verifier === null) {
    throw new ApiError(409, 'no_verifier', 'this server has no verifier key, so it asks nothing');
  }
  return ctx.verifier;
}

export function requestAdminRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post('/requests', async (c) => {
    const verifier = requireVerifier(ctx);
    const spec = parseRequestSpec(await readJsonObject(c));
    const { id } = await mintRequest(ctx, spec);
    ctx.log('vp.request.created', {
      type: spec.type,
      claims: spec.claims.length,
      responseMode: spec.responseMode,
    });
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
