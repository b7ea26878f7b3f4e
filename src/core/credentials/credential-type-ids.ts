/**
 * Every credential type's id, in the order of CREDENTIAL_TYPES (credential-types.ts, which
 * re-exports this), without loading the types' claim schemas (zod): `vouch issue` names them in
 * its flags, and its batch starts its worker threads before it loads the schemas (issue 12).
 */
import type { CredentialTypeId } from './credential-type.ts';

export const CREDENTIAL_TYPE_IDS: readonly CredentialTypeId[] = Object.freeze([
  'income-statement',
  'medical-attestation',
  'diploma',
  'household',
]);
