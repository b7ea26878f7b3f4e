/**
 * W3C Verifiable Credentials as JWT (docs/w3c-vc.md): DID resolution, issuing, presenting,
 * reading and verifying VC-JWTs and VP-JWTs, and the Bitstring Status List. Loaded lazily by the
 * verifier (verification/verify-presentation.ts imports verify-vp-jwt.ts with `import()`), so the
 * browser loads did-jwt-vc only when a W3C credential arrives.
 */
export {
  bitstringFromStatusBytes,
  decodeBitstringList,
  encodeBitstringList,
  MAX_STATUS_LIST_CREDENTIAL_LENGTH,
  MIN_BITSTRING_LENGTH,
  readBitstringStatus,
  signBitstringStatusListCredential,
  verifyBitstringStatusListCredential,
} from './bitstring-status-list.ts';
export type {
  BitstringListProblem,
  BitstringProblem,
  SignBitstringStatusListOptions,
  VerifiedBitstringStatusList,
} from './bitstring-status-list.ts';
export { didJwtSigner } from './did-jwt-signer.ts';
export {
  createDidResolver,
  DID_WEB_PREFIX,
  didDocumentForKey,
  didWebUrl,
  MAX_DID_WEB_DOCUMENT_LENGTH,
} from './did-resolver.ts';
export {
  BITSTRING_STATUS_LIST,
  BITSTRING_STATUS_LIST_CREDENTIAL,
  BITSTRING_STATUS_LIST_ENTRY,
  bitstringStatusEntry,
  bitstringStatusListUrl,
  W3C_STATUS_LIST_SUFFIX,
} from './status-entry.ts';
export {
  isVcJwt,
  isVpJwt,
  issueVcJwt,
  JWT_VC_JSON,
  MAX_VC_JWT_LENGTH,
  peekJwtPayload,
  readVcJwt,
  VC_CONTEXT_V1,
  VERIFIABLE_CREDENTIAL,
} from './vc-jwt.ts';
export type {
  BitstringStatusEntry,
  IssueVcJwtOptions,
  ReadVcJwt,
  ReadVcJwtProblem,
  VcIssuer,
} from './vc-jwt.ts';
export { verifyCredentialJwt } from './verify-vc-jwt.ts';
export type { VerifyCredentialJwtOptions } from './verify-vc-jwt.ts';
export { createVpJwt, VP_JWT_LIFETIME_SECONDS } from './vp-jwt.ts';
export type { CreateVpJwtOptions } from './vp-jwt.ts';
export { MAX_VP_JWT_LENGTH, verifyVpJwt } from './verify-vp-jwt.ts';
