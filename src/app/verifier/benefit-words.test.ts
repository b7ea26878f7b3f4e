// Clerk wording of the benefit check (docs/ux.md §Words): every fact, figure and input a rule of
// the registry can show has a clerk label in nl, fr and en, and none of them is an internal name
// or addresses the citizen. The rules are enumerated, and run over a grid of facts, credentials and
// periods, so that a new rule, fact or norm without a label fails here.
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES, type ClaimSpec } from '../../core/credentials/index.ts';
import {
  RULE_IDS,
  RULES,
  type FactSpec,
  type RuleId,
  type RuleInput,
} from '../../core/rules/index.ts';
import { LANGUAGES } from '../i18n/index.ts';
import { formatCents } from '../shared/format.ts';
import {
  CLERK_FACT_LABELS,
  clerkFactLabel,
  clerkInputLabel,
  factLabel,
  factValue,
  parameterLabel,
} from './benefit-words.ts';

/** Words that address the citizen ("Your assets", "Je vermogen", "Votre patrimoine"). */
const CITIZEN_WORDING = /(^|[^\p{L}])(your|you|je|jouw|jij|u|uw|votre|vos|vous)(?=$|[^\p{L}])/iu;
/** What internal names look like: dotted ids, camelCase, snake_case. */
const INTERNAL_NAME = /[a-z]\.[a-z]|[a-z][A-Z]|_/;

const MONTHS = ['2024-01', '2024-07', '2025-01', '2025-09', '2026-01', '2026-07', '2031-01'];
const DAYS = ['2024-03-15', '2025-06-01', '2026-01-01', '2026-09-01', '2031-01-01'];
const INTEGERS = [undefined, 0, 1, 2, 3, 5, 8, 12];
const CENTS = [undefined, 0, 10_000_000];

function factValues(spec: FactSpec): unknown[] {
  switch (spec.kind) {
    case 'enum':
      return [undefined, ...(spec.options ?? [])];
    case 'integer':
      return INTEGERS;
    case 'cents':
      return CENTS;
    case 'boolean':
      return [undefined, true, false];
  }
}

/** Every combination of the rule's facts, each over its options or a few values. */
function factGrid(facts: readonly FactSpec[]): Record<string, unknown>[] {
  let grid: Record<string, unknown>[] = [{}];
  for (const spec of facts) {
    grid = grid.flatMap((row) =>
      factValues(spec).map((value) => (value === undefined ? row : { ...row, [spec.name]: value })),
    );
  }
  return grid;
}

function claimSpecOf(vct: string, name: string): ClaimSpec | undefined {
  return Object.values(CREDENTIAL_TYPES)
    .find((type) => type.vct === vct)
    ?.claims.find((claim) => claim.name === name);
}

/** A credential of the rule's inputs: its claims' examples, with each enum option and a few integers in turn. */
function credentialVariants(
  vct: string,
  names: readonly string[],
  period: string,
): RuleInput['claims'][number][] {
  const base: Record<string, unknown> = {};
  for (const name of names) {
    const spec = claimSpecOf(vct, name);
    base[name] = name === 'period' ? period.slice(0, 7) : spec?.example;
  }
  const variants = [base];
  for (const name of names) {
    const spec = claimSpecOf(vct, name);
    const values =
      spec?.kind === 'enum' ? (spec.options ?? []) : spec?.kind === 'integer' ? INTEGERS : [];
    for (const value of values) if (value !== undefined) variants.push({ ...base, [name]: value });
  }
  return variants.map((claims) => ({ vct, claims }));
}

interface Shown {
  parameters: Set<string>;
  inputs: Set<string>;
  runs: number;
}

/** Runs one rule over the grid and collects the figure and input names its traces show. */
function runGrid(id: RuleId): Shown {
  const rule = RULES[id];
  const shown: Shown = { parameters: new Set(), inputs: new Set(), runs: 0 };
  const periods = rule.periodKind === 'month' ? MONTHS : DAYS;
  const collect = (input: RuleInput) => {
    shown.runs++;
    for (const step of rule.evaluate(input).trace) {
      if (step.parameter) shown.parameters.add(step.parameter.name);
      if (step.input) shown.inputs.add(step.input.name);
    }
  };
  const facts = factGrid(rule.inputs.facts);
  for (const period of periods) {
    for (const row of facts) collect({ period, facts: row, claims: [] });
    // Each credential the rule reads, in its variants, with a spread of the declared facts.
    const some = facts.filter((_, index) => index % 97 === 0);
    for (const need of rule.inputs.credentials) {
      for (const credential of credentialVariants(need.vct, need.claims, period)) {
        for (const row of some) collect({ period, facts: row, claims: [credential] });
      }
    }
  }
  return shown;
}

