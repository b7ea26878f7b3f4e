/**
 * Dutch asbestos schemes (shared/facts/benefits-nl.md §4): the TAS/TNS amount per calendar year
 * (one figure for both schemes), in euro cents, and the dates schemes began to cover a disease.
 * Years without a published figure (2018, 2019, 2022, 2023, 2025, 2026, before 2015) have none:
 * the amount is then null, the status is still given.
 */
import type { DatedValue } from '../rule-module.ts';
import { SOURCES } from './sources.ts';

const year = (y: number, euros: number, source: DatedValue['source']): DatedValue => ({
  valueCents: euros * 100,
  validFrom: `${y}-01-01`,
  validUntil: `${y}-12-31`,
  source,
});

export const TAS_TNS_AMOUNTS: readonly DatedValue[] = [
  year(2015, 19_417, SOURCES.rijksoverheid),
  year(2016, 19_605, SOURCES.rechtopgeld),
  year(2017, 19_988, SOURCES.iasNews),
  year(2020, 21_269, SOURCES.rijksoverheid),
  year(2021, 21_847, SOURCES.ias),
  year(2024, 24_010, SOURCES.ias),
];

/** Dates from which a scheme covers a disease (ISO), with their source. */
export const ASBESTOS_COVERAGE = {
  /** TAS (and TNS) cover asbestosis since 1 April 2014 (Regeling TAS 2014). */
  asbestosisFrom: '2014-04-01',
  /** The TSB scheme for asbestos-caused lung cancer, run by ISBG, since 1 January 2023. */
  tsbFrom: '2023-01-01',
  /** TNS for asbestosis: at least this many consecutive years resident in NL (10–60 years before). */
  tnsResidenceYears: 10,
} as const;
