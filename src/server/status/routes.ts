/**
 * Status list hosting and revocation (docs/server.md):
 *   GET  /status/:list          the statuslist+jwt, `Cache-Control: public, max-age=…`, ETag
 *   GET  /status/:list.w3c      its W3C twin, a BitstringStatusListCredential VC-JWT (same bits,
 *                               same headers; w3c-store.ts)
 *   POST /admin/status/revoke   {"index", "list"?} → {"list","index","status":1,"changed","copies"}:
 *                               both encodings change at once, and every copy of the same
 *                               credential (OpenID4VCI batches and refreshes) is revoked with it
 *   PUT  /admin/status/:list    a statuslist+jwt signed by this server's issuer (the desk's)
 *   PUT  /admin/status/:list.w3c  a BitstringStatusListCredential signed by the same issuer
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject, readTextBody } from '../http/json-body.ts';
import { MAX_JWS_LENGTH } from '../../core/jose/index.ts';
import { publishStatusList } from './publish.ts';
import { freshW3cStatusList, publishW3cStatusList } from './w3c-store.ts';
import {
  cacheSecondsOf,
  LIST_ID,
  managedStatusLists,
  freshStatusList,
  revokeStatusIndex,
  statusListIdOf,
} from './store.ts';
import type { RevokeOutcome } from './store.ts';
import { revokeIssuanceOf } from '../openid4vci/store.ts';

/** A refused revocation, thrown to roll the copies' transaction back. */
class RevokeRefused extends Error {
  constructor(readonly outcome: Extract<RevokeOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

export const STATUS_LIST_MEDIA_TYPE = 'application/statuslist+jwt';
/** A VC-JWT (VC-JOSE-COSE §3.1.1 names `application/vc+jwt` for VCDM 2.0; a 1.1 `vc` claim JWT is a JWT). */
export const W3C_STATUS_LIST_MEDIA_TYPE = 'application/jwt';
const W3C_SUFFIX = '.w3c';

const etagOf = (jwt: string) =>
  `"${createHash('sha256').update(jwt, 'utf8').digest('base64url').slice(0, 22)}"`;

function listIdParam(value: string | undefined): string {
  if (value === undefined || !LIST_ID.test(value)) {
    throw new ApiError(404, 'not_found', 'no such status list');
  }
  return value;
}

/** `abc` → the IETF list abc; `abc.w3c` → its W3C twin. */
function listParam(value: string | undefined): { id: string; w3c: boolean } {
  const w3c = value?.endsWith(W3C_SUFFIX) === true;
  return { id: listIdParam(w3c ? value?.slice(0, -W3C_SUFFIX.length) : value), w3c };
}

export function statusRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/status/:list', async (c) => {
    const { id, w3c } = listParam(c.req.param('list'));
    const row = w3c
      ? await freshW3cStatusList(ctx.db, ctx, id)
      : await freshStatusList(ctx.db, ctx, id);
    if (row === undefined) throw new ApiError(404, 'not_found', 'no such status list');
    const etag = etagOf(row.jwt);
    c.header('Cache-Control', `public, max-age=${cacheSecondsOf(ctx)}`);
    c.header('ETag', etag);
    c.header('Last-Modified', row.updatedAt.toUTCString());
    const match = c.req.header('if-none-match');
    if (match !== undefined && match.split(',').some((tag) => tag.trim() === etag)) {
      return c.body(null, 304);
    }
    c.header('Content-Type', w3c ? W3C_STATUS_LIST_MEDIA_TYPE : STATUS_LIST_MEDIA_TYPE);
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
    const listId = id;
    // The copies of one credential (issued over OpenID4VCI, refreshed ones too) are revoked
    // together, in one transaction: the credential, not one copy, is what the issuer revokes.
    const outcome = await ctx.db
      .transaction(async (tx) => {
        const copies = await revokeIssuanceOf(tx, listId, index, ctx.now());
        const byList = new Map<string, number[]>();
        for (const copy of copies) {
          if (copy.listId === listId && copy.idx === index) continue;
          byList.set(copy.listId, [...(byList.get(copy.listId) ?? []), copy.idx]);
        }
        const first = await revokeStatusIndex(tx, ctx, listId, index, byList.get(listId) ?? []);
        if (!first.ok) throw new RevokeRefused(first);
        for (const [other, indices] of byList) {
          if (other === listId) continue;
          const [head, ...rest] = indices as [number, ...number[]];
          const more = await revokeStatusIndex(tx, ctx, other, head, rest);
          if (!more.ok) throw new RevokeRefused(more);
        }
        return { ...first, copies: Math.max(copies.length, 1) };
      })
      .catch((error: unknown) => {
        if (error instanceof RevokeRefused) return error.outcome;
        throw error;
      });
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
    ctx.log('status-revoke', { changed: outcome.changed, copies: outcome.copies });
    return c.json({
      list: outcome.uri,
      index: outcome.index,
      status: 1,
      changed: outcome.changed,
      copies: outcome.copies,
    });
  });

  app.put('/admin/status/:list', async (c) => {
    const { id, w3c } = listParam(c.req.param('list'));
    const jwt = await readTextBody(c);
    if (jwt.length === 0 || jwt.length > MAX_JWS_LENGTH) {
      throw new ApiError(
        400,
        'invalid_request',
        w3c
          ? 'the body must be a BitstringStatusListCredential VC-JWT'
          : 'the body must be a statuslist+jwt',
      );
    }
    const outcome = w3c
      ? await publishW3cStatusList(ctx.db, ctx, id, jwt)
      : await publishStatusList(ctx.db, ctx, id, jwt);
    if (!outcome.ok) {
      const status =
        outcome.reason === 'managed-list' ||
        outcome.reason === 'stale' ||
        outcome.reason === 'unrevokes'
          ? 409
          : 400;
      throw new ApiError(status, 'invalid_request', outcome.message);
    }
    ctx.log('status-publish', { created: outcome.created, w3c });
    return c.json({ list: outcome.uri }, outcome.created ? 201 : 200);
  });

  return app;
}
