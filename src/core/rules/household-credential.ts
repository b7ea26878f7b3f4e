/**
 * The household a rule works from when the municipality has said it: the household credential's
 * `household_type` and `adult_co_residents` (verified claims) answer the household question, so
 * the citizen is not asked and the trace marks them `credential`, not `declared`. Used by
 * nl.participatiewet.aanvulling and by the wallet's questionnaire (which then skips the question).
 */
import { CREDENTIAL_TYPES } from '../credentials/credential-types.ts';
import type { RuleInput } from './rule-module.ts';

export const HOUSEHOLD_VCT = CREDENTIAL_TYPES.household.vct;

const HOUSEHOLD_TYPES = ['single', 'single-parent', 'couple', 'cost-sharers'] as const;

export interface CredentialHousehold {
  readonly household: (typeof HOUSEHOLD_TYPES)[number];
  /** Adults in the home, the citizen included: `adult_co_residents` + 1. */
  readonly adults: number;
  readonly municipality?: string;
  /** The credential's reference date (`valid_on`), when it has one. */
  readonly validOn?: string;
}

/**
 * The household of the household credentials among the claims: the one with the latest reference
 * date (`valid_on`), ignoring any whose claims do not fit the type. Undefined when there is none.
 */
export function householdFromClaims(claims: RuleInput['claims']): CredentialHousehold | undefined {
  let best: CredentialHousehold | undefined;
  for (const entry of claims) {
    if (entry.vct !== HOUSEHOLD_VCT) continue;
    const {
      household_type: type,
      adult_co_residents: others,
      municipality,
      valid_on: validOn,
    } = entry.claims;
    if (!(typeof type === 'string' && (HOUSEHOLD_TYPES as readonly string[]).includes(type)))
      continue;
    if (!(
      typeof others === 'number' &&
      Number.isSafeInteger(others) &&
      others >= 0 &&
      others <= 50
    ))
      continue;
    const candidate: CredentialHousehold = {
      household: type as CredentialHousehold['household'],
      adults: others + 1,
      ...(typeof municipality === 'string' && municipality.trim() !== ''
        ? { municipality: municipality.trim().slice(0, 120) }
        : {}),
      ...(typeof validOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(validOn) ? { validOn } : {}),
    };
    if (best === undefined || (candidate.validOn ?? '') > (best.validOn ?? '')) best = candidate;
  }
  return best;
}
