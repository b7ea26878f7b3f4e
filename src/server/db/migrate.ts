/**
 * The migration runner: applies each `Migration` once, in registry order, each in its own
 * transaction together with its row in `schema_migrations`. Every step first takes a transaction-
 * scoped Postgres advisory lock, so several `vouch serve` processes starting at once on one
 * database apply each migration exactly once (the others wait, then see it recorded).
 */
import type { Db, Migration } from '../context.ts';

/** pg_advisory_xact_lock key: the ASCII bytes "vouch-mi" as a big-endian int8, fixed forever. */
export const MIGRATION_LOCK_KEY = '8534168888700398953';
const MIGRATION_ID = /^[a-z][a-z0-9]*-\d{3}$/;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Throws on a registry mistake (a bug, caught by the registry's own test): bad or repeated ids. */
export function checkMigrations(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (!MIGRATION_ID.test(migration.id)) {
      throw new TypeError(`migration id ${JSON.stringify(migration.id)} is not <module>-<nnn>`);
    }
    if (seen.has(migration.id)) throw new TypeError(`migration id ${migration.id} is listed twice`);
    seen.add(migration.id);
  }
}

async function lock(tx: Db): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
  await tx.query(CREATE_TABLE);
}

/** Applies what is missing; returns the ids it applied (empty when the schema is current). */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  checkMigrations(migrations);
  const appliedNow: string[] = [];
  const alreadyApplied = await db.transaction(async (tx) => {
    await lock(tx);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations');
    return new Set(rows.map((row) => row.id));
  });
  for (const migration of migrations) {
    if (alreadyApplied.has(migration.id)) continue;
    const applied = await db.transaction(async (tx) => {
      await lock(tx);
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [
        migration.id,
      ]);
      if (rows.length > 0) return false; // another process applied it while we waited
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (applied) appliedNow.push(migration.id);
  }
  return appliedNow;
}
