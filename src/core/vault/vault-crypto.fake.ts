/**
 * TEST DOUBLE — never wire this into the app. A VaultCrypto in pure TypeScript so core tests run
 * without a platform, 600,000 PBKDF2 rounds or 64 MiB of Argon2id: the "KDF" is one HMAC (every
 * parameter is bound in, none is iterated; a KDF it does not know throws, as the real one does), and the AEAD is HMAC-SHA256 in counter mode plus an HMAC tag.
 * It keeps the contract that matters to the vault logic: wrong key, wrong AAD or a flipped bit
 * fails authentication (null), IVs are fresh, and key bytes never leave the handle map.
 * Not exported from the barrel on purpose.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { IV_BYTES, TAG_BYTES } from './kdf-policy.ts';
import type { KdfParams, KeyHandle, RewrapDataKeyOptions, Sealed, VaultCrypto } from './ports.ts';
import { utf8ToBytes } from '../encoding/index.ts';

export interface FakeVaultCrypto extends VaultCrypto {
  /** How many times each operation ran (to assert, e.g., that a change of passcode re-encrypts nothing). */
  readonly calls: Record<
    'derive' | 'deriveDevice' | 'encrypt' | 'decrypt' | 'wrap' | 'unwrap' | 'rewrap',
    number
  >;
}

export function createFakeVaultCrypto(): FakeVaultCrypto {
  const keys = new WeakMap<KeyHandle, { bytes: Uint8Array; extractable: boolean }>();
  const calls = {
    derive: 0,
    deriveDevice: 0,
    encrypt: 0,
    decrypt: 0,
    wrap: 0,
    unwrap: 0,
    rewrap: 0,
  };
  const handle = (bytes: Uint8Array, extractable: boolean): KeyHandle => {
    const h: KeyHandle = Object.freeze({ __keyHandle: true as const });
    keys.set(h, { bytes, extractable });
    return h;
  };
  const bytesOf = (h: KeyHandle): Uint8Array => {
    const entry = keys.get(h);
    if (!entry) throw new TypeError('fake crypto: unknown key handle');
    return entry.bytes;
  };
  const unwrap = (wrapped: Sealed, kek: KeyHandle, aad: Uint8Array): Uint8Array | null =>
    open(bytesOf(kek), wrapped, aad);

  return {
    calls,
    randomBytes: (length) => randomBytes(length),
    async deriveKeyEncryptionKey(passcode: string, params: KdfParams) {
      calls.derive++;
      const named =
        params.name === 'PBKDF2'
          ? `PBKDF2|${params.hash}|${params.iterations}`
          : params.name === 'Argon2id'
            ? `Argon2id|${params.version}|${params.memoryKiB}|${params.iterations}|${params.parallelism}`
            : undefined;
      if (!named) throw new RangeError(`fake crypto: unsupported KDF ${String(params.name)}`);
      const input = utf8ToBytes(`${named}|${passcode}`);
      return handle(hmac(sha256, params.salt, input), false);
    },
    async deriveDeviceKeyEncryptionKey(prfOutput: Uint8Array) {
      calls.deriveDevice++;
      return handle(hmac(sha256, utf8ToBytes('device'), prfOutput), false);
    },
    async importEncryptionKey(keyBytes: Uint8Array) {
      if (keyBytes.length !== 32) throw new RangeError('fake crypto: expected a 32-byte key');
      return handle(keyBytes.slice(), false);
    },
    async generateDataKey() {
      return handle(randomBytes(32), true);
    },
    async wrapDataKey(dataKey, kek, aad) {
      calls.wrap++;
      const entry = keys.get(dataKey);
      if (!entry?.extractable) throw new TypeError('fake crypto: key is not extractable');
      return seal(bytesOf(kek), entry.bytes, aad);
    },
    async unwrapDataKey(wrapped, kek, aad) {
      calls.unwrap++;
      const bytes = unwrap(wrapped, kek, aad);
      return bytes ? handle(bytes, false) : null;
    },
    async rewrapDataKey({ wrapped, from, to }: RewrapDataKeyOptions) {
      calls.rewrap++;
      const bytes = unwrap(wrapped, from.kek, from.aad);
      return bytes ? seal(bytesOf(to.kek), bytes, to.aad) : null;
    },
    async encrypt(key, plaintext, aad) {
      calls.encrypt++;
      return seal(bytesOf(key), plaintext, aad);
    },
    async decrypt(key, sealed, aad) {
      calls.decrypt++;
      return open(bytesOf(key), sealed, aad);
    },
  };
}

function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES);
  const body = xorKeystream(key, iv, plaintext);
  return { iv, ciphertext: concatBytes(body, tag(key, iv, aad, body)) };
}

function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array): Uint8Array | null {
  const { iv, ciphertext } = sealed;
  if (ciphertext.length < TAG_BYTES) return null;
  const body = ciphertext.subarray(0, ciphertext.length - TAG_BYTES);
  const expected = tag(key, iv, aad, body);
  const actual = ciphertext.subarray(ciphertext.length - TAG_BYTES);
  let diff = 0;
  for (let i = 0; i < TAG_BYTES; i++) diff |= (expected[i] as number) ^ (actual[i] as number);
  return diff === 0 ? xorKeystream(key, iv, body) : null;
}

function xorKeystream(key: Uint8Array, iv: Uint8Array, input: Uint8Array): Uint8Array {
  const encKey = hmac(sha256, key, utf8ToBytes('enc'));
  const out = new Uint8Array(input.length);
  for (let block = 0; block * 32 < input.length; block++) {
    const counter = Uint8Array.of(block >>> 24, block >>> 16, block >>> 8, block);
    const stream = hmac(sha256, encKey, concatBytes(iv, counter));
    for (let i = 0; i < 32 && block * 32 + i < input.length; i++) {
      const at = block * 32 + i;
      out[at] = (input[at] as number) ^ (stream[i] as number);
    }
  }
  return out;
}

function tag(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, body: Uint8Array): Uint8Array {
  const macKey = hmac(sha256, key, utf8ToBytes('mac'));
  const aadLength = Uint8Array.of(
    0,
    0,
    0,
    0,
    aad.length >>> 24,
    aad.length >>> 16,
    aad.length >>> 8,
    aad.length,
  );
  return hmac(sha256, macKey, concatBytes(aadLength, aad, iv, body)).subarray(0, TAG_BYTES);
}
