/**
 * The crypto port for JWS. Core never touches crypto.subtle: a platform implements this
 * (src/platform/crypto/jws-crypto.ts: WebCrypto for ES256 and EdDSA, noble for ES256K), and
 * `nobleJwsCrypto` is a pure-JS implementation for tests and tools.
 */
import type { JwsAlgorithm } from './jws-algorithm.ts';
import type { PrivateJwk, PublicJwk } from './jwk.ts';

export interface JwsCrypto {
  generateKeyPair(alg: JwsAlgorithm): Promise<{ publicJwk: PublicJwk; privateJwk: PrivateJwk }>;
  /** JWS signature bytes (RFC 7518 §3.4: raw r || s for EC, not DER). */
  sign(alg: JwsAlgorithm, privateJwk: PrivateJwk, data: Uint8Array): Promise<Uint8Array>;
  /** False for any bad signature, wrong length or key/alg mismatch; never throws for bad input. */
  verify(
    alg: JwsAlgorithm,
    publicJwk: PublicJwk,
    data: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean>;
}

/** Signs a JWS signing input (the ASCII bytes of `header.payload`) and returns the signature. */
export type JwsSign = (signingInput: Uint8Array) => Promise<Uint8Array>;
