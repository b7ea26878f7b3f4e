/**
 * nl.asbest.tas-tns — the Dutch asbestos-victims schemes on a given date (docs/rules.md):
 * TAS for (former) employees exposed at work in the Netherlands and, for mesothelioma only,
 * their household members; TNS for self-employed and environmental exposure; asbestos-caused
 * lung cancer goes to TSB (ISBG) instead. A pulmonologist's statement alone never establishes
 * the right (the NVALT or the mesothelioma panel confirms it), so the best answer is
 * 'likely-eligible'. The amount is that calendar year's TAS/TNS figure, or null when none is
 * published.
 */
import { findDiagnosis, MEDICAL_VCT } from './asbestos-diagnosis.ts';
import type { AsbestosDisease } from './asbestos-diagnosis.ts';
import { isDay, traceParameter, valueOn } from './dated.ts';
import { localised, perLanguage } from './localised.ts';
import { formatEuro, isCents } from './money.ts';
import { ASBESTOS_COVERAGE, TAS_TNS_AMOUNTS } from './parameters/asbestos-nl.ts';
import { LEGAL_BASIS, SOURCES } from './parameters/sources.ts';
import type {
  AsbestosScheme,
  EvidenceNeed,
  FactSpec,
  Localised,
  RuleInput,
  RuleModule,
  RuleResult,
  RuleStatus,
  TraceStep,
} from './rule-module.ts';

export const EXPOSURES = [
  'employee-nl',
  'household-member',
  'self-employed',
  'environmental',
  'belgium',
] as const;
export type Exposure = (typeof EXPOSURES)[number];

export const EXPOSURE_LABELS: Readonly<Record<Exposure, Localised>> = {
  'employee-nl': localised(
    'als werknemer in Nederland, op het werk',
    'comme salarié aux Pays-Bas, au travail',
    'as an employee in the Netherlands, at work',
  ),
  'household-member': localised(
    'als huisgenoot van een blootgestelde werknemer (bijvoorbeeld via werkkleding)',
    'comme membre du ménage d’un travailleur exposé (par exemple via les vêtements de travail)',
    'as a household member of an exposed worker (for example through work clothes)',
  ),
  'self-employed': localised('als zelfstandige', 'comme indépendant', 'as self-employed'),
  environmental: localised(
    'via de omgeving (niet op het werk)',
    'par l’environnement (hors travail)',
    'environmental (not at work)',
  ),
  belgium: localised('in België', 'en Belgique', 'in Belgium'),
};

const DISEASE_LABELS: Readonly<Record<AsbestosDisease, Localised>> = {
  J61: localised('asbestose', 'asbestose', 'asbestosis'),
  C45: localised('maligne mesothelioom', 'mésothéliome malin', 'malignant mesothelioma'),
  C34: localised('longkanker', 'cancer du poumon', 'lung cancer'),
  C32: localised('strottenhoofdkanker', 'cancer du larynx', 'larynx cancer'),
  C56: localised('eierstokkanker', 'cancer de l’ovaire', 'ovarian cancer'),
};

