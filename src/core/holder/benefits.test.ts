import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES } from '../credentials/index.ts';
import type { RuleResult } from '../rules/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import {
  acknowledgeBenefitChanges,
  acknowledgeInSnapshot,
  BENEFITS_SNAPSHOT_ID,
  compareWithSnapshot,
  evaluateBenefits,
  findBenefitChanges,
  readBenefitsSnapshot,
  resultKey,
  snapshotOf,
  type BenefitsSnapshot,
} from './benefits.ts';
import { credentialIdFor, saveCredential, type StoredCredential } from './credential-store.ts';
import { saveDeclaredFacts } from './declared-facts.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';

const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const NOW = new Date('2026-11-21T10:00:00Z');
const TODAY = '2026-11-21';
const AANVULLING = 'nl.participatiewet.aanvulling';
const TAS_TNS = 'nl.asbest.tas-tns';

async function freshWallet(): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), now: () => NOW },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'created' },
  );
  if (!created.ok) throw new Error(`expected a wallet, got ${created.reason}`);
  return created.value;
}

let counter = 0;
function stored(
  typeId: StoredCredential['typeId'],
  claims: Record<string, unknown>,
  extra: Partial<StoredCredential> = {},
): StoredCredential {
  // The compact form is not read by the rules; a unique stand-in gives each credential its id.
  const compact = `test-${typeId}-${counter++}`;
  return {
    id: credentialIdFor(compact),
    compact,
    typeId,
    vct: CREDENTIAL_TYPES[typeId].vct,
    issuer: 'did:key:zDnaeTestIssuer',
    issuerName: typeId === 'income-statement' ? 'Rijdt Goed B.V.' : 'Longarts Utrecht',
    relationshipIndex: 0,
    childIndex: counter,
    claims,
    issuedAt: '2026-10-01T09:00:00Z',
    receivedAt: '2026-10-01T09:05:00Z',
    ...extra,
  };
}

/** An income statement with the claims an employer issues (credential-types.ts). */
function incomeStatement(period: string, netCents: number, extra: Partial<StoredCredential> = {}) {
  return stored(
    'income-statement',
    {
      period,
      gross_wage_cents: Math.round(netCents * 1.25),
      net_wage_cents: netCents,
      hours: 96,
      employer_name: 'Rijdt Goed B.V.',
      employer_id: '12345678',
      employee_name: 'Samira El Amrani',
      birth_date: '1984-03-17',
    },
    extra,
  );
}

function medicalAttestation(code: string) {
  return stored(
    'medical-attestation',
    {
      diagnosis_code: code,
      diagnosis_label: 'Asbestose',
      diagnosis_date: '2026-09-14',
      physician_name: 'Dr. A. de Vries',
      physician_registration: '19012345601',
      institution: 'UMC Utrecht',
      patient_name: 'Jan Bakker',
      birth_date: '1951-06-02',
    },
    { expiresAt: '2027-09-14T00:00:00Z' },
  );
}

const SINGLE = { household: 'single', ageBand: '21-to-pension', assetsCents: 100_000 };

async function walletWith(
  credentials: StoredCredential[],
  facts: Record<string, unknown> = SINGLE,
): Promise<HolderWallet> {
  const wallet = await freshWallet();
  for (const credential of credentials) await saveCredential(wallet, credential);
  const saved = await saveDeclaredFacts(wallet, facts, { now: NOW });
  if (!saved.ok) throw new Error(`facts refused: ${JSON.stringify(saved.detail)}`);
  return wallet;
}

const monthly = (results: readonly RuleResult[]) =>
  results.filter((result) => result.ruleId === AANVULLING);

