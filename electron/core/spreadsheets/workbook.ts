// The action plan and KPIs as an Excel workbook for people without the app, and their tables as
// CSV. The headings are row 1 of every sheet, so a sheet reads straight back in (into the tracker
// import, or the performance team's figures import); the marking is in each page's header and
// footer and in the document's properties; dates are real dates and figures real numbers.
// Built from the tables alone, with nothing of the database, so it runs in the worker thread too
// (see ../threads/).
import type ExcelJS from 'exceljs';
import { formatLongDate, londonDate } from '../../../shared/dates';
import type { Kpi, ScorecardRow } from '../../../shared/contract-kpis';
import { periodLabel } from '../../../shared/periods';
import { RAG_DISPLAY, RAG_VALUES, type Rag } from '../../../shared/rag';
import { ACTION_STATUS_LABELS, CLASSIFICATION_LABELS, FREQUENCY_LABELS, KPI_UNIT_LABELS, POLARITY_LABELS, type KpiUnit } from '../../../shared/vocabulary';
import { csvBytes, type CsvValue } from './csv';
import type { ActionLine, PlanTables, ValueLine } from './plan-tables';

/** Fills as the app shows each rating, with text that reads on them (WCAG AA contrast). */
const RAG_FILLS: Record<Rag, { fill: string; text: string }> = {
  red: { fill: 'FFB3261E', text: 'FFFFFFFF' },
  amber: { fill: 'FFF0A30A', text: 'FF000000' },
  green: { fill: 'FF1E6B35', text: 'FFFFFFFF' },
  blue: { fill: 'FF1D4F91', text: 'FFFFFFFF' },
};

const HEADER_FILL = 'FFE7ECF1';
const DATE_FORMAT = 'd mmm yyyy';

/** How a KPI's figures are written in Excel: a percentage as a fraction with a % format, as Excel keeps it. */
const UNIT_FORMATS: Record<KpiUnit, { format: string; scale: number }> = {
  percentage: { format: '0.0%', scale: 100 },
  count: { format: '#,##0', scale: 1 },
  'rate-per-10000': { format: '#,##0.0', scale: 1 },
  days: { format: '#,##0.0', scale: 1 },
  ratio: { format: '0.00', scale: 1 },
};

/** A day (YYYY-MM-DD) as Excel keeps it: midnight UTC, which exceljs writes as a whole serial number. */
function excelDate(isoDate: string | null): Date | null {
  if (!isoDate) return null;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function ragWord(rag: Rag | null): string {
  return rag ? RAG_DISPLAY[rag].label : 'Not rated';
}

/** The fill and lettering of a RAG rating's cell. */
function ragStyle(rag: Rag): Partial<ExcelJS.Style> {
  const colours = RAG_FILLS[rag];
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } }, font: { bold: true, color: { argb: colours.text } } };
}

function figure(value: number | null, unit: KpiUnit): number | null {
  return value === null ? null : value / UNIT_FORMATS[unit].scale;
}

function recommendationsText(action: ActionLine): string {
  return action.recommendations.map((recommendation) => `${recommendation.number}. ${recommendation.text}`).join('\n');
}

function themeText(action: ActionLine): string | null {
  return action.themeReference === null ? null : `${action.themeReference}. ${action.themeTitle ?? ''}`.trim();
}

// ---------------------------------------------------------------- the tables, column by column

interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => ExcelJS.CellValue;
  /** The CSV's value, where it differs from the sheet's (ISO dates, stored figures). */
  csv?: (row: T) => CsvValue;
  format?: string | ((row: T) => string | undefined);
  wrap?: boolean;
  /** The rating whose colours the cell takes. */
  rag?: (row: T) => Rag | null;
}

export const ACTION_COLUMNS: Column<ActionLine>[] = [
  { header: 'Reference', width: 11, value: (action) => action.reference },
  { header: 'Theme', width: 28, value: themeText, wrap: true },
  { header: 'Action', width: 48, value: (action) => action.title, wrap: true },
  { header: 'Owner', width: 22, value: (action) => action.ownerName, wrap: true },
  { header: 'Lead', width: 22, value: (action) => action.leadName, wrap: true },
  { header: 'Start date', width: 13, value: (action) => excelDate(action.startDate), csv: (action) => action.startDate, format: DATE_FORMAT },
  { header: 'Due date', width: 13, value: (action) => excelDate(action.dueDate), csv: (action) => action.dueDate, format: DATE_FORMAT },
  { header: 'Status', width: 20, value: (action) => ACTION_STATUS_LABELS[action.status], wrap: true },
  { header: 'RAG', width: 11, value: (action) => ragWord(action.rag), rag: (action) => action.rag },
  { header: 'Latest update', width: 60, value: (action) => action.update, wrap: true },
  { header: 'Update date', width: 13, value: (action) => excelDate(action.updateDate), csv: (action) => action.updateDate, format: DATE_FORMAT },
  { header: 'Success measures', width: 44, value: (action) => action.measuresOfSuccess, wrap: true },
  { header: 'Linked recommendations', width: 50, value: recommendationsText, wrap: true },
];

