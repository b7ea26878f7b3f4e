import { expect, test } from '@playwright/test';
import { WalletPage } from './pages/wallet-page.ts';

test.describe('app shell: roles, languages, offline', () => {
  test('Given the three deep links, when each is opened, then its role is shown and the switcher reaches the others', async ({
    page,
  }) => {
    await page.goto('/issuer');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the issuer desk', exact: true }),
    ).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Roles' });
    await expect(nav.getByRole('link', { name: 'Issuer desk' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await nav.getByRole('link', { name: 'Verifier' }).click();
    await expect(page).toHaveURL(/\/verifier$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();

    await nav.getByRole('link', { name: 'Wallet' }).click();
    await expect(page).toHaveURL(/\/$/);
    await new WalletPage(page).expectWelcome();

    await page.goBack();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();
    await page.goto('/verifier');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();
  });

  test('Given an English page, when the citizen switches to Nederlands and then Français, then every screen follows and the choice survives a reload', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('banner').getByLabel('Language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Vouch' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Rollen' }).getByRole('link', { name: 'Uitgiftebalie' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Vouch' })).toBeVisible();

    await page.getByRole('banner').getByLabel('Taal').selectOption('fr');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Bienvenue dans Vouch' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Restaurer avec 24 mots' }).click();
    await expect(page.getByRole('textbox', { name: 'Mot 1', exact: true })).toBeVisible();
  });

  test('Given a Dutch-speaking browser, when Vouch opens the first time, then it speaks Dutch', async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'nl-BE' });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Vouch' })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('Given a French-speaking browser, when Vouch opens the first time, then it speaks French', async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    try {
      const page = await context.newPage();
      await page.goto('/verifier');
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: 'Configurer le guichet de vérification',
          exact: true,
        }),
      ).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('Given a wallet opened once online, when the connection is gone, then the app still opens and unlocks', async ({
    page,
    context,
  }) => {
    const wallet = await new WalletPage(page).open();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const words = await wallet.create();
    expect(words).toHaveLength(24);
    // The service worker has taken control once the page is reloaded.
    await page.reload();
    await wallet.expectLocked();

    await context.setOffline(true);
    await page.reload();
    await wallet.expectLocked();
    await wallet.unlock();
    await wallet.expectHome();
    await page.goto('/issuer');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the issuer desk', exact: true }),
    ).toBeVisible();
    await context.setOffline(false);
  });
});
