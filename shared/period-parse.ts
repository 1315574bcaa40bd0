// Reading the periods a performance team writes in its spreadsheets ("Apr-24", "April 2024",
// "Q1 2024/25", "2024/25", "w/c 12/02/2024", a date) as the period keys KPI values are stored
// under. UK financial years run April to March (DOMAIN.md section 6), so a quarter is only read
// when its financial year is given: "Q1 2024" could be April to June or January to March.
import { isValid, parse } from 'date-fns';
import { formatLongDate } from './dates';
import { financialQuarterPeriod, financialYearPeriod, monthPeriod, periodLabel, periodShape, weekPeriod } from './periods';
import type { Frequency } from './vocabulary';
import { formatCalendarDate } from './working-days';

/**
 * What a cell says about its period: a period of its own, or a day, which stands for the period
 * of each KPI's own frequency that holds it (a column headed 1 April 2024 is April 2024 for a
 * monthly KPI and Q1 2024/25 for a quarterly one).
 */
export type ReadPeriod = { kind: 'period'; key: string; label: string } | { kind: 'date'; date: string; label: string };

export type PeriodReading = { ok: true; period: ReadPeriod } | { ok: false; problem: string };

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = "'?(\\d{4}|\\d{2})";

const EXAMPLES = 'a month (April 2024, Apr-24 or 2024-04), a financial quarter (Q1 2024/25), a financial year (2024/25), a week (w/c 12/02/2024) or a date';

const period = (key: string): PeriodReading => ({ ok: true, period: { kind: 'period', key, label: periodLabel(key) } });
const problem = (message: string): PeriodReading => ({ ok: false, problem: message });

/** A two-digit year is this century's: reports are of recent years. */
function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function financialYearKey(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The first year of a financial year written "2024/25", "2024-2025" or "24/25", or null if the two years do not follow on. */
function financialYearStart(first: string, second: string): number | null {
  const start = fullYear(first);
  const end = second.length === 2 ? Number(second) : Number(second) % 100;
  if (second.length === 4 && Number(second) !== start + 1) return null;
  return (start + 1) % 100 === end ? start : null;
}

const DATE_FORMATS = ['yyyy-MM-dd', 'd/M/yyyy', 'd/M/yy', 'd-M-yyyy', 'd.M.yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'd-MMM-yyyy', 'd-MMM-yy', 'd MMM yy', 'EEEE d MMMM yyyy'];
const REFERENCE_DATE = new Date(2000, 0, 1);

/** A day written as councils write it (day before month), as YYYY-MM-DD, or null. */
function readDate(text: string): string | null {
  const timeless = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  const candidate = (timeless?.[1] ?? text).replace(/\bsept\b/i, 'Sep');
  for (const pattern of DATE_FORMATS) {
    const twoDigitYear = pattern.endsWith('yy') && !pattern.endsWith('yyyy');
    if (twoDigitYear && !/\D\d{2}$/.test(candidate)) continue;
    const day = parse(candidate, pattern, REFERENCE_DATE);
    if (!isValid(day) || day.getFullYear() < 1990 || day.getFullYear() > 2100) continue;
    return formatCalendarDate(day);
  }
  return null;
}

/** A day as a cell holds it: the period of each KPI's frequency that holds it. */
export function readPeriodDate(date: string): PeriodReading {
  return { ok: true, period: { kind: 'date', date, label: formatLongDate(date) } };
}

function readQuarter(text: string): PeriodReading | null {
  const quarterFirst = /^(?:q|qtr|quarter)\s*([1-4])[\s,-]*(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})$/i.exec(text);
  const yearFirst = /^(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})[\s,-]*(?:q|qtr|quarter)\s*([1-4])$/i.exec(text);
  const parts = quarterFirst ? [quarterFirst[1], quarterFirst[2], quarterFirst[3]] : yearFirst ? [yearFirst[3], yearFirst[1], yearFirst[2]] : null;
  if (parts) {
    const [quarter, first, second] = parts as [string, string, string];
    const start = financialYearStart(first, second);
    if (start === null) return problem(`“${text}”: ${first}/${second} is not a financial year, which runs from one year to the next, such as 2024/25`);
    return period(`${financialYearKey(start)}-Q${quarter}`);
  }
  const calendar = /^(?:q|qtr|quarter)\s*([1-4])[\s,-]*(\d{4})$/i.exec(text) ?? /^(\d{4})[\s,-]*(?:q|qtr|quarter)\s*([1-4])$/i.exec(text);
  if (calendar) {
    const [quarter, year] = /^\d{4}$/.test(calendar[1] ?? '') ? [calendar[2], calendar[1]] : [calendar[1], calendar[2]];
    const start = Number(year);
    return problem(
      `“${text}” does not say which financial year: write Q${quarter} ${start}/${String((start + 1) % 100).padStart(2, '0')} or Q${quarter} ${start - 1}/${String(start % 100).padStart(2, '0')}`,
    );
  }
  return null;
}

