export {
  checkTrustEntries,
  MAX_IDENTIFIER_LENGTH,
  MAX_NAME_LENGTH,
  MAX_TRUST_ENTRIES,
  MAX_TRUST_LIST_LENGTH,
  MAX_VCT_PER_ENTRY,
  TRUST_LIST_TYP,
} from './trust-list.ts';
export type { TrustEntry, TrustList } from './trust-list.ts';
export { signTrustList } from './sign-trust-list.ts';
export type { SignTrustListOptions } from './sign-trust-list.ts';
export { verifyTrustList } from './verify-trust-list.ts';
export type { TrustListProblem } from './verify-trust-list.ts';
export { trustedIssuer } from './trusted-issuer.ts';
