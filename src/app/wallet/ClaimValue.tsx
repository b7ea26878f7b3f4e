/** Moved to src/app/shared/claim-value.ts (the verifier desk shows claims the same way). */
export { formatClaim } from '../shared/claim-value.ts';
