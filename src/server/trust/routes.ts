/** PUT /admin/trust: import a signed trust list for the verifier (body: the JWS). */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readTextBody } from '../http/json-body.ts';
import { MAX_TRUST_LIST_LENGTH } from '../../core/trust/index.ts';
import { importTrustList } from './store.ts';

export function trustRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.put('/admin/trust', async (c) => {
    const jwt = await readTextBody(c);
    if (jwt.length === 0 || jwt.length > MAX_TRUST_LIST_LENGTH) {
      throw new ApiError(400, 'invalid_request', 'the body must be a signed trust list');
    }
    const outcome = await importTrustList(ctx.db, ctx, jwt);
    if (!outcome.ok) {
      throw new ApiError(
        outcome.reason === 'stale' ? 409 : 400,
        'invalid_request',
        outcome.message,
      );
    }
    ctx.log('trust-import', { entries: outcome.list.entries.length, replaced: outcome.replaced });
    return c.json(
      {
        signer: outcome.list.issuer,
        name: outcome.list.name,
        entries: outcome.list.entries.length,
        exp: outcome.list.exp,
      },
      outcome.replaced ? 200 : 201,
    );
  });
  return app;
}
