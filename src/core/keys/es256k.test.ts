import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { es256kSigner, es256kVerifier } from './es256k.ts';

// Private key of the first w3c-ccg did:key secp256k1 vector (see did-key-vectors.cases.json).
const PRIVATE_KEY = hexToBytes('9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c');
const PUBLIC_KEY = secp256k1.getPublicKey(PRIVATE_KEY, true);
const N = secp256k1.Point.Fn.ORDER;
const MESSAGE = utf8ToBytes('eyJhbGciOiJFUzI1NksifQ.eyJub25jZSI6IjEyMyJ9');

function toScalar(bytes: Uint8Array): bigint {
  return BigInt(`0x${bytesToHex(bytes)}`);
}
function fromScalar(value: bigint): Uint8Array {
  return hexToBytes(value.toString(16).padStart(64, '0'));
}

describe('ES256K', () => {
  it('Given a signer and the matching verifier, when a message is signed, then it verifies as 64 low-S bytes over sha256', async () => {
    const signature = await es256kSigner(PRIVATE_KEY)(MESSAGE);
    expect(signature).toHaveLength(64);
    expect(toScalar(signature.subarray(32))).toBeLessThanOrEqual(N / 2n);
    expect(await es256kVerifier(PUBLIC_KEY)(MESSAGE, signature)).toBe(true);
    // Independently: the r||s signature is plain ECDSA over sha256(message) (noble with prehash off).
    expect(secp256k1.verify(signature, sha256(MESSAGE), PUBLIC_KEY, { prehash: false })).toBe(true);
    // And the uncompressed public key verifies it too.
    expect(
      await es256kVerifier(secp256k1.getPublicKey(PRIVATE_KEY, false))(MESSAGE, signature),
    ).toBe(true);
  });

  it('Given the same key and message, when signed twice, then the signatures are equal (RFC 6979)', async () => {
    const signer = es256kSigner(PRIVATE_KEY);
    expect(bytesToHex(await signer(MESSAGE))).toBe(bytesToHex(await signer(MESSAGE)));
  });

  it('Given a signature, when the message is tampered with or another key verifies, then it fails', async () => {
    const signature = await es256kSigner(PRIVATE_KEY)(MESSAGE);
    const tampered = Uint8Array.from(MESSAGE);
    tampered[5] = (tampered[5] ?? 0) ^ 1;
    expect(await es256kVerifier(PUBLIC_KEY)(tampered, signature)).toBe(false);
    const otherKey = secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
    expect(await es256kVerifier(otherKey)(MESSAGE, signature)).toBe(false);
  });

  it('Given a valid signature rewritten to high-S (s → n − s), when verified, then it is rejected', async () => {
    const signature = await es256kSigner(PRIVATE_KEY)(MESSAGE);
    const highS = Uint8Array.from(signature);
    highS.set(fromScalar(N - toScalar(signature.subarray(32))), 32);
    // The high-S twin is mathematically valid ECDSA…
    expect(secp256k1.verify(highS, MESSAGE, PUBLIC_KEY, { lowS: false })).toBe(true);
    // …but ES256K here accepts only the low-S form.
    expect(await es256kVerifier(PUBLIC_KEY)(MESSAGE, highS)).toBe(false);
  });

  it('Given signatures of the wrong shape, when verified, then they are rejected without throwing', async () => {
    const signature = await es256kSigner(PRIVATE_KEY)(MESSAGE);
    const verify = es256kVerifier(PUBLIC_KEY);
    const der = secp256k1.Signature.fromBytes(signature, 'compact').toBytes('der');
    for (const bad of [
      signature.subarray(0, 63),
      Uint8Array.of(...signature, 0),
      der,
      new Uint8Array(64),
      Uint8Array.of(...fromScalar(N), ...signature.subarray(32)),
      new Uint8Array(),
    ]) {
      expect(await verify(MESSAGE, bad)).toBe(false);
    }
  });

  it('Given a signer, when the caller wipes its own key buffer, then the signer still works until wiped itself', async () => {
    const callerKey = Uint8Array.from(PRIVATE_KEY);
    const signer = es256kSigner(callerKey);
    callerKey.fill(0);
    expect(await es256kVerifier(PUBLIC_KEY)(MESSAGE, await signer(MESSAGE))).toBe(true);
    signer.wipe();
    await expect(signer(MESSAGE)).rejects.toThrow('the private key was wiped');
  });

  it('Given bad keys, when a signer or verifier is made, then it throws naming the field', () => {
    expect(() => es256kSigner(new Uint8Array(31))).toThrow(
      '"privateKey32" expected 32 bytes, got 31',
    );
    expect(() => es256kSigner(new Uint8Array(32))).toThrow(
      '"privateKey32" expected a scalar in range 1..n-1',
    );
    expect(() => es256kVerifier(new Uint8Array(33))).toThrow(
      '"publicKey" expected a secp256k1 point',
    );
  });
});
