// A small trend line for a table row, drawn as plain SVG so that a scorecard of hundreds of
// KPIs renders at once. A period with no number is a gap in the line, never a zero.
import { memo } from 'react';
import { formatKpiValue } from '../../../shared/format';
import type { KpiUnit, Polarity } from '../../../shared/vocabulary';

const WIDTH = 96;
const HEIGHT = 24;
const INSET = 3;

/** "Trend over the last 12 periods: from 31% to 23.4%, lower is better", with any gaps counted. */
export function describeSparkline(values: (number | null)[], unit: KpiUnit, polarity: Polarity): string {
  const periods = `the last ${values.length} ${values.length === 1 ? 'period' : 'periods'}`;
  const known = values.filter((value): value is number => value !== null);
  const first = known[0];
  const last = known.at(-1);
  if (first === undefined || last === undefined) return `Trend over ${periods}: no published values`;
  const better = polarity === 'higher-is-better' ? 'higher is better' : 'lower is better';
  const gaps = values.length - known.length;
  const gapWords = gaps === 0 ? '' : `; ${gaps} ${gaps === 1 ? 'period' : 'periods'} not published`;
  if (known.length === 1) return `Trend over ${periods}: one value, ${formatKpiValue(last, unit)}${gapWords}`;
  return `Trend over ${periods}: from ${formatKpiValue(first, unit)} to ${formatKpiValue(last, unit)}, ${better}${gapWords}`;
}

interface Point {
  x: number;
  y: number;
}

/** The line's runs between gaps, in SVG coordinates, higher values nearer the top. */
function runsOf(values: (number | null)[]): Point[][] {
  const known = values.filter((value): value is number => value !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = values.length > 1 ? (WIDTH - INSET * 2) / (values.length - 1) : 0;
  const x = (index: number) => (values.length > 1 ? INSET + index * step : WIDTH / 2);
  const y = (value: number) => (max === min ? HEIGHT / 2 : INSET + (1 - (value - min) / (max - min)) * (HEIGHT - INSET * 2));
  const runs: Point[][] = [];
  let run: Point[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push({ x: x(index), y: y(value) });
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

const coordinates = (points: Point[]) => points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');

export const Sparkline = memo(function Sparkline({ values, unit, polarity }: { values: (number | null)[]; unit: KpiUnit; polarity: Polarity }) {
  const label = describeSparkline(values, unit, polarity);
  const runs = runsOf(values);
  // The last point is emphasised only when it is the latest period's value, not an older one before a gap.
  const lastPoint = values.at(-1) !== null ? runs.at(-1)?.at(-1) : undefined;
  return (
    <svg className="sparkline" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} focusable="false">
      {runs.map((run, index) =>
        run.length === 1 && run[0] ? (
          <circle key={index} className="sparkline-dot" cx={run[0].x} cy={run[0].y} r="1.5" />
        ) : (
          <polyline key={index} className="sparkline-line" points={coordinates(run)} />
        ),
      )}
      {lastPoint ? <circle className="sparkline-last" cx={lastPoint.x} cy={lastPoint.y} r="3" /> : null}
    </svg>
  );
});
