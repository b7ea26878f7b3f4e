/**
 * Device unlock: a second wrap of the data key under HKDF(WebAuthn PRF output). A fake
 * authenticator stands in for the platform one (PRF = HMAC under a per-credential secret, as
 * CTAP2's hmac-secret is); the e2e test e2e/wallet-device-unlock.spec.ts drives the real WebAuthn.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { failed, ok } from '../result.ts';
import type { DeviceKeyAuthenticator, DeviceKeyProblem, VaultMeta } from './ports.ts';
import { createFakeVaultCrypto } from './vault-crypto.fake.ts';
import { createMemoryVaultStorage } from './vault-storage.memory.ts';
import { createVault, hasDeviceUnlock, unlockVault, unlockVaultWithDevice } from './vault.ts';

const PASSCODE = '482916';
const SECRET = Uint8Array.from({ length: 64 }, (_, i) => (i * 31 + 5) & 0xff);

function fakeAuthenticator(options: { fail?: DeviceKeyProblem } = {}) {
  const secrets = new Map<string, Uint8Array>();
  const calls = { register: 0, evaluate: 0 };
  const outputs: Uint8Array[] = [];
  const prf = (credentialId: Uint8Array, salt: Uint8Array) => {
    const secret = secrets.get(bytesToHex(credentialId));
    if (!secret) return undefined;
    const output = hmac(sha256, secret, salt);
    outputs.push(output);
    return output;
  };
  const authenticator: DeviceKeyAuthenticator = {
    async register({ salt }) {
      calls.register++;
      if (options.fail) return failed(options.fail);
      const credentialId = randomBytes(32);
      secrets.set(bytesToHex(credentialId), randomBytes(32));
      return ok({ credentialId, prfOutput: prf(credentialId, salt)! });
    },
    async evaluate({ credentialId, salt }) {
      calls.evaluate++;
      if (options.fail) return failed(options.fail);
      const output = prf(credentialId, salt);
      return output ? ok(output) : failed('failed');
    },
  };
  return {
    authenticator,
    calls,
    outputs,
    /** The same credential ids, other secrets: an authenticator that was reset or replaced. */
    reset: () => {
      for (const id of secrets.keys()) secrets.set(id, randomBytes(32));
    },
  };
}

async function vaultWithDevice() {
  const storage = createMemoryVaultStorage();
  const deps = { storage, crypto: createFakeVaultCrypto() };
  const created = await createVault(deps, { passcode: PASSCODE, secret: SECRET });
  if (!created.ok) throw new Error(created.reason);
  const device = fakeAuthenticator();
  const enabled = await created.value.enableDeviceUnlock(PASSCODE, device.authenticator);
  if (!enabled.ok) throw new Error(enabled.reason);
  return { storage, deps, vault: created.value, device };
}

describe('enableDeviceUnlock', () => {
  it('Given an unlocked vault and its passcode, when device unlock is enabled, then the header gains a device wrap, records are untouched, and both the device and the passcode open the same secret', async () => {
    const storage = createMemoryVaultStorage();
    const deps = { storage, crypto: createFakeVaultCrypto() };
    const created = await createVault(deps, { passcode: PASSCODE, secret: SECRET });
    if (!created.ok) throw new Error(created.reason);
    await created.value.writeRecords([{ id: 'credential:a', value: { n: 1 } }]);
    const before = storage.snapshot();
    const device = fakeAuthenticator();

    expect(await created.value.enableDeviceUnlock(PASSCODE, device.authenticator)).toEqual(
      ok(undefined),
    );

    const after = storage.snapshot();
    expect(after.records).toEqual(before.records);
    const meta = after.meta as VaultMeta;
    expect(meta.format).toBe(2);
    if (meta.format !== 2) return;
    expect(meta.kdf).toEqual((before.meta as VaultMeta).kdf); // the passcode wrap is kept
    expect(meta.device?.prfSalt).toHaveLength(32);
    expect(created.value.deviceUnlock).toBe(true);
    expect(await hasDeviceUnlock(deps)).toBe(true);
    // The PRF output handed to the vault was wiped after use.
    expect(device.outputs.every((output) => output.every((byte) => byte === 0))).toBe(true);

    const byDevice = await unlockVaultWithDevice(deps, device.authenticator);
    if (!byDevice.ok) throw new Error(byDevice.reason);
    expect(await byDevice.value.withSecret((s) => s.slice())).toEqual(SECRET);
    const byPasscode = await unlockVault(deps, PASSCODE);
    if (!byPasscode.ok) throw new Error(byPasscode.reason);
    expect(await byPasscode.value.withSecret((s) => s.slice())).toEqual(SECRET);
  });

  it('Given a wrong passcode, when device unlock is enabled, then it is wrong-passcode, no credential is created and nothing is written', async () => {
    const storage = createMemoryVaultStorage();
    const deps = { storage, crypto: createFakeVaultCrypto() };
    const created = await createVault(deps, { passcode: PASSCODE, secret: SECRET });
    if (!created.ok) throw new Error(created.reason);
    const before = storage.snapshot();
    const device = fakeAuthenticator();
    expect(await created.value.enableDeviceUnlock('000000', device.authenticator)).toEqual(
      failed('wrong-passcode'),
    );
    expect(device.calls.register).toBe(0);
    expect(storage.snapshot()).toEqual(before);
  });

  it.each(['prf-unsupported', 'cancelled', 'failed'] as const)(
    'Given an authenticator that answers %s, when device unlock is enabled, then that reason comes back and nothing is written',
    async (reason) => {
      const storage = createMemoryVaultStorage();
      const deps = { storage, crypto: createFakeVaultCrypto() };
      const created = await createVault(deps, { passcode: PASSCODE, secret: SECRET });
      if (!created.ok) throw new Error(created.reason);
      const before = storage.snapshot();
      const device = fakeAuthenticator({ fail: reason });
      expect(await created.value.enableDeviceUnlock(PASSCODE, device.authenticator)).toEqual(
        failed(reason),
      );
      expect(storage.snapshot()).toEqual(before);
      expect(created.value.deviceUnlock).toBe(false);
    },
  );
});

