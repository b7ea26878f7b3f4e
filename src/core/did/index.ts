export { didJwkFromJwk, DID_JWK_PREFIX, jwkFromDidJwk } from './did-jwk.ts';
export { didKeyFromJwk, didKeyVerificationMethod, resolveDidKey } from './did-key.ts';
export type { DidProblem } from './did-key.ts';
export { decodeDidKey, DID_KEY_PREFIX, encodeDidKey, KEY_CODECS } from './multikey.ts';
export type { KeyCodec, MultikeyProblem } from './multikey.ts';
