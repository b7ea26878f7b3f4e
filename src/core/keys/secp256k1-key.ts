/** secp256k1 public-key checks shared by did:key, JWK and ES256K. */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** SEC1 compressed point: 0x02 | 0x03 (parity of y) || x (32 bytes, big-endian). */
export const COMPRESSED_PUBLIC_KEY_LENGTH = 33;
export const PRIVATE_KEY_LENGTH = 32;

/** Why `bytes` is not a compressed secp256k1 point on the curve, or undefined if it is. */
export function compressedPublicKeyProblem(bytes: Uint8Array): string | undefined {
  if (!(bytes instanceof Uint8Array)) return `expected Uint8Array, got ${typeof bytes}`;
  if (bytes.length !== COMPRESSED_PUBLIC_KEY_LENGTH) {
    return `expected ${COMPRESSED_PUBLIC_KEY_LENGTH} bytes (compressed SEC1 point), got ${bytes.length}`;
  }
  const prefix = bytes[0];
  if (prefix !== 0x02 && prefix !== 0x03) {
    return `expected first byte 0x02 or 0x03 (compressed point), got 0x${bytesToHex(bytes.subarray(0, 1))}`;
  }
  try {
    secp256k1.Point.fromBytes(bytes).assertValidity();
  } catch {
    return 'x is not the coordinate of a point on secp256k1';
  }
  return undefined;
}

/** Throws (a programming error: keys are checked at the boundary) unless `bytes` is a valid key. */
export function assertCompressedPublicKey(bytes: Uint8Array, field: string): void {
  const problem = compressedPublicKeyProblem(bytes);
  if (problem !== undefined) throw new TypeError(`"${field}" ${problem}`);
}

export function assertPrivateKey(bytes: Uint8Array, field: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== PRIVATE_KEY_LENGTH) {
    throw new TypeError(
      `"${field}" expected ${PRIVATE_KEY_LENGTH} bytes, got ${bytes instanceof Uint8Array ? bytes.length : typeof bytes}`,
    );
  }
  if (!secp256k1.utils.isValidSecretKey(bytes)) {
    throw new RangeError(`"${field}" expected a scalar in range 1..n-1 of secp256k1`);
  }
}
