/**
 * Property tests over many generated inputs (a seeded generator, so a failure replays): an amount
 * is never negative, and no trace ever cites a figure outside its dated window.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRule } from './registry.ts';
import type { RuleId, RuleInput, RuleResult } from './rule-module.ts';

function generator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    int: (max: number) => Math.floor(next() * (max + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    maybe: <T>(value: T): T | undefined => (next() < 0.85 ? value : undefined),
  };
}

const g = generator(20240701);
const pad = (n: number) => String(n).padStart(2, '0');

function monthInput(): RuleInput {
  const period = `${2022 + g.int(5)}-${pad(1 + g.int(11))}`;
  const claims = Array.from({ length: g.int(2) }, () => ({
    vct: 'urn:vouch:income-statement:1',
    claims: { period: g.pick([period, '2024-07']), net_wage_cents: g.int(300_000) },
  }));
  return {
    period,
    facts: {
      household: g.maybe(g.pick(['single', 'single-parent', 'couple', 'cost-sharers'])),
      costSharers: g.maybe(g.int(7)),
      ageBand: g.maybe(g.pick(['21-to-pension', 'pension'])),
      netIncomeCents: g.maybe(g.int(300_000)),
      partnerNetIncomeCents: g.maybe(g.int(300_000)),
      assetsCents: g.maybe(g.int(2_000_000)),
      exemption: g.maybe(g.pick(['none', 'work-25', 'single-parent-12.5', 'medical-15'])),
    },
    claims,
  };
}

function dateInput(): RuleInput {
  const date = `${2012 + g.int(15)}-${pad(1 + g.int(11))}-${pad(1 + g.int(27))}`;
  return {
    period: date,
    facts: {
      diagnosis: g.maybe(g.pick(['J61', 'C45', 'C34', 'C56', 'J45'])),
      exposure: g.maybe(
        g.pick(['employee-nl', 'household-member', 'self-employed', 'environmental', 'belgium']),
      ),
      yearsResidentNl: g.maybe(g.int(40)),
      earlierPaymentCents: g.maybe(g.pick([0, g.int(3_000_000)])),
      alive: g.maybe(g.pick([true, false])),
      appliedBeforeDeath: g.maybe(g.pick([true, false])),
      incapacityPoints: g.maybe(g.int(100)),
    },
    claims: [],
  };
}

function checkInvariants(result: RuleResult, day: string): void {
  for (const cents of [result.amountCents, result.holidayAllowanceCents, result.monthlyCents]) {
    if (cents === null || cents === undefined) continue;
    expect(Number.isSafeInteger(cents)).toBe(true);
    expect(cents).toBeGreaterThanOrEqual(0);
  }
  for (const step of result.trace) {
    const p = step.parameter;
    if (p?.validFrom === undefined) continue;
    expect(p.validFrom <= day).toBe(true);
    if (p.validUntil !== undefined) expect(day <= p.validUntil).toBe(true);
  }
  if (result.status === 'unknown' || result.status === 'needs-evidence') {
    if (result.ruleId === 'nl.participatiewet.aanvulling') expect(result.amountCents).toBeNull();
  }
}

describe('rule properties', () => {
  it('Given 3,000 generated months, then no amount is negative and every figure is in its window', () => {
    for (let i = 0; i < 3_000; i += 1) {
      const input = monthInput();
      const result = evaluateRule('nl.participatiewet.aanvulling', input);
      checkInvariants(result, `${input.period}-01`);
      if (result.amountCents !== null) {
        expect(result.amountCents).toBeLessThanOrEqual(result.normCents ?? 0);
      }
      if (input.period < '2024-01' || input.period > '2025-12') {
        expect(['unknown', 'needs-evidence']).toContain(result.status);
      }
    }
  });

  it.each<RuleId>(['nl.asbest.tas-tns', 'be.afa'])(
    'Given 2,000 generated dates for %s, then no amount is negative, every figure is in its window and the status is at most likely-eligible',
    (id) => {
      for (let i = 0; i < 2_000; i += 1) {
        const input = dateInput();
        const result = evaluateRule(id, input);
        checkInvariants(result, input.period);
        expect(result.status).not.toBe('eligible');
      }
    },
  );

  it('Given garbage facts and claims, when evaluated, then no rule throws', () => {
    const garbage: RuleInput[] = [
      { period: '', facts: {}, claims: [] },
      { period: 'x', facts: { household: 3, ageBand: null }, claims: [] },
      {
        period: '2024-07',
        facts: { household: 'single', ageBand: 'pension', netIncomeCents: -5, assetsCents: 1.5 },
        claims: [{ vct: 'urn:vouch:income-statement:1', claims: { period: '2024-07' } }],
      },
      { period: '2024-07-01', facts: { diagnosis: {}, exposure: [] }, claims: [] },
    ];
    for (const input of garbage) {
      for (const id of ['nl.participatiewet.aanvulling', 'nl.asbest.tas-tns', 'be.afa'] as const) {
        expect(() => evaluateRule(id, input)).not.toThrow();
      }
    }
  });
});
