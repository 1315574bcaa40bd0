// What importing a sheet with a mapping would do: each figure matched to a KPI of the plan and a
// period, checked as saving will check it (kpi-values.ts), and compared with what is stored now.
// Every problem is told by the spreadsheet's own row number and column.
import type { FiguresMapping, FiguresPreview, FiguresPreviewCell, FiguresProblem } from '../../../shared/contract-figures-import';
import { FIGURES_MAX_CELLS } from '../../../shared/contract-figures-import';
import type { KpiCell } from '../../../shared/contract-kpis';
import { periodKeyFor, type ReadPeriod } from '../../../shared/period-parse';
import { periodLabel } from '../../../shared/periods';
import type { Frequency, KpiUnit, SuppressionCode } from '../../../shared/vocabulary';
import { periodProblem, valueProblem } from '../../../shared/kpi-cells';
import type { KpiValueWrite } from '../kpi-values';
import { kpiMatcher, normaliseLabel, readFigure, readNote, readPeriodCell, readProvisional, type FigureReading } from './cells';
import { headingIsProvisional, readHeading } from './mapping';
import { cellAt, cellText, columnLetter, type Sheet } from './sheet';

export interface PlanKpi {
  id: string;
  reference: string;
  name: string;
  unit: KpiUnit;
  frequency: Frequency;
}

/** The stored values of the plan's KPIs, by KPI id and period key. */
export type StoredValues = Map<string, KpiCell>;
export const storedKey = (kpiId: string, period: string) => `${kpiId}\u0000${period}`;

const MAX_PROBLEMS_LISTED = 500;

export interface PlannedImport {
  preview: FiguresPreview;
  /** The values to save, in the order of preview.cells. */
  writes: KpiValueWrite[];
}

/** A column's heading, as problems quote it. */
function headerOf(sheet: Sheet, mapping: FiguresMapping, column: number): string | null {
  const text = cellText(cellAt(sheet, mapping.headerRow, column)).trim();
  return text === '' ? null : text;
}

function describeProblem(row: number | null, column: string | null, header: string | null, message: string): string {
  if (row === null) return message;
  const where = column ? `Row ${row}, column ${column}${header ? ` (${header})` : ''}` : `Row ${row}`;
  return `${where}: ${message}`;
}

interface Source {
  row: number;
  column: number;
  kpi: PlanKpi;
  period: ReadPeriod;
  /** The cell that gave the period, for a problem with it. */
  periodAt: { row: number; column: number };
  figure: Exclude<FigureReading, { kind: 'blank' }>;
  provisional: boolean | null;
  provisionalProblem: string | null;
  note: string | null;
}

function sameCell(current: KpiCell, incoming: FiguresPreviewCell['incoming']): boolean {
  return (
    current.value === incoming.value &&
    current.suppressionCode === incoming.suppressionCode &&
    (incoming.provisional === null || current.provisional === incoming.provisional) &&
    (incoming.note === null || (current.note ?? '') === incoming.note)
  );
}

