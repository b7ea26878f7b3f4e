import { z } from 'zod';
import {
  evaluateRule,
  householdFromClaims,
  RULES,
  type CredentialHousehold,
  type RuleId,
  type RuleInput,
  type RuleModule,
  type RuleResult,
  type RuleStatus,
} from '../rules/index.ts';
import { credentialState } from './credential-store.ts';
import { listCredentialSummaries, type CredentialSummary } from './credential-store-summary.ts';
import {
  declaredFactSpecs,
  factsForMonth,
  readDeclaredFactsRecord,
  type DeclaredFacts,
  type MonthlyFacts,
} from './declared-facts.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * Proactive benefits: every rule module over the wallet's own credentials and the citizen's
 * declared facts, on the device. Nothing here sends anything anywhere.
 *
 * - Claims: those of the stored credentials (verified when received) that are usable now — not
 *   expired and not known to be revoked. A credential whose status could not be checked counts.
 * - Monthly rules (the participatiewet top-up) run for every month that has an income statement,
 *   each month with that month's statements only; rules dated by day (asbestos) run once, today.
 * - A snapshot of the results (`benefits-snapshot`) tells what changed since the citizen last
 *   acknowledged them: "September 2026: you are entitled to €400.61".
 */
export const BENEFITS_SNAPSHOT_ID = 'benefits-snapshot';

const INCOME_STATEMENT = 'income-statement';

export interface MonthlyIncome {
  readonly period: string;
  /** Net wages of the month's usable statements added up (several employers in one month). */
  readonly netCents: number;
}

export interface BenefitsEvaluation {
  readonly results: RuleResult[];
  readonly facts: DeclaredFacts;
  /** The per-month answers the monthly rules used (partner income by month). */
  readonly monthly: MonthlyFacts;
  /**
   * The household as the municipality's household credential says it (a usable one), which the
   * rules use instead of asking: the questionnaire does not ask it.
   */
  readonly household?: CredentialHousehold;
  /** Net income per month from the usable income statements, oldest first. */
  readonly income: MonthlyIncome[];
  readonly evaluatedAt: string;
}

/** Usable for a rule: not expired and not known revoked (verified at receipt). */
export function isUsableCredential(credential: CredentialSummary, now: Date): boolean {
  const state = credentialState(credential, now);
  return state === 'valid' || state === 'status-unknown';
}

function periodOf(credential: CredentialSummary): string | undefined {
  const period = credential.claims.period;
  return credential.typeId === INCOME_STATEMENT &&
    typeof period === 'string' &&
    /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
    ? period
    : undefined;
}

