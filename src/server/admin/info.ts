/** GET /admin/info: what this server is (for the desks' set-up and `vouch` scripts). */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { verifierInfoAt } from '../openid4vp/registration.ts';
import { openStatusLists, statusListUri } from '../status/store.ts';

/** The registration certificate's public facts, and whether requests carry it now. */
function registrationInfo(ctx: ServerContext) {
  if (ctx.registration === undefined) return null;
  const { certificate } = ctx.registration;
  return {
    name: certificate.name,
    authority: certificate.authority,
    expiresAt: new Date(certificate.exp * 1000).toISOString(),
    sent: verifierInfoAt(ctx.registration, ctx.now()) !== undefined,
  };
}

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
      registration: registrationInfo(ctx),
    });
  });
  return app;
}
