import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type BrowserContext } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { captureQrFrames, launchProfile, writeQrY4m } from './support/fake-camera.ts';
import { connectByText, receiveOfferText, SEPTEMBER_STATEMENT } from './support/flows.ts';
import { test } from './support/seed.ts';

/**
 * The moment of truth, with real cameras on both sides: the verifier shows a request QR, the
 * phone scans it, the citizen consents switching two optional claims on (the third stays off), the phone shows its
 * answer, the verifier scans it: valid, with exactly the chosen claims. Phone and verifier are
 * persistent profiles, relaunched with each new camera video.
 */
test('Given a held income statement, when a municipality asks for it by QR, then the citizen consents to less and the verifier sees exactly that; a replay and another verifier are refused; a revoked one shows as revoked', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-present-'));
  const phoneDir = path.join(work, 'phone');
  const verifierDir = path.join(work, 'verifier');
  const deskContext = await browser.newContext({ acceptDownloads: true });
  let phone: BrowserContext | undefined;
  let verifierContext: BrowserContext | undefined;
  try {
    // An employer issues September's income statement to the citizen (no cameras needed here).
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await desk.tab('Desk settings').click();
    const issuerDid = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    phone = await launchProfile(phoneDir);
    let wallet = new WalletPage(phone.pages()[0] ?? (await phone.newPage()));
    await wallet.open();
    await wallet.create();
    await connectByText(wallet, desk, 'Acme Rides', 'Sam de Vries');
    await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
    await receiveOfferText(wallet, desk);
    await phone.close();

    // The municipality trusts Acme for income statements and shows a request for September.
    verifierContext = await launchProfile(verifierDir);
    let verifier = new VerifierPage(
      verifierContext.pages()[0] ?? (await verifierContext.newPage()),
    );
    await verifier.open();
    await verifier.setUp('Gemeente Utrecht');
    await verifier.addTrustedIssuer(issuerDid, 'Acme Rides BV', ['Income statement']);
    // The municipality keeps Acme's current status list (the default policy refuses without one).
    const firstList = path.join(work, 'status-1.jwt');
    await writeFile(firstList, (await desk.publish()).jwt);
    await verifier.importStatusList(firstList);
    await verifier.chooseTemplate('income-supplement', { month: '2026-09' });
    await verifier.showRequest();
    await expectNoViolations(verifier.page, 'verifier request');
    const requestVideo = await writeQrY4m(
      await verifier.captureRequestPictures(),
      path.join(work, 'request.y4m'),
    );
    await verifierContext.close();

    // The phone scans it and the citizen consents, switching two optional claims on (all start off).
    phone = await launchProfile(phoneDir, requestVideo);
    wallet = new WalletPage(phone.pages()[0] ?? (await phone.newPage()));
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await wallet.page.getByRole('button', { name: 'Show a credential' }).click();
    await wallet.page.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(
      wallet.page.getByRole('heading', {
        name: 'A verifier calling itself “Gemeente Utrecht” asks to see',
      }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(wallet.page.getByRole('note', { name: 'Not verified' })).toBeVisible();
    await expect(
      wallet.page.getByText('You have not shown anything to this verifier before.'),
    ).toBeVisible();
    const required = wallet.page.getByRole('checkbox', { name: /^Net wage: €1,895\.12/ });
    await expect(required).toBeChecked();
    await expect(required).toBeDisabled();
    const optionalName = wallet.page.getByRole('switch', { name: /^Employee name: Sam de Vries/ });
    await expect(optionalName).toBeEnabled();
    await expect(optionalName).not.toBeChecked();
    await wallet.page.getByRole('switch', { name: /^Gross wage/ }).check();
    await wallet.page.getByRole('switch', { name: /^Hours worked/ }).check();
    await expect(wallet.page.getByRole('checkbox', { name: /^Date of birth/ })).toHaveCount(0);
    await expectNoViolations(wallet.page, 'consent');
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    // The template asks for declared facts left unanswered: the wallet warns, then shares anyway.
    await wallet.page.getByRole('button', { name: 'Share anyway' }).click();
    const answerCode = wallet.page.getByRole('img', { name: 'Answer for Gemeente Utrecht' });
    await expect(answerCode).toBeVisible();
    // The desk gives signed receipts (its default): the answer carries the wallet's half, which
    // makes it an animated code (docs/evidence.md §Flows 2); the camera reads every frame.
    const answerText = await wallet.page.getByLabel('Answer as text').inputValue();
    const answerVideo = await writeQrY4m(
      await captureQrFrames(wallet.page, answerCode),
      path.join(work, 'answer.y4m'),
    );
    await wallet.page.getByRole('button', { name: 'Done' }).click();
    await wallet.page.getByRole('button', { name: 'History' }).click();
    await expect(
      wallet.page.getByRole('heading', { level: 2, name: 'Gemeente Utrecht' }),
    ).toBeVisible();
    await expect(
      wallet.page.getByRole('listitem').filter({ hasText: /^Income statement \(Acme Rides\)/ }),
    ).not.toContainText('Employee name');

    // The verifier scans the answer: valid, and exactly the chosen claims.
    verifierContext = await launchProfile(verifierDir, answerVideo);
    verifier = new VerifierPage(verifierContext.pages()[0] ?? (await verifierContext.newPage()));
    await verifier.open();
    await verifier.unlock('Gemeente Utrecht');
    await verifier.tab('Check an answer').click();
    const verdict = await verifier.scanResponseByCamera();
    expect(verdict.checks.filter((check) => !check.passed)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.issuer).toContain('Acme Rides BV');
    expect(Object.keys(verdict.claims).sort()).toEqual(
      ['Gross wage', 'Hours worked', 'Net wage', 'Period'].sort(),
    );
    expect(verdict.claims['Net wage']).toBe('€1,895.12');
    await expectNoViolations(verifier.page, 'verdict');

    // The same answer again (a replay) is refused.
    const replay = await verifier.pasteResponse(answerText);
    expect(replay.valid).toBe(false);
    expect(replay.checks.find((check) => !check.passed)?.reason).toMatch(/already/i);

    // Another verifier gets the answer: it was not made for it.
    const otherContext = await browser.newContext();
    const other = new VerifierPage(await otherContext.newPage());
    await other.open();
    await other.setUp('Werkgever Jansen', 'employer');
    const elsewhere = await other.pasteResponse(answerText);
    expect(elsewhere.valid).toBe(false);
    await otherContext.close();

    // The employer revokes the statement and publishes; the municipality imports the list.
    await desk.revoke('Sam de Vries', 'Replaced by a corrected statement.');
    const published = await desk.publish();
    const listFile = path.join(work, 'status.jwt');
    await writeFile(listFile, published.jwt);
    await verifier.importStatusList(listFile);

    await verifier.chooseTemplate('income-supplement', { month: '2026-09' });
    const second = await verifier.showRequest();
    await phone.close();
    phone = await launchProfile(phoneDir);
    wallet = new WalletPage(phone.pages()[0] ?? (await phone.newPage()));
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.page.getByRole('button', { name: 'Show a credential' }).click();
    await wallet.pasteCode(second.text);
    await expect(
      wallet.page.getByText('You have shown credentials to this verifier before.'),
    ).toBeVisible();
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    // The template asks for declared facts left unanswered: the wallet warns, then shares anyway.
    await wallet.page.getByRole('button', { name: 'Share anyway' }).click();
    const revokedAnswer = await wallet.page.getByLabel('Answer as text').inputValue();
    const revoked = await verifier.pasteResponse(revokedAnswer);
    expect(revoked.valid).toBe(false);
    expect(revoked.status).toMatch(/revoked/i);
  } finally {
    await phone?.close().catch(() => undefined);
    await verifierContext?.close().catch(() => undefined);
    await deskContext.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('Given a large diploma (many claims and decoy digests), when it is presented, then the answer travels as an animated QR and the verifier reads every frame by camera', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-diploma-'));
  const verifierDir = path.join(work, 'verifier');
  const deskContext = await browser.newContext();
  const walletContext = await browser.newContext();
  let verifierContext: BrowserContext | undefined;
  try {
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({
      name: 'Hogeschool Zuid',
      kind: 'university',
      registration: 'BRIN 30AB',
      alg: 'EdDSA',
    });
    await desk.tab('Desk settings').click();
    const issuerDid = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.create();
    await connectByText(wallet, desk, 'Hogeschool Zuid', 'Noor El Amrani');
    await desk.issue(
      'Diploma',
      {
        Degree: 'Master of Science in Social Work and Public Policy',
        Level: { option: 'Master' },
        'Field of study': 'Social work, public policy and the law of social security',
        'Date awarded': '2026-07-03',
        Grade: 'cum laude',
        'Date of birth': '1999-11-30',
      },
      { decoys: 20 },
    );
    await receiveOfferText(wallet, desk);

    verifierContext = await launchProfile(verifierDir);
    let verifier = new VerifierPage(
      verifierContext.pages()[0] ?? (await verifierContext.newPage()),
    );
    await verifier.open();
    await verifier.setUp('Werkgever Jansen', 'employer');
    await verifier.addTrustedIssuer(issuerDid, 'Hogeschool Zuid', ['Diploma']);
    // Without a recent status list the default policy refuses: import the university's list.
    const published = await desk.publish();
    const listFile = path.join(work, 'status.jwt');
    await writeFile(listFile, published.jwt);
    await verifier.importStatusList(listFile);
    await verifier.chooseTemplate('diploma-job');
    const request = await verifier.showRequest();

    await wallet.page.getByRole('button', { name: 'Show a credential' }).click();
    await wallet.pasteCode(request.text);
    await expect(
      wallet.page.getByRole('heading', {
        name: 'A verifier calling itself “Werkgever Jansen” asks to see',
      }),
    ).toBeVisible();
    await wallet.page.getByRole('button', { name: 'Share' }).click();
    const answer = wallet.page.getByRole('img', { name: 'Answer for Werkgever Jansen' });
    await expect(answer).toBeVisible();
    await expect(wallet.page.getByText(/^Frame \d+ of \d+$/)).toBeVisible();
    const pictures = await captureQrFrames(wallet.page, answer);
    expect(pictures.length).toBeGreaterThan(1);
    const answerVideo = await writeQrY4m(pictures, path.join(work, 'answer.y4m'));
    await verifierContext.close();

    verifierContext = await launchProfile(verifierDir, answerVideo);
    verifier = new VerifierPage(verifierContext.pages()[0] ?? (await verifierContext.newPage()));
    await verifier.open();
    await verifier.unlock('Werkgever Jansen');
    await verifier.tab('Check an answer').click();
    const verdict = await verifier.scanResponseByCamera();
    expect(verdict.checks.filter((check) => !check.passed)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.claims['Field of study']).toBe(
      'Social work, public policy and the law of social security',
    );
    expect(verdict.claims['Level']).toBe('Master');
  } finally {
    await verifierContext?.close().catch(() => undefined);
    await deskContext.close();
    await walletContext.close();
    await rm(work, { recursive: true, force: true });
  }
});