type KpiLine = { kpi: Kpi; row: ScorecardRow };

const COMPARATOR_KINDS = [
  { kind: 'england', header: 'England' },
  { kind: 'region', header: 'Region' },
  { kind: 'statistical-neighbours', header: 'Statistical neighbours' },
] as const;

function kpiColumns(lines: KpiLine[]): Column<KpiLine>[] {
  const unitFormat = (line: KpiLine) => UNIT_FORMATS[line.kpi.unit].format;
  const columns: Column<KpiLine>[] = [
    { header: 'Reference', width: 11, value: (line) => line.kpi.reference },
    { header: 'KPI', width: 48, value: (line) => line.kpi.name, wrap: true },
    { header: 'Unit', width: 16, value: (line) => KPI_UNIT_LABELS[line.kpi.unit], wrap: true },
    { header: 'Polarity', width: 17, value: (line) => POLARITY_LABELS[line.kpi.polarity] },
    { header: 'Frequency', width: 12, value: (line) => FREQUENCY_LABELS[line.kpi.frequency] },
    { header: 'Target', width: 24, value: (line) => line.row.target, wrap: true },
    { header: 'Target value', width: 12, value: (line) => figure(line.kpi.targetValue, line.kpi.unit), csv: (line) => line.kpi.targetValue, format: unitFormat },
    { header: 'Band from', width: 11, value: (line) => figure(line.kpi.targetLower, line.kpi.unit), csv: (line) => line.kpi.targetLower, format: unitFormat },
    { header: 'Band to', width: 11, value: (line) => figure(line.kpi.targetUpper, line.kpi.unit), csv: (line) => line.kpi.targetUpper, format: unitFormat },
    {
      header: 'Latest value',
      width: 12,
      value: (line) => (line.row.latest === null ? null : (line.row.latest.suppressionCode ?? figure(line.row.latest.value, line.kpi.unit))),
      csv: (line) => (line.row.latest === null ? null : (line.row.latest.suppressionCode ?? line.row.latest.value)),
      format: unitFormat,
    },
    { header: 'Latest period', width: 16, value: (line) => line.row.latest?.periodLabel ?? null },
    { header: 'Provisional', width: 11, value: (line) => (line.row.latest === null ? null : line.row.latest.provisional ? 'Yes' : 'No') },
    { header: 'RAG', width: 11, value: (line) => ragWord(line.row.rating.rag), rag: (line) => line.row.rating.rag },
    { header: 'RAG explained', width: 50, value: (line) => line.row.rating.explanation, wrap: true },
    { header: 'Direction of travel', width: 44, value: (line) => line.row.travel.explanation, wrap: true },
  ];
  for (const { kind, header } of COMPARATOR_KINDS) {
    const present = lines.filter((line) => line.row.comparators.some((comparator) => comparator.kind === kind));
    if (present.length === 0) continue;
    const of = (line: KpiLine) => line.row.comparators.find((comparator) => comparator.kind === kind) ?? null;
    const labels = new Set(present.map((line) => of(line)?.label ?? ''));
    const named = kind === 'region' && labels.size === 1 ? `${header} (${[...labels][0]})` : header;
    columns.push(
      {
        header: named,
        width: 14,
        value: (line) => {
          const comparator = of(line);
          return comparator === null ? null : (comparator.suppressionCode ?? figure(comparator.value, line.kpi.unit));
        },
        csv: (line) => {
          const comparator = of(line);
          return comparator === null ? null : (comparator.suppressionCode ?? comparator.value);
        },
        format: unitFormat,
      },
      { header: `${header} period`, width: 16, value: (line) => of(line)?.periodLabel ?? null },
    );
  }
  return columns;
}

export const VALUE_COLUMNS: Column<ValueLine>[] = [
  { header: 'KPI', width: 11, value: (line) => line.kpiReference },
  { header: 'KPI name', width: 48, value: (line) => line.kpiName, wrap: true },
  { header: 'Period', width: 16, value: (line) => periodLabel(line.period) },
  { header: 'Period end', width: 13, value: (line) => excelDate(line.periodEnd), csv: (line) => line.periodEnd, format: DATE_FORMAT },
  {
    header: 'Value',
    width: 12,
    value: (line) => figure(line.value, line.kpi.unit),
    csv: (line) => line.value,
    format: (line) => UNIT_FORMATS[line.kpi.unit].format,
  },
  { header: 'Unit', width: 16, value: (line) => KPI_UNIT_LABELS[line.kpi.unit] },
  { header: 'Provisional', width: 11, value: (line) => (line.provisional ? 'Yes' : 'No') },
  { header: 'Suppression code', width: 12, value: (line) => line.suppressionCode },
  { header: 'Note', width: 48, value: (line) => line.note, wrap: true },
];

// ---------------------------------------------------------------- the workbook

function marking(tables: PlanTables): string {
  return CLASSIFICATION_LABELS[tables.plan.classification];
}

/** Header and footer codes treat & as the start of a code: a literal one is doubled. */
const literal = (text: string) => text.replace(/&/g, '&&');

