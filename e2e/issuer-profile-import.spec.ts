// Trust from an issuer profile (issue 11, docs/ux.md "Issuer profile"): the issuer desk publishes
// its signed profile as a file, the verifier desk imports that file, the clerk compares the key's
// fingerprint words with those the issuer gave and trusts it; the issuer is then on the desk's own
// list for the profile's types, with the DID the desk published. No DID is copied by hand.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support/seed.ts';
import { DeskPage } from './pages/desk-page.ts';
import { VerifierPage } from './pages/verifier-page.ts';

const DESK_VIEWPORT = { width: 1280, height: 900 };

test('Given a university desk that publishes its profile file, when the verifier desk imports the file and the clerk confirms the fingerprint words, then the university is trusted for diplomas under its published DID', async ({
  browser,
}) => {
  const work = await mkdtemp(path.join(tmpdir(), 'vouch-e2e-profile-'));
  const issuerContext = await browser.newContext({ viewport: DESK_VIEWPORT });
  const verifierContext = await browser.newContext({ viewport: DESK_VIEWPORT });
  try {
    const desk = new DeskPage(await issuerContext.newPage());
    const verifier = new VerifierPage(await verifierContext.newPage());
    await Promise.all([desk.open(), verifier.open()]);
    // The two desks derive their keys side by side.
    await Promise.all([
      desk.setUp({ name: 'Universiteit Gent', kind: 'university', registration: 'UGent-1' }),
      verifier.setUp('Werkgever Jobs BV', 'employer'),
    ]);

    // The issuer desk: Desk settings → Publish profile, then download the file.
    await desk.publishProfile();
    const did = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();
    expect(did).toMatch(/^did:key:z/);
    const words = await desk.page
      .getByRole('list', { name: 'Fingerprint words', exact: true })
      .getByRole('listitem')
      .allInnerTexts();
    expect(words).toHaveLength(8);
    const downloading = desk.page.waitForEvent('download');
    await desk.page.getByRole('button', { name: /^Download .+\.vouch-issuer\.jwt$/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.vouch-issuer\.jwt$/);
    const file = path.join(work, download.suggestedFilename());
    await download.saveAs(file);

    // The verifier desk: not trusted yet; import the file; the check shows who and the words.
    const page = verifier.page;
    await verifier.tab('Trusted issuers').click();
    await expect(page.getByRole('row', { name: /Universiteit Gent/ })).toHaveCount(0);
    await page.getByLabel('Profile file', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Read profile file' }).click();
    const check = page.getByRole('region', { name: 'Check this issuer' });
    await expect(check).toBeVisible({ timeout: 20_000 });
    await expect(check).toContainText('Universiteit Gent');
    await expect(check).toContainText(did);
    await expect(check).toContainText('Diploma');
    expect(
      await check
        .getByRole('list', { name: 'Fingerprint words of the issuer’s key' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(words);
    await check.getByRole('button', { name: 'Trust Universiteit Gent for these types' }).click();

    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Universiteit Gent is now trusted at this desk.' }),
    ).toBeVisible();
    await expect(check).toBeHidden();
    const row = page.getByRole('row', { name: /Universiteit Gent/ });
    await expect(row).toContainText(did);
    await expect(row).toContainText('Diploma');
  } finally {
    await issuerContext.close();
    await verifierContext.close();
    await rm(work, { recursive: true, force: true });
  }
});
