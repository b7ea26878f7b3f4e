/** The kinds of verifier a desk can be: what its setup screen offers (light, for the first screen). */
export const VERIFIER_KINDS = ['agency', 'employer', 'other'] as const;
export type VerifierKind = (typeof VERIFIER_KINDS)[number];
