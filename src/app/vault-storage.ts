/**
 * Each role's vault storage (IndexedDB), one connection per database for the page. Light on
 * purpose: the lock screens read the vault's header through it before any crypto or zod is loaded
 * (issue 12); composition.ts builds the full dependencies on top of the same storages.
 */
import type { VaultStorage } from '../core/vault/index.ts';
import { openIdbVaultStorage } from '../platform/idb/index.ts';

let wallet: VaultStorage | undefined;
let desk: VaultStorage | undefined;
let verifier: VaultStorage | undefined;

/** The citizen's wallet: IndexedDB database `vouch`. */
export function walletVaultStorage(): VaultStorage {
  wallet ??= openIdbVaultStorage();
  return wallet;
}

/** The issuer desk: a database of its own (`vouch-issuer`). */
export function deskVaultStorage(): VaultStorage {
  desk ??= openIdbVaultStorage({ name: 'vouch-issuer' });
  return desk;
}

/** The verifier desk: a database of its own (`vouch-verifier`). */
export function verifierVaultStorage(): VaultStorage {
  verifier ??= openIdbVaultStorage({ name: 'vouch-verifier' });
  return verifier;
}
