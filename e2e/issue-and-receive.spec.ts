import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { WalletPage, PASSCODE } from './pages/wallet-page.ts';
import {
  captureQrPicture,
  launchProfile,
  launchWithCamera,
  writeQrY4m,
} from './support/fake-camera.ts';
import { SEPTEMBER_STATEMENT } from './support/flows.ts';
import { test } from './support/seed.ts';

/**
 * Two parties, each its own browser with a fake camera fed the QR code the other one shows:
 * the wallet connects to the desk by QR, the desk issues an income statement, the wallet scans the
 * (animated) offer and shows it; the desk revokes and publishes; opening the card checks it and shows it revoked.
 * The wallet is a persistent browser profile (a phone) relaunched with each new camera video.
 */
test('Given a wallet and an employer desk, when they connect and issue by QR, then the wallet holds the income statement, refuses a tampered copy, and sees its revocation', async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-'));
  const profile = path.join(work, 'phone');
  try {
    // 1. The citizen creates a wallet and shows a connect code for the employer.
    let phone = await launchProfile(profile);
    let wallet = new WalletPage(phone.pages()[0] ?? (await phone.newPage()));
    await wallet.open();
    await wallet.create();
    const connectCode = await wallet.connectCode('Acme Rides');
    await expectNoViolations(wallet.page, 'connect code');
    const connectVideo = await writeQrY4m(
      [await captureQrPicture(connectCode)],
      path.join(work, 'connect.y4m'),
    );
    await phone.close();

    // 2. The employer's desk scans it with its camera and files the employee.
    const deskBrowser = await launchWithCamera(playwright.chromium, connectVideo);
    const deskContext = await deskBrowser.newContext({
      baseURL: test.info().project.use.baseURL,
      locale: 'en-GB',
    });
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await desk.registerByCamera('Sam de Vries', 'E-042', 'Acme Rides');

    // 3. The desk issues September's income statement and shows the offer as a QR code.
    await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
    const offerFrames = await desk.captureOfferFrames();
    const offerText = await desk.offerText();
    const offerVideo = await writeQrY4m(offerFrames, path.join(work, 'offer.y4m'));

    // 4. The phone, relaunched with the desk's code in front of its camera, scans the offer.
    phone = await launchProfile(profile, offerVideo);
    wallet = new WalletPage(phone.pages()[0] ?? (await phone.newPage()));
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await wallet.openReceive();
    await wallet.page.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(wallet.heading('Income statement')).toBeVisible({ timeout: 30_000 });
    const claims = wallet.page.locator('dl.claims');
    await expect(claims).toContainText('September 2026');
    await expect(claims).toContainText('€1,895.12');
    await expect(claims).toContainText('€2,450.00');
    await expect(claims).toContainText('Sam de Vries');
    await expect(wallet.page.getByRole('status').first()).toHaveText(
      'Saved in your wallet: Income statement from Acme Rides BV',
    );
    // Landing on the card after receiving it fetches nothing: it is not checked yet.
    await expect(
      wallet.page.getByRole('status').filter({ hasText: 'Not checked yet' }),
    ).toBeVisible();
    // No jargon at first sight: the issuer's DID waits behind Technical details.
    const technical = wallet.page.getByRole('group').filter({ hasText: 'Technical details' });
    const issuerDid = technical.getByText(/^did:key:/);
    await expect(issuerDid).toHaveCount(1);
    await expect(issuerDid).toBeHidden();
    await technical.getByText('Technical details').click();
    await expect(issuerDid).toBeVisible();
    await wallet.backHome();
    await expect(
      wallet.page.getByRole('button', { name: /Income statement.*Acme Rides.*September 2026/ }),
    ).toBeVisible();
    await expect(wallet.page.getByRole('table').filter({ hasText: 'Net income' })).toContainText(
      '€1,895.12',
    );

    // 5. A copy of the offer with one character changed is refused, and nothing is stored.
    const at = offerText.length - 20;
    const tampered = `${offerText.slice(0, at)}${offerText[at] === 'A' ? 'B' : 'A'}${offerText.slice(at + 1)}`;
    await wallet.openReceive();
    await wallet.pasteCode(tampered);
    await expect(wallet.page.getByRole('alert').first()).toContainText(
      /damaged|not valid|not a readable/,
    );
    await wallet.backHome();
    await expect(
      wallet.page.getByRole('button', { name: /Income statement.*Acme Rides/ }),
    ).toHaveCount(1);

    // 6. The desk revokes it and publishes the status list; the phone checks now.
    await desk.revoke('Sam de Vries', 'Hours were wrong; a corrected statement follows.');
    const published = await desk.publish();
    expect(published.jwt.split('.')).toHaveLength(3);
    await phone.route(published.uri, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/statuslist+jwt',
        body: published.jwt,
      }),
    );
    // Opening the card checks its status, once; "Check now" asks again.
    await wallet.page.getByRole('button', { name: /Income statement.*Acme Rides/ }).click();
    await expect(
      wallet.page.getByRole('status').filter({ hasText: /^Revoked — checked/ }),
    ).toBeVisible();
    await expect(wallet.page.getByText(/^Last checked/)).toBeVisible();
    await wallet.page.getByRole('button', { name: 'Check now' }).click();
    await expect(
      wallet.page.getByRole('status').filter({ hasText: /^Revoked — checked/ }),
    ).toBeVisible();
    // A revoked statement no longer counts as income.
    await wallet.backHome();
    await expect(wallet.page.getByText('Net income per month')).toHaveCount(0);

    await phone.close();
    await deskBrowser.close();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
