import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { WalletPage } from './pages/wallet-page.ts';

test('Given each screen of the wallet and the two desks, when checked with axe, then none breaks WCAG 2.1 AA', async ({
  page,
}) => {
  const wallet = await new WalletPage(page).open();
  await wallet.expectWelcome();
  await expectNoViolations(page, 'welcome');

  await page.getByRole('button', { name: 'Restore from 24 words' }).click();
  await expect(wallet.heading('Restore your wallet')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Word 1 is missing.')).toBeVisible();
  await expectNoViolations(page, 'restore with errors');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Create a new wallet' }).click();
  await expect(wallet.heading('Your 24 recovery words')).toBeVisible();
  await expectNoViolations(page, 'recovery words');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await wallet.create();
  await expectNoViolations(page, 'home');
  await wallet.openSettings();
  await expectNoViolations(page, 'settings');
  await page.getByRole('button', { name: 'Back to wallet' }).click();
  await wallet.lock();
  await wallet.unlock('000000');
  await expect(page.getByText('That passcode is not right. Nothing was changed.')).toBeVisible();
  await expectNoViolations(page, 'lock screen with error');

  await page.goto('/issuer');
  await expectNoViolations(page, 'issuer desk');
  await page.goto('/verifier');
  await expectNoViolations(page, 'verifier');
});
