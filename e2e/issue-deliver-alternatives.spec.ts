import { expect, type Page } from '@playwright/test';
import { DESK_PASSCODE, DeskPage } from './pages/desk-page.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { connectByText } from './support/flows.ts';
import { test } from './support/seed.ts';

/**
 * Issue an asbestosis attestation. Two with the same claims are copies of one credential (issue
 * 13: the wallet keeps them as one card), so a second one names another date of diagnosis.
 */
async function issueAsbestosis(desk: DeskPage, diagnosedOn = '2026-08-14'): Promise<void> {
  await desk.tab('Issue').click();
  await expect(desk.page.getByLabel('Credential', { exact: true })).toHaveValue(
    'medical-attestation',
  );
  await desk.page.getByLabel('Diagnosis code (ICD-10)').fill('J61');
  await desk.page.getByLabel('Diagnosis', { exact: true }).fill('Asbestosis');
  await desk.page.getByLabel('Date of diagnosis').fill(diagnosedOn);
  await desk.page.getByLabel('Physician', { exact: true }).fill('Dr. A. Jansen');
  await desk.page.getByLabel('Physician registration number (BIG/RIZIV)').fill('BIG 19012345601');
  await desk.page.getByLabel('Date of birth').fill('1951-02-03');
  await desk.page.getByRole('button', { name: 'Sign and issue' }).click();
  await expect(
    desk.page.getByRole('heading', { name: /Medical attestation issued to/ }),
  ).toBeVisible();
}

