/** Every rule module by id, and the one entry point the wallet, the verifier and the CLI use. */
import { asbestTasTns } from './asbest-tas-tns.ts';
import { beAfa } from './be-afa.ts';
import { participatiewetAanvulling } from './participatiewet-aanvulling.ts';
import type { RuleId, RuleInput, RuleModule, RuleResult } from './rule-module.ts';

export const RULES: Readonly<Record<RuleId, RuleModule>> = Object.freeze({
  'nl.participatiewet.aanvulling': participatiewetAanvulling,
  'nl.asbest.tas-tns': asbestTasTns,
  'be.afa': beAfa,
});

export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/** Runs a rule. Pure and total: bad input gives 'needs-evidence' or 'unknown', never a throw. */
export function evaluateRule(id: RuleId, input: RuleInput): RuleResult {
  const rule = RULES[id];
  if (rule === undefined) throw new TypeError(`evaluateRule: unknown rule ${JSON.stringify(id)}`);
  return rule.evaluate(input);
}
