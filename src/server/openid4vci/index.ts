/**
 * Mount point of the OpenID4VCI 1.0 credential issuer (docs/server.md): metadata, type metadata,
 * offers by reference, token, nonce and credential endpoints (public), and `POST /admin/offers`
 * (behind the admin bearer auth that app.ts applies to /admin/*). Paths are absolute: the sub-app
 * is mounted at "/".
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { offerAdminRoutes } from './admin.ts';
import { credentialRoutes } from './credential.ts';
import { metadataRoutes } from './metadata-routes.ts';
import { offerAndTokenRoutes } from './token.ts';

export { VCI_MIGRATIONS } from './migrations.ts';

export function openid4vciRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.route('/', metadataRoutes(ctx));
  app.route('/', offerAndTokenRoutes(ctx));
  app.route('/', credentialRoutes(ctx));
  app.route('/admin', offerAdminRoutes(ctx));
  return app;
}
