// Clerk wording of the benefit check (docs/ux.md §Words): every fact, figure and input a rule of
// the registry can show has a clerk label in nl, fr and en, and none of them is an internal name
// or addresses the citizen; every text of a rule the desk shows (title, trace steps, evidence) is
// neutral, in the third person, never addressed to the reader. The rules are enumerated, and run
// over a grid of facts (and choices answered with no option of theirs), credentials and periods, so that a
// new rule, fact, norm or text that fails this fails here.
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES, type ClaimSpec } from '../../core/credentials/index.ts';
import {
  RULE_IDS,
  RULES,
  type FactSpec,
  type RuleId,
  type RuleInput,
} from '../../core/rules/index.ts';
import { LANGUAGES, type Language } from '../i18n/index.ts';
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
/**
 * A rule's text addresses its reader when it has a second-person pronoun, or an instruction: a
 * French verb in -ez ("inscrivez-vous", "montrez"), or a clause that opens with an imperative
 * ("Step 1: register with …", "meld je aan", "voir …").
 */
const ADDRESSES_READER: Readonly<Record<Language, readonly RegExp[]>> = {
  en: [
    /(^|[^\p{L}])(you|your|yours|yourself)(?=$|[^\p{L}])/iu,
    /(^|[.:;!?]\s*)(register|apply|show|choose|see|enter|declare|send|bring|contact|ask|fill|add|upload|present|sign|give|answer|scan)(?=$|[^\p{L}])/iu,
  ],
  nl: [
    /(^|[^\p{L}])(je|jij|jou|jouw|jezelf|u|uw)(?=$|[^\p{L}])/iu,
    /(^|[.:;!?]\s*)(meld|toon|kies|vul|stuur|neem|vraag|geef|laat|zie|voer|beantwoord|scan|onderteken|breng)(?=$|[^\p{L}])/iu,
  ],
  fr: [
    /(^|[^\p{L}])(tu|toi|ton|ta|tes|vous|votre|vos)(?=$|[^\p{L}])/iu,
    /(^|[^\p{L}])(?!(chez|assez|nez|rez)(?=$|[^\p{L}]))\p{L}+ez(?=$|[^\p{L}])/iu,
    /(^|[.:;!?]\s*)voir(?=$|[^\p{L}])/iu,
  ],
};

function addressesReader(text: string, language: Language): boolean {
  return ADDRESSES_READER[language].some((pattern) => pattern.test(text));
}

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
  /** Every text the desk shows of the results: trace steps, evidence (to whom, why), by language. */
  texts: Set<string>;
  runs: number;
}

/** Runs one rule over the grid and collects the figure and input names its traces show. */
function runGrid(id: RuleId): Shown {
  const rule = RULES[id];
  const shown: Shown = { parameters: new Set(), inputs: new Set(), texts: new Set(), runs: 0 };
  const periods = rule.periodKind === 'month' ? MONTHS : DAYS;
  const collect = (input: RuleInput) => {
    shown.runs++;
    const result = rule.evaluate(input);
    for (const step of result.trace) {
      if (step.parameter) shown.parameters.add(step.parameter.name);
      if (step.input) shown.inputs.add(step.input.name);
      for (const language of LANGUAGES) shown.texts.add(`${language}\t${step.text[language]}`);
    }
    for (const need of result.evidence) {
      for (const language of LANGUAGES) {
        shown.texts.add(`${language}\t${need.to[language]}`);
        shown.texts.add(`${language}\t${need.why[language]}`);
      }
    }
  };
  const facts = factGrid(rule.inputs.facts);
  for (const period of periods) {
    for (const row of facts) collect({ period, facts: row, claims: [] });
    // A choice answered with something that is not one of its options (a foreign wallet's answer).
    for (const spec of rule.inputs.facts.filter((fact) => fact.kind === 'enum')) {
      for (const row of facts.filter((_, index) => index % 11 === 0)) {
        collect({ period, facts: { ...row, [spec.name]: 'not-an-option' }, claims: [] });
      }
    }
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

  it.each(RULE_IDS)(
    'Given rule %s run over the same grid, then its title and every trace and evidence text it shows, in nl, fr and en, speak of the applicant and never to the reader',
    (id) => {
      const shown = grids.get(id);
      expect(shown?.texts.size, 'the grid reached too few texts').toBeGreaterThan(30);
      const texts = [
        ...(shown?.texts ?? []),
        ...LANGUAGES.map((language) => `${language}\t${RULES[id].title[language]}`),
      ];
      const addressing = texts.filter((line) => {
        const [language = 'en', text = ''] = line.split('\t') as [Language, string];
        return addressesReader(text, language);
      });
      expect(addressing).toEqual([]);
    },
  );

  it.each([
    ['en', 'Cost-sharers: 3 adults in the home; only your own income counts.'],
    ['en', 'Step 1: register with the Institute for Asbestos Victims (IAS), while alive.'],
    ['en', 'Unknown exemption "x": choose none, work (25%).'],
    ['nl', 'Stap 1: meld je aan bij het Instituut Asbestslachtoffers (IAS), bij leven.'],
    ['nl', 'Het slachtoffer is overleden; toon die aanmelding.'],
    ['nl', 'Vul uw inkomen in.'],
    ['fr', 'Étape 1 : inscrivez-vous auprès de l’IAS, de votre vivant.'],
    ['fr', 'La victime est décédée ; montrez cette inscription.'],
    ['fr', 'Pour une exposition en Belgique : voir le Fonds amiante.'],
  ] as const)(
    'Given the citizen-addressed %s text "%s", then the check above recognises it',
    (language, text) => {
      expect(addressesReader(text, language)).toBe(true);
    },
  );

  it.each([
    ['en', 'The victim has died; that application must be shown.'],
    ['nl', 'Het slachtoffer is overleden; die aanmelding moet worden aangetoond.'],
    ['fr', 'Le régime TSB se demande auprès de l’ISBG ; assez tôt, chez l’ISBG.'],
  ] as const)('Given the neutral %s text "%s", then the check lets it pass', (language, text) => {
    expect(addressesReader(text, language)).toBe(false);
  });

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
