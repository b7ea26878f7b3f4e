/**
 * Asks the browser to keep this origin's storage when space runs low (StorageManager.persist).
 * Without it, a browser may evict IndexedDB under storage pressure — and the wallet with it.
 */
export type StoragePersistence = 'persisted' | 'best-effort' | 'unsupported';

export async function readStoragePersistence(): Promise<StoragePersistence> {
  if (!navigator.storage?.persisted) return 'unsupported';
  try {
    return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

export async function requestStoragePersistence(): Promise<StoragePersistence> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}
