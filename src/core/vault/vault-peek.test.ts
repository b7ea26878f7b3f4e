import { describe, expect, it } from 'vitest';
import { peekVault, peekVaultMeta } from './vault-peek.ts';

describe('peekVaultMeta (the lock screen, before unlock)', () => {
  it('Given no stored header, when peeked, then the vault is empty', () => {
    expect(peekVaultMeta(undefined)).toEqual({
      status: 'empty',
      passcodeKind: 'passphrase',
      deviceUnlock: false,
    });
  });

  it('Given a format-2 header with a PIN and a device wrap, when peeked, then the lock screen offers the keypad and the device', () => {
    const raw = { format: 2, passcodeKind: 'digits', device: { credentialId: new Uint8Array(16) } };
    expect(peekVaultMeta(raw)).toEqual({
      status: 'present',
      passcodeKind: 'digits',
      deviceUnlock: true,
    });
  });

  it.each([
    ['a format-1 header saying digits', { format: 1, passcodeKind: 'digits', device: {} }],
    ['an unknown passcode kind', { format: 2, passcodeKind: 'emoji' }],
    ['a header that is not an object', 'garbage'],
    ['null', null],
    ['a device that is not an object', { format: 2, device: 'yes' }],
  ])(
    'Given %s, when peeked, then a vault is present with the full keyboard and no device unlock (unlock judges it)',
    (_case, raw) => {
      expect(peekVaultMeta(raw)).toEqual({
        status: 'present',
        passcodeKind: 'passphrase',
        deviceUnlock: false,
      });
    },
  );

  it('Given a storage, when peeked, then its stored header is read once', async () => {
    let reads = 0;
    const storage = {
      readMeta: () => {
        reads += 1;
        return Promise.resolve({ format: 2, passcodeKind: 'digits' });
      },
    };
    expect((await peekVault(storage)).passcodeKind).toBe('digits');
    expect(reads).toBe(1);
  });
});
