/**
 * What a verification reports: every check of the pipeline (DESIGN.md §Verification), in order,
 * each with pass/fail, a stable code (the UI turns it into words in three languages) and an English
 * sentence a desk clerk understands (the CLI prints it).
 */
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import type { HttpFetch } from '../oid4vci/http.ts';
import type { TrustList } from '../trust/trust-list.ts';

export type CheckCode =
  | 'bad-encoding'
  | 'bad-signature'
  | 'unsupported-alg'
  | 'unknown-issuer-key'
  | 'untrusted-issuer'
  | 'disclosure-digest-missing'
  | 'disclosure-duplicate'
  | 'disclosable-registered-claim'
  | 'kb-missing'
  | 'kb-bad-signature'
  | 'wrong-audience'
  | 'wrong-nonce'
  | 'replayed'
  | 'stale'
  | 'sd-hash-mismatch'
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'status-unavailable'
  | 'missing-claim';

export const CHECK_CODES: readonly CheckCode[] = [
  'bad-encoding',
  'bad-signature',
  'unsupported-alg',
  'unknown-issuer-key',
  'untrusted-issuer',
  'disclosure-digest-missing',
  'disclosure-duplicate',
  'disclosable-registered-claim',
  'kb-missing',
  'kb-bad-signature',
  'wrong-audience',
  'wrong-nonce',
  'replayed',
  'stale',
  'sd-hash-mismatch',
  'expired',
  'not-yet-valid',
  'revoked',
  'status-unavailable',
  'missing-claim',
];

export type CheckName =
  | 'encoding'
  | 'issuer-signature'
  | 'issuer-trusted'
  | 'disclosures'
  | 'key-binding'
  | 'audience'
  | 'nonce'
  | 'freshness'
  | 'sd-hash'
  | 'validity'
  | 'status'
  | 'requested-claims';

/** The pipeline order; `checks` always follows it. */
export const CHECK_NAMES: readonly CheckName[] = [
  'encoding',
  'issuer-signature',
  'issuer-trusted',
  'disclosures',
  'key-binding',
  'audience',
  'nonce',
  'freshness',
  'sd-hash',
  'validity',
  'status',
  'requested-claims',
];

export interface Check {
  name: CheckName;
  ok: boolean;
  /** 'ok' when passed; 'warning' when passed under a lenient policy (ok stays true). */
  code: CheckCode | 'ok' | 'warning';
  /** English, for the CLI and logs; the UI maps `code` to its own words. */
  message: string;
}

export interface StatusInfo {
  state: 'valid' | 'revoked' | 'unavailable' | 'none';
  /** When the status list used was issued (ISO 8601). */
  listIssuedAt?: string;
  /** How old that status information is, in seconds. */
  ageSeconds?: number;
  /** Older than the policy's maximum age. */
  stale?: boolean;
}

/** The credential formats a verifier reads (OpenID4VP 1.0 Appendix B format identifiers). */
export type CredentialFormat = 'dc+sd-jwt' | 'jwt_vc_json';

export interface VerificationResult {
  /** True when every check passed (a 'warning' counts as passed). */
  valid: boolean;
  /**
   * What was presented: an SD-JWT VC with its key binding JWT, or a W3C VP-JWT around a VC-JWT
   * (docs/w3c-vc.md). Absent only when the input could not be read as either.
   */
  format?: CredentialFormat;
  checks: Check[];
  issuer?: string;
  /** The issuer's name from the trust list. */
  issuerName?: string;
  /**
   * The credential type: an SD-JWT VC's `vct`; for a W3C VC, the `vct` of the Vouch type it names
   * (so trust lists and rules read both formats alike), else its most specific `type`.
   */
  vct?: string;
  /** The disclosed claims only; never anything the holder withheld. Empty when unverified. */
  claims: Record<string, unknown>;
  status?: StatusInfo;
}

/** What `finishVerification` adds to the checks: everything else a result may say. */
export type VerificationFacts = Omit<
  VerificationResult,
  'valid' | 'checks' | 'claims' | 'format'
> & {
  claims?: Record<string, unknown>;
};

/** The result of a pipeline that ran `checks` over a credential of `format`: valid when all passed. */
export function finishVerification(
  format: CredentialFormat,
  checks: Check[],
  facts: VerificationFacts = {},
): VerificationResult {
  const { claims = {}, ...more } = facts;
  return { valid: checks.every((check) => check.ok), format, checks, ...more, claims };
}

export interface StatusPolicy {
  /** What to do when the status cannot be checked (no list, a bad one, or a stale one). */
  whenUnavailable: 'reject' | 'warn';
  /** Maximum age of the list (since its `iat`); default: the list's `ttl`, else 86,400 s. */
  maxAgeSeconds?: number;
}

export interface VerifyPresentationOptions {
  crypto: JwsCrypto;
  now: Date;
  /** This verifier's identifier: the KB-JWT's `aud` must equal it. */
  audience: string;
  /** This request's nonce: the KB-JWT's `nonce` must equal it. */
  nonce: string;
  /** How old a KB-JWT may be (its `iat`), default 300 s. */
  maxAgeSeconds?: number;
  /** The caller's replay state: the nonce was already answered → 'replayed'. */
  nonceAlreadyUsed?: boolean;
  /** A pinned issuer key: that issuer counts as trusted for this call. */
  issuerKey?: PublicJwk;
  /** Without these (and without a pinned key) every issuer is 'untrusted-issuer'. */
  trustLists?: readonly TrustList[];
  /** The caller's cache of status lists (statuslist+jwt), by URI. */
  statusList?: (uri: string) => { jwt: string; fetchedAt: Date } | undefined;
  /** Default: reject when the status is unavailable. */
  statusPolicy?: StatusPolicy;
  /** Claims the request requires: 'missing-claim' when one is not disclosed. */
  requiredClaims?: readonly string[];
  /** Values a requested claim must equal (the request's DCQL `values`, e.g. the month asked about). */
  requiredValues?: Readonly<Record<string, readonly (string | number | boolean)[]>>;
  /**
   * did:web issuers and holders (W3C VCs only): resolved over HTTPS with this fetch, and only
   * when it is given. Without it a did:web key is 'unknown-issuer-key' (offline by default).
   */
  didWebFetch?: HttpFetch;
}

/**
 * The checks of an input that could not be decoded: a forbidden signature algorithm still reads
 * (encoding passes, issuer-signature fails 'unsupported-alg', before any key is looked up);
 * anything else is 'bad-encoding'. `what` names the input ("credential presentation", "W3C
 * credential") in the clerk's sentence.
 */
export function undecodedChecks(reason: string, message: string, what: string): Check[] {
  if (reason === 'unsupported-alg') {
    return [
      { name: 'encoding', ok: true, code: 'ok', message: 'The answer could be read' },
      {
        name: 'issuer-signature',
        ok: false,
        code: 'unsupported-alg',
        message: `The credential uses a signature method that is not allowed (${message})`,
      },
    ];
  }
  return [
    {
      name: 'encoding',
      ok: false,
      code: 'bad-encoding',
      message: `This is not a readable ${what}: ${message}`,
    },
  ];
}
