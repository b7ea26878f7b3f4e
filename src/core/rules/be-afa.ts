/**
 * be.afa — the Belgian Asbestos Fund (AFA, Fedris) for a citizen exposed to asbestos in Belgium
 * (docs/rules.md). Mesothelioma: €10,200 once plus €1,865.10 a month; asbestosis and the other
 * listed diseases: €18.65 a month per point of recognised incapacity. The amounts are undated;
 * Fedris recognises the disease, so the best answer is 'likely-eligible'.
 *
 * amountCents: the lump sum for mesothelioma; for the other diseases the monthly amount
 * (points × €18.65), or null when the points are not known. monthlyCents: the monthly part.
 */
import { findDiagnosis, MEDICAL_VCT } from './asbestos-diagnosis.ts';
import type { AsbestosDisease } from './asbestos-diagnosis.ts';
import { EXPOSURE_LABELS, EXPOSURES } from './asbest-tas-tns.ts';
import type { Exposure } from './asbest-tas-tns.ts';
import { isDay } from './dated.ts';
import { localised, perLanguage } from './localised.ts';
import { formatEuro } from './money.ts';
import { AFA_AMOUNTS, AFA_OVARIAN_FROM } from './parameters/afa-be.ts';
import type { UndatedValue } from './parameters/afa-be.ts';
import { LEGAL_BASIS } from './parameters/sources.ts';
import type {
  EvidenceNeed,
  FactSpec,
  Localised,
  RuleInput,
  RuleModule,
  RuleResult,
  RuleStatus,
  TraceParameter,
  TraceStep,
} from './rule-module.ts';

const DISEASES: Readonly<Record<AsbestosDisease, Localised>> = {
  C45: localised('mesothelioom', 'mésothéliome', 'mesothelioma'),
  J61: localised('asbestose', 'asbestose', 'asbestosis'),
  C34: localised('longkanker', 'cancer du poumon', 'lung cancer'),
  C32: localised('strottenhoofdkanker', 'cancer du larynx', 'larynx cancer'),
  C56: localised('eierstokkanker', 'cancer de l’ovaire', 'ovarian cancer'),
};

const FEDRIS = localised(
  'Fedris (Asbestfonds)',
  'Fedris (Fonds amiante)',
  'Fedris (Asbestos Fund)',
);

const FACTS: readonly FactSpec[] = [
  {
    name: 'diagnosis',
    kind: 'enum',
    options: ['C45', 'J61', 'C34', 'C32', 'C56'],
    label: localised('Diagnose', 'Diagnostic', 'Diagnosis'),
    optionLabels: DISEASES,
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
    name: 'incapacityPoints',
    kind: 'integer',
    label: localised(
      'Erkende punten arbeidsongeschiktheid',
      'Points d’incapacité reconnus',
      'Recognised incapacity points',
    ),
    help: localised(
      'Zoals Fedris ze vaststelt (niet voor mesothelioom).',
      'Tels que fixés par Fedris (pas pour le mésothéliome).',
      'As Fedris sets them (not for mesothelioma).',
    ),
  },
];

const undated = (name: string, value: UndatedValue): TraceParameter => ({
  name,
  valueCents: value.valueCents,
  source: value.source,
});

