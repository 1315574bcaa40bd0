// What a KPI chart shows, worked out from the series alone: the points to plot, the target in
// words, the sentence that stands in for the picture, and the rows of the table alternative.
// Nothing here draws, so the chart, its printed image and its table all read the same facts.
import { parseISO } from 'date-fns';
import type { ComparatorKind, Kpi, KpiSeries, SeriesPoint } from '../../../shared/contract-kpis';
import { formatLongDate } from '../../../shared/dates';
import { formatKpiValue } from '../../../shared/format';
import { directionOfTravel, type Travel } from '../../../shared/kpi-rag';
import type { SuppressionCode } from '../../../shared/vocabulary';

/** A plotted value: x is the period's last day in milliseconds; y is null where nothing was published. */
export interface PlotPoint {
  x: number;
  y: number | null;
  label: string;
  provisional: boolean;
}

/** The day a value belongs to on the time axis: the period's last day, at local midnight. */
export function dayTime(isoDate: string): number {
  return parseISO(isoDate).getTime();
}

export function valuePoints(series: KpiSeries): PlotPoint[] {
  return series.points.map((point) => ({ x: dayTime(point.end), y: point.value, label: point.label, provisional: point.provisional }));
}

export function comparatorPoints(comparator: KpiSeries['comparators'][number]): PlotPoint[] {
  return comparator.points.map((point) => ({ x: dayTime(point.end), y: point.value, label: point.label, provisional: false }));
}

/** How each line is told apart without colour: its dash pattern and its point shape. */
export interface LineStyle {
  color: string;
  dash: number[];
  pointStyle: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot';
  /** The same in words, for the legend of the table and for people who cannot see the chart. */
  described: string;
}

export const OWN_STYLE: LineStyle = { color: '#1d4f91', dash: [], pointStyle: 'circle', described: 'solid line, round points' };

export const COMPARATOR_STYLES: Record<ComparatorKind, LineStyle> = {
  england: { color: '#1b1f24', dash: [8, 4], pointStyle: 'rect', described: 'dashed line, square points' },
  region: { color: '#00707a', dash: [2, 3], pointStyle: 'triangle', described: 'dotted line, triangle points' },
  'statistical-neighbours': { color: '#8b2f6b', dash: [10, 3, 2, 3], pointStyle: 'rectRot', described: 'dash-dot line, diamond points' },
  other: { color: '#5a4a00', dash: [4, 2], pointStyle: 'crossRot', described: 'short-dashed line, cross points' },
};

export const TARGET_COLOR = '#1e6b35';
export const EVENT_COLOR = '#505a64';

const show = (kpi: Kpi, value: number) => formatKpiValue(value, kpi.unit);

/** The target as a board states it: "18% to 22%", or "85%, amber within 5%". */
export function targetInWords(kpi: Kpi): string | null {
  if (kpi.targetLower !== null && kpi.targetUpper !== null) {
    return `${show(kpi, Math.min(kpi.targetLower, kpi.targetUpper))} to ${show(kpi, Math.max(kpi.targetLower, kpi.targetUpper))}`;
  }
  if (kpi.targetValue !== null) {
    const tolerance = Math.abs(kpi.tolerance ?? 0);
    return tolerance > 0 ? `${show(kpi, kpi.targetValue)}, amber within ${show(kpi, tolerance)} of it` : show(kpi, kpi.targetValue);
  }
  return null;
}

/** The zone between a single target and the tolerance on its bad side, or null without one. */
export function toleranceZone(kpi: Kpi): { from: number; to: number } | null {
  if (kpi.targetValue === null || kpi.targetLower !== null || kpi.targetUpper !== null) return null;
  const tolerance = Math.abs(kpi.tolerance ?? 0);
  if (tolerance === 0) return null;
  return kpi.polarity === 'higher-is-better'
    ? { from: kpi.targetValue - tolerance, to: kpi.targetValue }
    : { from: kpi.targetValue, to: kpi.targetValue + tolerance };
}

/** The rule behind a rating without its leading word, to stand beside a badge that already says it. */
export function ruleBehind(explanation: string): string {
  return explanation.replace(/^(Red|Amber|Green): /, '');
}

export function polarityInWords(kpi: Pick<Kpi, 'polarity'>): string {
  return kpi.polarity === 'higher-is-better' ? 'higher is better' : 'lower is better';
}

