// Reading a published statistics file in the Explore Education Statistics layout: one row per
// period and geography, columns found by name (their order differs between files), an optional
// byte-order mark, CRLF or LF line ends, filter columns whose values pick the rows, and
// suppression codes in place of numbers. Anything else is refused, saying what and where.
import { parse } from 'csv-parse/sync';
import { fieldError } from '../handlers/plan-setup-common';
import { SUPPRESSION_CODES, type SuppressionCode } from '../../../shared/vocabulary';
import { PeriodProblem, readPeriod, type PeriodReadings } from './periods';

/** The columns every file of the layout has, for the rows of England, its regions and its councils. */
const REQUIRED_COLUMNS = ['time_period', 'time_identifier', 'geographic_level', 'region_name', 'old_la_code', 'new_la_code', 'la_name'] as const;
type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/** Geography and time columns of the standard: never a measure or a filter. */
const GEOGRAPHY_AND_TIME = new Set<string>([
  ...REQUIRED_COLUMNS,
  'country_code',
  'country_name',
  'region_code',
  'lad_code',
  'lad_name',
  'pcon_code',
  'pcon_name',
  'lsip_code',
  'lsip_name',
  'local_enterprise_partnership_code',
  'local_enterprise_partnership_name',
  'english_devolved_area_code',
  'english_devolved_area_name',
  'opportunity_area_code',
  'opportunity_area_name',
  'ward_code',
  'ward_name',
  'rsc_region_lead_name',
  'trust_id',
  'trust_name',
  'sponsor_id',
  'sponsor_name',
  'school_urn',
  'school_name',
  'school_laestab',
  'provider_ukprn',
  'provider_name',
  'institution_id',
  'institution_name',
  'planning_area_code',
  'planning_area_name',
]);

export type GeographicLevel = 'national' | 'regional' | 'council';

const LEVELS: Record<string, GeographicLevel> = { national: 'national', regional: 'regional', 'local authority': 'council' };

export interface DfeRow {
  /** The row's line in the file, counting the column names as line 1. */
  line: number;
  cells: readonly string[];
  level: GeographicLevel | null;
  timePeriod: string;
  timeIdentifier: string;
  /** Index into DfeFile.periods. */
  period: number;
}

export interface DfePeriod {
  timePeriod: string;
  timeIdentifier: string;
  readings: PeriodReadings;
}

export interface DfeFile {
  fileName: string;
  columns: readonly string[];
  rows: DfeRow[];
  periods: DfePeriod[];
  /** The index of a required column. */
  at: Record<RequiredColumn, number>;
}

export type Cell = { kind: 'number'; value: number } | { kind: 'code'; code: SuppressionCode } | { kind: 'empty' } | { kind: 'unknown'; text: string };

