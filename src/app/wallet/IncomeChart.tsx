import { useLanguageStore, useT } from '../i18n/index.ts';
import { formatCents, formatMonth, formatShortMonth } from '../shared/format.ts';
import { CHART_PAD, chartMonthAxis } from './benefits/month-axis.ts';
import { useWidth } from './benefits/use-width.ts';
import type { CredentialView } from './wallet-store.ts';
import { MonthAxisBase } from './benefits/MonthLabels.tsx';

interface MonthTotal {
  period: string;
  netCents: number;
}

/**
 * Net income per month from the income statements (several employers in one month add up); a
 * statement the issuer revoked does not count.
 */
export function monthlyNetIncome(credentials: readonly CredentialView[]): MonthTotal[] {
  const totals = new Map<string, number>();
  for (const credential of credentials) {
    if (credential.typeId !== 'income-statement' || credential.statusCheck?.state === 'revoked')
      continue;
    const { period, net_wage_cents: net } = credential.claims;
    if (typeof period !== 'string' || typeof net !== 'number') continue;
    totals.set(period, (totals.get(period) ?? 0) + net);
  }
  return [...totals]
    .map(([period, netCents]) => ({ period, netCents }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

const HEIGHT = 180;

/**
 * Net income per month as bars placed by date (a month without a statement is a gap), drawn at the
 * chart's true width so the month labels stay readable and are thinned until they cannot overlap;
 * the same figures as a table beside it, for everyone and for screen readers.
 */
export function IncomeChart({ credentials }: { credentials: readonly CredentialView[] }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { ref, width } = useWidth<HTMLElement>();
  const months = monthlyNetIncome(credentials);
  if (months.length === 0) return null;
  const axis = chartMonthAxis(
    months.map((month) => month.period),
    width,
    (period) => formatShortMonth(period, language),
  );
  const drawn = months.filter((month) => axis.x(month.period) !== undefined);
  const max = Math.max(...drawn.map((m) => m.netCents), 1);
  const barWidth = Math.max(2, Math.min(40, axis.slot * 0.7));
  const plotHeight = HEIGHT - CHART_PAD.top - CHART_PAD.bottom;

  return (
    <figure ref={ref} className="income-chart" aria-labelledby="income-chart-title">
      <figcaption id="income-chart-title">{t('home.incomeChart')}</figcaption>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        {drawn.map((month) => {
          const height = (Math.max(0, month.netCents) / max) * plotHeight;
          const x = (axis.x(month.period) ?? 0) - barWidth / 2;
          const y = CHART_PAD.top + plotHeight - height;
          return (
            <rect
              key={month.period}
              x={x}
              y={y}
              width={barWidth}
              height={height}
              rx={3}
              className="bar"
            />
          );
        })}
        <MonthAxisBase axis={axis} width={width} height={HEIGHT} language={language} />
      </svg>
      <table className="chart-table">
        <caption className="visually-hidden">{t('home.incomeChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.incomeChart.month')}</th>
            <th scope="col">{t('home.incomeChart.net')}</th>
          </tr>
        </thead>
        <tbody>
          {[...months].reverse().map((month) => (
            <tr key={month.period}>
              <th scope="row">{formatMonth(month.period, language)}</th>
              <td>{formatCents(month.netCents, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
