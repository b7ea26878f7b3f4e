import type { Page } from '@playwright/test';

/**
 * Reads every IndexedDB database of the page's origin, raw, and renders all of it as text:
 * strings as they are, byte arrays decoded as UTF-8 and as Latin-1, numbers and keys too. If
 * anything were stored in clear, it would show up in this text.
 *
 * `text` is everything; `content` leaves out the structure (store names, keys, object property
 * names and record ids such as "secret" or "vault", which are public by design: docs/vault.md), so
 * that a scan for recovery words is not tripped by a field name that happens to be a BIP39 word.
 */
export async function dumpIndexedDb(
  page: Page,
): Promise<{ databases: string[]; text: string; content: string }> {
  return page.evaluate(async () => {
    const pieces: string[] = [];
    const contentPieces: string[] = [];
    const render = (value: unknown, structural = false): void => {
      if (value === null || value === undefined) return;
      const emit = (text: string) => {
        pieces.push(text);
        if (!structural) contentPieces.push(text);
      };
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        emit(String(value));
      } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        emit(new TextDecoder('utf-8').decode(bytes));
        emit(new TextDecoder('latin1').decode(bytes));
      } else if (Array.isArray(value)) {
        value.forEach((inner) => render(inner, structural));
      } else if (typeof value === 'object') {
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          pieces.push(key);
          render(inner, structural || key === 'id');
        }
      }
    };
    const infos = await indexedDB.databases();
    const names = infos.map((info) => info.name ?? '').filter(Boolean);
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const tx = db.transaction(storeName, 'readonly');
          const store = tx.objectStore(storeName);
          const keysRequest = store.getAllKeys();
          const valuesRequest = store.getAll();
          tx.oncomplete = () => resolve([keysRequest.result, valuesRequest.result]);
          tx.onerror = () => reject(tx.error);
        });
        pieces.push(`store:${storeName}`);
        keys.forEach((key) => render(key, true));
        values.forEach((value) => render(value));
      }
      db.close();
    }
    return { databases: names, text: pieces.join('\n'), content: contentPieces.join('\n') };
  });
}
