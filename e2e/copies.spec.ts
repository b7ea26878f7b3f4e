import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { bytesToUtf8 } from '../src/core/encoding/index.ts';
import { sharedSubstrings } from '../src/core/holder/linkability.fake.ts';
import { parsePresentationResponse } from '../src/core/protocol/index.ts';
import { decodeFromText } from '../src/core/transport/index.ts';
import { DESK_PASSCODE, DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { SEPTEMBER_STATEMENT } from './support/flows.ts';
import { readRequestText } from './support/request-text.ts';
import { shareAndConfirm } from './support/screens.ts';
import { test } from './support/seed.ts';
import { wordsFor } from './support/words.ts';

/**
 * Issue 13 items 1–2 in the browser: the desk issued the seed's income statement at its default
 * policy (10 copies); the wallet shows one card, answers two different verifiers with two copies
 * that share nothing beyond the disclosed values, vct and the issuer, and then has 8 copies left.
 */
const t = wordsFor('en');

/** Paste a request's text at "Show a credential", consent, and return the answer's text. */
async function answer(page: Page, requestText: string): Promise<string> {
  await page.getByRole('button', { name: t('present.start') }).click();
  await page.getByLabel(t('qr.paste.label')).fill(requestText);
  await page.getByRole('button', { name: t('qr.paste.submit') }).click();
  await shareAndConfirm(page, t);
  const text = await page.getByLabel(t('present.answerText')).inputValue();
  await page.getByRole('button', { name: t('present.done') }).click();
  return text;
}

/** The SD-JWT VC presentation inside an answer's text. */
function presentationIn(answerText: string): string {
  const decoded = decodeFromText(answerText);
  if (!decoded.ok) throw new Error(`answer text: ${decoded.reason}`);
  const response = parsePresentationResponse(decoded.value.payload);
  if (!response.ok) throw new Error('not a presentation response');
  const [presentation] = Object.values(response.value.vpToken).flat();
  if (!presentation) throw new Error('no presentation');
  return presentation;
}

/** The disclosed values, vct, issuer and status list address of a presentation (allowed to repeat). */
function publicPartsOf(presentation: string): string[] {
  const [jwt, ...rest] = presentation.split('~');
  const json = (segment: string) => {
    const text = bytesToUtf8(new Uint8Array(Buffer.from(segment, 'base64url')));
    return text.ok ? (JSON.parse(text.value) as unknown) : undefined;
  };
  const payload = json((jwt as string).split('.')[1] as string) as {
    iss: string;
    vct: string;
    status?: { status_list: { uri: string } };
  };
  const disclosed = rest
    .slice(0, -1)
    .map((segment) => (json(segment) as unknown[])[2])
    .map((value) => String(value));
  return [
    ...disclosed,
    payload.iss,
    payload.vct,
    ...(payload.status ? [payload.status.status_list.uri] : []),
  ];
}

test('Given an income statement issued at the desk as 10 copies, when it is shown to two verifiers, then each gets its own copy, both are valid, they share no 12 characters beyond the disclosed values, and the card shows 8 copies left', async ({
  browser,
  seed,
}) => {
  test.setTimeout(150_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-copies-'));
  const walletContext = await browser.newContext({ storageState: seed.fullWallet });
  const otherContext = await browser.newContext();
  try {
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await expect(wallet.credentialCards()).toHaveCount(1);
    await expect(wallet.credentialCards().first()).toContainText('10 copies left');

    // The first verifier: the seed's municipality.
    const firstRequest = (await seed.freshRequest()).text;
    const firstAnswer = await answer(wallet.page, firstRequest);
    expect((await seed.verifier.pasteResponse(firstAnswer)).valid).toBe(true);

    // The second verifier: a housing corporation with a desk (and a DID) of its own.
    await seed.desk.tab('Desk settings').click();
    const issuerDid = (
      (await seed.desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    const statusList = path.join(work, 'status.jwt');
    await writeFile(statusList, (await seed.desk.publish()).jwt);
    const other = new VerifierPage(await otherContext.newPage());
    await other.open();
    await other.setUp('Woningcorporatie Mitros');
    await other.addTrustedIssuer(issuerDid, 'Acme Rides BV', ['Income statement']);
    await other.importStatusList(statusList);
    await other.chooseTemplate('income-supplement', { month: SEPTEMBER_STATEMENT.period });
    const secondRequest = (await other.showRequest()).text;
    const secondAnswer = await answer(wallet.page, secondRequest);
    expect((await other.pasteResponse(secondAnswer)).valid).toBe(true);

    // What the two desks saw: two copies, nothing in common but the public parts.
    const first = presentationIn(firstAnswer);
    const second = presentationIn(secondAnswer);
    expect(first).not.toBe(second);
    const allowed = [
      ...publicPartsOf(first),
      ...publicPartsOf(second),
      readRequestText(firstRequest).clientId,
      readRequestText(secondRequest).clientId,
    ];
    expect(sharedSubstrings(first, second, allowed)).toEqual([]);

    await wallet.expectHome();
    await expect(wallet.credentialCards().first()).toContainText('8 copies left');
  } finally {
    await walletContext.close();
    await otherContext.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('Given a credential with 10 copies, when the citizen gets new copies through the connect relationship (a copies request sent as a link), then the desk answers with a fresh batch linked to the original in its issued list, and the card shows 20 copies left', async ({
  browser,
  seed,
}) => {
  test.setTimeout(120_000);
  const walletContext = await browser.newContext({ storageState: seed.fullWallet });
  try {
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await wallet.credentialCards().first().click();
    const copies = wallet.page.getByRole('region', { name: 'Copies' });
    await expect(copies).toContainText('10 copies left');
    await copies.getByRole('button', { name: 'Get new copies' }).click();
    // Sent as a link (or saved as a .vouch file): <origin>/issuer#copies=VOUCH1:…
    const link = await wallet.page.getByLabel('Request as link').inputValue();
    expect(link).toContain('/issuer#copies=VOUCH1%3A');

    // At the desk's Register tab, like a connect code: a damaged link pasted is refused in words.
    const desk = seed.desk;
    await desk.tab('Register').click();
    await desk.page.getByLabel('Paste the code as text').fill(link.slice(0, -12));
    await desk.page.getByRole('button', { name: 'Read text' }).click();
    await expect(desk.page.getByRole('alert')).toHaveText('This is not a valid connect code.');
    // The link opens the desk's page (the clerk unlocks it), which reads it off the address bar.
    const linked = new DeskPage(await desk.page.context().newPage());
    let offer = '';
    try {
      await linked.page.goto(link);
      await linked.page.getByLabel('Passcode', { exact: true }).fill(DESK_PASSCODE);
      await linked.page.getByRole('button', { name: 'Unlock' }).click();
      await expect(
        linked.page.getByText('Sam de Vries asked for new copies of a credential.'),
      ).toBeVisible();
      expect(linked.page.url()).not.toContain('#copies=');
      offer = await linked.offerText();
      await linked.page.getByRole('button', { name: 'Issue another credential' }).click();
      // The issued list links the new batch to the credential it renews.
      await linked.tab('Issued and revocation').click();
      await expect(linked.page.getByText(/new copies of the credential issued on/)).toHaveCount(1);
    } finally {
      await linked.page.close();
    }

    await wallet.page.getByRole('button', { name: 'Back to wallet' }).first().click();
    await wallet.openReceive();
    await wallet.pasteCode(offer);
    await expect(wallet.page.getByRole('heading', { level: 1 })).not.toHaveText(
      'Receive a credential',
      { timeout: 20_000 },
    );
    await wallet.backHome();
    await expect(wallet.credentialCards()).toHaveCount(1);
    await expect(wallet.credentialCards().first()).toContainText('20 copies left');
  } finally {
    await walletContext.close();
  }
});

test('Given "Use a new copy for every presentation" switched on, when the same verifier asks twice, then two copies are used', async ({
  browser,
  seed,
}) => {
  test.setTimeout(120_000);
  const walletContext = await browser.newContext({ storageState: seed.fullWallet });
  try {
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await wallet.openSettings();
    await wallet.page
      .getByRole('switch', { name: 'Use a new copy for every presentation' })
      .check();
    await expect(wallet.page.getByText('Saved.')).toBeVisible();
    await wallet.page
      .getByRole('button', { name: t('settings.back') })
      .first()
      .click();
    await wallet.expectHome();

    const firstRequest = (await seed.freshRequest()).text;
    const first = presentationIn(await answer(wallet.page, firstRequest));
    const second = presentationIn(await answer(wallet.page, (await seed.freshRequest()).text));
    // The same verifier, two copies: nothing in common beyond the public parts.
    const allowed = [
      ...publicPartsOf(first),
      ...publicPartsOf(second),
      readRequestText(firstRequest).clientId,
    ];
    expect(sharedSubstrings(first, second, allowed)).toEqual([]);
    await wallet.expectHome();
    await expect(wallet.credentialCards().first()).toContainText('8 copies left');
  } finally {
    await walletContext.close();
  }
});