export function planImport(sheet: Sheet, mapping: FiguresMapping, kpis: PlanKpi[], stored: StoredValues): PlannedImport {
  const problems: FiguresProblem[] = [];
  let problemCount = 0;
  const problem = (row: number | null, column: number | null, message: string) => {
    problemCount += 1;
    if (problems.length >= MAX_PROBLEMS_LISTED) return;
    const letter = column === null ? null : columnLetter(column);
    const header = column === null ? null : headerOf(sheet, mapping, column);
    problems.push({ row, column: letter, header, message, text: describeProblem(row, letter, header, message) });
  };

  const match = kpiMatcher(kpis);
  const unmatched = new Map<string, { label: string; rows: number[] }>();
  let unmatchedRowCount = 0;
  const sources: Source[] = [];
  let blank = 0;

  // A wide sheet's period headings are read once; one that is not a period is a problem once.
  // Where any heading is marked provisional, the unmarked ones are final.
  const headingPeriods = new Map<number, ReadPeriod | null>();
  const headingProvisional = new Map<number, boolean | null>();
  if (mapping.layout === 'wide') {
    const marked = mapping.periodColumns.filter((column) => headingIsProvisional(cellText(cellAt(sheet, mapping.headerRow, column))));
    for (const column of mapping.periodColumns) {
      headingProvisional.set(column, marked.length === 0 ? null : marked.includes(column));
      const reading = readHeading(cellAt(sheet, mapping.headerRow, column));
      if (reading.ok) headingPeriods.set(column, reading.period);
      else {
        headingPeriods.set(column, null);
        problem(mapping.headerRow, column, `the heading is not a period: ${reading.problem}`);
      }
    }
  }

  const valueColumns = mapping.layout === 'wide' ? mapping.periodColumns : mapping.valueColumn === null ? [] : [mapping.valueColumn];
  for (let row = mapping.headerRow + 1; row <= sheet.rows.length; row += 1) {
    const hasFigures = valueColumns.some((column) => readFigure(cellAt(sheet, row, column)).kind !== 'blank');
    const label = cellText(cellAt(sheet, row, mapping.kpiColumn)).trim();
    if (!hasFigures) {
      blank += label === '' ? 0 : valueColumns.length;
      continue;
    }
    if (label === '') {
      problem(row, mapping.kpiColumn, 'the row has figures but does not say which KPI they are for');
      continue;
    }
    const kpi = match(label);
    if (!kpi) {
      const key = normaliseLabel(label);
      const entry = unmatched.get(key) ?? { label, rows: [] };
      entry.rows.push(row);
      unmatched.set(key, entry);
      unmatchedRowCount += 1;
      continue;
    }
    if (mapping.layout === 'long') {
      const periodColumn = mapping.periodColumn ?? 0;
      const column = mapping.valueColumn ?? 0;
      const figure = readFigure(cellAt(sheet, row, column));
      if (figure.kind === 'blank') continue;
      const reading = readPeriodCell(cellAt(sheet, row, periodColumn));
      if (!reading.ok) {
        problem(row, periodColumn, `${kpi.reference}: ${reading.problem}`);
        continue;
      }
      const provisional = mapping.provisionalColumn === null ? null : readProvisional(cellAt(sheet, row, mapping.provisionalColumn));
      sources.push({
        row,
        column,
        kpi,
        period: reading.period,
        periodAt: { row, column: periodColumn },
        figure,
        provisional: provisional?.ok ? provisional.provisional : null,
        provisionalProblem: provisional && !provisional.ok ? provisional.problem : null,
        note: mapping.noteColumn === null ? null : readNote(cellAt(sheet, row, mapping.noteColumn)),
      });
    } else {
      for (const column of mapping.periodColumns) {
        const period = headingPeriods.get(column);
        const figure = readFigure(cellAt(sheet, row, column));
        if (figure.kind === 'blank') {
          blank += 1;
          continue;
        }
        if (!period) continue;
        const provisional = headingProvisional.get(column) ?? null;
        sources.push({ row, column, kpi, period, periodAt: { row: mapping.headerRow, column }, figure, provisional, provisionalProblem: null, note: null });
      }
    }
  }

  const cells: FiguresPreviewCell[] = [];
  const writes: KpiValueWrite[] = [];
  const firstSeen = new Map<string, Source>();
  for (const source of sources) {
    const { kpi, row, column } = source;
    const period = periodKeyFor(source.period, kpi.frequency);
    const wrongPeriod = periodProblem(kpi.frequency, period);
    if (wrongPeriod) {
      problem(source.periodAt.row, source.periodAt.column, `${kpi.reference}: ${wrongPeriod}`);
      continue;
    }
    const where = `${kpi.reference}, ${periodLabel(period)}`;
    if (source.figure.kind === 'problem') {
      problem(row, column, `${kpi.reference}: ${source.figure.message}`);
      continue;
    }
    const value = source.figure.kind === 'value' ? source.figure.value : null;
    const code: SuppressionCode | null = source.figure.kind === 'code' ? source.figure.code : null;
    if (value !== null) {
      const wrongValue = valueProblem(kpi.unit, value);
      if (wrongValue) {
        problem(row, column, `${kpi.reference}: ${wrongValue}`);
        continue;
      }
    }
    if (source.provisionalProblem && mapping.provisionalColumn !== null) {
      problem(row, mapping.provisionalColumn, `${kpi.reference}: ${source.provisionalProblem}`);
      continue;
    }
    const key = storedKey(kpi.id, period);
    const earlier = firstSeen.get(key);
    if (earlier) {
      problem(row, column, `${where} is given twice: also in row ${earlier.row}, column ${columnLetter(earlier.column)}`);
      continue;
    }
    firstSeen.set(key, source);
    const incoming = { value, suppressionCode: code, provisional: source.provisional, note: source.note };
    const current = stored.get(key) ?? null;
    const status = current === null ? 'new' : sameCell(current, incoming) ? 'same' : 'changed';
    cells.push({
      row,
      column: columnLetter(column),
      kpiId: kpi.id,
      reference: kpi.reference,
      name: kpi.name,
      unit: kpi.unit,
      period,
      periodLabel: periodLabel(period),
      current,
      incoming,
      status,
    });
    writes.push({
      kpiId: kpi.id,
      period,
      value,
      suppressionCode: code,
      ...(source.provisional === null ? {} : { provisional: source.provisional }),
      ...(source.note === null ? {} : { note: source.note }),
    });
  }
  if (cells.length > FIGURES_MAX_CELLS) {
    problem(
      null,
      null,
      `The sheet gives ${cells.length.toLocaleString('en-GB')} figures; at most ${FIGURES_MAX_CELLS.toLocaleString('en-GB')} are imported at once. Split the file and import each part`,
    );
  }

  const counts = { new: 0, changed: 0, same: 0, blank };
  for (const cell of cells) counts[cell.status] += 1;
  return {
    preview: {
      cells,
      counts,
      problems,
      problemCount,
      unmatched: [...unmatched.values()],
      unmatchedRowCount,
    },
    writes,
  };
}
