/**
 * nl.participatiewet.aanvulling — the month's top-up of net income to the social assistance norm
 * (Participatiewet art. 11, 19–22, 31; docs/rules.md). For a month YYYY-MM the norms in force on
 * the month's first day apply. All money is integer euro cents; the only rounding is the
 * exemption's share of earnings, rounded half up to the cent (money.ts shareOfCents).
 *
 *   counted income  = own income + partner income (couples) − exemption
 *   payment         = max(0, norm excl. vt − counted income)
 *   holiday reserve = max(0, min(norm incl. − norm excl., norm incl. − max(counted, norm excl.)))
 */
import { CREDENTIAL_TYPES } from '../credentials/credential-types.ts';
import { traceParameter, valueOn, isMonth } from './dated.ts';
import { householdFromClaims, HOUSEHOLD_VCT } from './household-credential.ts';
import type { CredentialHousehold } from './household-credential.ts';
import { localised, perLanguage } from './localised.ts';
import { formatEuro, formatPercent, isCents, shareOfCents } from './money.ts';
import { ASSET_LIMITS } from './parameters/asset-limits.ts';
import { BIJSTAND_NORMS, COST_SHARER_NORMS } from './parameters/bijstand-norms.ts';
import type { NormTable } from './parameters/bijstand-norms.ts';
import { INCOME_EXEMPTIONS } from './parameters/income-exemptions.ts';
import type { ExemptionId } from './parameters/income-exemptions.ts';
import { LEGAL_BASIS } from './parameters/sources.ts';
import type {
  EvidenceNeed,
  FactSpec,
  Localised,
  RuleInput,
  RuleModule,
  RuleResult,
  RuleStatus,
  TraceInput,
  TraceStep,
} from './rule-module.ts';

const INCOME_VCT = CREDENTIAL_TYPES['income-statement'].vct;

