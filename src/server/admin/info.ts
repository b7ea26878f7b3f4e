/** GET /admin/info: what this server is (for the desks' set-up and `vouch` scripts). */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { openStatusLists, statusListUri } from '../status/store.ts';

export function adminInfoRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/admin/info', async (c) => {
    const open = ctx.issuer === null ? [] : await openStatusLists(ctx.db, ctx.issuer.did);
    c.header('Cache-Control', 'no-store');
    return c.json({
      url: ctx.publicUrl,
      issuer: ctx.issuer?.did ?? null,
      verifier: ctx.verifier?.did ?? null,
      statusList: open[0] === undefined ? null : statusListUri(ctx, open[0].id),
    });
  });
  return app;
}