function finish(
  period: string,
  trace: TraceStep[],
  status: RuleStatus,
  amounts: { amountCents: number | null; monthlyCents: number | null } = {
    amountCents: null,
    monthlyCents: null,
  },
): RuleResult {
  const evidence: EvidenceNeed[] =
    status === 'not-eligible'
      ? []
      : [
          {
            vct: MEDICAL_VCT,
            claims: ['diagnosis_code', 'diagnosis_date', 'physician_name', 'institution'],
            to: FEDRIS,
            why: localised(
              'Fedris erkent de ziekte op basis van de diagnose.',
              'Fedris reconnaît la maladie sur la base du diagnostic.',
              'Fedris recognises the disease from the diagnosis.',
            ),
          },
        ];
  return {
    ruleId: 'be.afa',
    status,
    period,
    trace,
    evidence,
    scheme: status === 'not-eligible' || status === 'unknown' ? null : 'AFA',
    ...amounts,
  };
}

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
    return finish(String(date), trace, 'unknown');
  }
  const exposure = facts.exposure;
  if (!(typeof exposure === 'string' && (EXPOSURES as readonly string[]).includes(exposure))) {
    trace.push({
      id: 'exposure',
      text: localised(
        'De plaats van blootstelling aan asbest is niet opgegeven; het Asbestfonds dekt blootstelling in België.',
        'Le lieu d’exposition à l’amiante n’a pas été indiqué ; le Fonds amiante couvre l’exposition en Belgique.',
        'The place of exposure to asbestos was not declared; the Asbestos Fund covers exposure in Belgium.',
      ),
      input: { name: 'exposure', value: exposure ?? null, origin: 'declared' },
      legalBasis: LEGAL_BASIS.afa,
    });
    return finish(date, trace, 'needs-evidence');
  }
  if (exposure !== 'belgium') {
    trace.push({
      id: 'exposure',
      text: perLanguage(
        (l) =>
          ({
            nl: `Blootstelling ${EXPOSURE_LABELS[exposure as Exposure].nl}: het Belgische Asbestfonds dekt alleen blootstelling in België.`,
            fr: `Exposition ${EXPOSURE_LABELS[exposure as Exposure].fr} : le Fonds amiante belge ne couvre que l’exposition en Belgique.`,
            en: `Exposure ${EXPOSURE_LABELS[exposure as Exposure].en}: the Belgian Asbestos Fund covers only exposure in Belgium.`,
          })[l],
      ),
      input: { name: 'exposure', value: exposure, origin: 'declared' },
      legalBasis: LEGAL_BASIS.afa,
    });
    return finish(date, trace, 'not-eligible');
  }
  trace.push({
    id: 'exposure',
    text: localised(
      'Blootstelling aan asbest in België: het Asbestfonds (AFA, Fedris) is bevoegd.',
      'Exposition à l’amiante en Belgique : le Fonds amiante (AFA, Fedris) est compétent.',
      'Exposure to asbestos in Belgium: the Asbestos Fund (AFA, Fedris) applies.',
    ),
    input: { name: 'exposure', value: exposure, origin: 'declared' },
    legalBasis: LEGAL_BASIS.afa,
  });

  const diagnosis = findDiagnosis(input);
  if (diagnosis.kind === 'none') {
    trace.push({
      id: 'diagnosis',
      text: localised(
        'Er is geen medische verklaring en geen opgegeven diagnose.',
        'Il n’y a ni attestation médicale ni diagnostic déclaré.',
        'There is no medical attestation and no declared diagnosis.',
      ),
      input: diagnosis.input,
      legalBasis: LEGAL_BASIS.afa,
    });
    return finish(date, trace, 'needs-evidence');
  }
  const covered =
    diagnosis.kind === 'found' && (diagnosis.disease !== 'C56' || date >= AFA_OVARIAN_FROM);
  if (diagnosis.kind === 'other' || !covered) {
    trace.push({
      id: 'diagnosis',
      text: localised(
        `Diagnose ${diagnosis.code}: het Asbestfonds dekt mesothelioom, asbestose, bilaterale diffuse pleurale verdikking, long- en strottenhoofdkanker en (sinds 2022) eierstokkanker door asbest; deze diagnose niet (op ${date}).`,
        `Diagnostic ${diagnosis.code} : le Fonds amiante couvre le mésothéliome, l’asbestose, l’épaississement pleural diffus bilatéral, les cancers du poumon et du larynx et (depuis 2022) de l’ovaire dus à l’amiante ; pas ce diagnostic (au ${date}).`,
        `Diagnosis ${diagnosis.code}: the Asbestos Fund covers mesothelioma, asbestosis, bilateral diffuse pleural thickening, lung and larynx cancer and (since 2022) ovarian cancer caused by asbestos; not this diagnosis (on ${date}).`,
      ),
      input: diagnosis.input,
      legalBasis: LEGAL_BASIS.afa,
    });
    return finish(date, trace, 'not-eligible');
  }
  const disease = diagnosis.disease;
  trace.push({
    id: 'diagnosis',
    text: perLanguage(
      (l) =>
        `${{ nl: 'Diagnose', fr: 'Diagnostic', en: 'Diagnosis' }[l]} ${diagnosis.code}: ${DISEASES[disease][l]}. ${
          {
            nl: 'Fedris erkent de ziekte; daarom hooguit "waarschijnlijk recht".',
            fr: 'Fedris reconnaît la maladie ; d’où au mieux « droit probable ».',
            en: 'Fedris recognises the disease; hence at most "likely eligible".',
          }[l]
        }`,
    ),
    input: diagnosis.input,
    legalBasis: LEGAL_BASIS.afa,
  });

  const waiver: TraceStep = {
    id: 'waiver',
    text: localised(
      'Wie de vergoeding van het Asbestfonds aanvaardt, ziet af van een rechtszaak tegen de asbestindustrie.',
      'Accepter l’indemnisation du Fonds amiante, c’est renoncer à poursuivre l’industrie de l’amiante en justice.',
      'Accepting the Asbestos Fund’s compensation waives the right to sue the asbestos industry.',
    ),
    legalBasis: LEGAL_BASIS.afa,
  };
  if (disease === 'C45') {
    const { mesotheliomaLumpSum: lump, mesotheliomaMonthly: monthly } = AFA_AMOUNTS;
    trace.push({
      id: 'amount',
      text: perLanguage((l) => {
        const [a, m] = [formatEuro(lump.valueCents)[l], formatEuro(monthly.valueCents)[l]];
        return {
          nl: `Mesothelioom: ${a} eenmalig plus ${m} per maand. De bron vermeldt geen datum voor deze bedragen.`,
          fr: `Mésothéliome : ${a} en une fois plus ${m} par mois. La source ne date pas ces montants.`,
          en: `Mesothelioma: ${a} once plus ${m} a month. The source gives these amounts undated.`,
        }[l];
      }),
      parameter: undated('afa.mesothelioma.lump-sum', lump),
      legalBasis: LEGAL_BASIS.afa,
    });
    trace.push({
      id: 'amount-monthly',
      text: perLanguage((l) => {
        const m = formatEuro(monthly.valueCents)[l];
        return {
          nl: `Maandelijks deel: ${m} (zonder datum).`,
          fr: `Part mensuelle : ${m} (non datée).`,
          en: `Monthly part: ${m} (undated).`,
        }[l];
      }),
      parameter: undated('afa.mesothelioma.monthly', monthly),
      legalBasis: LEGAL_BASIS.afa,
    });
    trace.push(waiver);
    return finish(date, trace, 'likely-eligible', {
      amountCents: lump.valueCents,
      monthlyCents: monthly.valueCents,
    });
  }
  const perPoint = AFA_AMOUNTS.perIncapacityPointMonthly;
  const points = facts.incapacityPoints;
  const known =
    typeof points === 'number' && Number.isSafeInteger(points) && points >= 0 && points <= 100;
  const monthlyCents = known ? points * perPoint.valueCents : null;
  trace.push({
    id: 'amount',
    text: perLanguage((l) => {
      const p = formatEuro(perPoint.valueCents)[l];
      if (monthlyCents === null) {
        return {
          nl: `${DISEASES[disease].nl}: ${p} per maand per punt erkende arbeidsongeschiktheid (bedrag zonder datum). Het aantal punten is niet bekend; geen bedrag genoemd.`,
          fr: `${DISEASES[disease].fr} : ${p} par mois par point d’incapacité reconnue (montant non daté). Le nombre de points n’est pas connu ; aucun montant indiqué.`,
          en: `${DISEASES[disease].en}: ${p} a month per point of recognised incapacity (undated amount). The points are not known; no amount given.`,
        }[l];
      }
      const m = formatEuro(monthlyCents)[l];
      return {
        nl: `${DISEASES[disease].nl}: ${String(points)} punten × ${p} = ${m} per maand (bedrag per punt zonder datum).`,
        fr: `${DISEASES[disease].fr} : ${String(points)} points × ${p} = ${m} par mois (montant par point non daté).`,
        en: `${DISEASES[disease].en}: ${String(points)} points × ${p} = ${m} a month (undated amount per point).`,
      }[l];
    }),
    input: { name: 'incapacityPoints', value: points ?? null, origin: 'declared' },
    parameter: undated('afa.per-incapacity-point.monthly', perPoint),
    legalBasis: LEGAL_BASIS.afa,
  });
  trace.push(waiver);
  return finish(date, trace, 'likely-eligible', { amountCents: monthlyCents, monthlyCents });
}

export const beAfa: RuleModule = {
  id: 'be.afa',
  title: localised(
    'Asbestfonds (AFA, België)',
    'Fonds amiante (AFA, Belgique)',
    'Asbestos Fund (AFA, Belgium)',
  ),
  jurisdiction: 'BE',
  legalBasis: [LEGAL_BASIS.afa],
  periodKind: 'date',
  inputs: {
    credentials: [{ vct: MEDICAL_VCT, claims: ['diagnosis_code', 'diagnosis_date'] }],
    facts: FACTS,
  },
  evaluate,
};
