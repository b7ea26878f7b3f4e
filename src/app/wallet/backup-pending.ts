/**
 * What the restore path holds between its screens, without loading core: the backup file chosen
 * beside the words (a File handle, nothing read from it yet), and the state of the restore that
 * the home screen shows once the wallet is open.
 */
import { useSyncExternalStore } from 'react';
import type { MessageKey } from '../i18n/index.ts';

let heldFile: File | null = null;

/** The backup file chosen on the words screen (null: restore the keys only). */
export function holdBackupFile(file: File | null): void {
  heldFile = file;
}

export function heldBackupFile(): File | null {
  return heldFile;
}

/** What the home screen says about a restore running or just done. */
export type RestoreStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'restoring' }
  | { readonly state: 'done'; readonly count: number; readonly createdAt: string }
  | { readonly state: 'failed'; readonly key: MessageKey };

let restoreStatus: RestoreStatus = { state: 'idle' };
const listeners = new Set<() => void>();

export function setRestoreStatus(next: RestoreStatus): void {
  restoreStatus = next;
  for (const listener of listeners) listener();
}

export function useRestoreStatus(): RestoreStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => restoreStatus,
  );
}
