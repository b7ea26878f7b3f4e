/**
 * Where an unlocked wallet or desk lives: outside React and zustand, since it holds the vault's
 * data-key handle, which must never reach UI state, devtools or a log. Ending the session locks the
 * vault and makes the page forget every signing key it imported (issue 8.1), so after a lock
 * nothing on the page can sign without the passcode.
 */
import { forgetSigningKeys } from '../signing-keys.ts';

export interface SessionSlot<T> {
  set(session: T): void;
  get(): T | undefined;
  /** Lock the vault, drop the session and every cached signing key. Safe to call when locked. */
  end(): void;
}

export function createSessionSlot<
  T extends { readonly vault: { lock(): void } },
>(): SessionSlot<T> {
  let current: T | undefined;
  return {
    set(session) {
      current = session;
    },
    get: () => current,
    end() {
      try {
        current?.vault.lock();
      } finally {
        current = undefined;
        forgetSigningKeys();
      }
    },
  };
}