const grids = new Map(RULE_IDS.map((id) => [id, runGrid(id)] as const));

describe('clerk words of the benefit check', () => {
  it.each(RULE_IDS.flatMap((id) => RULES[id].inputs.facts.map((fact) => [id, fact.name])))(
    'Given rule %s, then its fact %s has a clerk label in nl, fr and en that does not address the citizen',
    (_rule, name) => {
      expect(Object.hasOwn(CLERK_FACT_LABELS, name), `no clerk label for the fact ${name}`).toBe(
        true,
      );
      for (const language of LANGUAGES) {
        const label = clerkFactLabel(name, language) ?? '';
        expect(label.trim(), `${name} in ${language}`).not.toBe('');
        expect(label, `${name} in ${language}`).not.toMatch(CITIZEN_WORDING);
        expect(label, `${name} in ${language}`).not.toMatch(INTERNAL_NAME);
      }
    },
  );

  it.each(RULE_IDS)(
    'Given rule %s run over a grid of facts, credentials and periods, then every figure its trace shows has a clerk label in nl, fr and en, never its internal name',
    (id) => {
      const shown = grids.get(id);
      expect(shown?.runs).toBeGreaterThan(100);
      expect(shown?.parameters.size, 'the grid reached no figure at all').toBeGreaterThan(0);
      for (const name of shown?.parameters ?? []) {
        for (const language of LANGUAGES) {
          const label = parameterLabel(id, name, language);
          expect(label, `no ${language} label for the figure ${name}`).toBeDefined();
          expect(label, `${name} in ${language}`).not.toMatch(INTERNAL_NAME);
          expect(label, `${name} in ${language}`).not.toMatch(CITIZEN_WORDING);
        }
      }
    },
  );

  it.each(RULE_IDS)(
    'Given rule %s run over the same grid, then every input its trace shows has a clerk label in nl, fr and en',
    (id) => {
      const shown = grids.get(id);
      expect(shown?.inputs.size).toBeGreaterThan(0);
      for (const name of shown?.inputs ?? []) {
        for (const language of LANGUAGES) {
          const label = clerkInputLabel(name, language);
          expect(label, `no ${language} label for the input ${name}`).toBeDefined();
          expect(label, `${name} in ${language}`).not.toMatch(CITIZEN_WORDING);
        }
      }
    },
  );

  it('Given the Participatiewet norms that were in the issue, then they read as the clerk’s words', () => {
    const rule = 'nl.participatiewet.aanvulling';
    expect(parameterLabel(rule, 'norm.single.21-to-pension.excl', 'en')).toBe(
      'Assistance norm, single, 21 to state-pension age, excluding holiday allowance',
    );
    expect(parameterLabel(rule, 'norm.couple.pension.incl', 'nl')).toBe(
      'Bijstandsnorm, gehuwden of samenwonenden, AOW-leeftijd, met vakantietoeslag',
    );
    expect(parameterLabel(rule, 'norm.cost-sharers.3.excl', 'fr')).toBe(
      'Norme de cohabitation par personne, ménage de 3, hors pécule de vacances',
    );
    expect(factLabel(rule, 'assetsCents', 'en')).toBe('The applicant’s assets (whole household)');
    expect(factLabel(rule, 'assetsCents', 'nl')).toBe(
      'Vermogen van de aanvrager (hele huishouden)',
    );
  });

  it('Given a figure name no rule makes, then it has no label (the screen then shows the name, and the grid test would fail)', () => {
    expect(parameterLabel('nl.participatiewet.aanvulling', 'norm.single.99-plus.excl', 'en')).toBe(
      undefined,
    );
    expect(parameterLabel('be.afa', 'afa.something-new', 'en')).toBe(undefined);
  });

  it('Given a household credential in the trace, then its type reads by the credential’s option label', () => {
    const words = { yes: 'yes', no: 'no' };
    expect(
      factValue('nl.participatiewet.aanvulling', 'household_type', 'single-parent', 'nl', words),
    ).toBe('Eenoudergezin');
    expect(factValue('nl.participatiewet.aanvulling', 'assetsCents', 123_456, 'en', words)).toBe(
      formatCents(123_456, 'en'),
    );
  });
});
