import { expect, type Page } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { expectNoSidewaysScroll, expectPhoneFit, PHONE } from './support/phone.ts';
import { answerBenefitQuestions, openAllDetails } from './support/screens.ts';
import { test } from './support/seed.ts';
import { LANGUAGES, wordsFor, type Language, type Words } from './support/words.ts';

/**
 * Issue 11, application links at 360×740 in nl, fr and en (docs/ux.md "Application links"): the
 * wallet's side — Benefits → Apply, the application link pasted (and refused), asking before
 * contacting the agency, the consent of the request the server minted — with nothing scrolling
 * sideways and 44 px tap targets; the verifier desk's Application links tab — a published link,
 * its answers, an answer's verdict, the History that keeps it — with nothing scrolling sideways.
 * The worker's `vouch serve` and a copy of its seeded wallet (support/seed.ts).
 */

const LINK_NAME = 'Aanvulling 2027';

/** The top bar's language menu (desks) or the one in Settings (wallet): the current words name it. */
async function chooseLanguage(page: Page, from: Words, language: Language): Promise<void> {
  await page
    .getByRole('combobox', { name: from('language.label') })
    .first()
    .selectOption(language);
}

/** The desk's Application links tab, in the desk's current language: the link, its answers, one. */
async function deskTab(page: Page, t: Words, language: Language): Promise<void> {
  await page
    .getByRole('navigation', { name: t('verifier.sections') })
    .getByRole('button', { name: t('applications.open'), exact: true })
    .click();
  await page.getByRole('button', { name: t('applications.list.refresh') }).click();
  const answers = page.getByRole('button', {
    name: t('applications.item.answers', { name: LINK_NAME, count: 1 }),
  });
  await expect(answers).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('img', { name: t('applications.item.qrLabel', { name: LINK_NAME }) }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, `desk application links (${language})`);

  await answers.click();
  const list = page.getByRole('region', {
    name: t('applications.answers.title', { name: LINK_NAME }),
  });
  const show = list.getByRole('listitem').getByRole('button');
  await expect(show).toHaveCount(1, { timeout: 20_000 });
  await expectNoSidewaysScroll(page, `desk application answers (${language})`);
  await show.click();
  const back = page.getByRole('button', { name: t('applications.answers.back') });
  await expect(back).toBeVisible();
  await openAllDetails(page);
  await expectNoSidewaysScroll(page, `desk application answer, its verdict (${language})`);
  await back.click();
  await list.getByRole('button', { name: t('applications.answers.close') }).click();
  await expect(list).toHaveCount(0);
}

/** Benefits → Apply → the link pasted (a wrong one first) → Contact → the consent screen. */
async function apply(page: Page, t: Words, language: Language, link: string): Promise<void> {
  await page.getByRole('button', { name: t('benefits.open'), exact: true }).click();
  await expect(page.getByText(t('benefits.loading'))).toHaveCount(0, { timeout: 20_000 });
  const applyButton = page.getByRole('button', { name: t('benefits.apply'), exact: true }).first();
  if (!(await applyButton.isVisible())) {
    await answerBenefitQuestions(page, t);
  }
  await applyButton.click();
  const panel = page.getByRole('region', { name: t('benefits.apply.title') });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: t('benefits.apply.paste') }).click();
  const field = panel.getByLabel(t('benefits.apply.link'));
  await field.fill('https://agency.example/apply');
  await panel.getByRole('button', { name: t('benefits.apply.open') }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expectPhoneFit(page, `apply, a wrong link (${language})`);
  await field.fill(link);
  await panel.getByRole('button', { name: t('benefits.apply.open') }).click();

  const contact = page.getByRole('button', { name: t('online.contact.go'), exact: true });
  await expect(contact).toBeVisible({ timeout: 20_000 });
  await expectPhoneFit(page, `apply, contact the agency (${language})`);
  await contact.click();
  const share = page.getByRole('button', { name: t('present.share'), exact: true });
  await expect(share).toBeVisible({ timeout: 20_000 });
  await openAllDetails(page);
  await expectPhoneFit(page, `apply, consent (${language})`);
}

