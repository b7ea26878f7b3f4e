import { expect } from '@playwright/test';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { SEPTEMBER_STATEMENT } from './support/flows.ts';
import { shareAndConfirm } from './support/screens.ts';
import { test } from './support/seed.ts';
import { wordsFor } from './support/words.ts';

/**
 * Issue 14 offline, in the browser (docs/evidence.md §Flows 2): the verifier desk gives signed
 * receipts (its default), so its request asks for one; the consent screen promises it; the QR
 * answer carries the wallet's half; the desk finds the answer valid, countersigns and shows its
 * receipt; a damaged receipt text is refused at the wallet and loses nothing; the right one is
 * kept, History shows it, and the desk lists its copy. Then §Flows 3: a credential from the issuer
 * desk's offline offer leaves the ISSUE/RECEIVE pair, by one code each way.
 */
const t = wordsFor('en');

test('Given a verifier desk that gives signed receipts, when the citizen answers its request by QR text and pastes back the desk receipt, then both keep the double-signed receipt; and a credential from an offline offer leaves the ISSUE/RECEIVE pair with the wallet and the issuer desk', async ({
  browser,
  seed,
}) => {
  test.setTimeout(120_000);
  const verifier = seed.verifier;
  await verifier.tab('History').click();
  const deskRows = verifier.page
    .getByRole('region', { name: t('deskReceipts.list.title') })
    .getByRole('row', { name: new RegExp(t('deskReceipts.action.ACKNOWLEDGE')) });
  const before = await deskRows.count();
  const request = await seed.freshRequest();

  const walletContext = await browser.newContext({ storageState: seed.fullWallet });
  try {
    const wallet = new WalletPage(await walletContext.newPage());
    const page = wallet.page;
    await wallet.open();
    await wallet.unlock(PASSCODE);
    await wallet.expectHome();
    await page.getByRole('button', { name: t('present.start') }).click();
    await page.getByLabel(t('qr.paste.label')).fill(request.text);
    await page.getByRole('button', { name: t('qr.paste.submit') }).click();
    await expect(page.getByText(t('receipts.promise'))).toBeVisible({ timeout: 20_000 });
    await shareAndConfirm(page, t);
    const answer = await page.getByLabel(t('present.answerText')).inputValue();
    const scan = page.getByRole('region', { name: t('receipts.scan.title') }).first();
    await expect(scan).toBeVisible();

    // The desk: valid, countersigned, the receipt shown for the citizen to scan.
    expect((await verifier.pasteResponse(answer)).valid).toBe(true);
    await expect(verifier.page.getByText(t('deskReceipts.handOver.body'))).toBeVisible();
    await expect(
      verifier.page.getByRole('img', { name: t('deskReceipts.handOver.qr') }),
    ).toBeVisible();
    const receipt = await verifier.page.getByLabel(t('deskReceipts.text')).inputValue();
    expect(receipt).toMatch(/^vouch-receipt:[A-Za-z0-9_-]{300,400}$/);
    await expectNoViolations(verifier.page, 'the verdict with its signed receipt');

    // The wallet: a damaged receipt is refused and nothing changes; the right one is kept.
    const paste = async (text: string) => {
      await scan.getByLabel(t('qr.paste.label')).fill(text);
      await scan.getByRole('button', { name: t('qr.paste.submit') }).click();
    };
    const cut = receipt.length - 20;
    const flipped = receipt[cut] === 'A' ? 'B' : 'A';
    await paste(`${receipt.slice(0, cut)}${flipped}${receipt.slice(cut + 1)}`);
    await expect(scan.getByRole('alert')).toContainText(/Nothing changed\.$/);
    await paste(receipt);
    await expect(
      scan.getByText(t('receipts.scan.kept', { party: 'Gemeente Utrecht' })),
    ).toBeVisible();

    await page.getByRole('button', { name: t('present.done') }).click();
    await page.getByRole('button', { name: 'History' }).click();
    const receipts = page.getByRole('region', { name: t('receipts.title') });
    const applied = receipts.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: t('receipts.application', { verifier: 'Gemeente Utrecht' }),
      }),
    });
    await expect(applied).toHaveCount(1);
    await expect(
      applied.getByText(t('receipts.signedBoth', { party: 'Gemeente Utrecht' })),
    ).toBeVisible();

    // The desk's copy: when, what, the wallet's key fingerprint.
    await verifier.tab('History').click();
    await expect(deskRows).toHaveCount(before + 1);
    await expect(deskRows.first()).toContainText(/[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);

    // Issuance by an offline offer (§Flows 3): the card gives the desk the wallet's halves, the
    // desk's Issued tab countersigns them, and the wallet keeps the ISSUE/RECEIVE pair.
    const desk = seed.desk;
    await desk.issueIncomeStatement({ ...SEPTEMBER_STATEMENT, period: '2026-10' });
    const offer = await desk.offerText();
    await desk.page.getByRole('button', { name: 'Issue another credential' }).click();
    await wallet.backHome();
    await wallet.openReceive();
    await wallet.pasteCode(offer);
    const give = page.getByRole('region', { name: t('receipts.give.title') });
    await expect(give).toBeVisible({ timeout: 20_000 });
    const halves = await give.getByLabel(t('deskReceipts.text')).inputValue();
    expect(halves).toMatch(/^vouch-receipt-halves:/);
    await desk.tab('Issued and revocation').click();
    const deskScan = desk.page.getByRole('region', { name: t('deskReceipts.scan.title') }).first();
    await deskScan.getByLabel(t('qr.paste.label')).fill(halves);
    await deskScan.getByRole('button', { name: t('qr.paste.submit') }).click();
    await expect(deskScan.getByText(/^Receipt signed: Income statement for /)).toBeVisible();
    const pair = await deskScan.getByLabel(t('deskReceipts.text')).inputValue();
    await expect(
      desk.page.getByRole('row', { name: new RegExp(t('deskReceipts.action.RECEIVE')) }),
    ).toHaveCount(1);
    await expectNoViolations(desk.page, 'the Issued tab with a signed receipt');
    await wallet.backHome();
    await page.getByRole('button', { name: 'History' }).click();
    const historyScan = page.getByRole('region', { name: t('receipts.scan.title') }).first();
    await historyScan.getByLabel(t('qr.paste.label')).fill(pair);
    await historyScan.getByRole('button', { name: t('qr.paste.submit') }).click();
    await expect(
      historyScan.getByText(t('receipts.scan.keptPair', { party: 'Acme Rides' })),
    ).toBeVisible();
    await expect(
      receipts.getByRole('heading', { name: t('receipts.received', { party: 'Acme Rides' }) }),
    ).toHaveCount(1);
  } finally {
    await walletContext.close();
  }
});
