import { expect, type Locator, type Page } from '@playwright/test';

/** The wallet's PIN (a passcode of digits only: the default kind since issue 11). */
export const PASSCODE = '804193';

const isPin = (passcode: string) => /^[0-9]+$/.test(passcode);

/**
 * The wallet role, driven by accessible names only (roles and labels), as a screen reader would.
 * Each step returns what the citizen sees next.
 */
export class WalletPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/');
    return this;
  }

  /** The screen's title; a string must match exactly (not as a substring of another title). */
  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  }

  async expectWelcome(): Promise<void> {
    await expect(this.heading('Welcome to Vouch')).toBeVisible();
  }

  /** Create a wallet; returns the 24 words as shown once. */
  async create(passcode = PASSCODE): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Create a new wallet' }).click();
    await expect(this.heading('Your 24 recovery words')).toBeVisible();
    const words = await this.page
      .getByRole('list', { name: 'Recovery words' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(words).toHaveLength(24);
    const continueButton = this.page.getByRole('button', { name: 'Continue' });
    await expect(continueButton).toBeDisabled();
    await this.page.getByRole('checkbox', { name: 'I have written down all 24 words' }).check();
    await continueButton.click();

    await expect(this.heading('Check your words')).toBeVisible();
    await this.confirmWords(words.map((w) => w.trim()));
    await this.choosePasscode(passcode);
    await this.expectHome();
    return words.map((w) => w.trim());
  }

  /** Fill the three "Word N" fields of the confirmation step. */
  async confirmWords(words: readonly string[], wrongAt?: number): Promise<number[]> {
    const fields = this.page.getByRole('textbox', { name: /^Word \d+$/ });
    await expect(fields).toHaveCount(3);
    const positions: number[] = [];
    for (const field of await fields.all()) {
      const label = await field.evaluate(
        (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
      );
      const position = Number(label.replace('Word ', '')) - 1;
      positions.push(position);
      const word = words[position] as string;
      await field.fill(wrongAt === position ? `${word}x` : word);
    }
    await this.page.getByRole('button', { name: 'Continue' }).click();
    return positions;
  }

  /**
   * Choose the wallet's passcode: digits go into the PIN fields (the default), anything else into
   * the passphrase fields ("Use a passphrase instead").
   */
  async choosePasscode(passcode: string, repeat = passcode): Promise<void> {
    await expect(this.heading('Choose a passcode')).toBeVisible();
    const pin = isPin(passcode);
    const other = this.page.getByRole('button', {
      name: pin ? 'Use a PIN instead' : 'Use a passphrase instead',
    });
    if (await other.isVisible()) await other.click();
    await this.page.getByLabel(pin ? 'PIN' : 'Passphrase', { exact: true }).fill(passcode);
    await this.page.getByLabel(pin ? 'Repeat PIN' : 'Repeat passphrase').fill(repeat);
    await this.page.getByRole('button', { name: 'Create wallet' }).click();
  }

  async restore(words: readonly string[], passcode = PASSCODE): Promise<void> {
    await this.page.getByRole('button', { name: 'Restore from 24 words' }).click();
    await this.enterWords(words);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.choosePasscode(passcode);
    await this.expectHome();
  }

  async enterWords(words: readonly string[]): Promise<void> {
    await expect(this.heading('Restore your wallet')).toBeVisible();
    for (const [index, word] of words.entries()) {
      await this.page.getByRole('textbox', { name: `Word ${index + 1}`, exact: true }).fill(word);
    }
  }

  async expectHome(): Promise<void> {
    await expect(this.heading('Your wallet')).toBeVisible({ timeout: 30_000 });
  }

  async walletDid(): Promise<string> {
    const did = ((await this.page.getByLabel('Wallet identity').textContent()) ?? '').trim();
    expect(did).toMatch(/^did:key:zQ3s[1-9A-HJ-NP-Za-km-z]+$/);
    return did;
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
    await this.expectLocked();
  }

  async expectLocked(): Promise<void> {
    await expect(this.heading('Wallet locked')).toBeVisible();
  }

  /** The lock screen's field: "PIN" (numeric keypad) for a PIN wallet, else "Passcode". */
  unlockField(kind: 'pin' | 'passphrase' = 'pin'): Locator {
    return this.page.getByLabel(kind === 'pin' ? 'PIN' : 'Passcode', { exact: true });
  }

  /** Unlock with `passcode`; a passcode of digits is typed into a PIN wallet's lock screen. */
  async unlock(passcode = PASSCODE): Promise<void> {
    await this.unlockField(isPin(passcode) ? 'pin' : 'passphrase').fill(passcode);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  /** Make a connect code for an issuer; returns the QR code as shown. */
  async connectCode(issuerName: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Connect to an issuer' }).click();
    await this.page.getByLabel('Name of the issuer').fill(issuerName);
    await this.page.getByRole('button', { name: 'Create connect code' }).click();
    const code = this.page.getByRole('img', { name: `Connect code for ${issuerName}` });
    await expect(code).toBeVisible();
    return code;
  }

  async openReceive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Receive a credential' }).click();
    await expect(this.heading('Receive a credential')).toBeVisible();
  }

  /** Paste a code as text into the receive screen's scanner. */
  async pasteCode(text: string): Promise<void> {
    await this.page.getByLabel('Paste the code as text').fill(text);
    await this.page.getByRole('button', { name: 'Read text' }).click();
  }

  credentialCards(): Locator {
    return this.page.getByRole('list').getByRole('button');
  }

  async backHome(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to wallet' }).click();
    await this.expectHome();
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings' }).click();
    await expect(this.heading('Settings')).toBeVisible();
  }

  async erase(): Promise<void> {
    await this.page.getByRole('button', { name: 'Erase this wallet…' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Erase this wallet?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Erase everything' }).click();
    await this.expectWelcome();
  }
}
