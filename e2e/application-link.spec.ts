import { expect } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { test } from './support/seed.ts';
import { E2E_ADMIN_TOKEN, type E2eServer } from './support/server.ts';

/**
 * Issue 11, "Applying is a dead end" (docs/ux.md "Application links"), end to end in Chromium:
 * the verifier desk, connected to a running `vouch serve`, publishes an application link; a
 * citizen's wallet opens that link (the wallet's own address with the link's query, as the
 * agency's site would link it), sees the consent screen of the request the server minted for it,
 * and shares; the desk lists the answer as Valid and opens its verdict. Withdrawn, the link's
 * request_uri answers 404.
 */

/** The admin token of the worker's `vouch serve` (support/seed.ts). */
const ADMIN_TOKEN = E2E_ADMIN_TOKEN;
const port = Number(process.env.E2E_PORT ?? 4173);
const DESK_ORIGIN = `http://127.0.0.1:${port}`;

let server: E2eServer;

test.beforeEach(({ vouchServe }) => {
  server = vouchServe;
});

test('Given a verifier desk with a vouch serve, when it publishes an application link and a wallet opens it and shares, then the desk lists the answer as Valid; withdrawn, the link stops', async ({
  page,
  browser,
}) => {
  // Two browsers, a desk and a wallet set up from scratch: about 40 s on a quiet machine.
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The desk, connected to the server.
  const verifier = new VerifierPage(page);
  await verifier.open();
  await verifier.setUp('Gemeente Testdorp');
  await verifier.tab('Verifier settings').click();
  const settings = page.getByRole('region', { name: 'Server' });
  await settings.getByLabel('Server address').fill(server.url);
  await settings.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await settings.getByRole('button', { name: 'Save server' }).click();
  await expect(settings.getByText('The server is saved. The server answers.')).toBeVisible({
    timeout: 20_000,
  });

  // Publish the diploma template as a link.
  await verifier.tab('Application links').click();
  await expect(page.getByRole('heading', { name: 'Publish an application link' })).toBeVisible();
  await expect(page.getByText('No application link is published yet.')).toBeVisible({
    timeout: 20_000,
  });
  await page
    .getByLabel('Request template')
    .selectOption({ label: 'Diploma for a job application' });
  await page.getByLabel(/^Name of the link/).fill('Vacancy 2027');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('The application link is published.')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('img', { name: 'Application link: Vacancy 2027' })).toBeVisible();
  const link = await page.getByLabel(/^Application link “Vacancy 2027”/).inputValue();
  expect(link).toMatch(
    /^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3A[^&]+&request_uri=http%3A%2F%2F[^&]+%2Fapplications%2F[A-Za-z0-9_-]{22}%2Frequest&request_uri_method=post$/,
  );
  const requestUri = decodeURIComponent(/request_uri=([^&]+)/.exec(link)?.[1] ?? '');
  await expectNoViolations(page, 'verifier desk application links');

  // A citizen holding a diploma from this server (offered through the admin API) opens the link.
  const offer = await fetch(`${server.url}/admin/offers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'diploma', claims: exampleClaims('diploma') }),
  }).then(async (response) => (await response.json()) as { uri: string });
  const context = await browser.newContext();
  try {
    const wallet = new WalletPage(await context.newPage());
    await wallet.open();
    await wallet.create();
    await wallet.openReceive();
    await wallet.pasteCode(offer.uri);
    await wallet.page.getByRole('button', { name: 'Contact', exact: true }).click();
    await wallet.page.getByRole('button', { name: 'Accept and save' }).click({ timeout: 20_000 });
    await expect(wallet.page.getByRole('button', { name: 'Back to my wallet' })).toBeVisible({
      timeout: 30_000,
    });

    await wallet.page.goto(`${DESK_ORIGIN}/${link.slice(link.indexOf('?'))}`);
    await wallet.expectLocked();
    await wallet.unlock();
    await wallet.page.getByRole('button', { name: 'Contact', exact: true }).click({
      timeout: 20_000,
    });
    await expect(
      wallet.page.getByRole('heading', { name: /Gemeente Testdorp/ }).first(),
    ).toBeVisible({ timeout: 20_000 });
    await expect(wallet.page.getByText('Diploma for a job application').first()).toBeVisible();
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    await expect(wallet.page.getByText(/^Sent to Gemeente Testdorp/)).toBeVisible({
      timeout: 30_000,
    });
  } finally {
    await context.close();
  }

  // The desk reads the link's answers: one, Valid, opened in the verdict view.
  await page.getByRole('button', { name: /^Answers to “Vacancy 2027”/ }).click();
  await expect(page.getByText('Valid', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page, 'verifier desk application link answers');
  await page.getByRole('button', { name: /^Show the answer of / }).click();
  await expect(verifier.verdictWord()).toHaveText('Valid');
  const verdict = await verifier.verdict();
  expect(verdict.checks.every((check) => check.passed)).toBe(true);
  expect(Object.keys(verdict.claims)).toContain('Degree');
  await page.getByRole('button', { name: 'Back to the answers' }).click();

  // Withdrawn: the link's request_uri is gone, and the desk no longer lists it.
  await page.getByRole('button', { name: 'Withdraw “Vacancy 2027”' }).click();
  await page.getByRole('button', { name: 'Withdraw the link' }).click();
  await expect(page.getByText('The link is withdrawn.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('No application link is published yet.')).toBeVisible();
  expect((await fetch(requestUri, { method: 'POST' })).status).toBe(404);
  expect(errors).toEqual([]);
});
