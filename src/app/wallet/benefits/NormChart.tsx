import type { MonthlyIncome } from '../../../core/holder/index.ts';
import type { RuleResult } from '../../../core/rules/index.ts';
import { useLanguageStore, useT } from '../../i18n/index.ts';
import { formatCents, formatMonth, formatShortMonth } from '../../shared/format.ts';
import { CHART_PAD, chartMonthAxis } from './month-axis.ts';
import { useWidth } from './use-width.ts';
import { MonthAxisBase } from './MonthLabels.tsx';

interface MonthBar {
  period: string;
  incomeCents: number;
  normCents: number | null;
  topUpCents: number;
  result: RuleResult;
}

export function monthBars(
  results: readonly RuleResult[],
  income: readonly MonthlyIncome[],
): MonthBar[] {
  const byMonth = new Map(income.map((month) => [month.period, month.netCents]));
  return results
    .filter((result) => byMonth.has(result.period))
    .map((result) => ({
      period: result.period,
      incomeCents: byMonth.get(result.period) ?? 0,
      normCents: result.normCents ?? null,
      topUpCents: result.amountCents ?? 0,
      result,
    }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

const HEIGHT = 200;

/**
 * Each month's net income as a bar, the top-up stacked on it (hatched), and the norm as a line
 * across the month, placed by date (a month without a statement is a gap) and drawn at its true
 * width so the labels stay readable and never overlap. The month cards below carry every figure;
 * a screen reader gets the same figures as a list (the drawing itself is hidden from it).
 */
export function NormChart({
  results,
  income,
}: {
  results: readonly RuleResult[];
  income: readonly MonthlyIncome[];
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { ref, width } = useWidth<HTMLElement>();
  const bars = monthBars(results, income);
  if (bars.length === 0) return null;
  const axis = chartMonthAxis(
    bars.map((bar) => bar.period),
    width,
    (period) => formatShortMonth(period, language),
  );
  const drawn = bars.filter((bar) => axis.x(bar.period) !== undefined);
  const max = Math.max(
    ...drawn.map((b) => Math.max(b.incomeCents + b.topUpCents, b.normCents ?? 0)),
    1,
  );
  const barWidth = Math.max(2, Math.min(40, axis.slot * 0.6));
  const plotHeight = HEIGHT - CHART_PAD.top - CHART_PAD.bottom;
  const y = (cents: number) => CHART_PAD.top + plotHeight - (cents / max) * plotHeight;

  return (
    <figure ref={ref} className="income-chart norm-chart" aria-labelledby="norm-chart-title">
      <figcaption id="norm-chart-title">{t('benefits.chart.title')}</figcaption>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        <defs>
          <pattern
            id="top-up-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="top-up-ground" />
            <line x1="0" y1="0" x2="0" y2="6" className="top-up-line" />
          </pattern>
        </defs>
        {drawn.map((bar) => {
          const x = (axis.x(bar.period) ?? 0) - barWidth / 2;
          const incomeTop = y(bar.incomeCents);
          const topUpTop = y(bar.incomeCents + bar.topUpCents);
          return (
            <g key={bar.period}>
              <rect
                x={x}
                y={incomeTop}
                width={barWidth}
                height={CHART_PAD.top + plotHeight - incomeTop}
                className="bar"
              />
              {bar.topUpCents > 0 ? (
                <rect
                  x={x}
                  y={topUpTop}
                  width={barWidth}
                  height={incomeTop - topUpTop}
                  className="top-up"
                  fill="url(#top-up-hatch)"
                />
              ) : null}
              {bar.normCents === null ? null : (
                <line
                  x1={x - Math.min(6, axis.slot * 0.15)}
                  x2={x + barWidth + Math.min(6, axis.slot * 0.15)}
                  y1={y(bar.normCents)}
                  y2={y(bar.normCents)}
                  className="norm"
                />
              )}
            </g>
          );
        })}
        <MonthAxisBase axis={axis} width={width} height={HEIGHT} language={language} />
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch swatch-income" /> {t('benefits.chart.income')}
        </li>
        <li>
          <span className="swatch swatch-top-up" /> {t('benefits.chart.topUp')}
        </li>
        <li>
          <span className="swatch swatch-norm" /> {t('benefits.chart.norm')}
        </li>
      </ul>
      <ul className="visually-hidden">
        {bars.map((bar) => (
          <li key={bar.period}>
            {t('benefits.chart.summary', {
              month: formatMonth(bar.period, language),
              income: formatCents(bar.incomeCents, language),
              topUp: formatCents(bar.topUpCents, language),
              norm:
                bar.normCents === null
                  ? t('benefits.chart.unpublished')
                  : formatCents(bar.normCents, language),
            })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
