import type { KdfParams, KeyHandle, PasscodeKind, VaultCrypto } from './ports.ts';

/**
 * Passcodes are normalised to Unicode NFC before the KDF, so the same passcode typed on keyboards
 * that compose differently (é as one code point or as e + ◌́) opens the vault.
 * Strength rules (length, digits only or not) belong to the UI; core only rejects a non-string or
 * empty passcode, which can only be a bug.
 */
export function assertPasscode(passcode: unknown, field = 'passcode'): asserts passcode is string {
  if (typeof passcode !== 'string' || passcode.length === 0) {
    throw new TypeError(
      `"${field}" expected a non-empty string, got ${typeof passcode === 'string' ? 'an empty string' : typeof passcode}`,
    );
  }
}

/** Derive the key-encryption key for `passcode` under `kdf`. */
export function deriveKek(
  crypto: VaultCrypto,
  passcode: string,
  kdf: KdfParams,
): Promise<KeyHandle> {
  assertPasscode(passcode);
  return crypto.deriveKeyEncryptionKey(passcode.normalize('NFC'), kdf);
}

/** 'digits' for a passcode of ASCII digits only (a PIN), else 'passphrase'. */
export function passcodeKind(passcode: string): PasscodeKind {
  return /^[0-9]*$/.test(passcode) ? 'digits' : 'passphrase';
}
