/**
 * Status lists kept in the database (draft-ietf-oauth-status-list; docs/server.md "Status lists").
 *
 * - Managed lists: this server hands out indices and revokes. Allocation is one
 *   `INSERT … ON CONFLICT DO NOTHING` of a uniformly random index (herd privacy: indices say
 *   nothing about issuance order) into `status_allocations`, whose primary key makes it atomic
 *   across processes; rows are never deleted, so an index is never reused. After
 *   MAX_DRAWS collisions in a row the list counts as full (≥ ~90 % used) and a new one opens.
 * - Revocation locks the list's row (SELECT … FOR UPDATE), sets the bit and stores the list
 *   re-signed, and its W3C twin (w3c-store.ts) re-signed too, in one transaction: both hosted
 *   lists change at once.
 * - Published lists: a statuslist+jwt the issuer desk signed with this server's issuer key,
 *   hosted as it came (PUT /admin/status/:list), never older than the one it replaces and never
 *   un-revoking an entry.
 */
import type { Db, ServerContext, SigningKey } from '../context.ts';
import { encodeBase64Url } from '../../core/encoding/base64url.ts';
import {
  compressStatusBytes,
  MIN_STATUS_LIST_SIZE,
  publishStatusListJwt,
  statusListSizeProblem,
} from '../../core/status-list/index.ts';
import { getBit, setBit } from '../../core/status-list/status-bits.ts';
import { cacheSecondsOf, statusListUri } from './list-config.ts';
import type { StatusContext } from './list-config.ts';
import { signW3cStatusList, storeManagedW3cStatusList } from './w3c-store.ts';

export { cacheSecondsOf, DEFAULT_STATUS_CACHE_SECONDS, statusListUri } from './list-config.ts';
export type { StatusContext } from './list-config.ts';

export const DEFAULT_STATUS_LIST_SIZE = MIN_STATUS_LIST_SIZE;
/** Consecutive colliding draws after which a list counts as full. */
export const MAX_DRAWS = 32;
/** pg_advisory_xact_lock key for opening a new list: "vouch-sl" as a big-endian int8. */
const OPEN_LIST_LOCK_KEY = '8534168888700400492';
export const LIST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface StatusListRow {
  readonly id: string;
  readonly issuerDid: string;
  readonly managed: boolean;
  readonly size: number;
  readonly jwt: string;
  readonly iat: number;
  readonly updatedAt: Date;
}

/** The list id of a URI this server hosts (or of a bare id), else undefined. */
export function statusListIdOf(
  ctx: Pick<ServerContext, 'publicUrl'>,
  listOrUri: string,
): string | undefined {
  const prefix = `${ctx.publicUrl}/status/`;
  const id = listOrUri.startsWith(prefix) ? listOrUri.slice(prefix.length) : listOrUri;
  return LIST_ID.test(id) ? id : undefined;
}

function requireIssuer(ctx: StatusContext): SigningKey {
  if (ctx.issuer === null)
    throw new Error('status lists need an issuer key (this server has none)');
  return ctx.issuer;
}

