/**
 * Every fixture in *.cases.json, run through evaluateRule. Each case names where its expected
 * figures come from (shared/facts/benefits-nl.md).
 */
import { describe, expect, it } from 'vitest';
import afaCases from './be-afa.cases.json' with { type: 'json' };
import asbestosCases from './asbest-tas-tns.cases.json' with { type: 'json' };
import participatiewetCases from './participatiewet-aanvulling.cases.json' with { type: 'json' };
import { evaluateRule, isRuleId } from './registry.ts';
import type { RuleInput, RuleResult } from './rule-module.ts';

interface Case {
  name: string;
  input: RuleInput;
  expected: Partial<
    Pick<RuleResult, 'status' | 'amountCents' | 'scheme' | 'holidayAllowanceCents' | 'monthlyCents'>
  >;
  source: string;
}

const suites = [participatiewetCases, asbestosCases, afaCases] as unknown as {
  rule: string;
  cases: Case[];
}[];

function expectWellFormedTrace(result: RuleResult): void {
  expect(result.trace.length).toBeGreaterThan(0);
  for (const step of result.trace) {
    expect(step.id).toMatch(/^[a-z-]+$/);
    for (const lang of ['nl', 'fr', 'en'] as const)
      expect(step.text[lang].length).toBeGreaterThan(0);
    if (step.parameter && step.parameter.valueCents !== null) {
      expect(step.parameter.source?.label).toBeTruthy();
    }
    if (step.input) expect(['credential', 'declared']).toContain(step.input.origin);
  }
}

describe.each(suites)('$rule fixtures', ({ rule, cases }) => {
  it('Given the fixture file, then it names a known rule and every case names its source', () => {
    expect(isRuleId(rule)).toBe(true);
    for (const c of cases) expect(c.source.length).toBeGreaterThan(10);
  });

  it.each(cases)('Given $name, when evaluated, then the result matches', (c) => {
    if (!isRuleId(rule)) throw new Error(rule);
    const result = evaluateRule(rule, c.input);
    expect(result.ruleId).toBe(rule);
    expect(result.period).toBe(c.input.period);
    const picked = Object.fromEntries(
      Object.keys(c.expected).map((key) => [key, result[key as keyof RuleResult]]),
    );
    expect(picked).toEqual(c.expected);
    expectWellFormedTrace(result);
  });
});
