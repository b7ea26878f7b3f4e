/** The public part of a JWK, without the curve checks of jwk.ts (so without a curve library). */
import type { PrivateJwk, PublicJwk } from './jwk.ts';

/** The public part of a private JWK (drops "d" and anything that is not kty/crv/x/y). */
export function publicJwkOf(jwk: PublicJwk | PrivateJwk): PublicJwk {
  return jwk.kty === 'EC'
    ? { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
    : { kty: 'OKP', crv: jwk.crv, x: jwk.x };
}
