/**
 * The W3C twin of each status list (W3C Bitstring Status List v1.0; docs/w3c-vc.md "Status"):
 * `GET /status/:list.w3c` serves the same bits as `/status/:list` as a
 * BitstringStatusListCredential VC-JWT, signed by the same issuer. Kept in `w3c_status_lists`
 * (core-002), one row per list id:
 *
 * - Managed lists: signed by this server from `status_lists.bits` (mirrored to MSB-first and
 *   padded to 131,072 bits by core/w3c), on first fetch and again when older than half its ttl
 *   (like freshStatusList), and in the same transaction as every revoke (store.ts), so a revoke
 *   changes both lists at once.
 * - Published lists: a BitstringStatusListCredential the issuer desk signed with this server's
 *   issuer key (PUT /admin/status/:list.w3c), hosted as it came, under the IETF PUT's rules: it
 *   verifies, its id is this URL, purpose `revocation`, never older than the hosted one, never
 *   un-revoking an entry; refused for a list the server manages or whose IETF list another
 *   issuer signed.
 *
 * did-jwt-vc is loaded (dynamic import) only when a W3C list is signed or checked, so a server
 * that never serves one never loads it.
 */
import type { Db, ServerContext, SigningKey } from '../context.ts';
import { bitstringStatusListUrl } from '../../core/w3c/status-entry.ts';
import { cacheSecondsOf, statusListUri } from './list-config.ts';
import type { PublishProblem } from './publish.ts';
import { judgeReplacement, MANAGED_LIST_MESSAGE } from './replace-hosted.ts';
import type { StatusContext } from './list-config.ts';

export interface W3cStatusListRow {
  readonly id: string;
  readonly jwt: string;
  readonly iat: number;
  readonly updatedAt: Date;
}

interface RawW3cRow {
  id: string;
  jwt: string;
  iat: number | string;
  updated_at: Date;
}

const toRow = (row: RawW3cRow): W3cStatusListRow => ({
  id: row.id,
  jwt: row.jwt,
  iat: Number(row.iat),
  updatedAt: row.updated_at,
});

/** The URL of the W3C twin of list `id` on this server: its IETF URI + ".w3c". */
export function w3cStatusListUrl(ctx: Pick<ServerContext, 'publicUrl'>, id: string): string {
  return bitstringStatusListUrl(statusListUri(ctx, id));
}

/** Signs the W3C twin of a managed list from its IETF entries (LSB first, as stored). */
export async function signW3cStatusList(
  ctx: StatusContext,
  issuer: SigningKey,
  id: string,
  ietfBits: Uint8Array,
): Promise<{ jwt: string; iat: number }> {
  const { bitstringFromStatusBytes, signBitstringStatusListCredential } =
    await import('../../core/w3c/index.ts');
  const issuedAt = ctx.now();
  const jwt = await signBitstringStatusListCredential({
    issuer,
    url: w3cStatusListUrl(ctx, id),
    list: { bitstring: bitstringFromStatusBytes(ietfBits) },
    issuedAt,
    ttlSeconds: cacheSecondsOf(ctx),
  });
  return { jwt, iat: Math.floor(issuedAt.getTime() / 1000) };
}

/** Stores (insert or replace) the W3C twin of managed list `id`; call inside its transaction. */
export async function storeManagedW3cStatusList(
  tx: Db,
  ctx: Pick<ServerContext, 'now'>,
  row: { id: string; issuerDid: string; jwt: string; iat: number },
): Promise<W3cStatusListRow> {
  const { rows } = await tx.query<RawW3cRow>(
    `INSERT INTO w3c_status_lists (id, issuer_did, managed, jwt, iat, updated_at)
     VALUES ($1, $2, true, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET jwt = EXCLUDED.jwt, iat = EXCLUDED.iat,
       updated_at = EXCLUDED.updated_at
     RETURNING id, jwt, iat, updated_at`,
    [row.id, row.issuerDid, row.jwt, row.iat, ctx.now().toISOString()],
  );
  return toRow(rows[0] as RawW3cRow);
}

async function readW3cRow(db: Db, id: string): Promise<W3cStatusListRow | undefined> {
  const { rows } = await db.query<RawW3cRow>(
    'SELECT id, jwt, iat, updated_at FROM w3c_status_lists WHERE id = $1',
    [id],
  );
  return rows[0] === undefined ? undefined : toRow(rows[0]);
}

const isStale = (row: W3cStatusListRow | undefined, ctx: StatusContext): boolean =>
  row === undefined || ctx.now().getTime() / 1000 - row.iat > cacheSecondsOf(ctx) / 2;

/**
 * The W3C twin of list `id` as it should be served: for a managed list of this server's issuer,
 * signed first when it has none yet or when it is older than half its ttl (under the list's row
 * lock, so instances serving at once sign it once); a published one as it came.
 */
