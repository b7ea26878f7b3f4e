/**
 * Vitest setup (vitest.config.ts). The app fetches one language's messages at a time
 * (catalogues.ts); a test of the UI's words translates into any of them at once, so before each
 * test file under src/app every catalogue is loaded. Other layers have no words: they skip it.
 */
import { expect } from 'vitest';
import { LANGUAGES, loadCatalogue } from './catalogues.ts';

if (expect.getState().testPath?.includes('/src/app/')) {
  await Promise.all(LANGUAGES.map(loadCatalogue));
}
