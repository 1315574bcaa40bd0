// A sheet of a spreadsheet as the figures import reads it: rows of cells numbered as the
// spreadsheet numbers them, each cell a number, text, a day, a yes/no, or an error Excel shows.
import { formatLongDate } from '../../../shared/dates';

export type SheetCell =
  | { kind: 'number'; value: number; /** Shown with a % format: 0.85 shows as 85%. */ percent: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; text: string }
  /** A formula whose result was never saved with the file. */
  | { kind: 'no-result'; formula: string }
  | null;

export interface Sheet {
  name: string;
  /** rows[0] is row 1. A row with no cells is an empty array. */
  rows: SheetCell[][];
  columnCount: number;
}

export interface SpreadsheetFile {
  kind: 'xlsx' | 'csv';
  sheets: { name: string; rowCount: number }[];
  /** Reads one sheet's cells; throws a FileProblem for a sheet that is empty or too long. */
  sheet(name: string): Sheet;
}

/** A file that cannot be read, with what to do about it. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly field: 'contentBase64' | 'sheet' = 'contentBase64',
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}

/** Column letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6, useGrouping: false });

/** A cell as a person would read it on screen. */
export function cellText(cell: SheetCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'number':
      return cell.percent ? `${plainNumber.format(cell.value)}%` : plainNumber.format(cell.value);
    case 'text':
      return cell.text;
    case 'date':
      return formatLongDate(cell.date);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
    case 'no-result':
      return `=${cell.formula}`;
  }
}

export function cellAt(sheet: Sheet, row: number, column: number): SheetCell {
  return sheet.rows[row - 1]?.[column] ?? null;
}