/** A uniform random integer in [0, bound) by rejection sampling over 32-bit draws. */
export function uniformBelow(bound: number, randomBytes: (n: number) => Uint8Array): number {
  if (!Number.isSafeInteger(bound) || bound < 1 || bound > 0x1_0000_0000) {
    throw new RangeError(`uniformBelow: bound must be in 1..2^32, got ${bound}`);
  }
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  for (;;) {
    const b = randomBytes(4);
    const draw =
      (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
    if (draw < limit) return draw % bound;
  }
}

async function signList(
  ctx: StatusContext,
  issuer: SigningKey,
  id: string,
  bits: Uint8Array,
): Promise<{ jwt: string; iat: number }> {
  const issuedAt = ctx.now();
  const lst = compressStatusBytes(bits);
  const jwt = await publishStatusListJwt({
    list: {
      uri: statusListUri(ctx, id),
      size: bits.length * 8,
      bits: 1,
      lst,
      used: lst,
      revoked: 0,
    },
    issuer,
    issuedAt,
    ttlSeconds: cacheSecondsOf(ctx),
  });
  return { jwt, iat: Math.floor(issuedAt.getTime() / 1000) };
}

const ROW_COLUMNS = 'id, issuer_did, managed, size, jwt, iat, updated_at';
interface RawRow {
  id: string;
  issuer_did: string;
  managed: boolean;
  size: number;
  jwt: string;
  iat: number | string;
  updated_at: Date;
}
const toRow = (row: RawRow): StatusListRow => ({
  id: row.id,
  issuerDid: row.issuer_did,
  managed: row.managed,
  size: row.size,
  jwt: row.jwt,
  iat: Number(row.iat),
  updatedAt: row.updated_at,
});

export async function readStatusList(db: Db, id: string): Promise<StatusListRow | undefined> {
  const { rows } = await db.query<RawRow>(`SELECT ${ROW_COLUMNS} FROM status_lists WHERE id = $1`, [
    id,
  ]);
  return rows[0] === undefined ? undefined : toRow(rows[0]);
}

/**
 * The list as it should be served: a managed list of this server's issuer whose signature is older
 * than half its `ttl` is signed again first (same bits, new `iat`), under a row lock so that
 * instances serving at once sign it once. A verifier honours `ttl` as the list's maximum age
 * (src/core/verification/status.ts), so a list re-signed only on revoke would read as stale.
 * Published lists (signed by the desk) are served as they came.
 */
export async function freshStatusList(
  db: Db,
  ctx: StatusContext,
  id: string,
): Promise<StatusListRow | undefined> {
  const row = await readStatusList(db, id);
  if (row === undefined || !isStale(row, ctx)) return row;
  const issuer = ctx.issuer;
  if (issuer === null || !row.managed || row.issuerDid !== issuer.did) return row;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<RawRow & { bits: Uint8Array | null }>(
      `SELECT ${ROW_COLUMNS}, bits FROM status_lists WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const locked = rows[0];
    if (locked === undefined) return undefined;
    const current = toRow(locked);
    if (!isStale(current, ctx) || locked.bits === null) return current;
    const { jwt, iat } = await signList(ctx, issuer, id, new Uint8Array(locked.bits));
    const updatedAt = ctx.now();
    await tx.query('UPDATE status_lists SET jwt = $2, iat = $3, updated_at = $4 WHERE id = $1', [
      id,
      jwt,
      iat,
      updatedAt.toISOString(),
    ]);
    return { ...current, jwt, iat, updatedAt };
  });
}

function isStale(row: StatusListRow, ctx: StatusContext): boolean {
  const ageSeconds = ctx.now().getTime() / 1000 - row.iat;
  return ageSeconds > cacheSecondsOf(ctx) / 2;
}

/** The managed lists of this server's issuer that still hand out indices, oldest first. */
export async function openStatusLists(db: Db, issuerDid: string): Promise<StatusListRow[]> {
  const { rows } = await db.query<RawRow>(
    `SELECT ${ROW_COLUMNS} FROM status_lists
      WHERE managed AND full_at IS NULL AND issuer_did = $1 ORDER BY created_at, id`,
    [issuerDid],
  );
  return rows.map(toRow);
}

/** The managed lists of this server's issuer, full or not, oldest first. */
export async function managedStatusLists(db: Db, issuerDid: string): Promise<StatusListRow[]> {
  const { rows } = await db.query<RawRow>(
    `SELECT ${ROW_COLUMNS} FROM status_lists WHERE managed AND issuer_did = $1 ORDER BY created_at, id`,
    [issuerDid],
  );
  return rows.map(toRow);
}

/**
 * The list new credentials get indices from: the oldest open one, or a new one (opened under an
 * advisory lock, so processes starting together open one list, not one each).
 */
export async function ensureOpenStatusList(db: Db, ctx: StatusContext): Promise<StatusListRow> {
  const issuer = requireIssuer(ctx);
  const existing = (await openStatusLists(db, issuer.did))[0];
  if (existing !== undefined) return existing;
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${OPEN_LIST_LOCK_KEY})`);
    const raced = (await openStatusLists(tx, issuer.did))[0];
    if (raced !== undefined) return raced;
    const size = ctx.statusLists?.size ?? DEFAULT_STATUS_LIST_SIZE;
    const problem = statusListSizeProblem(size);
    if (problem !== undefined) throw new RangeError(`status list size: ${problem}`);
    const id = encodeBase64Url(ctx.randomBytes(9));
    const bits = new Uint8Array(size / 8);
    const { jwt, iat } = await signList(ctx, issuer, id, bits);
    const { rows } = await tx.query<RawRow>(
      `INSERT INTO status_lists (id, issuer_did, managed, size, bits, jwt, iat, created_at, updated_at)
       VALUES ($1, $2, true, $3, $4, $5, $6, $7, $7) RETURNING ${ROW_COLUMNS}`,
      [id, issuer.did, size, bits, jwt, iat, ctx.now().toISOString()],
    );
    return toRow(rows[0] as RawRow);
  });
}