const CODES: readonly string[] = SUPPRESSION_CODES;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A measure's cell: a number, one of DfE's suppression codes (never a zero), empty, or something else. */
export function readCell(text: string | undefined): Cell {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { kind: 'empty' };
  if (NUMBER.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
  const lower = trimmed.toLowerCase();
  if (CODES.includes(lower)) return { kind: 'code', code: lower as SuppressionCode };
  return { kind: 'unknown', text: trimmed };
}

const refuse = (message: string) => fieldError('content', message);

function listed(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** A text that is not a CSV file at all: a workbook, a PDF, other binary content. */
function notText(fileName: string, content: string): string | null {
  if (content.startsWith('PK\u0003\u0004')) return `“${fileName}” is a spreadsheet workbook or zip archive, not a CSV file: save the sheet as CSV, or download the CSV file from Explore Education Statistics`;
  if (content.startsWith('%PDF')) return `“${fileName}” is a PDF document, not a CSV file: download the CSV file from Explore Education Statistics`;
  // A UTF-16 file ("Unicode text" from Excel) read as UTF-8: its byte-order mark is unreadable and every other character is a NUL.
  if (content.startsWith('\uFFFD\uFFFD') || content.slice(0, 400).match(/^(?:[^\u0000]\u0000){8}/)) {
    return `“${fileName}” is saved as Unicode (UTF-16) text, which this import does not read: save it as “CSV UTF-8 (Comma delimited)” and choose it again`;
  }
  if (content.slice(0, 65_536).includes('\u0000')) return `“${fileName}” is not a text file, so not a CSV file: download the CSV file from Explore Education Statistics`;
  return null;
}

function parseRecords(fileName: string, content: string): { records: string[][]; lines: number[] } {
  try {
    const parsed = parse(content, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: parsed.map((entry) => entry.record), lines: parsed.map((entry) => entry.info.lines) };
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : null;
    const code = (error as { code?: unknown }).code;
    const where = line ? ` on line ${line}` : '';
    if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const record = (error as { record?: unknown[] }).record;
      const [header] = parse(content, { bom: true, to: 1 }) as string[][];
      throw refuse(
        `“${fileName}” is not a readable CSV file: line ${line ?? '?'} has ${Array.isArray(record) ? record.length : 'a different number of'} values, where the first line names ${header?.length ?? 'a different number of'} columns`,
      );
    }
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw refuse(`“${fileName}” is not a readable CSV file: a quotation mark opened${where} is never closed`);
    throw refuse(`“${fileName}” is not a readable CSV file: its quotation marks do not pair up${where}`);
  }
}

/** Reads and checks a file; throws `invalid-input` at `content`, naming what is wrong and where. */
export function readDfeFile(fileName: string, content: string): DfeFile {
  const binary = notText(fileName, content);
  if (binary) throw refuse(binary);
  if (content.replace(/^\uFEFF/, '').trim() === '') throw refuse(`“${fileName}” is empty: choose the CSV file downloaded from Explore Education Statistics`);

  const { records, lines } = parseRecords(fileName, content);
  const columns = (records[0] ?? []).map((name) => name.trim());
  const lower = columns.map((name) => name.toLowerCase());
  const duplicate = lower.find((name, index) => name !== '' && lower.indexOf(name) !== index);
  if (duplicate) throw refuse(`“${fileName}” names the column “${columns[lower.indexOf(duplicate)]}” twice on its first line, so its values cannot be told apart`);
  const missing = REQUIRED_COLUMNS.filter((name) => !lower.includes(name));
  if (missing.length > 0) {
    const shown = columns.slice(0, 8).map((name) => name || '(blank)').join(', ');
    throw refuse(
      `“${fileName}” is not in the Explore Education Statistics layout: it has no ${missing.length > 1 ? 'columns' : 'column'} ${listed(missing)}. ` +
        `Its first line names ${columns.length} ${columns.length === 1 ? 'column' : 'columns'}: ${shown}${columns.length > 8 ? ' …' : ''}`,
    );
  }
  if (records.length < 2) throw refuse(`“${fileName}” has column names but no rows of figures`);

  const at = Object.fromEntries(REQUIRED_COLUMNS.map((name) => [name, lower.indexOf(name)])) as Record<RequiredColumn, number>;
  const periods: DfePeriod[] = [];
  const periodIndex = new Map<string, number>();
  const rows: DfeRow[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const cells = records[index] ?? [];
    const line = lines[index] ?? index + 1;
    const timePeriod = (cells[at.time_period] ?? '').trim();
    const timeIdentifier = (cells[at.time_identifier] ?? '').trim();
    const key = `${timePeriod}\u0000${timeIdentifier.toLowerCase()}`;
    let period = periodIndex.get(key);
    if (period === undefined) {
      try {
        periods.push({ timePeriod, timeIdentifier, readings: readPeriod(timePeriod, timeIdentifier) });
      } catch (error) {
        if (error instanceof PeriodProblem) throw refuse(`“${fileName}” ${error.message} (line ${line})`);
        throw error;
      }
      period = periods.length - 1;
      periodIndex.set(key, period);
    }
    const level = LEVELS[(cells[at.geographic_level] ?? '').trim().toLowerCase()] ?? null;
    rows.push({ line, cells, level, timePeriod, timeIdentifier, period });
  }
  if (!rows.some((row) => row.level === 'council')) {
    throw refuse(`“${fileName}” has no rows for councils: none has “Local authority” in its geographic_level column`);
  }
  return { fileName, columns, rows, periods, at };
}

export interface MeasureColumn {
  column: string;
  index: number;
  numbers: number;
  codes: number;
  /** The first value that is neither a number nor a code, and its line. */
  unknown: { text: string; line: number } | null;
}

export interface FilterColumn {
  column: string;
  index: number;
  /** In the order the file first gives them. */
  values: string[];
}

/** The file's measures (columns with numbers) and filters (columns of words), other than geography and time. */
export function describeColumns(file: DfeFile): { measures: MeasureColumn[]; filters: FilterColumn[] } {
  const measures: MeasureColumn[] = [];
  const filters: FilterColumn[] = [];
  file.columns.forEach((column, index) => {
    if (column === '' || GEOGRAPHY_AND_TIME.has(column.toLowerCase())) return;
    let numbers = 0;
    let codes = 0;
    let unknown: MeasureColumn['unknown'] = null;
    const words = new Set<string>();
    for (const row of file.rows) {
      const cell = readCell(row.cells[index]);
      if (cell.kind === 'number') numbers += 1;
      else if (cell.kind === 'code') codes += 1;
      else if (cell.kind === 'unknown') {
        unknown ??= { text: cell.text, line: row.line };
        words.add(cell.text);
      }
    }
    if (numbers > 0 || (codes > 0 && words.size === 0)) measures.push({ column, index, numbers, codes, unknown });
    else if (words.size > 0) filters.push({ column, index, values: [...words] });
  });
  return { measures, filters };
}

/** A column by the name given, exactly or else in any case. */
export function columnIndex(file: DfeFile, name: string): number {
  const exact = file.columns.indexOf(name.trim());
  if (exact >= 0) return exact;
  return file.columns.findIndex((column) => column.toLowerCase() === name.trim().toLowerCase());
}

/** A required column's value in a row, trimmed. */
export function valueOf(file: DfeFile, row: DfeRow, column: RequiredColumn): string {
  return (row.cells[file.at[column]] ?? '').trim();
}
