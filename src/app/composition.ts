/**
 * The one file that wires platform implementations into core ports for the browser; the UI reaches
 * platform services only through here.
 */
import type { VaultDeps } from '../core/vault/index.ts';
import { webCryptoVaultCrypto } from '../platform/crypto/index.ts';
import { openIdbVaultStorage } from '../platform/idb/index.ts';

export {
  readStoragePersistence,
  requestStoragePersistence,
  type StoragePersistence,
} from '../platform/browser/storage-persistence.ts';

let deps: VaultDeps | undefined;

export function walletVaultDeps(): VaultDeps {
  deps ??= { storage: openIdbVaultStorage(), crypto: webCryptoVaultCrypto() };
  return deps;
}
