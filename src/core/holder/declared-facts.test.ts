import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../rules/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import {
  checkDeclaredFacts,
  checkMonthlyFacts,
  DECLARED_FACTS_ID,
  factsForMonth,
  MAX_MONTHS_PER_FACT,
  declaredFactSpecs,
  isFactAsked,
  questionnaireFacts,
  readDeclaredFacts,
  readDeclaredFactsRecord,
  saveDeclaredFacts,
} from './declared-facts.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';

const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const NOW = new Date('2026-11-21T10:00:00Z');

async function freshWallet(): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), now: () => NOW },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'created' },
  );
  if (!created.ok) throw new Error(`expected a wallet, got ${created.reason}`);
  return created.value;
}

const label = { nl: 'x', fr: 'x', en: 'x' };

describe('declared facts: the questions', () => {
  it('Given the rule modules, when their facts are merged, then each fact is asked once, in the order first named', () => {
    const names = declaredFactSpecs().map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    // The contract's fact keys (docs/CONTRACTS-issue5.md, section A) are all there.
    for (const name of [
      'household',
      'ageBand',
      'partnerNetIncomeCents',
      'assetsCents',
      'exemption',
      'costSharers',
      'exposure',
      'yearsResidentNl',
      'earlierPaymentCents',
    ])
      expect(names).toContain(name);
  });

  it('Given two modules offering different options for one fact, when merged, then the options are the union', () => {
    const a: FactSpec = {
      name: 'exposure',
      kind: 'enum',
      options: ['employee-nl', 'environmental'],
      label,
    };
    const b: FactSpec = {
      name: 'exposure',
      kind: 'enum',
      options: ['environmental', 'belgium'],
      label,
    };
    const merged = declaredFactSpecs([{ inputs: { facts: [a] } }, { inputs: { facts: [b] } }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.options).toEqual(['employee-nl', 'environmental', 'belgium']);
  });

  it('Given the questionnaire, when listed, then facts the wallet supplies (income, diagnosis, alive) are not asked', () => {
    const names = questionnaireFacts().map((spec) => spec.name);
    expect(names).not.toContain('netIncomeCents');
    expect(names).not.toContain('diagnosis');
    expect(names).not.toContain('alive');
    expect(names).toContain('household');
  });

  it.each([
    ['partnerNetIncomeCents', { household: 'couple' }, true],
    ['partnerNetIncomeCents', { household: 'single' }, false],
    ['partnerNetIncomeCents', {}, false],
    ['costSharers', { household: 'cost-sharers' }, true],
    ['costSharers', { household: 'couple' }, false],
    ['assetsCents', {}, true],
  ])('Given %s with answers %j, when asking, then it is asked: %s', (name, facts, asked) => {
    expect(isFactAsked(name, facts)).toBe(asked);
  });

  it('Given an answer outside the options, when checked, then the issue names the fact, the value and what was expected', () => {
    expect(checkDeclaredFacts({ household: 'commune' })).toEqual({
      ok: false,
      reason: 'invalid-fact',
      detail: {
        fact: 'household',
        received: 'commune',
        expected: 'one of single, single-parent, couple, cost-sharers',
      },
    });
    expect(checkDeclaredFacts({ assetsCents: 12.5 }).ok).toBe(false);
  });

  it('Given partner income declared by a single person, when checked, then it is dropped as not asked', () => {
    const checked = checkDeclaredFacts({ household: 'single', partnerNetIncomeCents: 50000 });
    expect(checked).toEqual({ ok: true, value: { household: 'single' } });
  });
});

describe('declared facts: the encrypted record', () => {
  it('Given a new wallet, when read, then nothing is answered and it was never saved', async () => {
    const wallet = await freshWallet();
    expect(await readDeclaredFactsRecord(wallet)).toEqual({
      facts: {},
      monthly: {},
      savedAt: undefined,
    });
  });

  it('Given answers saved, when read back, then the same answers return with the time saved', async () => {
    const wallet = await freshWallet();
    const facts = {
      household: 'couple',
      ageBand: '21-to-pension',
      partnerNetIncomeCents: 45000,
      assetsCents: 250000,
      exemption: 'medical-15',
      exposure: 'employee-nl',
      yearsResidentNl: 40,
    };
    const saved = await saveDeclaredFacts(wallet, facts, { now: NOW });
    expect(saved).toEqual({
      ok: true,
      value: { facts, monthly: {}, savedAt: NOW.toISOString() },
    });
    expect(await readDeclaredFacts(wallet)).toEqual(facts);
  });

  it('Given an invalid answer, when saved, then it is refused and the earlier answers stay', async () => {
    const wallet = await freshWallet();
    await saveDeclaredFacts(wallet, { household: 'single' }, { now: NOW });
    const refused = await saveDeclaredFacts(wallet, { household: 'single', assetsCents: -1 });
    expect(refused.ok).toBe(false);
    expect(await readDeclaredFacts(wallet)).toEqual({ household: 'single' });
  });

  it('Given the questionnaire skipped (saved empty), when read, then nothing is answered but it counts as seen', async () => {
    const wallet = await freshWallet();
    await saveDeclaredFacts(wallet, {}, { now: NOW });
    expect(await readDeclaredFactsRecord(wallet)).toEqual({
      facts: {},
      monthly: {},
      savedAt: NOW.toISOString(),
    });
  });

  it('Given a record with one stale answer (an option since renamed), when read, then only that answer is left out', async () => {
    const wallet = await freshWallet();
    await wallet.vault.writeRecords([
      {
        id: DECLARED_FACTS_ID,
        value: {
          v: 1,
          savedAt: NOW.toISOString(),
          facts: { household: 'alone', ageBand: 'pension', assetsCents: 100 },
        },
      },
    ]);
    expect(await readDeclaredFacts(wallet)).toEqual({ ageBand: 'pension', assetsCents: 100 });
  });

  it('Given a record of a foreign shape, when read, then it is treated as not answered', async () => {
    const wallet = await freshWallet();
    await wallet.vault.writeRecords([{ id: DECLARED_FACTS_ID, value: ['household', 'single'] }]);
    expect(await readDeclaredFactsRecord(wallet)).toEqual({
      facts: {},
      monthly: {},
      savedAt: undefined,
    });
  });
});

describe('declared facts: partner income per month', () => {
  const COUPLE = { household: 'couple', ageBand: '21-to-pension' };
  const BY_MONTH = { partnerNetIncomeCents: { '2024-07': 50_000, '2024-08': 20_000 } };

  it('Given partner income per month, when saved and read back, then each month keeps its own amount', async () => {
    const wallet = await freshWallet();
    const saved = await saveDeclaredFacts(wallet, COUPLE, { now: NOW, monthly: BY_MONTH });
    expect(saved.ok).toBe(true);
    expect((await readDeclaredFactsRecord(wallet)).monthly).toEqual(BY_MONTH);
  });

  it('Given per-month answers, when single answers are saved without them (the consent screen), then the per-month answers stay', async () => {
    const wallet = await freshWallet();
    await saveDeclaredFacts(wallet, COUPLE, { now: NOW, monthly: BY_MONTH });
    await saveDeclaredFacts(wallet, { ...COUPLE, assetsCents: 100 }, { now: NOW });
    expect(await readDeclaredFactsRecord(wallet)).toMatchObject({
      facts: { ...COUPLE, assetsCents: 100 },
      monthly: BY_MONTH,
    });
  });

  it('Given a record written before per-month answers (one partner income), when read, then it still reads and answers every month', async () => {
    const wallet = await freshWallet();
    await wallet.vault.writeRecords([
      {
        id: DECLARED_FACTS_ID,
        value: {
          v: 1,
          savedAt: NOW.toISOString(),
          facts: { ...COUPLE, partnerNetIncomeCents: 45_000 },
        },
      },
    ]);
    const record = await readDeclaredFactsRecord(wallet);
    expect(record.monthly).toEqual({});
    expect(factsForMonth(record.facts, record.monthly, '2024-07').partnerNetIncomeCents).toBe(
      45_000,
    );
  });

  it('Given a single value and one month of its own, when the facts of each month are taken, then the month uses its own and the others the single value', () => {
    const facts = { ...COUPLE, partnerNetIncomeCents: 45_000 };
    const monthly = { partnerNetIncomeCents: { '2024-08': 20_000 } };
    expect(factsForMonth(facts, monthly, '2024-08').partnerNetIncomeCents).toBe(20_000);
    expect(factsForMonth(facts, monthly, '2024-07').partnerNetIncomeCents).toBe(45_000);
  });

  it.each([
    [
      'a month that is not YYYY-MM',
      { partnerNetIncomeCents: { '2024-13': 100 } },
      'partnerNetIncomeCents',
    ],
    ['a negative amount', { partnerNetIncomeCents: { '2024-07': -1 } }, 'partnerNetIncomeCents'],
    [
      'an amount in euros with decimals',
      { partnerNetIncomeCents: { '2024-07': 12.5 } },
      'partnerNetIncomeCents',
    ],
    ['an array instead of months', { partnerNetIncomeCents: [1, 2] }, 'partnerNetIncomeCents'],
    ['not an object', 'July: 500', 'monthly'],
    [
      'more months than ten years',
      {
        partnerNetIncomeCents: Object.fromEntries(
          Array.from({ length: MAX_MONTHS_PER_FACT + 1 }, (_, i) => [
            `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
            100,
          ]),
        ),
      },
      'partnerNetIncomeCents',
    ],
  ])('Given %s, when checked, then it is refused naming the fact', (_what, monthly, fact) => {
    const checked = checkMonthlyFacts(monthly, COUPLE);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.detail?.fact).toBe(fact);
  });

  it('Given a fact that is not answered per month, when checked, then it is left out', () => {
    expect(checkMonthlyFacts({ assetsCents: { '2024-07': 100 } }, COUPLE)).toEqual({
      ok: true,
      value: {},
    });
  });

  it('Given partner income by month for a declared single person, when checked, then it is dropped as not asked', () => {
    expect(checkMonthlyFacts(BY_MONTH, { household: 'single' })).toEqual({ ok: true, value: {} });
  });

  it('Given partner income and no declared household (the credential answers it), when checked, then it is kept', () => {
    expect(checkDeclaredFacts({ partnerNetIncomeCents: 500 })).toEqual({
      ok: true,
      value: { partnerNetIncomeCents: 500 },
    });
    expect(checkMonthlyFacts(BY_MONTH, {})).toEqual({ ok: true, value: BY_MONTH });
  });

  it('Given a record with damaged per-month answers, when read, then they read as not answered and the other answers still count', async () => {
    const wallet = await freshWallet();
    await wallet.vault.writeRecords([
      {
        id: DECLARED_FACTS_ID,
        value: {
          v: 1,
          savedAt: NOW.toISOString(),
          facts: COUPLE,
          monthly: { partnerNetIncomeCents: { '2024-07': 'lots' } },
        },
      },
    ]);
    expect(await readDeclaredFactsRecord(wallet)).toMatchObject({ facts: COUPLE, monthly: {} });
  });
});
