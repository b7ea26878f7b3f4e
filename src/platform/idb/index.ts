export { openIdbVaultStorage, type IdbVaultStorageOptions } from './vault-storage.idb.ts';
export {
  DB_VERSION,
  DEFAULT_DB_NAME,
  META_KEY,
  upgradeVouchDb,
  type VouchDb,
  type VouchDbSchema,
} from './vouch-db-schema.ts';
