/**
 * A time axis of months for the income charts: each month has its place by date, so a month
 * without a statement leaves a gap, and the labels are thinned until they cannot overlap at the
 * width the chart is drawn (a phone is 320 px of plot, a desk more).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0, or undefined for anything that is not `YYYY-MM`. */
function monthNumber(period: string): number | undefined {
  const match = MONTH.exec(period);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
}

function periodOf(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** At most this many months are drawn: the latest ones (a longer history would be hairlines). */
export const MAX_AXIS_MONTHS = 36;

export interface MonthAxis {
  /** Every month from the first to the last drawn, oldest first, gaps included. */
  readonly months: readonly string[];
  /** The centre of a month's slot, by period; undefined for a month not drawn. */
  readonly x: (period: string) => number | undefined;
  /** The width of one month's slot. */
  readonly slot: number;
  /** The months that carry a label (never two closer than a label's width), with their x. */
  readonly labels: readonly { period: string; x: number }[];
}

/**
 * Lay months out between `left` and `right`. `labelWidth` is the room one label takes (with its
 * spacing); every k-th month is labelled, k the smallest step that leaves that room, counted back
 * from the latest month so the newest is always named.
 */
export function monthAxis(
  periods: readonly string[],
  options: { left: number; right: number; labelWidth: number },
): MonthAxis {
  const numbers = periods.map(monthNumber).filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return { months: [], x: () => undefined, slot: 0, labels: [] };
  const last = Math.max(...numbers);
  const first = Math.max(Math.min(...numbers), last - MAX_AXIS_MONTHS + 1);
  const count = last - first + 1;
  const months = Array.from({ length: count }, (_, i) => periodOf(first + i));
  const slot = Math.max(0, options.right - options.left) / count;
  const centre = (index: number) => options.left + slot * (index + 0.5);
  const step = slot > 0 ? Math.max(1, Math.ceil(options.labelWidth / slot)) : count;
  const labels = months
    .map((period, index) => ({ period, index }))
    .filter(({ index }) => (count - 1 - index) % step === 0)
    .map(({ period, index }) => ({ period, x: centre(index) }));
  return {
    months,
    x: (period) => {
      const n = monthNumber(period);
      return n === undefined || n < first || n > last ? undefined : centre(n - first);
    },
    slot,
    labels,
  };
}

/** The room a short month label takes at 12 px: about 7 px a character, and a gap. */
export function labelRoom(labels: readonly string[]): number {
  return Math.max(0, ...labels.map((label) => label.length)) * 7 + 10;
}

/** The income charts' room around the plot, in px: the month labels sit in the bottom 28. */
export const CHART_PAD = Object.freeze({ top: 10, right: 8, bottom: 28, left: 8 });

/** A chart's month axis across its drawn `width`, leaving room for the labels `label` writes. */
export function chartMonthAxis(
  periods: readonly string[],
  width: number,
  label: (period: string) => string,
): MonthAxis {
  return monthAxis(periods, {
    left: CHART_PAD.left,
    right: width - CHART_PAD.right,
    labelWidth: labelRoom(periods.map(label)),
  });
}
