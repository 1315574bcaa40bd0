// What a KPI cell may hold, checked the same way where it is typed and where it is saved: a
// number that fits the KPI's unit, or one of DfE's suppression codes (never a zero), or nothing.
import { periodLabel, periodShape, type PeriodShape } from './periods';
import { SUPPRESSION_CODES, type Frequency, type KpiUnit, type SuppressionCode } from './vocabulary';

/** What is wrong with a value for a KPI of this unit, or null if nothing is. */
export function valueProblem(unit: KpiUnit, value: number): string | null {
  if (!Number.isFinite(value)) return 'the value is not a number';
  switch (unit) {
    case 'percentage':
      if (value < 0) return `a percentage cannot be below 0 (${value} was entered)`;
      if (value > 100) return `a percentage cannot be over 100 (${value} was entered)`;
      return null;
    case 'count':
      if (!Number.isInteger(value)) return `a count must be a whole number (${value} was entered)`;
      if (value < 0) return `a count cannot be below 0 (${value} was entered)`;
      return null;
    case 'rate-per-10000':
    case 'days':
    case 'ratio':
      return value < 0 ? `the value cannot be below 0 (${value} was entered)` : null;
  }
}

/** The shapes of period a KPI of each frequency takes: its own, and the published annual figures. */
export const PERIOD_SHAPES: Record<Frequency, PeriodShape[]> = {
  weekly: ['week', 'financial-year', 'census-year'],
  monthly: ['month', 'financial-year', 'census-year'],
  quarterly: ['quarter', 'financial-year', 'census-year'],
  annual: ['financial-year', 'census-year'],
};

const SHAPE_EXAMPLE: Record<Frequency, string> = {
  weekly: 'a week such as 2024-W07',
  monthly: 'a month such as 2024-03',
  quarterly: 'a quarter such as 2024-25-Q1',
  annual: 'a financial year such as 2024-25',
};

/** What is wrong with a period key for a KPI of this frequency, or null if nothing is. */
export function periodProblem(frequency: Frequency, period: string): string | null {
  const shape = periodShape(period);
  if (shape === null) return `“${period}” is not a period`;
  if (!PERIOD_SHAPES[frequency].includes(shape)) return `it is measured ${frequency}, so give ${SHAPE_EXAMPLE[frequency]}, not ${periodLabel(period)}`;
  return null;
}

export type ParsedCell =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'code'; code: SuppressionCode }
  | { kind: 'invalid'; message: string };

const CODES: readonly string[] = SUPPRESSION_CODES;

/**
 * Reads what a person typed or pasted into a cell: "85", "85.5%", "1,234", " 12 " are numbers;
 * c, x, u, z, low and k are suppression codes; an empty cell is empty. Anything else is refused
 * with the reason, and a number that does not fit the unit is refused as the services would.
 */
export function parseCellText(text: string, unit: KpiUnit): ParsedCell {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (CODES.includes(trimmed.toLowerCase())) return { kind: 'code', code: trimmed.toLowerCase() as SuppressionCode };
  const numeric = trimmed.replace(/,(?=\d{3}(\D|$))/g, '').replace(/\s*%$/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(numeric)) {
    return { kind: 'invalid', message: `“${trimmed}” is not a number or a suppression code (${SUPPRESSION_CODES.join(', ')})` };
  }
  const value = Number(numeric);
  const problem = valueProblem(unit, value);
  return problem ? { kind: 'invalid', message: problem.charAt(0).toUpperCase() + problem.slice(1) } : { kind: 'value', value };
}

/**
 * Splits a block copied from a spreadsheet (tab-separated columns, one line per row) into cells.
 * Excel ends the block with a line break; a quoted cell may hold tabs or line breaks of its own.
 */
export function splitPastedBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === '\t') {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
