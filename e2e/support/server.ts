/**
 * A real `vouch serve` for the browser tests, in the Playwright worker: PGlite in a fresh data
 * directory, fresh issuer and verifier keys, listening on a free port of this machine (the wallet
 * and desk builds allow loopback origins in connect-src by default, docs/security.md). One per
 * worker, as the `vouchServe` fixture of support/seed.ts, for every spec that needs a server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { webJwsCrypto } from '../../src/platform/crypto/jws-crypto.ts';
import { startServer } from '../../src/server/start.ts';

export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef0123';

export interface E2eServer {
  /** The server's public URL, e.g. http://localhost:40123. */
  readonly url: string;
  readonly issuer: string | null;
  readonly verifier: string | null;
  readonly adminToken: string;
  /** An admin API call with the bearer token; the JSON answer (throws on a non-2xx status). */
  admin<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
  ): Promise<T>;
  close(): Promise<void>;
}

export async function startE2eServer(
  options: {
    /** Origins whose pages may call the admin API (the desks under test). */
    adminOrigins?: readonly string[];
  } = {},
): Promise<E2eServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-serve-'));
  const running = await startServer({
    port: 0,
    dataDir,
    envAdminToken: E2E_ADMIN_TOKEN,
    crypto: webJwsCrypto(),
    randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
    log: () => undefined,
    announce: () => undefined,
    app: { adminOrigins: options.adminOrigins ?? [] },
  });
  return {
    url: running.url,
    issuer: running.issuer,
    verifier: running.verifier,
    adminToken: E2E_ADMIN_TOKEN,
    async admin<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${running.url}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${E2E_ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
