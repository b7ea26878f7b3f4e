import { expect, type Locator, type Page } from '@playwright/test';
import { captureQrFrames, type GrayImage } from '../support/fake-camera.ts';

export const VERIFIER_PASSCODE = 'verifier passcode 2026';

export type VerifierTemplate =
  'income-supplement' | 'asbestos-tas' | 'asbestos-afa' | 'diploma-job';

export const TEMPLATE_LABELS: Record<VerifierTemplate, string> = {
  'income-supplement': 'Income supplement (Participatiewet) for a month',
  'asbestos-tas': 'Asbestos victims’ compensation (TAS/TNS)',
  'asbestos-afa': 'Belgian Asbestos Fund (AFA)',
  'diploma-job': 'Diploma for a job application',
};

export type VerifierTab =
  | 'Request'
  | 'Application links'
  | 'Check an answer'
  | 'Trusted issuers'
  | 'Status lists'
  | 'History'
  | 'Verifier settings';

export interface VerdictCheck {
  passed: boolean;
  /** e.g. "Meant for this desk". */
  name: string;
  /** The plain-language reason, e.g. "This presentation was made for another verifier." */
  reason: string;
}

/** The verdict's "Benefit check" section. */
export interface BenefitReading {
  /** Outcome and amount lines by their label ("Outcome", "Amount", "Holiday allowance …"). */
  facts: Record<string, string>;
  /** Each step of "How this was worked out", as shown. */
  steps: string[];
}

export interface VerdictReading {
  /** "Valid" or "Not valid". */
  word: string;
  valid: boolean;
  /** "Issued by …, on your trust list." or "Unknown issuer — not trusted." */
  issuer: string;
  /** Disclosed claims by their English label, values as shown. */
  claims: Record<string, string>;
  checks: VerdictCheck[];
  /** The revocation status line, e.g. "Not revoked. Status list from 12 minutes ago." */
  status: string;
}

