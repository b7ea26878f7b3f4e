/** Thrown when an UnlockedVault is used after lock(): a bug in the caller, not an expected failure. */
export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor(operation: string) {
    super(`Vault is locked: ${operation}() was called after lock(); unlock the vault again first`);
  }
}

/**
 * Thrown by withSecret() when the secret record no longer decrypts although unlockVault() checked
 * it: storage changed under an open session (another tab erased or replaced the wallet).
 * Lock and unlock again; unlockVault then reports 'no-vault' or 'corrupt' as a result.
 */
export class VaultCorruptError extends Error {
  override readonly name = 'VaultCorruptError';
  constructor(recordId: string) {
    super(`Vault record ${JSON.stringify(recordId)} is missing or does not decrypt`);
  }
}
