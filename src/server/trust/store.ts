/**
 * The verifier's trust (docs/server.md "Trust"): by default it trusts this server's own issuer for
 * every Vouch type; PUT /admin/trust adds signed trust lists (src/core/trust), kept per signer
 * (a newer list from the same signer replaces the older one). Lists are verified when imported
 * and again when read (a stored list may have expired since, or the row may have been edited).
 */
import type { Db, ServerContext } from '../context.ts';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { readSignedTrustList, trustListExpired, verifyTrustList } from '../../core/trust/index.ts';
import type { TrustList, VerifiedTrustList } from '../../core/trust/index.ts';

export const OWN_ISSUER_NAME = 'this server';

/** The default list: the server's own issuer, trusted for every Vouch type. */
export function ownIssuerTrust(ctx: Pick<ServerContext, 'issuer'>): TrustList | undefined {
  if (ctx.issuer === null) return undefined;
  return {
    issuer: ctx.issuer.did,
    name: OWN_ISSUER_NAME,
    iat: 0,
    entries: [
      {
        did: ctx.issuer.did,
        name: OWN_ISSUER_NAME,
        vct: Object.values(CREDENTIAL_TYPES).map((type) => type.vct),
      },
    ],
  };
}

export type ImportOutcome =
  | { readonly ok: true; readonly list: VerifiedTrustList; readonly replaced: boolean }
  | { readonly ok: false; readonly reason: 'invalid' | 'stale'; readonly message: string };

export async function importTrustList(
  db: Db,
  ctx: Pick<ServerContext, 'crypto' | 'now'>,
  jwt: string,
): Promise<ImportOutcome> {
  const verified = await verifyTrustList(jwt, { crypto: ctx.crypto, now: ctx.now() });
  if (!verified.ok) return { ok: false, reason: 'invalid', message: verified.detail.message };
  const list = verified.value;
  const { rows } = await db.query<{ replaced: boolean }>(
    `INSERT INTO trust_lists (signer, jwt, iat, imported_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (signer) DO UPDATE SET jwt = EXCLUDED.jwt, iat = EXCLUDED.iat,
       imported_at = EXCLUDED.imported_at
     WHERE trust_lists.iat <= EXCLUDED.iat
     RETURNING (xmax <> 0) AS replaced`,
    [list.issuer, jwt.trim(), list.iat, ctx.now().toISOString()],
  );
  if (rows[0] === undefined) {
    return {
      ok: false,
      reason: 'stale',
      message: 'a newer list from the same signer is already kept',
    };
  }
  return { ok: true, list, replaced: rows[0].replaced };
}

const verifiedCache = new Map<string, VerifiedTrustList>();
const MAX_CACHED = 256;

/**
 * Every list the verifier trusts now: its own issuer first, then the imported lists that still
 * verify and have not expired. For the OpenID4VP verifier (core's `trustedIssuer(lists, did, vct)`).
 */
export async function loadTrust(
  ctx: Pick<ServerContext, 'db' | 'issuer' | 'crypto' | 'now'>,
): Promise<TrustList[]> {
  const lists: TrustList[] = [];
  const own = ownIssuerTrust(ctx);
  if (own !== undefined) lists.push(own);
  const { rows } = await ctx.db.query<{ jwt: string }>(
    'SELECT jwt FROM trust_lists ORDER BY signer',
  );
  for (const { jwt } of rows) {
    let list = verifiedCache.get(jwt);
    if (list === undefined) {
      const read = await readSignedTrustList(jwt, { crypto: ctx.crypto });
      if (!read.ok) continue;
      const { expSource: _source, ...verified } = read.value;
      list = verified;
      if (verifiedCache.size >= MAX_CACHED) verifiedCache.clear();
      verifiedCache.set(jwt, list);
    }
    if (!trustListExpired(list, ctx.now())) lists.push(list);
  }
  return lists;
}
