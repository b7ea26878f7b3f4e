import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.1 A and AA: the rules every screen is checked against. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's minified build (580 KB), read once per worker. @axe-core/playwright sent the
 * unminified one (1.3 MB) twice per scan — into the page and into a blank page where it merged
 * the results — which cost about 2 s a scan on a busy machine, a fifth of the e2e step. Vouch's
 * screens have no frames, so `axe.run` on the document is the whole check: the same rules, the
 * same results, about 0.5 s a scan, and axe is injected only once per document.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.1 A and AA rules from axe-core on what the page shows now. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  expect(page.frames(), 'a screen with frames needs a frame-aware axe run').toHaveLength(1);
  const results = await page.evaluate(
    (options) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
        }
      ).axe.run(document, options),
    { runOnly: { type: 'tag', values: TAGS } } satisfies RunOptions,
  );
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility violations on ${screen}`).toEqual([]);
  // A scan that checked nothing would pass silently.
  expect(results.passes.length, `axe checked nothing on ${screen}`).toBeGreaterThan(0);
}
