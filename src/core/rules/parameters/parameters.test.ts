/**
 * The parameter data against shared/facts/benefits-nl.md: every derived figure recomputed
 * (incl. × 0.95, half up to the cent), windows that never overlap, a source on every figure.
 */
import { describe, expect, it } from 'vitest';
import { shareOfCents } from '../money.ts';
import type { DatedValue } from '../rule-module.ts';
import { TAS_TNS_AMOUNTS } from './asbestos-nl.ts';
import { ASSET_LIMITS } from './asset-limits.ts';
import { BIJSTAND_NORMS, COST_SHARER_NORMS } from './bijstand-norms.ts';
import type { NormTable } from './bijstand-norms.ts';
import { INCOME_EXEMPTIONS } from './income-exemptions.ts';

const tables: [string, NormTable][] = [
  ...Object.entries(BIJSTAND_NORMS).flatMap(([household, bands]) =>
    Object.entries(bands).map(([band, table]): [string, NormTable] => [
      `${household} ${band}`,
      table,
    ]),
  ),
  ...[...COST_SHARER_NORMS].map(([n, table]): [string, NormTable] => [`cost-sharers ${n}`, table]),
];

const series: [string, readonly DatedValue[]][] = [
  ...tables.flatMap(([name, t]): [string, readonly DatedValue[]][] => [
    [`${name} incl`, t.incl],
    [`${name} excl`, t.excl],
  ]),
  ['assets single', ASSET_LIMITS.single],
  ['assets family', ASSET_LIMITS.family],
  ...Object.values(INCOME_EXEMPTIONS).map((e): [string, readonly DatedValue[]] => [e.id, e.maxima]),
  ['tas-tns', TAS_TNS_AMOUNTS],
];

describe('parameters', () => {
  it.each(tables)(
    'Given the %s norms, then every derived excl. figure is incl. × 0.95 rounded half up',
    (_, table) => {
      expect(table.excl.map((v) => v.validFrom)).toEqual(table.incl.map((v) => v.validFrom));
      table.excl.forEach((excl, i) => {
        const incl = table.incl[i] as DatedValue;
        expect(excl.validUntil).toBe(incl.validUntil);
        const computed = shareOfCents(incl.valueCents, 9_500);
        if (excl.derived !== undefined) expect(excl.valueCents).toBe(computed);
      });
    },
  );

  it('Given the published pairs, then they match × 0.95 except the one the code documents', () => {
    const mismatches = tables.flatMap(([name, t]) =>
      t.excl
        .filter(
          (excl, i) =>
            excl.derived === undefined &&
            excl.valueCents !== shareOfCents((t.incl[i] as DatedValue).valueCents, 9_500),
        )
        .map((excl) => `${name} ${excl.validFrom}`),
    );
    expect(mismatches).toEqual(['couple pension 2024-01-01']);
  });

  it.each(series)(
    'Given %s, then windows are ordered, closed and do not overlap, each with a source',
    (_, values) => {
      values.forEach((value, i) => {
        expect(value.source.label).toBeTruthy();
        expect(Number.isSafeInteger(value.valueCents) && value.valueCents > 0).toBe(true);
        expect(value.validUntil).toBeDefined();
        expect(value.validFrom <= (value.validUntil as string)).toBe(true);
        const next = values[i + 1];
        if (next) expect((value.validUntil as string) < next.validFrom).toBe(true);
      });
    },
  );

  it('Given the exemption maxima, then none is known for 2025 (285.00 is not used)', () => {
    for (const e of Object.values(INCOME_EXEMPTIONS)) {
      for (const m of e.maxima) expect((m.validUntil as string) <= '2024-12-31').toBe(true);
    }
  });
});
