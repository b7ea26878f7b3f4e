/**
 * Ports of the encrypted vault. Core holds the logic (src/core/vault/vault.ts); platforms provide
 * storage (IndexedDB in the browser, memory in tests) and crypto (WebCrypto in browser and Node).
 */

/** An opaque handle to a symmetric key held by the crypto platform (a non-extractable CryptoKey in WebCrypto). Core never sees key bytes. */
export interface KeyHandle {
  readonly __keyHandle: true;
}

/** Parameters of the passcode KDF, stored beside the wrapped data key so they can be raised later. */
export interface KdfParams {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  /** Random salt, at least 16 bytes. */
  readonly salt: Uint8Array;
}

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
  /** Derive the key-encryption key from the passcode (PBKDF2-SHA256 → AES-GCM-256, non-extractable, wrap/unwrap only). */
  deriveKeyEncryptionKey(passcode: string, params: KdfParams): Promise<KeyHandle>;
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
  encrypt(key: KeyHandle, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed>;
  /** Resolves null when authentication fails. */
  decrypt(key: KeyHandle, sealed: Sealed, aad: Uint8Array): Promise<Uint8Array | null>;
}

/** What the vault keeps in clear: only what is needed to unlock it. */
export interface VaultMeta {
  readonly format: 1;
  readonly createdAt: string;
  readonly kdf: KdfParams;
  readonly wrappedDataKey: Sealed;
}

/** One encrypted record. `id` is opaque (`<kind>:<random>`), bound to the ciphertext as AAD. */
export interface EncryptedRecord {
  readonly id: string;
  readonly sealed: Sealed;
}

export type StorageWrite = { readonly put: EncryptedRecord } | { readonly delete: string };

/** Persistent storage. Every `commit` is one transaction: all of it lands or none of it. */
export interface VaultStorage {
  readMeta(): Promise<unknown>;
  readRecord(id: string): Promise<unknown>;
  /** Ids of all records whose id starts with `prefix`. */
  listRecordIds(prefix: string): Promise<string[]>;
  commit(writes: readonly StorageWrite[], meta?: VaultMeta): Promise<void>;
  /** Remove everything (erase the wallet). */
  erase(): Promise<void>;
}
