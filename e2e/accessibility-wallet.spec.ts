import { expect } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { test } from './support/seed.ts';

/**
 * axe (WCAG 2.1 AA) on the wallet's screens that need no desk: onboarding, and a wallet without
 * credentials. Consent, the answer and the verdict are in accessibility-flows.spec.ts.
 */
test('Given a new visitor, when each onboarding screen is checked with axe, then none breaks WCAG 2.1 AA', async ({
  page,
}) => {
  const wallet = await new WalletPage(page).open();
  await wallet.expectWelcome();
  await expectNoViolations(page, 'welcome');

  await page.getByRole('button', { name: 'Restore from 24 words' }).click();
  await expect(wallet.heading('Restore your wallet')).toBeVisible();
  await expectNoViolations(page, 'restore');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Word 1 is missing.').first()).toBeVisible();
  await expectNoViolations(page, 'restore with errors');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Create a new wallet' }).click();
  await expect(wallet.heading('Your 24 recovery words')).toBeVisible();
  await expectNoViolations(page, 'recovery words');
  const words = (
    await page.getByRole('list', { name: 'Recovery words' }).getByRole('listitem').allInnerTexts()
  ).map((item) => item.trim().split(/\s+/).pop() ?? '');
  await page.getByRole('checkbox', { name: 'I have written down all 24 words' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(wallet.heading('Check your words')).toBeVisible();
  await expectNoViolations(page, 'check your words');
  for (const field of await page.getByRole('textbox', { name: /^Word \d+$/ }).all()) {
    await field.fill('wrong');
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/^Word \d+ does not match/).first()).toBeVisible();
  await expectNoViolations(page, 'check your words with a wrong word');
  await wallet.confirmWords(words);
  await expect(wallet.heading('Choose a passcode')).toBeVisible();
  await expectNoViolations(page, 'choose a passcode');
});

test('Given a wallet without credentials, when each of its screens is checked with axe, then none breaks WCAG 2.1 AA', async ({
  page,
}) => {
  const wallet = await new WalletPage(page).open();
  await wallet.create();
  await expectNoViolations(page, 'home, empty');

  const visit = async (button: string, title: string, screen: string) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(wallet.heading(title)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /…$/ })).toHaveCount(0);
    await expectNoViolations(page, screen);
  };
  await visit('Settings', 'Settings', 'settings');
  await wallet.backHome();
  await visit('Receive a credential', 'Receive a credential', 'receive');
  await wallet.backHome();
  await visit('Show a credential', 'Show a credential', 'show a credential');
  await wallet.backHome();
  await visit('Benefits', 'Benefits', 'benefits, no credentials');
  await wallet.backHome();
  await visit('History', 'History', 'history, empty');
  await wallet.backHome();
  await wallet.connectCode('Acme Rides');
  await expectNoViolations(page, 'connect code');
  await wallet.backHome();

  await wallet.lock();
  await expectNoViolations(page, 'lock screen');
  await wallet.unlock('000000');
  await expect(page.getByText('That passcode is not right. Nothing was changed.')).toBeVisible();
  await expectNoViolations(page, 'lock screen with error');
});