export const ASBESTOS_FACTS: readonly FactSpec[] = [
  {
    name: 'diagnosis',
    kind: 'enum',
    options: ['J61', 'C45', 'C34'],
    label: localised('Diagnose', 'Diagnostic', 'Diagnosis'),
    optionLabels: { J61: DISEASE_LABELS.J61, C45: DISEASE_LABELS.C45, C34: DISEASE_LABELS.C34 },
    help: localised(
      'Alleen nodig zonder medische verklaring in de wallet.',
      'Seulement nécessaire sans attestation médicale dans le portefeuille.',
      'Only needed without a medical attestation in the wallet.',
    ),
  },
  {
    name: 'exposure',
    kind: 'enum',
    options: EXPOSURES,
    label: localised(
      'Hoe je met asbest in aanraking kwam',
      'Comment vous avez été exposé à l’amiante',
      'How you were exposed to asbestos',
    ),
    optionLabels: EXPOSURE_LABELS,
  },
  {
    name: 'yearsResidentNl',
    kind: 'integer',
    label: localised(
      'Aantal aaneengesloten jaren dat je in Nederland woonde',
      'Nombre d’années consécutives de résidence aux Pays-Bas',
      'Consecutive years you lived in the Netherlands',
    ),
  },
  {
    name: 'earlierPaymentCents',
    kind: 'cents',
    label: localised(
      'Eerder ontvangen vergoeding voor deze ziekte',
      'Indemnité déjà reçue pour cette maladie',
      'Compensation already received for this disease',
    ),
  },
  {
    name: 'alive',
    kind: 'boolean',
    label: localised(
      'Leeft het slachtoffer nog?',
      'La victime est-elle en vie ?',
      'Is the victim alive?',
    ),
  },
  {
    name: 'appliedBeforeDeath',
    kind: 'boolean',
    label: localised(
      'Had het slachtoffer zich vóór het overlijden bij het IAS gemeld?',
      'La victime s’était-elle inscrite auprès de l’IAS avant son décès ?',
      'Had the victim applied to the IAS before death?',
    ),
    help: localised(
      'Alleen voor nabestaanden.',
      'Seulement pour les ayants droit.',
      'Only for survivors.',
    ),
  },
];

const IAS = localised(
  'het Instituut Asbestslachtoffers (IAS)',
  'l’Institut des victimes de l’amiante (IAS)',
  'the Institute for Asbestos Victims (IAS)',
);
const ISBG = localised('het ISBG (regeling TSB)', 'l’ISBG (régime TSB)', 'ISBG (the TSB scheme)');

function evidence(to: Localised): EvidenceNeed[] {
  return [
    {
      vct: MEDICAL_VCT,
      claims: ['diagnosis_code', 'diagnosis_date', 'physician_name', 'institution'],
      to,
      why: localised(
        'De diagnose en de datum ervan bepalen de regeling; de longartsen (NVALT) of het panel bevestigen haar.',
        'Le diagnostic et sa date déterminent le régime ; les pneumologues (NVALT) ou le panel le confirment.',
        'The diagnosis and its date decide the scheme; the pulmonologists (NVALT) or the panel confirm it.',
      ),
    },
  ];
}

const ROUTE: readonly TraceStep[] = [
  {
    id: 'route-register',
    text: localised(
      'Stap 1: aanmelding bij het Instituut Asbestslachtoffers (IAS), bij leven van het slachtoffer.',
      'Étape 1 : inscription auprès de l’Institut des victimes de l’amiante (IAS), du vivant de la victime.',
      'Step 1: registration with the Institute for Asbestos Victims (IAS), while the victim is alive.',
    ),
    legalBasis: LEGAL_BASIS.regelingTas,
  },
  {
    id: 'route-confirm',
    text: localised(
      'Stap 2: het IAS laat de diagnose bevestigen door de longartsen van de NVALT (asbestose) of het mesothelioompanel.',
      'Étape 2 : l’IAS fait confirmer le diagnostic par les pneumologues de la NVALT (asbestose) ou le panel mésothéliome.',
      'Step 2: the IAS has the diagnosis confirmed by the NVALT pulmonologists (asbestosis) or the mesothelioma panel.',
    ),
    legalBasis: LEGAL_BASIS.regelingTas,
  },
  {
    id: 'route-decide',
    text: localised(
      'Stap 3: het IAS adviseert de SVB; de SVB beslist en betaalt. Beide streven naar twee maanden. De betaling is een voorschot op een schadevergoeding.',
      'Étape 3 : l’IAS conseille la SVB ; la SVB décide et paie. Toutes deux visent deux mois. Le paiement est une avance sur l’indemnisation.',
      'Step 3: the IAS advises the SVB; the SVB decides and pays. Both aim at two months. The payment is an advance on damages.',
    ),
    legalBasis: LEGAL_BASIS.regelingTas,
  },
];

interface Outcome {
  status: RuleStatus;
  scheme: AsbestosScheme | null;
  amountCents: number | null;
  to?: Localised;
}

