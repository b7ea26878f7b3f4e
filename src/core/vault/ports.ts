/**
 * Ports of the encrypted vault. Core holds the logic (src/core/vault/vault.ts); platforms provide
 * storage (IndexedDB in the browser, memory in tests) and crypto (WebCrypto in browser and Node).
 */
import type { Result } from '../result.ts';

/** An opaque handle to a symmetric key held by the crypto platform (a non-extractable CryptoKey in WebCrypto). Core never sees key bytes. */
export interface KeyHandle {
  readonly __keyHandle: true;
}

/** PBKDF2-HMAC-SHA256: the KDF of format-1 vaults, kept to unlock (and then migrate) them. */
export interface Pbkdf2Params {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  /** Random salt, at least 16 bytes. */
  readonly salt: Uint8Array;
}

/** Argon2id (RFC 9106), version 0x13: the KDF of format-2 vaults. */
export interface Argon2idParams {
  readonly name: 'Argon2id';
  /** Argon2 version: 0x13 (19), the only one RFC 9106 defines. */
  readonly version: 19;
  /** Memory cost m in KiB (65,536 = 64 MiB). */
  readonly memoryKiB: number;
  /** Time cost t: passes over the memory. */
  readonly iterations: number;
  /** Lanes p. */
  readonly parallelism: number;
  /** Random salt, at least 16 bytes. */
  readonly salt: Uint8Array;
}

/** Parameters of the passcode KDF, stored beside the wrapped data key so they can be raised later. */
export type KdfParams = Pbkdf2Params | Argon2idParams;

