/**
 * Status list hosting and revocation (docs/server.md):
 *   GET  /status/:list          the statuslist+jwt, `Cache-Control: public, max-age=…`, ETag
 *   POST /admin/status/revoke   {"index", "list"?} → {"list","index","status":1,"changed"}
 *   PUT  /admin/status/:list    a statuslist+jwt signed by this server's issuer (the desk's)
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject, readTextBody } from '../http/json-body.ts';
import { MAX_JWS_LENGTH } from '../../core/jose/index.ts';
import { publishStatusList } from './publish.ts';
import {
  cacheSecondsOf,
  LIST_ID,
  managedStatusLists,
  freshStatusList,
  revokeStatusIndex,
  statusListIdOf,
} from './store.ts';

export const STATUS_LIST_MEDIA_TYPE = 'application/statuslist+jwt';

const etagOf = (jwt: string) =>
  `"${createHash('sha256').update(jwt, 'utf8').digest('base64url').slice(0, 22)}"`;

function listIdParam(value: string | undefined): string {
  if (value === undefined || !LIST_ID.test(value)) {
    throw new ApiError(404, 'not_found', 'no such status list');
  }
  return value;
}

export function statusRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/status/:list', async (c) => {
    const row = await freshStatusList(ctx.db, ctx, listIdParam(c.req.param('list')));
    if (row === undefined) throw new ApiError(404, 'not_found', 'no such status list');
    const etag = etagOf(row.jwt);
    c.header('Cache-Control', `public, max-age=${cacheSecondsOf(ctx)}`);
    c.header('ETag', etag);
    c.header('Last-Modified', row.updatedAt.toUTCString());
    const match = c.req.header('if-none-match');
    if (match !== undefined && match.split(',').some((tag) => tag.trim() === etag)) {
      return c.body(null, 304);
    }
    c.header('Content-Type', STATUS_LIST_MEDIA_TYPE);
    return c.body(row.jwt, 200);
  });

  app.post('/admin/status/revoke', async (c) => {
    if (ctx.issuer === null) throw new ApiError(409, 'no_issuer', 'this server has no issuer key');
    const body = await readJsonObject(c);
    const { index, list } = body;
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
      throw new ApiError(400, 'invalid_request', '"index" must be a non-negative whole number');
    }
    let id: string | undefined;
    if (list !== undefined) {
      id = typeof list === 'string' ? statusListIdOf(ctx, list) : undefined;
      if (id === undefined) {
        throw new ApiError(
          400,
          'invalid_request',
          '"list" must be a list id or its URL on this server',
        );
      }
    } else {
      const managed = await managedStatusLists(ctx.db, ctx.issuer.did);
      if (managed.length === 0)
        throw new ApiError(404, 'not_found', 'this server keeps no status list yet');
      if (managed.length > 1) {
        throw new ApiError(
          400,
          'invalid_request',
          'this server keeps several lists: say which in "list"',
        );
      }
      id = (managed[0] as { id: string }).id;
    }
    const outcome = await revokeStatusIndex(ctx.db, ctx, id, index);
    if (!outcome.ok) {
      const status =
        outcome.reason === 'unknown-list'
          ? 404
          : outcome.reason === 'index-out-of-range'
            ? 400
            : 409;
      throw new ApiError(
        status,
        outcome.reason === 'unknown-list' ? 'not_found' : 'invalid_request',
        outcome.message,
      );
    }
    ctx.log('status-revoke', { changed: outcome.changed });
    return c.json({ list: outcome.uri, index: outcome.index, status: 1, changed: outcome.changed });
  });

  app.put('/admin/status/:list', async (c) => {
    const id = listIdParam(c.req.param('list'));
    const jwt = await readTextBody(c);
    if (jwt.length === 0 || jwt.length > MAX_JWS_LENGTH) {
      throw new ApiError(400, 'invalid_request', 'the body must be a statuslist+jwt');
    }
    const outcome = await publishStatusList(ctx.db, ctx, id, jwt);
    if (!outcome.ok) {
      const status =
        outcome.reason === 'managed-list' ||
        outcome.reason === 'stale' ||
        outcome.reason === 'unrevokes'
          ? 409
          : 400;
      throw new ApiError(status, 'invalid_request', outcome.message);
    }
    ctx.log('status-publish', { created: outcome.created });
    return c.json({ list: outcome.uri }, outcome.created ? 201 : 200);
  });

  return app;
}
