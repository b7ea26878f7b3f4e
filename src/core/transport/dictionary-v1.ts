/**
 * The preset deflate dictionary of transport format version 1 (docs/transport.md §Dictionary).
 * It is part of the format: changing a single byte is a new format version. A unit test pins its
 * length and SHA-256, so it cannot drift silently.
 *
 * Construction (deterministic, no randomness):
 * 1. JSON_FRAGMENTS joined as they are (field names and values as they appear in plain JSON:
 *    offers, connect and status payloads, SD-JWT VC headers and payloads, disclosures, key
 *    binding, OpenID4VP requests).
 * 2. Then, because most of a credential is base64url text, each fragment in BASE64_FRAGMENTS
 *    encoded as base64url at the three possible byte alignments (0, 1 and 2 bytes into a 3-byte
 *    group), keeping only the characters that depend on the fragment alone. Whatever a JWT's
 *    member order, its base64url text then shares long runs with the dictionary.
 * Deflate finds matches up to 32 KiB back; the most frequent strings are put last (closest).
 */
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';

const CLAIM_NAMES = [
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
];

const VCTS = [
  'urn:vouch:income-statement:1',
  'urn:vouch:medical-attestation:1',
  'urn:vouch:diploma:1',
  'urn:vouch:household:1',
];

const JSON_FRAGMENTS = [
  '{"type":"vouch-credential-offer","v":1,"credential":"',
  '","relationship":"',
  '","child_index":',
  '{"alg":"ES256K","typ":"vouch-connect+jwt"}',
  '{"xpub":"xpub6',
  '","aud":"',
  '","iat":17',
  ',"jti":"',
  '"client_id":"did:key:z',
  '"response_type":"vp_token"',
  '"response_mode":"direct_post"',
  '"dcql_query":{"credentials":[{"id":"',
  '"format":"dc+sd-jwt","meta":{"vct_values":["',
  '"claims":[{"path":["',
  '"purpose":"',
  '"nonce":"',
  '"state":"',
  '"vp_token":{"',
  ...VCTS.map((vct) => `"${vct}"`),
  ...CLAIM_NAMES.map((name) => `"${name}":`),
];

const BASE64_FRAGMENTS = [
  // Issuer-signed JWT headers (SD-JWT VC, status list, key binding, connect).
  '{"alg":"ES256","typ":"dc+sd-jwt","kid":"did:key:zDn',
  '{"alg":"EdDSA","typ":"dc+sd-jwt","kid":"did:key:z6Mk',
  '{"alg":"ES256K","typ":"dc+sd-jwt","kid":"did:key:zQ3s',
  '{"typ":"dc+sd-jwt","alg":"ES256","kid":"did:key:zDn',
  '{"alg":"ES256","typ":"statuslist+jwt","kid":"did:key:zDn',
  '{"alg":"ES256K","typ":"kb+jwt"}',
  '{"typ":"kb+jwt","alg":"ES256K"}',
  '{"alg":"ES256K","typ":"vouch-connect+jwt"}',
  // SD-JWT VC and status list payload members.
  '{"iss":"did:key:z',
  '"iat":17',
  ',"exp":17',
  ',"nbf":17',
  '"sub":"',
  '"status_list":{"bits":1,"lst":"',
  ',"ttl":',
  ',"status":{"status_list":{"idx":',
  ',"uri":"https://',
  '"cnf":{"jwk":{"kty":"EC","crv":"secp256k1","x":"',
  '"cnf":{"jwk":{"crv":"secp256k1","kty":"EC","x":"',
  '","y":"',
  '"kty":"EC","crv":"P-256","x":"',
  '"kty":"OKP","crv":"Ed25519","x":"',
  '"_sd_alg":"sha-256"',
  ',"_sd":["',
  '","',
  '"],"',
  '"nonce":"',
  '","aud":"did:key:z',
  '","sd_hash":"',
  ...VCTS.map((vct) => `"vct":"${vct}"`),
  // Disclosures: ["<salt>","<claim>",<value>]
  ...CLAIM_NAMES.map((name) => `","${name}","`),
  ...CLAIM_NAMES.map((name) => `","${name}",`),
];

/** The base64url characters of `text` that do not depend on its neighbours, at each alignment. */
function base64Variants(text: string): string[] {
  const bytes = utf8ToBytes(text);
  const variants: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = encodeBase64Url(padded);
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    variants.push(encoded.slice(first, end));
  }
  return variants;
}

function buildDictionary(): Uint8Array {
  const plain = JSON_FRAGMENTS.join('');
  const encoded = BASE64_FRAGMENTS.flatMap(base64Variants).join('');
  return utf8ToBytes(`${plain}${encoded}~WyJ~eyJ.eyJ`);
}

/** Transport format v1's preset dictionary (see the module comment). */
export const DICTIONARY_V1: Uint8Array = buildDictionary();
