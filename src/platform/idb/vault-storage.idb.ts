/**
 * VaultStorage over IndexedDB (idb). One connection, opened lazily and reopened after erase() or
 * after another tab asked for a version change. Values are returned raw: core validates them.
 */
import { deleteDB, openDB } from 'idb';
import type {
  RecordBatchOptions,
  StorageWrite,
  VaultMeta,
  VaultStorage,
} from '../../core/vault/index.ts';
import {
  DB_VERSION,
  DEFAULT_DB_NAME,
  META_KEY,
  upgradeVouchDb,
  type VouchDb,
  type VouchDbSchema,
} from './vouch-db-schema.ts';

export interface IdbVaultStorageOptions {
  /** Database name; defaults to 'vouch'. Tests and a second wallet use another. */
  readonly name?: string;
  /**
   * Called when an upgrade or erase waits for another tab that keeps the database open (an old
   * version of the app without a versionchange handler). The app can ask the user to close it;
   * the operation resumes by itself once that tab lets go.
   */
  readonly onBlocked?: () => void;
}

export function openIdbVaultStorage(options: IdbVaultStorageOptions = {}): VaultStorage {
  const name = options.name ?? DEFAULT_DB_NAME;
  let connection: Promise<VouchDb> | undefined;

  const open = (): Promise<VouchDb> => {
    if (connection) return connection;
    const opening: Promise<VouchDb> = openDB<VouchDbSchema>(name, DB_VERSION, {
      upgrade: (db, oldVersion, newVersion, tx) =>
        upgradeVouchDb(db, oldVersion, newVersion ?? DB_VERSION, tx),
      blocked: () => options.onBlocked?.(),
      // Another tab wants to upgrade or delete the database: let go now, reopen on next use.
      // (close() lets transactions already running finish first.)
      blocking: () => {
        if (connection === opening) connection = undefined;
        void opening.then((db) => db.close());
      },
      // The browser closed the connection (storage cleared, disk error): reopen on next use.
      terminated: () => {
        if (connection === opening) connection = undefined;
      },
    });
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = undefined;
    });
    return opening;
  };

  return {
    async readMeta() {
      return (await open()).get('meta', META_KEY);
    },

    async readRecord(id: string) {
      return (await open()).get('records', id);
    },

    async listRecordIds(prefix: string) {
      // One getAllKeys over the prefix's key range (not a cursor step per key).
      return (await open()).getAllKeys('records', prefixRange(prefix));
    },

    async readRecordBatch(prefix: string, { after, limit }: RecordBatchOptions) {
      return (await open()).getAll('records', prefixRange(prefix, after), limit);
    },

    async commit(writes: readonly StorageWrite[], meta?: VaultMeta) {
      const db = await open();
      const tx = db.transaction(['meta', 'records'], 'readwrite');
      const records = tx.objectStore('records');
      const pending: Array<Promise<unknown>> = [];
      try {
        for (const write of writes) {
          pending.push('put' in write ? records.put(write.put) : records.delete(write.delete));
        }
        if (meta !== undefined) pending.push(tx.objectStore('meta').put(meta, META_KEY));
      } catch (error) {
        // A value that cannot be cloned throws synchronously: undo the writes already queued.
        tx.abort();
        await Promise.allSettled([...pending, tx.done]);
        throw error;
      }
      const failure = (await Promise.allSettled([...pending, tx.done])).find(
        (result) => result.status === 'rejected',
      );
      if (failure) throw failure.reason;
    },

    async erase() {
      if (connection) {
        const current = connection;
        connection = undefined;
        await current.then(
          (db) => db.close(),
          () => undefined,
        );
      }
      await deleteDB(name, { blocked: () => options.onBlocked?.() });
    },
  };
}

/**
 * The keys starting with `prefix` (after `after`, exclusive, when given). String keys compare by
 * UTF-16 code unit, so every key with the prefix sorts below `prefix + '\uffff'`… except keys
 * continuing with U+FFFF itself, which record ids never contain (they are `<kind>:<hex>`).
 */
function prefixRange(prefix: string, after?: string): IDBKeyRange | undefined {
  const upper = `${prefix}\uffff`;
  if (after !== undefined) return IDBKeyRange.bound(after, upper, true, false);
  return prefix === '' ? undefined : IDBKeyRange.bound(prefix, upper);
}
