/**
 * The JWS algorithms Vouch signs and accepts (RFC 7518 §3.4 ES256, RFC 8812 §3.2 ES256K,
 * RFC 8037 §3.1 EdDSA with Ed25519). Verifiers also accept "Ed25519", the fully-specified name
 * RFC 9864 §2.2 registers for EdDSA on the Ed25519 curve, and treat it as EdDSA (the key must
 * then be an Ed25519 key). Nothing else, ever: "none" (RFC 7518 §3.6), HMAC (HS*) and RSA (RS*,
 * PS*) are refused by every verifier before a key is touched. Vouch itself signs with "EdDSA",
 * which every peer still understands.
 */
import type { PublicJwk } from './jwk.ts';

export type JwsAlgorithm = 'ES256' | 'EdDSA' | 'ES256K';

export const ALLOWED_ALGORITHMS: readonly JwsAlgorithm[] = Object.freeze([
  'ES256',
  'EdDSA',
  'ES256K',
]);

/** Every allowed algorithm has a 64-byte JWS signature: r || s (32 + 32) or the Ed25519 R || S. */
export const JWS_SIGNATURE_LENGTH = 64;

export function isAllowedAlgorithm(alg: unknown): alg is JwsAlgorithm {
  return typeof alg === 'string' && (ALLOWED_ALGORITHMS as readonly string[]).includes(alg);
}

/** Fully-specified algorithm names (RFC 9864 §2.2) we accept, and the algorithm each one means. */
export const FULLY_SPECIFIED_ALGORITHMS: ReadonlyMap<string, JwsAlgorithm> = new Map([
  ['Ed25519', 'EdDSA'],
]);

/**
 * The algorithm a verifier uses for a JWS header's `alg`: an allowed name as is, "Ed25519" as
 * EdDSA (RFC 9864), anything else undefined (refused).
 */
export function acceptedAlgorithm(alg: unknown): JwsAlgorithm | undefined {
  if (isAllowedAlgorithm(alg)) return alg;
  return typeof alg === 'string' ? FULLY_SPECIFIED_ALGORITHMS.get(alg) : undefined;
}

/** The one algorithm a key is used with: P-256 → ES256, secp256k1 → ES256K, Ed25519 → EdDSA. */
export function algorithmForJwk(jwk: PublicJwk): JwsAlgorithm {
  switch (jwk.crv) {
    case 'P-256':
      return 'ES256';
    case 'secp256k1':
      return 'ES256K';
    case 'Ed25519':
      return 'EdDSA';
    default:
      throw new TypeError(
        `algorithmForJwk: unsupported "crv" ${JSON.stringify((jwk as { crv?: unknown }).crv)}`,
      );
  }
}
