import { expect, type Page } from '@playwright/test';
import { PASSCODE } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { PHONE_LARGE } from './support/phone.ts';
import { answerBenefitQuestions, openAllDetails, shareAndConfirm } from './support/screens.ts';
import { test } from './support/seed.ts';
import { wordsFor } from './support/words.ts';

/**
 * axe (WCAG 2.1 AA) on the screens that need a credential, a request or a desk: consent and the
 * answer, the verifier's verdict, and every tab of both desks. One seed per worker (support/
 * seed.ts); each test is one short part, so none comes near its budget on two cores. Serial: the
 * verdict reads the answer the first test made.
 */
test.describe.configure({ mode: 'serial' });

const t = wordsFor('en');
let answerText = '';

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

test('Given a request link, when the wallet unlocks, consents and answers, then the lock screen, consent, answer, card, benefits and history pass axe', async ({
  browser,
  seed,
}) => {
  const wallet = await browser.newContext({
    viewport: PHONE_LARGE,
    storageState: seed.fullWallet,
  });
  const page = await wallet.newPage();
  await page.goto((await seed.freshRequest()).link);
  await expect(heading(page, t('unlock.title'))).toBeVisible();
  await expectNoViolations(page, 'lock screen, a request waiting');
  await page.locator('form input[name="passcode"]').fill(PASSCODE);
  await page.getByRole('button', { name: t('unlock.submit') }).click();

  await expect(page.getByRole('button', { name: t('present.share'), exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoViolations(page, 'consent');
  await openAllDetails(page);
  await expectNoViolations(page, 'consent, details open');
  // A link answers by going back to the verifier's page; the cross-device answer is a QR code, so
  // the same request is scanned (pasted) from Show a credential.
  await page.getByRole('button', { name: t('present.decline') }).click();
  await expect(heading(page, t('home.title'))).toBeVisible();
  await page.getByRole('button', { name: t('present.start') }).click();
  await page.getByLabel(t('qr.paste.label')).fill((await seed.freshRequest()).text);
  await page.getByRole('button', { name: t('qr.paste.submit') }).click();
  await expect(page.getByRole('button', { name: t('present.share'), exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await shareAndConfirm(page, t, () => expectNoViolations(page, 'consent, incomplete application'));
  await expectNoViolations(page, 'answer code');
  answerText = await page.getByLabel(t('present.answerText')).inputValue();
  await page.getByRole('button', { name: t('present.done') }).click();
  await expect(heading(page, t('home.title'))).toBeVisible();
  await expectNoViolations(page, 'home with a credential');

  await page.getByRole('list').getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(t('home.title'));
  await openAllDetails(page);
  await expectNoViolations(page, 'card with technical details');
  await page
    .getByRole('button', { name: t('settings.back') })
    .first()
    .click();

  await page.getByRole('button', { name: t('benefits.open'), exact: true }).click();
  await expect(heading(page, t('benefits.title'))).toBeVisible();
  await answerBenefitQuestions(page, t, () => expectNoViolations(page, 'benefits questions'));
  await openAllDetails(page);
  await expectNoViolations(page, 'benefits after answering');
  await page
    .getByRole('button', { name: t('settings.back') })
    .first()
    .click();

  await page.getByRole('button', { name: t('history.title') }).click();
  await expect(heading(page, t('history.title'))).toBeVisible();
  await openAllDetails(page);
  await expectNoViolations(page, 'history');
  await wallet.close();
});

test('Given the wallet’s answer, when the verifier reads it, then the verdict passes axe', async ({
  seed,
}) => {
  expect(answerText, 'the answer of the test before').not.toBe('');
  const verdict = await seed.verifier.pasteResponse(answerText);
  expect(verdict.word).toMatch(/^(Valid|Not valid)$/);
  await expectNoViolations(seed.verifier.page, 'verdict');
  await openAllDetails(seed.verifier.page);
  await expectNoViolations(seed.verifier.page, 'verdict, details open');
});

/** Every tab of a desk's section navigation, whatever tabs it has. */
async function everyTab(page: Page, navigation: string, desk: string): Promise<void> {
  const tabs = page.getByRole('navigation', { name: navigation }).getByRole('button');
  const names = await tabs.allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    await tabs.filter({ hasText: name }).first().click();
    await expectNoViolations(page, `${desk}: ${name}`);
  }
}

test('Given the issuer desk, when its setup screen and each tab are checked, then none breaks WCAG 2.1 AA', async ({
  page,
  seed,
}) => {
  await page.goto('/issuer');
  await expectNoViolations(page, 'issuer desk setup');
  await everyTab(seed.desk.page, 'Desk sections', 'issuer desk');
  await seed.desk.issueIncomeStatement({
    period: '2026-10',
    gross: '2450.00',
    net: '1895.12',
    hours: '151.5',
    birthDate: '1988-04-12',
  });
  await expectNoViolations(seed.desk.page, 'issuer desk: offer');
  await seed.desk.page.getByRole('button', { name: 'Issue another credential' }).click();
});

test('Given the verifier desk, when its setup screen, the request shown and each tab are checked, then none breaks WCAG 2.1 AA', async ({
  page,
  seed,
}) => {
  await page.goto('/verifier');
  await expectNoViolations(page, 'verifier desk setup');
  const verifier = seed.verifier;
  await verifier.chooseTemplate('diploma-job');
  await expectNoViolations(verifier.page, 'verifier: request form');
  await verifier.showRequest();
  await expectNoViolations(verifier.page, 'verifier: request shown');
  await everyTab(verifier.page, 'Verifier sections', 'verifier desk');
});