export function monthlyIncome(credentials: readonly CredentialSummary[]): MonthlyIncome[] {
  const totals = new Map<string, number>();
  for (const credential of credentials) {
    const period = periodOf(credential);
    const net = credential.claims.net_wage_cents;
    if (period === undefined || typeof net !== 'number') continue;
    totals.set(period, (totals.get(period) ?? 0) + net);
  }
  return [...totals]
    .map(([period, netCents]) => ({ period, netCents }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/** Net wages of a month's income statements added up; undefined when none states a number. */
function netOf(entries: RuleInput['claims']): number | undefined {
  let total: number | undefined;
  for (const { claims } of entries) {
    const net = claims.net_wage_cents;
    if (typeof net === 'number') total = (total ?? 0) + net;
  }
  return total;
}

/** The wallet's own contribution to the facts: the holder answering in their wallet is alive. */
function factsForRules(declared: DeclaredFacts): Readonly<Record<string, unknown>> {
  return { alive: true, ...declared };
}

/**
 * The pure part of evaluateBenefits: credentials (summaries or full records) and facts in, results
 * per rule and period out. Each credential is looked at once: income statements are grouped by
 * month up front, so a month's run costs its own statements, not the whole wallet's.
 */
export function evaluateBenefitsOver(input: {
  credentials: readonly CredentialSummary[];
  facts: DeclaredFacts;
  /** Per-month answers; a month without one uses the single answer (if any). */
  monthly?: MonthlyFacts;
  now: Date;
  modules?: readonly RuleModule[];
}): BenefitsEvaluation {
  const monthly = input.monthly ?? {};
  const usable = input.credentials.filter((credential) =>
    isUsableCredential(credential, input.now),
  );
  const facts = factsForRules(input.facts);
  const today = input.now.toISOString().slice(0, 10);

  // A month's run sees that month's income statements only, with every other usable credential
  // (an income statement without a valid period is seen by no month's run).
  type ClaimsEntry = RuleInput['claims'][number];
  const all: ClaimsEntry[] = [];
  const others: ClaimsEntry[] = [];
  const byMonth = new Map<string, ClaimsEntry[]>();
  for (const credential of usable) {
    const entry: ClaimsEntry = { vct: credential.vct, claims: credential.claims };
    all.push(entry);
    if (credential.typeId !== INCOME_STATEMENT) {
      others.push(entry);
      continue;
    }
    const period = periodOf(credential);
    if (period === undefined) continue;
    const month = byMonth.get(period);
    if (month) month.push(entry);
    else byMonth.set(period, [entry]);
  }
  const months = [...byMonth.keys()].sort();
  const claimsFor = (month?: string): RuleInput['claims'] =>
    month === undefined ? all : [...others, ...(byMonth.get(month) ?? [])];
  const evaluate = (module: RuleModule, ruleInput: RuleInput) =>
    input.modules === undefined ? evaluateRule(module.id, ruleInput) : module.evaluate(ruleInput);

  const results: RuleResult[] = [];
  for (const module of input.modules ?? Object.values(RULES)) {
    const monthlyRule = module.periodKind === 'month';
    const periods = monthlyRule ? months : [today];
    for (const period of periods) {
      const claims = claimsFor(monthlyRule ? period : undefined);
      const ruleFacts = monthlyRule
        ? factsForRules(factsForMonth(input.facts, monthly, period))
        : facts;
      // Each result carries its rule and period, whatever the module put there.
      results.push({
        ...evaluate(module, { period, facts: ruleFacts, claims }),
        ruleId: module.id,
        period,
      });
    }
  }
  const household = householdFromClaims(claimsFor());
  return {
    results,
    facts: input.facts,
    monthly,
    ...(household === undefined ? {} : { household }),
    income: months.flatMap((period) => {
      const netCents = netOf(byMonth.get(period) ?? []);
      return netCents === undefined ? [] : [{ period, netCents }];
    }),
    evaluatedAt: input.now.toISOString(),
  };
}

/**
 * Every rule module over this wallet's usable credentials and declared facts. The credentials are
 * the summaries (listCredentialSummaries); pass them when the caller has just listed them.
 */
export async function evaluateBenefits(
  wallet: HolderWallet,
  options: { now: Date; credentials?: readonly CredentialSummary[] },
): Promise<BenefitsEvaluation> {
  const [credentials, declared] = await Promise.all([
    options.credentials ?? listCredentialSummaries(wallet),
    readDeclaredFactsRecord(wallet, declaredFactSpecs()),
  ]);
  return evaluateBenefitsOver({
    credentials,
    facts: declared.facts,
    monthly: declared.monthly,
    now: options.now,
  });
}

// --- what changed --------------------------------------------------------------------------

const ruleIds = Object.keys(RULES) as [RuleId, ...RuleId[]];
const snapshotEntrySchema = z.object({
  ruleId: z.string(),
  period: z.string(),
  status: z.enum(['eligible', 'likely-eligible', 'not-eligible', 'needs-evidence', 'unknown']),
  amountCents: z.number().int().nullable(),
});
const snapshotSchema = z.object({ results: z.array(snapshotEntrySchema) });

export interface SnapshotEntry {
  readonly ruleId: RuleId;
  readonly period: string;
  readonly status: RuleStatus;
  readonly amountCents: number | null;
}
export interface BenefitsSnapshot {
  readonly results: readonly SnapshotEntry[];
}

export type BenefitChangeKind = 'new-eligible' | 'status' | 'amount';

export interface BenefitChange {
  readonly kind: BenefitChangeKind;
  /** Stable identity of the result: rule and month, or the rule alone for rules dated by day. */
  readonly key: string;
  readonly ruleId: RuleId;
  readonly period: string;
  readonly status: RuleStatus;
  readonly amountCents: number | null;
  readonly previous?: { status: RuleStatus; amountCents: number | null };
}

const isPositive = (status: RuleStatus) => status === 'eligible' || status === 'likely-eligible';

/**
 * A result's identity across evaluations: a monthly result is its rule and month; a rule dated by
 * day (asbestos, evaluated "today") is one result per rule, or every day would be new.
 */
export function resultKey(result: { ruleId: string; period: string }): string {
  return /^\d{4}-\d{2}$/.test(result.period) ? `${result.ruleId}@${result.period}` : result.ruleId;
}

export function snapshotOf(results: readonly RuleResult[]): BenefitsSnapshot {
  return {
    results: results.map(({ ruleId, period, status, amountCents }) => ({
      ruleId,
      period,
      status,
      amountCents,
    })),
  };
}

/**
 * What changed since the snapshot, as the citizen would want to hear it: a result that became
 * eligible (or likely eligible) where there was none, a status that changed, or an amount that
 * changed under the same status. A result that is new but not eligible is not news; a result that
 * disappeared (a credential deleted) is not reported. No snapshot counts as an empty one, so the
 * first evaluation reports every eligible result.
 */
export function compareWithSnapshot(
  snapshot: BenefitsSnapshot | undefined,
  results: readonly RuleResult[],
): BenefitChange[] {
  const before = new Map((snapshot?.results ?? []).map((entry) => [resultKey(entry), entry]));
  const changes: BenefitChange[] = [];
  for (const result of results) {
    const key = resultKey(result);
    const { ruleId, period, status, amountCents } = result;
    const previous = before.get(key);
    if (!previous) {
      if (isPositive(status))
        changes.push({ kind: 'new-eligible', key, ruleId, period, status, amountCents });
      continue;
    }
    const was = { status: previous.status, amountCents: previous.amountCents };
    if (previous.status !== status)
      changes.push({ kind: 'status', key, ruleId, period, status, amountCents, previous: was });
    else if (previous.amountCents !== amountCents)
      changes.push({ kind: 'amount', key, ruleId, period, status, amountCents, previous: was });
  }
  return changes;
}

/** The snapshot with the given changes taken in (acknowledged); every other entry kept as it was. */
export function acknowledgeInSnapshot(
  snapshot: BenefitsSnapshot | undefined,
  changes: readonly Pick<BenefitChange, 'key' | 'ruleId' | 'period' | 'status' | 'amountCents'>[],
): BenefitsSnapshot {
  const entries = new Map((snapshot?.results ?? []).map((entry) => [resultKey(entry), entry]));
  for (const { key, ruleId, period, status, amountCents } of changes)
    entries.set(key, { ruleId, period, status, amountCents });
  return { results: [...entries.values()] };
}

/** The last acknowledged results; missing or unreadable → undefined (as if never evaluated). */
export async function readBenefitsSnapshot(
  wallet: HolderWallet,
): Promise<BenefitsSnapshot | undefined> {
  const read = await wallet.vault.readRecord(BENEFITS_SNAPSHOT_ID, snapshotSchema);
  if (!read.ok || !read.value) return undefined;
  return {
    results: read.value.results.filter((entry): entry is SnapshotEntry =>
      (ruleIds as string[]).includes(entry.ruleId),
    ),
  };
}

export async function saveBenefitsSnapshot(
  wallet: HolderWallet,
  snapshot: BenefitsSnapshot,
): Promise<void> {
  await wallet.vault.writeRecords([{ id: BENEFITS_SNAPSHOT_ID, value: snapshot }]);
}

/** Take changes in: the citizen saw (dismissed) them, so they are no longer news. */
export async function acknowledgeBenefitChanges(
  wallet: HolderWallet,
  changes: readonly BenefitChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const snapshot = await readBenefitsSnapshot(wallet);
  await saveBenefitsSnapshot(wallet, acknowledgeInSnapshot(snapshot, changes));
}

/** Evaluate and compare with the snapshot, without acknowledging anything. */
export async function findBenefitChanges(
  wallet: HolderWallet,
  options: { now: Date; credentials?: readonly CredentialSummary[] },
): Promise<{ evaluation: BenefitsEvaluation; changes: BenefitChange[] }> {
  const [evaluation, snapshot] = await Promise.all([
    evaluateBenefits(wallet, options),
    readBenefitsSnapshot(wallet),
  ]);
  return { evaluation, changes: compareWithSnapshot(snapshot, evaluation.results) };
}
