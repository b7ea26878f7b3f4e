import { describe, expect, it } from 'vitest';
import { householdFromClaims, HOUSEHOLD_VCT } from './household-credential.ts';
import { evaluateRule } from './registry.ts';

const household = (claims: Record<string, unknown>) => ({ vct: HOUSEHOLD_VCT, claims });

describe('householdFromClaims', () => {
  it('Given no household credential, then there is no household', () => {
    expect(householdFromClaims([{ vct: 'urn:vouch:diploma:1', claims: {} }])).toBeUndefined();
  });

  it('Given a couple with one adult co-resident, then two adults live in the home', () => {
    expect(
      householdFromClaims([
        household({
          household_type: 'couple',
          adult_co_residents: 1,
          municipality: 'Utrecht',
          valid_on: '2024-07-01',
        }),
      ]),
    ).toEqual({ household: 'couple', adults: 2, municipality: 'Utrecht', validOn: '2024-07-01' });
  });

  it.each([
    ['an unknown type', { household_type: 'commune', adult_co_residents: 1 }],
    ['a negative count', { household_type: 'single', adult_co_residents: -1 }],
    ['a fractional count', { household_type: 'single', adult_co_residents: 1.5 }],
    ['a count as text', { household_type: 'single', adult_co_residents: '1' }],
    ['an oversized count', { household_type: 'cost-sharers', adult_co_residents: 10_000 }],
  ])('Given a tampered credential with %s, then it is ignored', (_what, claims) => {
    expect(householdFromClaims([household(claims)])).toBeUndefined();
  });
});

describe('nl.participatiewet.aanvulling with a household credential', () => {
  const input = {
    period: '2024-07',
    facts: { ageBand: '21-to-pension', netIncomeCents: 80_000, assetsCents: 100_000 },
    claims: [
      household({
        household_type: 'single',
        adult_co_residents: 0,
        municipality: 'Utrecht',
        valid_on: '2024-06-30',
      }),
    ],
  };

  it('Given the credential, then the trace marks the household as from a credential and names the municipality', () => {
    const result = evaluateRule('nl.participatiewet.aanvulling', input);
    const step = result.trace.find((s) => s.id === 'household');
    expect(step?.input).toEqual({ name: 'household_type', value: 'single', origin: 'credential' });
    expect(step?.text.en).toContain('Utrecht');
    expect(step?.text.nl).toContain('Utrecht');
  });

  it('Given the credential, then the evidence asks for it to be shown to the municipality', () => {
    const result = evaluateRule('nl.participatiewet.aanvulling', input);
    expect(result.evidence.map((need) => need.vct)).toContain(HOUSEHOLD_VCT);
  });

  it('Given only a declared household, then the trace marks it declared and no household credential is asked', () => {
    const result = evaluateRule('nl.participatiewet.aanvulling', {
      ...input,
      facts: { ...input.facts, household: 'single' },
      claims: [],
    });
    expect(result.trace.find((s) => s.id === 'household')?.input?.origin).toBe('declared');
    expect(result.evidence.map((need) => need.vct)).not.toContain(HOUSEHOLD_VCT);
  });

  it('Given a credential that differs from the declared answer, then the trace says the declared answer is not used', () => {
    const result = evaluateRule('nl.participatiewet.aanvulling', {
      ...input,
      facts: { ...input.facts, household: 'couple', partnerNetIncomeCents: 0 },
    });
    expect(result.trace.find((s) => s.id === 'household')?.text.en).toContain(
      'The declared answer is not used',
    );
  });
});
