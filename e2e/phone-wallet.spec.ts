import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { PASSCODE } from './pages/wallet-page.ts';
import { SEPTEMBER_STATEMENT } from './support/flows.ts';
import { expectPhoneFit, PHONE } from './support/phone.ts';
import { answerBenefitQuestions, openAllDetails, shareAndConfirm } from './support/screens.ts';
import { test, type Seed, type StorageState } from './support/seed.ts';
import { LANGUAGES, wordsFor, type Language, type Words } from './support/words.ts';

/**
 * Issue 11: at 360×740, every wallet screen in nl, fr and en, with nothing that scrolls sideways
 * and every tap target at least 44 × 44 px (docs/ux.md, Targets). The issuer desk, the wallet and
 * the verifier are made once per worker (support/seed.ts); each language then visits
 * every screen on copies of that wallet. The checks are soft: a run lists every offending screen.
 */
async function phoneContext(
  browser: Browser,
  language: Language,
  storageState?: StorageState,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, storageState, hasTouch: true });
  await context.addInitScript((chosen) => localStorage.setItem('vouch.language', chosen), language);
  return context;
}

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

async function unlock(page: Page, t: Words): Promise<void> {
  await expect(heading(page, t('unlock.title'))).toBeVisible();
  // Labelled "PIN" or "Passcode" by the kind of passcode the wallet keeps; the form has one field.
  await page.locator('form input[name="passcode"]').fill(PASSCODE);
  await page.getByRole('button', { name: t('unlock.submit') }).click();
}

async function back(page: Page, t: Words): Promise<void> {
  await page
    .getByRole('button', { name: t('settings.back') })
    .first()
    .click();
  await expect(heading(page, t('home.title'))).toBeVisible();
}

/** Welcome, restore (empty and with errors), and the three steps of creating a wallet. */
async function onboarding(page: Page, t: Words): Promise<void> {
  await page.goto('/');
  await expect(heading(page, t('welcome.title'))).toBeVisible();
  await expectPhoneFit(page, 'welcome');

  await page.getByRole('button', { name: t('welcome.restore') }).click();
  await expect(heading(page, t('restore.title'))).toBeVisible();
  await expectPhoneFit(page, 'restore');
  await page.getByRole('button', { name: t('restore.submit') }).click();
  await expect(page.getByText(t('restore.missingWord', { n: 1 })).first()).toBeVisible();
  await expectPhoneFit(page, 'restore with errors');
  await page.getByRole('button', { name: t('common.cancel') }).click();

  await page.getByRole('button', { name: t('welcome.create') }).click();
  await expect(heading(page, t('create.words.title'))).toBeVisible();
  await expectPhoneFit(page, 'recovery words');
  const words = (
    await page
      .getByRole('list', { name: t('create.words.listLabel') })
      .getByRole('listitem')
      .allInnerTexts()
  ).map((item) => item.trim().split(/\s+/).pop() ?? '');
  expect(words).toHaveLength(24);
  await page.getByRole('checkbox', { name: t('create.words.written') }).check();
  await page.getByRole('button', { name: t('common.continue') }).click();

  await expect(heading(page, t('create.confirm.title'))).toBeVisible();
  await expectPhoneFit(page, 'check your words');
  const fields = page.getByRole('textbox');
  await expect(fields).toHaveCount(3);
  for (const field of await fields.all()) {
    const label = await field.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
    );
    await field.fill(words[Number(/\d+/.exec(label)?.[0]) - 1] ?? '');
  }
  await page.getByRole('button', { name: t('common.continue') }).click();
  await expect(heading(page, t('passcode.title'))).toBeVisible();
  await expectPhoneFit(page, 'choose a passcode');
}

/**
 * The wallet without credentials: the lock screen reached from a verifier's link (it says what
 * waits), the request it opens, an empty home, connecting to an issuer, an empty history.
 */
async function emptyWallet(page: Page, t: Words, seed: Seed): Promise<void> {
  await page.goto((await seed.freshRequest()).link);
  await expect(heading(page, t('unlock.title'))).toBeVisible();
  await expectPhoneFit(page, 'lock screen, a request waiting');
  await unlock(page, t);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(t('unlock.title'), {
    timeout: 30_000,
  });
  await openAllDetails(page);
  await expectPhoneFit(page, 'request with nothing to show');
  // Home without reloading (a reload locks the wallet, and unlocking costs seconds).
  await page
    .getByRole('button', { name: t('present.decline') })
    .or(page.getByRole('button', { name: t('settings.back') }))
    .first()
    .click();
  await expect(heading(page, t('home.title'))).toBeVisible();
  await openAllDetails(page);
  await expectPhoneFit(page, 'home, empty');

  await page.getByRole('button', { name: t('home.connect') }).click();
  await expect(heading(page, t('connect.title'))).toBeVisible();
  await expectPhoneFit(page, 'connect');
  await page.getByLabel(t('connect.issuerName')).fill('Acme Rides');
  await page.getByRole('button', { name: t('connect.create') }).click();
  await expect(
    page.getByRole('img', { name: t('connect.codeLabel', { issuer: 'Acme Rides' }) }),
  ).toBeVisible();
  await expectPhoneFit(page, 'connect code');
  await back(page, t);

  await page.getByRole('button', { name: t('history.title') }).click();
  await expect(heading(page, t('history.title'))).toBeVisible();
  await expectPhoneFit(page, 'history, empty');
}