const LINE_HEIGHT = 15;
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * A row tall enough for its wrapped text. Spreadsheets do not all size rows to their text when
 * they open a file, so the height is written: lines of each cell at about one character to a
 * unit of column width.
 */
function rowHeight<T>(columns: Column<T>[], values: ExcelJS.CellValue[]): number {
  let lines = 1;
  columns.forEach((column, index) => {
    const value = values[index];
    if (!column.wrap || typeof value !== 'string') return;
    const perLine = Math.max(1, Math.floor(column.width * 1.1));
    const count = value.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, count);
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

function addSheet<T>(workbook: ExcelJS.Workbook, tables: PlanTables, name: string, columns: Column<T>[], rows: T[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: {
      oddHeader: `&C&B${literal(marking(tables))}`,
      oddFooter: `&L${literal(tables.plan.title)}&C&B${literal(marking(tables))}&RPage &P of &N`,
    },
  });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  // Each cell takes one of a few style objects, made once and shared: the workbook writer knows
  // a style object it has seen, so tens of thousands of cells cost what a handful do. Shared
  // objects are never changed once made.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (format: string | undefined, wrap: boolean, rag: Rag | null): Partial<ExcelJS.Style> => {
    const key = `${format ?? ''}|${wrap}|${rag ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      style = { alignment: wrap ? { vertical: 'top', wrapText: true } : { vertical: 'top' }, ...(format ? { numFmt: format } : {}), ...(rag ? ragStyle(rag) : {}) };
      styles.set(key, style);
    }
    return style;
  };
  for (const row of rows) {
    const values = columns.map((column) => column.value(row));
    const added = sheet.addRow(values);
    added.height = rowHeight(columns, values);
    columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      const format = typeof column.format === 'function' ? column.format(row) : column.format;
      const numbered = format && cell.value !== null && typeof cell.value !== 'string' ? format : undefined;
      cell.style = styleOf(numbered, column.wrap === true, column.rag?.(row) ?? null);
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return sheet;
}

function addRagKey(workbook: ExcelJS.Workbook, tables: PlanTables): void {
  const lines = [...RAG_VALUES.map((rag) => ({ rag: rag as Rag | null, meaning: tables.plan.ragMeanings[rag] })), { rag: null, meaning: 'No rating has been given yet.' }];
  addSheet(
    workbook,
    tables,
    'RAG key',
    [
      { header: 'RAG', width: 11, value: (line: { rag: Rag | null }) => ragWord(line.rag), rag: (line: { rag: Rag | null }) => line.rag },
      { header: 'What it means in this plan', width: 90, value: (line: { meaning: string }) => line.meaning, wrap: true },
    ],
    lines,
  );
}

/** Notes on the RAG headings: what each rating means in this plan. */
function ragNote(sheet: ExcelJS.Worksheet, column: number, tables: PlanTables): void {
  sheet.getCell(1, column).note = RAG_VALUES.map((rag) => `${RAG_DISPLAY[rag].label}: ${tables.plan.ragMeanings[rag]}`).join('\n');
}

function describe(tables: PlanTables): string {
  return tables.theme ? `Theme ${tables.theme.reference}. ${tables.theme.title}` : 'The whole plan';
}

/**
 * `deflated: false` leaves the workbook's parts stored as they are, for a workbook that travels
 * inside a bundle: the bundle packs it anyway, and far faster than the workbook library's deflate.
 */
export async function workbookOf(tables: PlanTables, actor: string, now: Date, { deflated = true }: { deflated?: boolean } = {}): Promise<Buffer> {
  // The workbook library is loaded when a workbook is first written, not when the app starts.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const label = marking(tables);
  workbook.creator = actor;
  workbook.lastModifiedBy = actor;
  workbook.created = now;
  workbook.modified = now;
  workbook.title = `${tables.plan.title}: action plan and KPIs`;
  workbook.subject = `${describe(tables)}, as at ${formatLongDate(londonDate(now))}`;
  workbook.company = tables.plan.authorityName;
  workbook.category = label;
  workbook.keywords = label;
  workbook.description = `${label}. Handle this file as its marking requires.`;

  const actionSheet = addSheet(workbook, tables, 'Action plan', ACTION_COLUMNS, tables.actions);
  ragNote(actionSheet, ACTION_COLUMNS.findIndex((column) => column.header === 'RAG') + 1, tables);
  const columns = kpiColumns(tables.kpis);
  addSheet(workbook, tables, 'KPIs', columns, tables.kpis);
  addSheet(workbook, tables, 'KPI values', VALUE_COLUMNS, tables.values);
  addRagKey(workbook, tables);
  return Buffer.from(await workbook.xlsx.writeBuffer(deflated ? undefined : ({ zip: { compression: 'STORE' } } as Parameters<typeof workbook.xlsx.writeBuffer>[0])));
}

export function csvOf<T>(columns: Column<T>[], rows: T[]): Buffer {
  const plain = (value: ExcelJS.CellValue): CsvValue => (value === null || value === undefined ? null : typeof value === 'number' ? value : String(value));
  return csvBytes([columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => (column.csv ? column.csv(row) : plain(column.value(row)))))]);
}
