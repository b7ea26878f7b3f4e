import { expect, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import type { E2eServer } from './support/server.ts';
import { test } from './support/seed.ts';

/**
 * Issue 9, item 3, end to end in Chromium: the citizen's wallet, online, receives a credential
 * from a running `vouch serve` (OpenID4VCI pre-authorized code with a transaction code) and
 * presents it to the same server's verifier (OpenID4VP request_uri, direct_post), through the
 * fetch gate; a request opened as a web+vouch link waits across unlock; a server this build may
 * not contact is named and nothing leaves.
 */

/** The worker's `vouch serve` (support/seed.ts). */
let server: E2eServer;

test.beforeEach(({ vouchServe }) => {
  server = vouchServe;
});

/** Every request the page makes to the server, by path. */
function serverRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(server.url))
      seen.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return seen;
}

test('Given a vouch serve, when the citizen pastes its offer and types the code, then the credential is saved and answers the server verifier by direct_post, recorded in History', async ({
  page,
}) => {
  const wallet = new WalletPage(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const sent = serverRequests(page);
  await wallet.open();
  await wallet.create();

  // The desk (here: the admin API) makes an offer with a transaction code.
  const offer = await server.admin<{ uri: string; txCode: string }>('POST', '/admin/offers', {
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
    txCode: true,
  });
  expect(offer.uri).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
  expect(offer.txCode).toMatch(/^\d{6}$/);

  await wallet.openReceive();
  await wallet.pasteCode(offer.uri);
  // Nothing is fetched before the citizen says so.
  await expect(page.getByRole('heading', { name: /^Contact localhost:\d+\?$/ })).toBeVisible();
  expect(sent).toEqual([]);
  await expectNoViolations(page, 'the contact step of an online offer');
  await page.getByRole('button', { name: 'Contact', exact: true }).click();

  // Who offers what, and the code field with a numeric keypad.
  await expect(page.getByRole('heading', { name: 'Credential offer' })).toBeVisible();
  await expect(page.getByText('Income statement', { exact: true })).toBeVisible();
  const code = page.getByLabel('Transaction code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('maxlength', '6');
  await expectNoViolations(page, 'the online offer');

  // A wrong code: said plainly, and nothing is lost — the right one still works.
  const wrong = offer.txCode === '000000' ? '111111' : '000000';
  await code.fill(wrong);
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByRole('alert')).toContainText('did not accept this transaction code');
  await code.fill(offer.txCode);
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByText('Saved in your wallet')).toBeVisible({ timeout: 30_000 });
  expect(sent).toEqual(expect.arrayContaining(['POST /token', 'POST /nonce', 'POST /credential']));
  await page.getByRole('button', { name: 'Back to my wallet' }).click();
  await wallet.expectHome();
  await expect(wallet.credentialCards()).toHaveCount(1);

  // The verifier asks; the request comes as a web+vouch: link while the wallet is locked.
  const request = await server.admin<{ id: string; uri: string }>('POST', '/admin/requests', {
    type: 'income-statement',
    claims: ['period', 'net_wage_cents'],
    purpose: 'Check your income for the supplement',
    verifierName: 'Gemeente Testdorp',
  });
  expect(request.uri).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid/);
  await wallet.lock();
  await page.goto(`/#link=${encodeURIComponent(`web+vouch:${encodeURIComponent(request.uri)}`)}`);
  // The link left the address bar at once, and waits for the unlock.
  await expect.poll(() => page.url()).not.toContain('link=');
  await wallet.expectLocked();
  await wallet.unlock();
  await expect(page.getByRole('heading', { name: /^Contact localhost:\d+\?$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Contact', exact: true }).click();

  // Consent: who, why, each claim, and plainly that the name is not verified.
  await expect(
    page.getByRole('heading', {
      name: 'A verifier calling itself “Gemeente Testdorp” asks to see',
    }),
  ).toBeVisible();
  await expect(page.getByText('Check your income for the supplement')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Not verified' })).toContainText(
    'No authority your wallet trusts vouches for this verifier.',
  );
  await expect(page.getByRole('checkbox', { name: /^Net/ })).toBeChecked();
  await expectNoViolations(page, 'the consent screen of an online request');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: 'Sent to Gemeente Testdorp' })).toBeVisible({
    timeout: 30_000,
  });
  expect(sent).toEqual(expect.arrayContaining([`GET /requests/${request.id}`]));

  // The server's verifier has the answer, and it is valid.
  await expect
    .poll(async () => (await server.admin('GET', `/admin/results/${request.id}`)).pending ?? false)
    .toBe(false);
  const verdict = await server.admin('GET', `/admin/results/${request.id}`);
  expect(verdict).toMatchObject({ valid: true });

  // History, like any presentation.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('Gemeente Testdorp').first()).toBeVisible();

  // A link followed while the wallet is open and unlocked goes straight to its Contact step.
  const second = await server.admin<{ uri: string }>('POST', '/admin/requests', {
    type: 'income-statement',
    claims: ['period'],
  });
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#link=${encodeURIComponent(`web+vouch:${encodeURIComponent(second.uri)}`)}`,
  );
  await expect(page.getByRole('heading', { name: /^Contact localhost:\d+\?$/ })).toBeVisible();

  // The one failed load is the token endpoint's 400 for the wrong code; nothing else went wrong.
  expect(errors.filter((text) => !text.includes('status of 400'))).toEqual([]);
  expect(errors.length).toBeLessThanOrEqual(1);
});

