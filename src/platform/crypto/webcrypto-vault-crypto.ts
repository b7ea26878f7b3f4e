/**
 * VaultCrypto over WebCrypto (browser and Node ≥ 20 alike). With src/platform/idb this is the only
 * module that touches crypto.subtle.
 *
 * - KEK from the passcode: Argon2id (hash-wasm, src/platform/crypto/argon2id.ts) → 32 bytes →
 *   AES-GCM-256, non-extractable, usages wrapKey/unwrapKey only; the 32 bytes and the passcode's
 *   UTF-8 bytes are zeroed right after import. Legacy PBKDF2-SHA256 runs inside WebCrypto (no
 *   derived bits exist outside it).
 * - KEK from a WebAuthn PRF output: HKDF-SHA256(PRF output, salt = "", info =
 *   "vouch-vault-device-kek") → AES-GCM-256, non-extractable, wrapKey/unwrapKey only.
 * - Data key: generated extractable (so it can be wrapped once); every unwrap imports it
 *   NON-extractable with usages encrypt/decrypt, so an unlocked page cannot export it.
 * - AES-GCM everywhere: fresh 12-byte IV per operation, 128-bit tag appended to the ciphertext,
 *   caller-supplied AAD. Authentication failure (OperationError) resolves null.
 */
import {
  IV_BYTES,
  type KdfParams,
  type KeyHandle,
  type Sealed,
  type VaultCrypto,
} from '../../core/vault/index.ts';
import { argon2idHashWasm, type Argon2idFunction } from './argon2id.ts';

const AES_GCM_KEY = { name: 'AES-GCM', length: 256 } as const;

export interface WebCryptoVaultCryptoOptions {
  /** Defaults to globalThis.crypto. */
  readonly crypto?: Crypto;
  /** Defaults to hash-wasm's Argon2id, loaded on first use. */
  readonly argon2id?: Argon2idFunction;
}

/** HKDF info for the device wrap's KEK: binds the PRF output to this one purpose. */
const DEVICE_KEK_INFO = new TextEncoder().encode('vouch-vault-device-kek');