test('Given a pulmonologist desk, when a medical attestation is delivered by link and another by file, then the wallet stores both and can delete one behind a confirmation', async ({
  browser,
}) => {
  const walletContext = await browser.newContext();
  const deskContext = await browser.newContext({ acceptDownloads: true });
  try {
    let wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.create();
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({
      name: 'Longziekenhuis Noord',
      kind: 'pulmonologist',
      registration: 'AGB 06012345',
      alg: 'EdDSA',
    });
    await connectByText(wallet, desk, 'Longziekenhuis Noord', 'Jan Peeters');

    await expectNoViolations(desk.page, 'desk register');
    // The desk offers only the types a pulmonologist issues.
    await desk.tab('Issue').click();
    await expectNoViolations(desk.page, 'desk issue form');
    const types = await desk.page
      .getByLabel('Credential', { exact: true })
      .locator('option')
      .allInnerTexts();
    expect(types).toEqual(['Medical attestation']);

    // By link (as from an e-mail: a new tab): the wallet asks for the passcode, then receives.
    await issueAsbestosis(desk);
    await expectNoViolations(desk.page, 'desk offer');
    const link = await desk.page.getByLabel('Link', { exact: true }).inputValue();
    expect(link).toContain('/#receive=VOUCH1');
    await wallet.page.close();
    wallet = new WalletPage(await walletContext.newPage());
    await wallet.page.goto(link);
    await wallet.expectLocked();
    await expect(wallet.page).not.toHaveURL(/receive=/);
    await wallet.unlock(PASSCODE);
    await expect(wallet.heading('Medical attestation')).toBeVisible();
    await expect(wallet.page.locator('dl.claims')).toContainText('J61');
    await expect(wallet.page.locator('dl.claims')).toContainText('Asbestosis');
    await expect(wallet.page.locator('dl.facts')).toContainText('Valid until');
    await expectNoViolations(wallet.page, 'credential detail');

    // By file: the desk downloads a .vouch file, the wallet opens it.
    await desk.page.getByRole('button', { name: 'Issue another credential' }).click();
    await issueAsbestosis(desk, '2026-08-21');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      desk.page.getByRole('button', { name: 'Download as a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.vouch$/);
    const file = await download.path();
    await wallet.backHome();
    await wallet.openReceive();
    await expectNoViolations(wallet.page, 'receive');
    await wallet.page.getByLabel('Open a .vouch file').setInputFiles(file);
    await expect(wallet.heading('Medical attestation')).toBeVisible();
    await wallet.backHome();
    const cards = wallet.page.getByRole('button', { name: /^Medical attestation/ });
    await expect(cards).toHaveCount(2);
    await expectNoViolations(wallet.page, 'wallet home with credentials');
    await desk.tab('Issued and revocation').click();
    await expectNoViolations(desk.page, 'desk issued');

    // The same file again is refused: it is already in the wallet.
    await wallet.openReceive();
    await wallet.page.getByLabel('Open a .vouch file').setInputFiles(file);
    await expect(wallet.page.getByRole('alert').first()).toContainText('already in your wallet');
    await wallet.backHome();

    // Delete one, behind a confirmation (Cancel keeps it).
    await cards.first().click();
    await wallet.page.getByRole('button', { name: 'Delete this credential…' }).click();
    await wallet.page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await wallet.page.getByRole('button', { name: 'Delete this credential…' }).click();
    await wallet.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await wallet.expectHome();
    await expect(cards).toHaveCount(1);
    await wallet.page.reload();
    await wallet.unlock();
    await wallet.expectHome();
    await expect(cards).toHaveCount(1);
  } finally {
    await walletContext.close();
    await deskContext.close();
  }
});

async function deskDid(page: Page): Promise<string> {
  return ((await page.getByLabel('Issuer identifier (DID)').textContent()) ?? '').trim();
}

test('Given an issuer desk, when its key file is exported and imported into a fresh browser, then the new desk signs as the same issuer', async ({
  browser,
}) => {
  const first = await browser.newContext({ acceptDownloads: true });
  const second = await browser.newContext();
  try {
    const desk = new DeskPage(await first.newPage());
    await desk.open();
    await desk.setUp({
      name: 'Hogeschool Zuid',
      kind: 'university',
      registration: 'BRIN 30AB',
      alg: 'ES256K',
    });
    await desk.tab('Desk settings').click();
    await expectNoViolations(desk.page, 'desk settings');
    const did = await deskDid(desk.page);
    expect(did).toMatch(/^did:key:zQ3s/);

    await desk.page.getByLabel('Passphrase for the key file').fill('short');
    await desk.page.getByLabel('Repeat the passphrase').fill('short');
    await desk.page.getByRole('button', { name: 'Export the key file' }).click();
    await expect(desk.page.getByText('Use a passphrase of at least 10 characters.')).toBeVisible();

    await desk.page
      .getByLabel('Passphrase for the key file')
      .fill('lange wachtzin voor de sleutel');
    await desk.page.getByLabel('Repeat the passphrase').fill('lange wachtzin voor de sleutel');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      desk.page.getByRole('button', { name: 'Export the key file' }).click(),
    ]);
    const keyFile = await download.path();

    const fresh = new DeskPage(await second.newPage());
    await fresh.open();
    await expectNoViolations(fresh.page, 'desk setup');
    await fresh.page.getByText('Use an existing key file instead').click();
    await fresh.page.getByLabel('Key file', { exact: true }).setInputFiles(keyFile);
    await fresh.page.getByLabel('Key file passphrase').fill('wrong passphrase!');
    await fresh.page.getByRole('button', { name: 'Read the key file' }).click();
    await expect(
      fresh.page.getByText('The passphrase does not open this key file. Nothing was changed.'),
    ).toBeVisible();
    await fresh.page.getByLabel('Key file passphrase').fill('lange wachtzin voor de sleutel');
    await fresh.page.getByRole('button', { name: 'Read the key file' }).click();
    await expect(fresh.page.getByText(`Key file read: ${did}.`, { exact: false })).toBeVisible();
    await expect(fresh.page.getByLabel('Organisation name')).toHaveValue('Hogeschool Zuid');
    await fresh.page.getByLabel('Desk passcode', { exact: true }).fill(DESK_PASSCODE);
    await fresh.page.getByLabel('Repeat desk passcode').fill(DESK_PASSCODE);
    await fresh.page.getByRole('button', { name: 'Set up the desk' }).click();
    await expect(
      fresh.page.getByRole('heading', { level: 1, name: 'Hogeschool Zuid' }),
    ).toBeVisible();
    await fresh.tab('Desk settings').click();
    expect(await deskDid(fresh.page)).toBe(did);

    // The desk locks and unlocks with its own passcode.
    await fresh.page.getByRole('button', { name: 'Lock' }).click();
    await expect(
      fresh.page.getByRole('heading', { level: 1, name: 'Issuer desk locked' }),
    ).toBeVisible();
    await fresh.page.getByLabel('Passcode', { exact: true }).fill('not the passcode');
    await fresh.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(
      fresh.page.getByText('That passcode is not right. Nothing was changed.'),
    ).toBeVisible();
    await fresh.page.getByLabel('Passcode', { exact: true }).fill(DESK_PASSCODE);
    await fresh.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(
      fresh.page.getByRole('heading', { level: 1, name: 'Hogeschool Zuid' }),
    ).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});
