export {
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  SALT_BYTES,
  TAG_BYTES,
} from './kdf-policy.ts';
export type {
  EncryptedRecord,
  KdfParams,
  KeyHandle,
  RewrapDataKeyOptions,
  Sealed,
  StorageWrite,
  VaultCrypto,
  VaultMeta,
  VaultStorage,
  WrapBinding,
} from './ports.ts';
export { MAX_RECORD_ID_LENGTH, SECRET_RECORD_ID } from './record-id.ts';
export type { RecordWrite, UnlockedVault } from './unlocked-vault.ts';
export type { VaultDeps } from './vault-deps.ts';
export { VaultCorruptError, VaultLockedError } from './vault-errors.ts';
export { VAULT_FORMAT } from './vault-meta.ts';
export {
  createMemoryVaultStorage,
  type MemoryVaultSnapshot,
  type MemoryVaultStorage,
  type MemoryVaultStorageOptions,
} from './vault-storage.memory.ts';
export {
  createVault,
  eraseVault,
  readVaultStatus,
  unlockVault,
  type CreateVaultOptions,
} from './vault.ts';
