/**
 * A benefit check's words for the clerk (docs/ux.md §Words): the rules' facts by clerk labels ("The
 * applicant's assets", never the citizen's "Your assets"), the figures of a trace by what they are
 * ("Assistance norm, single, 21 to state-pension age, excluding holiday allowance", never
 * `norm.single.21-to-pension.excl`), claims by their type's labels, values by the rules' option
 * labels, statuses as message keys; all in nl, fr and en. The rule's trace carries its own texts.
 */
import { CREDENTIAL_TYPES, type ClaimSpec } from '../../core/credentials/index.ts';
import { RULES, type RuleId, type RuleStatus } from '../../core/rules/index.ts';
import { translate, type Language, type MessageKey } from '../i18n/index.ts';
import { formatClaim } from '../shared/claim-value.ts';
import { formatCents } from '../shared/format.ts';

export const benefitStatusKey = (status: RuleStatus): MessageKey =>
  `verifier.benefit.status.${status}`;

/**
 * The clerk's label of every fact a rule asks the citizen to declare, by fact name (the same name
 * means the same fact in every rule). A rule with a fact missing here fails benefit-words.test.ts.
 */
export const CLERK_FACT_LABELS: Readonly<Record<string, MessageKey>> = {
  household: 'verifier.fact.household',
  costSharers: 'verifier.fact.costSharers',
  ageBand: 'verifier.fact.ageBand',
  netIncomeCents: 'verifier.fact.netIncomeCents',
  partnerNetIncomeCents: 'verifier.fact.partnerNetIncomeCents',
  assetsCents: 'verifier.fact.assetsCents',
  exemption: 'verifier.fact.exemption',
  diagnosis: 'verifier.fact.diagnosis',
  exposure: 'verifier.fact.exposure',
  yearsResidentNl: 'verifier.fact.yearsResidentNl',
  earlierPaymentCents: 'verifier.fact.earlierPaymentCents',
  alive: 'verifier.fact.alive',
  appliedBeforeDeath: 'verifier.fact.appliedBeforeDeath',
  incapacityPoints: 'verifier.fact.incapacityPoints',
};

/** Figures of a trace named in full; the norms (named by household, age and n) are read below. */
const CLERK_PARAMETER_LABELS: Readonly<Record<string, MessageKey>> = {
  'asset-limit.single': 'verifier.parameter.assetLimitSingle',
  'asset-limit.single-parent-or-couple': 'verifier.parameter.assetLimitFamily',
  'tas-tns.amount': 'verifier.parameter.tasTnsAmount',
  'tsb.amount': 'verifier.parameter.tsbAmount',
  'afa.mesothelioma.lump-sum': 'verifier.parameter.afaMesotheliomaLumpSum',
  'afa.mesothelioma.monthly': 'verifier.parameter.afaMesotheliomaMonthly',
  'afa.per-incapacity-point.monthly': 'verifier.parameter.afaPerPointMonthly',
};

const HOLIDAY: Readonly<Record<string, MessageKey>> = {
  excl: 'verifier.parameter.holidayExcl',
  incl: 'verifier.parameter.holidayIncl',
};

const NORM_HOUSEHOLD: Readonly<Record<string, MessageKey>> = {
  single: 'verifier.parameter.normSingle',
  couple: 'verifier.parameter.normCouple',
};

function factSpec(rule: RuleId | undefined, name: string) {
  return rule ? RULES[rule].inputs.facts.find((spec) => spec.name === name) : undefined;
}

/** One of a rule fact's option labels (e.g. an age band), or undefined for an unknown option. */
function optionLabel(rule: RuleId, fact: string, option: string, language: Language) {
  return factSpec(rule, fact)?.optionLabels?.[option]?.[language];
}

/** The clerk label of a declared fact, or undefined when it has none. */
export function clerkFactLabel(name: string, language: Language): string | undefined {
  const key = Object.hasOwn(CLERK_FACT_LABELS, name) ? CLERK_FACT_LABELS[name] : undefined;
  return key ? translate(language, key) : undefined;
}

