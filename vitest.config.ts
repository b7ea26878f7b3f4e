import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The built CLI and agent (dist-node/) that spawned-CLI and docs-example tests run.
    globalSetup: ['./scripts/build-node-setup.ts'],
    // The app fetches one language's messages at a time; tests may translate into any of them.
    setupFiles: ['./src/app/i18n/catalogues.test-setup.ts'],
    // Vitest's default in a run is one worker fewer than the cores: one on this 2-core machine.
    // The tests also wait on spawned CLI processes and databases: with two workers the unit step
    // took 192 s on the quiet machine (2,446 tests; 373 s of CPU), 157 s once the server tests
    // shared their databases.
    maxWorkers: 2,
    // Budgets with margin for a busy machine (seven other jobs, load average 25–30 on 2 cores):
    // there, filling a 100,000-entry status list took over 30 s (11.6 s at load 10) and a PGlite
    // start 68 s. A passing test is not slowed by its budget; only a hang is found later.
    testTimeout: 60_000,
    // Starting an embedded PGlite database (src/server tests) takes seconds on a busy machine.
    hookTimeout: 120_000,
  },
});