describe('unlockVaultWithDevice', () => {
  it('Given a vault without a device wrap, when unlocking with the device, then it is no-device-unlock and the authenticator is not asked', async () => {
    const storage = createMemoryVaultStorage();
    const deps = { storage, crypto: createFakeVaultCrypto() };
    await createVault(deps, { passcode: PASSCODE, secret: SECRET });
    const device = fakeAuthenticator();
    expect(await unlockVaultWithDevice(deps, device.authenticator)).toEqual(
      failed('no-device-unlock'),
    );
    expect(device.calls.evaluate).toBe(0);
    expect(await hasDeviceUnlock(deps)).toBe(false);
  });

  it('Given an authenticator whose secret changed, when unlocking with the device, then it is device-rejected', async () => {
    const { deps, device } = await vaultWithDevice();
    device.reset();
    expect(await unlockVaultWithDevice(deps, device.authenticator)).toEqual(
      failed('device-rejected'),
    );
  });

  it('Given the credential id edited in the stored header, when unlocking with the device, then it does not open (the id is bound to the wrap)', async () => {
    const { storage, deps, device } = await vaultWithDevice();
    const meta = storage.snapshot().meta as VaultMeta;
    if (meta.format !== 2 || !meta.device) throw new Error('no device wrap');
    // Another credential of the same authenticator, whose PRF the attacker could ask for.
    const other = await device.authenticator.register({ salt: meta.device.prfSalt });
    if (!other.ok) throw new Error(other.reason);
    const edited = { ...meta, device: { ...meta.device, credentialId: other.value.credentialId } };
    const t = createMemoryVaultStorage({ meta: edited, records: storage.snapshot().records });
    expect(await unlockVaultWithDevice({ ...deps, storage: t }, device.authenticator)).toEqual(
      failed('device-rejected'),
    );
  });

  it('Given the user cancels the prompt, when unlocking with the device, then it is cancelled', async () => {
    const { deps } = await vaultWithDevice();
    expect(
      await unlockVaultWithDevice(deps, fakeAuthenticator({ fail: 'cancelled' }).authenticator),
    ).toEqual(failed('cancelled'));
  });

  it('Given device unlock is on, when the passcode is changed, then the device wrap stays and still opens the vault', async () => {
    const { deps, vault, device } = await vaultWithDevice();
    expect((await vault.changePasscode(PASSCODE, 'another passphrase')).ok).toBe(true);
    expect((await unlockVaultWithDevice(deps, device.authenticator)).ok).toBe(true);
    expect((await unlockVault(deps, 'another passphrase')).ok).toBe(true);
  });

  it('Given device unlock is on, when it is turned off, then the device wrap is gone and only the passcode opens the vault', async () => {
    const { storage, deps, vault, device } = await vaultWithDevice();
    await vault.disableDeviceUnlock();
    expect(vault.deviceUnlock).toBe(false);
    expect((storage.snapshot().meta as { device?: unknown }).device).toBeUndefined();
    expect(await unlockVaultWithDevice(deps, device.authenticator)).toEqual(
      failed('no-device-unlock'),
    );
    expect((await unlockVault(deps, PASSCODE)).ok).toBe(true);
  });
});
