/**
 * The tables of codec 2 (structural packing, docs/transport.md §Codec 2). Like the dictionary,
 * they are part of the format: an entry's position is its code on the wire, so entries are only
 * ever appended, never moved or removed (a unit test pins a SHA-256 of both tables).
 */

/**
 * Strings packed as one code (object keys and string values alike): JOSE and SD-JWT VC member
 * names and values, the Vouch credential types and their claim names.
 */
export const PACK_STRINGS: readonly string[] = Object.freeze([
  // JOSE header and JWT members (RFC 7515, 7519), SD-JWT (RFC 9901), SD-JWT VC, status lists.
  'alg',
  'typ',
  'kid',
  'iss',
  'iat',
  'exp',
  'nbf',
  'sub',
  'jti',
  'aud',
  'nonce',
  'vct',
  'cnf',
  'jwk',
  'kty',
  'crv',
  'x',
  'y',
  'status',
  'status_list',
  'idx',
  'uri',
  'bits',
  'lst',
  'ttl',
  '_sd',
  '_sd_alg',
  '...',
  'sd_hash',
  // Values.
  'ES256',
  'ES256K',
  'EdDSA',
  'dc+sd-jwt',
  'vc+sd-jwt',
  'kb+jwt',
  'statuslist+jwt',
  'oauth-authz-req+jwt',
  'vouch-connect+jwt',
  'JWT',
  'EC',
  'OKP',
  'P-256',
  'secp256k1',
  'Ed25519',
  'sha-256',
  // Vouch credential types (docs/credentials.md) and their claim names.
  'urn:vouch:income-statement:1',
  'urn:vouch:medical-attestation:1',
  'urn:vouch:diploma:1',
  'urn:vouch:household:1',
  'period',
  'gross_wage_cents',
  'net_wage_cents',
  'hours',
  'employer_name',
  'employer_id',
  'employee_name',
  'birth_date',
  'diagnosis_code',
  'diagnosis_label',
  'diagnosis_date',
  'physician_name',
  'physician_registration',
  'institution',
  'patient_name',
  'degree',
  'level',
  'field',
  'date_awarded',
  'grade',
  'graduate_name',
  'household_type',
  'adult_co_residents',
  'municipality',
  'valid_on',
]);

/** Prefixes packed as one code, followed by the rest of the string (itself packed). */
export const PACK_PREFIXES: readonly string[] = Object.freeze([
  'decentralized_identifier:',
  'https://',
  'http://',
  'urn:',
]);

const STRING_CODES = new Map(PACK_STRINGS.map((text, index) => [text, index]));

export function packStringCode(text: string): number | undefined {
  return STRING_CODES.get(text);
}
