/** Rule results in words: statuses, schemes, change cards, declared answers. */
import type { BenefitChange, DeclaredValue } from '../../../core/holder/index.ts';
import {
  RULES,
  type CredentialHousehold,
  type FactSpec,
  type RuleStatus,
} from '../../../core/rules/index.ts';
import type { Language, MessageKey, Translate } from '../../i18n/index.ts';
import { formatCents, formatDate, formatMonth } from '../../shared/format.ts';

export const STATUS_TEXT: Record<RuleStatus, MessageKey> = {
  eligible: 'benefits.status.eligible',
  'likely-eligible': 'benefits.status.likely-eligible',
  'not-eligible': 'benefits.status.not-eligible',
  'needs-evidence': 'benefits.status.needs-evidence',
  unknown: 'benefits.status.unknown',
};

export const SCHEME_TEXT: Record<'TAS' | 'TNS' | 'TSB' | 'AFA', MessageKey> = {
  TAS: 'benefits.scheme.TAS',
  TNS: 'benefits.scheme.TNS',
  TSB: 'benefits.scheme.TSB',
  AFA: 'benefits.scheme.AFA',
};

const isMonth = (period: string) => /^\d{4}-\d{2}$/.test(period);

/** "September 2026" for a monthly result, the rule's title for one dated by day. */
export function changeSubject(
  change: Pick<BenefitChange, 'ruleId' | 'period'>,
  language: Language,
) {
  return isMonth(change.period)
    ? formatMonth(change.period, language)
    : RULES[change.ruleId].title[language];
}

/** "September 2026: you are entitled to €400.61", or the changed status or amount. */
export function describeChange(change: BenefitChange, language: Language, t: Translate): string {
  const subject = changeSubject(change, language);
  const amount = change.amountCents === null ? null : formatCents(change.amountCents, language);
  if (
    change.kind === 'amount' &&
    amount !== null &&
    typeof change.previous?.amountCents === 'number'
  )
    return t('benefits.change.amount', {
      subject,
      amount,
      previous: formatCents(change.previous.amountCents, language),
    });
  switch (change.status) {
    case 'eligible':
      return amount === null
        ? t('benefits.change.eligible', { subject })
        : t('benefits.change.eligibleAmount', { subject, amount });
    case 'likely-eligible':
      return amount === null
        ? t('benefits.change.likely', { subject })
        : t('benefits.change.likelyAmount', { subject, amount });
    case 'not-eligible':
      return t('benefits.change.notEligible', { subject });
    case 'needs-evidence':
      return t('benefits.change.needsEvidence', { subject });
    case 'unknown':
      return t('benefits.change.unknown', { subject });
  }
}

/** An answer as the citizen gave it: the option's label, an amount in €, yes or no. */
export function describeAnswer(
  spec: FactSpec,
  value: DeclaredValue,
  language: Language,
  t: Translate,
): string {
  switch (spec.kind) {
    case 'enum':
      return spec.optionLabels?.[String(value)]?.[language] ?? String(value);
    case 'cents':
      return typeof value === 'number' ? formatCents(value, language) : String(value);
    case 'boolean':
      return t(value === true ? 'benefits.facts.yes' : 'benefits.facts.no');
    default:
      return String(value);
  }
}

/** A trace input's value: amounts (names ending in Cents/_cents) in €, the rest as given. */
export function describeInputValue(name: string, value: unknown, language: Language): string {
  if (typeof value === 'number' && /cents$/i.test(name)) return formatCents(value, language);
  if (typeof value === 'string' && isMonth(value)) return formatMonth(value, language);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * "Household: couple — from your municipality's credential (Utrecht, 1 July 2024)": the answer the
 * household credential gives, said as coming from it (not as declared).
 */
export function describeCredentialHousehold(
  household: CredentialHousehold,
  language: Language,
  t: Translate,
): string {
  const spec = RULES['nl.participatiewet.aanvulling'].inputs.facts.find(
    (candidate) => candidate.name === 'household',
  );
  const label = spec?.optionLabels?.[household.household]?.[language] ?? household.household;
  const what =
    household.household === 'cost-sharers'
      ? `${label}, ${t('benefits.facts.adults', { count: String(household.adults) })}`
      : label;
  const source = [
    household.municipality,
    household.validOn === undefined ? undefined : formatDate(household.validOn, language),
  ]
    .filter(Boolean)
    .join(', ');
  return source === ''
    ? t('benefits.facts.fromMunicipality', { household: what })
    : t('benefits.facts.fromMunicipalityAt', { household: what, source });
}
