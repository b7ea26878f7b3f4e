/**
 * VaultCrypto over WebCrypto (browser and Node ≥ 20 alike). With src/platform/idb this is the only
 * module that touches crypto.subtle.
 *
 * - KEK: PBKDF2-SHA256(passcode UTF-8, salt, iterations) → AES-GCM-256, non-extractable,
 *   usages wrapKey/unwrapKey only. No derived bits ever exist outside WebCrypto.
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

const AES_GCM_KEY = { name: 'AES-GCM', length: 256 } as const;

export interface WebCryptoVaultCryptoOptions {
  /** Defaults to globalThis.crypto. */
  readonly crypto?: Crypto;
}

export function webCryptoVaultCrypto(options: WebCryptoVaultCryptoOptions = {}): VaultCrypto {
  const webCrypto = options.crypto ?? globalThis.crypto;
  if (!webCrypto?.subtle) {
    throw new Error('WebCrypto is unavailable: a secure context (https or localhost) is required');
  }
  const subtle = webCrypto.subtle;
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
      if (params.name !== 'PBKDF2' || params.hash !== 'SHA-256') {
        throw new RangeError(
          `Unsupported KDF ${params.name}-${params.hash}; expected PBKDF2-SHA-256`,
        );
      }
      const passcodeBytes = new TextEncoder().encode(passcode);
      let baseKey: CryptoKey;
      try {
        baseKey = await subtle.importKey('raw', passcodeBytes, 'PBKDF2', false, ['deriveKey']);
      } finally {
        passcodeBytes.fill(0);
      }
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