/** The fact's label for the clerk, else the rule's own label, else its name. */
export function factLabel(rule: RuleId | undefined, name: string, language: Language): string {
  return clerkFactLabel(name, language) ?? factSpec(rule, name)?.label[language] ?? name;
}

/**
 * The clerk label of a figure in a rule's trace, or undefined when it has none:
 * `norm.<single|couple>.<age band>.<excl|incl>`, `norm.cost-sharers.<n>.<excl|incl>`,
 * `norm.cost-sharers.<n>.<age band>` (a norm that does not exist), `exemption.<x>.maximum`, and
 * the figures named in full above.
 */
export function parameterLabel(rule: RuleId, name: string, language: Language): string | undefined {
  const fixed = Object.hasOwn(CLERK_PARAMETER_LABELS, name)
    ? CLERK_PARAMETER_LABELS[name]
    : undefined;
  if (fixed) return translate(language, fixed);
  const holiday = (which: string) => {
    const key = Object.hasOwn(HOLIDAY, which) ? HOLIDAY[which] : undefined;
    return key ? translate(language, key) : undefined;
  };
  const norm = /^norm\.(single|couple)\.([\w-]+)\.(excl|incl)$/.exec(name);
  if (norm) {
    const [, household = '', band = '', which = ''] = norm;
    const kind = NORM_HOUSEHOLD[household];
    const age = optionLabel(rule, 'ageBand', band, language);
    const vt = holiday(which);
    if (!kind || !age || !vt) return undefined;
    return translate(language, 'verifier.parameter.norm', {
      household: translate(language, kind),
      age,
      holiday: vt,
    });
  }
  const shared = /^norm\.cost-sharers\.(\d+)\.([\w-]+)$/.exec(name);
  if (shared) {
    const [, n = '', rest = ''] = shared;
    const vt = holiday(rest);
    if (vt) return translate(language, 'verifier.parameter.costSharerNorm', { n, holiday: vt });
    const age = optionLabel(rule, 'ageBand', rest, language);
    if (age) return translate(language, 'verifier.parameter.costSharerNormAge', { n, age });
    return undefined;
  }
  const exemption = /^exemption\.([\w.-]+)\.maximum$/.exec(name);
  if (exemption) {
    const label = optionLabel(rule, 'exemption', exemption[1] ?? '', language);
    if (!label) return undefined;
    return translate(language, 'verifier.parameter.exemptionMaximum', { exemption: label });
  }
  return undefined;
}

/** A claim's spec in any credential type (claims keep one meaning across types). */
function claimSpec(name: string): ClaimSpec | undefined {
  for (const type of Object.values(CREDENTIAL_TYPES)) {
    const claim = type.claims.find((c) => c.name === name);
    if (claim) return claim;
  }
  return undefined;
}

/** The clerk label of a traced input: a declared fact's, else a credential claim's; undefined when neither. */
export function clerkInputLabel(name: string, language: Language): string | undefined {
  return clerkFactLabel(name, language) ?? claimSpec(name)?.label[language];
}

/** A traced input's label: the clerk's label, else its name. */
export function inputLabel(name: string, language: Language): string {
  return clerkInputLabel(name, language) ?? name;
}

/** A declared or traced value as the clerk reads it: option labels, euros, yes/no, claim formats. */
export function factValue(
  rule: RuleId | undefined,
  name: string,
  value: unknown,
  language: Language,
  words: { yes: string; no: string },
): string {
  const spec = factSpec(rule, name);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (value === null || value === undefined) return '—';
  if (!spec) {
    const claim = claimSpec(name);
    if (claim) return formatClaim(claim, value, language);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && isCents(spec?.kind, name)) {
    return formatCents(value, language);
  }
  if (typeof value === 'string') return spec?.optionLabels?.[value]?.[language] ?? value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Amounts: facts of kind cents, and claims and inputs named like `…_cents` or `…Cents`. */
function isCents(kind: string | undefined, name: string): boolean {
  return kind === 'cents' || /(_cents|Cents)$/.test(name);
}
