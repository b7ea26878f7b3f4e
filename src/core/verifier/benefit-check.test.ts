import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '../verification/index.ts';
import { ruleInputForVerdict, runRuleForVerdict } from './benefit-check.ts';
import { REQUEST_TEMPLATES } from './templates.ts';

const INCOME_VCT = 'urn:vouch:income-statement:1';
const MEDICAL_VCT = 'urn:vouch:medical-attestation:1';
const NOW = new Date('2026-03-02T09:30:00Z');

const income = REQUEST_TEMPLATES['income-supplement'];
const tas = REQUEST_TEMPLATES['asbestos-tas'];

function presentation(vct: string, claims: Record<string, unknown>, valid = true) {
  const result: VerificationResult = { valid, checks: [], vct, claims };
  return { result };
}

const SEPTEMBER_800 = presentation(INCOME_VCT, { period: '2025-09', net_wage_cents: 80_000 });
const SINGLE = { household: 'single', ageBand: '21-to-pension', assetsCents: 0, exemption: 'none' };

describe('benefit check at the verifier desk', () => {
  it('Given a valid answer to the income-supplement request for September 2025 (single, net €800.00), when the rule runs, then the payment is the 2025-07-01 norm €1,300.61 − €800.00 = €500.61', () => {
    const result = runRuleForVerdict({
      request: { rule: income.rule, declare: [...(income.declare ?? [])], month: '2025-09' },
      verification: { valid: true, presentations: [SEPTEMBER_800] },
      declared: SINGLE,
      now: NOW,
    });
    expect(result).toMatchObject({
      ruleId: 'nl.participatiewet.aanvulling',
      // Likely, not certain: no asset limit is published for 2025, so the asset test is left open.
      status: 'likely-eligible',
      amountCents: 50_061,
      period: '2025-09',
    });
    // Source: shared/facts/benefits-nl.md §1, single 2025-07-01 incl. vt 1,369.06, excl. vt 1,300.61.
    expect(result?.normCents).toBe(130_061);
    expect(result?.normInclHolidayCents).toBe(136_906);
    // The holiday-allowance part reserved: up to the norm including it, 1,369.06 − 1,300.61.
    expect(result?.holidayAllowanceCents).toBe(6_845);
  });

  it('Given the same answer, when the trace is read, then the income is marked verified and the household declared', () => {
    const result = runRuleForVerdict({
      request: { rule: income.rule, declare: [...(income.declare ?? [])], month: '2025-09' },
      verification: { valid: true, presentations: [SEPTEMBER_800] },
      declared: SINGLE,
      now: NOW,
    });
    const origins = (result?.trace ?? []).flatMap((step) => (step.input ? [step.input] : []));
    expect(origins).toContainEqual(expect.objectContaining({ origin: 'credential' }));
    expect(origins).toContainEqual(
      expect.objectContaining({ name: 'household', origin: 'declared' }),
    );
    expect(origins.filter((input) => input.origin === 'credential')).not.toContainEqual(
      expect.objectContaining({ name: 'household' }),
    );
  });

  it('Given the request asked for January 2026 (no published norm), when the rule runs, then the status is unknown with no amount', () => {
    const result = runRuleForVerdict({
      request: { rule: income.rule, declare: [...(income.declare ?? [])], month: '2026-01' },
      verification: {
        valid: true,
        presentations: [presentation(INCOME_VCT, { period: '2026-01', net_wage_cents: 80_000 })],
      },
      declared: SINGLE,
      now: NOW,
    });
    expect(result).toMatchObject({ status: 'unknown', amountCents: null, period: '2026-01' });
  });

  it('Given a declared fact the request did not ask for (netIncomeCents), when the input is built, then it is left out: a declaration never replaces a verified claim', () => {
    const built = ruleInputForVerdict({
      request: { rule: income.rule, declare: ['household'], month: '2025-09' },
      verification: { valid: true, presentations: [SEPTEMBER_800] },
      declared: { household: 'single', netIncomeCents: 0, ageBand: 'pension' },
      now: NOW,
    });
    expect(built).toEqual({
      rule: 'nl.participatiewet.aanvulling',
      input: {
        period: '2025-09',
        facts: { household: 'single' },
        claims: [{ vct: INCOME_VCT, claims: { period: '2025-09', net_wage_cents: 80_000 } }],
      },
    });
  });

  it('Given an answer that is not valid, when the rule would run, then there is no benefit check', () => {
    expect(
      runRuleForVerdict({
        request: { rule: income.rule, declare: [...(income.declare ?? [])], month: '2025-09' },
        verification: { valid: false, presentations: [{ ...SEPTEMBER_800 }] },
        declared: SINGLE,
        now: NOW,
      }),
    ).toBeUndefined();
  });

  it('Given a request without a rule, or no request of ours, when the answer is valid, then there is no benefit check', () => {
    const verification = { valid: true, presentations: [SEPTEMBER_800] };
    expect(
      runRuleForVerdict({ request: {}, verification, declared: SINGLE, now: NOW }),
    ).toBeUndefined();
    expect(
      runRuleForVerdict({ request: undefined, verification, declared: SINGLE, now: NOW }),
    ).toBeUndefined();
  });

  it('Given a monthly rule whose request kept no month, when the answer is valid, then there is no benefit check (no guessed period)', () => {
    expect(
      runRuleForVerdict({
        request: { rule: income.rule, declare: ['household'] },
        verification: { valid: true, presentations: [SEPTEMBER_800] },
        declared: SINGLE,
        now: NOW,
      }),
    ).toBeUndefined();
  });

  it('Given an asbestosis attestation and an employee exposed in the Netherlands, when the TAS/TNS rule runs on 2024-05-01, then TAS is likely with the 2024 amount €24,010', () => {
    const result = runRuleForVerdict({
      request: { rule: tas.rule, declare: [...(tas.declare ?? [])] },
      verification: {
        valid: true,
        presentations: [
          presentation(MEDICAL_VCT, { diagnosis_code: 'J61', diagnosis_date: '2024-03-14' }),
        ],
      },
      declared: {
        exposure: 'employee-nl',
        yearsResidentNl: 40,
        earlierPaymentCents: 0,
        alive: true,
      },
      now: new Date('2024-05-01T10:00:00Z'),
    });
    // Source: shared/facts/benefits-nl.md §4, TAS/TNS 2024: 24,010 (IAS).
    expect(result).toMatchObject({
      ruleId: 'nl.asbest.tas-tns',
      status: 'likely-eligible',
      scheme: 'TAS',
      amountCents: 2_401_000,
      period: '2024-05-01',
    });
  });

  it('Given the same case on the desk date 2026-03-02, when the rule runs, then the status is still given but the amount is not published', () => {
    const result = runRuleForVerdict({
      request: { rule: tas.rule, declare: [...(tas.declare ?? [])] },
      verification: {
        valid: true,
        presentations: [
          presentation(MEDICAL_VCT, { diagnosis_code: 'J61', diagnosis_date: '2025-11-14' }),
        ],
      },
      declared: {
        exposure: 'employee-nl',
        yearsResidentNl: 40,
        earlierPaymentCents: 0,
        alive: true,
      },
      now: NOW,
    });
    expect(result).toMatchObject({
      status: 'likely-eligible',
      scheme: 'TAS',
      amountCents: null,
      period: '2026-03-02',
    });
  });
});