/** "Apr-Jun 2024", "April to June 2024", "Jan–Mar 25", "Apr 2024 - Mar 2025": a financial quarter or year. */
function readMonthRange(text: string): PeriodReading | null {
  const range = new RegExp(`^${MONTH}(?:[\\s-]*${YEAR})?\\s*(?:-|to)\\s*${MONTH}[\\s-]*${YEAR}$`, 'i').exec(text);
  if (!range) return null;
  const [, fromName = '', fromYearText, toName = '', toYearText = ''] = range;
  const toMonth = monthNumber(toName);
  const fromMonth = monthNumber(fromName);
  const toYear = fullYear(toYearText);
  const fromYear = fromYearText ? fullYear(fromYearText) : fromMonth <= toMonth ? toYear : toYear - 1;
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  const startDate = formatCalendarDate(new Date(fromYear, fromMonth - 1, 1));
  if (months === 3 && [4, 7, 10, 1].includes(fromMonth)) return period(financialQuarterPeriod(startDate).key);
  if (months === 12 && fromMonth === 4) return period(financialYearPeriod(startDate).key);
  return problem(`“${text}” is not a financial quarter (such as Apr-Jun 2024) or a financial year (Apr 2024 to Mar 2025)`);
}

function readWeek(text: string): PeriodReading | null {
  const commencing = /^(?:w\/c|w\/b|wc|wb|week\s+(?:commencing|beginning|starting))[\s:]*(.+)$/i.exec(text);
  if (commencing) {
    const date = readDate((commencing[1] ?? '').trim());
    return date ? period(weekPeriod(date).key) : problem(`“${text}”: the week’s first day is not a date the app can read, such as 12/02/2024`);
  }
  const weekFirst = /^(?:week|wk|w)\s*(\d{1,2})[\s,-]*(\d{4})$/i.exec(text);
  const yearFirst = /^(\d{4})[\s-]*(?:week|wk|w)\s*(\d{1,2})$/i.exec(text);
  const [week, year] = weekFirst ? [weekFirst[1], weekFirst[2]] : yearFirst ? [yearFirst[2], yearFirst[1]] : [];
  if (!week || !year) return null;
  const key = `${year}-W${week.padStart(2, '0')}`;
  return periodShape(key) === 'week' ? period(key) : problem(`“${text}”: ${year} has no week ${Number(week)}`);
}

function readYear(text: string): PeriodReading | null {
  const financial = /^(?:fy|financial\s+year)?\s*(\d{4}|\d{2})\s*([/-])\s*(\d{4}|\d{2})$/i.exec(text);
  if (financial) {
    const [, first = '', separator, second = ''] = financial;
    if (first.length < second.length) return null;
    // "2024-03" is a month, as stored keys are; "2024/03" is neither.
    if (separator === '-' && first.length === 4 && second.length === 2 && Number(second) >= 1 && Number(second) <= 12) {
      return period(monthKey(Number(first), Number(second)));
    }
    const start = financialYearStart(first, second);
    if (start !== null) return period(financialYearKey(start));
    return problem(`“${text}” is not a financial year: the second year follows the first, as in 2024/25`);
  }
  const yearTo = /^year\s+(?:to|ending|ended)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(march|september)\s+(\d{4})$/i.exec(text);
  if (yearTo) {
    const year = Number(yearTo[3]);
    return (yearTo[2] ?? '').toLowerCase() === 'march' ? period(financialYearKey(year - 1)) : period(`census-${year}`);
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return problem(`“${text}” is a year: say which month, quarter or financial year, such as April ${year}, Q1 ${year}/${String((year + 1) % 100).padStart(2, '0')} or ${year}/${String((year + 1) % 100).padStart(2, '0')}`);
  }
  return null;
}

function readMonth(text: string): PeriodReading | null {
  const named = new RegExp(`^${MONTH}[\\s,/-]*${YEAR}$`, 'i').exec(text);
  if (named) return period(monthKey(fullYear(named[2] ?? ''), monthNumber(named[1] ?? '')));
  const numbered = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (numbered) {
    const month = Number(numbered[1]);
    if (month >= 1 && month <= 12) return period(monthKey(Number(numbered[2]), month));
  }
  return null;
}

/** Reads a period as written in a cell or a column's heading. */
export function readPeriodText(written: string): PeriodReading {
  const text = written.replace(/[\u2012-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();
  if (text === '') return problem('the period is blank');
  if (/^census-\d{4}$/.test(text) || /^\d{4}-\d{2}-Q[1-4]$/.test(text) || /^\d{4}-W\d{2}$/.test(text)) {
    return periodShape(text) ? period(text) : problem(`“${text}” is not a period: ${EXAMPLES}`);
  }
  const date = readDate(text);
  if (date) return readPeriodDate(date);
  const reading = readWeek(text) ?? readQuarter(text) ?? readMonthRange(text) ?? readMonth(text) ?? readYear(text);
  return reading ?? problem(`“${text}” is not a period the app can read: write ${EXAMPLES}`);
}

/** The key a reading stands for, for a KPI measured at this frequency. */
export function periodKeyFor(reading: ReadPeriod, frequency: Frequency): string {
  if (reading.kind === 'period') return reading.key;
  switch (frequency) {
    case 'weekly':
      return weekPeriod(reading.date).key;
    case 'monthly':
      return monthPeriod(reading.date).key;
    case 'quarterly':
      return financialQuarterPeriod(reading.date).key;
    case 'annual':
      return financialYearPeriod(reading.date).key;
  }
}