test('Given application links at 360×740 in nl, fr and en, when the wallet applies and the desk reads the answer, then nothing scrolls sideways and the wallet’s tap targets are at least 44 px', async ({
  browser,
  seed,
  vouchServe: server,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];

  // The desk at phone width, connected to the server, publishes the income-supplement template.
  const deskContext = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const walletContext = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    storageState: seed.fullWallet,
  });
  try {
    const verifier = new VerifierPage(await deskContext.newPage());
    verifier.page.on('pageerror', (error) => errors.push(error.message));
    await verifier.open();
    await verifier.setUp('Gemeente Testdorp');
    await verifier.tab('Verifier settings').click();
    const settings = verifier.page.getByRole('region', { name: 'Server' });
    await settings.getByLabel('Server address').fill(server.url);
    await settings.getByLabel('Admin token').fill(server.adminToken);
    await settings.getByRole('button', { name: 'Save server' }).click();
    await expect(settings.getByText('The server is saved. The server answers.')).toBeVisible({
      timeout: 20_000,
    });
    await verifier.tab('Application links').click();
    await verifier.page.getByLabel(/^Name of the link/).fill(LINK_NAME);
    await verifier.page.getByRole('button', { name: 'Publish' }).click();
    const linkField = verifier.page.getByLabel(new RegExp(`^Application link “${LINK_NAME}”`));
    await expect(linkField).toBeVisible({ timeout: 20_000 });
    const link = await linkField.inputValue();

    // The wallet: a copy of the seeded wallet, given a low July 2025 income statement by the
    // server (so Benefits has a result to apply for), then in each language.
    const wallet = await walletContext.newPage();
    wallet.on('pageerror', (error) => errors.push(error.message));
    await wallet.goto('/');
    let words = wordsFor('en');
    await wallet.locator('form input[name="passcode"]').fill(PASSCODE);
    await wallet.getByRole('button', { name: words('unlock.submit') }).click();
    await expect(wallet.getByRole('heading', { level: 1, name: words('home.title') })).toBeVisible({
      timeout: 30_000,
    });
    const offer = await fetch(`${server.url}/admin/offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'income-statement',
        claims: {
          ...exampleClaims('income-statement'),
          period: '2025-07',
          gross_wage_cents: 90_000,
          net_wage_cents: 80_000,
        },
      }),
    }).then(async (response) => (await response.json()) as { uri: string });
    const receiving = new WalletPage(wallet);
    await receiving.openReceive();
    await receiving.pasteCode(offer.uri);
    await wallet.getByRole('button', { name: 'Contact', exact: true }).click();
    await wallet.getByRole('button', { name: 'Accept and save' }).click({ timeout: 20_000 });
    await wallet.getByRole('button', { name: 'Back to my wallet' }).click({ timeout: 30_000 });
    for (const language of LANGUAGES) {
      await test.step(`the wallet applies (${language})`, async () => {
        const t = wordsFor(language);
        await wallet.getByRole('button', { name: words('home.settings') }).click();
        await chooseLanguage(wallet, words, language);
        words = t;
        await wallet
          .getByRole('button', { name: t('settings.back') })
          .first()
          .click();
        await apply(wallet, t, language, link);
        if (language === 'en') {
          // The last one shares: the desk then has an answer (not valid: it trusts no issuer).
          await wallet.getByRole('button', { name: t('present.share'), exact: true }).click();
          const sent = wallet.getByText(t('online.answer.sent', { verifier: 'Gemeente Testdorp' }));
          const confirm = wallet.getByRole('alertdialog');
          await expect(sent.or(confirm)).toBeVisible({ timeout: 20_000 });
          if (await confirm.isVisible()) {
            await expectPhoneFit(wallet, 'apply, incomplete application');
            await confirm
              .getByRole('button', { name: t('consent.incomplete.shareAnyway') })
              .click();
          }
          await expect(sent).toBeVisible({ timeout: 30_000 });
          await expectPhoneFit(wallet, 'apply, sent');
        } else {
          await wallet.getByRole('button', { name: t('present.decline') }).click();
        }
        await expect(wallet.getByRole('heading', { level: 1 })).toBeVisible();
      });
    }

    // The desk's tab in each language: the link, its answers, the answer's verdict.
    let deskWords = wordsFor('en');
    for (const language of LANGUAGES) {
      await test.step(`the desk reads the answer (${language})`, async () => {
        const t = wordsFor(language);
        await chooseLanguage(verifier.page, deskWords, language);
        deskWords = t;
        await deskTab(verifier.page, t, language);
      });
    }
    // The answer is in the desk's History too, worded as when the desk first read it (in nl).
    await verifier.page
      .getByRole('navigation', { name: deskWords('verifier.sections') })
      .getByRole('button', { name: deskWords('verifier.tab.history'), exact: true })
      .click();
    await expect(
      verifier.page.getByRole('cell', {
        name: wordsFor('nl')('applications.purpose.income-supplement'),
      }),
    ).toHaveCount(1);
    await expectNoSidewaysScroll(verifier.page, 'desk history');
  } finally {
    await deskContext.close();
    await walletContext.close();
  }
  expect(errors).toEqual([]);
});
