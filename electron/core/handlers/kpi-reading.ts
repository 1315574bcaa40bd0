// Reading KPIs as boards read them: the scorecard (grouped by theme, latest value against target,
// direction of travel, comparators, a sparkline) and the full series a chart draws.
import { and, eq, isNull } from 'drizzle-orm';
import { getLiveRecord } from '../../../db/records';
import { inspections, kpis, plans, reviews } from '../../../db/schema';
import type { ComparatorKind, ComparatorLatest, Kpi, KpiSeries, Scorecard, ScorecardRow, SeriesPoint } from '../../../shared/contract-kpis';
import { formatKpiValue } from '../../../shared/format';
import { directionOfTravel, rateKpiValue, type KpiRating } from '../../../shared/kpi-rag';
import { periodLabel, periodRange, periodShape, type PeriodShape } from '../../../shared/periods';
import type { Frequency, SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { listKpis } from './kpis';
import { referenceOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;

interface ValueRow {
  kpiId: string;
  period: string;
  periodEnd: string;
  value: number | null;
  suppressionCode: SuppressionCode | null;
  provisional: number;
  note: string | null;
}

interface ComparatorRow {
  kpiId: string;
  kind: ComparatorKind;
  label: string;
  period: string;
  periodEnd: string;
  value: number | null;
  suppressionCode: SuppressionCode | null;
}

const OWN_SHAPE: Record<Frequency, PeriodShape> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'financial-year' };

/**
 * Values in time order. Where a published annual figure and the KPI's own figure end on the same
 * day (March and 2024/25 both end on 31 March), the KPI's own comes last, so it is the latest.
 */
function inTimeOrder<T extends { period: string; periodEnd: string }>(rows: T[], frequency: Frequency): T[] {
  const own = OWN_SHAPE[frequency];
  return rows.sort((a, b) => {
    if (a.periodEnd !== b.periodEnd) return a.periodEnd < b.periodEnd ? -1 : 1;
    return Number(periodShape(a.period) === own) - Number(periodShape(b.period) === own);
  });
}

function valuesOfPlan(reader: Reader, planId: string, kpiId?: string): Map<string, ValueRow[]> {
  const rows = reader.db.$client
    .prepare(
      `select v.kpi_id as kpiId, v.period, v.period_end as periodEnd, v.value, v.suppression_code as suppressionCode, v.provisional, v.note
       from kpi_values v join kpis k on k.id = v.kpi_id
       where k.plan_id = ? and k.deleted_at is null and v.deleted_at is null ${kpiId ? 'and k.id = ?' : ''}`,
    )
    .all(...(kpiId ? [planId, kpiId] : [planId])) as ValueRow[];
  return groupBy(rows);
}

function comparatorsOfPlan(reader: Reader, planId: string, kpiId?: string): Map<string, ComparatorRow[]> {
  const rows = reader.db.$client
    .prepare(
      `select c.kpi_id as kpiId, c.kind, c.label, c.period, c.period_end as periodEnd, c.value, c.suppression_code as suppressionCode
       from kpi_comparators c join kpis k on k.id = c.kpi_id
       where k.plan_id = ? and k.deleted_at is null and c.deleted_at is null ${kpiId ? 'and k.id = ?' : ''}
       order by c.period_end`,
    )
    .all(...(kpiId ? [planId, kpiId] : [planId])) as ComparatorRow[];
  return groupBy(rows);
}

function groupBy<T extends { kpiId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.kpiId);
    if (list) list.push(row);
    else grouped.set(row.kpiId, [row]);
  }
  return grouped;
}

/** One line per kind of comparator; "other" comparators one line per label. */
function comparatorLines(rows: ComparatorRow[]): Map<string, ComparatorRow[]> {
  const lines = new Map<string, ComparatorRow[]>();
  for (const row of rows) {
    const key = row.kind === 'other' ? `other:${row.label}` : row.kind;
    const line = lines.get(key);
    if (line) line.push(row);
    else lines.set(key, [row]);
  }
  return lines;
}

const KIND_ORDER: ComparatorKind[] = ['england', 'region', 'statistical-neighbours', 'other'];

/** The target in words: "85%", "90% to 95%", with how far short still counts as amber. */
export function targetInWords(kpi: Pick<Kpi, 'unit' | 'targetValue' | 'targetLower' | 'targetUpper' | 'tolerance'>): string | null {
  const show = (value: number) => formatKpiValue(value, kpi.unit);
  if (kpi.targetLower !== null && kpi.targetUpper !== null) return `${show(kpi.targetLower)} to ${show(kpi.targetUpper)}`;
  if (kpi.targetValue === null) return null;
  return kpi.tolerance ? `${show(kpi.targetValue)} (amber within ${show(kpi.tolerance)})` : show(kpi.targetValue);
}

function rate(kpi: Kpi, row: Pick<ValueRow, 'value' | 'suppressionCode' | 'period'>): KpiRating {
  if (row.value === null && row.suppressionCode) {
    return { rag: null, explanation: `Not rated: the figure for ${periodLabel(row.period)} is not published (${row.suppressionCode}).` };
  }
  return rateKpiValue(kpi, row.value);
}

const SPARKLINE_LENGTH = 12;

