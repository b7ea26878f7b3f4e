/**
 * The issuer's storage on the database (tables in migrations.ts): the `IssuanceStore` port of
 * src/core/oid4vci/endpoint.ts, plus the offers the admin API creates. Each single-use step is one statement with a `WHERE … IS NULL` (or a DELETE) and
 * `RETURNING`: the database decides who wins, so several `vouch serve` processes on one PostgreSQL
 * database never redeem a code, spend a nonce or use a token twice.
 */
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { digestSecret } from '../../core/oid4vci/endpoint.ts';
import type {
  AccessTokenRecord,
  IssuanceStore,
  OfferToIssue,
  PreAuthorizedCodeRecord,
} from '../../core/oid4vci/endpoint.ts';
import { credentialConfigurationId, SD_JWT_VC_FORMAT } from '../../core/oid4vci/metadata.ts';
import type { CredentialFormat } from '../../core/oid4vci/metadata.ts';
import type { Db } from '../context.ts';

export interface NewOffer {
  readonly id: string;
  readonly type: CredentialTypeId;
  /** Default: dc+sd-jwt. */
  readonly format?: CredentialFormat;
  readonly claims: Record<string, unknown>;
  readonly code: string;
  /** The transaction code the wallet user types, when the offer asks for one. */
  readonly txCode?: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface OpenOffer {
  readonly id: string;
  readonly type: CredentialTypeId;
  readonly format: CredentialFormat;
  readonly code: string;
  readonly hasTxCode: boolean;
}

export async function insertOffer(db: Db, offer: NewOffer): Promise<void> {
  await db.query(
    `INSERT INTO vci_offers (id, type, claims, code, tx_code_digest, created_at, expires_at, format)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      offer.id,
      offer.type,
      JSON.stringify(offer.claims),
      offer.code,
      offer.txCode === undefined ? null : digestSecret(offer.txCode),
      offer.createdAt.toISOString(),
      offer.expiresAt.toISOString(),
      offer.format ?? SD_JWT_VC_FORMAT,
    ],
  );
}

/** The format column, read defensively (a value the CHECK would refuse reads as SD-JWT VC). */
const formatOf = (value: unknown): CredentialFormat =>
  value === 'jwt_vc_json' ? 'jwt_vc_json' : SD_JWT_VC_FORMAT;

/** The one configuration id an offer row names. */
const configurationIdsOf = (row: { type: string; format: unknown }): string[] => [
  credentialConfigurationId(row.type as CredentialTypeId, formatOf(row.format)),
];

/** An offer that can still be redeemed (open, unexpired), for `GET /offers/:id`. */
export async function readOpenOffer(db: Db, id: string, now: Date): Promise<OpenOffer | undefined> {
  const { rows } = await db.query<{
    id: string;
    type: string;
    format: string;
    code: string;
    has_tx: boolean;
  }>(
    `SELECT id, type, format, code, tx_code_digest IS NOT NULL AS has_tx FROM vci_offers
     WHERE id = $1 AND code IS NOT NULL AND redeemed_at IS NULL AND expires_at > $2`,
    [id, now.toISOString()],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      type: row.type as CredentialTypeId,
      format: formatOf(row.format),
      code: row.code,
      hasTxCode: row.has_tx,
    }
  );
}

/** PGlite and node-postgres give jsonb back parsed; a string would be an older driver's doing. */
function asClaims(value: unknown): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError('vci_offers.claims is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/**
 * The port on the database. `now` is read per call (the server's clock), so expired codes,
 * tokens and nonces are refused by the same statement that would spend them.
 */
export function createIssuanceStore(db: Db, now: () => Date): IssuanceStore {
  return {
    async findPreAuthorizedCode(code): Promise<PreAuthorizedCodeRecord | undefined> {
      const { rows } = await db.query<{
        id: string;
        type: string;
        format: string;
        tx_code_digest: string | null;
        expires_at: unknown;
        tx_code_failures: number;
      }>(
        `SELECT id, type, format, tx_code_digest, expires_at, tx_code_failures FROM vci_offers
         WHERE code = $1 AND redeemed_at IS NULL`,
        [code],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        offerId: row.id,
        credentialConfigurationIds: configurationIdsOf(row),
        ...(row.tx_code_digest === null ? {} : { txCodeDigest: row.tx_code_digest }),
        expiresAt: asDate(row.expires_at),
        wrongTxCodeAttempts: Number(row.tx_code_failures),
      };
    },

    async reserveTxCodeAttempt(code, max) {
      // One statement takes the attempt or refuses it: concurrent UPDATEs of the row queue on its
      // lock and each re-checks `tx_code_failures < $2` on the row the one before it left.
      // Every attempt counts as a failure; a right code then redeems (and erases) the code.
      const { rows } = await db.query<{ id: string }>(
        `UPDATE vci_offers SET tx_code_failures = tx_code_failures + 1
         WHERE code = $1 AND redeemed_at IS NULL AND tx_code_failures < $2 RETURNING id`,
        [code, max],
      );
      return rows.length === 1;
    },

    async redeemPreAuthorizedCode(code, accessToken, refreshToken) {
      return db.transaction(async (tx) => {
        // One statement decides who redeems: the code is erased as it is spent.
        const { rows } = await tx.query<{ id: string }>(
          `UPDATE vci_offers SET redeemed_at = $2, code = NULL
           WHERE code = $1 AND redeemed_at IS NULL AND expires_at > $2 RETURNING id`,
          [code, now().toISOString()],
        );
        const offer = rows[0];
        if (offer === undefined) return false;
        await tx.query(
          'INSERT INTO vci_access_tokens (token_digest, offer_id, expires_at) VALUES ($1, $2, $3)',
          [accessToken.digest, offer.id, accessToken.expiresAt.toISOString()],
        );
        if (refreshToken !== undefined) {
          await tx.query(
            'INSERT INTO vci_refresh_tokens (token_digest, offer_id, expires_at) VALUES ($1, $2, $3)',
            [refreshToken.digest, offer.id, refreshToken.expiresAt.toISOString()],
          );
        }
        return true;
      });
    },

    async rotateRefreshToken(digest, next) {
      return db.transaction(async (tx) => {
        const at = now().toISOString();
        // One statement decides who spends it; the offer's row tells whether it was revoked.
        const { rows } = await tx.query<{ offer_id: string; revoked: boolean }>(
          `UPDATE vci_refresh_tokens r SET used_at = $2 FROM vci_offers o
           WHERE r.token_digest = $1 AND r.used_at IS NULL AND r.expires_at > $2
             AND o.id = r.offer_id
           RETURNING r.offer_id, o.revoked_at IS NOT NULL AS revoked`,
          [digest, at],
        );
        const spent = rows[0];
        if (spent === undefined) {
          // A used token again: a copy of it is abroad. End the open ones of its offer.
          await tx.query(
            `UPDATE vci_refresh_tokens SET used_at = $2 WHERE used_at IS NULL AND offer_id IN
             (SELECT offer_id FROM vci_refresh_tokens WHERE token_digest = $1 AND used_at IS NOT NULL)`,
            [digest, at],
          );
          return 'unknown';
        }
        // Forget expired refresh tokens now and then (kept until then for reuse detection).
        if (digest.charCodeAt(0) % 16 === 0) {
          await tx.query('DELETE FROM vci_refresh_tokens WHERE expires_at <= $1', [at]);
        }
        if (spent.revoked) return 'revoked';
        await tx.query(
          'INSERT INTO vci_access_tokens (token_digest, offer_id, expires_at) VALUES ($1, $2, $3)',
          [next.accessToken.digest, spent.offer_id, next.accessToken.expiresAt.toISOString()],
        );
        await tx.query(
          'INSERT INTO vci_refresh_tokens (token_digest, offer_id, expires_at) VALUES ($1, $2, $3)',
          [next.refreshToken.digest, spent.offer_id, next.refreshToken.expiresAt.toISOString()],
        );
        return 'ok';
      });
    },

    async saveNonce(nonce, expiresAt) {
      await db.query('INSERT INTO vci_nonces (nonce, expires_at) VALUES ($1, $2)', [
        nonce,
        expiresAt.toISOString(),
      ]);
      // Forget the expired ones now and then (idempotent; any instance may do it).
      if (nonce.charCodeAt(0) % 16 === 0) {
        await db.query('DELETE FROM vci_nonces WHERE expires_at <= $1', [now().toISOString()]);
      }
    },

    async consumeNonce(nonce, at) {
      const { rows } = await db.query(
        'DELETE FROM vci_nonces WHERE nonce = $1 AND expires_at > $2 RETURNING nonce',
        [nonce, at.toISOString()],
      );
      return rows.length === 1;
    },

    async findAccessToken(digest): Promise<AccessTokenRecord | undefined> {
      const { rows } = await db.query<{
        offer_id: string;
        type: string;
        format: string;
        expires_at: unknown;
      }>(
        `SELECT t.offer_id, o.type, o.format, t.expires_at FROM vci_access_tokens t
         JOIN vci_offers o ON o.id = t.offer_id
         WHERE t.token_digest = $1 AND t.used_at IS NULL`,
        [digest],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        offerId: row.offer_id,
        credentialConfigurationIds: configurationIdsOf(row),
        expiresAt: asDate(row.expires_at),
      };
    },

    async claimIssuance(digest): Promise<OfferToIssue | undefined> {
      const { rows } = await db.query<{ type: string; format: string; claims: unknown }>(
        `UPDATE vci_access_tokens t SET used_at = $2 FROM vci_offers o
         WHERE t.token_digest = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND o.id = t.offer_id
           AND o.revoked_at IS NULL
         RETURNING o.type, o.format, o.claims`,
        [digest, now().toISOString()],
      );
      const row = rows[0];
      return (
        row && {
          type: row.type as CredentialTypeId,
          format: formatOf(row.format),
          claims: asClaims(row.claims),
        }
      );
    },
  };
}

/** Remembers which offer each status index was issued for (every copy, refreshed ones too). */
export async function recordIssuedStatus(
  db: Db,
  offerId: string,
  entries: readonly { listId: string; idx: number }[],
): Promise<void> {
  for (const entry of entries) {
    await db.query('INSERT INTO vci_issued_status (list_id, idx, offer_id) VALUES ($1, $2, $3)', [
      entry.listId,
      entry.idx,
      offerId,
    ]);
  }
}

/**
 * Every status entry issued for the same credential as entry `idx` of list `listId` (itself
 * included), and marks that credential revoked so it is never refreshed. Empty when the entry
 * was not issued over OpenID4VCI (e.g. an index the desk allocated); then only it is revoked.
 */
export async function revokeIssuanceOf(
  db: Db,
  listId: string,
  idx: number,
  at: Date,
): Promise<{ listId: string; idx: number }[]> {
  // Beyond the integer column: no issued entry (the list's own range check answers).
  if (!Number.isSafeInteger(idx) || idx < 0 || idx > 0x7fff_ffff) return [];
  const { rows: offers } = await db.query<{ offer_id: string }>(
    `UPDATE vci_offers SET revoked_at = COALESCE(revoked_at, $3)
     WHERE id = (SELECT offer_id FROM vci_issued_status WHERE list_id = $1 AND idx = $2)
     RETURNING id AS offer_id`,
    [listId, idx, at.toISOString()],
  );
  const offer = offers[0];
  if (offer === undefined) return [];
  const { rows } = await db.query<{ list_id: string; idx: number }>(
    'SELECT list_id, idx FROM vci_issued_status WHERE offer_id = $1 ORDER BY list_id, idx',
    [offer.offer_id],
  );
  return rows.map((row) => ({ listId: row.list_id, idx: Number(row.idx) }));
}
