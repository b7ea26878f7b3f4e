/**
 * The databases the db tests run on: PGlite always; PostgreSQL when VOUCH_TEST_DATABASE_URL is
 * set (scripts/postgres-test-cluster.mjs, `npm test`). With VOUCH_REQUIRE_POSTGRES=1 and no URL,
 * the PostgreSQL backend is still listed and fails to open: those tests fail, never skip.
 * Each PostgreSQL test database is a fresh schema, dropped at close.
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

const pglite: TestBackend = {
  name: 'pglite',
  async open() {
    const db = await openDb({ kind: 'pglite' });
    return {
      db,
      openAnother: async () => ({ ...db, close: async () => undefined }),
      close: () => db.close(),
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
