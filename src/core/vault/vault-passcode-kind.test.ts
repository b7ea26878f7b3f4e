/**
 * The passcode's kind (digits only or not) kept in clear in the header, so the lock screen brings
 * up the numeric keypad for a PIN. Fake crypto: the logic is what is tested here.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceKeyAuthenticator, VaultMeta } from './ports.ts';
import { passcodeKind } from './passcode.ts';
import { createFakeVaultCrypto } from './vault-crypto.fake.ts';
import { createMemoryVaultStorage, type MemoryVaultStorage } from './vault-storage.memory.ts';
import { checkVaultMeta } from './vault-meta.ts';
import { createVault, readPasscodeKind, readVaultStatus, unlockVault } from './vault.ts';
import { ok } from '../result.ts';

const PIN = '482916';
const PASSPHRASE = 'correct horse battery staple';
const SECRET = Uint8Array.from({ length: 64 }, (_, i) => (i * 13 + 5) & 0xff);

function setup() {
  const storage = createMemoryVaultStorage();
  return { storage, deps: { storage, crypto: createFakeVaultCrypto() } };
}

/** The same vault with its header replaced (old or tampered data), on the same crypto. */
function withMeta(
  { storage, deps }: ReturnType<typeof setup>,
  edit: (meta: Record<string, unknown>) => Record<string, unknown>,
) {
  const { meta, records } = storage.snapshot();
  const next = createMemoryVaultStorage({
    meta: edit({ ...(meta as Record<string, unknown>) }),
    records,
  });
  return { storage: next, deps: { ...deps, storage: next } };
}

const metaOf = (storage: MemoryVaultStorage) => storage.snapshot().meta as VaultMeta;

/** An authenticator whose PRF always answers the same 32 bytes. */
const authenticator: DeviceKeyAuthenticator = {
  register: async () =>
    ok({ credentialId: new Uint8Array(16).fill(7), prfOutput: new Uint8Array(32).fill(9) }),
  evaluate: async () => ok(new Uint8Array(32).fill(9)),
};

describe('passcodeKind', () => {
  it.each([
    ['482916', 'digits'],
    ['0000000000000000', 'digits'],
    ['48291a', 'passphrase'],
    ['４８２９１６', 'passphrase'], // full-width digits are not what a numeric keypad types
    ['482 916', 'passphrase'],
    [PASSPHRASE, 'passphrase'],
  ] as const)('Given %j, then its kind is %s', (passcode, kind) => {
    expect(passcodeKind(passcode)).toBe(kind);
  });
});

describe('the passcode kind in the vault header', () => {
  it('Given no vault, then the kind read is passphrase (the full keyboard)', async () => {
    const { deps } = setup();
    expect(await readPasscodeKind(deps)).toBe('passphrase');
  });

  it('Given a vault created with a 6-digit PIN, then the header says digits, and never holds the PIN itself', async () => {
    const { deps, storage } = setup();
    const created = await createVault(deps, { passcode: PIN, secret: SECRET });
    expect(created.ok).toBe(true);
    expect(metaOf(storage)).toMatchObject({ format: 2, passcodeKind: 'digits' });
    expect(JSON.stringify(metaOf(storage))).not.toContain(PIN);
    expect(await readPasscodeKind(deps)).toBe('digits');
  });

  it('Given a vault created with a passphrase, then the kind read is passphrase', async () => {
    const { deps } = setup();
    await createVault(deps, { passcode: PASSPHRASE, secret: SECRET });
    expect(await readPasscodeKind(deps)).toBe('passphrase');
  });

  it('Given a PIN vault, when the passcode is changed to a passphrase and back, then the kind follows each change', async () => {
    const { deps } = setup();
    const created = await createVault(deps, { passcode: PIN, secret: SECRET });
    if (!created.ok) throw new Error(created.reason);
    expect((await created.value.changePasscode(PIN, PASSPHRASE)).ok).toBe(true);
    expect(await readPasscodeKind(deps)).toBe('passphrase');
    expect((await created.value.changePasscode(PASSPHRASE, '135792')).ok).toBe(true);
    expect(await readPasscodeKind(deps)).toBe('digits');
  });

  it('Given a PIN vault, when device unlock is turned on and off, then the kind stays digits', async () => {
    const { deps, storage } = setup();
    const created = await createVault(deps, { passcode: PIN, secret: SECRET });
    if (!created.ok) throw new Error(created.reason);
    expect((await created.value.enableDeviceUnlock(PIN, authenticator)).ok).toBe(true);
    expect(metaOf(storage)).toMatchObject({ passcodeKind: 'digits' });
    await created.value.disableDeviceUnlock();
    expect(metaOf(storage)).toMatchObject({ passcodeKind: 'digits' });
    expect(await readPasscodeKind(deps)).toBe('digits');
  });

  it('Given a vault written before the kind was kept, then it unlocks and the kind read is passphrase', async () => {
    const first = setup();
    await createVault(first.deps, { passcode: PIN, secret: SECRET });
    const { deps } = withMeta(first, ({ passcodeKind: _dropped, ...meta }) => meta);
    expect(await readPasscodeKind(deps)).toBe('passphrase');
    expect((await unlockVault(deps, PIN)).ok).toBe(true);
  });

  it('Given a PBKDF2 (format 1) vault with a PIN, when it is unlocked and migrated, then the new header says digits', async () => {
    const { deps, storage } = setup();
    await createVault(deps, {
      passcode: PIN,
      secret: SECRET,
      kdf: { name: 'PBKDF2', iterations: 600_000 },
    });
    expect(await readPasscodeKind(deps)).toBe('passphrase');
    expect((await unlockVault(deps, PIN)).ok).toBe(true);
    expect(metaOf(storage)).toMatchObject({ format: 2, passcodeKind: 'digits' });
  });

  it.each([['pin'], [''], [42], [null], [{ kind: 'digits' }]])(
    'Given a tampered kind %j, then the header still reads (the kind is dropped) and the vault still opens',
    async (tampered) => {
      const first = setup();
      await createVault(first.deps, { passcode: PIN, secret: SECRET });
      const { deps, storage } = withMeta(first, (meta) => ({ ...meta, passcodeKind: tampered }));
      const checked = checkVaultMeta(metaOf(storage));
      expect(checked.ok).toBe(true);
      expect(checked.ok && checked.value.format === 2 && checked.value.passcodeKind).toBe(
        undefined,
      );
      expect(await readVaultStatus(deps)).toEqual(ok('locked'));
      expect(await readPasscodeKind(deps)).toBe('passphrase');
      expect((await unlockVault(deps, PIN)).ok).toBe(true);
    },
  );
});
