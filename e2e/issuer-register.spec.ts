// The issuer desk's register (issue 11, docs/ux.md "Desks"): the date of birth of someone already
// in the register can be added, corrected and removed (1900-01-01 to today, ISO dates); a credential
// issued afterwards starts with it. The wallet's connect code is made in-process (a memory wallet),
// so only the desk runs in a browser.
import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import { test } from './support/seed.ts';
import { connectToIssuer, createHolderWallet } from '../src/core/holder/index.ts';
import { utf8ToBytes } from '../src/core/encoding/index.ts';
import { encodeForText } from '../src/core/transport/index.ts';
import { createMemoryVaultStorage } from '../src/core/vault/index.ts';
import { createFakeVaultCrypto } from '../src/core/vault/vault-crypto.fake.ts';
import { DeskPage } from './pages/desk-page.ts';

const ABANDON_ART = `${'abandon '.repeat(23)}art`;

/** A wallet's connect code for `issuerName`, as the text the wallet shows under its QR. */
async function connectCode(issuerName: string): Promise<string> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  const started = await connectToIssuer(created.value, {
    issuerName,
    now: new Date(),
    jti: randomBytes(16).toString('hex'),
  });
  if (!started.ok) throw new Error(started.reason);
  return encodeForText('connect', utf8ToBytes(started.value.request));
}

test('Given someone registered without a date of birth, when the clerk adds one (after a date out of range is refused), corrects it, and removes it, then the register and the issue form follow', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const desk = new DeskPage(await context.newPage());
    await desk.open();
    await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await desk.registerByText(await connectCode('Acme Rides'), { name: 'Sam de Vries' });
    const page = desk.page;
    const row = page.getByRole('row', { name: /Sam de Vries/ });
    await expect(row.getByRole('cell').nth(1)).toHaveText('—');

    const edit = page.getByRole('button', { name: 'Edit date of birth of Sam de Vries' });
    const form = page.getByRole('form', { name: 'Date of birth of Sam de Vries' });
    const field = form.getByLabel('Date of birth', { exact: true });
    const save = form.getByRole('button', { name: 'Save date of birth' });
    await edit.click();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('');
    await field.fill('1899-12-31');
    await save.click();
    await expect(form.getByRole('alert')).toHaveText(
      'Enter a date of birth between 1 January 1900 and today, or leave it empty.',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill('1988-04-21');
    await save.click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The date of birth of Sam de Vries was saved.' }),
    ).toBeVisible();
    await expect(form).toBeHidden();
    await expect(row).toContainText('21 April 1988');

    // Corrected: the form starts from the date kept; the issue form starts with the new one.
    await edit.click();
    await expect(field).toHaveValue('1988-04-21');
    await field.fill('1988-04-12');
    await save.click();
    await expect(row).toContainText('12 April 1988');
    await row.getByRole('button', { name: 'Issue a credential to Sam de Vries' }).click();
    await page
      .getByLabel('Credential', { exact: true })
      .selectOption({ label: 'Income statement' });
    await expect(page.getByLabel(/^Date of birth/)).toHaveValue('1988-04-12');

    // Removed: an empty field clears it.
    await desk.tab('Register').click();
    await edit.click();
    await field.fill('');
    await save.click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'The date of birth of Sam de Vries was removed.' }),
    ).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('—');
  } finally {
    await context.close();
  }
});