describe('evaluateBenefits', () => {
  it('Given a single person with a September 2025 statement of €900.00 net, when evaluated, then the top-up is €400.61 (norm €1,300.61 from 1 July 2025), likely because the 2025 asset limit is not published', async () => {
    const wallet = await walletWith([incomeStatement('2025-09', 90_000)]);
    const { results } = await evaluateBenefits(wallet, { now: NOW });
    const [september] = monthly(results);
    expect(september).toMatchObject({
      ruleId: AANVULLING,
      period: '2025-09',
      status: 'likely-eligible',
      amountCents: 40_061,
      normCents: 130_061,
    });
  });

  it('Given a September 2024 statement and declared assets under the 2024 limit, when evaluated, then the month is eligible for the norm from 1 July 2024 (€1,243.03) minus income', async () => {
    const wallet = await walletWith([incomeStatement('2024-09', 90_000)]);
    const [september] = monthly((await evaluateBenefits(wallet, { now: NOW })).results);
    expect(september).toMatchObject({ status: 'eligible', amountCents: 124_303 - 90_000 });
  });

  it('Given statements for three months, when evaluated, then there is one result per month, each tagged with its rule and month', async () => {
    const wallet = await walletWith([
      incomeStatement('2025-08', 150_000),
      incomeStatement('2025-06', 90_000),
      incomeStatement('2025-07', 90_000),
    ]);
    const evaluation = await evaluateBenefits(wallet, { now: NOW });
    expect(monthly(evaluation.results).map((r) => [r.period, r.status])).toEqual([
      ['2025-06', 'likely-eligible'],
      ['2025-07', 'likely-eligible'],
      ['2025-08', 'not-eligible'],
    ]);
    // June to July: the norms changed on 1 July 2025 (€1,278.18 → €1,300.61 excl. holiday allowance).
    expect(monthly(evaluation.results).map((r) => r.amountCents)).toEqual([
      127_818 - 90_000,
      130_061 - 90_000,
      0,
    ]);
    expect(evaluation.income).toEqual([
      { period: '2025-06', netCents: 90_000 },
      { period: '2025-07', netCents: 90_000 },
      { period: '2025-08', netCents: 150_000 },
    ]);
  });

  it('Given two employers in one month, when evaluated, then their net wages add up for that month only', async () => {
    const wallet = await walletWith([
      incomeStatement('2025-09', 60_000),
      incomeStatement('2025-09', 30_000),
      incomeStatement('2025-10', 20_000),
    ]);
    const results = monthly((await evaluateBenefits(wallet, { now: NOW })).results);
    expect(results.map((r) => [r.period, r.amountCents])).toEqual([
      ['2025-09', 40_061],
      ['2025-10', 130_061 - 20_000],
    ]);
  });

  it('Given a revoked and an expired statement, when evaluated, then neither counts; one whose status could not be checked does', async () => {
    const status = { idx: 7, uri: 'https://status.example/1' };
    const wallet = await walletWith([
      incomeStatement('2025-09', 90_000, {
        status,
        statusCheck: { checkedAt: '2026-11-01T00:00:00Z', state: 'revoked' },
      }),
      incomeStatement('2025-10', 90_000, { expiresAt: '2026-11-01T00:00:00Z' }),
      incomeStatement('2025-11', 90_000, {
        status,
        statusCheck: { checkedAt: '2026-11-01T00:00:00Z', state: 'unknown' },
      }),
    ]);
    const evaluation = await evaluateBenefits(wallet, { now: NOW });
    expect(monthly(evaluation.results).map((r) => r.period)).toEqual(['2025-11']);
    expect(evaluation.income).toEqual([{ period: '2025-11', netCents: 90_000 }]);
  });

  it("Given a pulmonologist's attestation of asbestosis and exposure at work in NL, when evaluated, then the TAS applies as likely eligible, once, dated today", async () => {
    const wallet = await walletWith([medicalAttestation('J61')], {
      exposure: 'employee-nl',
      yearsResidentNl: 40,
    });
    const { results } = await evaluateBenefits(wallet, { now: NOW });
    const tas = results.filter((result) => result.ruleId === TAS_TNS);
    expect(tas).toHaveLength(1);
    expect(tas[0]).toMatchObject({ period: TODAY, status: 'likely-eligible', scheme: 'TAS' });
    expect(monthly(results)).toEqual([]);
  });
});

/** The municipality's household credential (credential-types.ts), valid until after NOW. */
function householdCredential(
  type: string,
  coResidents: number,
  expiresAt = '2027-01-31T00:00:00Z',
) {
  return stored(
    'household',
    {
      household_type: type,
      adult_co_residents: coResidents,
      municipality: 'Utrecht',
      valid_on: '2026-11-01',
    },
    { expiresAt },
  );
}

const COUPLE_2024 = { household: 'couple', ageBand: '21-to-pension', assetsCents: 1_000_000 };

async function walletWithMonthly(
  credentials: StoredCredential[],
  facts: Record<string, unknown>,
  monthlyFacts: Record<string, Record<string, number>>,
): Promise<HolderWallet> {
  const wallet = await freshWallet();
  for (const credential of credentials) await saveCredential(wallet, credential);
  const saved = await saveDeclaredFacts(wallet, facts, { now: NOW, monthly: monthlyFacts });
  if (!saved.ok) throw new Error(`facts refused: ${JSON.stringify(saved.detail)}`);
  return wallet;
}

