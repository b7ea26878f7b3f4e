import { describe, expect, it } from 'vitest';
import { describeKey, mnemonicToSeed } from '../keys/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage, type VaultDeps } from '../vault/index.ts';
import {
  createHolderWallet,
  DEFAULT_SETTINGS,
  readRecoveryWords,
  saveWalletSettings,
  unlockHolderWallet,
} from './holder-wallet.ts';

// BIP39 vector (trezor/python-mnemonic vectors.json, English, 256-bit entropy 0x00…00).
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
// BIP39 vector with entropy 0x7f7f…7f (256 bits).
const LEGAL_WINNER =
  'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title';
const PASSCODE = '804193';

function freshDeps(): VaultDeps {
  return {
    storage: createMemoryVaultStorage(),
    crypto: createFakeVaultCrypto(),
    now: () => new Date('2026-11-21T10:00:00Z'),
  };
}

describe('holder wallet', () => {
  it('Given 24 valid words, when a wallet is created, then its identity is the did:key of the BIP32 wallet root of those words', async () => {
    const deps = freshDeps();
    const created = await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: PASSCODE,
      origin: 'created',
    });
    if (!created.ok) throw new Error(`expected a wallet, got ${created.reason}`);
    const expected = describeKey(await mnemonicToSeed(ABANDON_ART, ''));
    expect(created.value.profile).toEqual({
      walletDid: expected.did,
      rootXpub: expected.xpub,
      createdAt: '2026-11-21T10:00:00.000Z',
      restored: false,
    });
    expect(created.value.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('Given the same words with a BIP39 passphrase, when restored, then the identity differs from the one without it', async () => {
    const plain = await createHolderWallet(freshDeps(), {
      mnemonic: LEGAL_WINNER,
      passcode: PASSCODE,
      origin: 'restored',
    });
    const withPassphrase = await createHolderWallet(freshDeps(), {
      mnemonic: LEGAL_WINNER,
      passphrase: 'TREZOR',
      passcode: PASSCODE,
      origin: 'restored',
    });
    if (!plain.ok || !withPassphrase.ok) throw new Error('expected wallets');
    expect(plain.value.profile.walletDid).not.toBe(withPassphrase.value.profile.walletDid);
    expect(withPassphrase.value.profile.walletDid).toBe(
      describeKey(await mnemonicToSeed(LEGAL_WINNER, 'TREZOR')).did,
    );
    expect(plain.value.profile.restored).toBe(true);
  });

  it('Given a created wallet, when it is locked and unlocked with the passcode, then profile, settings and recovery words come back', async () => {
    const deps = freshDeps();
    const created = await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: PASSCODE,
      origin: 'created',
    });
    if (!created.ok) throw new Error('expected a wallet');
    const saved = await saveWalletSettings(created.value, { autoLockMinutes: 15 });
    if (!saved.ok) throw new Error('expected saved settings');
    created.value.vault.lock();

    const unlocked = await unlockHolderWallet(deps, PASSCODE);
    if (!unlocked.ok) throw new Error(`expected unlock, got ${unlocked.reason}`);
    expect(unlocked.value.profile).toEqual(created.value.profile);
    expect(unlocked.value.settings).toEqual({ autoLockMinutes: 15 });
    expect(await readRecoveryWords(unlocked.value)).toBe(ABANDON_ART);
  });

  it('Given a created wallet, when unlocked with a wrong passcode, then it is refused as wrong-passcode', async () => {
    const deps = freshDeps();
    await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: PASSCODE,
      origin: 'created',
    });
    expect(await unlockHolderWallet(deps, '000000')).toEqual({
      ok: false,
      reason: 'wrong-passcode',
    });
  });

  it('Given an empty vault, when unlocking, then it says there is no wallet', async () => {
    expect(await unlockHolderWallet(freshDeps(), PASSCODE)).toEqual({
      ok: false,
      reason: 'no-vault',
    });
  });

  it.each([
    ['a bad checksum', `${'abandon '.repeat(23)}abandon`, 'bad-checksum'],
    ['an unknown word', `${'abandon '.repeat(22)}abandonx art`, 'unknown-word'],
    ['12 words', `${'abandon '.repeat(11)}about`, 'wrong-length'],
  ])(
    'Given %s, when creating, then it is refused and nothing is stored',
    async (_case, mnemonic, reason) => {
      const deps = freshDeps();
      const result = await createHolderWallet(deps, {
        mnemonic,
        passcode: PASSCODE,
        origin: 'restored',
      });
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.reason).toBe(reason);
      expect(await deps.storage.readMeta()).toBeUndefined();
    },
  );

  it('Given a 5-digit passcode, when creating, then it is refused and nothing is stored', async () => {
    const deps = freshDeps();
    const result = await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: '12345',
      origin: 'created',
    });
    expect(result).toEqual({ ok: false, reason: 'too-short-digits' });
    expect(await deps.storage.readMeta()).toBeUndefined();
  });

  it('Given an existing wallet, when another is created in the same storage, then it is refused as exists', async () => {
    const deps = freshDeps();
    await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: PASSCODE,
      origin: 'created',
    });
    const second = await createHolderWallet(deps, {
      mnemonic: LEGAL_WINNER,
      passcode: PASSCODE,
      origin: 'created',
    });
    expect(second).toEqual({ ok: false, reason: 'exists' });
  });

  it('Given an out-of-range auto-lock time, when saved, then it is refused and the old one stays', async () => {
    const deps = freshDeps();
    const created = await createHolderWallet(deps, {
      mnemonic: ABANDON_ART,
      passcode: PASSCODE,
      origin: 'created',
    });
    if (!created.ok) throw new Error('expected a wallet');
    expect(await saveWalletSettings(created.value, { autoLockMinutes: 0 })).toEqual({
      ok: false,
      reason: 'invalid-settings',
    });
    created.value.vault.lock();
    const unlocked = await unlockHolderWallet(deps, PASSCODE);
    expect(unlocked.ok && unlocked.value.settings).toEqual(DEFAULT_SETTINGS);
  });
});
