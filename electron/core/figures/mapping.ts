// Which columns hold what: the headings of a sheet, a first guess at the mapping, and the mapping
// last used for a plan, remembered by the headings' words so that next month's file, with a new
// month's column added, is mapped the same way.
import * as z from 'zod';
import type { FiguresColumn, FiguresLayout, FiguresMapping } from '../../../shared/contract-figures-import';
import { FIGURES_LAYOUTS } from '../../../shared/contract-figures-import';
import { normaliseLabel, readFigure, readPeriodCell, type KpiFacts, kpiMatcher } from './cells';
import type { PeriodReading, ReadPeriod } from '../../../shared/period-parse';
import { monthPeriod } from '../../../shared/periods';
import { cellAt, cellText, columnLetter, type Sheet, type SheetCell } from './sheet';

/** A heading such as "Mar-24 (provisional)" reads as its period. */
const PROVISIONAL_MARK = /\s*[([]\s*(?:provisional|prov|p)\s*[)\]]\s*$|\s+provisional$/i;

export function headingPeriodText(header: string): string {
  return header.replace(PROVISIONAL_MARK, '');
}

/** Whether a heading marks its column's figures as provisional. */
export function headingIsProvisional(header: string): boolean {
  return PROVISIONAL_MARK.test(header);
}

/** The period a heading gives, "(provisional)" aside. */
export function readHeading(cell: SheetCell): PeriodReading {
  return cell?.kind === 'text' ? readPeriodCell({ kind: 'text', text: headingPeriodText(cell.text) }) : readPeriodCell(cell);
}

/** A day as a heading stands for each KPI's own period holding it: say so, with the month as the example. */
function headingReadsAs(period: ReadPeriod): string {
  return period.kind === 'period' ? period.label : `the period holding ${period.label} (${monthPeriod(period.date).label} for a monthly KPI)`;
}

export function sheetColumns(sheet: Sheet, headerRow: number): FiguresColumn[] {
  return Array.from({ length: sheet.columnCount }, (_, index) => {
    const cell = cellAt(sheet, headerRow, index);
    const header = cellText(cell).trim();
    const reading = readHeading(cell);
    return {
      index,
      letter: columnLetter(index),
      header,
      period: reading.ok ? headingReadsAs(reading.period) : null,
      // Only a heading with a digit in it looks like a period worth explaining.
      periodProblem: !reading.ok && /\d/.test(header) ? reading.problem : null,
    };
  });
}

/** The first of the top rows that is about as full as the fullest of them: titles above the headings are passed over. */
export function guessHeaderRow(sheet: Sheet): number {
  const top = sheet.rows.slice(0, 20).map((cells) => cells.filter((cell) => cellText(cell).trim() !== '').length);
  const fullest = Math.max(0, ...top);
  const index = top.findIndex((count) => count >= Math.max(2, Math.ceil(fullest * 0.6)));
  return index === -1 ? 1 : index + 1;
}

/** How many cells of a sheet's first rows name one of the KPIs. */
export function kpiLabelCount(sheet: Sheet, kpis: KpiFacts[]): number {
  const match = kpiMatcher(kpis);
  let found = 0;
  for (const cells of sheet.rows.slice(0, 200)) for (const cell of cells) if (cell?.kind === 'text' && match(cell.text)) found += 1;
  return found;
}

const HEADINGS = {
  kpi: /\b(kpi|indicator|measure|ref(erence)?|pi|metric)\b/i,
  period: /\b(period|month|date|quarter|year|week)\b/i,
  value: /\b(value|figure|actual|result|performance|outturn|score|data)\b/i,
  provisional: /\b(provisional|final|status)\b/i,
  note: /\b(note|notes|comment|comments|commentary)\b/i,
};

function bestColumn(candidates: number[], score: (column: number) => number, heading: RegExp | null, columns: FiguresColumn[]): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (const column of candidates) {
    const named = heading && heading.test(columns[column]?.header ?? '') ? 1_000_000 : 0;
    const total = named + score(column);
    if (total > bestScore) {
      best = column;
      bestScore = total;
    }
  }
  return best;
}

/** A first guess at the mapping: the layout from the headings, the KPI column from the plan's KPIs found in it. */
export function guessMapping(sheet: Sheet, headerRow: number, kpis: KpiFacts[]): FiguresMapping {
  const columns = sheetColumns(sheet, headerRow);
  const periodHeadings = columns.filter((column) => column.period !== null).map((column) => column.index);
  const layout: FiguresLayout = periodHeadings.length >= 2 ? 'wide' : 'long';
  const rows = sheet.rows.slice(headerRow, headerRow + 500);
  const match = kpiMatcher(kpis);
  const count = (column: number, test: (cell: ReturnType<typeof cellAt>) => boolean) => rows.filter((cells) => test(cells[column] ?? null)).length;
  const all = columns.map((column) => column.index);
  const notPeriods = all.filter((index) => !periodHeadings.includes(index));

  const kpiColumn =
    bestColumn(notPeriods, (column) => count(column, (cell) => match(cellText(cell)) !== null) * 10 + (column === 0 ? 1 : 0), HEADINGS.kpi, columns) ?? 0;
  if (layout === 'wide') {
    return {
      headerRow,
      layout,
      kpiColumn,
      periodColumn: null,
      valueColumn: null,
      provisionalColumn: null,
      noteColumn: null,
      periodColumns: periodHeadings.filter((index) => index !== kpiColumn),
    };
  }
  const rest = all.filter((index) => index !== kpiColumn);
  const periodColumn = bestColumn(rest, (column) => count(column, (cell) => cell !== null && readPeriodCell(cell).ok), HEADINGS.period, columns);
  const afterPeriod = rest.filter((index) => index !== periodColumn);
  const valueColumn = bestColumn(
    afterPeriod,
    (column) => count(column, (cell) => cell !== null && ['value', 'code'].includes(readFigure(cell).kind)),
    HEADINGS.value,
    columns,
  );
  const others = afterPeriod.filter((index) => index !== valueColumn);
  const named = (heading: RegExp, from: number[]) => from.find((index) => heading.test(columns[index]?.header ?? '')) ?? null;
  const provisionalColumn = named(HEADINGS.provisional, others);
  const noteColumn = named(
    HEADINGS.note,
    others.filter((index) => index !== provisionalColumn),
  );
  return { headerRow, layout, kpiColumn, periodColumn, valueColumn, provisionalColumn, noteColumn, periodColumns: [] };
}

