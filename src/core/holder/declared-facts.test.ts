import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../rules/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import {
  checkDeclaredFacts,
  DECLARED_FACTS_ID,
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
    expect(await readDeclaredFactsRecord(wallet)).toEqual({ facts: {}, savedAt: undefined });
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
    expect(saved).toEqual({ ok: true, value: { facts, savedAt: NOW.toISOString() } });
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
    expect(await readDeclaredFactsRecord(wallet)).toEqual({ facts: {}, savedAt: undefined });
  });
});
