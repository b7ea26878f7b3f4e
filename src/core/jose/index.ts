export {
  decodeCompactJws,
  decodeCompactJwsBytes,
  MAX_JWS_LENGTH,
  parseJsonObject,
  shortValue,
  signCompactJws,
  verifyCompactJws,
  verifyDecodedJws,
} from './compact-jws.ts';
export type { DecodedJws, DecodedJwsBytes, JwsProblem, JwsResult } from './compact-jws.ts';
export {
  algorithmForJwk,
  ALLOWED_ALGORITHMS,
  isAllowedAlgorithm,
  JWS_SIGNATURE_LENGTH,
} from './jws-algorithm.ts';
export type { JwsAlgorithm } from './jws-algorithm.ts';
export type { JwsCrypto, JwsSign } from './jws-crypto.ts';
export {
  derivePublicJwk,
  parsePrivateJwk,
  parsePublicJwk,
  publicJwkOf,
  publicJwkThumbprint,
  sameJwk,
} from './jwk.ts';
export type { JwkProblem, PrivateJwk, PublicJwk } from './jwk.ts';
export { nobleJwsCrypto } from './noble-jws-crypto.ts';
export type { NobleJwsCryptoOptions } from './noble-jws-crypto.ts';
export { createIssuerKeyFile, issuerSigner, parseIssuerKeyFile } from './issuer-key-file.ts';
export type { DerivePublicJwk, IssuerKeyFile } from './issuer-key-file.ts';