// ---------------------------------------------------------------- the mapping last used

export const RememberedMapping = z.object({
  fileName: z.string(),
  savedAt: z.string(),
  sheet: z.string(),
  headerRow: z.number().int().min(1),
  layout: z.enum(FIGURES_LAYOUTS),
  kpiHeader: z.string(),
  periodHeader: z.string().nullable(),
  valueHeader: z.string().nullable(),
  provisionalHeader: z.string().nullable(),
  noteHeader: z.string().nullable(),
  /** Wide layout: period columns the user chose not to import; every other period column is taken, new months included. */
  periodHeadersLeftOut: z.array(z.string()),
});
export type RememberedMapping = z.infer<typeof RememberedMapping>;

export const rememberedMappingKey = (planId: string) => `plan:${planId}:figures-import-mapping`;

export function toRemembered(
  sheet: Sheet,
  mapping: FiguresMapping,
  fileName: string,
  savedAt: string,
): RememberedMapping {
  const columns = sheetColumns(sheet, mapping.headerRow);
  const header = (index: number | null) => (index === null ? null : (columns[index]?.header ?? ''));
  return {
    fileName,
    savedAt,
    sheet: sheet.name,
    headerRow: mapping.headerRow,
    layout: mapping.layout,
    kpiHeader: header(mapping.kpiColumn) ?? '',
    periodHeader: mapping.layout === 'long' ? header(mapping.periodColumn) : null,
    valueHeader: mapping.layout === 'long' ? header(mapping.valueColumn) : null,
    provisionalHeader: mapping.layout === 'long' ? header(mapping.provisionalColumn) : null,
    noteHeader: mapping.layout === 'long' ? header(mapping.noteColumn) : null,
    periodHeadersLeftOut:
      mapping.layout === 'wide'
        ? columns.filter((column) => column.period !== null && column.index !== mapping.kpiColumn && !mapping.periodColumns.includes(column.index)).map((column) => column.header)
        : [],
  };
}

/** The remembered mapping applied to this sheet, or why it does not fit. */
export function applyRemembered(sheet: Sheet, remembered: RememberedMapping): { mapping: FiguresMapping } | { notUsed: string } {
  const columns = sheetColumns(sheet, remembered.headerRow);
  const find = (header: string | null): number | null | undefined => {
    if (header === null) return null;
    const found = columns.find((column) => normaliseLabel(column.header) === normaliseLabel(header));
    return found ? found.index : undefined;
  };
  const missing = (header: string) => ({ notUsed: `The columns chosen last time (for “${remembered.fileName}”) are not set again: row ${remembered.headerRow} of this sheet has no column headed “${header}”.` });
  const kpiColumn = find(remembered.kpiHeader);
  if (kpiColumn === undefined || kpiColumn === null) return missing(remembered.kpiHeader);
  if (remembered.layout === 'wide') {
    const leftOut = new Set(remembered.periodHeadersLeftOut.map(normaliseLabel));
    const periodColumns = columns
      .filter((column) => column.period !== null && column.index !== kpiColumn && !leftOut.has(normaliseLabel(column.header)))
      .map((column) => column.index);
    if (periodColumns.length === 0) return { notUsed: `The columns chosen last time (for “${remembered.fileName}”) are not set again: row ${remembered.headerRow} of this sheet has no headings that are periods.` };
    return {
      mapping: { headerRow: remembered.headerRow, layout: 'wide', kpiColumn, periodColumn: null, valueColumn: null, provisionalColumn: null, noteColumn: null, periodColumns },
    };
  }
  const periodColumn = find(remembered.periodHeader);
  const valueColumn = find(remembered.valueHeader);
  const provisionalColumn = find(remembered.provisionalHeader);
  const noteColumn = find(remembered.noteHeader);
  if (periodColumn === undefined || periodColumn === null) return missing(remembered.periodHeader ?? '');
  if (valueColumn === undefined || valueColumn === null) return missing(remembered.valueHeader ?? '');
  if (provisionalColumn === undefined) return missing(remembered.provisionalHeader ?? '');
  if (noteColumn === undefined) return missing(remembered.noteHeader ?? '');
  return {
    mapping: { headerRow: remembered.headerRow, layout: 'long', kpiColumn, periodColumn, valueColumn, provisionalColumn, noteColumn, periodColumns: [] },
  };
}