function scorecardRow(kpi: Kpi, values: ValueRow[], comparators: ComparatorRow[]): ScorecardRow {
  const ordered = inTimeOrder(values, kpi.frequency);
  const latest = ordered.at(-1) ?? null;
  const previous = ordered.at(-2) ?? null;
  const latestComparators: ComparatorLatest[] = [...comparatorLines(comparators).values()]
    .map((line) => line.at(-1))
    .filter((row): row is ComparatorRow => row !== undefined)
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((row) => ({
      kind: row.kind,
      label: row.label,
      period: row.period,
      periodLabel: periodLabel(row.period),
      value: row.value,
      suppressionCode: row.suppressionCode,
    }));
  return {
    id: kpi.id,
    reference: kpi.reference,
    name: kpi.name,
    unit: kpi.unit,
    polarity: kpi.polarity,
    frequency: kpi.frequency,
    latest: latest
      ? {
          period: latest.period,
          periodLabel: periodLabel(latest.period),
          value: latest.value,
          suppressionCode: latest.suppressionCode,
          provisional: latest.provisional === 1,
          note: latest.note,
        }
      : null,
    target: targetInWords(kpi),
    rating: latest ? rate(kpi, latest) : { rag: null, explanation: 'Not rated: no value has been entered yet.' },
    travel: directionOfTravel(kpi.unit, kpi.polarity, latest?.value ?? null, previous?.value ?? null, previous ? periodLabel(previous.period) : ''),
    comparators: latestComparators,
    sparkline: ordered.slice(-SPARKLINE_LENGTH).map((row) => row.value),
  };
}

export function scorecard(reader: Reader, planId: string): Scorecard {
  const all = listKpis(reader, planId);
  const values = valuesOfPlan(reader, planId);
  const comparators = comparatorsOfPlan(reader, planId);
  const rows = new Map(all.map((kpi) => [kpi.id, scorecardRow(kpi, values.get(kpi.id) ?? [], comparators.get(kpi.id) ?? [])]));
  const themes = new Map<string, { theme: Kpi['themes'][number]; rows: ScorecardRow[] }>();
  const unthemed: ScorecardRow[] = [];
  for (const kpi of all) {
    const row = rows.get(kpi.id);
    if (!row) continue;
    if (kpi.themes.length === 0) unthemed.push(row);
    for (const theme of kpi.themes) {
      const group = themes.get(theme.id) ?? { theme, rows: [] };
      group.rows.push(row);
      themes.set(theme.id, group);
    }
  }
  const groups: Scorecard['groups'] = [...themes.values()].sort((a, b) => referenceOrder.compare(a.theme.reference, b.theme.reference));
  if (unthemed.length > 0) groups.push({ theme: null, rows: unthemed });
  return { groups, kpiCount: all.length };
}

export function series(reader: Reader, kpiId: string): KpiSeries {
  const { planId } = getLiveRecord(reader, kpis, kpiId);
  const [kpi] = listKpis(reader, planId, [kpiId]);
  if (!kpi) throw new Error('The KPI could not be read.');
  const points: SeriesPoint[] = inTimeOrder(valuesOfPlan(reader, planId, kpiId).get(kpiId) ?? [], kpi.frequency).map((row) => ({
    period: row.period,
    label: periodLabel(row.period),
    start: periodRange(row.period).start,
    end: row.periodEnd,
    value: row.value,
    suppressionCode: row.suppressionCode,
    provisional: row.provisional === 1,
    note: row.note,
    rating: rate(kpi, row),
  }));
  const lines = [...comparatorLines(comparatorsOfPlan(reader, planId, kpiId).get(kpiId) ?? []).values()]
    .filter((line) => line.length > 0)
    .sort((a, b) => KIND_ORDER.indexOf(a[0]!.kind) - KIND_ORDER.indexOf(b[0]!.kind))
    .map((line) => ({
      kind: line[0]!.kind,
      // The latest label: a neighbours' mean may be "of 9" in one year and "of 10" in another.
      label: line.at(-1)!.label,
      points: line.map((row) => ({ period: row.period, label: periodLabel(row.period), end: row.periodEnd, value: row.value, suppressionCode: row.suppressionCode })),
    }));
  return { kpi, points, comparators: lines, events: events(reader, planId) };
}

function events(reader: Reader, planId: string): KpiSeries['events'] {
  const found: KpiSeries['events'] = [];
  const plan = getLiveRecord(reader, plans, planId);
  if (plan.inspectionId) {
    const inspection = reader.db.select().from(inspections).where(eq(inspections.id, plan.inspectionId)).get();
    if (inspection && inspection.deletedAt === null) found.push({ date: inspection.startDate, label: 'Inspection', kind: 'inspection' });
  }
  const visits = reader.db
    .select({ kind: reviews.kind, title: reviews.title, start: reviews.visitStartDate, letter: reviews.letterDate })
    .from(reviews)
    .where(and(eq(reviews.planId, planId), isNull(reviews.deletedAt)))
    .all();
  for (const visit of visits) {
    const date = visit.start ?? visit.letter;
    if (!date) continue;
    found.push({ date, label: visit.title, kind: visit.kind === 'monitoring-visit' ? 'monitoring-visit' : 'review' });
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const kpiReadingHandlers: HandlerGroup<'kpis.scorecard' | 'kpis.series'> = {
  'kpis.scorecard': (input, core) => {
    assertPlanExists(core, input.planId);
    return scorecard(core, input.planId);
  },
  'kpis.series': (input, core) => series(core, input.kpiId),
};
