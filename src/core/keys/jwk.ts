/**
 * secp256k1 keys as JSON Web Keys (RFC 7517 §4, RFC 7518 §6.2, crv "secp256k1" from RFC 8812 §3.1)
 * and their RFC 7638 thumbprints.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Base64Url } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { assertCompressedPublicKey, assertPrivateKey } from './secp256k1-key.ts';

const COORDINATE_LENGTH = 32;

export interface Secp256k1PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'secp256k1';
  /** Big-endian x coordinate, 32 bytes, base64url. */
  readonly x: Base64Url;
  /** Big-endian y coordinate, 32 bytes, base64url. */
  readonly y: Base64Url;
}

/** A private JWK: key material. Never store it unencrypted, never log it. */
export interface Secp256k1PrivateJwk extends Secp256k1PublicJwk {
  /** The private scalar, 32 bytes big-endian, base64url (RFC 7518 §6.2.2.1). */
  readonly d: Base64Url;
}

export function publicKeyToJwk(compressed33: Uint8Array): Secp256k1PublicJwk {
  assertCompressedPublicKey(compressed33, 'compressed33');
  // Uncompressed SEC1: 0x04 || x (32 bytes) || y (32 bytes).
  const uncompressed = secp256k1.Point.fromBytes(compressed33).toBytes(false);
  return {
    kty: 'EC',
    crv: 'secp256k1',
    x: encodeBase64Url(uncompressed.subarray(1, 1 + COORDINATE_LENGTH)),
    y: encodeBase64Url(uncompressed.subarray(1 + COORDINATE_LENGTH)),
  };
}

/** The private JWK for a 32-byte private key (the input is only read, not kept). */
export function privateKeyToJwk(privateKey32: Uint8Array): Secp256k1PrivateJwk {
  assertPrivateKey(privateKey32, 'privateKey32');
  const publicJwk = publicKeyToJwk(secp256k1.getPublicKey(privateKey32, true));
  return { ...publicJwk, d: encodeBase64Url(privateKey32) };
}

export type JwkProblem = { message: string };

/**
 * Reads a secp256k1 public JWK from untrusted input and returns the 33-byte compressed key.
 * Checks kty, crv, the length of x and y, and that (x, y) is on the curve. Other members
 * (kid, alg, use, …) are ignored.
 */
export function jwkToPublicKey(jwk: unknown): Result<Uint8Array, 'bad-jwk', JwkProblem> {
  const bad = (message: string) => failedWith('bad-jwk', { message });
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return bad(
      `expected a JWK object, got ${jwk === null ? 'null' : Array.isArray(jwk) ? 'an array' : typeof jwk}`,
    );
  }
  const { kty, crv, x, y } = jwk as Record<string, unknown>;
  if (kty !== 'EC') return bad(`"kty" expected "EC", got ${JSON.stringify(kty) ?? 'nothing'}`);
  if (crv !== 'secp256k1') {
    return bad(`"crv" expected "secp256k1", got ${JSON.stringify(crv) ?? 'nothing'}`);
  }
  const coordinates: Uint8Array[] = [];
  for (const [name, value] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (typeof value !== 'string')
      return bad(`"${name}" expected a base64url string, got ${typeof value}`);
    const decoded = decodeBase64Url(value);
    if (!decoded.ok) return bad(`"${name}" is not base64url: ${decoded.detail.message}`);
    if (decoded.value.length !== COORDINATE_LENGTH) {
      return bad(`"${name}" expected ${COORDINATE_LENGTH} bytes, got ${decoded.value.length}`);
    }
    coordinates.push(decoded.value);
  }
  const uncompressed = new Uint8Array(1 + 2 * COORDINATE_LENGTH);
  uncompressed[0] = 0x04;
  uncompressed.set(coordinates[0] as Uint8Array, 1);
  uncompressed.set(coordinates[1] as Uint8Array, 1 + COORDINATE_LENGTH);
  try {
    const point = secp256k1.Point.fromBytes(uncompressed);
    point.assertValidity();
    return ok(point.toBytes(true));
  } catch {
    return bad('(x, y) is not a point on secp256k1');
  }
}

/**
 * RFC 7638 JWK thumbprint with SHA-256: the hash of the required members in lexicographic order,
 * no whitespace (§3.2; for EC keys the members are crv, kty, x, y — §3.2.1), base64url-encoded.
 */
export function jwkThumbprint(jwk: Secp256k1PublicJwk): Base64Url {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return encodeBase64Url(sha256(utf8ToBytes(canonical)));
}
