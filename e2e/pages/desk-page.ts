import { expect, type Locator, type Page } from '@playwright/test';
import { captureQrFrames, type GrayImage } from '../support/fake-camera.ts';

export const DESK_PASSCODE = 'desk passcode 2026';

/** The issuer desk at /issuer, driven by accessible names. */
export class DeskPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/issuer');
    return this;
  }

  async setUp(options: {
    name: string;
    kind?: string;
    registration: string;
    alg?: string;
  }): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Set up the issuer desk', exact: true }),
    ).toBeVisible();
    await this.page.getByLabel('Organisation name').fill(options.name);
    await this.page.getByLabel('Kind of issuer').selectOption(options.kind ?? 'employer');
    await this.page.getByLabel('Registration number').fill(options.registration);
    if (options.alg) await this.page.getByLabel('Signature algorithm').selectOption(options.alg);
    await this.page.getByLabel('Desk passcode', { exact: true }).fill(DESK_PASSCODE);
    await this.page.getByLabel('Repeat desk passcode').fill(DESK_PASSCODE);
    await this.page.getByRole('button', { name: 'Set up the desk' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: options.name, exact: true }),
    ).toBeVisible({
      timeout: 30_000,
    });
  }

  tab(name: 'Register' | 'Issue' | 'Issued and revocation' | 'Desk settings'): Locator {
    return this.page
      .getByRole('navigation', { name: 'Desk sections' })
      .getByRole('button', { name, exact: true });
  }

  /** Scan a wallet's connect code with the camera, then file the person in the register. */
  async registerByCamera(name: string, number: string, addressedTo: string): Promise<void> {
    await this.tab('Register').click();
    await this.page.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(this.page.getByText(`The wallet made this code for: ${addressedTo}.`)).toBeVisible(
      { timeout: 20_000 },
    );
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByLabel('Number', { exact: true }).fill(number);
    await this.page.getByRole('button', { name: 'Add to register' }).click();
    await expect(this.page.getByText(`${name} was added to the register.`)).toBeVisible();
    await expect(this.page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }

  /** Paste a wallet's connect code as text, then file the person (with a date of birth, if given). */
  async registerByText(
    code: string,
    person: { name: string; number?: string; birthDate?: string },
  ): Promise<void> {
    await this.tab('Register').click();
    await this.page.getByLabel('Paste the code as text').fill(code);
    await this.page.getByRole('button', { name: 'Read text' }).click();
    await expect(this.page.getByText(/^The wallet made this code for: /)).toBeVisible();
    await this.page.getByLabel('Name', { exact: true }).fill(person.name);
    if (person.number) await this.page.getByLabel('Number', { exact: true }).fill(person.number);
    if (person.birthDate)
      await this.page.getByLabel('Date of birth', { exact: true }).fill(person.birthDate);
    await this.page.getByRole('button', { name: 'Add to register' }).click();
    await expect(this.page.getByText(`${person.name} was added to the register.`)).toBeVisible();
  }

  /** Desk settings → Publish profile: returns the signed profile's text (what the QR holds). */
  async publishProfile(): Promise<string> {
    await this.tab('Desk settings').click();
    await this.page.getByRole('button', { name: 'Publish profile' }).click();
    await expect(this.page.getByText('Your profile is signed with your issuer key.')).toBeVisible();
    await expect(this.page.getByRole('img', { name: /^Issuer profile of / })).toBeVisible();
    return this.page.getByLabel('Profile as text').inputValue();
  }

  async issueIncomeStatement(claims: {
    period: string;
    gross: string;
    net: string;
    hours: string;
    birthDate: string;
  }): Promise<void> {
    await this.tab('Issue').click();
    await this.page
      .getByLabel('Credential', { exact: true })
      .selectOption({ label: 'Income statement' });
    await this.page.getByLabel(/^Period/).fill(claims.period);
    await this.page.getByLabel(/^Gross wage/).fill(claims.gross);
    await this.page.getByLabel(/^Net wage/).fill(claims.net);
    await this.page.getByLabel(/^Hours/).fill(claims.hours);
    await this.page.getByLabel(/^Date of birth/).fill(claims.birthDate);
    await this.page.getByRole('button', { name: 'Sign and issue' }).click();
    await expect(
      this.page.getByRole('heading', { name: /Income statement issued to/ }),
    ).toBeVisible();
  }

  /**
   * Issue a credential of `type` (its English name) to the selected person, filling fields by
   * their English labels; `{ option }` picks from a list. Prefilled fields (names, institution)
   * are left as they are.
   */
  async issue(
    type: string,
    fields: Record<string, string | { option: string }>,
    options: { decoys?: number } = {},
  ): Promise<void> {
    await this.tab('Issue').click();
    await this.page.getByLabel('Credential', { exact: true }).selectOption({ label: type });
    for (const [label, value] of Object.entries(fields)) {
      const field = this.page.getByLabel(label, { exact: true });
      if (typeof value === 'string') await field.fill(value);
      else await field.selectOption({ label: value.option });
    }
    if (options.decoys !== undefined) {
      await this.page.getByText('Advanced options').click();
      await this.page.getByLabel('Decoy digests').fill(String(options.decoys));
    }
    await this.page.getByRole('button', { name: 'Sign and issue' }).click();
    await expect(
      this.page.getByRole('heading', { name: new RegExp(`^${type} issued to`) }),
    ).toBeVisible();
  }

  offerText(): Promise<string> {
    return this.page.getByLabel('Offer as text').inputValue();
  }

  /** Every frame of the offer's QR code as a picture. */
  captureOfferFrames(): Promise<GrayImage[]> {
    return captureQrFrames(this.page, this.page.getByRole('img', { name: /Credential offer for/ }));
  }

  async revoke(name: string, reason: string): Promise<void> {
    await this.tab('Issued and revocation').click();
    await this.page
      .getByRole('button', { name: new RegExp(`^Revoke the credential of ${name}`) })
      .first()
      .click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByLabel(/^Reason/).fill(reason);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(
      this.page.getByText(`The credential of ${name} was revoked.`, { exact: false }),
    ).toBeVisible();
  }

  /** Sign the status list; returns where it must be hosted and the signed JWT. */
  async publish(): Promise<{ uri: string; jwt: string }> {
    await this.tab('Issued and revocation').click();
    await this.page.getByRole('button', { name: 'Sign the status list' }).click();
    const done = await this.page.getByText(/^Signed\. Put this file at /).innerText();
    const uri = done.replace(/^Signed\. Put this file at /, '').replace(/\.$/, '');
    return { uri, jwt: await this.page.getByLabel('Status list (statuslist+jwt)').inputValue() };
  }
}
