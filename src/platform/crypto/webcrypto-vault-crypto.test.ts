import { pbkdf2Sync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS,
  type KdfParams,
  type KeyHandle,
  type VaultCrypto,
} from '../../core/vault/index.ts';
import { webCryptoVaultCrypto } from './webcrypto-vault-crypto.ts';

const AAD = new TextEncoder().encode('credential:1');
const params = (salt: Uint8Array): KdfParams => ({
  name: 'PBKDF2',
  hash: 'SHA-256',
  iterations: MIN_PBKDF2_ITERATIONS,
  salt,
});

describe('webCryptoVaultCrypto', () => {
  const crypto: VaultCrypto = webCryptoVaultCrypto();
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i);
  let kek: KeyHandle;
  let otherKek: KeyHandle;

  beforeAll(async () => {
    // Two real 600,000-iteration derivations, reused by every test below.
    [kek, otherKek] = await Promise.all([
      crypto.deriveKeyEncryptionKey('caf\u00e9 482916', params(salt)),
      crypto.deriveKeyEncryptionKey('482917', params(salt)),
    ]);
  });

  it('Given a KEK, when it is derived, then it equals PBKDF2-HMAC-SHA256(UTF-8 passcode, salt, 600,000) as computed by node:crypto', async () => {
    const dataKey = await crypto.generateDataKey();
    const wrapped = await crypto.wrapDataKey(dataKey, kek, AAD);
    const reference = pbkdf2Sync(
      Buffer.from('caf\u00e9 482916', 'utf8'),
      salt,
      MIN_PBKDF2_ITERATIONS,
      32,
      'sha256',
    );
    const referenceKek = await globalThis.crypto.subtle.importKey(
      'raw',
      reference,
      'AES-GCM',
      false,
      ['unwrapKey'],
    );
    reference.fill(0);
    const unwrapped = await globalThis.crypto.subtle.unwrapKey(
      'raw',
      wrapped.ciphertext as Uint8Array<ArrayBuffer>,
      referenceKek,
      { name: 'AES-GCM', iv: wrapped.iv as Uint8Array<ArrayBuffer>, additionalData: AAD },
      'AES-GCM',
      false,
      ['decrypt'],
    );
    expect(unwrapped.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('Given a wrapped data key, when unwrapped with the right KEK and AAD, then it decrypts what the original encrypted', async () => {
    const dataKey = await crypto.generateDataKey();
    const sealed = await crypto.encrypt(dataKey, Uint8Array.of(1, 2, 3), AAD);
    const wrapped = await crypto.wrapDataKey(dataKey, kek, AAD);
    expect(wrapped.iv).toHaveLength(12);
    expect(wrapped.ciphertext).toHaveLength(32 + 16);
    const unwrapped = await crypto.unwrapDataKey(wrapped, kek, AAD);
    expect(unwrapped).not.toBeNull();
    expect(await crypto.decrypt(unwrapped!, sealed, AAD)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('Given an unwrapped data key, when someone tries to wrap (export) it, then WebCrypto refuses: it is not extractable', async () => {
    const wrapped = await crypto.wrapDataKey(await crypto.generateDataKey(), kek, AAD);
    const unwrapped = await crypto.unwrapDataKey(wrapped, kek, AAD);
    // Node names the DOMException InvalidAccessException, browsers InvalidAccessError.
    await expect(crypto.wrapDataKey(unwrapped!, kek, AAD)).rejects.toThrow(/not extractable/);
  });

  it('Given a KEK, when used to encrypt data, then WebCrypto refuses: it may only wrap and unwrap', async () => {
    await expect(crypto.encrypt(kek, Uint8Array.of(1), AAD)).rejects.toMatchObject({
      name: 'InvalidAccessError',
    });
  });

  it('Given a wrapped data key, when unwrapped with another KEK, another AAD or a flipped bit, then it resolves null', async () => {
    const wrapped = await crypto.wrapDataKey(await crypto.generateDataKey(), kek, AAD);
    const flipped = { iv: wrapped.iv, ciphertext: wrapped.ciphertext.slice() };
    flipped.ciphertext[5]! ^= 1;
    expect(await crypto.unwrapDataKey(wrapped, otherKek, AAD)).toBeNull();
    expect(await crypto.unwrapDataKey(wrapped, kek, Uint8Array.of(1))).toBeNull();
    expect(await crypto.unwrapDataKey(flipped, kek, AAD)).toBeNull();
  });

  it('Given a wrapped data key, when rewrapped, then the new KEK opens the same key and the wrong one resolves null', async () => {
    const dataKey = await crypto.generateDataKey();
    const sealed = await crypto.encrypt(dataKey, Uint8Array.of(9), AAD);
    const wrapped = await crypto.wrapDataKey(dataKey, kek, AAD);
    const to = { kek: otherKek, aad: Uint8Array.of(2) };
    const rewrapped = await crypto.rewrapDataKey({ wrapped, from: { kek, aad: AAD }, to });
    const reopened = await crypto.unwrapDataKey(rewrapped!, otherKek, to.aad);
    expect(await crypto.decrypt(reopened!, sealed, AAD)).toEqual(Uint8Array.of(9));
    expect(
      await crypto.rewrapDataKey({ wrapped, from: { kek: otherKek, aad: AAD }, to }),
    ).toBeNull();
  });

  it('Given a sealed value, when decrypted with another AAD or a flipped bit, then it resolves null; every seal has a fresh IV', async () => {
    const key = await crypto.generateDataKey();
    const a = await crypto.encrypt(key, Uint8Array.of(7, 7), AAD);
    const b = await crypto.encrypt(key, Uint8Array.of(7, 7), AAD);
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
    expect(await crypto.decrypt(key, a, new TextEncoder().encode('credential:2'))).toBeNull();
    const tampered = { iv: a.iv, ciphertext: a.ciphertext.slice() };
    tampered.ciphertext[tampered.ciphertext.length - 1]! ^= 1;
    expect(await crypto.decrypt(key, tampered, AAD)).toBeNull();
  });

  it('Given a handle from another instance, when used, then it throws (a bug)', async () => {
    const foreign = await webCryptoVaultCrypto().generateDataKey();
    await expect(crypto.encrypt(foreign, Uint8Array.of(1), AAD)).rejects.toThrow(
      /Unknown key handle/,
    );
    expect(JSON.stringify(foreign)).toBe('{"__keyHandle":true}');
  });

  it('Given an unsupported KDF, when deriving, then it throws', async () => {
    await expect(
      crypto.deriveKeyEncryptionKey('x', { ...params(salt), hash: 'SHA-1' as 'SHA-256' }),
    ).rejects.toThrow(RangeError);
  });
});
