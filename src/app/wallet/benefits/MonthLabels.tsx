import type { Language } from '../../i18n/index.ts';
import { formatShortMonth } from '../../shared/format.ts';
import type { MonthAxis } from './month-axis.ts';

/** The labelled months of a chart's axis (monthAxis chose which), centred under their slots. */
export function MonthLabels({
  axis,
  y,
  language,
}: {
  axis: MonthAxis;
  /** The labels' baseline. */
  y: number;
  language: Language;
}) {
  return axis.labels.map((label) => (
    <text key={label.period} x={label.x} y={y} textAnchor="middle" className="axis">
      {formatShortMonth(label.period, language)}
    </text>
  ));
}
