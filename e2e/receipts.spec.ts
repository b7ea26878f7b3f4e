import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { parseReceiptFile, verifyReceipt } from '../src/core/evidence/index.ts';
import { webJwsCrypto } from '../src/platform/crypto/jws-crypto.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { test } from './support/seed.ts';
import type { E2eServer } from './support/server.ts';

/**
 * Issue 14's done criterion, the browser half (docs/evidence.md §Flows): a citizen applies
 * through an agency's application link; the consent screen says a signed receipt will come; the
 * wallet signs its half with its relationship key for the agency, `vouch serve` accepts the
 * application and countersigns; the wallet keeps the double-signed receipt, lists it in History,
 * and "Prove" saves a proof file that verifies with the receipt alone (signatures and commitment).
 */

let server: E2eServer;

test.beforeEach(({ vouchServe }) => {
  server = vouchServe;
});

test('Given a credential from a vouch serve and its application link, when the citizen applies from the wallet, then the wallet keeps the issuance pair and an application receipt signed by both, shown in History, whose proof file verifies', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const wallet = new WalletPage(page);
  await wallet.open();
  await wallet.create();

  // A diploma from the server's issuer, received online.
  const offer = await server.admin<{ uri: string }>('POST', '/admin/offers', {
    type: 'diploma',
    claims: exampleClaims('diploma'),
  });
  await wallet.openReceive();
  await wallet.pasteCode(offer.uri);
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await page.getByRole('button', { name: 'Accept and save' }).click({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Back to my wallet' })).toBeVisible({
    timeout: 30_000,
  });

  // The agency's application link, opened as its site links it: the wallet's address + its query.
  const application = await server.admin<{ id: string; link: string }>(
    'POST',
    '/admin/applications',
    {
      name: 'Vacancy 2027',
      type: 'diploma',
      claims: ['degree', 'institution'],
      purpose: 'Job application',
      verifierName: 'Gemeente Testdorp',
    },
  );
  await page.goto(`/${application.link.slice(application.link.indexOf('?'))}`);
  await wallet.expectLocked();
  await wallet.unlock();
  await page.getByRole('button', { name: 'Contact', exact: true }).click({ timeout: 20_000 });

  // Consent: a signed receipt is promised.
  await expect(page.getByText('Job application').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('You will get a signed receipt.')).toBeVisible();
  await expectNoViolations(page, 'the consent screen with a receipt');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: 'Sent to Gemeente Testdorp' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('You got a signed receipt. It is in your History.')).toBeVisible();

  // The agency accepted it.
  const { answers } = await server.admin<{ answers: { result: { valid?: boolean } }[] }>(
    'GET',
    `/admin/applications/${application.id}/results`,
  );
  expect(answers.map((answer) => answer.result.valid)).toEqual([true]);

  // History lists the receipt; Prove saves its proof file.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  const receipts = page.getByRole('region', { name: 'Signed receipts' });
  await expect(
    receipts.getByRole('heading', { name: 'Application received by Gemeente Testdorp' }),
  ).toBeVisible();
  await expect(receipts.getByText('Signed by you and by Gemeente Testdorp')).toBeVisible();
  // The diploma came with its ISSUE/RECEIVE pair, co-signed with the issuer at its server.
  await expect(receipts.getByRole('heading', { name: /^Credential received from / })).toHaveCount(
    1,
  );
  await expect(
    receipts.getByRole('heading', { name: /^Credential issued to you by / }),
  ).toHaveCount(1);
  await expectNoViolations(page, 'History with a signed receipt');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    receipts.getByRole('button', { name: /^Prove: the receipt from Gemeente Testdorp/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^vouch-receipt-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/,
  );
  const text = await readFile(await download.path(), 'utf8');
  expect(text).not.toContain('Testdorp');

  // Anyone can check it: both signatures, and the commitment opens to the kept salt and hash.
  const file = parseReceiptFile(text);
  if (!file.ok) throw new Error(file.detail.message);
  expect(file.value.receipt.action).toBe('ACKNOWLEDGE');
  expect(file.value.receipt.sender.alg).toBe('ES256K');
  const verified = await verifyReceipt(file.value.receipt, {
    crypto: webJwsCrypto(),
    ...(file.value.opening ? { opening: file.value.opening } : {}),
  });
  expect(verified).toMatchObject({ valid: true, level: 2 });
  expect(errors).toEqual([]);
});
