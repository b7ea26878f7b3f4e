/**
 * The `test` every spec imports: Playwright's, with the expensive state as worker fixtures, made
 * on first use and kept for the worker's later tests — whatever spec file they are in.
 *
 * - `seed`: an issuer desk, a wallet saved before and after it received a credential, and a
 *   verifier desk that trusts the issuer (support/make-seed.ts).
 * - `vouchServe`: a running `vouch serve` (PGlite, fresh keys, a free port; the desks' origin may
 *   use its admin API), whose first start and migrations cost seconds (support/server.ts).
 *
 * Every spec imports this one `test` (not @playwright/test's), so all have the same worker
 * fixtures: Playwright then keeps its two workers across spec files instead of starting a new
 * worker (and a new browser, seed and server) whenever the next file's fixtures differ.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { seedWalletAndDesks, type Seed } from './make-seed.ts';
import { startE2eServer, type E2eServer } from './server.ts';

export { seedWalletAndDesks, type Seed, type StorageState } from './make-seed.ts';

export const test = base.extend<object, { seed: Seed; vouchServe: E2eServer }>({
  seed: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, locale } = workerInfo.project.use;
      const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-seed-'));
      const seed = await seedWalletAndDesks(browser, {
        statusListFile: path.join(work, 'status.jwt'),
        contextOptions: { baseURL, locale },
      });
      await use(seed);
      await seed.close();
      await rm(work, { recursive: true, force: true });
    },
    // A desk, a wallet with a credential and a verifier: well under a minute on a quiet machine.
    { scope: 'worker', timeout: 240_000 },
  ],
  vouchServe: [
    // Playwright reads a fixture's dependencies from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const server = await startE2eServer({ adminOrigins: baseURL ? [baseURL] : [] });
      await use(server);
      await server.close();
    },
    // PGlite's first start and the migrations take seconds, and far more on a loaded machine.
    { scope: 'worker', timeout: 180_000 },
  ],
});

/** The same `test` under the name the seeded specs first knew it by. */
export const seededTest = test;
