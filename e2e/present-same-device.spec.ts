import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { connectByText, receiveOfferText, SEPTEMBER_STATEMENT } from './support/flows.ts';
import { test } from './support/seed.ts';

/**
 * One device: the verifier's request arrives by link, the wallet answers by redirecting back to
 * the verifier page with the answer in the URL fragment (OpenID4VP fragment mode). Declining sends
 * nothing; the history can be read and exported.
 */
test('Given wallet and verifier on one device, when the request comes by link, then declining sends nothing, sharing redirects the answer back, and the history exports it', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const desk = new DeskPage(await context.newPage());
  await desk.open();
  await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
  await desk.tab('Desk settings').click();
  const issuerDid = (
    (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
  ).trim();
  const wallet = new WalletPage(await context.newPage());
  await wallet.open();
  await wallet.create();
  await connectByText(wallet, desk, 'Acme Rides', 'Sam de Vries');
  await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
  await receiveOfferText(wallet, desk);

  const verifier = new VerifierPage(await context.newPage());
  await verifier.open();
  await verifier.setUp('Gemeente Utrecht');
  await verifier.addTrustedIssuer(issuerDid, 'Acme Rides BV', ['Income statement']);
  await verifier.page
    .getByRole('navigation', { name: 'Verifier sections' })
    .getByRole('button', { name: 'Verifier settings' })
    .click();
  // No status list at hand on this device: the clerk's policy is to warn, not to refuse.
  await verifier.page
    .getByRole('radio', { name: 'Warn: the answer can be valid, with a warning' })
    .check();
  await verifier.page.getByRole('button', { name: 'Save policy' }).click();
  await expect(verifier.page.getByRole('status').first()).toBeVisible();

  // Declining: back home, nothing shared, nothing in the history.
  await verifier.chooseTemplate('income-supplement', { month: '2026-09' });
  const declined = await verifier.showRequest();
  const walletTab = await context.newPage();
  await walletTab.goto(declined.link);
  const linked = new WalletPage(walletTab);
  await linked.expectLocked();
  await linked.unlock(PASSCODE);
  await expect(
    walletTab.getByRole('heading', {
      name: 'A verifier calling itself “Gemeente Utrecht” asks to see',
    }),
  ).toBeVisible();
  await walletTab.getByRole('button', { name: 'Decline' }).click();
  await linked.expectHome();
  await walletTab.getByRole('button', { name: 'History' }).click();
  await expect(walletTab.getByText('You have not shown any credential yet.')).toBeVisible();
  await walletTab.close();

  // Sharing: the wallet sends the citizen back to the verifier page with the answer.
  await verifier.chooseTemplate('income-supplement', { month: '2026-09' });
  const request = await verifier.showRequest();
  expect(request.link).toMatch(/\/#request=VOUCH1/);
  const sameDevice = await context.newPage();
  await sameDevice.goto(request.link);
  const phone = new WalletPage(sameDevice);
  await phone.unlock(PASSCODE);
  await expect(
    sameDevice.getByRole('heading', {
      name: 'A verifier calling itself “Gemeente Utrecht” asks to see',
    }),
  ).toBeVisible();
  await sameDevice.getByRole('button', { name: 'Share' }).click();
  // The template asks for declared facts left unanswered: the wallet warns, then shares anyway.
  await sameDevice.getByRole('button', { name: 'Share anyway' }).click();
  await expect(sameDevice).toHaveURL(/\/verifier$/, { timeout: 20_000 });
  const back = new VerifierPage(sameDevice);
  await back.unlock('Gemeente Utrecht');
  await expect(back.verdictWord()).toBeVisible({ timeout: 30_000 });
  const verdict = await back.verdict();
  expect(verdict.valid).toBe(true);
  expect(verdict.claims['Net wage']).toBe('€1,895.12');

  // The history shows it and exports it as JSON (names of the claims, not their values).
  await wallet.page.reload();
  await wallet.unlock(PASSCODE);
  await wallet.page.getByRole('button', { name: 'History' }).click();
  await expect(
    wallet.page.getByRole('heading', { level: 2, name: 'Gemeente Utrecht' }),
  ).toBeVisible();
  const [download] = await Promise.all([
    wallet.page.waitForEvent('download'),
    wallet.page.getByRole('button', { name: 'Export as JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    entries: { verifierName: string; items: { claims: string[] }[] }[];
  };
  expect(exported.entries).toHaveLength(1);
  expect(exported.entries[0]?.verifierName).toBe('Gemeente Utrecht');
  expect(exported.entries[0]?.items[0]?.claims).toContain('net_wage_cents');
  expect(JSON.stringify(exported)).not.toContain('189512');
});
