import { expect, type Page } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { WalletPage } from './pages/wallet-page.ts';
import type { E2eServer } from './support/server.ts';
import { test } from './support/seed.ts';

/**
 * Issue 13 item 3, herd privacy in Chromium: a credential received online from `vouch serve`
 * (a batch of copies, each with its own random index on the issuer's one big list). The wallet
 * fetches its status list only when the citizen opens the card — not after receiving it, not at
 * unlock, not on the list of cards — and the fetch names the list, never the index: the path is
 * the list's id and there is no query.
 */

let server: E2eServer;

test.beforeEach(({ vouchServe }) => {
  server = vouchServe;
});

/** Every status list request the page makes (method, path and query). */
function statusRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/status/')) {
      seen.push(`${request.method()} ${url.pathname}${url.search}`);
    }
  });
  return seen;
}

test('Given a credential received online, when the citizen only receives, unlocks and lists it, then no status list is fetched; when the card is opened, then the list is fetched by its address alone, without the index', async ({
  page,
}) => {
  const wallet = new WalletPage(page);
  const fetched = statusRequests(page);
  await wallet.open();
  await wallet.create();

  const offer = await server.admin<{ uri: string }>('POST', '/admin/offers', {
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
  });
  await wallet.openReceive();
  await wallet.pasteCode(offer.uri);
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByText('Saved in your wallet')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to my wallet' }).click();
  await wallet.expectHome();
  await expect(wallet.credentialCards()).toHaveCount(1);

  // Received, listed, locked, unlocked: nothing asked, nothing fetched.
  await wallet.lock();
  await wallet.unlock();
  await wallet.expectHome();
  await expect(wallet.credentialCards()).toHaveCount(1);
  expect(fetched).toEqual([]);

  // The citizen opens the card: that is the request. One list, by its address only.
  await wallet.credentialCards().first().click();
  await expect(page.getByText(/^Last checked/)).toBeVisible({ timeout: 30_000 });
  expect(fetched.length).toBeGreaterThan(0);
  for (const request of fetched) expect(request).toMatch(/^GET \/status\/[A-Za-z0-9_-]{12}$/);
});
