/** The kinds of issuer a desk can be: what its setup screen offers (light, for the first screen). */
export const ISSUER_KINDS = ['employer', 'pulmonologist', 'university', 'municipality'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];