/**
 * The wallet with a credential: home, receiving another (the saved card), the card with its
 * technical details, settings, benefits before and after answering, the consent screen and the
 * answer's QR, and the history that records it.
 */
async function fullWallet(page: Page, t: Words, language: Language, seed: Seed): Promise<void> {
  await page.goto('/');
  await expectPhoneFit(page, 'lock screen');
  await unlock(page, t);
  await expect(heading(page, t('home.title'))).toBeVisible({ timeout: 30_000 });
  await expectPhoneFit(page, 'home with a credential');

  await page.getByRole('button', { name: t('home.receive') }).click();
  await expect(heading(page, t('receive.title'))).toBeVisible();
  await expectPhoneFit(page, 'receive');
  // The desk (English) issues another month; the wallet takes it from the pasted text.
  const { desk } = seed;
  await desk.issueIncomeStatement({ ...SEPTEMBER_STATEMENT, period: periodFor(language) });
  await page.getByLabel(t('qr.paste.label')).fill(await desk.offerText());
  await page.getByRole('button', { name: t('qr.paste.submit') }).click();
  await expect(heading(page, t('receive.title'))).toBeHidden({ timeout: 20_000 });
  await desk.page.getByRole('button', { name: 'Issue another credential' }).click();
  await openAllDetails(page);
  await expectPhoneFit(page, 'credential received');
  await back(page, t);
  await openAllDetails(page);
  await expectPhoneFit(page, 'home with two credentials');

  await page.getByRole('list').getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(t('home.title'));
  await openAllDetails(page);
  await expectPhoneFit(page, 'card with technical details');
  await back(page, t);

  await page.getByRole('button', { name: t('home.settings') }).click();
  await expect(heading(page, t('settings.title'))).toBeVisible();
  await openAllDetails(page);
  await expectPhoneFit(page, 'settings');
  await back(page, t);

  await page.getByRole('button', { name: t('benefits.open'), exact: true }).click();
  await expect(heading(page, t('benefits.title'))).toBeVisible();
  await expect(page.getByText(t('benefits.loading'))).toHaveCount(0, { timeout: 20_000 });
  await expectPhoneFit(page, 'benefits before answering');
  await answerBenefitQuestions(page, t, () => expectPhoneFit(page, 'benefits questions answered'));
  await openAllDetails(page);
  await expectPhoneFit(page, 'benefits after answering');
  await back(page, t);

  await page.getByRole('button', { name: t('present.start') }).click();
  await expect(heading(page, t('present.title'))).toBeVisible();
  await expectPhoneFit(page, 'show a credential');
  await page.getByLabel(t('qr.paste.label')).fill((await seed.freshRequest()).text);
  await page.getByRole('button', { name: t('qr.paste.submit') }).click();
  const share = page.getByRole('button', { name: t('present.share'), exact: true });
  await expect(share).toBeVisible({ timeout: 20_000 });
  await openAllDetails(page);
  await expectPhoneFit(page, 'consent');
  await shareAndConfirm(page, t, () => expectPhoneFit(page, 'consent, incomplete application'));
  await expectPhoneFit(page, 'answer code');
  await page.getByRole('button', { name: t('present.done') }).click();
  await expect(heading(page, t('home.title'))).toBeVisible();

  await page.getByRole('button', { name: t('history.title') }).click();
  await expect(heading(page, t('history.title'))).toBeVisible();
  await openAllDetails(page);
  await expectPhoneFit(page, 'history');
}

/** A different month per language, so the three runs add different credentials. */
function periodFor(language: Language): string {
  return { nl: '2026-06', fr: '2026-07', en: '2026-08' }[language];
}

for (const language of LANGUAGES) {
  test(`Given the wallet at 360×740 in ${language}, when every screen is visited, then nothing scrolls sideways and every tap target is at least 44 px`, async ({
    browser,
    seed,
  }) => {
    const t = wordsFor(language);
    const contexts: BrowserContext[] = [];
    try {
      const fresh = await phoneContext(browser, language);
      contexts.push(fresh);
      await test.step('onboarding', async () => onboarding(await fresh.newPage(), t));

      const empty = await phoneContext(browser, language, seed.emptyWallet);
      contexts.push(empty);
      await test.step('an empty wallet', async () => emptyWallet(await empty.newPage(), t, seed));

      const full = await phoneContext(browser, language, seed.fullWallet);
      contexts.push(full);
      await test.step('a wallet with credentials', async () =>
        fullWallet(await full.newPage(), t, language, seed));
    } finally {
      for (const context of contexts) await context.close();
    }
  });
}
