export {
  checkTrustEntries,
  isCredentialTypeName,
  MAX_IDENTIFIER_LENGTH,
  MAX_NAME_LENGTH,
  MAX_TRUST_ENTRIES,
  MAX_TRUST_LIST_AGE_SECONDS,
  MAX_TRUST_LIST_LENGTH,
  MAX_VCT_PER_ENTRY,
  TRUST_LIST_TYP,
} from './trust-list.ts';
export type { TrustEntry, TrustList, VerifiedTrustList } from './trust-list.ts';
export { signTrustList } from './sign-trust-list.ts';
export type { SignTrustListOptions } from './sign-trust-list.ts';
export { readSignedTrustList, trustListExpired, verifyTrustList } from './verify-trust-list.ts';
export type { TrustListProblem, TrustListProblemDetail } from './verify-trust-list.ts';
export { FINGERPRINT_WORD_COUNT, fingerprintWords, keyFingerprint } from './fingerprint-words.ts';
export { trustedIssuer } from './trusted-issuer.ts';
export {
  ISSUER_PROFILE_FILE_SUFFIX,
  ISSUER_PROFILE_TYP,
  issuerProfileFileName,
  MAX_ISSUER_PROFILE_LENGTH,
  MAX_PROFILE_STATUS_LISTS,
  readIssuerProfile,
  signIssuerProfile,
} from './issuer-profile.ts';
export type {
  IssuerProfile,
  IssuerProfileProblem,
  SignIssuerProfileOptions,
} from './issuer-profile.ts';
export {
  DEFAULT_REGISTRATION_DAYS,
  readRegistrationCertificate,
  registeredNameIn,
  REGISTRATION_SUBJECT_PREFIX,
  REGISTRATION_TYP,
  signRegistrationCertificate,
  VERIFIER_VCT,
  verifierStanding,
} from './verifier-registration.ts';
export type {
  RegisteredName,
  RegistrationCertificate,
  RegistrationLocale,
  RegistrationProblem,
  SignRegistrationOptions,
  StandingOptions,
  StandingRequest,
  VerifierStanding,
} from './verifier-registration.ts';