test('Given an offer at a server this wallet may not contact, when the citizen chooses Contact, then it says so and no request leaves', async ({
  page,
}) => {
  const wallet = new WalletPage(page);
  await wallet.open();
  await wallet.create();
  const outside: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('issuer.invalid')) outside.push(request.url());
  });
  await wallet.openReceive();
  await wallet.pasteCode(
    'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.invalid%2Foffers%2F1',
  );
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This wallet may not contact issuer.invalid');
  expect(outside).toEqual([]);

  // Settings offers the web+vouch: protocol handler; Chromium accepts the registration.
  await page.getByRole('button', { name: 'Back to wallet' }).click();
  await wallet.openSettings();
  await page.getByRole('button', { name: 'Open web+vouch: links here' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'web+vouch' })).toHaveText(
    'The browser will ask you to confirm. After that, web+vouch: links open in this wallet.',
  );
});

test('Given a same-device request shown as a QR code, when the citizen uploads a picture of it and shares, then the answer is POSTed and the wallet follows the redirect_uri the verifier returns', async ({
  page,
}, testInfo) => {
  const wallet = new WalletPage(page);
  await wallet.open();
  await wallet.create();
  // An offer by value this time (the offer object in the link itself).
  const offer = await server.admin<{ uri: string }>('POST', '/admin/offers', {
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
    byValue: true,
  });
  expect(offer.uri).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
  // The offer as a QR picture: the scanner reads plain-text codes, not only Vouch frames.
  const offerPicture = testInfo.outputPath('offer.png');
  await QRCode.toFile(offerPicture, offer.uri, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
  await wallet.openReceive();
  await page.getByLabel('Upload a picture of the code').setInputFiles(offerPicture);
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Credential offer' })).toBeVisible();
  // The issuer's metadata has arrived (the heading shows during Contact too): the offer is shown.
  await expect(page.getByRole('button', { name: 'Accept and save' })).toBeVisible({
    timeout: 30_000,
  });
  // The connection drops before Accept: said plainly, and nothing is lost.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByRole('alert')).toContainText('Your wallet could not reach localhost:');
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByText('Saved in your wallet')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to my wallet' }).click();

  const request = await server.admin<{ id: string; uri: string }>('POST', '/admin/requests', {
    type: 'income-statement',
    claims: ['period'],
    purpose: 'Same-device check',
    verifierName: 'Loket Testdorp',
    responseMode: 'direct_post.jwt',
    redirect: true,
  });
  const requestPicture = testInfo.outputPath('request.png');
  await QRCode.toFile(requestPicture, request.uri, {
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 6,
  });
  await page.getByRole('button', { name: 'Show a credential' }).click();
  await page.getByLabel('Upload a picture of the code').setInputFiles(requestPicture);
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'A verifier calling itself “Loket Testdorp” asks to see' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${server.url}/results/${request.id}`), {
    timeout: 30_000,
  });
  expect(page.url()).toContain('response_code=');
  const verdict = await server.admin('GET', `/admin/results/${request.id}`);
  expect(verdict).toMatchObject({ valid: true });
});
