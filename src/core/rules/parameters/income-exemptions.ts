/**
 * Income exemptions (inkomstenvrijlating, Participatiewet art. 31(2)(n) and related),
 * shared/facts/benefits-nl.md §2: a share of the month's earnings (in basis points) up to a
 * monthly maximum (in euro cents). Maxima for 2025 and later are not known (an undated page's
 * 285.00 is deliberately not used), so every maximum ends on 2024-12-31; before the first known
 * maximum the exemption cannot be applied either.
 */
import type { DatedValue, Localised } from '../rule-module.ts';
import { SOURCES } from './sources.ts';

export type ExemptionId = 'work-25' | 'single-parent-12.5' | 'medical-15';

export interface IncomeExemption {
  id: ExemptionId;
  shareBasisPoints: number;
  maxima: readonly DatedValue[];
  /** The conditions the municipality judges; shown in the trace. */
  condition: Localised;
}

export const INCOME_EXEMPTIONS: Readonly<Record<ExemptionId, IncomeExemption>> = {
  'work-25': {
    id: 'work-25',
    shareBasisPoints: 2_500,
    maxima: [
      {
        valueCents: 22_100,
        validFrom: '2021-07-01',
        validUntil: '2024-06-30',
        source: SOURCES.velsen2021,
      },
      {
        valueCents: 26_900,
        validFrom: '2024-07-01',
        validUntil: '2024-12-31',
        source: SOURCES.velsen2024,
      },
    ],
    condition: {
      nl: 'Deze vrijlating geldt ten hoogste 6 maanden, en alleen als de gemeente oordeelt dat het werk bijdraagt aan arbeidsinschakeling.',
      fr: "Cette exonération vaut au plus 6 mois, et seulement si la commune juge que le travail favorise l'insertion professionnelle.",
      en: 'This exemption lasts at most 6 months, and only if the municipality judges that the work helps towards employment.',
    },
  },
  'single-parent-12.5': {
    id: 'single-parent-12.5',
    shareBasisPoints: 1_250,
    maxima: [
      {
        valueCents: 16_779,
        validFrom: '2024-07-01',
        validUntil: '2024-12-31',
        source: SOURCES.velsenIoaw2024,
      },
    ],
    condition: {
      nl: 'Deze vrijlating geldt voor een alleenstaande ouder met een kind jonger dan 12 jaar, tot 30 maanden na de eerste 6 maanden.',
      fr: "Cette exonération vaut pour un parent isolé ayant un enfant de moins de 12 ans, jusqu'à 30 mois après les 6 premiers mois.",
      en: 'This exemption is for a single parent with a child under 12, for up to 30 months after the first 6 months.',
    },
  },
  'medical-15': {
    id: 'medical-15',
    shareBasisPoints: 1_500,
    maxima: [
      {
        valueCents: 17_018,
        validFrom: '2024-07-01',
        validUntil: '2024-12-31',
        source: SOURCES.velsen2024,
      },
    ],
    condition: {
      nl: 'Deze vrijlating geldt voor wie om medische redenen minder uren kan werken; de gemeente beoordeelt dat.',
      fr: "Cette exonération vaut pour qui ne peut travailler qu'un nombre d'heures réduit pour raisons médicales ; la commune en juge.",
      en: 'This exemption is for someone who can work fewer hours for medical reasons; the municipality judges this.',
    },
  },
};