/** The latest period and the one before it, with the direction of travel between them. */
export function latestAndTravel(series: KpiSeries): { latest: SeriesPoint | null; travel: Travel } {
  const latest = series.points.at(-1) ?? null;
  const previous = series.points.at(-2) ?? null;
  const travel = latest
    ? directionOfTravel(series.kpi.unit, series.kpi.polarity, latest.value, previous?.value ?? null, previous?.label ?? '')
    : { direction: 'unknown' as const, explanation: 'No values yet.' };
  return { latest, travel };
}

/** The events that fall within the chart's time span, which are the ones drawn on it. */
export function eventsInSpan(series: KpiSeries): KpiSeries['events'] {
  const times = [...series.points.map((point) => dayTime(point.start)), ...series.points.map((point) => dayTime(point.end))];
  for (const comparator of series.comparators) for (const point of comparator.points) times.push(dayTime(point.end));
  if (times.length === 0) return [];
  const first = Math.min(...times);
  const last = Math.max(...times);
  return series.events.filter((event) => {
    const at = dayTime(event.date);
    return at >= first && at <= last;
  });
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A few sentences that say what the chart shows, for the canvas's accessible name. */
export function describeChart(series: KpiSeries, ownLabel: string): string {
  const { kpi, points } = series;
  const opening = `Line chart of ${kpi.reference} ${kpi.name} for ${ownLabel}`;
  const sentences: string[] = [];
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) {
    sentences.push(`${opening}: no values have been recorded yet.`);
  } else {
    const published = points.filter((point) => point.value !== null);
    const from = published[0];
    const to = published.at(-1);
    const span = first === last ? first.label : `${plural(points.length, 'period', 'periods')} from ${first.label} to ${last.label}`;
    if (from && to) {
      const latestWords = `${show(kpi, to.value ?? 0)} in ${to.label}${to.provisional ? ' (provisional)' : ''}`;
      const change = from === to ? latestWords : `from ${show(kpi, from.value ?? 0)} in ${from.label} to ${latestWords}`;
      sentences.push(`${opening}, ${span}: ${change}, ${polarityInWords(kpi)}.`);
    } else {
      sentences.push(`${opening}, ${span}: no value has been published.`);
    }
    const gaps = points.length - published.length;
    if (gaps > 0) sentences.push(`${plural(gaps, 'period is', 'periods are')} not published and shown as gaps.`);
    if (last.rating.rag) sentences.push(last.rating.explanation);
  }
  const target = targetInWords(kpi);
  if (target) sentences.push(`${kpi.targetLower !== null && kpi.targetUpper !== null ? 'Target band' : 'Target'}: ${target}.`);
  if (series.comparators.length > 0) sentences.push(`Compared with ${list(series.comparators.map((comparator) => comparator.label))}.`);
  const events = eventsInSpan(series);
  if (events.length > 0) sentences.push(`Marked: ${list(events.map((event) => `${event.label}, ${formatLongDate(event.date)}`))}.`);
  sentences.push('The table of values follows the chart.');
  return sentences.join(' ');
}

export interface TableCell {
  value: number | null;
  suppressionCode: SuppressionCode | null;
}

/** One row of the table alternative: a period of the KPI, or a comparator's period with no value of its own. */
export interface TableRow {
  key: string;
  label: string;
  end: string;
  point: SeriesPoint | null;
  comparators: (TableCell | null)[];
  events: KpiSeries['events'];
}

/**
 * The table alternative's rows in date order. A comparator's figure sits on the row of the
 * period that ends on the same day (a year to March beside March's monthly value); a comparator
 * period that matches none gets a row of its own.
 */
export function tableRows(series: KpiSeries): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const point of series.points) {
    rows.set(point.end, { key: point.period, label: point.label, end: point.end, point, comparators: series.comparators.map(() => null), events: [] });
  }
  series.comparators.forEach((comparator, index) => {
    for (const point of comparator.points) {
      let row = rows.get(point.end);
      if (!row) {
        row = { key: `${comparator.kind}-${point.period}`, label: point.label, end: point.end, point: null, comparators: series.comparators.map(() => null), events: [] };
        rows.set(point.end, row);
      }
      row.comparators[index] = { value: point.value, suppressionCode: point.suppressionCode };
    }
  });
  const ordered = [...rows.values()].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  for (const event of series.events) {
    const row = ordered.find((candidate) => (candidate.point ? candidate.point.start <= event.date : false) && event.date <= candidate.end);
    row?.events.push(event);
  }
  return ordered;
}
