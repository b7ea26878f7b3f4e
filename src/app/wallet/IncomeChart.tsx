import { useLanguageStore, useT } from '../i18n/index.ts';
import { formatCents, formatMonth, formatShortMonth } from '../shared/format.ts';
import type { CredentialView } from './wallet-store.ts';

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

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 36, left: 12 };

/** A bar chart with the same figures as a table beside it for screen readers. */
export function IncomeChart({ credentials }: { credentials: readonly CredentialView[] }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const months = monthlyNetIncome(credentials);
  if (months.length === 0) return null;
  const max = Math.max(...months.map((m) => m.netCents), 1);
  const slot = (WIDTH - PAD.left - PAD.right) / months.length;
  const barWidth = Math.min(48, slot * 0.7);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;

  return (
    <figure className="income-chart" aria-labelledby="income-chart-title">
      <figcaption id="income-chart-title">{t('home.incomeChart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-hidden="true" focusable="false">
        {months.map((month, index) => {
          const height = (month.netCents / max) * plotHeight;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          const y = PAD.top + plotHeight - height;
          return (
            <g key={month.period}>
              <rect x={x} y={y} width={barWidth} height={height} rx={3} className="bar" />
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
                className="axis"
              >
                {formatShortMonth(month.period, language)}
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
      <table className="chart-table">
        <caption className="visually-hidden">{t('home.incomeChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.incomeChart.month')}</th>
            <th scope="col">{t('home.incomeChart.net')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
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