describe('evaluateBenefits: partner income per month and the household credential', () => {
  // Facts §1, 1 Jul 2024, couple: excl. 1,775.75 (derived), incl. 1,869.21.
  it('Given the partner earned €500.00 in July 2024 and €200.00 in August, when evaluated, then each month counts its own partner income', async () => {
    const wallet = await walletWithMonthly(
      [incomeStatement('2024-07', 80_000), incomeStatement('2024-08', 80_000)],
      COUPLE_2024,
      { partnerNetIncomeCents: { '2024-07': 50_000, '2024-08': 20_000 } },
    );
    const { results } = await evaluateBenefits(wallet, { now: NOW });
    // 1,775.75 − (800.00 + 500.00) = 475.75; 1,775.75 − (800.00 + 200.00) = 775.75
    expect(monthly(results).map((r) => [r.period, r.status, r.amountCents])).toEqual([
      ['2024-07', 'eligible', 47_575],
      ['2024-08', 'eligible', 77_575],
    ]);
  });

  it('Given an old single partner income of €500.00 and one month answered on its own, when evaluated, then the single value answers the other month', async () => {
    const wallet = await walletWithMonthly(
      [incomeStatement('2024-07', 80_000), incomeStatement('2024-08', 80_000)],
      { ...COUPLE_2024, partnerNetIncomeCents: 50_000 },
      { partnerNetIncomeCents: { '2024-08': 20_000 } },
    );
    const { results } = await evaluateBenefits(wallet, { now: NOW });
    expect(monthly(results).map((r) => r.amountCents)).toEqual([47_575, 77_575]);
  });

  it('Given a couple with partner income for July only, when evaluated, then August needs the partner income', async () => {
    const wallet = await walletWithMonthly(
      [incomeStatement('2024-07', 80_000), incomeStatement('2024-08', 80_000)],
      COUPLE_2024,
      { partnerNetIncomeCents: { '2024-07': 50_000 } },
    );
    const { results } = await evaluateBenefits(wallet, { now: NOW });
    expect(monthly(results).map((r) => r.status)).toEqual(['eligible', 'needs-evidence']);
  });

  it("Given the municipality's household credential (couple) and no declared household, when evaluated, then the household comes from it and the partner income per month counts", async () => {
    const wallet = await walletWithMonthly(
      [incomeStatement('2024-07', 80_000), householdCredential('couple', 1)],
      { ageBand: '21-to-pension', assetsCents: 1_000_000 },
      { partnerNetIncomeCents: { '2024-07': 50_000 } },
    );
    const evaluation = await evaluateBenefits(wallet, { now: NOW });
    expect(evaluation.household).toMatchObject({ household: 'couple', adults: 2 });
    const [july] = monthly(evaluation.results);
    expect(july).toMatchObject({ status: 'eligible', amountCents: 47_575 });
    expect(july?.trace.find((step) => step.id === 'household')?.input?.origin).toBe('credential');
  });

  it('Given an expired household credential and no declared household, when evaluated, then it is not used and the household is needed', async () => {
    const wallet = await walletWithMonthly(
      [
        incomeStatement('2024-07', 80_000),
        householdCredential('single', 0, '2026-10-01T00:00:00Z'),
      ],
      { ageBand: '21-to-pension' },
      {},
    );
    const evaluation = await evaluateBenefits(wallet, { now: NOW });
    expect(evaluation.household).toBeUndefined();
    expect(monthly(evaluation.results)[0]?.status).toBe('needs-evidence');
  });
});

function result(
  ruleId: RuleResult['ruleId'],
  period: string,
  status: RuleResult['status'],
  amountCents: number | null,
): RuleResult {
  return { ruleId, period, status, amountCents, trace: [], evidence: [] };
}

