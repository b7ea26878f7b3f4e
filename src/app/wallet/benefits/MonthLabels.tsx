import type { Language } from '../../i18n/index.ts';
import { formatShortMonth } from '../../shared/format.ts';
import { CHART_PAD, type MonthAxis } from './month-axis.ts';

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

/** The foot of an income chart `width` × `height`: its month labels under the plot's baseline. */
export function MonthAxisBase({
  axis,
  width,
  height,
  language,
}: {
  axis: MonthAxis;
  width: number;
  height: number;
  language: Language;
}) {
  const baseline = height - CHART_PAD.bottom;
  return (
    <>
      <MonthLabels axis={axis} y={baseline + 18} language={language} />
      <line
        x1={CHART_PAD.left}
        x2={width - CHART_PAD.right}
        y1={baseline}
        y2={baseline}
        className="baseline"
      />
    </>
  );
}
