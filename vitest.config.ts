import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // Starting an embedded PGlite database (src/server tests) takes seconds on a busy machine.
    hookTimeout: 60_000,
  },
});
