import { expect, type Page } from '@playwright/test';
import { findSidewaysScroll, findSmallTapTargets, PHONE } from './support/phone.ts';
import { test } from './support/seed.ts';

/** The phone checks themselves (support/phone.ts), on pages made for them: what they catch and skip. */
test.use({ viewport: PHONE });

test('Given small targets, inline links, labelled checkboxes and hidden content, when tap targets are measured, then exactly the small targets are named with their size', async ({
  page,
}) => {
  await page.setContent(`
    <style>
      body { margin: 0; font: 16px/24px sans-serif; }
      .big { min-height: 44px; min-width: 44px; }
      .hidden-input { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    </style>
    <button style="height: 30px">Too low</button>
    <button class="big">Big enough</button>
    <a href="/x" style="display: inline-block; padding: 2px">Lone link</a>
    <p>Read <a href="/terms">the terms</a> before you start.</p>
    <label class="big" style="display: flex"><input type="checkbox"> Big label</label>
    <label style="display: flex; height: 20px"><input type="checkbox"> Small label</label>
    <label class="big" style="display: inline-flex">Open a file<input type="file" class="hidden-input"></label>
    <input aria-label="Low field" style="height: 20px; width: 200px">
    <details><summary style="height: 24px">Why?</summary><button>Inside closed details</button></details>
    <button style="display: none">Not shown</button>
    <div role="button" aria-label="Fake button" style="width: 40px; height: 60px"></div>
  `);
  const offenders = await findSmallTapTargets(page);
  expect(offenders).toEqual([
    'button "Too low": ' + (await size(page, 'button >> nth=0')),
    'a "Lone link": ' + (await size(page, 'a[href="/x"]')),
    'label "Small label": ' + (await size(page, 'label >> nth=1')),
    'input[type=text] "Low field": ' + (await size(page, 'input[aria-label="Low field"]')),
    'summary "Why?": ' + (await size(page, 'summary')),
    'div "Fake button": 40 × 60 px',
  ]);
  // A smaller minimum lets the 30-px button through.
  expect(await findSmallTapTargets(page, 24)).not.toContainEqual(
    expect.stringContaining('Too low'),
  );
});

test('Given a table wider than the phone, when sideways scroll is measured, then the table is named; without it, nothing is', async ({
  page,
}) => {
  await page.setContent(`
    <style>body { margin: 0 }</style>
    <main><p>Fits.</p><table class="wide" style="width: 500px"><tr><td>Wide table</td></tr></table></main>
  `);
  const wide = await findSidewaysScroll(page);
  expect(wide.viewport).toBe(PHONE.width);
  expect(wide.width).toBe(500);
  expect(wide.culprits).toEqual([
    '<table class="wide"> 500 px wide, right edge at 500 px: "Wide table"',
  ]);

  await page.locator('table').evaluate((table) => table.remove());
  expect(await findSidewaysScroll(page)).toEqual({
    width: PHONE.width,
    viewport: PHONE.width,
    culprits: [],
  });
});

async function size(page: Page, selector: string): Promise<string> {
  const box = await page.locator(selector).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return [rect.width, rect.height].map((n) => Math.round(n * 10) / 10);
  });
  return `${box[0]} × ${box[1]} px`;
}
