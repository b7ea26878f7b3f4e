import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { exportEncryptedKeyFile } from '../src/core/issuer/index.ts';
import { createIssuerKeyFile, decodeCompactJws } from '../src/core/jose/index.ts';
import { parseCredentialOffer } from '../src/core/protocol/credential-offer.ts';
import { decodeFromText } from '../src/core/transport/index.ts';
import { verifyStatusListJwt } from '../src/core/status-list/index.ts';
import { webJwsCrypto } from '../src/platform/crypto/jws-crypto.ts';
import { webCryptoVaultCrypto } from '../src/platform/crypto/index.ts';
import { startServer } from '../src/server/start.ts';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { connectByText, receiveOfferText, SEPTEMBER_STATEMENT } from './support/flows.ts';
import { dumpIndexedDb } from './support/idb-dump.ts';
import { test } from './support/seed.ts';
import { E2E_ADMIN_TOKEN, type E2eServer } from './support/server.ts';

/**
 * Issue 9, item 2 (item 5's browser flows), end to end in Chromium: the issuer desk and the
 * verifier desk, configured with a running `vouch serve` (in this worker: PGlite in a temp dir,
 * fresh keys, a free port; its admin API allows the desks' origin), hand out an online offer
 * that the Vouch wallet receives, and an online request whose answer reaches the verifier desk
 * by itself. The admin token goes into the desk's vault, never into a URL, the page or storage
 * in clear.
 */

/** The admin token of the worker's `vouch serve` (support/seed.ts). */
const ADMIN_TOKEN = E2E_ADMIN_TOKEN;
const port = Number(process.env.E2E_PORT ?? 4173);
const DESK_ORIGIN = `http://127.0.0.1:${port}`;

let server: E2eServer;

test.beforeEach(({ vouchServe }) => {
  server = vouchServe;
});

/** Every request a page sends to the server, as "METHOD /path", and the full URLs. */
function watchServer(page: Page): { paths: string[]; urls: string[] } {
  const seen = { paths: [] as string[], urls: [] as string[] };
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) return;
    seen.urls.push(request.url());
    seen.paths.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return seen;
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Settings → Server: save the address and token; the desk asks the server who it is. */
async function connectDesk(page: Page, settingsTab: () => Promise<void>): Promise<void> {
  await settingsTab();
  const section = page.getByRole('region', { name: 'Server' });
  await expect(section.getByText('No server: this desk works offline.')).toBeVisible();
  await section.getByLabel('Server address').fill(server.url);
  await section.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await section.getByRole('button', { name: 'Save server' }).click();
  await expect(section.getByText('The server is saved. The server answers.')).toBeVisible({
    timeout: 20_000,
  });
  // The token field is cleared once saved; the address is shown, the token never.
  await expect(section.getByLabel('Admin token')).toHaveValue('');
  await expect(section.getByText(`Server: ${server.url}`)).toBeVisible();
  await expect(section.getByLabel('Server’s verifier')).toHaveText(server.verifier ?? '');
  await expect(section.getByLabel('Server’s issuer')).toHaveText(server.issuer ?? '');
  await expect(page.locator('body')).not.toContainText(ADMIN_TOKEN);
}

/** A wallet in its own browser context (its own storage), created and at home. */
async function newWallet(
  browser: Browser,
): Promise<{ wallet: WalletPage; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wallet = new WalletPage(page);
  await wallet.open();
  await wallet.create();
  return { wallet, close: () => context.close() };
}

