export {
  ARGON2ID_DEFAULTS,
  IV_BYTES,
  kdfPolicyProblem,
  MAX_ARGON2_ITERATIONS,
  MAX_ARGON2_MEMORY_KIB,
  MAX_ARGON2_PARALLELISM,
  MAX_PBKDF2_ITERATIONS,
  MIN_ARGON2_ITERATIONS,
  MIN_ARGON2_MEMORY_KIB,
  MIN_PBKDF2_ITERATIONS,
  PRF_SALT_BYTES,
  SALT_BYTES,
  TAG_BYTES,
} from './kdf-policy.ts';
export type { KdfChoice } from './passcode-wrap.ts';
export type {
  Argon2idParams,
  DeviceKeyAuthenticator,
  DeviceKeyProblem,
  DeviceWrap,
  EncryptedRecord,
  KdfParams,
  KeyHandle,
  PasscodeKind,
  Pbkdf2Params,
  RecordBatchOptions,
  RewrapDataKeyOptions,
  Sealed,
  StorageWrite,
  VaultCrypto,
  VaultMeta,
  VaultMetaV1,
  VaultMetaV2,
  VaultStorage,
  WrapBinding,
} from './ports.ts';
export { passcodeKind } from './passcode.ts';
export { INDEX_RECORD_PREFIX, MAX_RECORD_ID_LENGTH, SECRET_RECORD_ID } from './record-id.ts';
export {
  INDEX_BUCKETS,
  indexBucketOf,
  indexChunkId,
  RECORD_BATCH_SIZE,
  type IndexEntry,
  type IndexRead,
  type RecordIndexSpec,
} from './record-index.ts';
export type { BatchRecord, RecordWrite, UnlockedVault } from './unlocked-vault.ts';
export type { VaultDeps } from './vault-deps.ts';
export { VaultCorruptError, VaultLockedError } from './vault-errors.ts';
export { checkVaultMeta, VAULT_FORMAT } from './vault-meta.ts';
export {
  createMemoryVaultStorage,
  type MemoryVaultSnapshot,
  type MemoryVaultStorage,
  type MemoryVaultStorageOptions,
} from './vault-storage.memory.ts';
export {
  createVault,
  eraseVault,
  hasDeviceUnlock,
  readPasscodeKind,
  readVaultStatus,
  unlockVault,
  unlockVaultWithDevice,
  type CreateVaultOptions,
  type DeviceUnlockProblem,
} from './vault.ts';
