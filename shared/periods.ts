// Period keys as stored with KPI values, and their labels as councils write them. Councils report
// by UK financial year (April to March: "Q1 2018/19" is April to June 2018, DOMAIN.md section 6)
// and workforce figures by the DfE children's social work workforce census year, to 30 September.
import { addDays, addMonths, addYears, endOfMonth, format, getISOWeek, getISOWeekYear, getMonth, getYear, setISOWeek, startOfISOWeek, subDays } from 'date-fns';
import { AppError } from './errors';
import { formatCalendarDate, parseCalendarDate } from './working-days';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Period {
  /** "2024-03", "2018-19-Q1", "2018-19", "census-2024" or "2024-W07". */
  key: string;
  label: string;
  /** The first and last days, YYYY-MM-DD, both inside the period. */
  start: string;
  end: string;
}

/**
 * The label of a period key: "2024-03" → "March 2024"; "2024-25-Q1" → "Q1 2024/25";
 * "2024-25" → "2024/25"; "census-2024" → "Year to 30 September 2024". Keys of another shape are
 * shown as they are. A key such as "2011-12" reads as a month, December 2011, before it reads as
 * a financial year: the two shapes coincide for the years 2000/01 to 2011/12.
 */
export function periodLabel(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const name = MONTHS[Number(month[2]) - 1];
    if (name) return `${name} ${month[1]}`;
  }
  const quarter = /^(\d{4})-(\d{2})-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[3]} ${quarter[1]}/${quarter[2]}`;
  const year = /^(\d{4})-(\d{2})$/.exec(key);
  if (year) return `${year[1]}/${year[2]}`;
  const census = /^census-(\d{4})$/.exec(key);
  if (census) return `Year to 30 September ${census[1]}`;
  const week = weekStart(key);
  if (week) return `Week beginning ${format(week, 'd MMMM yyyy')}`;
  return key;
}

/** The Monday an ISO week key such as "2024-W07" begins on, or null for another shape. */
function weekStart(key: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const weekNumber = Number(match[2]);
  // 4 January is always in week 1 of its ISO week-numbering year.
  const start = startOfISOWeek(setISOWeek(new Date(Number(match[1]), 0, 4), weekNumber));
  if (weekNumber < 1 || getISOWeek(start) !== weekNumber) return null;
  return start;
}

function period(key: string, start: Date, end: Date): Period {
  return { key, label: periodLabel(key), start: formatCalendarDate(start), end: formatCalendarDate(end) };
}

/** The financial year a date falls in, by the year it starts: 2019-02-01 is in 2018/19. */
function financialYearStart(date: Date): number {
  return getMonth(date) >= 3 ? getYear(date) : getYear(date) - 1;
}

function financialYearKey(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The calendar month of a YYYY-MM-DD date: key "2024-03", "March 2024". */
export function monthPeriod(date: string): Period {
  const day = parseCalendarDate(date);
  const start = new Date(getYear(day), getMonth(day), 1);
  return period(format(start, 'yyyy-MM'), start, endOfMonth(start));
}

/** The financial quarter of a date: key "2018-19-Q1", "Q1 2018/19", April to June 2018. */
export function financialQuarterPeriod(date: string): Period {
  const day = parseCalendarDate(date);
  const startYear = financialYearStart(day);
  const quarter = Math.floor(((getMonth(day) + 9) % 12) / 3) + 1;
  const start = addMonths(new Date(startYear, 3, 1), (quarter - 1) * 3);
  return period(`${financialYearKey(startYear)}-Q${quarter}`, start, subDays(addMonths(start, 3), 1));
}

/** The financial year of a date: key "2018-19", "2018/19", 1 April 2018 to 31 March 2019. */
export function financialYearPeriod(date: string): Period {
  const startYear = financialYearStart(parseCalendarDate(date));
  const start = new Date(startYear, 3, 1);
  return period(financialYearKey(startYear), start, subDays(addYears(start, 1), 1));
}

/**
 * The workforce census year of a date: key "census-2024", "Year to 30 September 2024",
 * 1 October 2023 to 30 September 2024.
 */
export function censusYearPeriod(date: string): Period {
  const day = parseCalendarDate(date);
  const endYear = getMonth(day) >= 9 ? getYear(day) + 1 : getYear(day);
  return period(`census-${endYear}`, new Date(endYear - 1, 9, 1), new Date(endYear, 8, 30));
}

/** The ISO week of a date, Monday to Sunday: key "2024-W07", "Week beginning 12 February 2024". */
export function weekPeriod(date: string): Period {
  const day = parseCalendarDate(date);
  const start = startOfISOWeek(day);
  const key = `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
  return period(key, start, addDays(start, 6));
}