/** The wallet takes an offer URI (pasted), contacts the server and saves the credential. */
async function receiveOnline(wallet: WalletPage, uri: string, txCode?: string): Promise<void> {
  const page = wallet.page;
  await wallet.openReceive();
  await wallet.pasteCode(uri);
  await expect(page.getByRole('heading', { name: /^Contact localhost:\d+\?$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Credential offer' })).toBeVisible({
    timeout: 20_000,
  });
  if (txCode !== undefined) await page.getByLabel('Transaction code').fill(txCode);
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByText('Saved in your wallet')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to my wallet' }).click();
  await wallet.expectHome();
}

test('Given an issuer desk with a vouch serve, when the clerk makes an online offer with a transaction code, then the wallet receives the credential from the server', async ({
  page,
  browser,
}) => {
  const errors = consoleErrors(page);
  const sent = watchServer(page);
  const desk = new DeskPage(page);
  await desk.open();
  await desk.setUp({ name: 'Acme Rides BV', registration: '0123.456.789' });
  // No server yet: nothing was asked of it.
  expect(sent.paths).toEqual([]);

  await connectDesk(page, () => desk.tab('Desk settings').click());
  expect(sent.paths).toEqual(['GET /admin/info']);
  // The server signs with its own key, not the desk's: said plainly.
  await expect(page.getByRole('alert')).toContainText('The server signs with another key');
  await expectNoViolations(page, 'issuer desk settings with a server');

  // Issue: online is the default with a server; no one needs to be in the register.
  await desk.tab('Issue').click();
  await expect(page.getByRole('radio', { name: /^Online offer through the server/ })).toBeChecked();
  await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Income statement' });
  await page.getByLabel(/^Period/).fill('2026-09');
  await page.getByLabel(/^Gross wage/).fill('2450.00');
  await page.getByLabel(/^Net wage/).fill('1895.12');
  await page.getByLabel(/^Hours/).fill('151.5');
  await page.getByLabel('Employee name', { exact: true }).fill('Sam de Vries');
  await page.getByLabel(/^Date of birth/).fill('1988-04-12');
  await page.getByLabel('Ask for a transaction code').check();
  await page.getByRole('button', { name: 'Make the online offer' }).click();

  await expect(
    page.getByRole('heading', { name: 'Income statement: online offer ready' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('img', { name: 'Online credential offer: Income statement' }),
  ).toBeVisible();
  const uri = await page.getByLabel('Offer link').inputValue();
  expect(uri).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
  const txCode = (await page.getByLabel('Transaction code to tell the citizen').innerText()).trim();
  expect(txCode).toMatch(/^\d{4,8}$/);
  expect(sent.paths).toEqual(['GET /admin/info', 'POST /admin/offers']);
  await expectNoViolations(page, 'issuer desk online offer');

  // The token is in no URL the desk asked for, and nowhere readable in the desk's storage.
  expect(sent.urls.join(' ')).not.toContain(ADMIN_TOKEN);
  const stored = await dumpIndexedDb(page);
  expect(stored.text).not.toContain(ADMIN_TOKEN);
  expect(stored.text).not.toContain(server.url);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(ADMIN_TOKEN);

  // The citizen's wallet (its own browser context) takes the offer from the server.
  const citizen = await newWallet(browser);
  try {
    await receiveOnline(citizen.wallet, uri, txCode);
    await expect(citizen.wallet.credentialCards()).toHaveCount(1);
    await expect(citizen.wallet.credentialCards().first()).toContainText('Income statement');
  } finally {
    await citizen.close();
  }
  expect(errors).toEqual([]);
});

test('Given a verifier desk with a vouch serve, when the clerk creates a request and the wallet answers it, then the desk shows Valid by itself and keeps it in its history', async ({
  page,
  browser,
}) => {
  // The citizen already holds a credential from this server (made here through the admin API).
  const offer = await fetch(`${server.url}/admin/offers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'income-statement', claims: exampleClaims('income-statement') }),
  }).then(async (response) => (await response.json()) as { uri: string });
  const citizen = await newWallet(browser);
  try {
    await receiveOnline(citizen.wallet, offer.uri);

    const errors = consoleErrors(page);
    const sent = watchServer(page);
    const verifier = new VerifierPage(page);
    await verifier.open();
    await verifier.setUp('Gemeente Testdorp');
    await connectDesk(page, () => verifier.tab('Verifier settings').click());

    await verifier.customRequest({
      type: 'Income statement',
      claims: { Period: 'Required', 'Net wage': 'Required' },
      purpose: 'Check your income for the supplement',
    });
    await expect(
      page.getByRole('radio', { name: 'Online through the server (openid4vp)' }),
    ).toBeChecked();
    await page.getByRole('button', { name: 'Show request' }).click();
    await expect(
      page.getByRole('img', { name: 'Online request: Check your income for the supplement' }),
    ).toBeVisible({ timeout: 20_000 });
    const uri = await page.getByLabel('Link for a wallet on this device').inputValue();
    expect(uri).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid/);
    await expect(page.getByText('Waiting for the citizen’s answer…')).toBeVisible();
    await expectNoViolations(page, 'verifier desk online request');

    // The same-device link is the wallet page with the request's query; the citizen's wallet
    // (its own context here) opens it and shares.
    const sameDevice = await page
      .getByRole('link', { name: 'Open in the wallet on this device' })
      .getAttribute('href');
    expect(sameDevice).toBe(`${DESK_ORIGIN}/${uri.slice(uri.indexOf('?'))}`);
    const wallet = citizen.wallet;
    await wallet.page.goto(sameDevice ?? '');
    // A fresh page load: the wallet is locked, and the request waits for the unlock.
    await wallet.expectLocked();
    await wallet.unlock();
    await expect(
      wallet.page.getByRole('heading', { name: /^Contact localhost:\d+\?$/ }),
    ).toBeVisible({ timeout: 20_000 });
    await wallet.page.getByRole('button', { name: 'Contact', exact: true }).click();
    await expect(
      wallet.page.getByRole('heading', {
        name: 'A verifier calling itself “Gemeente Testdorp” asks to see',
      }),
    ).toBeVisible({ timeout: 20_000 });
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    await expect(wallet.page.getByText('Sent to Gemeente Testdorp')).toBeVisible({
      timeout: 30_000,
    });

    // The desk shows the verdict by itself: nobody touched it.
    await expect(verifier.verdictWord()).toHaveText('Valid', { timeout: 30_000 });
    const verdict = await verifier.verdict();
    expect(verdict.valid).toBe(true);
    // The claims asked for, and only those (the example statement is for September 2025).
    expect(Object.keys(verdict.claims).sort()).toEqual(['Net wage', 'Period']);
    expect(verdict.claims.Period).toBe('September 2025');
    expect(verdict.checks.every((check) => check.passed)).toBe(true);

    // It looked only at its own request's result, and stopped once it had the answer.
    const looks = sent.paths.filter((p) => p.startsWith('GET /admin/results/'));
    expect(looks.length).toBeGreaterThan(0);
    expect(new Set(sent.paths)).toEqual(
      new Set(['GET /admin/info', 'POST /admin/requests', looks[0]]),
    );
    const settled = sent.paths.length;
    await page.waitForTimeout(4500);
    expect(sent.paths.length).toBe(settled);
    expect(sent.urls.join(' ')).not.toContain(ADMIN_TOKEN);

    // In the history like an offline answer.
    await verifier.tab('History').click();
    await expect(page.getByText('Check your income for the supplement').first()).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await citizen.close();
  }
});

test('Given a verifier desk with a vouch serve, when the page is hidden while it waits, then no request leaves until it is shown again; a new request stops the wait', async ({
  page,
}) => {
  const sent = watchServer(page);
  const verifier = new VerifierPage(page);
  await verifier.open();
  await verifier.setUp('Werkgever Test');
  await connectDesk(page, () => verifier.tab('Verifier settings').click());
  await verifier.customRequest({
    type: 'Diploma',
    claims: { Degree: 'Required' },
    purpose: 'Check the diploma',
  });
  await page.getByRole('button', { name: 'Show request' }).click();
  await expect(page.getByText('Waiting for the citizen’s answer…')).toBeVisible({
    timeout: 20_000,
  });
  await expect
    .poll(() => sent.paths.filter((p) => p.startsWith('GET /admin/results/')).length, {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);

  // Hidden: the wait pauses and nothing leaves.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.getByText('Waiting is paused while this page is hidden')).toBeVisible();
  const whileHidden = sent.paths.length;
  await page.waitForTimeout(5000);
  expect(sent.paths.length).toBe(whileHidden);

  // Shown again: it looks at once, and goes on waiting.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => 'visible',
    });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => sent.paths.length, { timeout: 5000 }).toBeGreaterThan(whileHidden);
  await expect(page.getByText('Waiting for the citizen’s answer…')).toBeVisible();

  // A new request: the wait for the old one ends.
  await page.getByRole('button', { name: 'New request' }).click();
  const afterNew = sent.paths.length;
  await page.waitForTimeout(4500);
  expect(sent.paths.length).toBe(afterNew);
});

/** Where an offline offer's credential says its status is: the list URI and the index. */
function statusOfOffer(text: string): { uri: string; idx: number } {
  const decoded = decodeFromText(text);
  if (!decoded.ok || decoded.value.kind !== 'offer') throw new Error('not an offer');
  const offer = parseCredentialOffer(decoded.value.payload);
  if (!offer.ok) throw new Error(offer.detail.message);
  const jws = decodeCompactJws(offer.value.credential.split('~')[0] ?? '');
  if (!jws.ok) throw new Error('not a JWS');
  const status = jws.value.payload.status as { status_list: { uri: string; idx: number } };
  return status.status_list;
}

test('Given a desk whose server signs with the desk’s own key, when it issues offline, revokes and publishes, then the credential points at the desk’s list at the server, which the server hosts and which changes on revoke; a credential the server issued is revoked there by its index', async ({
  page,
  browser,
}) => {
  // The organisation runs `vouch serve --issuer issuer.json` with the desk's key.
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-desks-e2e-own-key-'));
  const crypto = webJwsCrypto();
  const keyFile = await createIssuerKeyFile(crypto, 'ES256');
  await writeFile(path.join(work, 'issuer.json'), JSON.stringify(keyFile));
  const exported = await exportEncryptedKeyFile(
    { crypto: webCryptoVaultCrypto() },
    {
      keyFile,
      profile: { name: 'Acme Rides BV', kind: 'employer', registration: '0123.456.789' },
      passphrase: 'key file passphrase 2026',
    },
  );
  if (!exported.ok) throw new Error(exported.reason);
  await writeFile(path.join(work, 'issuer-key.json'), exported.value);
  const own = await startServer({
    port: 0,
    dataDir: path.join(work, 'data'),
    issuerFile: path.join(work, 'issuer.json'),
    envAdminToken: ADMIN_TOKEN,
    crypto,
    randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
    log: () => undefined,
    announce: () => undefined,
    app: { adminOrigins: [DESK_ORIGIN] },
  });
  try {
    expect(own.issuer).toBe(keyFile.did);
    const desk = new DeskPage(page);
    await desk.open();
    await page.getByText('Use an existing key file instead').click();
    await page
      .getByLabel('Key file', { exact: true })
      .setInputFiles(path.join(work, 'issuer-key.json'));
    await page.getByLabel('Key file passphrase').fill('key file passphrase 2026');
    await page.getByRole('button', { name: 'Read the key file' }).click();
    await expect(page.getByText(`Key file read: ${keyFile.did}.`)).toBeVisible({ timeout: 30_000 });
    await desk.setUp({ name: 'Acme Rides BV', registration: '0123.456.789' });

    await desk.tab('Desk settings').click();
    const section = page.getByRole('region', { name: 'Server' });
    await section.getByLabel('Server address').fill(own.url);
    await section.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await section.getByRole('button', { name: 'Save server' }).click();
    await expect(section.getByText('The server signs with this desk’s key')).toBeVisible({
      timeout: 20_000,
    });
    await expect(section.getByRole('alert')).toHaveCount(0);
    await expect(
      page.getByLabel('Status list at the server (new credentials point here)'),
    ).toHaveText(new RegExp(`^${own.url}/status/desk-[A-Za-z0-9]+$`));

    // Offline issuance, to a person in the register: the credential's status is at the server.
    const citizen = await newWallet(browser);
    let status: { uri: string; idx: number };
    try {
      await connectByText(citizen.wallet, desk, 'Acme Rides BV', 'Sam de Vries');
      await desk.tab('Issue').click();
      await page.getByRole('radio', { name: /^Offline: a QR code with the credential/ }).check();
      await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
      await expect(page.getByRole('alert')).toHaveCount(0);
      status = statusOfOffer(await desk.offerText());
      expect(status.uri).toMatch(new RegExp(`^${own.url}/status/desk-[A-Za-z0-9]+$`));
      await receiveOfferText(citizen.wallet, desk);
    } finally {
      await citizen.close();
    }
    const hostedList = async () =>
      verifyStatusListJwt(await (await fetch(status.uri)).text(), {
        crypto,
        now: new Date(),
        expectedUri: status.uri,
      });
    // Issuing sent the list with it: hosted, signed by the desk, the new entry not revoked.
    const first = await hostedList();
    expect(first.ok && first.value.issuer).toBe(keyFile.did);
    expect(first.ok && first.value.statusAt(status.idx)).toBe(0);

    // Revoking at the desk reaches the server's copy at once.
    await desk.revoke('Sam de Vries', 'Issued with the wrong period');
    await expect(
      page.getByText(`The status list is published at the server: ${status.uri}`),
    ).toBeVisible();
    const revoked = await hostedList();
    expect(revoked.ok && revoked.value.statusAt(status.idx)).toBe(1);

    // Publish: the same list, signed for its address at the server, PUT there.
    await desk.tab('Issued and revocation').click();
    await page.getByRole('button', { name: 'Sign the status list' }).click();
    const hosted = page.getByText(/^The status list is published at the server: /);
    await expect(hosted).toBeVisible({ timeout: 20_000 });
    const listUrl = (await hosted.innerText()).replace(/^.*server: /, '').trim();
    expect(listUrl).toBe(status.uri);
    const served = await fetch(listUrl);
    expect(served.status).toBe(200);
    const list = await verifyStatusListJwt(await served.text(), {
      crypto,
      now: new Date(),
      expectedUri: listUrl,
    });
    expect(list.ok && list.value.issuer).toBe(keyFile.did);

    // A credential the server issued: revoked at the server by its status index.
    const region = page.getByRole('region', { name: 'Revoke a credential the server issued' });
    await region.getByLabel('Status index').fill('seven');
    await region.getByRole('button', { name: 'Revoke at the server' }).click();
    await expect(region.getByRole('alert')).toHaveText('Enter the status index: a whole number.');
    await region.getByLabel('Status index').fill('7');
    await region.getByRole('button', { name: 'Revoke at the server' }).click();
    const done = region.getByText(/^Index 7 is revoked in /);
    await expect(done).toBeVisible({ timeout: 20_000 });
    const serverList = (await done.innerText())
      .replace(/^Index 7 is revoked in /, '')
      .replace(/\.$/, '');
    const after = await verifyStatusListJwt(await (await fetch(serverList)).text(), {
      crypto,
      now: new Date(),
      expectedUri: serverList,
    });
    expect(after.ok && after.value.statusAt(7)).toBe(1);
    expect(after.ok && after.value.statusAt(8)).toBe(0);
  } finally {
    await own.close();
    await rm(work, { recursive: true, force: true });
  }
});
