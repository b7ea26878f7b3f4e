import { expect } from '@playwright/test';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { gunzipSync } from 'fflate';
import { decodeBase64Url } from '../src/core/encoding/index.ts';
import { parseCredentialOffer } from '../src/core/protocol/credential-offer.ts';
import { decodeFromText } from '../src/core/transport/index.ts';
import { readIssuerProfile } from '../src/core/trust/index.ts';
import { DeskPage } from './pages/desk-page.ts';
import { WalletPage } from './pages/wallet-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { test } from './support/seed.ts';

/**
 * Issue 10: a university desk issues a Europass-style diploma as a W3C VC-JWT (offline offer),
 * with an EQF level and an ISCED-F field code; did-jwt-vc verifies what the desk handed over, the
 * Issued tab names the format, and after a revocation the W3C status list the desk signs has the
 * credential's bit set.
 */
const resolver = new Resolver(getDidKeyResolver());

function w3cBit(listJwt: string, index: number): Promise<number> {
  return verifyCredential(listJwt, resolver).then((verified) => {
    const { encodedList } = verified.verifiableCredential.credentialSubject as {
      encodedList: string;
    };
    const gz = decodeBase64Url(encodedList.slice(1));
    if (!gz.ok) throw new Error('encodedList is not base64url');
    const bits = gunzipSync(gz.value);
    return ((bits[index >> 3] ?? 0) >> (7 - (index % 8))) & 1;
  });
}

test('Given a university desk and a connected wallet, when a diploma is issued as a W3C VC-JWT, then the offer holds a VC-JWT did-jwt-vc verifies, the log names the format, and a revocation reaches the W3C status list', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The desk target (docs/ux.md): 1280×900.
  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const walletContext = await browser.newContext();
  try {
    const desk = new DeskPage(await deskContext.newPage());
    await desk.open();
    await desk.setUp({
      name: 'Universiteit Utrecht',
      kind: 'university',
      registration: 'BRIN 00JK',
    });
    const wallet = new WalletPage(await walletContext.newPage());
    await wallet.open();
    await wallet.create();
    // The register keeps the date of birth (issue 11): the diploma form starts with it.
    await wallet.connectCode('Universiteit Utrecht');
    const connect = await wallet.page.getByLabel('Connect code as text').inputValue();
    await desk.registerByText(connect, { name: 'Lotte Janssens', birthDate: '2001-03-17' });
    await expect(desk.page.getByRole('row', { name: /Lotte Janssens/ })).toContainText(
      '17 March 2001',
    );

    const page = desk.page;
    await desk.tab('Issue').click();
    await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Diploma' });
    const format = page.getByRole('group', { name: 'Format' });
    await expect(
      format.getByRole('radio', { name: 'SD-JWT VC (selective disclosure, recommended)' }),
    ).toBeChecked();
    await format
      .getByRole('radio', { name: 'W3C VC-JWT (Europass-style, every field shown)' })
      .check();
    await expect(page.getByText('Advanced options')).toBeHidden();
    await page.getByLabel('Degree', { exact: true }).fill('Master of Science');
    await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Master' });
    await page.getByLabel('Field of study', { exact: true }).fill('Computer Science');
    await page.getByLabel('Date awarded', { exact: true }).fill('2026-07-05');
    await expect(page.getByLabel('Date of birth', { exact: true })).toHaveValue('2001-03-17');
    const eqf = page.getByLabel('EQF level (European Qualifications Framework)', { exact: true });
    const isced = page.getByLabel('Field of education (ISCED-F code)', { exact: true });
    await expect(eqf).toHaveAttribute('type', 'number');
    await expect(isced).toHaveAttribute('inputmode', 'numeric');
    await expectNoViolations(page, 'issue form with the format choice');

    // An EQF level outside 1–8 is named at its field; nothing is issued.
    await eqf.fill('9');
    await isced.fill('0613');
    await page.getByRole('button', { name: 'Sign and issue' }).click();
    await expect(page.getByText('Some fields are not right. Nothing was issued.')).toBeVisible();
    await expect(eqf).toHaveAttribute('aria-invalid', 'true');

    await eqf.fill('7');
    await page.getByRole('button', { name: 'Sign and issue' }).click();
    await expect(
      page.getByRole('heading', { name: 'Diploma issued to Lotte Janssens' }),
    ).toBeVisible();

    // Offer QRs use the space: at least 5 CSS px per module, whole in view after the long form.
    const qr = page.getByRole('img', { name: 'Credential offer for Lotte Janssens' });
    await expect(qr).toBeInViewport({ ratio: 1 });
    await expect(
      page.getByRole('heading', { name: 'Diploma issued to Lotte Janssens' }),
    ).toBeFocused();
    const side = Number((await qr.getAttribute('viewBox'))?.split(' ')[2]);
    const box = await qr.boundingBox();
    expect((box?.width ?? 0) / side).toBeGreaterThanOrEqual(5);

    const decoded = decodeFromText(await desk.offerText());
    if (!decoded.ok) throw new Error(`offer text: ${decoded.reason}`);
    const offer = parseCredentialOffer(decoded.value.payload);
    if (!offer.ok) throw new Error(offer.detail.message);
    expect(offer.value.format).toBe('jwt_vc_json');
    const verified = await verifyCredential(offer.value.credential, resolver);
    expect(verified.payload.sub).toMatch(/^did:key:zQ3s/);
    const vc = verified.payload.vc as {
      type: string[];
      credentialSubject: Record<string, unknown>;
      credentialStatus: { statusListIndex: string; statusListCredential: string };
    };
    expect(vc.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
    expect(vc.credentialSubject).toMatchObject({
      degree: 'Master of Science',
      institution: 'Universiteit Utrecht',
      graduate_name: 'Lotte Janssens',
      eqf_level: 7,
      isced_f: '0613',
    });
    const index = Number(vc.credentialStatus.statusListIndex);
    await page.getByRole('button', { name: 'Issue another credential' }).click();

    await desk.tab('Issued and revocation').click();
    const row = page.getByRole('row', { name: /Lotte Janssens/ });
    await expect(row).toContainText('W3C VC-JWT');
    await expect(row).toContainText('Valid');
    await desk.revoke('Lotte Janssens', 'awarded in error');
    await expect(row).toContainText(/Revoked on \d{1,2} \w+ 20\d\d/);
    await expect(row).toContainText('awarded in error');
    await page.getByRole('button', { name: 'Sign the status list' }).click();
    await expect(
      page.getByText(/^Also signed as a W3C Bitstring Status List credential/),
    ).toContainText(vc.credentialStatus.statusListCredential);
    const w3cList = await page
      .getByLabel('Status list (W3C BitstringStatusListCredential)')
      .inputValue();
    expect(await w3cBit(w3cList, index)).toBe(1);
    await expect(page.getByRole('button', { name: 'Download the W3C status list' })).toBeVisible();
    await expectNoViolations(page, 'issued log with the format and both status lists');

    // The desk publishes its profile (one QR, a file, the text) for verifier desks to import.
    const profile = await readIssuerProfile(await desk.publishProfile());
    expect(profile).toMatchObject({
      ok: true,
      value: {
        name: 'Universiteit Utrecht',
        types: ['urn:vouch:diploma:1', 'VouchDiploma'],
        statusLists: [expect.stringMatching(/^https?:\/\//)],
      },
    });
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Download Universiteit-Utrecht.vouch-issuer.jwt' })
      .click();
    expect((await download).suggestedFilename()).toBe('Universiteit-Utrecht.vouch-issuer.jwt');
  } finally {
    await deskContext.close();
    await walletContext.close();
  }
});
