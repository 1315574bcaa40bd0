// Loading a council's published series into a KPI: its figures as the KPI's values (through
// writeKpiValues, which checks each against the KPI), and England's, the region's and the
// statistical neighbours' figures as its comparators, in the same transaction, so all of it is
// saved or none. For each period the file covers, the file is the source of these three
// comparators: one figure of each kind, replaced when the file differs and removed when it gives
// none. Importing the same file again changes nothing.
import { and, eq, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, restoreRecord, updateRecord, type UnitOfWork } from '../../../db/records';
import { kpiComparators, kpis, kpiValues } from '../../../db/schema';
import type { DfeFigure, DfeImportResult, DfePreview, DfePreviewCell } from '../../../shared/contract-dfe-import';
import type { ComparatorKind } from '../../../shared/contract-kpis';
import { catalogueEntry } from '../../../shared/kpi-catalogue';
import { valueProblem } from '../../../shared/kpi-cells';
import { periodLabel } from '../../../shared/periods';
import type { Frequency, KpiUnit, SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { fieldError } from '../handlers/plan-setup-common';
import { periodProblem } from '../../../shared/kpi-cells';
import { writeKpiValues } from '../kpi-values';
import type { Series, SeriesRow } from './select';

type Reader = Pick<Core, 'db'>;
type ComparatorRow = typeof kpiComparators.$inferSelect;

export interface ImportKpi {
  id: string;
  reference: string;
  name: string;
  unit: KpiUnit;
  frequency: Frequency;
  catalogueKey: string | null;
}

/** The plan's live KPI; refuses, at `kpiId`, one that is not the plan's. */
export function kpiOfPlan(reader: Reader, planId: string, kpiId: string): ImportKpi {
  const row = reader.db
    .select({ id: kpis.id, reference: kpis.reference, name: kpis.name, unit: kpis.unit, frequency: kpis.frequency, catalogueKey: kpis.catalogueKey })
    .from(kpis)
    .where(and(eq(kpis.id, kpiId), eq(kpis.planId, planId), isNull(kpis.deletedAt)))
    .get();
  if (!row) throw fieldError('kpiId', 'Choose one of this plan’s KPIs: the KPI given is not one of them, or has been deleted');
  return { ...row, unit: row.unit as KpiUnit, frequency: row.frequency as Frequency };
}

/**
 * Refuses a series the KPI cannot hold, at the field to change: a period its frequency does not
 * take (at `kpiId`), or a figure its unit does not allow (at `measure`), naming the figure.
 */
export function assertSeriesFits(kpi: ImportKpi, series: Series): void {
  for (const row of series.rows) {
    const wrongPeriod = periodProblem(kpi.frequency, row.period);
    if (wrongPeriod) throw fieldError('kpiId', `${kpi.reference} cannot take the file’s figure for ${periodLabel(row.period)}: ${wrongPeriod}. Choose a KPI measured that way`);
    const figures: [string, number | null | undefined, KpiUnit][] = [
      [series.council.name, row.value?.value, kpi.unit],
      // A comparator is an average, so a count's may have decimals.
      ['England', row.england?.value, kpi.unit === 'count' ? 'ratio' : kpi.unit],
      [row.region?.label ?? 'the region', row.region?.figure?.value, kpi.unit === 'count' ? 'ratio' : kpi.unit],
      ['the statistical neighbours', row.neighbours?.value, kpi.unit === 'count' ? 'ratio' : kpi.unit],
    ];
    for (const [who, value, unit] of figures) {
      if (value === null || value === undefined) continue;
      const problem = valueProblem(unit, value);
      if (problem) {
        throw fieldError(
          'measure',
          `“${series.measure}” cannot be ${kpi.reference}’s figures: ${who}’s figure for ${periodLabel(row.period)} is ${value.toLocaleString('en-GB')}, and ${problem}. Choose the column that matches the KPI, or another KPI`,
        );
      }
    }
  }
}

function sameFigure(a: DfeFigure, b: { value: number | null; suppressionCode: string | null }): boolean {
  return a.value === b.value && (a.suppressionCode ?? null) === (b.suppressionCode ?? null);
}

function figureOfRow(row: { value: number | null; suppressionCode: string | null }): DfeFigure {
  return { value: row.value, suppressionCode: (row.suppressionCode as SuppressionCode | null) ?? null };
}

interface Stored {
  values: Map<string, DfeFigure>;
  /** Every comparator row of the KPI, tombstones too, by kind and period. */
  comparators: Map<string, ComparatorRow[]>;
}

const comparatorKey = (kind: ComparatorKind, period: string) => `${kind}\u0000${period}`;

function readStored(reader: Reader, kpiId: string): Stored {
  const values = new Map(
    reader.db
      .select({ period: kpiValues.period, value: kpiValues.value, suppressionCode: kpiValues.suppressionCode })
      .from(kpiValues)
      .where(and(eq(kpiValues.kpiId, kpiId), isNull(kpiValues.deletedAt)))
      .all()
      .map((row) => [row.period, figureOfRow(row)]),
  );
  const comparators = new Map<string, ComparatorRow[]>();
  for (const row of reader.db.select().from(kpiComparators).where(eq(kpiComparators.kpiId, kpiId)).all()) {
    const key = comparatorKey(row.kind as ComparatorKind, row.period);
    comparators.set(key, [...(comparators.get(key) ?? []), row]);
  }
  return { values, comparators };
}

function valueCell(figure: DfeFigure | null, stored: DfeFigure | undefined): DfePreviewCell {
  const change = figure === null ? 'none' : !stored ? 'new' : sameFigure(figure, stored) ? 'unchanged' : 'changed';
  return { figure, stored: stored ?? null, storedLabel: null, change };
}

function comparatorCell(figure: DfeFigure | null, label: string | null, rows: ComparatorRow[]): DfePreviewCell & { label: string | null } {
  const live = rows.filter((row) => row.deletedAt === null);
  const [first] = live;
  const stored = first ? figureOfRow(first) : null;
  const storedLabel = first?.label ?? null;
  let change: DfePreviewCell['change'];
  if (figure === null || label === null) change = first ? 'removed' : 'none';
  else if (!first) change = 'new';
  else change = live.length === 1 && first.label === label && sameFigure(figure, first) ? 'unchanged' : 'changed';
  return { figure: label === null ? null : figure, stored, storedLabel, change, label };
}

interface Planned {
  row: SeriesRow;
  value: DfePreviewCell;
  england: DfePreviewCell & { label: string | null };
  region: DfePreviewCell & { label: string | null };
  neighbours: DfePreviewCell & { label: string | null };
}

function plan(stored: Stored, series: Series): Planned[] {
  return series.rows.map((row) => {
    const rowsOf = (kind: ComparatorKind) => stored.comparators.get(comparatorKey(kind, row.period)) ?? [];
    const neighbours = row.neighbours;
    return {
      row,
      value: valueCell(row.value, stored.values.get(row.period)),
      england: comparatorCell(row.england, 'England', rowsOf('england')),
      region: comparatorCell(row.region?.figure ?? null, row.region?.label ?? null, rowsOf('region')),
      neighbours: comparatorCell(
        neighbours && neighbours.value !== null ? { value: neighbours.value, suppressionCode: null } : null,
        neighbours && neighbours.value !== null ? neighbours.label : null,
        rowsOf('statistical-neighbours'),
      ),
    };
  });
}

function notesFor(kpi: ImportKpi, series: Series, fileName: string): string[] {
  const notes = [...series.notes];
  const published = kpi.catalogueKey ? catalogueEntry(kpi.catalogueKey)?.published : null;
  if (published) {
    if (!fileName.toLowerCase().startsWith(published.file.toLowerCase())) {
      notes.push(`${kpi.reference} is published in DfE’s ${published.file} files, column ${published.measure}; this file is “${fileName}”.`);
    } else if (published.measure.toLowerCase() !== series.measure.toLowerCase()) {
      notes.push(`${kpi.reference} is published in column ${published.measure}; the column chosen is ${series.measure}.`);
    }
    if (series.year && series.year !== published.year) {
      notes.push(
        published.year === 'census-year'
          ? `${kpi.reference} is a workforce census figure, for years to 30 September, but the file’s years are read as years to 31 March.`
          : `${kpi.reference} is published for years to 31 March, but the file’s years are read as workforce census years to 30 September.`,
      );
    }
  }
  return notes;
}

/** What importing the series would do, against what the KPI holds now. */
export function previewImport(reader: Reader, kpi: ImportKpi, series: Series, fileName: string): DfePreview {
  const planned = plan(readStored(reader, kpi.id), series);
  const counts: DfePreview['counts'] = { values: { new: 0, changed: 0, unchanged: 0 }, comparators: { new: 0, changed: 0, unchanged: 0, removed: 0 } };
  for (const entry of planned) {
    if (entry.value.change !== 'none' && entry.value.change !== 'removed') counts.values[entry.value.change] += 1;
    for (const cell of [entry.england, entry.region, entry.neighbours]) {
      if (cell.change !== 'none') counts.comparators[cell.change] += 1;
    }
  }
  return {
    kpi: { id: kpi.id, reference: kpi.reference, name: kpi.name, unit: kpi.unit, frequency: kpi.frequency },
    council: { number: series.council.number, name: series.council.name, region: series.council.region, onsCodes: series.council.onsCodes },
    measure: series.measure,
    filters: series.filters,
    year: series.year,
    neighbours: series.neighbours,
    rows: planned.map(({ row, value, england, region, neighbours }) => ({
      period: row.period,
      periodLabel: periodLabel(row.period),
      timePeriod: row.timePeriod,
      line: row.line,
      value,
      england,
      region,
      neighbours: { ...neighbours, count: row.neighbours?.count ?? 0, of: row.neighbours?.of ?? 0 },
    })),
    notes: notesFor(kpi, series, fileName),
    counts,
  };
}

/**
 * Makes the stored comparators of one kind and period what the file says: one row with the label
 * and figure, or none. The label is part of the row's identity even among tombstones, so a row
 * of that label is restored rather than made again, and a row of another label is relabelled.
 */
function writeComparator(
  unit: UnitOfWork,
  planId: string,
  kpiId: string,
  kind: ComparatorKind,
  row: SeriesRow,
  cell: DfePreviewCell & { label: string | null },
  rows: ComparatorRow[],
): void {
  if (cell.change === 'unchanged' || cell.change === 'none') return;
  const live = rows.filter((candidate) => candidate.deletedAt === null);
  const label = cell.label;
  const figure = cell.figure;
  if (figure === null || label === null) {
    for (const stale of live) deleteRecord(unit, kpiComparators, stale.id, planId);
    return;
  }
  const next = { label, value: figure.value, suppressionCode: figure.suppressionCode, periodEnd: row.periodEnd };
  const sameLabel = rows.find((candidate) => candidate.label === label);
  let kept: string;
  if (sameLabel && sameLabel.deletedAt === null) {
    if (!sameFigure(figure, sameLabel) || sameLabel.periodEnd !== row.periodEnd) updateRecord(unit, kpiComparators, sameLabel.id, next, planId);
    kept = sameLabel.id;
  } else if (sameLabel) {
    kept = restoreRecord(unit, kpiComparators, sameLabel.id, next, planId).id;
  } else if (live[0]) {
    kept = updateRecord(unit, kpiComparators, live[0].id, next, planId).id;
  } else {
    kept = createRecord(unit, kpiComparators, { kpiId, kind, period: row.period, ...next }, planId).id;
  }
  for (const stale of live) if (stale.id !== kept) deleteRecord(unit, kpiComparators, stale.id, planId);
}

function describeYears(series: Series): string {
  const first = series.rows[0];
  const last = series.rows.at(-1);
  if (!first || !last) return 'no periods';
  return first === last ? periodLabel(first.period) : `${periodLabel(first.period)} to ${periodLabel(last.period)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Saves the series inside `unit`: the values through writeKpiValues, then the comparators; throws, saving nothing, on any problem. */
export function applyImport(unit: UnitOfWork, planId: string, kpi: ImportKpi, series: Series): DfeImportResult {
  assertSeriesFits(kpi, series);
  const stored = readStored(unit, kpi.id);
  const planned = plan(stored, series);
  const cells = planned
    .filter((entry) => entry.row.value !== null)
    .map((entry) => ({ kpiId: kpi.id, period: entry.row.period, value: entry.row.value?.value ?? null, suppressionCode: entry.row.value?.suppressionCode ?? null }));
  const written = cells.length > 0 ? writeKpiValues(unit, planId, cells, 'rows') : { saved: 0, cleared: 0, unchanged: 0 };

  const comparators = { saved: 0, removed: 0, unchanged: 0 };
  for (const entry of planned) {
    const kinds: [ComparatorKind, DfePreviewCell & { label: string | null }][] = [
      ['england', entry.england],
      ['region', entry.region],
      ['statistical-neighbours', entry.neighbours],
    ];
    for (const [kind, cell] of kinds) {
      writeComparator(unit, planId, kpi.id, kind, entry.row, cell, stored.comparators.get(comparatorKey(kind, entry.row.period)) ?? []);
      if (cell.change === 'removed') comparators.removed += 1;
      else if (cell.change === 'new' || cell.change === 'changed') comparators.saved += 1;
      else if (cell.change === 'unchanged') comparators.unchanged += 1;
    }
  }

  const years = describeYears(series);
  const council = `${series.council.name} (${series.council.number})`;
  const already = written.unchanged + comparators.unchanged;
  const summary =
    written.saved === 0 && comparators.saved === 0 && comparators.removed === 0
      ? `Nothing changed: ${kpi.reference} already holds the figures of ${council} and their comparators for ${years}.`
      : `Loaded the figures of ${council} for ${years} into ${kpi.reference}: ${plural(written.saved, 'value', 'values')} and ${plural(comparators.saved, 'comparator', 'comparators')} saved` +
        `${comparators.removed > 0 ? `, ${plural(comparators.removed, 'comparator', 'comparators')} removed` : ''}` +
        `${already > 0 ? `; ${plural(already, 'figure was', 'figures were')} already stored as published` : ''}.`;
  return {
    kpiId: kpi.id,
    periods: series.rows.length,
    values: { saved: written.saved, unchanged: written.unchanged },
    comparators,
    summary,
  };
}