export type PeriodShape = 'week' | 'month' | 'quarter' | 'financial-year' | 'census-year';

/** Which kind of period a key names, or null if it names none. */
export function periodShape(key: string): PeriodShape | null {
  if (/^\d{4}-W\d{2}$/.test(key)) return weekStart(key) ? 'week' : null;
  if (/^census-\d{4}$/.test(key)) return 'census-year';
  if (/^\d{4}-\d{2}-Q[1-4]$/.test(key)) {
    try {
      periodRange(key);
      return 'quarter';
    } catch {
      return null;
    }
  }
  const twoPart = /^(\d{4})-(\d{2})$/.exec(key);
  if (twoPart) {
    const second = Number(twoPart[2]);
    if (second >= 1 && second <= 12) return 'month';
    if (second === (Number(twoPart[1]) + 1) % 100) return 'financial-year';
  }
  return null;
}

const STEP: Record<'weekly' | 'monthly' | 'quarterly' | 'annual', (date: string) => Period> = {
  weekly: weekPeriod,
  monthly: monthPeriod,
  quarterly: financialQuarterPeriod,
  annual: financialYearPeriod,
};

/** The periods of a frequency that overlap the dates from and to (YYYY-MM-DD), in order. At most 1,000. */
export function periodsBetween(frequency: 'weekly' | 'monthly' | 'quarterly' | 'annual', from: string, to: string): Period[] {
  const result: Period[] = [];
  let current = STEP[frequency](from);
  while (current.start <= to && result.length < 1000) {
    result.push(current);
    current = STEP[frequency](formatCalendarDate(addDays(parseCalendarDate(current.end), 1)));
  }
  return result;
}

/** Whether a key names a real financial year: "2024-25" does, "2024-26" and "2024/25" do not. */
export function isFinancialYearKey(key: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return false;
  const startYear = Number(match[1]);
  return startYear >= 1900 && startYear <= 2998 && financialYearPeriod(`${match[1]}-04-01`).key === key;
}

/** `count` financial years in order from `first`: ("2024-25", 3) → 2024-25, 2025-26, 2026-27. */
export function financialYearKeys(first: string, count: number): string[] {
  if (!isFinancialYearKey(first)) throw new RangeError(`“${first}” is not a financial year such as 2024-25`);
  const startYear = Number(first.slice(0, 4));
  return Array.from({ length: Math.max(0, count) }, (_, index) => financialYearPeriod(`${startYear + index}-04-01`).key);
}

function notAPeriod(key: string, why: string): AppError {
  const message = `“${key}” is not a period: ${why}`;
  return new AppError('invalid-input', message, { fields: [{ path: 'period', message }] });
}

/**
 * The first and last days of the period a key names, in any shape monthPeriod,
 * financialQuarterPeriod, financialYearPeriod or censusYearPeriod gives. Throws `invalid-input`
 * for anything else. Like periodLabel, a key that reads as both a month and a financial year is
 * taken as the month.
 */
export function periodRange(key: string): { start: string; end: string } {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const year = Number(month[1]);
    const monthNumber = Number(month[2]);
    if (monthNumber >= 1 && monthNumber <= 12) {
      const { start, end } = monthPeriod(`${month[1]}-${month[2]}-01`);
      return { start, end };
    }
    if (monthNumber !== (year + 1) % 100) throw notAPeriod(key, 'it is neither a month nor a financial year such as “2018-19”.');
    const { start, end } = financialYearPeriod(`${year}-04-01`);
    return { start, end };
  }
  const quarter = /^(\d{4})-(\d{2})-Q([1-4])$/.exec(key);
  if (quarter) {
    const year = Number(quarter[1]);
    if (Number(quarter[2]) !== (year + 1) % 100) throw notAPeriod(key, `${quarter[1]}-${quarter[2]} is not a financial year such as “2018-19”.`);
    const { start, end } = financialQuarterPeriod(formatCalendarDate(addMonths(new Date(year, 3, 1), (Number(quarter[3]) - 1) * 3)));
    return { start, end };
  }
  const census = /^census-(\d{4})$/.exec(key);
  if (census) {
    const { start, end } = censusYearPeriod(`${census[1]}-09-30`);
    return { start, end };
  }
  const week = weekStart(key);
  if (week) return { start: formatCalendarDate(week), end: formatCalendarDate(addDays(week, 6)) };
  throw notAPeriod(
    key,
    'a period is a month (“2024-03”), a financial quarter (“2018-19-Q1”), a financial year (“2018-19”), a census year (“census-2024”) or a week (“2024-W07”).',
  );
}
