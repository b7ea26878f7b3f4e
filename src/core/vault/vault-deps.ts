import type { VaultCrypto, VaultStorage } from './ports.ts';

/** What the vault needs from its platform. `now` defaults to the system clock. */
export interface VaultDeps {
  readonly storage: VaultStorage;
  readonly crypto: VaultCrypto;
  readonly now?: () => Date;
}
