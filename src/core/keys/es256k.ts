/**
 * ES256K (RFC 8812 §3.2): ECDSA over secp256k1 with SHA-256, for holder proofs of possession.
 *
 * JWS signature bytes = r (32 bytes, big-endian) || s (32 bytes, big-endian) — 64 bytes, the
 * RFC 7518 §3.4 layout, not DER. Signatures are deterministic (RFC 6979) and low-S (s ≤ n/2);
 * the verifier rejects high-S signatures, so a signature cannot be altered into a second valid one.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { assertPrivateKey } from './secp256k1-key.ts';

/** Signs the JWS signing input (ASCII `header.payload`) and returns the JWS signature bytes. */
export type Signer = (data: Uint8Array) => Promise<Uint8Array>;
/** Checks JWS signature bytes over the signing input. Never throws for a bad signature. */
export type Verifier = (data: Uint8Array, signature: Uint8Array) => Promise<boolean>;

/** A signer that holds a copy of a private key until `wipe()` zeroes it. */
export type WipeableSigner = Signer & { wipe(): void };

export const ES256K_SIGNATURE_LENGTH = 64;

/** sha256 of the message is signed (noble's `prehash`), as JWS ES256K requires. */
const SIGN_OPTIONS = { prehash: true, lowS: true, format: 'compact' } as const;

/**
 * A Signer for a 32-byte private key. The key is copied: the caller may wipe its own buffer at
 * once. Call `wipe()` on the signer when it is no longer needed; it then refuses to sign.
 */
export function es256kSigner(privateKey32: Uint8Array): WipeableSigner {
  assertPrivateKey(privateKey32, 'privateKey32');
  const key = Uint8Array.from(privateKey32);
  let wiped = false;
  const sign = async (data: Uint8Array): Promise<Uint8Array> => {
    if (wiped) throw new Error('es256kSigner: the private key was wiped; create a new signer');
    return secp256k1.sign(data, key, SIGN_OPTIONS);
  };
  return Object.assign(sign, {
    wipe(): void {
      key.fill(0);
      wiped = true;
    },
  });
}

/**
 * A Verifier for a secp256k1 public key (33-byte compressed or 65-byte uncompressed). Returns false
 * for anything but a 64-byte low-S r||s signature over sha256(data) by that key.
 */
export function es256kVerifier(publicKey: Uint8Array): Verifier {
  try {
    secp256k1.Point.fromBytes(publicKey).assertValidity();
  } catch {
    throw new TypeError(
      `"publicKey" expected a secp256k1 point (33 or 65 bytes), got ${publicKey instanceof Uint8Array ? `${publicKey.length} bytes not on the curve` : typeof publicKey}`,
    );
  }
  const key = Uint8Array.from(publicKey);
  return async (data: Uint8Array, signature: Uint8Array): Promise<boolean> => {
    if (!(signature instanceof Uint8Array) || signature.length !== ES256K_SIGNATURE_LENGTH) {
      return false;
    }
    try {
      return secp256k1.verify(signature, data, key, SIGN_OPTIONS);
    } catch {
      return false;
    }
  };
}
