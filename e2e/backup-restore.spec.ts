import { expect, type Page } from '@playwright/test';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { shareAndConfirm } from './support/screens.ts';
import { test } from './support/seed.ts';
import { wordsFor } from './support/words.ts';

/**
 * Issue 13 item 4's done criterion, in the browser: a wallet with a credential and a history
 * entry makes a backup (a download); a FRESH browser context restores from the 24 words plus that
 * file and holds the same credential and history. Words from another wallet are refused plainly,
 * before anything is created.
 */
const t = wordsFor('en');
const OTHER_WORDS = [...Array<string>(23).fill('zoo'), 'vote'];

async function historyNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: t('history.title') }).click();
  const names = page.getByRole('heading', { level: 2, name: 'Gemeente Utrecht' });
  await expect(names.first()).toBeVisible();
  const all = await names.allTextContents();
  await page
    .getByRole('button', { name: t('settings.back') })
    .first()
    .click();
  return all;
}

test('Given a wallet with a credential and a history entry, when it makes a backup and a fresh browser restores from the words and the file, then the new wallet holds the same credential and history', async ({
  browser,
  seed,
}) => {
  test.setTimeout(150_000);
  // The first device: the seed's wallet shows its credential to the verifier once (history).
  const first = await browser.newContext({ storageState: seed.fullWallet });
  // This browser will not promise to keep the wallet (as many do until a site is used a lot).
  await first.addInitScript(() => {
    navigator.storage.persisted = async () => false;
    navigator.storage.persist = async () => false;
  });
  const page = await first.newPage();
  const wallet = new WalletPage(page);
  await wallet.open();
  await wallet.unlock(PASSCODE);
  await wallet.expectHome();
  // Home says what that means and recommends a backup.
  const reminder = page.getByRole('region', { name: t('backup.reminder.title') });
  await expect(reminder.getByText(t('backup.eviction'))).toBeVisible();
  await page.getByRole('button', { name: t('present.start') }).click();
  await page.getByLabel(t('qr.paste.label')).fill((await seed.freshRequest()).text);
  await page.getByRole('button', { name: t('qr.paste.submit') }).click();
  await shareAndConfirm(page, t);
  await page.getByRole('button', { name: t('present.done') }).click();
  await wallet.expectHome();
  const cards = await wallet.credentialCards().allTextContents();
  expect(cards.length).toBeGreaterThan(0);
  const history = await historyNames(page);

  // Settings: no backup yet; make one (a download), then Settings says when.
  await wallet.openSettings();
  await expect(page.getByText(t('backup.none'))).toBeVisible();
  await expect(page.getByText(t('backup.eviction'))).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('backup.make') }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^vouch-backup-.*\.vouchbackup$/);
  // Saved outside the context: its downloads go when it closes.
  const file = test.info().outputPath('wallet.vouchbackup');
  await download.saveAs(file);
  await expect(page.getByText(/^Last backup: /)).toBeVisible();
  // Once a backup is made, home no longer asks for one.
  await page
    .getByRole('button', { name: t('settings.back') })
    .first()
    .click();
  await wallet.expectHome();
  await expect(reminder).toHaveCount(0);
  await first.close();

  // Another wallet's words do not open it: refused before any wallet is made.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const strangerWallet = await new WalletPage(strangerPage).open();
  await strangerPage.getByRole('button', { name: 'Restore from 24 words' }).click();
  await strangerWallet.enterWords(OTHER_WORDS);
  await strangerPage.getByLabel(t('backup.restore.file')).setInputFiles(file);
  await strangerPage.getByRole('button', { name: 'Continue' }).click();
  await strangerWallet.choosePasscode(PASSCODE);
  await expect(strangerPage.getByText(t('backup.problem.wrong-words'))).toBeVisible();
  await stranger.close();

  // A fresh browser: the words plus the file give back the credential and the history.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  const restored = await new WalletPage(freshPage).open();
  await freshPage.getByRole('button', { name: 'Restore from 24 words' }).click();
  await restored.enterWords(seed.walletWords);
  await freshPage.getByLabel(t('backup.restore.file')).setInputFiles(file);
  await freshPage.getByRole('button', { name: 'Continue' }).click();
  await restored.choosePasscode(PASSCODE);
  await restored.expectHome();
  await expect(freshPage.getByText(/^Your backup of .* is restored: \d+ records\.$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(restored.credentialCards()).toHaveCount(cards.length);
  expect(await restored.credentialCards().allTextContents()).toEqual(cards);
  expect(await historyNames(freshPage)).toEqual(history);
  await restored.openSettings();
  await expect(freshPage.getByText(/^Last backup: /)).toBeVisible();
  // Importing the same backup again adds nothing and keeps everything.
  await freshPage.getByLabel(t('backup.import.file')).setInputFiles(file);
  await freshPage.getByRole('button', { name: t('backup.import.submit') }).click();
  await expect(freshPage.getByText(/^Imported: 0 added, \d+ already here and kept/)).toBeVisible();
  await fresh.close();
});
