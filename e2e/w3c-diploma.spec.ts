import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { connectByText, receiveOfferText } from './support/flows.ts';
import { test } from './support/seed.ts';

/**
 * Issue 10, end to end: a university desk issues a Europass-style diploma as a W3C VC-JWT, the
 * wallet receives it and shows it as a diploma, an employer asks for a diploma (either format),
 * the consent screen says every field will be shown, the wallet answers with a VP-JWT, and the
 * employer's desk shows Valid, named as a W3C VC-JWT, with the university's W3C status list.
 */
test('Given a W3C VC-JWT diploma from a university desk, when an employer asks for a diploma, then the wallet warns that every field is shown and the verifier shows Valid', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-w3c-'));
  try {
    const desk = new DeskPage(await context.newPage());
    await desk.open();
    await desk.setUp({
      name: 'Universiteit Utrecht',
      kind: 'university',
      registration: 'BRIN 00JK',
    });
    await desk.tab('Desk settings').click();
    const issuerDid = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    expect(issuerDid).toMatch(/^did:/);

    const wallet = new WalletPage(await context.newPage());
    await wallet.open();
    await wallet.create();
    await connectByText(wallet, desk, 'Universiteit Utrecht', 'Lotte Janssens');

    // The desk issues the diploma as a W3C VC-JWT, with its EQF level and ISCED-F field.
    await desk.tab('Issue').click();
    const page = desk.page;
    await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Diploma' });
    await page
      .getByRole('group', { name: 'Format' })
      .getByRole('radio', { name: 'W3C VC-JWT (Europass-style, every field shown)' })
      .check();
    await page.getByLabel('Degree', { exact: true }).fill('Master of Science');
    await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Master' });
    await page.getByLabel('Field of study', { exact: true }).fill('Computer Science');
    await page.getByLabel('Date awarded', { exact: true }).fill('2026-07-05');
    await page.getByLabel('Date of birth', { exact: true }).fill('2001-03-17');
    await page
      .getByLabel('EQF level (European Qualifications Framework)', { exact: true })
      .fill('7');
    await page.getByLabel('Field of education (ISCED-F code)', { exact: true }).fill('0613');
    await page.getByRole('button', { name: 'Sign and issue' }).click();
    await expect(
      page.getByRole('heading', { name: 'Diploma issued to Lotte Janssens' }),
    ).toBeVisible();

    // The wallet receives it by the offer's text and shows it as a diploma, marked W3C.
    await receiveOfferText(wallet, desk);
    await wallet.page
      .getByRole('button', { name: /Diploma/ })
      .first()
      .click();
    await expect(
      wallet.page.getByText('W3C credential: every field is shown to whoever you share it with.'),
    ).toBeVisible();
    await expect(wallet.page.getByText('Master of Science').first()).toBeVisible();
    await wallet.backHome();

    // The desk signs its status list in both encodings; the employer keeps the W3C one.
    await desk.tab('Issued and revocation').click();
    await page.getByRole('button', { name: 'Sign the status list' }).click();
    const w3cList = await page
      .getByLabel('Status list (W3C BitstringStatusListCredential)')
      .inputValue();
    const listFile = path.join(work, 'status.w3c.jwt');
    await writeFile(listFile, w3cList);

    const verifier = new VerifierPage(await context.newPage());
    await verifier.open();
    await verifier.setUp('Werkgever Jansen', 'employer');
    await verifier.addTrustedIssuer(issuerDid, 'Universiteit Utrecht', ['Diploma']);
    await verifier.importStatusList(listFile);
    await verifier.chooseTemplate('diploma-job');
    const request = await verifier.showRequest();

    // Same device: the request arrives by link; the consent screen says every field is shown.
    const linkTab = await context.newPage();
    await linkTab.goto(request.link);
    const phone = new WalletPage(linkTab);
    await phone.unlock(PASSCODE);
    await expect(
      linkTab.getByRole('heading', {
        name: 'A verifier calling itself “Werkgever Jansen” asks to see',
      }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      linkTab.getByText(/This is a W3C credential: it cannot hide any field\./),
    ).toBeVisible();
    await expect(linkTab.getByText('not asked, shown anyway').first()).toBeVisible();
    await linkTab.getByRole('button', { name: 'Share' }).click();
    await expect(linkTab).toHaveURL(/\/verifier$/, { timeout: 30_000 });

    const back = new VerifierPage(linkTab);
    await back.unlock('Werkgever Jansen');
    await expect(back.verdictWord()).toBeVisible({ timeout: 30_000 });
    const verdict = await back.verdict();
    expect(verdict.checks.filter((check) => !check.passed)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.issuer).toContain('Universiteit Utrecht');
    expect(verdict.claims['Degree']).toBe('Master of Science');
    await expect(linkTab.getByText('W3C VC-JWT').first()).toBeVisible();
    await expect(
      linkTab.getByText('No selective disclosure: every field was shown.').first(),
    ).toBeVisible();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
