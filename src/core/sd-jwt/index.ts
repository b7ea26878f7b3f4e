export {
  createDisclosure,
  digestDisclosure,
  parseDisclosure,
  RESERVED_CLAIM_NAMES,
  SD_ALG,
} from './disclosure.ts';
export type { Disclosure } from './disclosure.ts';
export {
  issuerKid,
  issueSdJwtVc,
  LEGACY_SD_JWT_VC_TYP,
  MAX_DECOYS,
  REGISTERED_CLAIMS,
  SD_JWT_VC_TYP,
} from './issue-sd-jwt-vc.ts';
export type { IssueSdJwtVcOptions, SdJwtCompact } from './issue-sd-jwt-vc.ts';
export { parseSdJwt } from './parse-sd-jwt.ts';
export type { ParsedSdJwt } from './parse-sd-jwt.ts';
export { reconstructClaims } from './reconstruct-claims.ts';
export {
  checkRegisteredClaimsNotDisclosable,
  NON_DISCLOSABLE_CLAIMS,
} from './registered-claims.ts';
export { MAX_DISCLOSURES, MAX_SD_JWT_LENGTH } from './sd-jwt-problem.ts';
export type { SdJwtProblem } from './sd-jwt-problem.ts';
export { DEFAULT_CLOCK_SKEW_SECONDS, verifySdJwtVc } from './verify-sd-jwt-vc.ts';
export type { VerifiedSdJwtVc, VerifySdJwtVcOptions } from './verify-sd-jwt-vc.ts';