/** The verifier desk at /verifier (English UI), driven by accessible names. */
export class VerifierPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/verifier');
    return this;
  }

  /** The screen's title; a string must match exactly (not as a substring of another title). */
  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  }

  async setUp(name: string, kind: 'agency' | 'employer' | 'other' = 'agency'): Promise<void> {
    await expect(this.heading('Set up the verifier desk')).toBeVisible();
    await this.page.getByLabel('Organisation name').fill(name);
    await this.page.getByLabel('Kind of verifier').selectOption(kind);
    await this.page.getByLabel('Verifier passcode', { exact: true }).fill(VERIFIER_PASSCODE);
    await this.page.getByLabel('Repeat verifier passcode').fill(VERIFIER_PASSCODE);
    await this.page.getByRole('button', { name: 'Set up the verifier desk' }).click();
    await expect(this.heading(name)).toBeVisible({ timeout: 30_000 });
  }

  async unlock(name: string, passcode = VERIFIER_PASSCODE): Promise<void> {
    await expect(this.heading('Verifier desk locked')).toBeVisible();
    await this.page.getByLabel('Passcode', { exact: true }).fill(passcode);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.heading(name)).toBeVisible({ timeout: 30_000 });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(this.heading('Verifier desk locked')).toBeVisible();
  }

  tab(name: VerifierTab): Locator {
    return this.page
      .getByRole('navigation', { name: 'Verifier sections' })
      .getByRole('button', { name, exact: true });
  }

  /** The verifier's DID, as shown in the settings. */
  async did(): Promise<string> {
    await this.tab('Verifier settings').click();
    return (await this.page.getByLabel('Verifier DID').innerText()).trim();
  }

  /** The Request tab's form (after a request was shown, the tab shows it until "New request"). */
  private async openRequestForm(): Promise<void> {
    await this.tab('Request').click();
    const fresh = this.page.getByRole('button', { name: 'New request' });
    if (await fresh.isVisible()) await fresh.click();
  }

  /** Pick a template; `month` (YYYY-MM) for the income supplement. */
  async chooseTemplate(
    template: VerifierTemplate,
    options: { month?: string } = {},
  ): Promise<void> {
    await this.openRequestForm();
    await this.page
      .getByLabel('What do you need?')
      .selectOption({ label: TEMPLATE_LABELS[template] });
    if (options.month) await this.page.getByLabel('Month', { exact: true }).fill(options.month);
  }

  /**
   * A custom request: the type by its English name, claims by their English label
   * (others stay "Not asked"), and the purpose.
   */
  async customRequest(options: {
    type: string;
    claims: Record<string, 'Required' | 'Optional'>;
    purpose: string;
  }): Promise<void> {
    await this.openRequestForm();
    await this.page.getByLabel('What do you need?').selectOption({ label: 'Custom request' });
    await this.page.getByLabel('Credential type').selectOption({ label: options.type });
    for (const [label, choice] of Object.entries(options.claims)) {
      await this.page
        .getByRole('group', { name: label, exact: true })
        .getByRole('radio', { name: choice, exact: true })
        .check();
    }
    await this.page.getByLabel('Purpose', { exact: true }).fill(options.purpose);
  }

  /** "Show request": the request's QR code, its text, and the same-device link. */
  async showRequest(): Promise<{ code: Locator; text: string; link: string }> {
    await this.page.getByRole('button', { name: 'Show request' }).click();
    const code = this.requestCode();
    await expect(code).toBeVisible({ timeout: 20_000 });
    return {
      code,
      text: await this.page.getByLabel('Request as text').inputValue(),
      link: await this.page.getByLabel('Link for a wallet on this device').inputValue(),
    };
  }

  requestCode(): Locator {
    return this.page.getByRole('img', { name: /^Request for / });
  }

  /** Every frame of the request's QR code as a picture. */
  captureRequestPictures(): Promise<GrayImage[]> {
    return captureQrFrames(this.page, this.requestCode());
  }

  private answerScanner(): Locator {
    return this.page.getByRole('region', { name: 'Scan the answer' }).last();
  }

  /** Scan the wallet's answer with the (fake) camera, then wait for the verdict. */
  async scanResponseByCamera(): Promise<VerdictReading> {
    await this.answerScanner().getByRole('button', { name: 'Scan with camera' }).click();
    await expect(this.verdictWord()).toBeVisible({ timeout: 60_000 });
    return this.verdict();
  }

  /** Paste the wallet's answer as text (on the Request screen or the Check tab). */
  async pasteResponse(text: string): Promise<VerdictReading> {
    if ((await this.answerScanner().count()) === 0) await this.tab('Check an answer').click();
    const another = this.page.getByRole('button', { name: 'Check another answer' });
    if (await another.isVisible()) await another.click();
    await this.answerScanner().getByLabel('Paste the code as text').fill(text);
    await this.answerScanner().getByRole('button', { name: 'Read text' }).click();
    await expect(this.verdictWord()).toBeVisible({ timeout: 30_000 });
    return this.verdict();
  }

  verdictWord(): Locator {
    return this.page.getByRole('heading', { name: /^(Valid|Not valid)$/ });
  }

  /** Reads the verdict on screen (the first credential of the answer). */
  async verdict(): Promise<VerdictReading> {
    const word = (await this.verdictWord().innerText()).trim();
    const block = this.page.getByRole('article').first();
    const claims: Record<string, string> = {};
    const list = block.getByRole('list', { name: 'Checks' });
    const claimList = block.locator('dl.claims');
    if ((await claimList.count()) > 0) {
      const terms = await claimList.locator('dt').allInnerTexts();
      const values = await claimList.locator('dd').allInnerTexts();
      terms.forEach((term, i) => (claims[term.trim()] = (values[i] ?? '').trim()));
    }
    const checks = (await list.getByRole('listitem').allInnerTexts()).map((text) => {
      const match = /^(✓ Passed|⚠ Warning|✗ Failed) — ([^:]+):\s*(.*)$/s.exec(text.trim());
      return {
        passed: !text.trim().startsWith('✗'),
        name: match?.[2]?.trim() ?? text,
        reason: match?.[3]?.trim() ?? '',
      };
    });
    const issuer = (
      await block
        .getByText(/^(Issued by |Unknown issuer)/)
        .first()
        .innerText()
    ).trim();
    const status = (
      await block
        .getByRole('heading', { name: 'Revocation status' })
        .locator('xpath=following-sibling::p[1]')
        .innerText()
    ).trim();
    return { word, valid: word === 'Valid', issuer, claims, checks, status };
  }

  /** The "Benefit check" section of the verdict on screen. */
  benefitSection(): Locator {
    return this.page.getByRole('region', { name: 'Benefit check' });
  }

  /** Reads the benefit check on the verdict. */
  async benefitCheck(): Promise<BenefitReading> {
    const section = this.benefitSection();
    await expect(section).toBeVisible();
    const outcome = section.locator('dl').first();
    const terms = await outcome.locator('dt').allInnerTexts();
    const values = await outcome.locator('dd').allInnerTexts();
    const facts: Record<string, string> = {};
    terms.forEach((term, i) => (facts[term.trim()] = (values[i] ?? '').trim()));
    const steps = (
      await section
        .getByRole('list', { name: 'How this was worked out' })
        .getByRole('listitem')
        .allInnerTexts()
    ).map((text) => text.trim());
    return { facts, steps };
  }

  /** "Fetch status lists" on the verdict, then the verdict again. */
  async fetchStatusLists(): Promise<VerdictReading> {
    await this.page.getByRole('button', { name: 'Fetch status lists' }).first().click();
    await expect(this.page.getByText('Fetching…')).toBeHidden({ timeout: 30_000 });
    return this.verdict();
  }

  /** Choose a trust list file and press "Import trust list" (what follows depends on the list). */
  async startTrustListImport(file: string): Promise<void> {
    await this.tab('Trusted issuers').click();
    await this.page.getByLabel('Trust list file').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Import trust list' }).click();
  }

  /** The "Check who signed this list" step, shown for a signer the desk does not trust yet. */
  signerCheck(): Locator {
    return this.page.getByRole('region', { name: 'Check who signed this list' });
  }

  /** The signer's fingerprint words, as shown in the check step. */
  async signerWords(): Promise<string[]> {
    const check = this.signerCheck();
    await expect(check).toBeVisible({ timeout: 20_000 });
    await expect(
      check.getByText('Do these words match what the list’s publisher told you?'),
    ).toBeVisible();
    return check
      .getByRole('list', { name: 'Fingerprint words of the signer’s key' })
      .getByRole('listitem')
      .allInnerTexts();
  }

  /** The success line after an import ("Imported “…”, signed by …"). */
  private async imported(): Promise<string> {
    const done = this.page.getByRole('status').filter({ hasText: /^Imported “/ });
    await expect(done).toBeVisible({ timeout: 20_000 });
    return done.innerText();
  }

  /** Confirm the signer's words: the list is imported. Returns the success line. */
  async confirmSigner(): Promise<string> {
    await this.signerCheck().getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(this.signerCheck()).toBeHidden();
    return this.imported();
  }

  /** Cancel at the signer's words: nothing is imported. */
  async cancelSigner(): Promise<void> {
    await this.signerCheck().getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.signerCheck()).toBeHidden();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Nothing was imported.' }),
    ).toBeVisible();
  }

  /**
   * Import a trust list. When its signer is not trusted yet, the words shown must equal
   * `signerWords` (the words its publisher gave), and are confirmed; without `signerWords` such a
   * list fails the test. Returns the success line.
   */
  async importTrustList(file: string, options: { signerWords?: string[] } = {}): Promise<string> {
    await this.startTrustListImport(file);
    const done = this.page.getByRole('status').filter({ hasText: /^Imported “/ });
    await expect(done.or(this.signerCheck())).toBeVisible({ timeout: 20_000 });
    if (await done.isVisible()) return done.innerText();
    if (!options.signerWords) throw new Error('the desk asks to confirm the signer’s words');
    expect(await this.signerWords()).toEqual(options.signerWords);
    return this.confirmSigner();
  }

  /** Import a trust list the desk refuses: the alert's text. */
  async importTrustListRefused(file: string): Promise<string> {
    await this.startTrustListImport(file);
    const alert = this.page.getByRole('alert').filter({ hasText: /trust list/i });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    return alert.innerText();
  }

  /** Add an issuer to the desk's own list; `types` by their English names ("Income statement"). */
  async addTrustedIssuer(did: string, name: string, types: readonly string[]): Promise<void> {
    await this.tab('Trusted issuers').click();
    await this.page.getByLabel('Issuer DID').fill(did);
    await this.page.getByLabel('Issuer name').fill(name);
    const group = this.page.getByRole('group', { name: 'Trusted for' });
    for (const type of types) await group.getByRole('checkbox', { name: type }).check();
    await this.page.getByRole('button', { name: 'Add issuer' }).click();
    await expect(this.page.getByText(`${name} is now trusted at this desk.`)).toBeVisible();
  }

  /** Sign the own list; returns the signed JWT shown on screen. */
  async signOwnTrustList(listName?: string): Promise<string> {
    await this.tab('Trusted issuers').click();
    if (listName) await this.page.getByLabel('Name of the list').fill(listName);
    await this.page.getByRole('button', { name: 'Sign the trust list' }).click();
    const text = this.page.getByLabel('Signed trust list');
    await expect(text).toBeVisible();
    return text.inputValue();
  }

  async importStatusList(file: string): Promise<void> {
    await this.tab('Status lists').click();
    await this.page.getByLabel('Status list file').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Import status list' }).click();
    await expect(this.page.getByText(/^The status list for .* is stored\.$/)).toBeVisible({
      timeout: 20_000,
    });
  }
}