export async function freshW3cStatusList(
  db: Db,
  ctx: StatusContext,
  id: string,
): Promise<W3cStatusListRow | undefined> {
  const current = await readW3cRow(db, id);
  if (!isStale(current, ctx)) return current;
  const issuer = ctx.issuer;
  if (issuer === null) return current;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      managed: boolean;
      issuer_did: string;
      bits: Uint8Array | null;
    }>('SELECT managed, issuer_did, bits FROM status_lists WHERE id = $1 FOR UPDATE', [id]);
    const list = rows[0];
    const locked = await readW3cRow(tx, id);
    if (list === undefined || !list.managed || list.bits === null) return locked;
    if (list.issuer_did !== issuer.did || !isStale(locked, ctx)) return locked;
    const { jwt, iat } = await signW3cStatusList(ctx, issuer, id, new Uint8Array(list.bits));
    return storeManagedW3cStatusList(tx, ctx, { id, issuerDid: issuer.did, jwt, iat });
  });
}

export type PublishW3cProblem = PublishProblem;

export type PublishW3cOutcome =
  | { readonly ok: true; readonly uri: string; readonly created: boolean }
  | { readonly ok: false; readonly reason: PublishW3cProblem; readonly message: string };

/** The JWT payload of a list credential (decode only: call it on one that verified). */
async function payloadOf(jwt: string): Promise<Record<string, unknown> | undefined> {
  const { MAX_STATUS_LIST_CREDENTIAL_LENGTH, readVcJwt } = await import('../../core/w3c/index.ts');
  const read = readVcJwt(jwt, { maxLength: MAX_STATUS_LIST_CREDENTIAL_LENGTH });
  return read.ok ? read.value.payload : undefined;
}

/** The bitstring of a list credential that already verified. */
async function bitstringOf(jwt: string): Promise<Uint8Array | undefined> {
  const { decodeBitstringList } = await import('../../core/w3c/index.ts');
  const vc = (await payloadOf(jwt))?.vc as
    { credentialSubject?: { encodedList?: unknown } } | undefined;
  const bits = decodeBitstringList(vc?.credentialSubject?.encodedList);
  return bits.ok ? bits.value : undefined;
}

/** PUT /admin/status/:list.w3c: hosts a desk-signed BitstringStatusListCredential. */
export async function publishW3cStatusList(
  db: Db,
  ctx: Pick<ServerContext, 'publicUrl' | 'issuer' | 'now'>,
  id: string,
  jwt: string,
): Promise<PublishW3cOutcome> {
  const fail = (reason: PublishW3cProblem, message: string): PublishW3cOutcome => ({
    ok: false,
    reason,
    message,
  });
  if (ctx.issuer === null) return fail('wrong-issuer', 'this server has no issuer key');
  const { createDidResolver, verifyBitstringStatusListCredential } =
    await import('../../core/w3c/index.ts');
  const uri = w3cStatusListUrl(ctx, id);
  const verified = await verifyBitstringStatusListCredential(jwt, {
    now: ctx.now(),
    resolver: createDidResolver(),
    expectedUrl: uri,
  });
  if (!verified.ok) return fail('invalid-list', verified.detail.message);
  const list = verified.value;
  const payload = await payloadOf(jwt);
  const vc = payload?.vc as { id?: unknown } | undefined;
  if ((payload?.jti ?? vc?.id) !== uri) {
    return fail('invalid-list', `the list credential's id must be ${uri}`);
  }
  if (list.issuer !== ctx.issuer.did) {
    return fail('wrong-issuer', "the list is not signed with this server's issuer key");
  }
  if (list.purpose !== 'revocation') {
    return fail(
      'invalid-list',
      `"statusPurpose" must be revocation, got ${list.purpose.slice(0, 40)}`,
    );
  }
  const entries = await bitstringOf(jwt);
  if (entries === undefined) return fail('invalid-list', '"encodedList" cannot be read');

  return db.transaction(async (tx) => {
    const { rows: ietf } = await tx.query<{ managed: boolean; issuer_did: string }>(
      'SELECT managed, issuer_did FROM status_lists WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (ietf[0]?.managed === true) {
      return fail('managed-list', MANAGED_LIST_MESSAGE);
    }
    if (ietf[0] !== undefined && ietf[0].issuer_did !== list.issuer) {
      return fail('wrong-issuer', 'the IETF list of this id is signed by another issuer');
    }
    const { rows } = await tx.query<RawW3cRow & { managed: boolean }>(
      'SELECT id, jwt, iat, updated_at, managed FROM w3c_status_lists WHERE id = $1 FOR UPDATE',
      [id],
    );
    const hosted = rows[0];
    const now = ctx.now().toISOString();
    if (hosted === undefined) {
      await tx.query(
        `INSERT INTO w3c_status_lists (id, issuer_did, managed, jwt, iat, updated_at)
         VALUES ($1, $2, false, $3, $4, $5)`,
        [id, list.issuer, jwt, list.iat, now],
      );
      return { ok: true, uri, created: true };
    }
    const verdict = await judgeReplacement(hosted, { jwt, iat: list.iat, entries }, () =>
      bitstringOf(hosted.jwt),
    );
    if (verdict.kind === 'refused') return fail(verdict.reason, verdict.message);
    if (verdict.kind === 'unchanged') return { ok: true, uri, created: false };
    await tx.query(
      'UPDATE w3c_status_lists SET jwt = $2, iat = $3, updated_at = $4 WHERE id = $1',
      [id, jwt, list.iat, now],
    );
    return { ok: true, uri, created: false };
  });
}
