// The chart.js configuration of a KPI's trend chart: only the pieces it uses are registered, so
// the bundle leaves the rest of chart.js out. The same configuration draws the chart on the page
// and the image made for print and for committee packs.
import {
  Chart,
  Decimation,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
  type ScriptableLineSegmentContext,
} from 'chart.js';
import 'chartjs-adapter-date-fns';
import annotationPlugin, { type AnnotationOptions } from 'chartjs-plugin-annotation';
import { enGB } from 'date-fns/locale';
import type { KpiSeries } from '../../../shared/contract-kpis';
import { formatKpiValue } from '../../../shared/format';
import type { KpiUnit } from '../../../shared/vocabulary';
import {
  COMPARATOR_STYLES,
  comparatorPoints,
  dayTime,
  EVENT_COLOR,
  eventsInSpan,
  OWN_STYLE,
  TARGET_COLOR,
  targetInWords,
  toleranceZone,
  valuePoints,
  type PlotPoint,
} from './kpi-chart-data';
import { eventLabelsPlugin } from './kpi-chart-events';
import { kpiKeyPlugin, type LegendEntry } from './kpi-chart-legend';

Chart.register(LineController, LineElement, PointElement, LinearScale, TimeScale, Tooltip, Decimation, annotationPlugin);
Chart.defaults.font.family = "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
Chart.defaults.color = '#1b1f24';

/** Above this many values a series is thinned (largest-triangle-three-buckets) to this many. */
export const DECIMATION_THRESHOLD = 400;
export const DECIMATION_SAMPLES = 240;
/** Above this many values the trend is drawn as a line without a mark on every point. */
const POINTS_MARKED_UP_TO = 60;

const BAND_FILL = 'rgba(30, 107, 53, 0.14)';
const TOLERANCE_FILL = 'rgba(240, 163, 10, 0.16)';
const TOLERANCE_EDGE = '#8a5300';
const GRID = '#e3e6e8';

export type KpiChartConfiguration = ChartConfiguration<'line', PlotPoint[]>;

export interface KpiChartOptions {
  /** Whose values the trend line shows, for the key: the council's name. */
  ownLabel: string;
  /** True for the page (resizes with its box, tooltips on hover); false for a fixed-size image. */
  interactive: boolean;
  /** Pixels per CSS pixel; for a fixed-size image, as many as the print needs. */
  devicePixelRatio?: number;
  /** Called after every complete draw, with the chart. */
  onDrawn?: (chart: Chart<'line', PlotPoint[]>) => void;
}

const UNIT_TITLES: Record<KpiUnit, string> = {
  percentage: 'Per cent',
  count: 'Number',
  'rate-per-10000': 'Rate per 10,000 children',
  days: 'Days',
  ratio: 'Ratio',
};

const axisNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function axisValue(value: number, unit: KpiUnit): string {
  return unit === 'percentage' ? `${axisNumber.format(value)}%` : axisNumber.format(value);
}

/** Values the y axis must reach so that the targets and their zones are in view as well as the data. */
function valueRange(series: KpiSeries): { min: number; max: number } | null {
  const { kpi } = series;
  const values: number[] = [];
  for (const point of series.points) if (point.value !== null) values.push(point.value);
  for (const comparator of series.comparators) for (const point of comparator.points) if (point.value !== null) values.push(point.value);
  for (const target of [kpi.targetValue, kpi.targetLower, kpi.targetUpper]) if (target !== null) values.push(target);
  const zone = toleranceZone(kpi);
  if (zone) values.push(zone.from, zone.to);
  if (values.length === 0) return null;
  let min = Math.min(...values);
  let max = Math.max(...values);
  const padding = max > min ? (max - min) * 0.12 : Math.max(Math.abs(max) * 0.1, 1);
  min -= padding;
  max += padding;
  if (min < 0 && Math.min(...values) >= 0) min = 0;
  if (kpi.unit === 'percentage' && max > 100 && Math.max(...values) <= 100) max = 100;
  return { min, max };
}

