/**
 * The unlocked wallet lives here, outside React and zustand: it holds the vault's data-key handle,
 * which must never reach UI state, devtools or a log. Locking drops it.
 */
import type { HolderWallet } from '../../core/holder/index.ts';

let current: HolderWallet | undefined;

export function setSession(wallet: HolderWallet): void {
  current = wallet;
}

export function getSession(): HolderWallet | undefined {
  return current;
}

export function endSession(): void {
  current?.vault.lock();
  current = undefined;
}
