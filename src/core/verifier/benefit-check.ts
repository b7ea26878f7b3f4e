import { evaluateRule, RULES, type RuleInput, type RuleResult } from '../rules/index.ts';
import type { RuleId } from '../rules/index.ts';
import type { PendingRequest } from './requests.ts';
import type { PresentationVerdict } from './verify-response.ts';

/**
 * The agency's benefit check (issue 5 item 5): after a VALID answer to a request that named a
 * rule, the desk runs the same rule module the wallet runs, on the claims it just verified plus
 * the facts the citizen declared in the answer. Only the facts the request asked for are used (a
 * citizen cannot slip in, say, `netIncomeCents` to stand in for the verified income statement), and
 * the rule's trace marks each of them `declared`.
 */
export interface RunRuleForVerdictOptions {
  /** The pending request the answer carried the nonce of (undefined: no request of ours). */
  readonly request: Pick<PendingRequest, 'rule' | 'declare' | 'month'> | undefined;
  /** The verification of the answer. */
  readonly verification: {
    readonly valid: boolean;
    readonly presentations: readonly Pick<PresentationVerdict, 'result'>[];
  };
  /** The answer's `vouch.declared`. */
  readonly declared: Readonly<Record<string, unknown>> | undefined;
  /** The desk's clock: the period of a rule dated by day (the asbestos schemes) is today. */
  readonly now: Date;
}

/** The rule's result, or undefined when there is nothing to run: no rule, or an answer not valid. */
export function runRuleForVerdict(options: RunRuleForVerdictOptions): RuleResult | undefined {
  const input = ruleInputForVerdict(options);
  return input ? evaluateRule(input.rule, input.input) : undefined;
}

/** What runRuleForVerdict feeds the rule (exported for tests and the CLI). */
export function ruleInputForVerdict(
  options: RunRuleForVerdictOptions,
): { rule: RuleId; input: RuleInput } | undefined {
  const { request, verification, declared, now } = options;
  const rule = request?.rule;
  if (!rule || !verification.valid || verification.presentations.length === 0) return undefined;
  const period = RULES[rule].periodKind === 'month' ? request.month : calendarDate(now);
  if (period === undefined) return undefined;
  const asked = new Set(request.declare ?? []);
  const facts = Object.fromEntries(
    Object.entries(declared ?? {}).filter(([name]) => asked.has(name)),
  );
  const claims = verification.presentations.flatMap(({ result }) =>
    result.valid && result.vct !== undefined ? [{ vct: result.vct, claims: result.claims }] : [],
  );
  return { rule, input: { period, facts, claims } };
}

/** `YYYY-MM-DD` of an instant, in UTC. */
function calendarDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
