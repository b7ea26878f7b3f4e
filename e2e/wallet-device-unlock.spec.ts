import { expect, type Page } from '@playwright/test';
import { dumpIndexedDb } from './support/idb-dump.ts';
import { PASSCODE, WalletPage } from './pages/wallet-page.ts';
import { test } from './support/seed.ts';

/**
 * Device unlock (WebAuthn PRF) and the Argon2id passcode KDF in real Chromium. WebAuthn needs a
 * domain as relying party id, not an IP address, so these pages load from localhost. Chromium's
 * CDP virtual authenticator stands in for the phone's fingerprint/face unlock.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
test.use({ baseURL: `http://localhost:${port}` });

type AuthenticatorOptions = { hasPrf: boolean };

async function addVirtualAuthenticator(page: Page, { hasPrf }: AuthenticatorOptions) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf,
    },
  });
  return cdp;
}

const deviceSection = (page: Page) =>
  page.getByRole('region', { name: 'Unlock with this device', exact: true });
const enableButton = (page: Page) =>
  page.getByRole('button', { name: 'Unlock with this device (fingerprint/face)' });
const passcodeUnlockButton = (page: Page) =>
  page.getByRole('button', { name: 'Unlock', exact: true });

test.describe('wallet: Argon2id passcode and unlock with this device (WebAuthn PRF)', () => {
  test('Given a platform authenticator with PRF, when device unlock is turned on in Settings, then the lock screen opens the wallet with the device, and the passcode still works', async ({
    page,
  }) => {
    await addVirtualAuthenticator(page, { hasPrf: true });
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    const did = await wallet.walletDid();

    // The new vault's header is Argon2id at 64 MiB; nothing else is in clear.
    const fresh = await dumpIndexedDb(page);
    expect(fresh.text).toContain('Argon2id');
    expect(fresh.text).toContain('65536');
    expect(fresh.text).not.toContain('PBKDF2');

    await wallet.openSettings();
    const section = deviceSection(page);
    await expect(section).toBeVisible();
    // A wrong passcode is refused before the device is asked.
    await section.getByLabel('Your passcode, to confirm it is you').fill('111111');
    await enableButton(page).click();
    await expect(
      section.getByText('The passcode is not right. Nothing was changed.'),
    ).toBeVisible();

    await section.getByLabel('Your passcode, to confirm it is you').fill(PASSCODE);
    await enableButton(page).click();
    await expect(
      section.getByText('Done: next time you can unlock with this device.'),
    ).toBeVisible();
    await expect(section.getByText('Unlock with this device is on.')).toBeVisible();
    const withDevice = await dumpIndexedDb(page);
    expect(withDevice.text).toContain('device');
    expect(withDevice.text).toContain('prfSalt');

    await page.getByRole('button', { name: 'Back to wallet' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await wallet.expectLocked();
    await page.getByRole('button', { name: 'Unlock with this device (fingerprint/face)' }).click();
    await wallet.expectHome();
    expect(await wallet.walletDid()).toBe(did);

    // The passcode keeps working beside it; time the Argon2id unlock (64 MiB, t=2) in Chromium.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await wallet.expectLocked();
    await wallet.unlockField('pin').fill(PASSCODE);
    const started = Date.now();
    await passcodeUnlockButton(page).click();
    await wallet.expectHome();
    const unlockMs = Date.now() - started;
    test.info().annotations.push({ type: 'argon2id-unlock-ms', description: String(unlockMs) });
    console.log(`Argon2id passcode unlock in Chromium: ${unlockMs} ms`);
    expect(unlockMs).toBeLessThan(5_000);

    // Turned off: the lock screen no longer offers it.
    await wallet.openSettings();
    await section.getByRole('button', { name: 'Turn off unlock with this device' }).click();
    await expect(section.getByText('Unlock with this device is off.')).toBeVisible();
    await page.getByRole('button', { name: 'Back to wallet' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await wallet.expectLocked();
    await expect(wallet.unlockField('pin')).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Unlock with this device (fingerprint/face)' }),
    ).toHaveCount(0);
  });

  test('Given a platform authenticator without PRF, when device unlock is tried, then Settings says plainly it is not possible here and offers nothing broken', async ({
    page,
  }) => {
    await addVirtualAuthenticator(page, { hasPrf: false });
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    const before = await dumpIndexedDb(page);
    await wallet.openSettings();
    const section = deviceSection(page);
    await section.getByLabel('Your passcode, to confirm it is you').fill(PASSCODE);
    await enableButton(page).click();
    await expect(
      section.getByText(/cannot keep a key for Vouch \(it lacks the WebAuthn “PRF” extension\)/),
    ).toBeVisible();
    await expect(enableButton(page)).toHaveCount(0);
    // Nothing was stored: the header has no device wrap.
    const after = await dumpIndexedDb(page);
    expect(after.text).not.toContain('prfSalt');
    expect(after.text).toBe(before.text);
  });

  test('Given no platform authenticator, when Settings opens, then it says so in the chosen language and offers no device unlock', async ({
    page,
  }) => {
    const wallet = await new WalletPage(page).open();
    await wallet.create();
    await wallet.openSettings();
    await expect(
      deviceSection(page).getByText(
        'This device has no fingerprint, face or screen-lock unlock that the browser can use. Keep using your passcode.',
      ),
    ).toBeVisible();
    await expect(enableButton(page)).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('nl');
    await expect(
      page.getByText(/Dit toestel heeft geen vingerafdruk, gezichtsherkenning/),
    ).toBeVisible();
  });
});
