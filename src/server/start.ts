/**
 * Starting `vouch serve` (src/cli/commands/serve.ts is its command line): loads or makes the keys
 * and the admin token in the data directory, checks the registration certificate if one is given,
 * listens (answering 503 until ready), opens the database and migrates it, opens the first status
 * list, then answers. `close()` stops accepting, lets requests in flight finish and closes the
 * database.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { JwsCrypto } from '../core/jose/index.ts';
import { createServerApp } from './app.ts';
import type { ServerAppOptions } from './app.ts';
import type { Log, ServerContext, SigningKey } from './context.ts';
import {
  loadOrCreateAdminToken,
  loadOrCreateKeyFile,
  lockPgliteData,
  readKeyFile,
  signingKeyOf,
} from './data-dir.ts';
import { openDb } from './db/db.ts';
import type { OpenedDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './db/migrations.ts';
import { loadRegistrationFile } from './openid4vp/registration.ts';
import { httpLedger } from './receipts/ledger-client.ts';
import { ensureOpenStatusList } from './status/store.ts';

export interface StartServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Interface to listen on; default all interfaces. */
  readonly host?: string;
  readonly dataDir: string;
  /** postgres://… ; absent: PGlite in <dataDir>/pgdata. */
  readonly databaseUrl?: string;
  readonly issuerFile?: string;
  readonly verifierFile?: string;
  /** The verifier's registration certificate (rc-rp+jwt), checked at start; see registration.ts. */
  readonly registrationFile?: string;
  /** Default http://localhost:<port>. */
  readonly publicUrl?: string;
  /** Copies per credential (`--copies`, OpenID4VCI batch_size); default 10. */
  readonly copies?: number;
  /** The organisation's ledger node (`--ledger`): receipts are appended there (issue 14). */
  readonly ledgerUrl?: string;
  /** VOUCH_ADMIN_TOKEN, when set. */
  readonly envAdminToken?: string;
  /** VOUCH_KEY_PASSPHRASE: opens key files that are the issuer desk's encrypted export. */
  readonly keyPassphrase?: string;
  readonly crypto: JwsCrypto;
  readonly randomBytes: (length: number) => Uint8Array;
  readonly log: Log;
  /** Where the admin token is printed once, at first start. */
  readonly announce: (text: string) => void;
  readonly now?: () => Date;
  readonly app?: Omit<ServerAppOptions, 'adminToken'>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly issuer: string | null;
  readonly verifier: string | null;
  close(): Promise<void>;
}

async function keyFor(
  file: string | undefined,
  fallback: string,
  what: string,
  crypto: JwsCrypto,
  passphrase?: string,
): Promise<SigningKey> {
  const key =
    file === undefined
      ? (await loadOrCreateKeyFile(fallback, crypto, what)).key
      : await readKeyFile(file, what, passphrase);
  return signingKeyOf(key, crypto);
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { crypto, dataDir } = options;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pass = options.keyPassphrase;
  const issuer = await keyFor(
    options.issuerFile,
    join(dataDir, 'issuer.json'),
    '--issuer',
    crypto,
    pass,
  );
  const verifier = await keyFor(
    options.verifierFile,
    join(dataDir, 'verifier.json'),
    '--verifier',
    crypto,
    pass,
  );
  const now = options.now ?? (() => new Date());
  const registration =
    options.registrationFile === undefined
      ? undefined
      : await loadRegistrationFile(options.registrationFile, { verifier, crypto, now: now() });
  const admin = await loadOrCreateAdminToken({
    dataDir,
    envToken: options.envAdminToken,
    randomBytes: options.randomBytes,
  });

  // Listen first (port 0 picks one; the public URL defaults to it), answer 503 until ready.
  let answer: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response(null, { status: 503 });
  const server = createAdaptorServer({ fetch: (request, env) => answer(request, env) });
  // Listening comes before the database, so a port in use fails at once.
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  let db: OpenedDb;
  let unlock: () => Promise<void> = () => Promise.resolve();
  try {
    if (options.databaseUrl === undefined) unlock = await lockPgliteData(dataDir);
    const opened = await openDb(
      options.databaseUrl === undefined
        ? { kind: 'pglite', dataDir: join(dataDir, 'pgdata') }
        : { kind: 'postgres', connectionString: options.databaseUrl },
    );
    db = {
      ...opened,
      async close() {
        await opened.close();
        await unlock();
      },
    };
  } catch (error) {
    await stopListening();
    await unlock();
    throw error;
  }
  try {
    const applied = await migrate(db, MIGRATIONS);
    options.log('migrated', { applied: applied.length, database: db.kind });
  } catch (error) {
    await stopListening();
    await db.close();
    throw error;
  }

  const publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const ctx: ServerContext = {
    db,
    publicUrl,
    issuer,
    verifier,
    ...(registration === undefined ? {} : { registration }),
    ...(options.copies === undefined ? {} : { copies: options.copies }),
    ...(options.ledgerUrl === undefined
      ? {}
      : { ledger: httpLedger(options.ledgerUrl, { log: options.log }) }),
    crypto,
    randomBytes: options.randomBytes,
    now,
    log: options.log,
  };
  try {
    await ensureOpenStatusList(db, ctx);
  } catch (error) {
    await stopListening();
    await db.close();
    throw error;
  }
  const app = createServerApp(ctx, { ...options.app, adminToken: admin.token });
  answer = (request, env) => app.fetch(request, env);
  if (admin.created) {
    options.announce(
      `vouch serve: admin token (kept in ${join(dataDir, 'admin-token')}, shown only now): ${admin.token}\n`,
    );
  }

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    port,
    issuer: issuer.did,
    verifier: verifier.did,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await db.close();
      })();
      return closing;
    },
  };
}
