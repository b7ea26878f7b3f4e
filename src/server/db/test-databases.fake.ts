/**
 * The databases the db tests run on: PGlite always; PostgreSQL when VOUCH_TEST_DATABASE_URL is
 * set (scripts/postgres-test-cluster.mjs, `npm test`). With VOUCH_REQUIRE_POSTGRES=1 and no URL,
 * the PostgreSQL backend is still listed and fails to open: those tests fail, never skip.
 * Each test database is a fresh schema, dropped at close.
 */
import type { OpenedDb } from './db.ts';
import { openDb } from './db.ts';

export interface TestDatabase {
  readonly db: OpenedDb;
  /**
   * Another connection pool on the same database, like a second `vouch serve` process. PGlite
   * has one connection per database, so there it is the same instance.
   */
  openAnother(): Promise<OpenedDb>;
  close(): Promise<void>;
}

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

let sharedPglite: Promise<OpenedDb> | undefined;
let schemas = 0;
/** Open schemas, innermost last: closing one points search_path back at the one before. */
const openSchemas: string[] = [];

/**
 * PGlite takes seconds to start, so a test file's PGlite databases are schemas of one instance
 * (its single connection's search_path points at the one opened last and not closed yet; a
 * file's tests run one at a time).
 */
const pglite: TestBackend = {
  name: 'pglite',
  async open() {
    sharedPglite ??= openDb({ kind: 'pglite' });
    const instance = await sharedPglite;
    const schema = `t_${++schemas}`;
    await instance.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
    openSchemas.push(schema);
    const db: OpenedDb = { ...instance, close: async () => undefined };
    return {
      db,
      openAnother: async () => db,
      async close() {
        openSchemas.splice(openSchemas.indexOf(schema), 1);
        const previous = openSchemas.at(-1) ?? 'public';
        await instance.exec(`SET search_path TO ${previous}; DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

function postgres(url: string | undefined): TestBackend {
  return {
    name: 'postgres',
    async open() {
      if (url === undefined || url === '') {
        throw new Error(
          'VOUCH_REQUIRE_POSTGRES=1 but VOUCH_TEST_DATABASE_URL is not set: run the tests through `npm test` or scripts/postgres-test-cluster.mjs',
        );
      }
      const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      const others: OpenedDb[] = [];
      const db = await openDb({ kind: 'postgres', connectionString: url, schema });
      return {
        db,
        async openAnother() {
          const another = await openDb({ kind: 'postgres', connectionString: url, schema });
          others.push(another);
          return another;
        },
        async close() {
          for (const other of others) await other.close();
          await db.exec(`DROP SCHEMA ${schema} CASCADE`);
          await db.close();
        },
      };
    },
  };
}

export function testBackends(env: NodeJS.ProcessEnv = process.env): TestBackend[] {
  const url = env.VOUCH_TEST_DATABASE_URL;
  const wanted = (url !== undefined && url !== '') || env.VOUCH_REQUIRE_POSTGRES === '1';
  return wanted ? [pglite, postgres(url)] : [pglite];
}
