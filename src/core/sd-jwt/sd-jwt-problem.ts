/**
 * Stable reason codes for SD-JWT (VC) parsing and verification. The UI turns them into words; the
 * `message` beside each names the field and the value for a desk clerk.
 */
export type SdJwtProblem =
  | 'malformed'
  | 'wrong-typ'
  | 'alg-not-allowed'
  | 'unknown-issuer-key'
  | 'bad-signature'
  | 'disclosure-not-referenced'
  | 'duplicate-disclosure'
  | 'duplicate-digest'
  | 'bad-disclosure'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-claim'
  | 'disclosable-registered-claim'
  | 'sd-alg-unsupported';

/** An SD-JWT longer than this is refused unread (ours are 1–3 KiB). */
export const MAX_SD_JWT_LENGTH = 64 * 1024;
/** More disclosures than this are refused (a credential has a few dozen at most). */
export const MAX_DISCLOSURES = 1000;
