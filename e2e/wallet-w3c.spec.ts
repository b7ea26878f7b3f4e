import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { WalletPage } from './pages/wallet-page.ts';
import { vouchJson } from './support/cli.ts';
import { test } from './support/seed.ts';

const root = path.resolve(import.meta.dirname, '..');

/** `vouch issue` prints the credential itself (not JSON) on stdout. */
function vouchText(args: readonly string[]): string {
  return execFileSync(process.execPath, [path.join(root, 'bin', 'vouch.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

const DIPLOMA = {
  degree: 'Bachelor of Nursing',
  level: 'bachelor',
  field: 'Nursing',
  institution: 'Hogeschool Rotterdam',
  date_awarded: '2026-06-30',
  graduate_name: 'Noor Bakker',
  birth_date: '2002-11-05',
  eqf_level: 6,
  isced_f: '0913',
};

/**
 * Issue 10, the wallet's own paths for a W3C VC-JWT (docs/w3c-vc.md §Wallet): a diploma issued by
 * `vouch issue --format jwt_vc_json` to the wallet's relationship key (xpub + child index, as an
 * issuer's back office would) is pasted as bare text on Receive; the wallet finds its key, shows
 * the diploma under its type with the W3C note and format; the same text again is refused as
 * already stored, and one bound to another wallet's key is refused as not bound.
 */
test('Given a bare W3C VC-JWT diploma from the CLI, when pasted on Receive, then the wallet finds its key and shows it as a W3C diploma; again or for another wallet it is refused', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-wallet-w3c-'));
  try {
    const wallet = new WalletPage(page);
    await wallet.open();
    const words = await wallet.create();
    // Relationship 0 of this wallet: the xpub the issuer gets in the connect code.
    await wallet.connectCode('Hogeschool Rotterdam');
    await wallet.backHome();
    const relationship = vouchJson([
      'keys',
      'derive',
      '--mnemonic',
      words.join(' '),
      '--path',
      "m/7467'/0'/0'",
    ]);
    const issuerFile = path.join(work, 'hr.json');
    vouchJson(['issuer', 'new', '--name', 'Hogeschool Rotterdam', '--out', issuerFile]);
    const claimsFile = path.join(work, 'diploma.json');
    await writeFile(claimsFile, JSON.stringify(DIPLOMA));
    const issue = (holder: string[]) =>
      vouchText([
        'issue',
        '--issuer',
        issuerFile,
        '--type',
        'diploma',
        '--format',
        'jwt_vc_json',
        '--claims',
        claimsFile,
        ...holder,
      ]);
    const jwt = issue(['--holder-xpub', String(relationship.xpub), '--child-index', '2']);
    expect(jwt.split('.')).toHaveLength(3);

    await wallet.openReceive();
    await expect(page.getByText(/A W3C credential \(a \.jwt file/)).toBeVisible();
    await wallet.pasteCode(jwt);
    await expect(page.getByRole('heading', { level: 1, name: 'Diploma' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      page.getByText('W3C credential: every field is shown to whoever you share it with.'),
    ).toBeVisible();
    await expect(page.getByText('Bachelor of Nursing')).toBeVisible();
    // The format is a technical detail: behind the closed "Technical details".
    await expect(page.getByText('W3C Verifiable Credential (VC-JWT)')).toBeHidden();
    await page.getByText('Technical details', { exact: true }).click();
    await expect(page.getByText('W3C Verifiable Credential (VC-JWT)')).toBeVisible();
    await wallet.backHome();
    await expect(wallet.credentialCards().filter({ hasText: 'Diploma' })).toHaveCount(1);

    // The same credential again: refused, nothing new stored.
    await wallet.openReceive();
    await wallet.pasteCode(jwt);
    await expect(page.getByText('This credential is already in your wallet.')).toBeVisible({
      timeout: 30_000,
    });

    // A diploma for another wallet's key (a fresh mnemonic): not bound to this wallet.
    const stranger = vouchJson([
      'keys',
      'derive',
      '--mnemonic',
      String(vouchText(['keys', 'new'])),
      '--path',
      "m/7467'/0'/0'",
    ]);
    await page
      .getByLabel('Paste the code as text')
      .fill(issue(['--holder-xpub', String(stranger.xpub), '--child-index', '0']));
    await page.getByRole('button', { name: 'Read text' }).click();
    await expect(
      page.getByText('This credential is not bound to a key of this wallet.'),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Nothing was stored.')).toBeVisible();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
