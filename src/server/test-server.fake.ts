/**
 * A whole `vouch serve` in memory for tests: PGlite in memory (or the PostgreSQL of
 * VOUCH_TEST_DATABASE_URL when `postgres: true`), migrated, with fresh issuer and verifier keys,
 * an admin token and a clock you can move. Requests go through `app.request()`: no port.
 */
import type { Hono } from 'hono';
import { createIssuerKeyFile } from '../core/jose/index.ts';
import type { IssuerKeyFile } from '../core/jose/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { createServerApp } from './app.ts';
import type { ServerAppOptions } from './app.ts';
import type { ServerContext } from './context.ts';
import { signingKeyOf } from './data-dir.ts';
import { openDb } from './db/db.ts';
import type { OpenedDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './db/migrations.ts';
import { createMemoryLog } from './log.ts';
import type { ServerRegistration } from './openid4vp/registration.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const TEST_PUBLIC_URL = 'https://vouch.test';

export interface TestServer {
  readonly app: Hono;
  readonly ctx: ServerContext;
  readonly db: OpenedDb;
  readonly issuerKey: IssuerKeyFile;
  readonly verifierKey: IssuerKeyFile;
  /** Every log line so far. */
  readonly logLines: string[];
  /** Moves the clock (starts at 2026-01-01T00:00:00Z). */
  advance(ms: number): void;
  /** A request with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** Nothing to release today (the database outlives the server); call it anyway. */
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<ServerAppOptions, 'adminToken'>> {
  /**
   * The database. Default: one in-memory PGlite shared by every test server of the test file
   * (starting PGlite takes seconds); each server has its own keys, hence its own status lists.
   */
  readonly db?: OpenedDb;
  readonly statusListSize?: number;
  /** Keys to sign with (default: fresh ones), e.g. two instances of one organisation. */
  readonly issuerKey?: IssuerKeyFile;
  readonly verifierKey?: IssuerKeyFile;
  readonly migrations?: typeof MIGRATIONS;
  /** A registration certificate the server signs into its requests (see registration.ts). */
  readonly registration?: ServerRegistration;
}

let sharedDb: Promise<OpenedDb> | undefined;

/**
 * The database shared by the test file's servers (never closed: it ends with the worker): a schema
 * of its own on the PostgreSQL of VOUCH_TEST_DATABASE_URL when there is one (`npm test` starts a
 * throwaway cluster; connecting takes milliseconds), else an in-memory PGlite (seconds to start,
 * once per file). The db tests (src/server/db, *.db.test.ts) run on both backends either way.
 */
export function sharedTestDb(): Promise<OpenedDb> {
  const url = process.env.VOUCH_TEST_DATABASE_URL;
  sharedDb ??=
    url === undefined || url === ''
      ? openDb({ kind: 'pglite' })
      : openDb({
          kind: 'postgres',
          connectionString: url,
          schema: `s_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
        });
  return sharedDb;
}

export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const crypto = webJwsCrypto();
  const db = options.db ?? (await sharedTestDb());
  await migrate(db, options.migrations ?? MIGRATIONS);
  const issuerKey = options.issuerKey ?? (await createIssuerKeyFile(crypto, 'ES256'));
  const verifierKey = options.verifierKey ?? (await createIssuerKeyFile(crypto, 'ES256'));
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const { log, lines } = createMemoryLog();
  const ctx: ServerContext = {
    db,
    publicUrl: TEST_PUBLIC_URL,
    issuer: signingKeyOf(issuerKey, crypto),
    verifier: signingKeyOf(verifierKey, crypto),
    ...(options.registration === undefined ? {} : { registration: options.registration }),
    crypto,
    randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
    now: () => new Date(clock),
    log,
    statusLists: { size: options.statusListSize ?? 100_000, cacheSeconds: 300 },
  };
  const {
    db: _db,
    statusListSize: _size,
    migrations: _migrations,
    issuerKey: _issuerKey,
    verifierKey: _verifierKey,
    registration: _registration,
    ...appOptions
  } = options;
  const app = createServerApp(ctx, { ...appOptions, adminToken: TEST_ADMIN_TOKEN });
  return {
    app,
    ctx,
    db,
    issuerKey,
    verifierKey,
    logLines: lines,
    advance(ms) {
      clock += ms;
    },
    admin(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
    close: () => Promise.resolve(), // the database belongs to the caller or to the test file
  };
}
