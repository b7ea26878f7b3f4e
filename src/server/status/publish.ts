/**
 * PUT /admin/status/:list — hosting a statuslist+jwt the issuer desk signed (draft-ietf-oauth-
 * status-list §5.1) with this server's issuer key. Refused unless: it verifies (allowed algorithms,
 * typ, signature, `sub` = this server's URL for the list, not expired), its signer is this
 * server's issuer, it has 1-bit entries and at least 100,000 of them, it is not older than the
 * hosted one, and it revokes everything the hosted one revokes (a replayed old list must not
 * bring a revoked credential back).
 */
import type { Db, ServerContext } from '../context.ts';
import { decodeCompactJws } from '../../core/jose/index.ts';
import {
  decompressStatusList,
  MAX_STATUS_LIST_BYTES,
  statusListSizeProblem,
  verifyStatusListJwt,
} from '../../core/status-list/index.ts';
import { judgeReplacement, type ReplaceProblem } from './replace-hosted.ts';
import { statusListUri } from './store.ts';

export type PublishProblem = 'invalid-list' | 'wrong-issuer' | ReplaceProblem;

export type PublishOutcome =
  | { readonly ok: true; readonly uri: string; readonly created: boolean }
  | { readonly ok: false; readonly reason: PublishProblem; readonly message: string };

/** The decompressed entries of a list that already verified (so decoding cannot fail). */
function entriesOf(jwt: string): Uint8Array | undefined {
  const decoded = decodeCompactJws(jwt);
  if (!decoded.ok) return undefined;
  const statusList = decoded.value.payload.status_list as { lst?: unknown } | undefined;
  const bytes = decompressStatusList(statusList?.lst, MAX_STATUS_LIST_BYTES);
  return bytes.ok ? bytes.value : undefined;
}

export async function publishStatusList(
  db: Db,
  ctx: Pick<ServerContext, 'publicUrl' | 'issuer' | 'crypto' | 'now'>,
  id: string,
  jwt: string,
): Promise<PublishOutcome> {
  const fail = (reason: PublishProblem, message: string): PublishOutcome => ({
    ok: false,
    reason,
    message,
  });
  if (ctx.issuer === null) return fail('wrong-issuer', 'this server has no issuer key');
  const uri = statusListUri(ctx, id);
  const verified = await verifyStatusListJwt(jwt, {
    crypto: ctx.crypto,
    now: ctx.now(),
    expectedUri: uri,
  });
  if (!verified.ok) return fail('invalid-list', verified.detail.message);
  const list = verified.value;
  if (list.issuer !== ctx.issuer.did) {
    return fail('wrong-issuer', "the list is not signed with this server's issuer key");
  }
  if (list.bits !== 1)
    return fail('invalid-list', `"status_list.bits" must be 1, got ${list.bits}`);
  const sizeProblem = statusListSizeProblem(list.size);
  if (sizeProblem !== undefined) return fail('invalid-list', `the list's ${sizeProblem}`);
  const entries = entriesOf(jwt);
  if (entries === undefined) return fail('invalid-list', '"status_list.lst" cannot be read');

  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      managed: boolean;
      jwt: string;
      iat: number | string;
    }>('SELECT managed, jwt, iat FROM status_lists WHERE id = $1 FOR UPDATE', [id]);
    const hosted = rows[0];
    const now = ctx.now().toISOString();
    if (hosted === undefined) {
      await tx.query(
        `INSERT INTO status_lists (id, issuer_did, managed, size, bits, jwt, iat, created_at, updated_at)
         VALUES ($1, $2, false, $3, NULL, $4, $5, $6, $6)`,
        [id, list.issuer, list.size, jwt, list.iat, now],
      );
      return { ok: true, uri, created: true };
    }
    const verdict = await judgeReplacement(hosted, { jwt, iat: list.iat, entries }, () =>
      entriesOf(hosted.jwt),
    );
    if (verdict.kind === 'refused') return fail(verdict.reason, verdict.message);
    if (verdict.kind === 'unchanged') return { ok: true, uri, created: false };
    await tx.query('UPDATE status_lists SET jwt = $2, iat = $3, updated_at = $4 WHERE id = $1', [
      id,
      jwt,
      list.iat,
      now,
    ]);
    return { ok: true, uri, created: false };
  });
}
