// Turns the demo's relative dates into calendar dates around "today". Dates are handled as
// local calendar days (parseISO of a bare date is local midnight) and written back with
// format(), so a clock change between GMT and BST can never shift a date by a day.
import { addDays, addMonths, format, getDay, isAfter, lastDayOfMonth, parseISO, startOfMonth, subMonths } from 'date-fns';
import type { MonthOffset } from './types';

const DAYS_PER_MONTH = 30.44;

export interface MonthPeriod {
  /** YYYY-MM */
  period: string;
  /** The last day of the month, YYYY-MM-DD. */
  periodEnd: string;
}

export class DemoCalendar {
  readonly today: string;
  private readonly todayDate: Date;

  constructor(today: string) {
    this.today = today;
    this.todayDate = parseISO(today);
  }

  /**
   * The working day about `months` from today. Past dates step back to an earlier working day
   * and future ones forward to a later one, so nothing said to have happened lands after today.
   */
  at(months: MonthOffset): string {
    return iso(toWeekday(addDays(this.todayDate, Math.round(months * DAYS_PER_MONTH)), months <= 0 ? -1 : 1));
  }

  /** A date a number of days from another, moved onto a working day in the same direction. */
  shift(date: string, days: number): string {
    return iso(toWeekday(addDays(parseISO(date), days), days < 0 ? -1 : 1));
  }

  isPast(date: string): boolean {
    return date <= this.today;
  }

  /** The `count` whole months up to and including last month, oldest first. */
  recentMonths(count: number): MonthPeriod[] {
    const lastMonth = subMonths(startOfMonth(this.todayDate), 1);
    const months: MonthPeriod[] = [];
    for (let back = count - 1; back >= 0; back -= 1) {
      const month = subMonths(lastMonth, back);
      months.push({ period: format(month, 'yyyy-MM'), periodEnd: iso(lastDayOfMonth(month)) });
    }
    return months;
  }

  /**
   * The `nth` given weekday (0 Sunday .. 6 Saturday) of every `everyMonths`th month between two
   * dates, as committees fix their calendars (the second Thursday of alternate months).
   */
  meetingDates(from: string, to: string, options: { weekday: number; nth: number; everyMonths: number; monthPhase?: number }): string[] {
    const end = parseISO(to);
    const dates: string[] = [];
    for (let month = startOfMonth(parseISO(from)); !isAfter(month, end); month = addMonths(month, 1)) {
      if ((month.getMonth() - (options.monthPhase ?? 0) + 12) % options.everyMonths !== 0) continue;
      const offset = (options.weekday - getDay(month) + 7) % 7;
      const day = awayFromChristmas(addDays(month, offset + 7 * (options.nth - 1)));
      const date = iso(day);
      if (day.getMonth() === month.getMonth() && date >= from && date <= to) dates.push(date);
    }
    return dates;
  }
}

/**
 * The monthly rule a committee's first meeting sets: the same weekday in the same week of the
 * month (at most the fourth, which every month has) every `everyMonths` months.
 */
export function scheduleFrom(first: string, everyMonths: number): { weekday: number; nth: number; everyMonths: number; monthPhase: number } {
  const date = parseISO(first);
  return {
    weekday: getDay(date),
    nth: Math.min(4, Math.ceil(date.getDate() / 7)),
    everyMonths,
    monthPhase: date.getMonth() % everyMonths,
  };
}

/**
 * The given weekday (1 Monday .. 5 Friday) of the week a date falls in, a week later if that
 * day is closed (Christmas week).
 */
export function weekdayOfWeek(date: string, weekday: number): string {
  let day = addDays(parseISO(date), weekday - ((getDay(parseISO(date)) + 6) % 7) - 1);
  while (isClosed(day)) day = addDays(day, 7);
  return iso(day);
}

export function iso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Committees do not meet between Christmas Eve and New Year's Day; they move by a week. */
function awayFromChristmas(date: Date): Date {
  const monthDay = format(date, 'MM-dd');
  if (monthDay >= '12-24') return addDays(date, -7);
  if (monthDay === '01-01') return addDays(date, 7);
  return date;
}

/** Weekends, and Christmas Eve to New Year's Day, when hardly anything in a plan gets dated. */
function isClosed(date: Date): boolean {
  const monthDay = format(date, 'MM-dd');
  return getDay(date) === 0 || getDay(date) === 6 || monthDay >= '12-24' || monthDay === '01-01';
}

function toWeekday(date: Date, direction: -1 | 1): Date {
  let day = date;
  while (isClosed(day)) day = addDays(day, direction);
  return day;
}

/** The UK financial year a date falls in, written as DfE and councils write it: 2024-25. */
export function financialYear(date: string): string {
  const [yearText, monthText] = date.split('-');
  const year = Number(yearText);
  const startYear = Number(monthText) >= 4 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial years from the one holding `from` to the one holding `to`, in order. */
export function financialYearsBetween(from: string, to: string): string[] {
  const first = Number(financialYear(from).slice(0, 4));
  const last = Number(financialYear(to).slice(0, 4));
  const years: string[] = [];
  for (let year = first; year <= last; year += 1) years.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}`);
  return years;
}

/** "2024-25" starts on 1 April 2024 and ends on 31 March 2025. */
export function financialYearBounds(year: string): { start: string; end: string } {
  const startYear = Number(year.slice(0, 4));
  return { start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}