/** The time span shown: every value and comparator, with a little room at each end. */
function timeRange(series: KpiSeries): { min: number; max: number } | null {
  const times = series.points.map((point) => dayTime(point.end));
  for (const comparator of series.comparators) for (const point of comparator.points) times.push(dayTime(point.end));
  if (times.length === 0) return null;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const room = Math.max((last - first) * 0.02, 16 * 24 * 60 * 60 * 1000);
  return { min: first - room, max: last + room };
}

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function annotations(series: KpiSeries): Record<string, AnnotationOptions> {
  const { kpi } = series;
  const result: Record<string, AnnotationOptions> = {};
  if (kpi.targetLower !== null && kpi.targetUpper !== null) {
    result.band = {
      type: 'box',
      drawTime: 'beforeDatasetsDraw',
      yMin: Math.min(kpi.targetLower, kpi.targetUpper),
      yMax: Math.max(kpi.targetLower, kpi.targetUpper),
      backgroundColor: BAND_FILL,
      borderColor: TARGET_COLOR,
      borderWidth: 1,
      borderDash: [6, 3],
    };
  } else if (kpi.targetValue !== null) {
    const zone = toleranceZone(kpi);
    if (zone) {
      result.tolerance = {
        type: 'box',
        drawTime: 'beforeDatasetsDraw',
        yMin: zone.from,
        yMax: zone.to,
        backgroundColor: TOLERANCE_FILL,
        borderColor: TOLERANCE_EDGE,
        borderWidth: 1,
        borderDash: [2, 3],
      };
    }
    result.target = { type: 'line', drawTime: 'beforeDatasetsDraw', scaleID: 'y', value: kpi.targetValue, borderColor: TARGET_COLOR, borderWidth: 2 };
  }
  eventsInSpan(series).forEach((event, index) => {
    result[`event${index}`] = {
      type: 'line',
      drawTime: 'afterDatasetsDraw',
      scaleID: 'x',
      value: dayTime(event.date),
      borderColor: EVENT_COLOR,
      borderWidth: 1.5,
      borderDash: [3, 3],
    };
  });
  return result;
}

function keyEntries(series: KpiSeries, ownLabel: string): LegendEntry[] {
  const { kpi } = series;
  const entries: LegendEntry[] = [{ label: ownLabel, sample: { kind: 'line', style: OWN_STYLE, width: 2.5 } }];
  if (series.points.some((point) => point.provisional && point.value !== null)) {
    entries.push({ label: 'Provisional value (hollow point)', sample: { kind: 'points-only', style: OWN_STYLE, hollow: true } });
  }
  if (series.points.some((point) => point.value === null)) {
    entries.push({ label: 'Gap: not published', sample: { kind: 'gap', style: OWN_STYLE } });
  }
  for (const comparator of series.comparators) {
    entries.push({ label: comparator.label, sample: { kind: 'line', style: COMPARATOR_STYLES[comparator.kind] } });
  }
  const target = targetInWords(kpi);
  if (kpi.targetLower !== null && kpi.targetUpper !== null) {
    entries.push({ label: `Target band ${target}`, sample: { kind: 'zone', fill: BAND_FILL, edge: TARGET_COLOR, dash: [6, 3] } });
  } else if (kpi.targetValue !== null) {
    entries.push({
      label: `Target ${formatKpiValue(kpi.targetValue, kpi.unit)}`,
      sample: { kind: 'line', style: { color: TARGET_COLOR, dash: [], pointStyle: 'circle', described: '' }, width: 2 },
    });
    const zone = toleranceZone(kpi);
    if (zone) {
      entries.push({
        label: `Amber: within ${formatKpiValue(Math.abs(kpi.tolerance ?? 0), kpi.unit)} of target`,
        sample: { kind: 'zone', fill: TOLERANCE_FILL, edge: TOLERANCE_EDGE, dash: [2, 3] },
      });
    }
  }
  if (eventsInSpan(series).length > 0) {
    entries.push({ label: 'Inspection, visit or review', sample: { kind: 'vertical', color: EVENT_COLOR, dash: [3, 3] } });
  }
  return entries;
}

/**
 * The segment into a provisional value is dashed, as well as the value's point being hollow. The
 * index is into the data as drawn, which thinning replaces, so the dataset's current data is read.
 */
function intoProvisional(dataset: { data: PlotPoint[] }) {
  return (context: ScriptableLineSegmentContext): number[] | undefined => (dataset.data[context.p1DataIndex]?.provisional ? [5, 4] : undefined);
}

