import { expect } from '@playwright/test';
import { WalletPage } from './pages/wallet-page.ts';
import { test } from './support/seed.ts';

test.describe('app shell: roles, languages, offline', () => {
  test('Given the three deep links, when each is opened, then its role is shown, the desks link each other and the wallet links to no desk', async ({
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

    await expect(nav.getByRole('link')).toHaveCount(2);
    await expect(nav.getByRole('link', { name: 'Wallet' })).toHaveCount(0);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      'href',
      '/verifier.webmanifest',
    );

    // The wallet is an app of its own: its bar holds the brand and the language menu, no links.
    await page.goto('/');
    await new WalletPage(page).expectWelcome();
    await expect(page.getByRole('banner').getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      'href',
      '/manifest.webmanifest',
    );
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
      id: string;
      icons: Array<{ purpose: string; src: string }>;
    };
    expect(manifest.id).toBe('/');
    const maskable = manifest.icons.find((icon) => icon.purpose === 'maskable');
    expect((await page.request.get(maskable?.src ?? '/none')).headers()['content-type']).toBe(
      'image/png',
    );

    await page.goBack();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();
    await page.goto('/verifier');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();
  });

  test('Given an English page, when the citizen switches to Nederlands and then Français, then every screen follows, the top bar stays one compact row, and the choice survives a reload', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('banner').getByLabel('Language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Vouch' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Vouch' })).toBeVisible();

    await page.getByRole('banner').getByLabel('Taal').selectOption('fr');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Bienvenue dans Vouch' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Restaurer avec 24 mots' }).click();
    await expect(page.getByRole('textbox', { name: 'Mot 1', exact: true })).toBeVisible();

    // At 360 px, in French (the longest words): the bar is at most 56 px, its menu at least 44.
    const bar = await page.getByRole('banner').boundingBox();
    expect(bar?.height).toBeLessThanOrEqual(56);
    const menu = await page.getByRole('banner').getByLabel('Langue').boundingBox();
    expect(menu?.height).toBeGreaterThanOrEqual(44);
    // The desks' bar, with both desk links, keeps to one row too: the links show their short
    // labels and fit (nothing scrolls within the bar), and keep their full names.
    await page.goto('/verifier');
    const deskBar = await page.getByRole('banner').boundingBox();
    expect(deskBar?.height).toBeLessThanOrEqual(56);
    const deskNav = page.getByRole('navigation', { name: 'Rôles' });
    await expect(deskNav.getByRole('link', { name: 'Guichet émetteur' })).toHaveCount(1);
    await expect(deskNav.getByText('Émetteur', { exact: true })).toBeVisible();
    expect(
      await deskNav.evaluate((nav) => nav.scrollWidth <= nav.clientWidth),
      'the desk links fit the bar',
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
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
