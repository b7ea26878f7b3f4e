/**
 * The verifier's requests and verdicts on the database (table in migrations.ts). The one step
 * that must be atomic, answering a request (spending its nonce and state), is `claimAnswer`: one
 * UPDATE whose WHERE decides who wins.
 */
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import type { ResponseDecryptionKey } from '../../core/protocol/openid4vp/direct-post.ts';
import type { RuleId } from '../../core/rules/index.ts';
import type { Db } from '../context.ts';

export type ServerResponseMode = 'direct_post' | 'direct_post.jwt';

/** A purpose per language (the wallet shows the citizen's). */
export type PurposeTexts = Readonly<Partial<Record<'nl' | 'fr' | 'en', string>>>;

export interface VerifierRequest {
  readonly id: string;
  readonly type: CredentialTypeId;
  readonly claims: readonly string[];
  readonly purpose?: string | PurposeTexts;
  readonly verifierName?: string;
  readonly responseMode: ServerResponseMode;
  readonly nonce: string;
  readonly state: string;
  /** direct_post.jwt: the private key answers are encrypted to (key material: never log it). */
  readonly encryptionKey?: ResponseDecryptionKey;
  /** Same-device flows: where the wallet sends the citizen after answering (sans response_code). */
  readonly redirectUri?: string;
  readonly responseCode?: string;
  /** `vouch.rule` and `vouch.declare` of the request object. */
  readonly rule?: RuleId;
  readonly declare?: readonly string[];
  /** `vouch.period`: the month the request is about (`YYYY-MM`). */
  readonly period?: string;
  /** Minted by a fetch of this application link's request_uri (applications.ts). */
  readonly applicationId?: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

interface Row {
  id: string;
  type: string;
  claims: unknown;
  purpose: string | null;
  verifier_name: string | null;
  response_mode: string;
  nonce: string;
  state: string;
  encryption_key: unknown;
  redirect_uri: string | null;
  response_code: string | null;
  created_at: unknown;
  expires_at: unknown;
  purposes: unknown;
  rule: string | null;
  declare_facts: unknown;
  application_id: string | null;
  period: string | null;
}

const COLUMNS =
  'id, type, claims, purpose, verifier_name, response_mode, nonce, state, encryption_key, redirect_uri, response_code, created_at, expires_at, purposes, rule, declare_facts, application_id, period';

export const asDate = (value: unknown): Date =>
  value instanceof Date ? value : new Date(String(value));
export const asJson = (value: unknown): unknown =>
  typeof value === 'string' ? JSON.parse(value) : value;

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** A purpose as stored: the text column, or the per-language JSON column. */
export function purposeOf(text: string | null, texts: unknown): string | PurposeTexts | undefined {
  if (text !== null) return text;
  const json = asJson(texts);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const entries = Object.entries(json).filter(
    ([language, value]) => ['nl', 'fr', 'en'].includes(language) && typeof value === 'string',
  );
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as PurposeTexts);
}

function toRequest(row: Row): VerifierRequest {
  const key = asJson(row.encryption_key);
  const purpose = purposeOf(row.purpose, row.purposes);
  const declare = asJson(row.declare_facts);
  return {
    id: row.id,
    type: row.type as CredentialTypeId,
    claims: asStrings(asJson(row.claims)),
    ...(purpose === undefined ? {} : { purpose }),
    ...(row.verifier_name === null ? {} : { verifierName: row.verifier_name }),
    responseMode: row.response_mode === 'direct_post.jwt' ? 'direct_post.jwt' : 'direct_post',
    nonce: row.nonce,
    state: row.state,
    ...(key === null || key === undefined ? {} : { encryptionKey: key as ResponseDecryptionKey }),
    ...(row.redirect_uri === null ? {} : { redirectUri: row.redirect_uri }),
    ...(row.response_code === null ? {} : { responseCode: row.response_code }),
    ...(row.rule === null ? {} : { rule: row.rule as RuleId }),
    ...(Array.isArray(declare) ? { declare: asStrings(declare) } : {}),
    ...(row.application_id === null ? {} : { applicationId: row.application_id }),
    ...(row.period === null ? {} : { period: row.period }),
    createdAt: asDate(row.created_at),
    expiresAt: asDate(row.expires_at),
  };
}

export async function insertRequest(db: Db, request: VerifierRequest): Promise<void> {
  await db.query(
    `INSERT INTO vp_requests (${COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      request.id,
      request.type,
      JSON.stringify(request.claims),
      typeof request.purpose === 'string' ? request.purpose : null,
      request.verifierName ?? null,
      request.responseMode,
      request.nonce,
      request.state,
      request.encryptionKey === undefined ? null : JSON.stringify(request.encryptionKey),
      request.redirectUri ?? null,
      request.responseCode ?? null,
      request.createdAt.toISOString(),
      request.expiresAt.toISOString(),
      typeof request.purpose === 'object' ? JSON.stringify(request.purpose) : null,
      request.rule ?? null,
      request.declare === undefined ? null : JSON.stringify(request.declare),
      request.applicationId ?? null,
      request.period ?? null,
    ],
  );
}

/** A request still waiting for its answer (unanswered, unexpired). */
export async function readOpenRequest(
  db: Db,
  id: string,
  now: Date,
): Promise<VerifierRequest | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM vp_requests WHERE id = $1 AND answered_at IS NULL AND expires_at > $2`,
    [id, now.toISOString()],
  );
  return rows[0] && toRequest(rows[0]);
}

/**
 * Spends the request: true for exactly one caller, while it is open. The encryption key is erased
 * in the same statement (nothing else will ever need it).
 */
export async function claimAnswer(db: Db, id: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE vp_requests SET answered_at = $2, encryption_key = NULL
     WHERE id = $1 AND answered_at IS NULL AND expires_at > $2 RETURNING id`,
    [id, now.toISOString()],
  );
  return rows.length === 1;
}

/** The verdict, and the facts the citizen declared with the answer (`vouch.declared`), if any. */
export async function storeVerdict(
  db: Db,
  id: string,
  verdict: { valid: boolean } & Record<string, unknown>,
  declared?: Readonly<Record<string, unknown>>,
): Promise<void> {
  await db.query('UPDATE vp_requests SET valid = $2, verdict = $3, declared = $4 WHERE id = $1', [
    id,
    verdict.valid,
    JSON.stringify(verdict),
    declared === undefined ? null : JSON.stringify(declared),
  ]);
}

export type StoredResult =
  | { readonly state: 'unknown' }
  | { readonly state: 'pending' }
  | { readonly state: 'done'; readonly verdict: Record<string, unknown> };

export async function readResult(db: Db, id: string): Promise<StoredResult> {
  const { rows } = await db.query<{ verdict: unknown }>(
    'SELECT verdict FROM vp_requests WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (row === undefined) return { state: 'unknown' };
  const verdict = asJson(row.verdict);
  return typeof verdict === 'object' && verdict !== null
    ? { state: 'done', verdict: verdict as Record<string, unknown> }
    : { state: 'pending' };
}

/** The verdict's validity for the holder of a same-device response code (nothing else). */
export async function readValidityByResponseCode(
  db: Db,
  id: string,
  responseCode: string,
): Promise<boolean | undefined> {
  const { rows } = await db.query<{ valid: boolean | null }>(
    'SELECT valid FROM vp_requests WHERE id = $1 AND response_code = $2',
    [id, responseCode],
  );
  const valid = rows[0]?.valid;
  return typeof valid === 'boolean' ? valid : undefined;
}
