import { writeFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { connectByText, receiveOfferText } from './support/flows.ts';
import { expectPhoneFit, PHONE } from './support/phone.ts';
import { wordsFor, type Language } from './support/words.ts';
import { test } from './support/seed.ts';

/**
 * Proactive benefits, from the published figures (shared/facts/benefits-nl.md): the social
 * assistance norm for a single person aged 21 to pension age is €1,300.61 a month excluding holiday
 * allowance from 1 July 2025, and €1,278.18 (derived) from 1 January 2025, with €1,345.45
 * including it. An employer issues June, July and September 2025 statements around the norm; the
 * wallet works out the months; the agency, from the verified July statement, gets the same €500.61.
 */
test('Given income statements around the norm, when the citizen answers the questions, then the Benefits screen shows the right months and amounts, and applying gives the agency the same amount from verified claims', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const deskContext = await browser.newContext();
  // The citizen's phone: the smallest width docs/ux.md holds the wallet to.
  const walletContext = await browser.newContext({ viewport: PHONE });
  const agencyContext = await browser.newContext();
  try {
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await desk.tab('Desk settings').click();
    const issuerDid = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.create();
    await connectByText(wallet, desk, 'Acme Rides', 'Sam de Vries');
    for (const [period, net] of [
      ['2025-06', '1500.00'],
      ['2025-07', '800.00'],
      ['2025-09', '1000.00'],
    ] as const) {
      await desk.issueIncomeStatement({
        period,
        gross: '1900.00',
        net,
        hours: '120',
        birthDate: '1988-04-12',
      });
      await receiveOfferText(wallet, desk);
    }

    // The questionnaire: single, 21 to pension age, some savings, no exemption.
    await wallet.page.getByRole('button', { name: 'Benefits', exact: true }).click();
    await expect(wallet.heading('Benefits')).toBeVisible();
    const answer = wallet.page.getByRole('button', { name: 'Answer the questions' });
    if (await answer.isVisible()) await answer.click();
    // Before answering: nothing scrolls sideways at 360 px, in any language (long option labels).
    await expectBenefitsFit(wallet.page, 'benefits, questions');
    await wallet.page.getByLabel('Household', { exact: true }).selectOption({ label: 'single' });
    await wallet.page
      .getByLabel('Age', { exact: true })
      .selectOption({ label: '21 to state-pension age' });
    await wallet.page.getByLabel('Your assets', { exact: true }).fill('2000');
    await wallet.page
      .getByLabel('Income exemption', { exact: true })
      .selectOption({ label: 'no exemption' });
    await wallet.page.getByRole('button', { name: 'Save answers' }).click();
    await expect(
      wallet.page.getByText('Your answers are saved. The results below use them.'),
    ).toBeVisible();

    // After answering: the month cards, the chart and the answers fit too.
    await expectBenefitsFit(wallet.page, 'benefits, results');

    const july = wallet.page.getByRole('article', { name: 'July 2025' });
    const september = wallet.page.getByRole('article', { name: 'September 2025' });
    const june = wallet.page.getByRole('article', { name: 'June 2025' });
    // No asset limit is published for 2025, so "probably" — but the amounts are known.
    await expect(july).toContainText('€500.61');
    await expect(july).toContainText(/probably entitled/i);
    await expect(september).toContainText('€300.61');
    await expect(june).toContainText(/not entitled/i);
    await expect(june).not.toContainText('€222.');
    // "Why?" names the norm, its source and the legal basis.
    await july.getByText('Why?').click();
    await expect(july).toContainText('€1,300.61');
    await expect(july).toContainText('Participatiewet');
    await expectNoViolations(wallet.page, 'benefits');

    // A new statement changes the results: home says so, with the amount.
    await wallet.backHome();
    await desk.issueIncomeStatement({
      period: '2025-08',
      gross: '1200.00',
      net: '900.00',
      hours: '90',
      birthDate: '1988-04-12',
    });
    await receiveOfferText(wallet, desk);
    const news = wallet.page.getByText('August 2025: you are probably entitled to €400.61');
    await expect(news).toBeVisible();
    await wallet.page.getByRole('button', { name: 'Benefits', exact: true }).click();
    await expect(wallet.page.getByRole('article', { name: 'August 2025' })).toContainText(
      '€400.61',
    );

    // The agency: trusts Acme for income statements, has Acme's status list, asks for July 2025.
    const agency = new VerifierPage(await agencyContext.newPage());
    await agency.open();
    await agency.setUp('Gemeente Utrecht');
    await agency.addTrustedIssuer(issuerDid, 'Acme Rides BV', ['Income statement']);
    const listFile = testInfo.outputPath('status.jwt');
    await writeFile(listFile, (await desk.publish()).jwt);
    await agency.importStatusList(listFile);
    await agency.chooseTemplate('income-supplement', { month: '2025-07' });
    const request = await agency.showRequest();

    // Apply from the July result: the evidence, then the agency's application (pasted), then consent.
    await july.getByRole('button', { name: 'Apply' }).click();
    await expect(july).toContainText('What you declare yourself (not verified by anyone)');
    await expect(
      july.getByRole('button', { name: 'Scan the agency’s application QR' }),
    ).toBeVisible();
    await july.getByRole('button', { name: 'Paste the agency’s application link' }).click();
    const link = july.getByLabel('Application link');
    await link.fill('https://agency.example/apply');
    await july.getByRole('button', { name: 'Open the application' }).click();
    await expect(july.getByRole('alert')).toContainText('This is not an application link');
    await expectPhoneFit(wallet.page, 'benefits, apply');
    await link.fill(request.text);
    await july.getByRole('button', { name: 'Open the application' }).click();
    // Who asks: the desk's own name, not verified by any authority the wallet trusts.
    await expect(
      wallet.page.getByRole('heading', { name: /Gemeente Utrecht.* asks to see$/ }),
    ).toBeVisible();
    // The request names July 2025 (DCQL values): only that statement is offered, no choice to make.
    await expect(wallet.page.getByRole('radio')).toHaveCount(0);
    await expect(wallet.page.getByRole('checkbox', { name: /^Period: July 2025/ })).toBeChecked();
    await expect(wallet.page.getByLabel(/^Household: single/)).toBeChecked();
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    const answerText = await wallet.page.getByLabel('Answer as text').inputValue();

    const verdict = await agency.pasteResponse(answerText);
    expect(verdict.checks.filter((check) => !check.passed)).toEqual([]);
    expect(verdict.valid).toBe(true);
    const benefit = await agency.benefitCheck();
    expect(benefit.facts['Amount']).toBe('€500.61');
    expect(benefit.steps.join('\n')).toContain('declared by the citizen, not verified');
    expect(benefit.steps.join('\n')).toContain('verified');
  } finally {
    await deskContext.close();
    await walletContext.close();
    await agencyContext.close();
  }
});

/**
 * The Benefits screen fits a 360 px phone in nl, fr and en: switched through the language menu
 * (the app's own words find it), checked, and back to English for the rest of the test.
 */
async function expectBenefitsFit(page: Page, screen: string): Promise<void> {
  const languages: Language[] = ['nl', 'fr', 'en'];
  for (const language of languages) {
    const words = wordsFor(language);
    await page.getByRole('combobox', { name: /^(Language|Taal|Langue)$/ }).selectOption(language);
    await expect(
      page.getByRole('heading', { name: words('benefits.title'), level: 1 }),
    ).toBeVisible();
    await expectPhoneFit(page, `${screen} (${language})`);
  }
}
