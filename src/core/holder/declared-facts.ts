import { z } from 'zod';
import { failedWith, ok, type Result } from '../result.ts';
import { RULES, type FactSpec } from '../rules/index.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * What the citizen declares about themselves for the benefit rules (household, age band, assets,
 * exposure to asbestos…): the questionnaire's answers, one encrypted record. Answers are checked
 * against the rules' own fact specs on the way in and on the way out, so an answer the rules no
 * longer understand (an option that was renamed, a foreign or damaged record) reads as "not
 * answered" instead of reaching a rule.
 */
export const DECLARED_FACTS_ID = 'declared-facts';

export type DeclaredValue = string | number | boolean;
export type DeclaredFacts = Readonly<Record<string, DeclaredValue>>;

/**
 * Facts the wallet supplies itself rather than asking: income and diagnosis come from verified
 * credentials, and the person answering the questionnaire in their own wallet is alive.
 */
export const WALLET_SUPPLIED_FACTS: readonly string[] = ['netIncomeCents', 'diagnosis', 'alive'];

/**
 * A fact that is only asked when another answer makes it relevant: asked when `on` has an answer
 * that `when` accepts; dropped as irrelevant only when `on` is answered otherwise (a household
 * that the municipality's credential supplies is not among the declared answers, and must not
 * make the partner's income disappear).
 */
const ASKED_ONLY_WHEN: Readonly<
  Record<string, { on: string; when: (value: DeclaredValue | undefined) => boolean }>
> = {
  partnerNetIncomeCents: { on: 'household', when: (value) => value === 'couple' },
  costSharers: { on: 'household', when: (value) => value === 'cost-sharers' },
  // Survivors' question; the wallet's holder answering is alive (WALLET_SUPPLIED_FACTS).
  appliedBeforeDeath: { on: 'alive', when: (value) => value === false },
};

/**
 * Facts that may be answered per month (`YYYY-MM` → value) besides (or instead of) one value:
 * the partner's net income differs from month to month. A single value, the only form before
 * issue 11, still reads: it answers every month that has no answer of its own.
 */
export const MONTHLY_FACTS: readonly string[] = ['partnerNetIncomeCents'];

/** Per-month answers: fact name → month (`YYYY-MM`) → value (euro cents). */
export type MonthlyFacts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** At most this many months per fact are kept (ten years); more is refused as tampered. */
export const MAX_MONTHS_PER_FACT = 120;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Every fact the rule modules take, each once, in the order the modules first name it. When two
 * modules offer different options for the same fact (asbestos exposure in NL and in BE), the
 * options are merged.
 */
export function declaredFactSpecs(
  modules: readonly { inputs: { facts: readonly FactSpec[] } }[] = Object.values(RULES),
): FactSpec[] {
  const byName = new Map<string, FactSpec>();
  for (const module of modules) {
    for (const spec of module.inputs.facts) {
      const seen = byName.get(spec.name);
      if (!seen) {
        byName.set(spec.name, spec);
        continue;
      }
      if (seen.kind === 'enum' && spec.kind === 'enum') {
        const options = [...(seen.options ?? [])];
        for (const option of spec.options ?? [])
          if (!options.includes(option)) options.push(option);
        byName.set(spec.name, {
          ...seen,
          options,
          optionLabels: { ...spec.optionLabels, ...seen.optionLabels },
        });
      }
    }
  }
  return [...byName.values()];
}

/** The facts the questionnaire asks (those the wallet cannot supply itself). */
export function questionnaireFacts(specs: readonly FactSpec[] = declaredFactSpecs()): FactSpec[] {
  return specs.filter((spec) => !WALLET_SUPPLIED_FACTS.includes(spec.name));
}

/** Whether a fact is asked given the other answers (partner income only for a couple…). */
export function isFactAsked(name: string, facts: DeclaredFacts): boolean {
  const rule = ASKED_ONLY_WHEN[name];
  return rule === undefined || rule.when(facts[rule.on]);
}

/** Whether the other answers make a fact irrelevant (answered, and not the answer that asks it). */
function isIrrelevant(name: string, facts: DeclaredFacts): boolean {
  const rule = ASKED_ONLY_WHEN[name];
  return rule !== undefined && facts[rule.on] !== undefined && !rule.when(facts[rule.on]);
}

function schemaForFact(spec: FactSpec): z.ZodType<DeclaredValue> {
  switch (spec.kind) {
    case 'enum':
      return z.string().refine((value) => (spec.options ?? []).includes(value));
    case 'cents':
      return z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
    case 'integer':
      return z.number().int().min(0).max(1_000);
    case 'boolean':
      return z.boolean();
  }
}

export interface DeclaredFactIssue {
  readonly fact: string;
  readonly received: unknown;
  readonly expected: string;
}