export const HOUSEHOLDS = ['single', 'single-parent', 'couple', 'cost-sharers'] as const;
export type Household = (typeof HOUSEHOLDS)[number];
export const AGE_BANDS = ['21-to-pension', 'pension'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const EXEMPTIONS = ['none', 'work-25', 'single-parent-12.5', 'medical-15'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

const HOUSEHOLD_LABELS: Readonly<Record<Household, Localised>> = {
  single: localised('alleenstaande', 'personne isolée', 'single'),
  'single-parent': localised('alleenstaande ouder', 'parent isolé', 'single parent'),
  couple: localised(
    'gehuwden of samenwonenden',
    'couple (marié ou cohabitant)',
    'married or cohabiting couple',
  ),
  'cost-sharers': localised(
    'kostendelers (meerdere volwassenen in één woning)',
    'cohabitants partageant les frais (plusieurs adultes sous un même toit)',
    'cost-sharers (several adults in one home)',
  ),
};

const AGE_BAND_LABELS: Readonly<Record<AgeBand, Localised>> = {
  '21-to-pension': localised(
    '21 jaar tot de AOW-leeftijd',
    'de 21 ans à l’âge de la pension (AOW)',
    '21 to state-pension age',
  ),
  pension: localised('AOW-leeftijd', 'âge de la pension (AOW)', 'state-pension age'),
};

const EXEMPTION_LABELS: Readonly<Record<Exemption, Localised>> = {
  none: localised('geen vrijlating', 'aucune exonération', 'no exemption'),
  'work-25': localised(
    'vrijlating voor werk (25%)',
    'exonération pour travail (25 %)',
    'work exemption (25%)',
  ),
  'single-parent-12.5': localised(
    'vrijlating alleenstaande ouder (12,5%)',
    'exonération parent isolé (12,5 %)',
    'single-parent exemption (12.5%)',
  ),
  'medical-15': localised(
    'vrijlating bij medisch beperkte uren (15%)',
    'exonération pour heures limitées médicalement (15 %)',
    'medically limited hours exemption (15%)',
  ),
};

const MUNICIPALITY = localised(
  'de gemeente (Werk en Inkomen)',
  'la commune (service Travail et Revenu)',
  'the municipality (Work and Income)',
);

const FACTS: readonly FactSpec[] = [
  {
    name: 'household',
    kind: 'enum',
    options: HOUSEHOLDS,
    label: localised('Huishouden', 'Ménage', 'Household'),
    optionLabels: HOUSEHOLD_LABELS,
  },
  {
    name: 'costSharers',
    kind: 'integer',
    label: localised(
      'Aantal volwassenen in de woning (kostendelers)',
      'Nombre d’adultes dans le logement (cohabitants)',
      'Number of adults in the home (cost-sharers)',
    ),
    help: localised(
      'Alleen voor kostendelers: jijzelf meegeteld.',
      'Seulement pour les cohabitants : vous compris.',
      'Only for cost-sharers: yourself included.',
    ),
  },
  {
    name: 'ageBand',
    kind: 'enum',
    options: AGE_BANDS,
    label: localised('Leeftijd', 'Âge', 'Age'),
    optionLabels: AGE_BAND_LABELS,
  },
  {
    name: 'netIncomeCents',
    kind: 'cents',
    label: localised(
      'Je netto-inkomen deze maand',
      'Votre revenu net ce mois-ci',
      'Your net income this month',
    ),
    help: localised(
      'Alleen nodig als er geen loonstrook (inkomensverklaring) van deze maand is.',
      'Seulement nécessaire sans attestation de revenus pour ce mois.',
      'Only needed when there is no income statement for this month.',
    ),
  },
  {
    name: 'partnerNetIncomeCents',
    kind: 'cents',
    label: localised(
      'Netto-inkomen van je partner deze maand',
      'Revenu net de votre partenaire ce mois-ci',
      "Your partner's net income this month",
    ),
  },
  {
    name: 'assetsCents',
    kind: 'cents',
    label: localised('Je vermogen', 'Votre patrimoine', 'Your assets'),
    help: localised(
      'Spaargeld en bezit min schulden, voor het hele huishouden.',
      'Épargne et biens moins les dettes, pour tout le ménage.',
      'Savings and property minus debts, for the whole household.',
    ),
  },
  {
    name: 'exemption',
    kind: 'enum',
    options: EXEMPTIONS,
    label: localised('Inkomstenvrijlating', 'Exonération de revenus', 'Income exemption'),
    optionLabels: EXEMPTION_LABELS,
  },
];

const EVIDENCE: readonly EvidenceNeed[] = [
  {
    vct: INCOME_VCT,
    claims: ['period', 'net_wage_cents'],
    to: MUNICIPALITY,
    why: localised(
      'Het inkomen van de maand bepaalt de aanvulling.',
      'Le revenu du mois détermine le complément.',
      "The month's income determines the top-up.",
    ),
  },
];

const euro = formatEuro;

interface Outcome {
  status: RuleStatus;
  amountCents: number | null;
  holidayAllowanceCents?: number | null;
  normCents?: number | null;
  normInclHolidayCents?: number | null;
  countedIncomeCents?: number | null;
}

const HOUSEHOLD_EVIDENCE: EvidenceNeed = {
  vct: HOUSEHOLD_VCT,
  claims: ['household_type', 'adult_co_residents', 'valid_on'],
  to: MUNICIPALITY,
  why: localised(
    'Het huishouden bepaalt welke norm geldt.',
    'Le ménage détermine la norme applicable.',
    'The household decides which norm applies.',
  ),
};

function result(
  period: string,
  trace: TraceStep[],
  outcome: Outcome,
  fromCredential?: CredentialHousehold,
): RuleResult {
  return {
    ruleId: 'nl.participatiewet.aanvulling',
    status: outcome.status,
    amountCents: outcome.amountCents,
    period,
    trace,
    evidence: fromCredential ? [...EVIDENCE, HOUSEHOLD_EVIDENCE] : [...EVIDENCE],
    holidayAllowanceCents: outcome.holidayAllowanceCents ?? null,
    normCents: outcome.normCents ?? null,
    normInclHolidayCents: outcome.normInclHolidayCents ?? null,
    countedIncomeCents: outcome.countedIncomeCents ?? null,
  };
}

const oneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

function declared(name: string, value: unknown): TraceInput {
  return { name, value, origin: 'declared' };
}

interface Norms {
  incl: ReturnType<typeof valueOn>;
  excl: ReturnType<typeof valueOn>;
  name: string;
  label: Localised;
}

/** The norm table for the household, or a step saying why there is none. */
function normTable(
  household: Household,
  ageBand: AgeBand,
  costSharers: unknown,
  costSharersInput: TraceInput,
): { table: NormTable; name: string; label: Localised } | { missing: TraceStep; needs: boolean } {
  if (household !== 'cost-sharers') {
    const kind = household === 'couple' ? 'couple' : 'single';
    const name = `norm.${kind}.${ageBand}`;
    const label = perLanguage(
      (l) =>
        `${(kind === 'couple' ? HOUSEHOLD_LABELS.couple : HOUSEHOLD_LABELS.single)[l]}, ${AGE_BAND_LABELS[ageBand][l]}`,
    );
    return { table: BIJSTAND_NORMS[kind][ageBand], name, label };
  }
  if (!(typeof costSharers === 'number' && Number.isSafeInteger(costSharers) && costSharers >= 2)) {
    return {
      needs: true,
      missing: {
        id: 'cost-sharers',
        text: localised(
          'Voor de kostendelersnorm is het aantal volwassenen in de woning nodig (2 of meer); dat is niet opgegeven.',
          'La norme de cohabitation exige le nombre d’adultes dans le logement (2 ou plus) ; il n’a pas été indiqué.',
          'The cost-sharer norm needs the number of adults in the home (2 or more); it was not given.',
        ),
        input: costSharersInput,
        legalBasis: LEGAL_BASIS.art19to22,
      },
    };
  }
  const table = ageBand === '21-to-pension' ? COST_SHARER_NORMS.get(costSharers) : undefined;
  if (table === undefined) {
    return {
      needs: false,
      missing: {
        id: 'norm',
        text: perLanguage((l) => {
          const age = AGE_BAND_LABELS[ageBand][l];
          return {
            nl: `Er is geen kostendelersnorm bekend voor ${costSharers} personen (${age}); de uitkomst is onbekend.`,
            fr: `Aucune norme de cohabitation n’est connue pour ${costSharers} personnes (${age}) ; le résultat est inconnu.`,
            en: `No cost-sharer norm is known for ${costSharers} persons (${age}); the result is unknown.`,
          }[l];
        }),
        input: costSharersInput,
        parameter: { name: `norm.cost-sharers.${costSharers}.${ageBand}`, valueCents: null },
        legalBasis: LEGAL_BASIS.art19to22,
      },
    };
  }
  return {
    table,
    name: `norm.cost-sharers.${costSharers}`,
    label: perLanguage(
      (l) =>
        ({
          nl: `kostendelersnorm per persoon, huishouden van ${costSharers}`,
          fr: `norme de cohabitation par personne, ménage de ${costSharers}`,
          en: `cost-sharer norm per person, household of ${costSharers}`,
        })[l],
    ),
  };
}

/** " According to the household credential of Utrecht (reference date 2024-07-01)." */
function householdSource(from: CredentialHousehold, declaredHousehold: unknown): Localised {
  return perLanguage((l) => {
    const who =
      from.municipality ?? { nl: 'de gemeente', fr: 'la commune', en: 'the municipality' }[l];
    const on =
      from.validOn === undefined
        ? ''
        : {
            nl: `, peildatum ${from.validOn}`,
            fr: `, date de référence ${from.validOn}`,
            en: `, reference date ${from.validOn}`,
          }[l];
    const differs =
      declaredHousehold !== undefined && declaredHousehold !== from.household
        ? {
            nl: ' Het zelf opgegeven antwoord wordt niet gebruikt.',
            fr: ' La réponse déclarée n’est pas utilisée.',
            en: ' The declared answer is not used.',
          }[l]
        : '';
    return {
      nl: ` Volgens de verklaring huishoudsamenstelling van ${who}${on}.${differs}`,
      fr: ` Selon l’attestation de composition de ménage de ${who}${on}.${differs}`,
      en: ` According to the household composition credential from ${who}${on}.${differs}`,
    }[l];
  });
}

function evaluate(input: RuleInput): RuleResult {
  const { period, facts } = input;
  const trace: TraceStep[] = [];
  if (!isMonth(period)) {
    trace.push({
      id: 'period',
      text: localised(
        `De periode moet een maand zijn (JJJJ-MM); ontvangen: ${JSON.stringify(period)}.`,
        `La période doit être un mois (AAAA-MM) ; reçu : ${JSON.stringify(period)}.`,
        `The period must be a month (YYYY-MM); received: ${JSON.stringify(period)}.`,
      ),
    });
    return result(String(period), trace, { status: 'unknown', amountCents: null });
  }
  const day = `${period}-01`;

  // 1. Household (the municipality's household credential, else declared) and age band (declared).
  const fromCredential = householdFromClaims(input.claims);
  const household = fromCredential?.household ?? facts.household;
  const costSharers = fromCredential ? fromCredential.adults : facts.costSharers;
  const costSharersInput: TraceInput = fromCredential
    ? { name: 'adult_co_residents', value: fromCredential.adults - 1, origin: 'credential' }
    : declared('costSharers', facts.costSharers ?? null);
  const { ageBand } = facts;
  const done = (outcome: Outcome) => result(period, trace, outcome, fromCredential);
  if (!oneOf(HOUSEHOLDS, household)) {
    trace.push({
      id: 'household',
      text: localised(
        'Het soort huishouden is niet (juist) opgegeven: alleenstaande, alleenstaande ouder, gehuwden/samenwonenden of kostendelers.',
        'Le type de ménage n’a pas été (correctement) indiqué : isolé, parent isolé, couple ou cohabitants.',
        'The household type was not (correctly) declared: single, single parent, couple or cost-sharers.',
      ),
      input: declared('household', household ?? null),
      legalBasis: LEGAL_BASIS.art19to22,
    });
    return done({ status: 'needs-evidence', amountCents: null });
  }
  trace.push({
    id: 'household',
    text: perLanguage((l) => {
      const label = HOUSEHOLD_LABELS[household][l];
      const parent =
        household === 'single-parent'
          ? {
              nl: ' Een alleenstaande ouder krijgt de norm voor een alleenstaande; het kindgebonden budget telt niet als inkomen.',
              fr: ' Un parent isolé reçoit la norme d’une personne isolée ; le supplément pour enfants ne compte pas comme revenu.',
              en: ' A single parent gets the single norm; the child budget supplement is not income.',
            }[l]
          : '';
      const by = fromCredential ? householdSource(fromCredential, facts.household)[l] : '';
      return `${{ nl: 'Huishouden', fr: 'Ménage', en: 'Household' }[l]}${l === 'fr' ? ' ' : ''}: ${label}.${by}${parent}`;
    }),
    input: fromCredential
      ? { name: 'household_type', value: household, origin: 'credential' }
      : declared('household', household),
    legalBasis: LEGAL_BASIS.art19to22,
  });
  if (!oneOf(AGE_BANDS, ageBand)) {
    trace.push({
      id: 'age-band',
      text: localised(
        'De leeftijd is niet (juist) opgegeven: 21 jaar tot de AOW-leeftijd, of AOW-leeftijd.',
        'L’âge n’a pas été (correctement) indiqué : de 21 ans à l’âge de la pension, ou âge de la pension.',
        'The age band was not (correctly) declared: 21 to state-pension age, or state-pension age.',
      ),
      input: declared('ageBand', ageBand ?? null),
      legalBasis: LEGAL_BASIS.art19to22,
    });
    return done({ status: 'needs-evidence', amountCents: null });
  }
  trace.push({
    id: 'age-band',
    text: perLanguage(
      (l) =>
        ({ nl: 'Leeftijd: ', fr: 'Âge : ', en: 'Age band: ' })[l] +
        `${AGE_BAND_LABELS[ageBand][l]}.`,
    ),
    input: declared('ageBand', ageBand),
    legalBasis: LEGAL_BASIS.art19to22,
  });

  // 2. The norm in force on the month's first day (excl. and incl. holiday allowance).
  const found = normTable(household, ageBand, costSharers, costSharersInput);
  if ('missing' in found) {
    trace.push(found.missing);
    return done({
      status: found.needs ? 'needs-evidence' : 'unknown',
      amountCents: null,
    });
  }
  if (household === 'cost-sharers') {
    trace.push({
      id: 'cost-sharers',
      text: perLanguage(
        (l) =>
          ({
            nl: `Kostendelers: ${String(costSharers)} volwassenen in de woning; het inkomen van de andere volwassenen telt niet mee.`,
            fr: `Cohabitants : ${String(costSharers)} adultes dans le logement ; le revenu des autres adultes ne compte pas.`,
            en: `Cost-sharers: ${String(costSharers)} adults in the home; the other adults’ income does not count.`,
          })[l],
      ),
      input: costSharersInput,
      legalBasis: LEGAL_BASIS.art19to22,
    });
  }
  const norms: Norms = {
    incl: valueOn(found.table.incl, day),
    excl: valueOn(found.table.excl, day),
    name: found.name,
    label: found.label,
  };
  for (const [which, value] of [
    ['excl', norms.excl],
    ['incl', norms.incl],
  ] as const) {
    if (value !== undefined) continue;
    trace.push({
      id: which === 'excl' ? 'norm' : 'norm-incl',
      text: perLanguage((l) => {
        const vt = {
          excl: { nl: 'zonder', fr: 'hors', en: 'excluding' },
          incl: { nl: 'met', fr: 'y compris', en: 'including' },
        }[which][l];
        return {
          nl: `De bijstandsnorm (${norms.label.nl}, ${vt} vakantietoeslag) voor ${day} is niet gepubliceerd; een oude norm wordt niet doorgetrokken, dus de uitkomst is onbekend.`,
          fr: `La norme d’aide sociale (${norms.label.fr}, ${vt} pécule de vacances) au ${day} n’est pas publiée ; une ancienne norme n’est pas reprise, le résultat est donc inconnu.`,
          en: `The assistance norm (${norms.label.en}, ${vt} holiday allowance) for ${day} is not published; an old norm is not carried forward, so the result is unknown.`,
        }[l];
      }),
      parameter: { name: `${norms.name}.${which}`, valueCents: null },
      legalBasis: LEGAL_BASIS.art19to22,
    });
    return done({ status: 'unknown', amountCents: null });
  }
  const normExcl = norms.excl as NonNullable<Norms['excl']>;
  const normIncl = norms.incl as NonNullable<Norms['incl']>;
  trace.push({
    id: 'norm',
    text: perLanguage((l) => {
      const amount = euro(normExcl.valueCents)[l];
      const derivedNote = normExcl.derived
        ? {
            nl: ' Dit bedrag is afgeleid: norm met vakantietoeslag × 0,95, afgerond op de cent.',
            fr: ' Ce montant est dérivé : norme avec pécule de vacances × 0,95, arrondi au cent.',
            en: ' This figure is derived: the norm including holiday allowance × 0.95, rounded to the cent.',
          }[l]
        : '';
      return {
        nl: `Bijstandsnorm per maand zonder vakantietoeslag (${norms.label.nl}) op ${day}: ${amount}.${derivedNote}`,
        fr: `Norme mensuelle d’aide sociale hors pécule de vacances (${norms.label.fr}) au ${day} : ${amount}.${derivedNote}`,
        en: `Monthly assistance norm excluding holiday allowance (${norms.label.en}) on ${day}: ${amount}.${derivedNote}`,
      }[l];
    }),
    parameter: traceParameter(`${norms.name}.excl`, normExcl),
    legalBasis: LEGAL_BASIS.art19to22,
  });
  trace.push({
    id: 'norm-incl',
    text: perLanguage((l) => {
      const amount = euro(normIncl.valueCents)[l];
      return {
        nl: `Dezelfde norm met 5% vakantietoeslag: ${amount}.`,
        fr: `La même norme avec le pécule de vacances de 5 % : ${amount}.`,
        en: `The same norm including the 5% holiday allowance: ${amount}.`,
      }[l];
    }),
    parameter: traceParameter(`${norms.name}.incl`, normIncl),
    legalBasis: LEGAL_BASIS.art19to22,
  });
  const base: Outcome = {
    status: 'unknown',
    amountCents: null,
    normCents: normExcl.valueCents,
    normInclHolidayCents: normIncl.valueCents,
  };

  // 3. Income of the month: income statements of that month, else the declared figure.
  const statements = input.claims.filter(
    (entry) => entry.vct === INCOME_VCT && entry.claims.period === period,
  );
  let ownIncome: number;
  if (statements.length > 0) {
    const wages = statements.map((entry) => entry.claims.net_wage_cents);
    if (!wages.every(isCents)) {
      trace.push({
        id: 'income',
        text: localised(
          `Een inkomensverklaring over ${period} heeft geen bruikbaar nettoloon (net_wage_cents).`,
          `Une attestation de revenus pour ${period} n’a pas de salaire net utilisable (net_wage_cents).`,
          `An income statement for ${period} has no usable net wage (net_wage_cents).`,
        ),
        input: { name: 'net_wage_cents', value: wages, origin: 'credential' },
        legalBasis: LEGAL_BASIS.art31,
      });
      return done({ ...base, status: 'needs-evidence' });
    }
    ownIncome = wages.reduce((sum, cents) => sum + cents, 0);
    trace.push({
      id: 'income',
      text: perLanguage((l) => {
        const amount = euro(ownIncome)[l];
        const n = statements.length;
        return {
          nl: `Netto-inkomen in ${period}: ${amount}, uit ${n} inkomensverklaring${n === 1 ? '' : 'en'} over die maand. Loon telt in de maand waarin het verdiend is.`,
          fr: `Revenu net en ${period} : ${amount}, d’après ${n} attestation${n === 1 ? '' : 's'} de revenus pour ce mois. Le salaire compte pour le mois où il est gagné.`,
          en: `Net income in ${period}: ${amount}, from ${n} income statement${n === 1 ? '' : 's'} for that month. Earnings count in the month they are earned.`,
        }[l];
      }),
      input: { name: 'net_wage_cents', value: ownIncome, origin: 'credential' },
      legalBasis: LEGAL_BASIS.art31,
    });
  } else if (isCents(facts.netIncomeCents)) {
    ownIncome = facts.netIncomeCents;
    trace.push({
      id: 'income',
      text: perLanguage((l) => {
        const amount = euro(ownIncome)[l];
        return {
          nl: `Netto-inkomen in ${period}: ${amount}, zelf opgegeven (geen inkomensverklaring over deze maand).`,
          fr: `Revenu net en ${period} : ${amount}, déclaré (pas d’attestation de revenus pour ce mois).`,
          en: `Net income in ${period}: ${amount}, declared (no income statement for this month).`,
        }[l];
      }),
      input: declared('netIncomeCents', ownIncome),
      legalBasis: LEGAL_BASIS.art31,
    });
  } else {
    trace.push({
      id: 'income',
      text: localised(
        `Er is geen inkomensverklaring over ${period} en geen opgegeven netto-inkomen: het inkomen van de maand is nodig.`,
        `Il n’y a ni attestation de revenus pour ${period} ni revenu net déclaré : le revenu du mois est nécessaire.`,
        `There is no income statement for ${period} and no declared net income: the month's income is needed.`,
      ),
      input: declared('netIncomeCents', facts.netIncomeCents ?? null),
      legalBasis: LEGAL_BASIS.art31,
    });
    return done({ ...base, status: 'needs-evidence' });
  }

  let partnerIncome = 0;
  if (household === 'couple') {
    if (!isCents(facts.partnerNetIncomeCents)) {
      trace.push({
        id: 'partner-income',
        text: localised(
          `Het netto-inkomen van de partner in ${period} is nodig: het inkomen van de partner telt mee.`,
          `Le revenu net du partenaire en ${period} est nécessaire : le revenu du partenaire compte.`,
          `The partner's net income in ${period} is needed: a partner's income counts.`,
        ),
        input: declared('partnerNetIncomeCents', facts.partnerNetIncomeCents ?? null),
        legalBasis: LEGAL_BASIS.art31,
      });
      return done({ ...base, status: 'needs-evidence' });
    }
    partnerIncome = facts.partnerNetIncomeCents;
    trace.push({
      id: 'partner-income',
      text: perLanguage((l) => {
        const amount = euro(partnerIncome)[l];
        return {
          nl: `Netto-inkomen van de partner in ${period}: ${amount}, zelf opgegeven; het telt mee.`,
          fr: `Revenu net du partenaire en ${period} : ${amount}, déclaré ; il compte.`,
          en: `Partner's net income in ${period}: ${amount}, declared; it counts.`,
        }[l];
      }),
      input: declared('partnerNetIncomeCents', partnerIncome),
      legalBasis: LEGAL_BASIS.art31,
    });
  }

  // 4. Assets against the limit of the period's year.
  const family = household === 'single-parent' || household === 'couple';
  const limit = valueOn(ASSET_LIMITS[family ? 'family' : 'single'], day);
  const limitName = `asset-limit.${family ? 'single-parent-or-couple' : 'single'}`;
  const year = period.slice(0, 4);
  let assetsChecked = false;
  if (limit === undefined) {
    trace.push({
      id: 'assets',
      text: localised(
        `De vermogensgrens voor ${year} is niet gepubliceerd: de vermogenstoets is niet gedaan. De gemeente toetst het vermogen zelf.`,
        `Le plafond de patrimoine pour ${year} n’est pas publié : le contrôle du patrimoine n’a pas été fait. La commune le vérifiera.`,
        `The asset limit for ${year} is not published: the asset test was not done. The municipality will check assets itself.`,
      ),
      ...(facts.assetsCents === undefined
        ? {}
        : { input: declared('assetsCents', facts.assetsCents) }),
      parameter: { name: limitName, valueCents: null },
      legalBasis: LEGAL_BASIS.art34,
    });
  } else if (!isCents(facts.assetsCents)) {
    trace.push({
      id: 'assets',
      text: perLanguage((l) => {
        const amount = euro(limit.valueCents)[l];
        return {
          nl: `Het vermogen is niet opgegeven: de vermogenstoets (grens ${amount} in ${year}) is niet gedaan.`,
          fr: `Le patrimoine n’a pas été déclaré : le contrôle du patrimoine (plafond ${amount} en ${year}) n’a pas été fait.`,
          en: `Assets were not declared: the asset test (limit ${amount} in ${year}) was not done.`,
        }[l];
      }),
      input: declared('assetsCents', facts.assetsCents ?? null),
      parameter: traceParameter(limitName, limit),
      legalBasis: LEGAL_BASIS.art34,
    });
  } else if (facts.assetsCents > limit.valueCents) {
    const assets = facts.assetsCents;
    trace.push({
      id: 'assets',
      text: perLanguage((l) => {
        const [a, b] = [euro(assets)[l], euro(limit.valueCents)[l]];
        return {
          nl: `Vermogen ${a} is boven de vermogensgrens van ${b} (${year}): geen recht op bijstand.`,
          fr: `Le patrimoine de ${a} dépasse le plafond de ${b} (${year}) : pas de droit à l’aide sociale.`,
          en: `Assets of ${a} are above the limit of ${b} (${year}): no right to assistance.`,
        }[l];
      }),
      input: declared('assetsCents', assets),
      parameter: traceParameter(limitName, limit),
      legalBasis: LEGAL_BASIS.art34,
    });
    return done({ ...base, status: 'not-eligible' });
  } else {
    assetsChecked = true;
    const assets = facts.assetsCents;
    trace.push({
      id: 'assets',
      text: perLanguage((l) => {
        const [a, b] = [euro(assets)[l], euro(limit.valueCents)[l]];
        return {
          nl: `Vermogen ${a} is niet boven de vermogensgrens van ${b} (${year}).`,
          fr: `Le patrimoine de ${a} ne dépasse pas le plafond de ${b} (${year}).`,
          en: `Assets of ${a} are not above the limit of ${b} (${year}).`,
        }[l];
      }),
      input: declared('assetsCents', assets),
      parameter: traceParameter(limitName, limit),
      legalBasis: LEGAL_BASIS.art34,
    });
  }

  // 5. Income exemption on the applicant's own earnings, capped per month.
  const exemptionFact = facts.exemption ?? 'none';
  if (!oneOf(EXEMPTIONS, exemptionFact)) {
    trace.push({
      id: 'exemption',
      text: localised(
        `Onbekende vrijlating ${JSON.stringify(exemptionFact)}: bekend zijn geen, werk (25%), alleenstaande ouder (12,5%) en medisch (15%).`,
        `Exonération inconnue ${JSON.stringify(exemptionFact)} : les exonérations connues sont aucune, travail (25 %), parent isolé (12,5 %) et médicale (15 %).`,
        `Unknown exemption ${JSON.stringify(exemptionFact)}: the known ones are none, work (25%), single parent (12.5%) and medical (15%).`,
      ),
      input: declared('exemption', exemptionFact),
      legalBasis: LEGAL_BASIS.art31n,
    });
    return done({ ...base, status: 'needs-evidence' });
  }
  let exemptionCents = 0;
  let exemptionCapUnknown = false;
  let uncappedShare = 0;
  if (exemptionFact === 'none') {
    trace.push({
      id: 'exemption',
      text: localised(
        'Geen inkomstenvrijlating opgegeven.',
        'Aucune exonération de revenus déclarée.',
        'No income exemption declared.',
      ),
      input: declared('exemption', exemptionFact),
      legalBasis: LEGAL_BASIS.art31n,
    });
  } else if (exemptionFact === 'single-parent-12.5' && household !== 'single-parent') {
    trace.push({
      id: 'exemption',
      text: localised(
        'De vrijlating voor een alleenstaande ouder geldt alleen voor een alleenstaande ouder; niet toegepast.',
        'L’exonération pour parent isolé ne vaut que pour un parent isolé ; non appliquée.',
        'The single-parent exemption applies only to a single parent; not applied.',
      ),
      input: declared('exemption', exemptionFact),
      legalBasis: LEGAL_BASIS.art31n,
    });
  } else {
    const exemption = INCOME_EXEMPTIONS[exemptionFact as ExemptionId];
    const cap = valueOn(exemption.maxima, day);
    const share = shareOfCents(ownIncome, exemption.shareBasisPoints);
    const label = EXEMPTION_LABELS[exemptionFact];
    const pct = formatPercent(exemption.shareBasisPoints);
    if (cap === undefined) {
      exemptionCapUnknown = true;
      uncappedShare = share;
      trace.push({
        id: 'exemption',
        text: perLanguage(
          (l) =>
            ({
              nl: `Het maximum voor de ${label.nl} op ${day} is niet gepubliceerd; de vrijlating is niet toegepast. De betaling kan daardoor hoger uitvallen.`,
              fr: `Le maximum de l’${label.fr} au ${day} n’est pas publié ; l’exonération n’est pas appliquée. Le paiement pourrait donc être plus élevé.`,
              en: `The maximum for the ${label.en} on ${day} is not published; the exemption was not applied. The payment could therefore be higher.`,
            })[l],
        ),
        input: declared('exemption', exemptionFact),
        parameter: { name: `exemption.${exemptionFact}.maximum`, valueCents: null },
        legalBasis: LEGAL_BASIS.art31n,
      });
    } else {
      exemptionCents = Math.min(share, cap.valueCents);
      trace.push({
        id: 'exemption',
        text: perLanguage((l) => {
          const [s, c, e] = [euro(share)[l], euro(cap.valueCents)[l], euro(exemptionCents)[l]];
          const base = euro(ownIncome)[l];
          return {
            nl: `${label.nl}: ${pct.nl} van ${base} = ${s} (afgerond op de cent, halve cent naar boven), ten hoogste ${c} per maand: ${e} telt niet als inkomen. ${exemption.condition.nl}`,
            fr: `${label.fr} : ${pct.fr} de ${base} = ${s} (arrondi au cent, demi-cent vers le haut), au plus ${c} par mois : ${e} ne compte pas comme revenu. ${exemption.condition.fr}`,
            en: `${label.en}: ${pct.en} of ${base} = ${s} (rounded half up to the cent), at most ${c} a month: ${e} does not count as income. ${exemption.condition.en}`,
          }[l];
        }),
        input: declared('exemption', exemptionFact),
        parameter: traceParameter(`exemption.${exemptionFact}.maximum`, cap),
        legalBasis: LEGAL_BASIS.art31n,
      });
    }
  }

  // 6. Payment and the holiday allowance reserved.
  const excl = normExcl.valueCents;
  const incl = normIncl.valueCents;
  const counted = ownIncome + partnerIncome - exemptionCents;
  const payment = Math.max(0, excl - counted);
  const holiday = Math.max(0, Math.min(incl - excl, incl - Math.max(counted, excl)));
  trace.push({
    id: 'payment',
    text: perLanguage((l) => {
      const [n, c, p] = [euro(excl)[l], euro(counted)[l], euro(payment)[l]];
      return {
        nl: `Aanvulling deze maand: norm ${n} min meetellend inkomen ${c} = ${p} (niet minder dan € 0,00).`,
        fr: `Complément ce mois-ci : norme ${n} moins revenu pris en compte ${c} = ${p} (jamais moins de 0,00 €).`,
        en: `Top-up this month: norm ${n} minus counted income ${c} = ${p} (never below €0.00).`,
      }[l];
    }),
    legalBasis: LEGAL_BASIS.art11,
  });
  trace.push({
    id: 'holiday-allowance',
    text: perLanguage((l) => {
      const [h, i] = [euro(holiday)[l], euro(incl)[l]];
      return {
        nl: `Gereserveerde vakantietoeslag deze maand: ${h} (tot de norm met vakantietoeslag, ${i}); die wordt in juni uitbetaald.`,
        fr: `Pécule de vacances réservé ce mois-ci : ${h} (jusqu’à la norme avec pécule, ${i}) ; il est versé en juin.`,
        en: `Holiday allowance reserved this month: ${h} (up to the norm including it, ${i}); it is paid in June.`,
      }[l];
    }),
    legalBasis: LEGAL_BASIS.art19to22,
  });

  let status: RuleStatus;
  if (payment > 0 || holiday > 0) {
    status = assetsChecked && !exemptionCapUnknown ? 'eligible' : 'likely-eligible';
  } else if (exemptionCapUnknown && excl - (counted - uncappedShare) > 0) {
    status = 'likely-eligible'; // with the exemption applied there could be a payment
  } else {
    status = 'not-eligible';
  }
  return done({
    ...base,
    status,
    amountCents: payment,
    holidayAllowanceCents: holiday,
    countedIncomeCents: counted,
  });
}

export const participatiewetAanvulling: RuleModule = {
  id: 'nl.participatiewet.aanvulling',
  title: localised(
    'Aanvulling bijstand (Participatiewet)',
    'Complément d’aide sociale (Participatiewet, Pays-Bas)',
    'Social assistance top-up (Participatiewet)',
  ),
  jurisdiction: 'NL',
  legalBasis: [LEGAL_BASIS.art11, LEGAL_BASIS.art19to22, LEGAL_BASIS.art31],
  periodKind: 'month',
  inputs: {
    credentials: [
      { vct: INCOME_VCT, claims: ['period', 'net_wage_cents'] },
      { vct: HOUSEHOLD_VCT, claims: ['household_type', 'adult_co_residents', 'valid_on'] },
    ],
    facts: FACTS,
  },
  evaluate,
};
