/**
 * OpenID4VCI 1.0 (final) for Vouch: the issuer-side functions `vouch serve` calls from its
 * endpoints, and the wallet's client. See docs/openid4vci.md.
 */
export {
  AUTHORIZATION_CODE_GRANT,
  buildCredentialOffer,
  buildCredentialOfferLink,
  CREDENTIAL_OFFER_SCHEME,
  MAX_OFFER_JSON_LENGTH,
  MAX_OFFER_LINK_LENGTH,
  parseCredentialOfferJson,
  parseCredentialOfferLink,
  parseCredentialOfferObject,
  PRE_AUTHORIZED_CODE_GRANT,
} from './offer.ts';
export type {
  CredentialOfferLink,
  CredentialOfferObject,
  OfferProblem,
  PreAuthorizedCodeGrant,
  TxCodeDescription,
} from './offer.ts';
export {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  authorizationServerMetadataUrl,
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  credentialConfigurationId,
  credentialIssuerMetadataUrl,
  DEFAULT_BATCH_SIZE,
  issuerEndpoints,
  JWT_PROOF_TYPE,
  JWT_VC_JSON_FORMAT,
  parseAuthorizationServerMetadata,
  parseCredentialConfigurationId,
  parseCredentialIssuerMetadata,
  PROOF_SIGNING_ALGS,
  SD_JWT_VC_FORMAT,
  typeMetadataUrl,
  vctTypeMetadata,
  W3C_CREDENTIAL_TYPES,
  wellKnownUrl,
} from './metadata.ts';
export type {
  AuthorizationServerMetadata,
  ClaimDescription,
  CredentialConfiguration,
  CredentialFormat,
  CredentialIssuerMetadata,
  DisplayEntry,
  MetadataProblem,
} from './metadata.ts';
export { digestSecret, NO_STORE, oauthError, sameDigest } from './endpoint.ts';
export type {
  AccessTokenRecord,
  EndpointResponse,
  IssuanceStore,
  IssuerSigningKey,
  OAuthErrorCode,
  OfferToIssue,
  PreAuthorizedCodeRecord,
} from './endpoint.ts';
export {
  createSecret,
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  handleTokenRequest,
  MAX_TX_CODE_ATTEMPTS,
  parseOAuthErrorBody,
  parseTokenRequest,
  parseTokenResponse,
  REFRESH_TOKEN_GRANT,
} from './token.ts';
export type { TokenRequest, TokenResponse } from './token.ts';
export { createKeyProof, KEY_PROOF_TYP, verifyKeyProof } from './proof.ts';
export type {
  KeyProofProblem,
  ProofKey,
  VerifiedKeyProof,
  VerifyKeyProofOptions,
} from './proof.ts';
export {
  buildCredentialRequest,
  DEFAULT_NONCE_TTL_SECONDS,
  handleCredentialRequest,
  startOfUtcDay,
  handleNonceRequest,
  parseCredentialRequest,
  parseCredentialResponse,
} from './credential.ts';
export type { CredentialEndpointDeps, CredentialRequest } from './credential.ts';
export { issueVouchCredential } from './issue.ts';
export {
  fetchCredentialOffer,
  receiveCredentials,
  requestCredentials,
  resolveCredentialOffer,
} from './client.ts';
export { refreshCredentials } from './refresh.ts';
export type { RefreshCredentialsOptions } from './refresh.ts';
export type {
  ClientProblem,
  ClientResult,
  OfferedConfiguration,
  ReceivedCredentials,
  RequestCredentialsOptions,
  ResolvedCredentialOffer,
} from './client.ts';
export { formBody, parseFormBody, parseHttpUrl } from './http.ts';
export type { HttpFetch, HttpRequestInit, HttpResponse } from './http.ts';
export { createTxCode, DEFAULT_TX_CODE_LENGTH, preparePreAuthorizedOffer } from './make-offer.ts';
export type { PreparedOffer } from './make-offer.ts';
