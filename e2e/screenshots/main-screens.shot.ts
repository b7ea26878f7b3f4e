import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { PASSCODE } from '../pages/wallet-page.ts';
import { PHONE_LARGE } from '../support/phone.ts';
import { answerBenefitQuestions, shareAndConfirm } from '../support/screens.ts';
import { seedWalletAndDesks } from '../support/seed.ts';
import { wordsFor } from '../support/words.ts';

/** docs/screenshots/: the phone at 390×844, the desks at 1280×900, in English. */
const DESK = { width: 1280, height: 900 } as const;
const t = wordsFor('en');

function shot(name: string): string {
  return fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));
}

/** A still picture: no caret, no animation, fonts loaded. */
async function capture(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: shot(name), animations: 'disabled', caret: 'hide' });
}

test('The main screens of the wallet and the desks, for the README', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const seed = await seedWalletAndDesks(browser, {
    statusListFile: testInfo.outputPath('status.jwt'),
  });
  const phone = await browser.newContext({
    viewport: PHONE_LARGE,
    storageState: seed.fullWallet,
    hasTouch: true,
    isMobile: true,
  });
  try {
    await seed.desk.page.setViewportSize(DESK);
    await seed.verifier.page.setViewportSize(DESK);
    const page = await phone.newPage();
    await page.goto('/');
    await page.locator('form input[name="passcode"]').fill(PASSCODE);
    await page.getByRole('button', { name: t('unlock.submit') }).click();
    const home = page.getByRole('heading', { level: 1, name: t('home.title'), exact: true });
    await expect(home).toBeVisible({ timeout: 30_000 });
    await capture(page, 'wallet-home');

    await page.getByRole('list').getByRole('button').first().click();
    await expect(home).toBeHidden();
    await capture(page, 'wallet-card');
    await page
      .getByRole('button', { name: t('settings.back') })
      .first()
      .click();

    await page.getByRole('button', { name: t('benefits.open'), exact: true }).click();
    await answerBenefitQuestions(page, t);
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, 'wallet-benefits');
    await page
      .getByRole('button', { name: t('settings.back') })
      .first()
      .click();

    // The verifier shows its request (desk), the wallet consents (phone), the verdict (desk).
    await page.getByRole('button', { name: t('present.start') }).click();
    await page.getByLabel(t('qr.paste.label')).fill((await seed.freshRequest()).text);
    await capture(seed.verifier.page, 'verifier-request');
    await page.getByRole('button', { name: t('qr.paste.submit') }).click();
    await expect(page.getByRole('button', { name: t('present.share'), exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await capture(page, 'wallet-consent');
    await shareAndConfirm(page, t);
    const answer = await page.getByLabel(t('present.answerText')).inputValue();
    await seed.verifier.pasteResponse(answer);
    await capture(seed.verifier.page, 'verifier-verdict');

    await seed.desk.tab('Issue').click();
    await capture(seed.desk.page, 'issuer-issue');
  } finally {
    await phone.close();
    await seed.close();
  }
});
