/**
 * Social assistance norms (Participatiewet art. 21–22), net per month, in euro cents
 * (shared/facts/benefits-nl.md §1). "incl" includes the 5% holiday allowance reserved each month;
 * "excl" is the monthly payment's ceiling. Where only "incl" was published, "excl" is derived:
 * incl × 0.95, rounded half up to the cent (norms.test.ts recomputes every derived figure).
 * 2026-01-01: a rise is announced without amounts, so every table ends on 2025-12-31.
 * To add a half-year: append its dated values here (docs/rules.md, "Adding a half-year's norms").
 */
import type { DatedValue } from '../rule-module.ts';
import { SOURCES } from './sources.ts';

export type NormHousehold = 'single' | 'couple';
export type NormAgeBand = '21-to-pension' | 'pension';

export interface NormTable {
  incl: readonly DatedValue[];
  excl: readonly DatedValue[];
}

const derivedText = (incl: string, exact: string, rounded: string): string =>
  `excl. vt = incl. vt ${incl} × 0.95 = ${exact}, rounded half up to the cent = ${rounded} (derived in shared/facts/benefits-nl.md, not published)`;

const H1_2024 = { validFrom: '2024-01-01', validUntil: '2024-06-30' } as const;
const H2_2024 = { validFrom: '2024-07-01', validUntil: '2024-12-31' } as const;
const H1_2025 = { validFrom: '2025-01-01', validUntil: '2025-06-30' } as const;
const H2_2025 = { validFrom: '2025-07-01', validUntil: '2025-12-31' } as const;

/** Single or single parent (single parents get the single norm), 21 to state-pension age. */
const SINGLE: NormTable = {
  incl: [
    { valueCents: 128_383, ...H1_2024, source: SOURCES.westland2024 },
    { valueCents: 130_845, ...H2_2024, source: SOURCES.velsen2024 },
    { valueCents: 134_545, ...H1_2025, source: SOURCES.westland2025 },
    { valueCents: 136_906, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
  excl: [
    { valueCents: 121_964, ...H1_2024, source: SOURCES.westland2024 },
    {
      valueCents: 124_303,
      ...H2_2024,
      source: SOURCES.velsen2024,
      derived: derivedText('1,308.45', '1,243.0275', '1,243.03'),
    },
    {
      valueCents: 127_818,
      ...H1_2025,
      source: SOURCES.westland2025,
      derived: derivedText('1,345.45', '1,278.1775', '1,278.18'),
    },
    { valueCents: 130_061, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
};

/** Married or cohabiting, both 21 to state-pension age: one norm for the couple. */
const COUPLE: NormTable = {
  incl: [
    { valueCents: 183_404, ...H1_2024, source: SOURCES.westland2024 },
    { valueCents: 186_921, ...H2_2024, source: SOURCES.velsen2024 },
    { valueCents: 192_207, ...H1_2025, source: SOURCES.westland2025 },
    { valueCents: 195_580, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
  excl: [
    { valueCents: 174_234, ...H1_2024, source: SOURCES.westland2024 },
    {
      valueCents: 177_575,
      ...H2_2024,
      source: SOURCES.velsen2024,
      derived: derivedText('1,869.21', '1,775.7495', '1,775.75'),
    },
    {
      valueCents: 182_597,
      ...H1_2025,
      source: SOURCES.westland2025,
      derived: derivedText('1,922.07', '1,825.9665', '1,825.97'),
    },
    { valueCents: 185_801, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
};

/** Single, state-pension age. Excl. published for 1 Jan 2024 and 1 Jul 2025, derived otherwise. */
const SINGLE_PENSION: NormTable = {
  incl: [
    { valueCents: 142_576, ...H1_2024, source: SOURCES.westland2024 },
    { valueCents: 145_685, ...H2_2024, source: SOURCES.velsen2024 },
    { valueCents: 150_107, ...H1_2025, source: SOURCES.westland2025 },
    { valueCents: 153_021, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
  excl: [
    { valueCents: 135_447, ...H1_2024, source: SOURCES.westervoort2024 },
    {
      valueCents: 138_401,
      ...H2_2024,
      source: SOURCES.velsen2024,
      derived: derivedText('1,456.85', '1,384.0075', '1,384.01'),
    },
    {
      valueCents: 142_602,
      ...H1_2025,
      source: SOURCES.westland2025,
      derived: derivedText('1,501.07', '1,426.0165', '1,426.02'),
    },
    { valueCents: 145_370, ...H2_2025, source: SOURCES.hofVanTwente },
  ],
};

/**
 * Couple, state-pension age. The published 1 Jan 2024 excl. figure (1,835.70, westervoort.nl) is
 * not incl. × 0.95 (that would be 1,837.28): the published figure is used, as published.
 */
const COUPLE_PENSION: NormTable = {
  incl: [
    { valueCents: 193_398, ...H1_2024, source: SOURCES.westland2024 },
    { valueCents: 197_664, ...H2_2024, source: SOURCES.velsen2024 },
    { valueCents: 205_348, ...H1_2025, source: SOURCES.westland2025 },
    { valueCents: 209_498, ...H2_2025, source: SOURCES.hofVanTwente2025 },
  ],
  excl: [
    { valueCents: 183_570, ...H1_2024, source: SOURCES.westervoort2024 },
    {
      valueCents: 187_781,
      ...H2_2024,
      source: SOURCES.velsen2024,
      derived: derivedText('1,976.64', '1,877.808', '1,877.81'),
    },
    {
      valueCents: 195_081,
      ...H1_2025,
      source: SOURCES.westland2025,
      derived: derivedText('2,053.48', '1,950.806', '1,950.81'),
    },
    { valueCents: 199_023, ...H2_2025, source: SOURCES.hofVanTwente },
  ],
};

export const BIJSTAND_NORMS: Readonly<Record<NormHousehold, Record<NormAgeBand, NormTable>>> = {
  single: { '21-to-pension': SINGLE, pension: SINGLE_PENSION },
  couple: { '21-to-pension': COUPLE, pension: COUPLE_PENSION },
};

/** Cost-sharer norm (kostendelersnorm) per person, 21 to pension age: only 1 Jul 2024 is known. */
const costSharer = (
  persons: number,
  inclCents: number,
  exclCents: number,
  incl: string,
  exact: string,
  rounded: string,
): [number, NormTable] => [
  persons,
  {
    incl: [{ valueCents: inclCents, ...H2_2024, source: SOURCES.velsen2024 }],
    excl: [
      {
        valueCents: exclCents,
        ...H2_2024,
        source: SOURCES.velsen2024,
        derived: derivedText(incl, exact, rounded),
      },
    ],
  },
];

export const COST_SHARER_NORMS: ReadonlyMap<number, NormTable> = new Map([
  costSharer(2, 93_461, 88_788, '934.61', '887.8795', '887.88'),
  costSharer(3, 80_999, 76_949, '809.99', '769.4905', '769.49'),
  costSharer(4, 74_768, 71_030, '747.68', '710.296', '710.30'),
  costSharer(5, 71_030, 67_479, '710.30', '674.785', '674.79'),
]);
