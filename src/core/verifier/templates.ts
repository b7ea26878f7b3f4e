import { CREDENTIAL_TYPES, type CredentialTypeId } from '../credentials/index.ts';
import { failedWith, ok, type Result } from '../result.ts';
import type { RuleId } from '../rules/index.ts';

/**
 * One credential a verifier asks for: its type and, of its claims, which are required and which
 * optional (the citizen may switch those off). Everything else is not asked and never disclosed.
 */
export interface CredentialNeeds {
  readonly typeId: CredentialTypeId;
  readonly vct: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/**
 * What a verifier asks for: one credential (above), and possibly other credentials the citizen may
 * add or leave out (`optionalCredentials`: each its own optional DCQL credential set, §6.2
 * `required: false`). Their own required claims are required only when the citizen adds them.
 */
export interface RequestNeeds extends CredentialNeeds {
  readonly optionalCredentials?: readonly CredentialNeeds[];
}

/**
 * The municipality's household credential (core/rules/household-credential.ts): when the citizen
 * adds it, the income supplement's household is the municipality's word, not a declared answer.
 */
export const HOUSEHOLD_CREDENTIAL_NEEDS: CredentialNeeds = Object.freeze({
  typeId: 'household',
  vct: CREDENTIAL_TYPES.household.vct,
  required: Object.freeze(['household_type', 'adult_co_residents', 'valid_on']),
  optional: Object.freeze([]),
});

export const TEMPLATE_IDS = [
  'income-supplement',
  'asbestos-tas',
  'asbestos-afa',
  'diploma-job',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface RequestTemplate {
  readonly id: TemplateId;
  readonly typeId: CredentialTypeId;
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** The clerk chooses a month (`YYYY-MM`) that is named in the purpose. */
  readonly asksForMonth: boolean;
  /** The rule module the desk runs on a valid answer (the request's `vouch.rule`). */
  readonly rule?: RuleId;
  /** The facts the citizen is asked to declare (the request's `vouch.declare`). */
  readonly declare?: readonly string[];
  /** Other credentials the citizen may add (an optional credential set each). */
  readonly optionalCredentials?: readonly CredentialNeeds[];
}

export const REQUEST_TEMPLATES: Readonly<Record<TemplateId, RequestTemplate>> = Object.freeze({
  'income-supplement': {
    id: 'income-supplement',
    typeId: 'income-statement',
    required: ['period', 'net_wage_cents'],
    optional: ['gross_wage_cents', 'hours', 'employee_name'],
    asksForMonth: true,
    rule: 'nl.participatiewet.aanvulling',
    declare: ['household', 'ageBand', 'assetsCents', 'exemption', 'partnerNetIncomeCents'],
    optionalCredentials: [HOUSEHOLD_CREDENTIAL_NEEDS],
  },
  'asbestos-tas': {
    id: 'asbestos-tas',
    typeId: 'medical-attestation',
    required: ['diagnosis_code', 'diagnosis_date'],
    optional: ['diagnosis_label', 'physician_name', 'institution', 'patient_name'],
    asksForMonth: false,
    rule: 'nl.asbest.tas-tns',
    declare: ['exposure', 'yearsResidentNl', 'earlierPaymentCents', 'alive'],
  },
  'asbestos-afa': {
    id: 'asbestos-afa',
    typeId: 'medical-attestation',
    required: ['diagnosis_code', 'diagnosis_date'],
    optional: ['diagnosis_label', 'physician_name', 'institution', 'patient_name'],
    asksForMonth: false,
    rule: 'be.afa',
    declare: ['exposure', 'incapacityPoints'],
  },
  'diploma-job': {
    id: 'diploma-job',
    typeId: 'diploma',
    required: ['degree', 'level', 'field', 'institution', 'date_awarded'],
    optional: ['grade', 'graduate_name'],
    asksForMonth: false,
  },
});

export type ClaimChoice = 'required' | 'optional' | 'not-asked';

export type NeedsProblem = 'unknown-type' | 'unknown-claim' | 'nothing-required';

/**
 * The needs of a custom request: each claim of the type marked required, optional or not asked.
 * Claims are kept in the type's display order; at least one must be required.
 */
export function needsFromChoices(
  typeId: string,
  choices: Readonly<Record<string, ClaimChoice>>,
): Result<RequestNeeds, NeedsProblem, { message: string }> {
  const type = (CREDENTIAL_TYPES as Record<string, (typeof CREDENTIAL_TYPES)[CredentialTypeId]>)[
    typeId
  ];
  if (!type)
    return failedWith('unknown-type', { message: `no credential type ${JSON.stringify(typeId)}` });
  const known = new Set(type.claims.map((claim) => claim.name));
  const stranger = Object.keys(choices).find((name) => !known.has(name));
  if (stranger !== undefined) {
    return failedWith('unknown-claim', {
      message: `${JSON.stringify(stranger)} is not a claim of ${type.vct}`,
    });
  }
  const required = type.claims.filter((c) => choices[c.name] === 'required').map((c) => c.name);
  const optional = type.claims.filter((c) => choices[c.name] === 'optional').map((c) => c.name);
  if (required.length === 0) {
    return failedWith('nothing-required', {
      message: 'a request needs at least one required claim',
    });
  }
  return ok({ typeId: type.id, vct: type.vct, required, optional });
}

export function needsFromTemplate(id: TemplateId): RequestNeeds {
  const template = REQUEST_TEMPLATES[id];
  return {
    typeId: template.typeId,
    vct: CREDENTIAL_TYPES[template.typeId].vct,
    required: template.required,
    optional: template.optional,
    ...(template.optionalCredentials === undefined
      ? {}
      : { optionalCredentials: template.optionalCredentials }),
  };
}

/** The template's claims as choices, the starting point of a custom request. */
export function choicesFromTemplate(id: TemplateId): Record<string, ClaimChoice> {
  const template = REQUEST_TEMPLATES[id];
  return Object.fromEntries(
    CREDENTIAL_TYPES[template.typeId].claims.map((claim) => [
      claim.name,
      template.required.includes(claim.name)
        ? 'required'
        : template.optional.includes(claim.name)
          ? 'optional'
          : 'not-asked',
    ]),
  );
}
