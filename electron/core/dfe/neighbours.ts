// Statistical neighbours: DfE's groupings of each council with the ten councils most like it
// (shared/data/statistical-neighbours, shipped with the app), and the neighbours' average of a
// published figure.
import { parse } from 'csv-parse/sync';

export interface NeighbourGrouping {
  /** The council's DfE number, such as 886. */
  number: string;
  name: string;
  /** The neighbours' DfE numbers, closest first. */
  neighbours: string[];
}

export type NeighbourGroupings = ReadonlyMap<string, NeighbourGrouping>;

const DFE_NUMBER = /^\d{3}$/;

/**
 * Reads the groupings file: a row per council with `LA num`, `LA Name` and `SN1` to `SN10`, each
 * neighbour followed by an `SNP` column saying how close it is. Blank rows and the "Old SNs:"
 * heading are skipped; the groupings of councils since replaced are kept, as files hold their
 * earlier years. Throws if the columns are not there.
 */
export function parseNeighbourGroupings(text: string): NeighbourGroupings {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = (records[0] ?? []).map((name) => name.trim());
  const number = header.indexOf('LA num');
  const name = header.indexOf('LA Name');
  const neighbourColumns = Array.from({ length: 10 }, (_unused, index) => header.indexOf(`SN${index + 1}`));
  if (number < 0 || name < 0 || neighbourColumns.some((column) => column < 0)) {
    throw new Error('The statistical-neighbour groupings have no columns LA num, LA Name and SN1 to SN10.');
  }
  const groupings = new Map<string, NeighbourGrouping>();
  for (const record of records.slice(1)) {
    const council = record[number]?.trim() ?? '';
    if (!DFE_NUMBER.test(council)) continue;
    const neighbours = neighbourColumns.map((column) => record[column]?.trim() ?? '').filter((neighbour) => DFE_NUMBER.test(neighbour));
    groupings.set(council, { number: council, name: record[name]?.trim() ?? council, neighbours });
  }
  return groupings;
}

let bundled: Promise<NeighbourGroupings> | null = null;

/** The groupings shipped with the app, read once. */
export function bundledNeighbourGroupings(): Promise<NeighbourGroupings> {
  bundled ??= import('../../../shared/data/statistical-neighbours/New_Statistical_Neighbour_Groupings_April_2021.csv?raw', {
    with: { type: 'text' },
  }).then((module) => parseNeighbourGroupings(module.default));
  return bundled;
}

export interface NeighbourMean {
  /** The mean, or null when no neighbour had a number. */
  value: number | null;
  /** How many neighbours had a number. */
  count: number;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 6;
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/**
 * The mean of the neighbours' numbers for one period; codes and missing figures are skipped (a
 * suppressed figure is never a zero). The mean is rounded as DfE rounds its published averages:
 * to the decimals of the most precise figure averaged, and to at least one decimal place. The
 * figures are summed as whole numbers of their smallest unit, so 22.85 rounds up as written.
 */
export function neighbourMean(values: readonly (number | null)[]): NeighbourMean {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (numbers.length === 0) return { value: null, count: 0 };
  const given = Math.min(6, Math.max(...numbers.map(decimalsOf)));
  const decimals = Math.max(1, given);
  const units = numbers.reduce((sum, value) => sum + Math.round(value * 10 ** given), 0);
  const rounded = Math.round((units / numbers.length) * 10 ** (decimals - given));
  return { value: rounded / 10 ** decimals, count: numbers.length };
}

/** The comparator's label: how many neighbours the mean is of, when fewer than all of them had a figure. */
export function neighbourLabel(count: number, of: number): string {
  return count < of ? `Statistical neighbours (mean of ${count})` : 'Statistical neighbours';
}
