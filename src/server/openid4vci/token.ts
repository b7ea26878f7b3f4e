/**
 * The credential offer by reference and the token endpoint; the decisions are core's
 * (src/core/oid4vci/token.ts), the storage is store.ts.
 *
 * - `GET /offers/:id` (OpenID4VCI 1.0 §4.1.3): the Credential Offer object as JSON while the offer
 *   is open. Redeemed, expired and unknown offers are all 404: nothing tells them apart.
 * - `POST /token` (§6): the pre-authorized code (and `tx_code`), spent once, atomically.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EndpointResponse } from '../../core/oid4vci/endpoint.ts';
import { handleTokenRequest } from '../../core/oid4vci/token.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { offerObject } from './offer-object.ts';
import { createIssuanceStore, readOpenOffer } from './store.ts';

/** Offer ids are 16 random bytes in base64url; anything else is not ours. */
const OFFER_ID = /^[A-Za-z0-9_-]{22}$/;

/** Sends what a core endpoint function answered, as it is. */
export function sendEndpointResponse(c: Context, response: EndpointResponse): Response {
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  return c.json(response.body, response.status as ContentfulStatusCode);
}

export function offerAndTokenRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const store = createIssuanceStore(ctx.db, ctx.now);

  app.get('/offers/:id', async (c) => {
    const id = c.req.param('id');
    const offer = OFFER_ID.test(id) ? await readOpenOffer(ctx.db, id, ctx.now()) : undefined;
    if (offer === undefined) {
      throw new ApiError(404, 'not_found', 'no open credential offer has this id');
    }
    c.header('Cache-Control', 'no-store');
    return c.json(offerObject(ctx, offer));
  });

  app.post('/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
      throw new ApiError(
        400,
        'invalid_request',
        'expected Content-Type: application/x-www-form-urlencoded',
      );
    }
    const response = await handleTokenRequest(await c.req.text(), {
      store,
      now: ctx.now(),
      randomBytes: ctx.randomBytes,
    });
    ctx.log('vci.token', {
      status: response.status,
      ...(typeof response.body.error === 'string' ? { error: response.body.error } : {}),
    });
    return sendEndpointResponse(c, response);
  });

  return app;
}
