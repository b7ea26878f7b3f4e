/** The shape of a Vouch credential type (vct, claims, labels, schema, expiry policy). */
import type { z } from 'zod';

export type Locale = 'nl' | 'fr' | 'en';
export type Localised = Record<Locale, string>;
export const LOCALES: readonly Locale[] = ['nl', 'fr', 'en'];

export type CredentialTypeId = 'income-statement' | 'medical-attestation' | 'diploma' | 'household';
export type IssuerKind = 'employer' | 'pulmonologist' | 'university' | 'municipality';

export interface ClaimSpec {
  name: string;
  kind: 'text' | 'date' | 'month' | 'cents' | 'number' | 'integer' | 'icd10' | 'isced-f' | 'enum';
  options?: readonly string[];
  /** Labels for enum options, per locale. */
  optionLabels?: Readonly<Record<string, Localised>>;
  /** Bounds for number and integer claims (default 0 .. MAX_SAFE_INTEGER). */
  min?: number;
  max?: number;
  label: Localised;
  required: boolean;
  /** An example value (documentation, form placeholders, tests). */
  example: unknown;
}

export interface CredentialType {
  id: CredentialTypeId;
  vct: string;
  /**
   * The W3C VC `type` term for this credential as a VC-JWT (docs/w3c-vc.md): the credential's
   * `type` is ["VerifiableCredential", w3cType]. A trust list entry for `vct` covers this type
   * too, so one entry trusts an issuer for both formats.
   */
  w3cType: string;
  name: Localised;
  description: Localised;
  /** Every claim, in display order. */
  claims: readonly ClaimSpec[];
  /** Strict: unknown claims are refused. */
  schema: z.ZodType<Record<string, unknown>>;
  /** exp policy; absent = no exp. */
  expiresAfterDays?: number;
  /** Who may issue it (desk form filter). */
  issuerKinds: readonly IssuerKind[];
  /**
   * The claims in which the issuer names itself (the employer, the physician and institution…),
   * joined in this order: what the wallet shows as the issuer's own name, beside the label the
   * citizen typed for the relationship.
   */
  issuerNameClaims: readonly string[];
}
