import { useLanguageStore, useT } from '../i18n/index.ts';
import { formatCents, formatMonth, formatShortMonth } from '../shared/format.ts';
import { labelRoom, monthAxis } from './benefits/month-axis.ts';
import { useWidth } from './benefits/use-width.ts';
import type { CredentialView } from './wallet-store.ts';
import { MonthLabels } from './benefits/MonthLabels.tsx';

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
const PAD = { top: 10, right: 8, bottom: 28, left: 8 };

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
  const axis = monthAxis(
    months.map((month) => month.period),
    {
      left: PAD.left,
      right: width - PAD.right,
      labelWidth: labelRoom(months.map((month) => formatShortMonth(month.period, language))),
    },
  );
  const drawn = months.filter((month) => axis.x(month.period) !== undefined);
  const max = Math.max(...drawn.map((m) => m.netCents), 1);
  const barWidth = Math.max(2, Math.min(40, axis.slot * 0.7));
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;

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
          const y = PAD.top + plotHeight - height;
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
        <MonthLabels axis={axis} y={HEIGHT - PAD.bottom + 18} language={language} />
        <line
          x1={PAD.left}
          x2={width - PAD.right}
          y1={PAD.top + plotHeight}
          y2={PAD.top + plotHeight}
          className="baseline"
        />
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
