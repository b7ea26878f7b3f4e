/**
 * Algorithm agility for receipts: every receipt names its hash algorithm (for the document hash
 * and the commitment) and each party's signature algorithm, by a one-byte code in the binary form
 * and by name in JSON. A verifier accepts only the algorithms it is given (all of these by
 * default); when one weakens, old entries are re-anchored under a new hash (docs/evidence.md).
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { ALLOWED_ALGORITHMS } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';

export type HashAlgorithm = 'sha-256' | 'sha-512' | 'sha3-256';

interface HashSpec {
  readonly code: number;
  readonly length: number;
  readonly digest: (data: Uint8Array) => Uint8Array;
}

const HASHES: Readonly<Record<HashAlgorithm, HashSpec>> = {
  'sha-256': { code: 0x01, length: 32, digest: sha256 },
  'sha-512': { code: 0x02, length: 64, digest: sha512 },
  'sha3-256': { code: 0x03, length: 32, digest: sha3_256 },
};

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = Object.freeze(
  Object.keys(HASHES) as HashAlgorithm[],
);

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && Object.hasOwn(HASHES, value);
}

export function hashLength(alg: HashAlgorithm): number {
  return HASHES[alg].length;
}

export function hashCode(alg: HashAlgorithm): number {
  return HASHES[alg].code;
}

export function hashByCode(code: number): HashAlgorithm | undefined {
  return HASH_ALGORITHMS.find((alg) => HASHES[alg].code === code);
}

export function digest(alg: HashAlgorithm, data: Uint8Array): Uint8Array {
  return HASHES[alg].digest(data);
}

/** H(document): what the wallet keeps and `--document` is checked against. */
export function hashDocument(alg: HashAlgorithm, document: Uint8Array): Uint8Array {
  return digest(alg, document);
}

/** Signature algorithms: the JWS names Vouch signs with; keys travel in their compact forms. */
export const SIGNATURE_ALGORITHMS: readonly JwsAlgorithm[] = ALLOWED_ALGORITHMS;

const SIGNATURE_CODES: Readonly<Record<JwsAlgorithm, { code: number; keyLength: number }>> = {
  // SEC1 compressed points (0x02/0x03 ‖ x) for the curves, the raw 32-byte key for Ed25519.
  ES256: { code: 0x01, keyLength: 33 },
  EdDSA: { code: 0x02, keyLength: 32 },
  ES256K: { code: 0x03, keyLength: 33 },
};

export function signatureCode(alg: JwsAlgorithm): number {
  return SIGNATURE_CODES[alg].code;
}

export function signatureByCode(code: number): JwsAlgorithm | undefined {
  return SIGNATURE_ALGORITHMS.find((alg) => SIGNATURE_CODES[alg].code === code);
}

export function publicKeyLength(alg: JwsAlgorithm): number {
  return SIGNATURE_CODES[alg].keyLength;
}

/** Every allowed signature is 64 bytes (r ‖ s, or Ed25519's R ‖ S). */
export const SIGNATURE_LENGTH = 64;
