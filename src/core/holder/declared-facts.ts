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

/** A fact that is only asked when another answer makes it relevant. */
const ASKED_ONLY_WHEN: Readonly<Record<string, (facts: DeclaredFacts) => boolean>> = {
  partnerNetIncomeCents: (facts) => facts.household === 'couple',
  costSharers: (facts) => facts.household === 'cost-sharers',
  // Survivors' question; the wallet's holder answering is alive (WALLET_SUPPLIED_FACTS).
  appliedBeforeDeath: (facts) => facts.alive === false,
};

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
  return ASKED_ONLY_WHEN[name]?.(facts) ?? true;
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
  for (const name of Object.keys(checked)) if (!isFactAsked(name, checked)) delete checked[name];
  return ok(checked);
}

const declaredRecordSchema = z.object({
  v: z.literal(1),
  savedAt: z.string(),
  facts: z.record(z.string(), z.unknown()),
});

export interface DeclaredFactsRecord {
  /** The answers still valid under today's fact specs. */
  readonly facts: DeclaredFacts;
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
  if (!read.ok || !read.value) return { facts: {}, savedAt: undefined };
  const facts: Record<string, DeclaredValue> = {};
  for (const spec of specs) {
    const parsed = schemaForFact(spec).safeParse(read.value.facts[spec.name]);
    if (parsed.success) facts[spec.name] = parsed.data;
  }
  for (const name of Object.keys(facts)) if (!isFactAsked(name, facts)) delete facts[name];
  return { facts, savedAt: read.value.savedAt };
}

/** The citizen's answers (empty when never answered, skipped or unreadable). */
export async function readDeclaredFacts(
  wallet: HolderWallet,
  specs: readonly FactSpec[] = declaredFactSpecs(),
): Promise<DeclaredFacts> {
  return (await readDeclaredFactsRecord(wallet, specs)).facts;
}

/** Replace the answers (an empty object records "skipped": the questionnaire is not forced again). */
export async function saveDeclaredFacts(
  wallet: HolderWallet,
  facts: Readonly<Record<string, unknown>>,
  options: { now?: Date; specs?: readonly FactSpec[] } = {},
): Promise<Result<DeclaredFactsRecord, 'invalid-fact', DeclaredFactIssue>> {
  const checked = checkDeclaredFacts(facts, options.specs ?? declaredFactSpecs());
  if (!checked.ok) return checked;
  const savedAt = (options.now ?? new Date()).toISOString();
  await wallet.vault.writeRecords([
    { id: DECLARED_FACTS_ID, value: { v: 1, savedAt, facts: checked.value } },
  ]);
  return ok({ facts: checked.value, savedAt });
}

export async function deleteDeclaredFacts(wallet: HolderWallet): Promise<void> {
  await wallet.vault.writeRecords([{ delete: DECLARED_FACTS_ID }]);
}
