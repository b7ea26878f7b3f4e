/**
 * A benefit check's words for the clerk: fact names and values by the rule module's own labels
 * (nl, fr, en), statuses as message keys. The rule's trace already carries its texts per language.
 */
import { RULES, type RuleId, type RuleStatus } from '../../core/rules/index.ts';
import type { Language, MessageKey } from '../i18n/index.ts';
import { formatCents } from '../shared/format.ts';

export const benefitStatusKey = (status: RuleStatus): MessageKey =>
  `verifier.benefit.status.${status}`;

function factSpec(rule: RuleId | undefined, name: string) {
  return rule ? RULES[rule].inputs.facts.find((spec) => spec.name === name) : undefined;
}

/** The fact's label in the clerk's language, else its name. */
export function factLabel(rule: RuleId | undefined, name: string, language: Language): string {
  return factSpec(rule, name)?.label[language] ?? name;
}

/** A declared or traced value as the clerk reads it: option labels, euros, yes/no. */
export function factValue(
  rule: RuleId | undefined,
  name: string,
  value: unknown,
  language: Language,
  words: { yes: string; no: string },
): string {
  const spec = factSpec(rule, name);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number' && Number.isSafeInteger(value) && isCents(spec?.kind, name)) {
    return formatCents(value, language);
  }
  if (typeof value === 'string') return spec?.optionLabels?.[value]?.[language] ?? value;
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Amounts: facts of kind cents, and claims and inputs named like `…_cents` or `…Cents`. */
function isCents(kind: string | undefined, name: string): boolean {
  return kind === 'cents' || /(_cents|Cents)$/.test(name);
}
