export { checkClaims } from './check-claims.ts';
export type { ClaimIssue } from './check-claims.ts';
export { expectationOf, ICD10_PATTERN, ISCED_F_PATTERN, MAX_TEXT_LENGTH } from './claim-kinds.ts';
export { LOCALES } from './credential-type.ts';
export type {
  ClaimSpec,
  CredentialType,
  CredentialTypeId,
  IssuerKind,
  Locale,
  Localised,
} from './credential-type.ts';
export {
  CREDENTIAL_TYPE_IDS,
  CREDENTIAL_TYPES,
  credentialTypeByVct,
  credentialTypeByW3cTypes,
  exampleClaims,
  issuerNameFromClaims,
} from './credential-types.ts';
export { typeMetadata } from './type-metadata.ts';
export type { TypeMetadata } from './type-metadata.ts';
