/**
 * The Belgian Asbestos Fund (AFA, run by Fedris), shared/facts/benefits-nl.md §5. The sources
 * give these amounts without a date: they are not DatedValues, and every trace says "undated".
 */
import type { Source } from '../rule-module.ts';
import { SOURCES } from './sources.ts';

export interface UndatedValue {
  valueCents: number;
  source: Source;
}

export const AFA_AMOUNTS = {
  /** Mesothelioma: a lump sum once… */
  mesotheliomaLumpSum: { valueCents: 1_020_000, source: SOURCES.afa },
  /** …plus this much per month. */
  mesotheliomaMonthly: { valueCents: 186_510, source: SOURCES.afa },
  /** Other listed diseases: per point of recognised incapacity, per month. */
  perIncapacityPointMonthly: { valueCents: 1_865, source: SOURCES.afa },
} as const satisfies Record<string, UndatedValue>;

/** Ovarian cancer is covered since 2022 (the facts give the year only: from 2022-01-01). */
export const AFA_OVARIAN_FROM = '2022-01-01';
