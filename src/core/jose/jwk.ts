/**
 * Public and private JSON Web Keys for the three allowed algorithms (RFC 7517 §4):
 * EC keys on P-256 (RFC 7518 §6.2) and secp256k1 (RFC 8812 §3.1), OKP Ed25519 keys (RFC 8037 §2).
 * `parsePublicJwk` is the boundary check for keys from untrusted input (cnf, did:jwk, key files):
 * it checks kty, crv, coordinate lengths and that the point is on the curve.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Base64Url } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export type PublicJwk =
  | { kty: 'EC'; crv: 'P-256' | 'secp256k1'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };
/** Key material: never log it, never store it unencrypted. */
export type PrivateJwk = PublicJwk & { d: string };

const COORDINATE_LENGTH = 32;

export type JwkProblem = 'bad-jwk';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return value === undefined ? 'nothing' : `${typeof value} ${String(value)}`;
}

function coordinate(
  name: string,
  value: unknown,
): Result<Uint8Array, JwkProblem, { message: string }> {
  if (typeof value !== 'string') {
    return failedWith('bad-jwk', {
      message: `"${name}" expected a base64url string, got ${describe(value)}`,
    });
  }
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) {
    return failedWith('bad-jwk', {
      message: `"${name}" is not base64url: ${decoded.detail.message}`,
    });
  }
  if (decoded.value.length !== COORDINATE_LENGTH) {
    return failedWith('bad-jwk', {
      message: `"${name}" expected ${COORDINATE_LENGTH} bytes, got ${decoded.value.length}`,
    });
  }
  return ok(decoded.value);
}

/**
 * Reads a public JWK from untrusted input. Only kty, crv, x (and y for EC) are kept; other members
 * (kid, alg, use, key_ops) are dropped. A `d` member is refused: a private key has no business here.
 */
export function parsePublicJwk(jwk: unknown): Result<PublicJwk, JwkProblem, { message: string }> {
  const bad = (message: string) => failedWith('bad-jwk', { message });
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return bad(`expected a JWK object, got ${describe(jwk)}`);
  }
  const { kty, crv, x, y, d } = jwk as Record<string, unknown>;
  if (d !== undefined)
    return bad('a public key was expected, but the JWK has a private member "d"');
  if (kty === 'EC') {
    if (crv !== 'P-256' && crv !== 'secp256k1') {
      return bad(`"crv" expected "P-256" or "secp256k1" for kty "EC", got ${describe(crv)}`);
    }
    const xBytes = coordinate('x', x);
    if (!xBytes.ok) return xBytes;
    const yBytes = coordinate('y', y);
    if (!yBytes.ok) return yBytes;
    const uncompressed = new Uint8Array(1 + 2 * COORDINATE_LENGTH);
    uncompressed[0] = 0x04;
    uncompressed.set(xBytes.value, 1);
    uncompressed.set(yBytes.value, 1 + COORDINATE_LENGTH);
    try {
      (crv === 'P-256' ? p256 : secp256k1).Point.fromBytes(uncompressed).assertValidity();
    } catch {
      return bad(`(x, y) is not a point on ${crv}`);
    }
    return ok({ kty: 'EC', crv, x: x as string, y: y as string });
  }
  if (kty === 'OKP') {
    if (crv !== 'Ed25519')
      return bad(`"crv" expected "Ed25519" for kty "OKP", got ${describe(crv)}`);
    const xBytes = coordinate('x', x);
    if (!xBytes.ok) return xBytes;
    try {
      ed25519.Point.fromBytes(xBytes.value);
    } catch {
      return bad('"x" is not an encoded Ed25519 point');
    }
    return ok({ kty: 'OKP', crv, x: x as string });
  }
  return bad(`"kty" expected "EC" or "OKP", got ${describe(kty)}`);
}

/** Reads a private JWK: its public part must parse, and "d" must be 32 bytes of base64url. */
export function parsePrivateJwk(jwk: unknown): Result<PrivateJwk, JwkProblem, { message: string }> {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return failedWith('bad-jwk', {
      message: `expected a private JWK object, got ${describe(jwk)}`,
    });
  }
  const { d, ...rest } = jwk as Record<string, unknown>;
  const publicJwk = parsePublicJwk(rest);
  if (!publicJwk.ok) return publicJwk;
  const dBytes = coordinate('d', d);
  if (!dBytes.ok) return dBytes;
  return ok({ ...publicJwk.value, d: d as string });
}

export { publicJwkOf } from './public-jwk-of.ts';

/**
 * RFC 7638 JWK thumbprint (SHA-256): the required members in lexicographic order, no whitespace
 * (§3.2). EC: crv, kty, x, y (§3.2.1); OKP: crv, kty, x (RFC 8037 §2).
 */
export function publicJwkThumbprint(jwk: PublicJwk): Base64Url {
  const canonical =
    jwk.kty === 'EC'
      ? JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
      : JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return encodeBase64Url(sha256(utf8ToBytes(canonical)));
}

/** True when two public keys are the same key (same thumbprint). */
export function sameJwk(a: PublicJwk, b: PublicJwk): boolean {
  return publicJwkThumbprint(a) === publicJwkThumbprint(b);
}

/** The public key that belongs to a private JWK's "d" (to check that a key file is consistent). */
export function derivePublicJwk(
  jwk: PrivateJwk,
): Result<PublicJwk, JwkProblem, { message: string }> {
  const d = coordinate('d', jwk.d);
  if (!d.ok) return d;
  try {
    if (jwk.kty === 'OKP') {
      return ok({ kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(ed25519.getPublicKey(d.value)) });
    }
    const point = (jwk.crv === 'P-256' ? p256 : secp256k1).getPublicKey(d.value, false);
    return ok({
      kty: 'EC',
      crv: jwk.crv,
      x: encodeBase64Url(point.subarray(1, 33)),
      y: encodeBase64Url(point.subarray(33)),
    });
  } catch {
    return failedWith('bad-jwk', { message: `"d" is not a valid ${jwk.crv} private key` });
  } finally {
    d.value.fill(0);
  }
}