function finish(period: string, trace: TraceStep[], outcome: Outcome): RuleResult {
  return {
    ruleId: 'nl.asbest.tas-tns',
    status: outcome.status,
    amountCents: outcome.amountCents,
    period,
    trace,
    evidence: outcome.status === 'not-eligible' ? [] : evidence(outcome.to ?? IAS),
    scheme: outcome.scheme,
  };
}

const declared = (name: string, value: unknown) =>
  ({ name, value: value ?? null, origin: 'declared' }) as const;

function evaluate(input: RuleInput): RuleResult {
  const { period: date, facts } = input;
  const trace: TraceStep[] = [];
  if (!isDay(date)) {
    trace.push({
      id: 'date',
      text: localised(
        `De datum moet een echte dag zijn (JJJJ-MM-DD); ontvangen: ${JSON.stringify(date)}.`,
        `La date doit être un jour réel (AAAA-MM-JJ) ; reçu : ${JSON.stringify(date)}.`,
        `The date must be a real day (YYYY-MM-DD); received: ${JSON.stringify(date)}.`,
      ),
    });
    return finish(String(date), trace, { status: 'unknown', scheme: null, amountCents: null });
  }

  // 1. Diagnosis: the attestation's ICD-10 code, else the declared one.
  const diagnosis = findDiagnosis(input);
  if (diagnosis.kind === 'none') {
    trace.push({
      id: 'diagnosis',
      text: localised(
        'Er is geen medische verklaring en geen opgegeven diagnose (J61 asbestose, C45 mesothelioom, C34 longkanker).',
        'Il n’y a ni attestation médicale ni diagnostic déclaré (J61 asbestose, C45 mésothéliome, C34 cancer du poumon).',
        'There is no medical attestation and no declared diagnosis (J61 asbestosis, C45 mesothelioma, C34 lung cancer).',
      ),
      input: diagnosis.input,
    });
    return finish(date, trace, { status: 'needs-evidence', scheme: null, amountCents: null });
  }
  if (diagnosis.kind === 'other' || !['J61', 'C45', 'C34'].includes(diagnosis.disease)) {
    const code = diagnosis.code;
    trace.push({
      id: 'diagnosis',
      text: localised(
        `Diagnose ${code}: de Nederlandse asbestregelingen (TAS, TNS, TSB) dekken alleen mesothelioom (C45), asbestose (J61) en longkanker door asbest (C34).`,
        `Diagnostic ${code} : les régimes néerlandais (TAS, TNS, TSB) ne couvrent que le mésothéliome (C45), l’asbestose (J61) et le cancer du poumon dû à l’amiante (C34).`,
        `Diagnosis ${code}: the Dutch asbestos schemes (TAS, TNS, TSB) cover only mesothelioma (C45), asbestosis (J61) and asbestos-caused lung cancer (C34).`,
      ),
      input: diagnosis.input,
      legalBasis: LEGAL_BASIS.regelingTas,
    });
    return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
  }
  const disease = diagnosis.disease;
  trace.push({
    id: 'diagnosis',
    text: perLanguage((l) => {
      const what = DISEASE_LABELS[disease][l];
      const from =
        diagnosis.input.origin === 'credential'
          ? {
              nl: 'volgens de medische verklaring',
              fr: 'selon l’attestation médicale',
              en: 'from the medical attestation',
            }[l]
          : { nl: 'zelf opgegeven', fr: 'déclaré', en: 'declared' }[l];
      const on = diagnosis.diagnosisDate === undefined ? '' : ` (${diagnosis.diagnosisDate})`;
      return `${{ nl: 'Diagnose', fr: 'Diagnostic', en: 'Diagnosis' }[l]} ${diagnosis.code}${on}: ${what}, ${from}.`;
    }),
    input: diagnosis.input,
    legalBasis: LEGAL_BASIS.regelingTas,
  });
  trace.push({
    id: 'statement-alone',
    text: localised(
      'Een verklaring van een longarts alleen geeft nog geen recht: de diagnose wordt bevestigd door de NVALT of het mesothelioompanel. Daarom hooguit "waarschijnlijk recht".',
      'L’attestation d’un pneumologue ne suffit pas à ouvrir le droit : le diagnostic est confirmé par la NVALT ou le panel mésothéliome. D’où au mieux « droit probable ».',
      'A pulmonologist’s statement alone does not establish the right: the NVALT or the mesothelioma panel confirms the diagnosis. Hence at most "likely eligible".',
    ),
    legalBasis: LEGAL_BASIS.regelingTas,
  });

  // 2. Exposure (declared).
  const exposure = facts.exposure;
  if (!(typeof exposure === 'string' && (EXPOSURES as readonly string[]).includes(exposure))) {
    trace.push({
      id: 'exposure',
      text: localised(
        'De manier van blootstelling aan asbest is niet (juist) opgegeven: als werknemer in Nederland, als huisgenoot, als zelfstandige, via de omgeving, of in België.',
        'Le mode d’exposition à l’amiante n’a pas été (correctement) indiqué : salarié aux Pays-Bas, membre du ménage, indépendant, environnement, ou en Belgique.',
        'The kind of exposure to asbestos was not (correctly) declared: employee in the Netherlands, household member, self-employed, environmental, or in Belgium.',
      ),
      input: declared('exposure', exposure),
      legalBasis: LEGAL_BASIS.regelingTas,
    });
    return finish(date, trace, { status: 'needs-evidence', scheme: null, amountCents: null });
  }
  const exp = exposure as Exposure;
  trace.push({
    id: 'exposure',
    text: perLanguage(
      (l) =>
        `${{ nl: 'Blootstelling', fr: 'Exposition', en: 'Exposure' }[l]}: ${EXPOSURE_LABELS[exp][l]}.`,
    ),
    input: declared('exposure', exp),
    legalBasis: LEGAL_BASIS.regelingTas,
  });
  if (exp === 'belgium') {
    trace.push({
      id: 'scheme',
      text: localised(
        'De Nederlandse regelingen gaan over blootstelling in Nederland. Blootstelling in België valt onder het Asbestfonds (AFA, regel be.afa).',
        'Les régimes néerlandais visent l’exposition aux Pays-Bas. L’exposition en Belgique relève du Fonds amiante (AFA, règle be.afa).',
        'The Dutch schemes are about exposure in the Netherlands. Exposure in Belgium falls under the Asbestos Fund (AFA, rule be.afa).',
      ),
      legalBasis: LEGAL_BASIS.regelingTas,
    });
    return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
  }

  // 3. The scheme, by disease and exposure.
  let scheme: AsbestosScheme;
  if (disease === 'C34') {
    if (date < ASBESTOS_COVERAGE.tsbFrom) {
      trace.push({
        id: 'scheme',
        text: localised(
          `Longkanker valt niet onder TAS of TNS; de regeling TSB (ISBG) bestaat pas sinds ${ASBESTOS_COVERAGE.tsbFrom}.`,
          `Le cancer du poumon ne relève ni du TAS ni du TNS ; le régime TSB (ISBG) n’existe que depuis le ${ASBESTOS_COVERAGE.tsbFrom}.`,
          `Lung cancer is not covered by TAS or TNS; the TSB scheme (ISBG) exists only since ${ASBESTOS_COVERAGE.tsbFrom}.`,
        ),
        legalBasis: LEGAL_BASIS.tsb,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    }
    const earlier = facts.earlierPaymentCents;
    if (isCents(earlier) && earlier > 0) {
      trace.push({
        id: 'earlier-payment',
        text: perLanguage((l) => {
          const a = formatEuro(earlier)[l];
          return {
            nl: `Er is al ${a} ontvangen; wie onder TAS/TNS betaald is, kan niet ook TSB krijgen.`,
            fr: `${a} ont déjà été reçus ; qui a été payé au titre du TAS/TNS ne peut pas obtenir aussi le TSB.`,
            en: `${a} was already received; someone paid under TAS/TNS cannot also get TSB.`,
          }[l];
        }),
        input: declared('earlierPaymentCents', earlier),
        legalBasis: LEGAL_BASIS.tsb,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    }
    trace.push({
      id: 'scheme',
      text: localised(
        'Longkanker door asbest valt niet onder TAS/TNS maar onder de regeling TSB, sinds 2023-01-01 uitgevoerd door het ISBG.',
        'Le cancer du poumon dû à l’amiante ne relève pas du TAS/TNS mais du régime TSB, géré par l’ISBG depuis le 2023-01-01.',
        'Asbestos-caused lung cancer is not TAS/TNS but the TSB scheme, run by ISBG since 2023-01-01.',
      ),
      legalBasis: LEGAL_BASIS.tsb,
    });
    trace.push({
      id: 'amount',
      text: localised(
        'Bedrag TSB: "iets meer dan € 22.000", maar zonder datum gepubliceerd; daarom wordt geen bedrag genoemd.',
        'Montant TSB : « un peu plus de 22 000 € », mais publié sans date ; aucun montant n’est donc indiqué.',
        'TSB amount: "a little over €22,000", but published undated; so no amount is given.',
      ),
      parameter: { name: 'tsb.amount', valueCents: null, source: SOURCES.tsbIsbg },
      legalBasis: LEGAL_BASIS.tsb,
    });
    trace.push({
      id: 'route-register',
      text: localised(
        'De regeling TSB wordt aangevraagd bij het ISBG; het ISBG beoordeelt de diagnose en de blootstelling.',
        'Le régime TSB se demande auprès de l’ISBG ; l’ISBG évalue le diagnostic et l’exposition.',
        'The TSB scheme is applied for at ISBG; ISBG assesses the diagnosis and the exposure.',
      ),
      legalBasis: LEGAL_BASIS.tsb,
    });
    return survivors(date, trace, facts, {
      status: 'likely-eligible',
      scheme: 'TSB',
      amountCents: null,
      to: ISBG,
    });
  }
  if (disease === 'C45') {
    scheme = exp === 'employee-nl' || exp === 'household-member' ? 'TAS' : 'TNS';
    trace.push({
      id: 'scheme',
      text:
        scheme === 'TAS'
          ? localised(
              'Mesothelioom na blootstelling als werknemer in Nederland, of als huisgenoot: regeling TAS.',
              'Mésothéliome après exposition comme salarié aux Pays-Bas, ou comme membre du ménage : régime TAS.',
              'Mesothelioma after exposure as an employee in the Netherlands, or as a household member: the TAS scheme.',
            )
          : localised(
              'Mesothelioom na blootstelling als zelfstandige of via de omgeving: regeling TNS.',
              'Mésothéliome après exposition comme indépendant ou par l’environnement : régime TNS.',
              'Mesothelioma after self-employed or environmental exposure: the TNS scheme.',
            ),
      legalBasis: LEGAL_BASIS.regelingTas,
    });
  } else {
    // J61 asbestosis
    if (date < ASBESTOS_COVERAGE.asbestosisFrom) {
      trace.push({
        id: 'scheme',
        text: localised(
          `Asbestose valt pas sinds ${ASBESTOS_COVERAGE.asbestosisFrom} onder de regelingen; op ${date} niet.`,
          `L’asbestose n’est couverte que depuis le ${ASBESTOS_COVERAGE.asbestosisFrom} ; pas au ${date}.`,
          `Asbestosis is covered only since ${ASBESTOS_COVERAGE.asbestosisFrom}; not on ${date}.`,
        ),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    }
    if (exp === 'household-member') {
      trace.push({
        id: 'scheme',
        text: localised(
          'Huisgenoten komen alleen bij mesothelioom in aanmerking, niet bij asbestose.',
          'Les membres du ménage ne sont couverts que pour le mésothéliome, pas pour l’asbestose.',
          'Household members are covered for mesothelioma only, not for asbestosis.',
        ),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    }
    if (exp === 'employee-nl') {
      scheme = 'TAS';
      trace.push({
        id: 'scheme',
        text: localised(
          `Asbestose na blootstelling als werknemer in Nederland: regeling TAS (asbestose gedekt sinds ${ASBESTOS_COVERAGE.asbestosisFrom}).`,
          `Asbestose après exposition comme salarié aux Pays-Bas : régime TAS (asbestose couverte depuis le ${ASBESTOS_COVERAGE.asbestosisFrom}).`,
          `Asbestosis after exposure as an employee in the Netherlands: the TAS scheme (asbestosis covered since ${ASBESTOS_COVERAGE.asbestosisFrom}).`,
        ),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
    } else if (exp === 'environmental') {
      // Facts §4: TNS covers asbestosis only when the exposure was work-related, long and
      // intensive. Exposure through the environment is, by its own answer, not at work.
      trace.push({
        id: 'scheme',
        text: localised(
          'Asbestose na blootstelling via de omgeving (niet op het werk) valt niet onder TNS: bij asbestose geldt TNS alleen als de blootstelling werkgerelateerd, langdurig en intensief was. Alleen mesothelioom wordt na blootstelling via de omgeving vergoed.',
          'L’asbestose après une exposition par l’environnement (hors travail) ne relève pas du TNS : pour l’asbestose, le TNS ne vaut que si l’exposition était liée au travail, longue et intense. Seul le mésothéliome est indemnisé après une exposition par l’environnement.',
          'Asbestosis after environmental exposure (not at work) is not covered by TNS: for asbestosis, TNS applies only when the exposure was work-related, long and intensive. Only mesothelioma is compensated after environmental exposure.',
        ),
        input: declared('exposure', exp),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    } else {
      // Self-employed: work-related exposure; "long and intensive" is judged on application.
      const years = facts.yearsResidentNl;
      const need = ASBESTOS_COVERAGE.tnsResidenceYears;
      if (!(typeof years === 'number' && Number.isSafeInteger(years) && years >= 0)) {
        trace.push({
          id: 'residence',
          text: localised(
            `Voor TNS bij asbestose is nodig: ${need} aaneengesloten jaren in Nederland gewoond, binnen 10 tot 60 jaar vóór de aanvraag. Het aantal jaren is niet opgegeven.`,
            `Pour le TNS en cas d’asbestose, il faut ${need} années consécutives de résidence aux Pays-Bas, dans les 10 à 60 ans avant la demande. Le nombre d’années n’a pas été indiqué.`,
            `TNS for asbestosis needs ${need} consecutive years resident in the Netherlands within 10–60 years before applying. The number of years was not declared.`,
          ),
          input: declared('yearsResidentNl', years),
          legalBasis: LEGAL_BASIS.regelingTas,
        });
        return finish(date, trace, { status: 'needs-evidence', scheme: 'TNS', amountCents: null });
      }
      if (years < need) {
        trace.push({
          id: 'residence',
          text: localised(
            `Voor TNS bij asbestose zijn ${need} aaneengesloten jaren in Nederland nodig; opgegeven: ${years}.`,
            `Le TNS en cas d’asbestose exige ${need} années consécutives aux Pays-Bas ; déclaré : ${years}.`,
            `TNS for asbestosis needs ${need} consecutive years in the Netherlands; declared: ${years}.`,
          ),
          input: declared('yearsResidentNl', years),
          legalBasis: LEGAL_BASIS.regelingTas,
        });
        return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
      }
      scheme = 'TNS';
      trace.push({
        id: 'residence',
        text: localised(
          `${years} jaar in Nederland gewoond: aan de woonvoorwaarde kan voldaan zijn, als het ${need} aaneengesloten jaren waren binnen 10 tot 60 jaar vóór de aanvraag. Dat wordt bij de aanvraag getoetst.`,
          `${years} ans de résidence aux Pays-Bas : la condition peut être remplie s’il s’agit de ${need} années consécutives dans les 10 à 60 ans avant la demande. Cela sera vérifié lors de la demande.`,
          `${years} years resident in the Netherlands: the residence condition may be met, if these were ${need} consecutive years within 10–60 years before applying. This is checked when the application is made.`,
        ),
        input: declared('yearsResidentNl', years),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
      trace.push({
        id: 'scheme',
        text: localised(
          'Asbestose na blootstelling als zelfstandige, bij het werk: regeling TNS, alleen als de blootstelling langdurig en intensief was. Dat wordt bij de aanvraag beoordeeld.',
          'Asbestose après exposition comme indépendant, au travail : régime TNS, seulement si l’exposition était longue et intense. Cela est apprécié lors de la demande.',
          'Asbestosis after exposure as self-employed, at work: the TNS scheme, only if the exposure was long and intensive. This is judged when the application is made.',
        ),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
    }
  }

  // 4. That year's TAS/TNS amount.
  const amount = valueOn(TAS_TNS_AMOUNTS, date);
  const year = date.slice(0, 4);
  trace.push({
    id: 'amount',
    text:
      amount === undefined
        ? localised(
            `Het TAS/TNS-bedrag voor ${year} is niet gepubliceerd; geen bedrag genoemd (een oud bedrag wordt niet doorgetrokken).`,
            `Le montant TAS/TNS pour ${year} n’est pas publié ; aucun montant indiqué (un ancien montant n’est pas repris).`,
            `The TAS/TNS amount for ${year} is not published; no amount given (an old amount is not carried forward).`,
          )
        : perLanguage((l) => {
            const a = formatEuro(amount.valueCents)[l];
            return {
              nl: `Bedrag ${scheme} in ${year}: ${a}, eenmalig.`,
              fr: `Montant ${scheme} en ${year} : ${a}, en une fois.`,
              en: `${scheme} amount in ${year}: ${a}, once.`,
            }[l];
          }),
    parameter: traceParameter('tas-tns.amount', amount),
    legalBasis: LEGAL_BASIS.regelingTas,
  });

  // 5. Earlier payments.
  const earlier = facts.earlierPaymentCents;
  if (isCents(earlier) && earlier > 0) {
    if (amount !== undefined && earlier >= amount.valueCents) {
      trace.push({
        id: 'earlier-payment',
        text: perLanguage((l) => {
          const [e, a] = [formatEuro(earlier)[l], formatEuro(amount.valueCents)[l]];
          return {
            nl: `Al eerder ${e} ontvangen, niet minder dan het bedrag van ${a}: geen recht.`,
            fr: `${e} déjà reçus, pas moins que le montant de ${a} : pas de droit.`,
            en: `Already received ${e}, not less than the amount of ${a}: no right.`,
          }[l];
        }),
        input: declared('earlierPaymentCents', earlier),
        parameter: traceParameter('tas-tns.amount', amount),
        legalBasis: LEGAL_BASIS.regelingTas,
      });
      return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
    }
    trace.push({
      id: 'earlier-payment',
      text: perLanguage((l) => {
        const e = formatEuro(earlier)[l];
        return amount === undefined
          ? {
              nl: `Al eerder ${e} ontvangen; zonder bedrag voor ${year} kan niet worden nagegaan of dat het TAS/TNS-bedrag bereikt.`,
              fr: `${e} déjà reçus ; sans montant pour ${year}, impossible de vérifier s’ils atteignent le montant TAS/TNS.`,
              en: `Already received ${e}; without an amount for ${year} it cannot be checked whether that reaches the TAS/TNS amount.`,
            }[l]
          : {
              nl: `Al eerder ${e} ontvangen, minder dan het bedrag; de SVB beslist over verrekening.`,
              fr: `${e} déjà reçus, moins que le montant ; la SVB décide de l’imputation.`,
              en: `Already received ${e}, less than the amount; the SVB decides how it is offset.`,
            }[l];
      }),
      input: declared('earlierPaymentCents', earlier),
      legalBasis: LEGAL_BASIS.regelingTas,
    });
  } else {
    trace.push({
      id: 'earlier-payment',
      text: localised(
        'Geen eerdere vergoeding opgegeven. Voorwaarden: geen eerdere vergoeding van het TAS-bedrag of meer, geen buitenlandse vergoeding, en meewerken aan bemiddeling richting de werkgever.',
        'Aucune indemnité antérieure déclarée. Conditions : pas d’indemnité antérieure égale ou supérieure au montant TAS, pas d’indemnité étrangère, et coopération à la médiation envers l’employeur.',
        'No earlier payment declared. Conditions: no earlier payment of the TAS amount or more, no foreign scheme payment, and cooperation with mediation towards the employer.',
      ),
      input: declared('earlierPaymentCents', earlier),
      legalBasis: LEGAL_BASIS.regelingTas,
    });
  }
  trace.push(...ROUTE);
  return survivors(date, trace, facts, {
    status: 'likely-eligible',
    scheme,
    amountCents: amount?.valueCents ?? null,
  });
}

/**
 * Survivors are entitled only if the victim applied (or asked the IAS to mediate) before death:
 * declared through `appliedBeforeDeath`; without it the answer is 'needs-evidence'.
 */
function survivors(
  date: string,
  trace: TraceStep[],
  facts: RuleInput['facts'],
  outcome: Outcome,
): RuleResult {
  if (facts.alive !== false) {
    if (facts.alive === undefined) {
      trace.push({
        id: 'alive',
        text: localised(
          'Aangenomen is dat het slachtoffer zelf aanvraagt (niet opgegeven of het slachtoffer nog leeft).',
          'On suppose que la victime introduit elle-même la demande (il n’a pas été indiqué si elle est en vie).',
          'Assumed: the victim applies in person (whether the victim is alive was not declared).',
        ),
        input: declared('alive', undefined),
      });
    }
    return finish(date, trace, outcome);
  }
  const applied = facts.appliedBeforeDeath;
  const base = {
    input: declared('appliedBeforeDeath', applied),
    legalBasis: outcome.scheme === 'TSB' ? LEGAL_BASIS.tsb : LEGAL_BASIS.regelingTas,
  };
  if (applied === true) {
    trace.push({
      id: 'survivors',
      text: localised(
        'Het slachtoffer is overleden maar had zich vóór het overlijden aangemeld: nabestaanden kunnen de vergoeding krijgen.',
        'La victime est décédée mais s’était inscrite avant son décès : les ayants droit peuvent obtenir l’indemnité.',
        'The victim has died but had applied before death: survivors can receive the payment.',
      ),
      ...base,
    });
    return finish(date, trace, outcome);
  }
  if (applied === false) {
    trace.push({
      id: 'survivors',
      text: localised(
        'Het slachtoffer is overleden zonder zich eerst aan te melden (of het IAS om bemiddeling te vragen): nabestaanden hebben dan geen recht.',
        'La victime est décédée sans s’être inscrite (ni avoir demandé la médiation de l’IAS) : les ayants droit n’ont alors pas de droit.',
        'The victim died without having applied (or asked the IAS to mediate): survivors then have no right.',
      ),
      ...base,
    });
    return finish(date, trace, { status: 'not-eligible', scheme: null, amountCents: null });
  }
  trace.push({
    id: 'survivors',
    text: localised(
      'Het slachtoffer is overleden. Nabestaanden hebben alleen recht als het slachtoffer zich vóór het overlijden had aangemeld (of het IAS om bemiddeling had gevraagd); die aanmelding moet worden aangetoond.',
      'La victime est décédée. Les ayants droit n’ont droit que si la victime s’était inscrite avant son décès (ou avait demandé la médiation de l’IAS) ; cette inscription doit être prouvée.',
      'The victim has died. Survivors are entitled only if the victim applied (or asked the IAS to mediate) before death; that application must be shown.',
    ),
    ...base,
  });
  return finish(date, trace, { ...outcome, status: 'needs-evidence' });
}

export const asbestTasTns: RuleModule = {
  id: 'nl.asbest.tas-tns',
  title: localised(
    'Tegemoetkoming asbestslachtoffers (TAS / TNS)',
    'Indemnité des victimes de l’amiante (TAS / TNS, Pays-Bas)',
    'Asbestos victims compensation (TAS / TNS)',
  ),
  jurisdiction: 'NL',
  legalBasis: [LEGAL_BASIS.regelingTas, LEGAL_BASIS.tsb],
  periodKind: 'date',
  inputs: {
    credentials: [{ vct: MEDICAL_VCT, claims: ['diagnosis_code', 'diagnosis_date'] }],
    facts: ASBESTOS_FACTS,
  },
  evaluate,
};
