/**
 * The embedded backend: PGlite (Postgres compiled to WASM, in-process). One connection; PGlite
 * queues every query and transaction behind its own mutex, so transactions never interleave.
 * `dataDir` undefined = in memory (tests).
 */
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db } from '../context.ts';
import type { OpenedDb } from './db.ts';

type Queryable = PGlite | Transaction;

function wrap(target: Queryable, depth: number): Db {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (target instanceof PGlite) return target.transaction((tx) => fn(wrap(tx, 1)));
      // Nested: a savepoint inside the open transaction.
      const name = `sp_${depth}`;
      await target.query(`SAVEPOINT ${name}`);
      try {
        const value = await fn(wrap(target, depth + 1));
        await target.query(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await target.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}

export async function openPgliteDb(opts: { dataDir?: string } = {}): Promise<OpenedDb> {
  const pglite = opts.dataDir === undefined ? new PGlite() : new PGlite(opts.dataDir);
  await pglite.waitReady;
  return {
    ...wrap(pglite, 0),
    kind: 'pglite',
    close: () => pglite.close(),
  };
}
