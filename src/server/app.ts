/**
 * The HTTP face of `vouch serve` (docs/server.md): one Hono app built from a ServerContext.
 *
 * Order of the middleware, outermost first:
 *   request log (one line per request, route pattern only) → security headers → CORS (public
 *   routes `*`; /admin only for the configured desk origins) → body caps (every route) → rate
 *   limit (public routes) → admin bearer auth (/admin/*) → the routes.
 *
 * Route modules are Hono sub-apps mounted at "/": each defines its public paths and its
 * /admin/… paths, and the middleware above applies to them by path.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ServerContext } from './context.ts';
import { adminAuth } from './http/admin-auth.ts';
import { clientAddress } from './http/client-address.ts';
import { ApiError, errorResponse } from './http/errors.ts';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from './http/rate-limit.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { openid4vciRoutes } from './openid4vci/index.ts';
import { openid4vpRoutes } from './openid4vp/index.ts';
import { issuanceReceiptRoutes } from './receipts/issuance.ts';
import { adminInfoRoutes } from './admin/info.ts';
import { statusRoutes } from './status/routes.ts';
import { trustRoutes } from './trust/routes.ts';

export interface ServerAppOptions {
  /** The bearer token of /admin/* (at least 16 characters). */
  readonly adminToken: string;
  /** Largest request body on public routes (default 256 KiB). */
  readonly publicBodyBytes?: number;
  /** Largest request body on /admin routes (default 2 MiB: status and trust lists). */
  readonly adminBodyBytes?: number;
  /** Per-client limit on public routes; `false` turns it off. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Behind a load balancer: take the client address from X-Forwarded-For's last entry. */
  readonly trustProxy?: boolean;
  /** Origins (e.g. the desks' https://desk.example.org) allowed to call /admin from a browser. */
  readonly adminOrigins?: readonly string[];
}

export const DEFAULT_PUBLIC_BODY_BYTES = 256 * 1024;
export const DEFAULT_ADMIN_BODY_BYTES = 2 * 1024 * 1024;

const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** The route pattern that answered (never the raw path: ids and query strings may be secrets). */
function answeringRoute(c: Context): string {
  const pattern = routePath(c, -1);
  return pattern === '' || pattern.endsWith('*') ? '(none)' : pattern;
}

export function createServerApp(ctx: ServerContext, options: ServerAppOptions): Hono {
  const publicBodyBytes = options.publicBodyBytes ?? DEFAULT_PUBLIC_BODY_BYTES;
  const adminBodyBytes = options.adminBodyBytes ?? DEFAULT_ADMIN_BODY_BYTES;
  const limiter =
    options.rateLimit === false
      ? undefined
      : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const trustProxy = options.trustProxy ?? false;

  const app = new Hono({ strict: true });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    ctx.log('request', {
      method: c.req.method,
      route: answeringRoute(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  });

  const publicCors = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'DPoP', 'Authorization'],
    exposeHeaders: ['ETag', 'Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  });
  const adminOrigins = [...(options.adminOrigins ?? [])];
  const adminCors =
    adminOrigins.length === 0
      ? undefined
      : cors({
          origin: adminOrigins,
          // DELETE: withdrawing an application link (openid4vp/applications.ts).
          allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
          allowHeaders: ['Content-Type', 'Authorization'],
          maxAge: 600,
        });
  app.use('*', async (c, next) => {
    if (!isAdminPath(c.req.path)) return publicCors(c, next);
    if (adminCors !== undefined) return adminCors(c, next);
    await next();
  });

  const tooLarge = (max: number) => (c: Context) =>
    errorResponse(c, 413, 'invalid_request', `the request body is larger than ${max} bytes`);
  const publicCap = bodyLimit({ maxSize: publicBodyBytes, onError: tooLarge(publicBodyBytes) });
  const adminCap = bodyLimit({ maxSize: adminBodyBytes, onError: tooLarge(adminBodyBytes) });
  app.use('*', (c, next) => (isAdminPath(c.req.path) ? adminCap(c, next) : publicCap(c, next)));

  if (limiter !== undefined) {
    app.use('*', async (c, next) => {
      if (isAdminPath(c.req.path) || c.req.method === 'OPTIONS' || c.req.path === '/healthz') {
        return next();
      }
      const wait = limiter.take(clientAddress(c, trustProxy), ctx.now().getTime());
      if (wait > 0) {
        return errorResponse(c, 429, 'slow_down', 'too many requests; try again later', {
          'Retry-After': String(wait),
        });
      }
      await next();
    });
  }

  const auth = adminAuth(options.adminToken);
  app.use('/admin', auth);
  app.use('/admin/*', auth);

  app.get('/healthz', (c) => c.json({ ok: true }));

  // Mount points. Each returns a Hono sub-app whose paths are absolute (mounted at "/").
  app.route('/', statusRoutes(ctx));
  app.route('/', trustRoutes(ctx));
  app.route('/', adminInfoRoutes(ctx));
  app.route('/', openid4vciRoutes(ctx)); // src/server/openid4vci/index.ts
  app.route('/', openid4vpRoutes(ctx)); // src/server/openid4vp/index.ts
  app.route('/', issuanceReceiptRoutes(ctx)); // src/server/receipts/issuance.ts

  app.notFound((c) => errorResponse(c, 404, 'not_found', 'no such endpoint'));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return errorResponse(c, error.status, error.code, error.description, error.headers);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, error.status, 'invalid_request', 'the request was refused');
    }
    // A bug or a database failure: log what kind, never the message (it may quote data).
    const code: unknown = (error as { code?: unknown }).code;
    ctx.log('error', {
      route: answeringRoute(c),
      name: error.name,
      ...(typeof code === 'string' && /^[A-Z0-9_]{1,16}$/.test(code) ? { code } : {}),
    });
    return errorResponse(c, 500, 'server_error', 'the server could not answer this request');
  });
  return app;
}
