import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

/**
 * The README's screenshots (docs/screenshots/*.png), taken from the production build:
 *
 *   npx vite build && npx playwright test --config e2e/screenshots.config.ts
 *
 * Not part of `npm test`: its files end in `.shot.ts`, which the e2e suite does not match.
 */
export default defineConfig({
  ...base,
  testDir: 'screenshots',
  testMatch: '*.shot.ts',
  workers: 1,
  reporter: 'list',
  outputDir: '../test-results/screenshots',
});