/**
 * Hands out a fresh, random, never-used index for a new credential: `{ uri, idx }` is the
 * credential's `status.status_list`. Pass a transaction as `db` to make the allocation part of
 * the issuance (rolled back with it, the index is free again).
 */
export async function allocateStatusIndex(
  db: Db,
  ctx: StatusContext,
): Promise<{ uri: string; idx: number }> {
  for (let list = 0; list < 4; list++) {
    const open = await ensureOpenStatusList(db, ctx);
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const idx = uniformBelow(open.size, ctx.randomBytes);
      const inserted = await db.query(
        `INSERT INTO status_allocations (list_id, idx, allocated_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [open.id, idx, ctx.now().toISOString()],
      );
      if (inserted.affectedRows === 1) return { uri: statusListUri(ctx, open.id), idx };
    }
    await db.query('UPDATE status_lists SET full_at = $2 WHERE id = $1 AND full_at IS NULL', [
      open.id,
      ctx.now().toISOString(),
    ]);
    // A full list stays hosted and revocable; the next round opens a new one.
  }
  throw new Error('allocateStatusIndex: no status list would take a new index');
}

export type RevokeOutcome =
  | {
      readonly ok: true;
      readonly uri: string;
      readonly index: number;
      readonly changed: boolean;
      /** Every index of the list set by this call (the index and, with `also`, its copies). */
      readonly changedIndices: readonly number[];
    }
  | {
      readonly ok: false;
      readonly reason: 'unknown-list' | 'not-managed' | 'other-issuer' | 'index-out-of-range';
      readonly message: string;
    };

/**
 * Sets entry `index` of managed list `id` to 1 (revoked), and the entries `also` (the other
 * copies of the same credential in this list), and re-signs the list once, atomically.
 */
export async function revokeStatusIndex(
  db: Db,
  ctx: StatusContext,
  id: string,
  index: number,
  also: readonly number[] = [],
): Promise<RevokeOutcome> {
  const issuer = requireIssuer(ctx);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      managed: boolean;
      size: number;
      bits: Uint8Array | null;
      issuer_did: string;
    }>('SELECT managed, size, bits, issuer_did FROM status_lists WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (row === undefined)
      return { ok: false, reason: 'unknown-list', message: 'no such status list' };
    if (!row.managed || row.bits === null) {
      return {
        ok: false,
        reason: 'not-managed',
        message: 'this list is published by the issuer desk; revoke there and publish it again',
      };
    }
    if (row.issuer_did !== issuer.did) {
      return {
        ok: false,
        reason: 'other-issuer',
        message: "this list was signed with another issuer key than this server's",
      };
    }
    const indices = [index, ...also];
    if (indices.some((entry) => !Number.isSafeInteger(entry) || entry < 0 || entry >= row.size)) {
      return {
        ok: false,
        reason: 'index-out-of-range',
        message: `"index" must be 0 to ${row.size - 1}`,
      };
    }
    const uri = statusListUri(ctx, id);
    const bits = new Uint8Array(row.bits);
    const changedIndices = [...new Set(indices)].filter((entry) => !getBit(bits, entry));
    if (changedIndices.length === 0) {
      return { ok: true, uri, index, changed: false, changedIndices };
    }
    for (const entry of changedIndices) {
      setBit(bits, entry);
      // An index revoked before it was handed out is never handed out afterwards.
      await tx.query(
        `INSERT INTO status_allocations (list_id, idx, allocated_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [id, entry, ctx.now().toISOString()],
      );
    }
    const { jwt, iat } = await signList(ctx, issuer, id, bits);
    await tx.query(
      'UPDATE status_lists SET bits = $2, jwt = $3, iat = $4, updated_at = $5 WHERE id = $1',
      [id, bits, jwt, iat, ctx.now().toISOString()],
    );
    const w3c = await signW3cStatusList(ctx, issuer, id, bits);
    await storeManagedW3cStatusList(tx, ctx, { id, issuerDid: issuer.did, ...w3c });
    return { ok: true, uri, index, changed: changedIndices.includes(index), changedIndices };
  });
}