function expectationOf(spec: FactSpec): string {
  switch (spec.kind) {
    case 'enum':
      return `one of ${(spec.options ?? []).join(', ')}`;
    case 'cents':
      return 'a whole number of euro cents, 0 or more';
    case 'integer':
      return 'a whole number from 0 to 1000';
    case 'boolean':
      return 'true or false';
  }
}

/**
 * Check answers against the fact specs. Unknown facts and answers that a later answer made
 * irrelevant (partner income for a single person) are dropped; a wrong value is an issue.
 */
export function checkDeclaredFacts(
  facts: Readonly<Record<string, unknown>>,
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Result<DeclaredFacts, 'invalid-fact', DeclaredFactIssue> {
  const checked: Record<string, DeclaredValue> = {};
  for (const spec of specs) {
    const value = facts[spec.name];
    if (value === undefined || value === null || value === '') continue;
    const parsed = schemaForFact(spec).safeParse(value);
    if (!parsed.success)
      return failedWith('invalid-fact', {
        fact: spec.name,
        received: value,
        expected: expectationOf(spec),
      });
    checked[spec.name] = parsed.data;
  }
  for (const name of Object.keys(checked)) if (isIrrelevant(name, checked)) delete checked[name];
  return ok(checked);
}

/**
 * Check per-month answers: only MONTHLY_FACTS, months as `YYYY-MM`, values by the fact's spec, at
 * most MAX_MONTHS_PER_FACT months each. Empty months are left out; a fact the other answers make
 * irrelevant (partner income of a single person) is dropped.
 */
export function checkMonthlyFacts(
  monthly: unknown,
  facts: DeclaredFacts = {},
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Result<MonthlyFacts, 'invalid-fact', DeclaredFactIssue> {
  if (monthly === undefined || monthly === null) return ok({});
  if (typeof monthly !== 'object' || Array.isArray(monthly))
    return failedWith('invalid-fact', {
      fact: 'monthly',
      received: monthly,
      expected: 'an object of facts by month',
    });
  const checked: Record<string, Record<string, number>> = {};
  for (const [name, months] of Object.entries(monthly as Record<string, unknown>)) {
    const spec = specs.find((candidate) => candidate.name === name);
    if (!MONTHLY_FACTS.includes(name) || spec === undefined) continue;
    const issue = (received: unknown, expected: string) =>
      failedWith('invalid-fact', { fact: name, received, expected });
    if (typeof months !== 'object' || months === null || Array.isArray(months))
      return issue(months, 'an object of YYYY-MM months to amounts');
    const entries = Object.entries(months as Record<string, unknown>).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    );
    if (entries.length > MAX_MONTHS_PER_FACT)
      return issue(entries.length, `at most ${MAX_MONTHS_PER_FACT} months`);
    const byMonth: Record<string, number> = {};
    for (const [month, value] of entries) {
      if (!MONTH.test(month)) return issue(month, 'a month as YYYY-MM');
      const parsed = schemaForFact(spec).safeParse(value);
      if (!parsed.success || typeof parsed.data !== 'number')
        return issue(value, expectationOf(spec));
      byMonth[month] = parsed.data;
    }
    if (Object.keys(byMonth).length > 0 && !isIrrelevant(name, facts)) checked[name] = byMonth;
  }
  return ok(checked);
}

/**
 * The answers for one month: each per-month fact takes that month's answer when there is one, and
 * otherwise keeps its single value (if any). The rules see one value per fact, as before.
 */
export function factsForMonth(
  facts: DeclaredFacts,
  monthly: MonthlyFacts,
  month: string,
): DeclaredFacts {
  const forMonth: Record<string, DeclaredValue> = { ...facts };
  for (const [name, byMonth] of Object.entries(monthly)) {
    const value = byMonth[month];
    if (value !== undefined) forMonth[name] = value;
  }
  return forMonth;
}

const declaredRecordSchema = z.object({
  v: z.literal(1),
  savedAt: z.string(),
  facts: z.record(z.string(), z.unknown()),
  /** Per-month answers (issue 11); absent in records written before. */
  monthly: z.unknown().optional(),
});

export interface DeclaredFactsRecord {
  /** The answers still valid under today's fact specs. */
  readonly facts: DeclaredFacts;
  /** Per-month answers (partner income by month); {} when none. */
  readonly monthly: MonthlyFacts;
  /** When the citizen last saved them; undefined when never (or unreadable: asked again). */
  readonly savedAt: string | undefined;
}

/**
 * The citizen's answers with the time they were saved. A missing or unreadable record means "not
 * answered"; an answer that no longer fits its spec is left out on its own, the others still count.
 */
export async function readDeclaredFactsRecord(
  wallet: HolderWallet,
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Promise<DeclaredFactsRecord> {
  const read = await wallet.vault.readRecord(DECLARED_FACTS_ID, declaredRecordSchema);
  if (!read.ok || !read.value) return { facts: {}, monthly: {}, savedAt: undefined };
  const facts: Record<string, DeclaredValue> = {};
  for (const spec of specs) {
    const parsed = schemaForFact(spec).safeParse(read.value.facts[spec.name]);
    if (parsed.success) facts[spec.name] = parsed.data;
  }
  for (const name of Object.keys(facts)) if (isIrrelevant(name, facts)) delete facts[name];
  // Damaged per-month answers read as not answered; the other answers still count.
  const monthly = checkMonthlyFacts(read.value.monthly, facts, specs);
  return { facts, monthly: monthly.ok ? monthly.value : {}, savedAt: read.value.savedAt };
}

/** The citizen's answers (empty when never answered, skipped or unreadable). */
export async function readDeclaredFacts(
  wallet: HolderWallet,
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Promise<DeclaredFacts> {
  return (await readDeclaredFactsRecord(wallet, specs)).facts;
}

/**
 * The answers a verifier's request gets: for a request about a month (its `vouch.period`), that
 * month's answers (factsForMonth: a partner's income of that month before the single answer);
 * without a period, the single answers, as before periods existed.
 */
export async function readDeclaredFactsFor(
  wallet: HolderWallet,
  period: string | undefined,
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Promise<DeclaredFacts> {
  const record = await readDeclaredFactsRecord(wallet, specs);
  if (period === undefined || !MONTH.test(period)) return record.facts;
  return factsForMonth(record.facts, record.monthly, period);
}

/**
 * Add answers given elsewhere than the questionnaire (the consent screen) to the stored ones, the
 * others kept. For a request about a month, a per-month fact (MONTHLY_FACTS) is saved as that
 * month's answer, so the partner's income typed for September does not answer every other month;
 * without a period it is the single answer.
 */
export async function addDeclaredAnswers(
  wallet: HolderWallet,
  answers: Readonly<Record<string, DeclaredValue>>,
  options: { period?: string | undefined; now?: Date; specs?: readonly FactSpec[] } = {},
): Promise<Result<DeclaredFactsRecord, 'invalid-fact', DeclaredFactIssue>> {
  const specs = options.specs ?? declaredFactSpecs();
  const record = await readDeclaredFactsRecord(wallet, specs);
  const { period } = options;
  const facts: Record<string, DeclaredValue> = { ...record.facts };
  const monthly: Record<string, Record<string, number>> = Object.fromEntries(
    Object.entries(record.monthly).map(([name, byMonth]) => [name, { ...byMonth }]),
  );
  for (const [name, value] of Object.entries(answers)) {
    if (period !== undefined && MONTH.test(period) && MONTHLY_FACTS.includes(name)) {
      // A value that is not a number is refused by checkMonthlyFacts below, naming the fact.
      monthly[name] = { ...monthly[name], [period]: value as number };
    } else {
      facts[name] = value;
    }
  }
  return saveDeclaredFacts(wallet, facts, {
    specs,
    monthly,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

/**
 * Replace the answers (an empty object records "skipped": the questionnaire is not forced again).
 * `monthly` replaces the per-month answers; left out, the saved per-month answers are kept (so a
 * screen that saves single answers, like consent, does not lose the partner's income by month).
 */
export async function saveDeclaredFacts(
  wallet: HolderWallet,
  facts: Readonly<Record<string, unknown>>,
  options: { now?: Date; specs?: readonly FactSpec[]; monthly?: unknown } = {},
): Promise<Result<DeclaredFactsRecord, 'invalid-fact', DeclaredFactIssue>> {
  const specs = options.specs ?? declaredFactSpecs();
  const checked = checkDeclaredFacts(facts, specs);
  if (!checked.ok) return checked;
  const monthlyInput =
    options.monthly === undefined
      ? (await readDeclaredFactsRecord(wallet, specs)).monthly
      : options.monthly;
  const monthly = checkMonthlyFacts(monthlyInput, checked.value, specs);
  if (!monthly.ok) return monthly;
  const savedAt = (options.now ?? new Date()).toISOString();
  await wallet.vault.writeRecords([
    {
      id: DECLARED_FACTS_ID,
      value: { v: 1, savedAt, facts: checked.value, monthly: monthly.value },
    },
  ]);
  return ok({ facts: checked.value, monthly: monthly.value, savedAt });
}

export async function deleteDeclaredFacts(wallet: HolderWallet): Promise<void> {
  await wallet.vault.writeRecords([{ delete: DECLARED_FACTS_ID }]);
}
