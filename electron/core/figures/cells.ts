// What each kind of cell of the performance team's spreadsheet means: a figure (a number, a
// percentage as typed or as Excel formats it, a suppression code in place of a number, or blank),
// a period, a provisional mark, a note, and the KPI a row is about.
import { readPeriodDate, readPeriodText, type PeriodReading } from '../../../shared/period-parse';
import { SUPPRESSION_CODES, type SuppressionCode } from '../../../shared/vocabulary';
import { cellText, type SheetCell } from './sheet';

export type FigureReading =
  | { kind: 'blank' }
  | { kind: 'value'; value: number }
  | { kind: 'code'; code: SuppressionCode }
  | { kind: 'problem'; message: string };

const CODES = new Set<string>(SUPPRESSION_CODES);
/** A dash stands for nothing in a report's table, as a blank does. */
const DASHES = /^[-\u2010-\u2015\u2212]$/;
const NUMBER = /^([-+\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*(%?)$/;

function readFigureText(written: string): FigureReading {
  const text = written.trim();
  if (text === '' || DASHES.test(text)) return { kind: 'blank' };
  if (CODES.has(text.toLowerCase())) return { kind: 'code', code: text.toLowerCase() as SuppressionCode };
  const number = NUMBER.exec(text.replace(/\u00a0/g, ' '));
  if (number && (number[2] || number[3])) {
    const value = Number(`${number[1] ? '-' : ''}${(number[2] ?? '').replace(/,/g, '') || '0'}${number[3] ?? ''}`);
    if (Number.isFinite(value)) return { kind: 'value', value };
  }
  return {
    kind: 'problem',
    message: `“${text}” is not a number or a suppression code (${SUPPRESSION_CODES.join(', ')}); leave the cell blank if there is no figure`,
  };
}

/** The figure a cell gives. A percentage cell (0.85 shown as 85%) gives 85, as shown. */
export function readFigure(cell: SheetCell): FigureReading {
  if (cell === null) return { kind: 'blank' };
  switch (cell.kind) {
    case 'number':
      return { kind: 'value', value: cell.value };
    case 'text':
      return readFigureText(cell.text);
    case 'date':
      return { kind: 'problem', message: `the cell holds a date (${cellText(cell)}), not a figure` };
    case 'boolean':
      return { kind: 'problem', message: `the cell holds ${cellText(cell)}, not a figure` };
    case 'error':
      return { kind: 'problem', message: `the cell shows the error ${cell.text}, not a figure: correct the formula in the spreadsheet` };
    case 'no-result':
      return { kind: 'problem', message: 'the formula’s result was not saved with the file: open the file in Excel, save it and choose it again' };
  }
}

/** The period a cell or heading gives. */
export function readPeriodCell(cell: SheetCell): PeriodReading {
  if (cell === null) return { ok: false, problem: 'the period is blank' };
  switch (cell.kind) {
    case 'date':
      return readPeriodDate(cell.date);
    case 'text':
      return readPeriodText(cell.text);
    case 'number':
      return { ok: false, problem: `${cellText(cell)} is a number, not a period: write a month such as April 2024, or format the cell as a date` };
    case 'boolean':
    case 'error':
    case 'no-result':
      return { ok: false, problem: `${cellText(cell)} is not a period` };
  }
}

const YES = new Set(['yes', 'y', 'true', 'provisional', 'prov', 'p', '1']);
const NO = new Set(['no', 'n', 'false', 'final', 'f', '0']);

/** Whether a figure is marked provisional: yes/no words, Excel's TRUE and FALSE, 1 and 0. Blank is not provisional. */
export function readProvisional(cell: SheetCell): { ok: true; provisional: boolean } | { ok: false; problem: string } {
  if (cell === null) return { ok: true, provisional: false };
  if (cell.kind === 'boolean') return { ok: true, provisional: cell.value };
  const text = cellText(cell).trim().toLowerCase();
  if (text === '' || NO.has(text)) return { ok: true, provisional: false };
  if (YES.has(text)) return { ok: true, provisional: true };
  return { ok: false, problem: `“${cellText(cell)}” does not say whether the figure is provisional: write Yes or No (or leave it blank for No)` };
}

/** A note: its text, or null for a blank cell (which leaves any note already stored). */
export function readNote(cell: SheetCell): string | null {
  const text = cellText(cell).trim();
  return text === '' ? null : text.slice(0, 2000);
}

/** KPI labels compared as people write them: case, spaces, curly quotes and dashes aside. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface KpiFacts {
  id: string;
  reference: string;
  name: string;
}

/**
 * Finds the KPI a label names: by reference, by name, or by a reference the label starts with
 * ("K01 Re-referrals within 12 months" or "K01 – Re-referrals").
 */
export function kpiMatcher<K extends KpiFacts>(kpis: K[]): (label: string) => K | null {
  const byReference = new Map(kpis.map((kpi) => [normaliseLabel(kpi.reference), kpi]));
  const byName = new Map(kpis.map((kpi) => [normaliseLabel(kpi.name), kpi]));
  const references = [...byReference.keys()].filter((reference) => reference !== '').sort((a, b) => b.length - a.length);
  return (label) => {
    const key = normaliseLabel(label);
    if (key === '') return null;
    const exact = byReference.get(key) ?? byName.get(key);
    if (exact) return exact;
    const prefix = references.find((reference) => key.startsWith(reference) && /^[\s.:)\-]/.test(key.slice(reference.length)));
    return prefix ? (byReference.get(prefix) ?? null) : null;
  };
}
