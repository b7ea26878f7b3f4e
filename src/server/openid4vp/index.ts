/**
 * Mount point of the OpenID4VP 1.0 verifier (request objects, responses, results). Placeholder: the engineer wiring
 * the protocol replaces this file. Contract (docs/server.md "Adding routes"): return a Hono
 * sub-app whose paths are absolute (it is mounted at "/"); public paths get CORS, body caps and
 * the rate limit, /admin/… paths the bearer auth — app.ts applies them by path.
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';

export function openid4vpRoutes(_ctx: ServerContext): Hono {
  return new Hono();
}
