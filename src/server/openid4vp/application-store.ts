/**
 * Application links on the database (vp-002 in migrations.ts): one `vp_applications` row per
 * published link, holding what its requests ask (a RequestSpec as JSON); each fetch of the link's
 * request_uri mints a `vp_requests` row naming it in `application_id`. Unanswered requests of one
 * link are capped (pruneUnanswered), so fetching the link in a loop cannot fill the database.
 */
import type { Db } from '../context.ts';
import type { RequestSpec } from './request-spec.ts';
import { asDate, asJson } from './store.ts';

export interface Application {
  readonly id: string;
  readonly name: string;
  readonly spec: RequestSpec;
  readonly createdAt: Date;
}

/** One answer to one of a link's requests: the verdict once stored, else still being verified. */
export interface ApplicationAnswer {
  readonly id: string;
  readonly answeredAt: Date;
  readonly verdict: Record<string, unknown> | null;
  readonly declared: Record<string, unknown> | null;
}

interface Row {
  id: string;
  name: string;
  spec: unknown;
  created_at: unknown;
  answers?: unknown;
}

const toApplication = (row: Row): Application => ({
  id: row.id,
  name: row.name,
  spec: asJson(row.spec) as RequestSpec,
  createdAt: asDate(row.created_at),
});

export async function insertApplication(db: Db, application: Application): Promise<void> {
  await db.query(
    'INSERT INTO vp_applications (id, name, spec, created_at) VALUES ($1, $2, $3, $4)',
    [
      application.id,
      application.name,
      JSON.stringify(application.spec),
      application.createdAt.toISOString(),
    ],
  );
}

/** A link still published (not withdrawn). */
export async function readApplication(db: Db, id: string): Promise<Application | undefined> {
  const { rows } = await db.query<Row>(
    'SELECT id, name, spec, created_at FROM vp_applications WHERE id = $1 AND withdrawn_at IS NULL',
    [id],
  );
  return rows[0] && toApplication(rows[0]);
}

/** The published links, newest first, each with how many answers it received. */
export async function listApplications(
  db: Db,
  limit: number,
): Promise<(Application & { answers: number })[]> {
  const { rows } = await db.query<Row>(
    `SELECT a.id, a.name, a.spec, a.created_at,
       (SELECT count(*) FROM vp_requests r
         WHERE r.application_id = a.id AND r.answered_at IS NOT NULL) AS answers
     FROM vp_applications a WHERE a.withdrawn_at IS NULL
     ORDER BY a.created_at DESC, a.id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ ...toApplication(row), answers: Number(row.answers ?? 0) }));
}

/**
 * Withdraws a link: later fetches of its request_uri get 404, and its requests not yet answered
 * are deleted (a wallet holding one gets 404 when it answers). False when no such published link.
 */
export async function withdrawApplication(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE vp_applications SET withdrawn_at = $2
       WHERE id = $1 AND withdrawn_at IS NULL RETURNING id`,
      [id, now.toISOString()],
    );
    if (rows.length !== 1) return false;
    await tx.query('DELETE FROM vp_requests WHERE application_id = $1 AND answered_at IS NULL', [
      id,
    ]);
    return true;
  });
}

/**
 * Keeps the newest `keep` unanswered requests of a link (open or expired) and deletes the rest:
 * the oldest requests stop being answerable first. Returns how many were deleted.
 */
export async function pruneUnanswered(
  db: Db,
  applicationId: string,
  keep: number,
): Promise<number> {
  const { affectedRows } = await db.query(
    `DELETE FROM vp_requests WHERE id IN (
       SELECT id FROM vp_requests WHERE application_id = $1 AND answered_at IS NULL
       ORDER BY created_at DESC, id DESC OFFSET $2)`,
    [applicationId, keep],
  );
  return affectedRows;
}

/** How many of a link's requests wait for an answer (unanswered, not expired). */
export async function countOpen(db: Db, applicationId: string, now: Date): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM vp_requests
     WHERE application_id = $1 AND answered_at IS NULL AND expires_at > $2`,
    [applicationId, now.toISOString()],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The answers a link received, newest first. */
export async function listAnswers(
  db: Db,
  applicationId: string,
  limit: number,
): Promise<ApplicationAnswer[]> {
  const { rows } = await db.query<{
    id: string;
    answered_at: unknown;
    verdict: unknown;
    declared: unknown;
  }>(
    `SELECT id, answered_at, verdict, declared FROM vp_requests
     WHERE application_id = $1 AND answered_at IS NOT NULL
     ORDER BY answered_at DESC, id LIMIT $2`,
    [applicationId, limit],
  );
  const objectOrNull = (value: unknown) => {
    const json = asJson(value);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  };
  return rows.map((row) => ({
    id: row.id,
    answeredAt: asDate(row.answered_at),
    verdict: objectOrNull(row.verdict),
    declared: objectOrNull(row.declared),
  }));
}
