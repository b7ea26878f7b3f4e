import type { MonthlyIncome } from '../../../core/holder/index.ts';
import type { RuleResult } from '../../../core/rules/index.ts';
import { useLanguageStore, useT } from '../../i18n/index.ts';
import { formatCents, formatMonth, formatShortMonth } from '../../shared/format.ts';
import { STATUS_TEXT } from './benefit-words.ts';

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

const WIDTH = 600;
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 36, left: 12 };

/**
 * Each month's net income as a bar, the top-up stacked on it (shaded), and the norm as a line
 * across the month. The table beside it carries the same figures for screen readers.
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
  const bars = monthBars(results, income);
  if (bars.length === 0) return null;
  const max = Math.max(
    ...bars.map((b) => Math.max(b.incomeCents + b.topUpCents, b.normCents ?? 0)),
    1,
  );
  const slot = (WIDTH - PAD.left - PAD.right) / bars.length;
  const barWidth = Math.min(48, slot * 0.6);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (cents: number) => PAD.top + plotHeight - (cents / max) * plotHeight;

  return (
    <figure className="income-chart norm-chart" aria-labelledby="norm-chart-title">
      <figcaption id="norm-chart-title">{t('benefits.chart.title')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-hidden="true" focusable="false">
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
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          const incomeTop = y(bar.incomeCents);
          const topUpTop = y(bar.incomeCents + bar.topUpCents);
          return (
            <g key={bar.period}>
              <rect
                x={x}
                y={incomeTop}
                width={barWidth}
                height={PAD.top + plotHeight - incomeTop}
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
                  x1={x - 6}
                  x2={x + barWidth + 6}
                  y1={y(bar.normCents)}
                  y2={y(bar.normCents)}
                  className="norm"
                />
              )}
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
                className="axis"
              >
                {formatShortMonth(bar.period, language)}
              </text>
            </g>
          );
        })}
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + plotHeight}
          y2={PAD.top + plotHeight}
          className="baseline"
        />
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
      <table className="chart-table">
        <caption className="visually-hidden">{t('benefits.chart.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('benefits.chart.month')}</th>
            <th scope="col">{t('benefits.chart.income')}</th>
            <th scope="col">{t('benefits.chart.norm')}</th>
            <th scope="col">{t('benefits.chart.topUp')}</th>
            <th scope="col">{t('benefits.chart.status')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.period}>
              <th scope="row">{formatMonth(bar.period, language)}</th>
              <td>{formatCents(bar.incomeCents, language)}</td>
              <td>
                {bar.normCents !== null
                  ? formatCents(bar.normCents, language)
                  : bar.result.status === 'unknown'
                    ? t('benefits.chart.unpublished')
                    : '—'}
              </td>
              <td>{formatCents(bar.topUpCents, language)}</td>
              <td>{t(STATUS_TEXT[bar.result.status])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
