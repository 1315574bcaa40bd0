// How a published file's time_period and time_identifier read as the app's period keys. The
// Explore Education Statistics standard writes four-digit years for reporting, calendar years,
// months and weeks, and six-digit years (202425) for financial, academic and tax years, terms and
// financial quarters. The app keeps months, financial quarters and years, workforce census years
// and ISO weeks, so only the identifiers that map onto those exactly are taken.
import { periodLabel, periodShape, type PeriodShape } from '../../../shared/periods';
import type { DfePeriodReading, DfeYearReading } from '../../../shared/contract-dfe-import';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type PeriodReadings = Record<DfeYearReading, DfePeriodReading>;

/** Why an identifier is refused, by its lower-case name; the start of a sentence about the file. */
const REFUSED: Record<string, string> = {
  'academic year': 'academic years (September to August)',
  'calendar year': 'calendar years (January to December)',
  'tax year': 'tax years (6 April to 5 April)',
  'autumn term': 'school terms',
  'spring term': 'school terms',
  'summer term': 'school terms',
  'autumn and spring term': 'school terms',
  'part 1 (april to september)': 'half financial years',
  'part 2 (october to march)': 'half financial years',
};

function twoDigits(year: number): string {
  return String(year % 100).padStart(2, '0');
}

/** A reading whose key is kept only if it reads back as the shape meant ("2011-12" reads as December 2011, not 2011/12). */
function reading(key: string, shape: PeriodShape, label: string): DfePeriodReading {
  return periodShape(key) === shape ? { key, label: periodLabel(key), shape } : { key: null, label, shape };
}

function financialYear(startYear: number): DfePeriodReading {
  return reading(`${startYear}-${twoDigits(startYear + 1)}`, 'financial-year', `${startYear}/${twoDigits(startYear + 1)}`);
}

/** A six-digit year such as 202425: its first year, if the second follows it. */
function sixDigitYear(timePeriod: string): number | null {
  const match = /^(\d{4})(\d{2})$/.exec(timePeriod);
  if (!match) return null;
  const first = Number(match[1]);
  return Number(match[2]) === (first + 1) % 100 ? first : null;
}

export class PeriodProblem extends Error {}

/**
 * The period a row names, under each year reading (they differ only for reporting years).
 * Throws PeriodProblem, with the end of a sentence about the file, for a period the app cannot keep.
 */
export function readPeriod(timePeriod: string, timeIdentifier: string): PeriodReadings {
  const identifier = timeIdentifier.trim().toLowerCase();
  const same = (one: DfePeriodReading): PeriodReadings => ({ 'year-to-march': one, 'census-year': one });
  const fourDigits = /^\d{4}$/.test(timePeriod) ? Number(timePeriod) : null;

  if (identifier === 'reporting year') {
    if (fourDigits === null) throw new PeriodProblem(`has the reporting year “${timePeriod}”, where a four-digit year such as 2025 is written`);
    return {
      'year-to-march': financialYear(fourDigits - 1),
      'census-year': reading(`census-${fourDigits}`, 'census-year', `Year to 30 September ${fourDigits}`),
    };
  }
  if (identifier === 'financial year') {
    const start = sixDigitYear(timePeriod);
    if (start === null) throw new PeriodProblem(`has the financial year “${timePeriod}”, where a six-digit year such as 202425 is written`);
    return same(financialYear(start));
  }
  const quarter = /^financial year q([1-4])$/.exec(identifier);
  if (quarter) {
    const start = sixDigitYear(timePeriod);
    if (start === null) throw new PeriodProblem(`has the financial quarter “${timePeriod}”, where a six-digit year such as 202425 is written`);
    const key = `${start}-${twoDigits(start + 1)}-Q${quarter[1]}`;
    return same(reading(key, 'quarter', periodLabel(key)));
  }
  const month = MONTHS.findIndex((name) => name.toLowerCase() === identifier);
  if (month >= 0) {
    if (fourDigits === null) throw new PeriodProblem(`has “${timePeriod}” for ${MONTHS[month]}, where a four-digit year such as 2025 is written`);
    const key = `${fourDigits}-${String(month + 1).padStart(2, '0')}`;
    return same(reading(key, 'month', periodLabel(key)));
  }
  const kind = REFUSED[identifier] ?? (/^week \d+$/.test(identifier) ? 'numbered weeks, whose dates the file does not give' : null);
  if (kind) {
    throw new PeriodProblem(
      `is published in ${kind} (“${timeIdentifier}”), which KPIs are not measured in: the app takes months, financial quarters and years, and workforce census years`,
    );
  }
  throw new PeriodProblem(`has the time identifier “${timeIdentifier}”, which is not one the Explore Education Statistics standard uses for the periods the app keeps`);
}

/** Whether a row's periods depend on the year reading. */
export function isReportingYear(timeIdentifier: string): boolean {
  return timeIdentifier.trim().toLowerCase() === 'reporting year';
}
