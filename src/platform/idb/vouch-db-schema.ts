/**
 * The IndexedDB schema of the wallet database. Everything in it is written by the vault
 * (src/core/vault): one clear-text header and encrypted records. Values read back are treated as
 * unknown and validated by core, since old or foreign data may sit under these names.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { EncryptedRecord, VaultMeta } from '../../core/vault/index.ts';

export const DEFAULT_DB_NAME = 'vouch';
export const META_KEY = 'vault';

export interface VouchDbSchema extends DBSchema {
  /** The vault header, under the single key 'vault'. */
  meta: { key: typeof META_KEY; value: VaultMeta };
  /** Encrypted records, keyed by their `id`. */
  records: { key: string; value: EncryptedRecord };
}

export type VouchDb = IDBPDatabase<VouchDbSchema>;
type UpgradeTransaction = IDBPTransaction<
  VouchDbSchema,
  Array<'meta' | 'records'>,
  'versionchange'
>;

/**
 * Upgrade steps, in order: step i takes the database from version i to version i + 1. Never edit a
 * released step; append one. Version 2 would add e.g.
 *   (db, tx) => { tx.objectStore('records').createIndex(...) }
 * and every browser upgrades through each step it has not yet run.
 */
const UPGRADE_STEPS: ReadonlyArray<(db: VouchDb, tx: UpgradeTransaction) => void> = [
  // 0 → 1: the header and the records.
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('records', { keyPath: 'id' });
  },
  // 1 → 2: no new store. Credentials gained a summary index kept in records (`index:…`) that
  // every write updates in the same transaction (docs/vault.md §Summary index). The version is
  // raised so that a tab of an older release, which would write credentials without it, is closed
  // (versionchange) and cannot reopen the database; the index itself is built at the next unlock.
  () => undefined,
];

/** The schema version this code writes: one per upgrade step. */
export const DB_VERSION = UPGRADE_STEPS.length;

/** Run every step from `oldVersion` up to `newVersion` inside the versionchange transaction. */
export function upgradeVouchDb(
  db: VouchDb,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = UPGRADE_STEPS[version];
    if (!step) throw new Error(`No upgrade step from version ${version} of the wallet database`);
    step(db, tx);
  }
}
