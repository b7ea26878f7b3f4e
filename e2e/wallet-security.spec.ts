import { expect } from '@playwright/test';
import { dumpIndexedDb } from './support/idb-dump.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { test } from './support/seed.ts';

test.describe('wallet: encryption at rest, passcode, auto-lock', () => {
  test('Given a wallet whose words include names used in the storage schema, when the raw IndexedDB is read through the page, then no recovery word and no plaintext record is in its stored values', async ({
    page,
  }) => {
    // A valid recovery phrase made to contain the BIP39 words that are also names in our storage
    // schema (vault, secret, salt, name, history, record, list, desk, subject): the scan must still
    // find none of them among the stored values.
    const words = STRUCTURE_WORDS_PHRASE.split(' ');
    const wallet = await new WalletPage(page).open();
    await wallet.restore(words);
    const did = await wallet.walletDid();
    await wallet.openSettings();
    await page.getByRole('combobox', { name: 'Lock automatically after' }).selectOption('15');
    await expect(page.getByText('Saved.')).toBeVisible();

    const { databases, text, content } = await dumpIndexedDb(page);
    expect(databases).toContain('vouch');
    // The dump does read the vault: the unlock parameters are in clear by design.
    expect(text).toContain('store:records');
    expect(text).toContain('Argon2id');
    expect(text).toContain('65536');

    // Every stored value (not the field names and record ids, which are structure) is scanned.
    expect(content.length).toBeGreaterThan(1000);
    const lowered = content.toLowerCase();
    for (const word of new Set(words)) {
      expect(lowered, `recovery word found in storage`).not.toMatch(
        new RegExp(`(^|[^a-z])${word}([^a-z]|$)`),
      );
    }
    expect(text).not.toContain(words.join(' '));
    // Plaintext of the records: the profile (wallet DID, xpub) and the settings.
    expect(text).not.toContain(did);
    expect(text).not.toContain(did.slice('did:key:'.length, 'did:key:'.length + 20));
    expect(text).not.toMatch(/xpub[1-9A-HJ-NP-Za-km-z]{20}/);
    expect(text).not.toContain('autoLockMinutes');
    expect(text).not.toContain('walletDid');
  });

  test('Given an unlocked wallet, when the passcode is changed, then only the new one unlocks it and the data is intact', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    const did = await wallet.walletDid();
    await wallet.openSettings();

    await page.getByLabel('Current passcode').fill('111111');
    await page.getByLabel('New passcode', { exact: true }).fill('975310');
    await page.getByLabel('Repeat new passcode').fill('975310');
    await page.getByRole('button', { name: 'Change passcode' }).click();
    await expect(
      page.getByText('The current passcode is not right. Nothing was changed.'),
    ).toBeVisible();

    await page.getByLabel('Current passcode').fill(PASSCODE);
    await page.getByLabel('New passcode', { exact: true }).fill('975310');
    await page.getByLabel('Repeat new passcode').fill('975310');
    await page.getByRole('button', { name: 'Change passcode' }).click();
    await expect(page.getByText('Your passcode was changed.')).toBeVisible();

    await page.getByRole('button', { name: 'Back to wallet' }).click();
    await wallet.lock();
    await wallet.unlock(PASSCODE);
    await expect(page.getByText('That passcode is not right. Nothing was changed.')).toBeVisible();
    await wallet.unlock('975310');
    await wallet.expectHome();
    expect(await wallet.walletDid()).toBe(did);
  });

  test('Given the default 5-minute auto-lock, when the wallet is left idle, then it locks and says so; a chosen time is kept encrypted across unlocks', async ({
    page,
  }) => {
    await page.clock.install();
    const wallet = await new WalletPage(page).open();
    await wallet.create();

    await page.clock.fastForward('04:00');
    await wallet.expectHome();
    await page.clock.fastForward('01:30');
    await wallet.expectLocked();
    await expect(page.getByRole('status')).toHaveText('Your wallet was locked.');

    await wallet.unlock();
    await wallet.expectHome();
    await wallet.openSettings();
    await page.getByRole('combobox', { name: 'Lock automatically after' }).selectOption('1');
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Back to wallet' }).click();
    await wallet.lock();
    await wallet.unlock();
    await wallet.expectHome();
    await wallet.openSettings();
    await expect(page.getByRole('combobox', { name: 'Lock automatically after' })).toHaveValue('1');
    await page.clock.fastForward('01:10');
    await wallet.expectLocked();
  });

  test('Given an unlocked wallet, when the page is hidden longer than the auto-lock time, then it is locked when it comes back', async ({
    page,
  }) => {
    await page.clock.install();
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    // A throttled background tab: the clock moves on but no timer gets to run.
    await page.clock.setSystemTime(Date.now() + 6 * 60_000);
    await setVisibility('visible');
    await wallet.expectLocked();
  });
});

const STRUCTURE_WORDS_PHRASE =
  'vault secret salt name history record list desk subject legal winner thank year wave sausage worth useful abandon zoo profit energy ocean vivid bind';