const whiteBackground: Plugin<'line'> = {
  id: 'kpiBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export function kpiChartConfig(series: KpiSeries, options: KpiChartOptions): KpiChartConfiguration {
  const { kpi } = series;
  const values = valuePoints(series);
  const marked = values.length <= POINTS_MARKED_UP_TO;
  const own: ChartDataset<'line', PlotPoint[]> = {
    label: options.ownLabel,
    data: values,
    order: 1,
    borderColor: OWN_STYLE.color,
    backgroundColor: OWN_STYLE.color,
    borderWidth: 2.5,
    pointStyle: OWN_STYLE.pointStyle,
    pointRadius: (context) => ((context.raw as PlotPoint | undefined)?.provisional || !marked ? 0 : 3),
    pointHoverRadius: 5,
    spanGaps: false,
  };
  own.segment = { borderDash: intoProvisional(own) };
  const datasets: ChartDataset<'line', PlotPoint[]>[] = [
    own,
    {
      label: `${options.ownLabel}, provisional`,
      data: values.filter((point) => point.provisional && point.y !== null),
      order: 0,
      showLine: false,
      borderColor: OWN_STYLE.color,
      backgroundColor: '#ffffff',
      pointStyle: OWN_STYLE.pointStyle,
      pointRadius: 5,
      pointHoverRadius: 6,
      pointBorderWidth: 2,
    },
    ...series.comparators.map((comparator): ChartDataset<'line', PlotPoint[]> => {
      const style = COMPARATOR_STYLES[comparator.kind];
      const points = comparatorPoints(comparator);
      return {
        label: comparator.label,
        data: points,
        order: 2,
        borderColor: style.color,
        backgroundColor: style.color,
        borderWidth: 2,
        borderDash: style.dash,
        pointStyle: style.pointStyle,
        pointRadius: points.length <= POINTS_MARKED_UP_TO ? 4 : 0,
        pointHoverRadius: 5,
        spanGaps: false,
      };
    }),
  ];

  const yRange = valueRange(series);
  const xRange = timeRange(series);
  const plugins: Plugin<'line'>[] = [whiteBackground, kpiKeyPlugin(keyEntries(series, options.ownLabel))];
  const events = eventsInSpan(series);
  if (xRange && events.length > 0) {
    plugins.push(eventLabelsPlugin(events.map((event) => ({ at: dayTime(event.date), text: shorten(event.label, 40) })), xRange));
  }
  const onDrawn = options.onDrawn;
  if (onDrawn) plugins.push({ id: 'kpiDrawn', afterRender: (chart) => onDrawn(chart as Chart<'line', PlotPoint[]>) });

  return {
    type: 'line',
    data: { datasets },
    plugins,
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: options.interactive,
      maintainAspectRatio: false,
      devicePixelRatio: options.devicePixelRatio,
      events: options.interactive ? ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'] : [],
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      layout: { padding: { top: 4, right: 16, left: 4, bottom: 0 } },
      scales: {
        x: {
          type: 'time',
          min: xRange?.min,
          max: xRange?.max,
          adapters: { date: { locale: enGB } },
          time: {
            minUnit: 'month',
            tooltipFormat: 'd MMMM yyyy',
            displayFormats: { day: 'd MMM yyyy', week: 'd MMM yyyy', month: 'MMM yyyy', quarter: 'MMM yyyy', year: 'yyyy' },
          },
          ticks: { maxRotation: 0, autoSkipPadding: 18, color: '#1b1f24' },
          grid: { color: GRID },
        },
        y: {
          type: 'linear',
          suggestedMin: yRange?.min,
          suggestedMax: yRange?.max,
          title: { display: true, text: UNIT_TITLES[kpi.unit], color: '#1b1f24' },
          ticks: { color: '#1b1f24', callback: (value) => axisValue(Number(value), kpi.unit) },
          grid: { color: GRID },
        },
      },
      plugins: {
        // The key is drawn by kpiKeyPlugin; chart.js's own legend, should another chart have registered it, stays off.
        legend: { display: false },
        decimation: { enabled: true, algorithm: 'lttb', threshold: DECIMATION_THRESHOLD, samples: DECIMATION_SAMPLES },
        tooltip: {
          enabled: options.interactive,
          // The hollow mark of a provisional value repeats a value of the trend line: say it once.
          filter: (item) => item.datasetIndex !== 1,
          callbacks: {
            title: (items) => (items[0]?.raw as PlotPoint | undefined)?.label ?? '',
            label: (item) => {
              const point = item.raw as PlotPoint;
              return `${item.dataset.label ?? ''}: ${formatKpiValue(point.y, kpi.unit)}${point.provisional ? ' (provisional)' : ''}`;
            },
          },
        },
        annotation: { annotations: annotations(series) },
      },
    },
  };
}
