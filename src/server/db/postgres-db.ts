/**
 * The scale backend: a real PostgreSQL server through node-postgres (`pg.Pool`). Several
 * `vouch serve` processes may share one database; everything that must be atomic across them is a
 * single statement or a transaction here (docs/server.md "Several instances").
 */
import pg from 'pg';
import type { Db } from '../context.ts';
import type { OpenedDb } from './db.ts';

type Client = Pick<pg.PoolClient, 'query'>;

// Integers come back as numbers when they fit (count(*) is int8); never as strings.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') {
      return (text: string) => {
        const value = Number(text);
        return Number.isSafeInteger(value) ? value : text;
      };
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function wrapClient(client: Client, depth: number): Db {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query({ text: sql, values: [...params], types });
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql); // no values: the simple protocol, several statements allowed
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const name = `sp_${depth}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const value = await fn(wrapClient(client, depth + 1));
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}

export interface PostgresDbOptions {
  /** postgres://user:password@host:port/database (never logged: it may hold a password). */
  readonly connectionString: string;
  /** Connections per process (default 10). */
  readonly maxConnections?: number;
  /** A schema to use instead of `public` (tests isolate themselves with one). */
  readonly schema?: string;
}

export async function openPostgresDb(opts: PostgresDbOptions): Promise<OpenedDb> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new TypeError('openPostgresDb: "schema" must be a lower-case SQL identifier');
  }
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    ...(opts.schema === undefined ? {} : { options: `-c search_path=${opts.schema}` }),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query opens a fresh connection.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    if (opts.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a unique violation.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    client.release();
  }
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query({ text: sql, values: [...params], types });
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let broken = false;
      try {
        await connection.query('BEGIN');
        const value = await fn(wrapClient(connection, 1));
        await connection.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    kind: 'postgres',
    close: () => pool.end(),
  };
}
