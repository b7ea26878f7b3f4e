export {
  CLOCK_SKEW_SECONDS,
  CONNECT_TYP,
  createConnectRequest,
  DEFAULT_CONNECT_MAX_AGE_SECONDS,
  MAX_CONNECT_REQUEST_LENGTH,
  MAX_ISSUER_NAME_LENGTH,
  verifyConnectRequest,
} from './connect-request.ts';
export type {
  ConnectProblem,
  CreateConnectRequestOptions,
  VerifiedConnectRequest,
  VerifyConnectRequestOptions,
} from './connect-request.ts';
export {
  encodeCredentialOffer,
  MAX_OFFER_BYTES,
  OFFER_TYPE,
  OFFER_VERSION,
  parseCredentialOffer,
} from './credential-offer.ts';
export type { CredentialOffer } from './credential-offer.ts';
export { relationshipFingerprint, xpubPublicKey } from './relationship-fingerprint.ts';