describe('compareWithSnapshot', () => {
  const september = result(AANVULLING, '2025-09', 'eligible', 40_061);
  const august = result(AANVULLING, '2025-08', 'not-eligible', 0);
  const tas = result(TAS_TNS, '2026-11-21', 'likely-eligible', null);

  it('Given no snapshot (first evaluation ever), when compared, then every eligible or likely eligible result is news and nothing else', () => {
    expect(compareWithSnapshot(undefined, [september, august, tas])).toEqual([
      {
        kind: 'new-eligible',
        key: `${AANVULLING}@2025-09`,
        ruleId: AANVULLING,
        period: '2025-09',
        status: 'eligible',
        amountCents: 40_061,
      },
      {
        kind: 'new-eligible',
        key: TAS_TNS,
        ruleId: TAS_TNS,
        period: '2026-11-21',
        status: 'likely-eligible',
        amountCents: null,
      },
    ]);
  });

  it('Given the same results as the snapshot, when compared, then nothing changed', () => {
    expect(
      compareWithSnapshot(snapshotOf([september, august, tas]), [september, august, tas]),
    ).toEqual([]);
  });

  it('Given a result dated by day, when evaluated on a later day with the same outcome, then it is the same result (not news)', () => {
    const later = { ...tas, period: '2026-12-01' };
    expect(resultKey(later)).toBe(resultKey(tas));
    expect(compareWithSnapshot(snapshotOf([tas]), [later])).toEqual([]);
  });

  it.each([
    ['a changed status', { status: 'not-eligible', amountCents: 0 }, 'status'],
    ['a changed amount under the same status', { amountCents: 25_000 }, 'amount'],
    ['the amount becoming unknown', { status: 'unknown', amountCents: null }, 'status'],
  ] as const)(
    'Given %s, when compared, then it is reported with what it was',
    (_case, change, kind) => {
      const now = { ...september, ...change };
      expect(compareWithSnapshot(snapshotOf([september]), [now])).toEqual([
        {
          kind,
          key: `${AANVULLING}@2025-09`,
          ruleId: AANVULLING,
          period: '2025-09',
          status: now.status,
          amountCents: now.amountCents,
          previous: { status: 'eligible', amountCents: 40_061 },
        },
      ]);
    },
  );

  it('Given a result gone from the evaluation (its credential deleted), when compared, then it is not reported', () => {
    expect(compareWithSnapshot(snapshotOf([september, august]), [august])).toEqual([]);
  });

  it('Given changes acknowledged, when compared again, then they are no longer news and other entries stay', () => {
    const snapshot: BenefitsSnapshot = snapshotOf([august]);
    const changes = compareWithSnapshot(snapshot, [september, august]);
    const after = acknowledgeInSnapshot(snapshot, changes);
    expect(compareWithSnapshot(after, [september, august])).toEqual([]);
    expect(after.results).toHaveLength(2);
  });
});

describe('benefit changes in the wallet', () => {
  it('Given a first evaluation, when a card is dismissed and a new month arrives, then only the new month is news', async () => {
    const wallet = await walletWith([incomeStatement('2025-09', 90_000)]);
    const first = await findBenefitChanges(wallet, { now: NOW });
    expect(first.changes.map((c) => [c.kind, c.period, c.amountCents])).toEqual([
      ['new-eligible', '2025-09', 40_061],
    ]);
    await acknowledgeBenefitChanges(wallet, first.changes);
    expect((await findBenefitChanges(wallet, { now: NOW })).changes).toEqual([]);

    await saveCredential(wallet, incomeStatement('2025-10', 100_000));
    const next = await findBenefitChanges(wallet, { now: NOW });
    expect(next.changes.map((c) => [c.kind, c.period, c.amountCents])).toEqual([
      ['new-eligible', '2025-10', 30_061],
    ]);
  });

  it('Given an acknowledged month, when a second employer’s statement for it arrives, then the changed amount is news with the old amount', async () => {
    const wallet = await walletWith([incomeStatement('2025-09', 90_000)]);
    await acknowledgeBenefitChanges(
      wallet,
      (await findBenefitChanges(wallet, { now: NOW })).changes,
    );
    await saveCredential(wallet, incomeStatement('2025-09', 20_000));
    const { changes } = await findBenefitChanges(wallet, { now: NOW });
    expect(changes).toMatchObject([
      { kind: 'amount', period: '2025-09', amountCents: 20_061, previous: { amountCents: 40_061 } },
    ]);
  });

  it('Given the snapshot, when read back, then it holds rule, period, status and amount only (no trace, no claims)', async () => {
    const wallet = await walletWith([incomeStatement('2025-09', 90_000)]);
    await acknowledgeBenefitChanges(
      wallet,
      (await findBenefitChanges(wallet, { now: NOW })).changes,
    );
    expect(await readBenefitsSnapshot(wallet)).toEqual({
      results: [
        { ruleId: AANVULLING, period: '2025-09', status: 'likely-eligible', amountCents: 40_061 },
      ],
    });
  });

  it('Given an unreadable snapshot, when compared, then it counts as a first evaluation', async () => {
    const wallet = await walletWith([incomeStatement('2025-09', 90_000)]);
    await wallet.vault.writeRecords([{ id: BENEFITS_SNAPSHOT_ID, value: { results: 'nope' } }]);
    expect(await readBenefitsSnapshot(wallet)).toBeUndefined();
    expect((await findBenefitChanges(wallet, { now: NOW })).changes).toHaveLength(1);
  });
});
