/**
 * The one file that wires platform implementations into core ports for the browser.
 */
import type { VaultDeps } from '../core/vault/index.ts';
import { webCryptoVaultCrypto } from '../platform/crypto/index.ts';
import { openIdbVaultStorage } from '../platform/idb/index.ts';

let deps: VaultDeps | undefined;

export function walletVaultDeps(): VaultDeps {
  deps ??= { storage: openIdbVaultStorage(), crypto: webCryptoVaultCrypto() };
  return deps;
}
