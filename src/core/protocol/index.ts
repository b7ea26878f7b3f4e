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
  BATCH_OFFER_VERSION,
  encodeBatchCredentialOffer,
  encodeCredentialOffer,
  MAX_OFFER_BYTES,
  MAX_OFFER_COPIES,
  OFFER_TYPE,
  OFFER_VERSION,
  parseCredentialOffer,
} from './credential-offer.ts';
export type {
  BatchCredentialOffer,
  CredentialOffer,
  OfferedCopy,
  ParsedCredentialOffer,
} from './credential-offer.ts';
export {
  contentKeyOf,
  contentOfSdJwtVc,
  sameCredential,
  type CredentialContent,
} from './credential-content.ts';
export { relationshipFingerprint, xpubPublicKey } from './relationship-fingerprint.ts';
export {
  checkDcqlShape,
  DCQL_FORMAT_SD_JWT_VC,
  DCQL_FORMAT_W3C_JWT,
  dcqlForClaims,
  dcqlForEitherFormat,
  dcqlForW3cClaims,
  isDcqlId,
  matchDcql,
  MAX_DCQL_CLAIMS,
  MAX_DCQL_CREDENTIALS,
  readDcqlCredentialSets,
  readDcqlNeeds,
  selectDcqlCredentials,
  W3C_CLAIMS_PATH,
} from './dcql.ts';
export type {
  DcqlClaimQuery,
  DcqlCredentialNeed,
  DcqlCredentialQuery,
  DcqlCredentialSet,
  DcqlFormat,
  DcqlHeldCredential,
  DcqlQuery,
} from './dcql.ts';
export {
  CLIENT_ID_PREFIX,
  createPresentationRequest,
  DEFAULT_REQUEST_LIFETIME_SECONDS,
  DID_CLIENT_ID_PREFIX,
  HOLDER_KB_ALGS,
  MAX_PURPOSE_LENGTH,
  MAX_REQUEST_LENGTH,
  MAX_VERIFIER_NAME_LENGTH,
  MIN_NONCE_LENGTH,
  readResponseEncryption,
  REDIRECT_URI_CLIENT_ID_PREFIX,
  REQUEST_CLOCK_SKEW_SECONDS,
  REQUEST_OBJECT_AUDIENCE,
  REQUEST_TYP,
  RESPONSE_ENC_VALUES,
  verifierIdOf,
  verifierLabel,
  verifyPresentationRequest,
  verifyRequestParameters,
  VOUCH_QR_RESPONSE_MODE,
  VOUCH_VP_FORMATS_SUPPORTED,
} from './request.ts';
export type {
  CreatePresentationRequestOptions,
  PresentationRequest,
  PurposeLocale,
  RequestProblem,
  RequestVerifier,
  ResponseEnc,
  ResponseEncryption,
  ResponseMode,
  VerifyRequestOptions,
} from './request.ts';
export {
  encodePresentationResponse,
  MAX_DECLARED_FACTS,
  MAX_RESPONSE_BYTES,
  parsePresentationResponse,
} from './response.ts';
export type { DeclaredValue, PresentationResponse } from './response.ts';
export { readResponseParameters } from './response.ts';
export * from './openid4vp/index.ts';
export {
  COPIES_REQUEST_TYP,
  createCopiesRequest,
  DEFAULT_COPIES_REQUEST_MAX_AGE_SECONDS,
  isCopiesRequest,
  MAX_COPIES_REQUEST_LENGTH,
  readCopiesRequest,
  verifyCopiesRequest,
} from './copies-request.ts';
export type { CopiesRequest, CopiesRequestProblem } from './copies-request.ts';
