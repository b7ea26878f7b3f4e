import { cpSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { parseReceiptFile, receiptId } from '../src/core/evidence/index.ts';
import { createIssuerKeyFile } from '../src/core/jose/index.ts';
import { parseKnownOrganisations, startLedger, verifyEvidence } from '../src/ledger/index.ts';
import type { RunningLedger } from '../src/ledger/index.ts';
import { webJwsCrypto } from '../src/platform/crypto/jws-crypto.ts';
import { startServer } from '../src/server/start.ts';
import type { RunningServer } from '../src/server/start.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { test } from './support/seed.ts';

/**
 * Issue 14's done criterion (docs/evidence.md §Flows): an agency runs `vouch serve --ledger` in
 * front of its ledger node, which replicates with two other organisations' nodes. A citizen
 * receives a credential (the ISSUE/RECEIVE pair is co-signed) and applies through the agency's
 * application link: the consent screen promises a signed receipt, the wallet signs its half with
 * its relationship key, the server accepts and countersigns, appends it to the ledger and sends
 * the inclusion proof back. History lists the receipts; "Prove" saves a file that verifies at
 * level 3 against a cold copy of ANOTHER organisation's node (the receipt replicated there).
 */

const ADMIN_TOKEN = 'e2e-receipts-admin-token-0123456789abcdef';

test('Given an agency whose vouch serve anchors receipts on three replicating ledger nodes, when the citizen receives a credential and applies from the wallet, then History holds double-signed receipts and the proof file verifies at level 3 from a cold copy of a replica', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-receipts-'));
  const ledgers: RunningLedger[] = [];
  let server: RunningServer | undefined;
  try {
    // The agency's keys, known to every ledger node as one organisation.
    const crypto = webJwsCrypto();
    const issuerKey = await createIssuerKeyFile(crypto, 'ES256');
    const verifierKey = await createIssuerKeyFile(crypto, 'ES256');
    const known = parseKnownOrganisations(
      JSON.stringify({
        type: 'vouch-known-organisations',
        organisations: [
          { name: 'Gemeente Testdorp', keys: [issuerKey.publicJwk, verifierKey.publicJwk] },
        ],
      }),
    );
    if (!known.ok) throw new Error(known.detail.message);
    // Three nodes in a line: C → B → A (A is the agency's).
    for (const name of ['a', 'b', 'c']) {
      const previous = ledgers.at(-1);
      ledgers.push(
        await startLedger({
          dataDir: path.join(work, name),
          knownOrgs: known.value,
          ...(previous ? { peers: [{ host: '127.0.0.1', port: previous.replicationPort }] } : {}),
        }),
      );
    }
    const [agencyNode, replica] = ledgers as [RunningLedger, RunningLedger, RunningLedger];

    const serveDir = path.join(work, 'serve');
    await mkdir(serveDir);
    await writeFile(path.join(serveDir, 'issuer.json'), JSON.stringify(issuerKey));
    await writeFile(path.join(serveDir, 'verifier.json'), JSON.stringify(verifierKey));
    const baseURL = testInfo.project.use.baseURL;
    server = await startServer({
      port: 0,
      dataDir: serveDir,
      envAdminToken: ADMIN_TOKEN,
      ledgerUrl: agencyNode.url,
      crypto,
      randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
      log: () => undefined,
      announce: () => undefined,
      app: { adminOrigins: baseURL ? [baseURL] : [] },
    });
    const serverUrl = server.url;
    const admin = async <T>(method: 'GET' | 'POST', route: string, body?: unknown) => {
      const response = await fetch(`${serverUrl}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.ok).toBe(true);
      return (await response.json()) as T;
    };

    const wallet = new WalletPage(page);
    await wallet.open();
    await wallet.create();

    // A diploma from the agency's issuer, received online.
    const offer = await admin<{ uri: string }>('POST', '/admin/offers', {
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

    // The agency's application link, opened as its site links it: the wallet's address + query.
    const application = await admin<{ id: string; link: string }>('POST', '/admin/applications', {
      name: 'Vacancy 2027',
      type: 'diploma',
      claims: ['degree', 'institution'],
      purpose: 'Job application',
      verifierName: 'Gemeente Testdorp',
    });
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
    const { answers } = await admin<{ answers: { result: { valid?: boolean } }[] }>(
      'GET',
      `/admin/applications/${application.id}/results`,
    );
    expect(answers.map((answer) => answer.result.valid)).toEqual([true]);

    // History: the application receipt, anchored, and the diploma's ISSUE/RECEIVE pair.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    const receipts = page.getByRole('region', { name: 'Signed receipts' });
    const applied = receipts.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Application received by Gemeente Testdorp' }),
    });
    await expect(applied).toBeVisible();
    await expect(applied.getByText('Signed by you and by Gemeente Testdorp')).toBeVisible();
    await expect(
      applied.getByText('Also recorded in the organisations’ shared ledger'),
    ).toBeVisible();
    await expect(receipts.getByRole('heading', { name: /^Credential received from / })).toHaveCount(
      1,
    );
    await expect(
      receipts.getByRole('heading', { name: /^Credential issued to you by / }),
    ).toHaveCount(1);
    await expectNoViolations(page, 'History with signed receipts');

    // Prove: the proof file, keys and hashes only.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      applied.getByRole('button', { name: /^Prove: the receipt from Gemeente Testdorp/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^vouch-receipt-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/,
    );
    const text = await readFile(await download.path(), 'utf8');
    expect(text).not.toContain('Testdorp');
    const file = parseReceiptFile(text);
    if (!file.ok) throw new Error(file.detail.message);
    expect(file.value.receipt.action).toBe('ACKNOWLEDGE');
    expect(file.value.receipt.sender.alg).toBe('ES256K');
    expect(file.value.inclusion?.coreKey).toBe(agencyNode.node.coreKey);

    // The receipt replicated to another organisation's node; a cold copy of its data proves it.
    await expect
      .poll(async () => (await replica.node.proofOf(receiptId(file.value.receipt))) !== undefined)
      .toBe(true);
    const cold = path.join(work, 'cold-copy-of-b');
    cpSync(path.join(work, 'b'), cold, { recursive: true });
    const verified = await verifyEvidence({
      receipt: file.value.receipt,
      ...(file.value.opening ? { opening: file.value.opening } : {}),
      ...(file.value.inclusion ? { inclusion: file.value.inclusion } : {}),
      ledger: { dir: cold },
    });
    expect(verified.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verified).toMatchObject({ valid: true, level: 3 });
    expect(errors).toEqual([]);
  } finally {
    await server?.close();
    for (const ledger of ledgers.reverse()) await ledger.close();
    await rm(work, { recursive: true, force: true });
  }
});
