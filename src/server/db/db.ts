/**
 * Opening the one query layer (context.ts `Db`): PGlite embedded (`--data <dir>` → <dir>/pgdata,
 * or in memory) or a PostgreSQL server (`--database postgres://…`).
 */
import type { Db } from '../context.ts';

export interface OpenedDb extends Db {
  readonly kind: 'pglite' | 'postgres';
  /** Closes the database (PGlite flushes to disk; the pool ends its connections). */
  close(): Promise<void>;
}

export type DbLocation =
  | { readonly kind: 'pglite'; readonly dataDir?: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema?: string };

export async function openDb(location: DbLocation): Promise<OpenedDb> {
  if (location.kind === 'pglite') {
    const { openPgliteDb } = await import('./pglite-db.ts');
    return openPgliteDb(location.dataDir === undefined ? {} : { dataDir: location.dataDir });
  }
  const { openPostgresDb } = await import('./postgres-db.ts');
  return openPostgresDb(location);
}

/** True for a PostgreSQL unique violation (SQLSTATE 23505), from either backend. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