export function webCryptoVaultCrypto(options: WebCryptoVaultCryptoOptions = {}): VaultCrypto {
  const webCrypto = options.crypto ?? globalThis.crypto;
  if (!webCrypto?.subtle) {
    throw new Error('WebCrypto is unavailable: a secure context (https or localhost) is required');
  }
  const subtle = webCrypto.subtle;
  const argon2id = options.argon2id ?? argon2idHashWasm;
  // Handles are empty frozen objects; the CryptoKey stays in this closure.
  const keys = new WeakMap<KeyHandle, CryptoKey>();
  const toHandle = (key: CryptoKey): KeyHandle => {
    const handle: KeyHandle = Object.freeze({ __keyHandle: true as const });
    keys.set(handle, key);
    return handle;
  };
  const keyOf = (handle: KeyHandle): CryptoKey => {
    const key = keys.get(handle);
    if (!key) throw new TypeError('Unknown key handle: it was not created by this VaultCrypto');
    return key;
  };
  const randomBytes = (length: number): Uint8Array<ArrayBuffer> =>
    webCrypto.getRandomValues(new Uint8Array(length));
  const gcm = (iv: Uint8Array, aad: Uint8Array): AesGcmParams => ({
    name: 'AES-GCM',
    iv: bufferSource(iv),
    additionalData: bufferSource(aad),
    tagLength: 128,
  });
  const unwrap = (wrapped: Sealed, kek: KeyHandle, aad: Uint8Array, extractable: boolean) =>
    nullOnAuthFailure(() =>
      subtle.unwrapKey(
        'raw',
        bufferSource(wrapped.ciphertext),
        keyOf(kek),
        gcm(wrapped.iv, aad),
        AES_GCM_KEY,
        extractable,
        ['encrypt', 'decrypt'],
      ),
    );
  const wrap = async (dataKey: CryptoKey, kek: KeyHandle, aad: Uint8Array): Promise<Sealed> => {
    const iv = randomBytes(IV_BYTES);
    const ciphertext = await subtle.wrapKey('raw', dataKey, keyOf(kek), gcm(iv, aad));
    return { iv, ciphertext: new Uint8Array(ciphertext) };
  };

  return {
    randomBytes,

    async deriveKeyEncryptionKey(passcode: string, params: KdfParams): Promise<KeyHandle> {
      const passcodeBytes = new TextEncoder().encode(passcode);
      try {
        if (params.name === 'Argon2id') {
          if (params.version !== 19) {
            throw new RangeError(
              `Unsupported Argon2 version ${params.version}; expected 19 (0x13)`,
            );
          }
          const bits = await argon2id({
            password: passcodeBytes,
            salt: params.salt,
            memoryKiB: params.memoryKiB,
            iterations: params.iterations,
            parallelism: params.parallelism,
            hashLength: 32,
          });
          try {
            return toHandle(
              await subtle.importKey('raw', bufferSource(bits), AES_GCM_KEY, false, [
                'wrapKey',
                'unwrapKey',
              ]),
            );
          } finally {
            bits.fill(0);
          }
        }
        if (params.name !== 'PBKDF2' || params.hash !== 'SHA-256') {
          const named = params as { name?: unknown; hash?: unknown };
          throw new RangeError(
            `Unsupported KDF ${String(named.name)}-${String(named.hash)}; expected Argon2id or PBKDF2-SHA-256`,
          );
        }
        const baseKey = await subtle.importKey('raw', passcodeBytes, 'PBKDF2', false, [
          'deriveKey',
        ]);
        const kek = await subtle.deriveKey(
          {
            name: 'PBKDF2',
            hash: 'SHA-256',
            salt: bufferSource(params.salt),
            iterations: params.iterations,
          },
          baseKey,
          AES_GCM_KEY,
          false,
          ['wrapKey', 'unwrapKey'],
        );
        return toHandle(kek);
      } finally {
        passcodeBytes.fill(0);
      }
    },

    async deriveDeviceKeyEncryptionKey(prfOutput: Uint8Array): Promise<KeyHandle> {
      if (!(prfOutput instanceof Uint8Array) || prfOutput.length < 32) {
        throw new RangeError(`"prfOutput" expected at least 32 bytes, got ${prfOutput?.length}`);
      }
      const baseKey = await subtle.importKey('raw', bufferSource(prfOutput), 'HKDF', false, [
        'deriveKey',
      ]);
      const kek = await subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: DEVICE_KEK_INFO },
        baseKey,
        AES_GCM_KEY,
        false,
        ['wrapKey', 'unwrapKey'],
      );
      return toHandle(kek);
    },

    async importEncryptionKey(keyBytes: Uint8Array): Promise<KeyHandle> {
      if (!(keyBytes instanceof Uint8Array) || keyBytes.length !== 32) {
        throw new RangeError(`"keyBytes" expected 32 bytes, got ${keyBytes?.length}`);
      }
      const key = await subtle.importKey('raw', bufferSource(keyBytes), AES_GCM_KEY, false, [
        'encrypt',
        'decrypt',
      ]);
      return toHandle(key);
    },

    async generateDataKey(): Promise<KeyHandle> {
      return toHandle(await subtle.generateKey(AES_GCM_KEY, true, ['encrypt', 'decrypt']));
    },

    wrapDataKey: (dataKey, kek, aad) => wrap(keyOf(dataKey), kek, aad),

    async unwrapDataKey(wrapped, kek, aad) {
      const key = await unwrap(wrapped, kek, aad, false);
      return key ? toHandle(key) : null;
    },

    async rewrapDataKey({ wrapped, from, to }) {
      // The extractable copy lives only for the duration of this call.
      const key = await unwrap(wrapped, from.kek, from.aad, true);
      return key ? wrap(key, to.kek, to.aad) : null;
    },

    async encrypt(key, plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const ciphertext = await subtle.encrypt(gcm(iv, aad), keyOf(key), bufferSource(plaintext));
      return { iv, ciphertext: new Uint8Array(ciphertext) };
    },

    async decrypt(key, sealed, aad) {
      const plaintext = await nullOnAuthFailure(() =>
        subtle.decrypt(gcm(sealed.iv, aad), keyOf(key), bufferSource(sealed.ciphertext)),
      );
      return plaintext ? new Uint8Array(plaintext) : null;
    },
  };
}

/** WebCrypto reports a failed AES-GCM tag check as an OperationError; anything else is a bug. */
async function nullOnAuthFailure<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') return null;
    throw error;
  }
}

/** WebCrypto's types want ArrayBuffer-backed views; copy only when a view is backed by anything else. */
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}
