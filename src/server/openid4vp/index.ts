/**
 * Mount point of the OpenID4VP 1.0 verifier (docs/server.md): request objects by reference,
 * the response_uri and the same-device result page (public), and `POST /admin/requests`,
 * `GET /admin/results/:id` (behind the admin bearer auth that app.ts applies to /admin/*), and
 * application links (applications.ts): `/applications/:id/request`, `/admin/applications`.
 * Paths are absolute: the sub-app is mounted at "/".
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { requestAdminRoutes } from './admin.ts';
import { applicationAdminRoutes, applicationRoutes } from './applications.ts';
import type { ApplicationRouteOptions } from './applications.ts';
import { verifierRoutes } from './routes.ts';
import type { VerifierRouteOptions } from './routes.ts';

export { VP_MIGRATIONS } from './migrations.ts';

export function openid4vpRoutes(
  ctx: ServerContext,
  options: VerifierRouteOptions & ApplicationRouteOptions = {},
): Hono {
  const app = new Hono();
  app.route('/', verifierRoutes(ctx, options));
  app.route('/', applicationRoutes(ctx, options));
  app.route('/admin', requestAdminRoutes(ctx));
  app.route('/admin', applicationAdminRoutes(ctx));
  return app;
}