/** AES-GCM-256 output: a fresh 12-byte IV and the ciphertext with its 16-byte tag appended. */
export interface Sealed {
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** One side of a re-wrap: the key-encryption key and the AAD its wrap is bound to. */
export interface WrapBinding {
  readonly kek: KeyHandle;
  readonly aad: Uint8Array;
}

export interface RewrapDataKeyOptions {
  readonly wrapped: Sealed;
  readonly from: WrapBinding;
  readonly to: WrapBinding;
}

export interface VaultCrypto {
  randomBytes(length: number): Uint8Array;
  /**
   * Derive the key-encryption key from the passcode (PBKDF2-SHA256 or Argon2id → AES-GCM-256,
   * non-extractable, wrap/unwrap only). Throws a RangeError for a KDF it does not implement.
   */
  deriveKeyEncryptionKey(passcode: string, params: KdfParams): Promise<KeyHandle>;
  /**
   * Derive a key-encryption key from a WebAuthn PRF output (HKDF-SHA256 → AES-GCM-256,
   * non-extractable, wrap/unwrap only). The caller wipes `prfOutput` afterwards.
   */
  deriveDeviceKeyEncryptionKey(prfOutput: Uint8Array): Promise<KeyHandle>;
  /** A fresh random AES-GCM-256 data key, extractable only in wrapped form. */
  generateDataKey(): Promise<KeyHandle>;
  /** Wrap the data key with the key-encryption key (AES-GCM, so a wrong passcode fails authentication). */
  wrapDataKey(dataKey: KeyHandle, kek: KeyHandle, aad: Uint8Array): Promise<Sealed>;
  /**
   * Unwrap; resolves null when authentication fails (wrong passcode or tampered wrap). The handle
   * returned is NOT extractable: an unlocked page can use the data key but never export it.
   */
  unwrapDataKey(wrapped: Sealed, kek: KeyHandle, aad: Uint8Array): Promise<KeyHandle | null>;
  /**
   * Re-wrap the SAME data key under another key-encryption key (changing the passcode) without an
   * extractable data key ever leaving the crypto platform. Resolves null when unwrapping with
   * `from` fails authentication.
   */
  rewrapDataKey(options: RewrapDataKeyOptions): Promise<Sealed | null>;
  /**
   * Import 32 raw bytes as an AES-GCM-256 key for encrypt/decrypt, non-extractable (the backup
   * key, derived from the seed: src/core/backup). The caller wipes `keyBytes` afterwards.
   */
  importEncryptionKey(keyBytes: Uint8Array): Promise<KeyHandle>;
  encrypt(key: KeyHandle, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed>;
  /** Resolves null when authentication fails. */
  decrypt(key: KeyHandle, sealed: Sealed, aad: Uint8Array): Promise<Uint8Array | null>;
}

/**
 * A second wrap of the data key, under a key derived from a WebAuthn PRF output: the platform
 * authenticator (fingerprint, face) holds the secret, the header holds the credential id and salt.
 */
export interface DeviceWrap {
  /** The WebAuthn credential id (raw bytes). */
  readonly credentialId: Uint8Array;
  /** The PRF input (32 random bytes): PRF(credential, prfSalt) → HKDF → KEK. */
  readonly prfSalt: Uint8Array;
  readonly wrappedDataKey: Sealed;
}

/** Format 1 (legacy): PBKDF2 only. Read to unlock, then migrated to format 2 at that unlock. */
export interface VaultMetaV1 {
  readonly format: 1;
  readonly createdAt: string;
  readonly kdf: Pbkdf2Params;
  readonly wrappedDataKey: Sealed;
}

/**
 * Which keyboard the lock screen brings up: a passcode of digits only (a PIN, numeric keypad) or
 * any other (a passphrase). Not secret, and not bound to the wrap: editing it changes a keyboard,
 * never what opens the vault.
 */
export type PasscodeKind = 'digits' | 'passphrase';

/** Format 2: Argon2id passcode wrap, and optionally a device (WebAuthn PRF) wrap of the same key. */
export interface VaultMetaV2 {
  readonly format: 2;
  readonly createdAt: string;
  readonly kdf: Argon2idParams;
  readonly wrappedDataKey: Sealed;
  readonly device?: DeviceWrap;
  /** The passcode's kind; absent in vaults written before it was kept (read as 'passphrase'). */
  readonly passcodeKind?: PasscodeKind;
}

/** What the vault keeps in clear: only what is needed to unlock it. */
export type VaultMeta = VaultMetaV1 | VaultMetaV2;

/** Why a WebAuthn PRF ceremony gave no secret. */
export type DeviceKeyProblem =
  /** No platform authenticator, or it (or the browser) does not implement the PRF extension. */
  | 'prf-unsupported'
  /** The user dismissed the prompt, or it timed out. */
  | 'cancelled'
  /** Anything else the browser reported (no matching credential, a security error). */
  | 'failed';

/**
 * A platform authenticator with the WebAuthn PRF extension (src/platform/browser/webauthn-prf.ts).
 * The PRF output is a secret only the authenticator can reproduce, after user verification.
 * The caller owns (and wipes) every returned `prfOutput`.
 */
export interface DeviceKeyAuthenticator {
  /** Create a credential with `extensions: { prf: {} }` and evaluate PRF(salt) with it. */
  register(options: {
    readonly salt: Uint8Array;
  }): Promise<Result<{ credentialId: Uint8Array; prfOutput: Uint8Array }, DeviceKeyProblem>>;
  /** Evaluate PRF(salt) with an existing credential (a user-verified assertion). */
  evaluate(options: {
    readonly credentialId: Uint8Array;
    readonly salt: Uint8Array;
  }): Promise<Result<Uint8Array, DeviceKeyProblem>>;
}

/** One encrypted record. `id` is opaque (`<kind>:<random>`), bound to the ciphertext as AAD. */
export interface EncryptedRecord {
  readonly id: string;
  readonly sealed: Sealed;
}

export type StorageWrite = { readonly put: EncryptedRecord } | { readonly delete: string };

export interface RecordBatchOptions {
  /** Start after this id (exclusive); from the first id with the prefix when absent. */
  readonly after?: string;
  readonly limit: number;
}

/** Persistent storage. Every `commit` is one transaction: all of it lands or none of it. */
export interface VaultStorage {
  readMeta(): Promise<unknown>;
  readRecord(id: string): Promise<unknown>;
  /** Ids of all records whose id starts with `prefix`, in id order. */
  listRecordIds(prefix: string): Promise<string[]>;
  /**
   * Up to `limit` raw records whose id starts with `prefix` and sorts after `after` (exclusive),
   * in id order: one request (IndexedDB getAll over a key range). Optional: without it the vault
   * reads one record at a time.
   */
  readRecordBatch?(prefix: string, options: RecordBatchOptions): Promise<unknown[]>;
  commit(writes: readonly StorageWrite[], meta?: VaultMeta): Promise<void>;
  /** Remove everything (erase the wallet). */
  erase(): Promise<void>;
}
