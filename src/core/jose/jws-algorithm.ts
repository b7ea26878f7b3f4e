/**
 * The JWS algorithms Vouch signs and accepts (RFC 7518 §3.4 ES256, RFC 8812 §3.2 ES256K,
 * RFC 8037 §3.1 EdDSA with Ed25519). Nothing else, ever: "none" (RFC 7518 §3.6), HMAC (HS*) and
 * RSA (RS*, PS*) are refused by every verifier before a key is touched.
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
