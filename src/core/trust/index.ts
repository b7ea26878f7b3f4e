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
