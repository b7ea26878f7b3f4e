import { expect } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { SEPTEMBER_STATEMENT } from './support/flows.ts';
import { test } from './support/seed.ts';

/** File the wallet's connect code (as text) in a desk's register. */
async function registerByText(desk: DeskPage, connectText: string, person: string) {
  await desk.tab('Register').click();
  await desk.page.getByLabel('Paste the code as text').fill(connectText);
  await desk.page.getByRole('button', { name: 'Read text' }).click();
  await desk.page.getByLabel('Name', { exact: true }).fill(person);
  await desk.page.getByRole('button', { name: 'Add to register' }).click();
  await expect(desk.page.getByText(`${person} was added to the register.`)).toBeVisible();
}

async function issueSeptember(desk: DeskPage): Promise<string> {
  await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
  const text = await desk.offerText();
  await desk.page.getByRole('button', { name: 'Issue another credential' }).click();
  return text;
}

/**
 * Issue 8 item 6: the wallet pins the issuer of the first credential from a connection. Another
 * desk that got hold of the same connect code (an impostor) can sign an offer for it; the wallet
 * warns, refuses by default, and stores it only when the citizen explicitly trusts the new issuer.
 */
test('Given a wallet pinned to its employer, when another issuer sends a credential on that connection, then the wallet warns and refuses by default, and accepts only on explicit trust', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const walletContext = await browser.newContext();
  const realContext = await browser.newContext();
  const impostorContext = await browser.newContext();
  try {
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.create();
    await wallet.connectCode('My employer');
    const connectText = await wallet.page.getByLabel('Connect code as text').inputValue();
    await wallet.backHome();

    const real = new DeskPage(await realContext.newPage());
    await real.open();
    await real.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await registerByText(real, connectText, 'Sam de Vries');
    const impostor = new DeskPage(await impostorContext.newPage());
    await impostor.open();
    await impostor.setUp({ name: 'Acme Ridez BV', registration: 'KvK 87654321' });
    await registerByText(impostor, connectText, 'Sam de Vries');

    // The first credential pins the employer; the card names it as the credential does.
    await wallet.openReceive();
    await wallet.pasteCode(await issueSeptember(real));
    await expect(wallet.heading('Income statement')).toBeVisible({ timeout: 20_000 });
    await expect(wallet.page.locator('dl.facts')).toContainText('Acme Rides BV');
    await expect(wallet.page.locator('dl.facts')).toContainText('My employer');
    await wallet.backHome();
    await expect(wallet.credentialCards()).toHaveCount(1);
    await expect(wallet.credentialCards().first()).toContainText(
      'Acme Rides BV · Your name: My employer',
    );

    // The impostor's offer: a warning naming both issuers; the focused, default action refuses.
    const impostorOffer = await issueSeptember(impostor);
    await wallet.openReceive();
    await wallet.pasteCode(impostorOffer);
    const warning = wallet.page.getByRole('alert').filter({ hasText: 'Warning: another issuer' });
    await expect(warning).toBeVisible({ timeout: 20_000 });
    await expect(warning).toContainText('“My employer”');
    await expect(warning).toContainText('“Acme Ridez BV”');
    const dids = await warning.locator('code').allInnerTexts();
    expect(dids).toHaveLength(2);
    expect(dids[0]).toMatch(/^did:key:/);
    expect(dids[1]).toMatch(/^did:key:/);
    expect(dids[0]).not.toBe(dids[1]);
    await expectNoViolations(wallet.page, 'issuer changed warning');
    const refuse = wallet.page.getByRole('button', { name: 'Refuse this credential' });
    await expect(refuse).toBeFocused();
    await wallet.page.keyboard.press('Enter');
    await expect(wallet.page.getByText('Refused. Nothing was stored.')).toHaveRole('status');
    await wallet.backHome();
    await expect(wallet.credentialCards()).toHaveCount(1);

    // Only the explicit choice stores it (and from then on, this connection is pinned to it).
    await wallet.openReceive();
    await wallet.pasteCode(impostorOffer);
    await wallet.page.getByRole('button', { name: 'I trust this new issuer' }).click();
    await expect(wallet.heading('Income statement')).toBeVisible({ timeout: 20_000 });
    await expect(wallet.page.locator('dl.facts')).toContainText('Acme Ridez BV');
    await wallet.backHome();
    await expect(wallet.credentialCards()).toHaveCount(2);
  } finally {
    await Promise.all([walletContext.close(), realContext.close(), impostorContext.close()]);
  }
});
