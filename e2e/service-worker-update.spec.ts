/**
 * A new version reaches an open tab without closing it (issue 8, item 2): when a new service
 * worker is installed and waiting, the page says so, and "Reload" lets it take over and reloads.
 *
 * The built app is served by a small server of the test's own, so the test can publish a "new
 * version" of /sw.js while the page is open (the preview server's files cannot change mid-run).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support/seed.ts';

const DIST = join(process.cwd(), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

let server: Server;
let origin: string;
/** Bumped to publish a new version: it changes the bytes of /sw.js, as a new build would. */
let release = 1;

test.beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? '/index.html' : normalize(path);
    try {
      let body: string | Buffer = await readFile(join(DIST, file));
      if (file === '/sw.js') body = `${body.toString()}\n// release ${release}\n`;
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('Given an open wallet tab, when a new version is installed, then the page offers it, and Reload brings it in without closing the tab', async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Vouch' })).toBeVisible();
  // First visit: the worker installs and takes control. That is no update: nothing is offered.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const update = page.getByRole('status', { name: 'Update' });
  await expect(update).toHaveCount(0);

  release = 2;
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect(update).toContainText('A new version of Vouch is available.');
  await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));

  const reloaded = page.waitForEvent('load');
  await update.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Vouch' })).toBeVisible();
  expect(await page.evaluate(() => 'beforeReload' in window)).toBe(false);
  await expect(update).toHaveCount(0);
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting ?? null, active: registration?.active?.state };
  });
  expect(state).toEqual({ waiting: null, active: 'activated' });
});
