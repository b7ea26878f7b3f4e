import { expect } from '@playwright/test';
import { encodeForText } from '../src/core/transport/index.ts';
import { vouchJson } from './support/cli.ts';
import { dumpIndexedDb } from './support/idb-dump.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { test } from './support/seed.ts';

test.describe('wallet: create, lock, unlock, reload, restore, erase', () => {
  test('Given a new citizen, when they create a wallet, then the 24 words are checked, the wallet opens, locks, refuses a wrong passcode, unlocks and survives a reload', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await wallet.expectWelcome();
    const words = await wallet.create();
    const did = await wallet.walletDid();

    // The CLI derives the same wallet identity from the same words.
    expect(vouchJson(['keys', 'derive', '--mnemonic', words.join(' ')]).did).toBe(did);

    await wallet.lock();
    await wallet.unlock('000000');
    await expect(page.getByRole('alert')).toHaveText(
      'That passcode is not right. Nothing was changed.',
    );
    await wallet.expectLocked();

    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    expect(await wallet.walletDid()).toBe(did);

    await page.reload();
    await wallet.expectLocked();
    // The PIN wallet's lock screen brings up the numeric keypad.
    await expect(wallet.unlockField('pin')).toHaveAttribute('inputmode', 'numeric');
    // An offer link followed while locked: the lock screen says a credential is waiting.
    const offer = encodeForText('offer', new Uint8Array([1, 2, 3]));
    await page.goto(`/#receive=${encodeURIComponent(offer)}`);
    await expect(page.getByRole('status').filter({ hasText: 'waiting' })).toHaveText(
      'A credential is waiting for you. Unlock to receive it.',
    );
    await wallet.unlock();
    await expect(wallet.heading('Receive a credential')).toBeVisible();
    await wallet.backHome();
    expect(await wallet.walletDid()).toBe(did);
  });

  test('Given a wrong word at confirmation, when the citizen continues, then that word is flagged and the wallet is not created', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await page.getByRole('button', { name: 'Create a new wallet' }).click();
    await expect(page.getByRole('heading', { name: 'Your 24 recovery words' })).toBeVisible();
    const words = (
      await page.getByRole('list', { name: 'Recovery words' }).getByRole('listitem').allInnerTexts()
    ).map((word) => word.trim());
    await page.getByRole('checkbox', { name: 'I have written down all 24 words' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const fields = page.getByRole('textbox', { name: /^Word \d+$/ });
    const firstLabel = await fields
      .first()
      .evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const wrongAt = Number(firstLabel.replace('Word ', '')) - 1;
    await wallet.confirmWords(words, wrongAt);
    await expect(
      page.getByText(`Word ${wrongAt + 1} does not match. Check what you wrote down.`),
    ).toBeVisible();
    await expect(wallet.heading('Check your words')).toBeVisible();
    await expect(
      page.getByRole('textbox', { name: `Word ${wrongAt + 1}`, exact: true }),
    ).toHaveAttribute('aria-invalid', 'true');
  });

  test('Given a passcode that is too short or not repeated, when creating, then the citizen is told and can fix it', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await page.getByRole('button', { name: 'Create a new wallet' }).click();
    await expect(page.getByRole('heading', { name: 'Your 24 recovery words' })).toBeVisible();
    const words = (
      await page.getByRole('list', { name: 'Recovery words' }).getByRole('listitem').allInnerTexts()
    ).map((word) => word.trim());
    await page.getByRole('checkbox', { name: 'I have written down all 24 words' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await wallet.confirmWords(words);

    // A PIN by default, on the numeric keypad; letters in it are refused with a way out.
    const pin = page.getByLabel('PIN', { exact: true });
    await expect(pin).toHaveAttribute('inputmode', 'numeric');
    await expect(page.getByLabel('Repeat PIN')).toHaveAttribute('inputmode', 'numeric');
    await pin.fill('12345a');
    await page.getByLabel('Repeat PIN').fill('12345a');
    await page.getByRole('button', { name: 'Create wallet' }).click();
    await expect(
      page.getByText('A PIN has digits only. For letters, use a passphrase instead.'),
    ).toBeVisible();
    await wallet.choosePasscode('12345');
    await expect(page.getByText('Use at least 6 digits.')).toBeVisible();
    await wallet.choosePasscode('abc');
    await expect(page.getByText('A passphrase needs at least 8 characters.')).toBeVisible();
    await expect(page.getByLabel('Passphrase', { exact: true })).not.toHaveAttribute(
      'inputmode',
      'numeric',
    );
    await wallet.choosePasscode('246813', '246810');
    await expect(page.getByText('The two passcodes are not the same.')).toBeVisible();

    await pin.fill('123456');
    await expect(page.getByText('Strength: Weak: easy to guess. Longer is better.')).toBeVisible();
    await page.getByRole('button', { name: 'Use a passphrase instead' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('purple tractor under seven moons');
    await expect(page.getByText('Strength: Strong.')).toBeVisible();

    await wallet.choosePasscode('purple tractor under seven moons');
    await wallet.expectHome();
    // A passphrase wallet's lock screen keeps the full keyboard.
    await wallet.lock();
    await expect(wallet.unlockField('passphrase')).not.toHaveAttribute('inputmode', 'numeric');
    await wallet.unlock('purple tractor under seven moons');
    await wallet.expectHome();
  });

  test('Given a wallet, when it is restored in a fresh browser profile from its 24 words, then it has the same identity', async ({
    page,
    browser,
  }) => {
    const original = await new WalletPage(page).open();
    const words = await original.create();
    const did = await original.walletDid();

    const freshContext = await browser.newContext();
    try {
      const restored = await new WalletPage(await freshContext.newPage()).open();
      await restored.expectWelcome();
      await restored.restore(words, '135792468');
      expect(await restored.walletDid()).toBe(did);
      await restored.lock();
      await restored.unlock('135792468');
      await restored.expectHome();
    } finally {
      await freshContext.close();
    }
  });

  test('Given bad recovery words, when restoring, then the bad word and a bad checksum are flagged at the word and nothing is created', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    const valid = vouchJson(['keys', 'derive', '--mnemonic', ABANDON_ART]).did;
    expect(valid).toMatch(/^did:key:/);
    await page.getByRole('button', { name: 'Restore from 24 words' }).click();

    const words = ABANDON_ART.split(' ');
    await wallet.enterWords(words.map((word, index) => (index === 6 ? 'abandonx' : word)));
    await page.getByRole('button', { name: 'Continue' }).click();
    const seventh = page.getByRole('textbox', { name: 'Word 7', exact: true });
    await expect(seventh).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Word 7 is not in the word list.')).toBeVisible();

    // Autocomplete from the word list: typing a prefix offers words; choosing one fills the field.
    await seventh.fill('aban');
    await page
      .getByRole('group', { name: 'Suggestions for word 7' })
      .getByRole('button', { name: 'abandon' })
      .click();
    await expect(seventh).toHaveValue('abandon');
    await expect(seventh).not.toHaveAttribute('aria-invalid', 'true');

    // All words known, but the last one does not match the checksum.
    await page.getByRole('textbox', { name: 'Word 24', exact: true }).fill('abandon');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('not a valid recovery phrase');
    await expect(page.getByRole('textbox', { name: 'Word 24', exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(wallet.heading('Restore your wallet')).toBeVisible();

    // Paste all 24 words into the first field: they are spread over the 24 fields.
    await page.getByRole('textbox', { name: 'Word 1', exact: true }).focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, ABANDON_ART);
    await expect(page.getByRole('textbox', { name: 'Word 24', exact: true })).toHaveValue('art');
    await page.getByRole('button', { name: 'Continue' }).click();
    await wallet.choosePasscode(PASSCODE);
    await wallet.expectHome();
    expect(await wallet.walletDid()).toBe(valid);
  });

  test('Given an unlocked wallet, when the citizen erases it behind the confirmation, then everything is gone', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    await wallet.openSettings();

    // Cancel keeps the wallet.
    await page.getByRole('button', { name: 'Erase this wallet…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(wallet.heading('Settings')).toBeVisible();

    await wallet.erase();
    const { text } = await dumpIndexedDb(page);
    expect(text).not.toContain('store:records');
    await page.reload();
    await wallet.expectWelcome();
  });
});

/** BIP39 test vector (trezor/python-mnemonic vectors.json): 256 zero bits → "abandon ×23 art". */
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
