import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Vitest's default in a run is one worker fewer than the cores: one on this 2-core machine.
    // The unit tests are CPU-bound but wait on spawned CLI processes and databases too; two
    // workers measured 192 s against ~250 s for one (quiet 2-core machine, 2,446 tests).
    maxWorkers: 2,
    testTimeout: 30_000,
    // Starting an embedded PGlite database (src/server tests) takes seconds on a busy machine.
    hookTimeout: 60_000,
  },
});
