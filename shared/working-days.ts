// Working days as the statutory timeline counts them. SI 2007/462 (the Education and Inspections
// Act 2006 (Inspection of Local Authorities) Regulations 2007) regulation 1(2): "any day other
// than a Saturday, Sunday, Christmas Day, Good Friday or a day which is a bank holiday in England
// and Wales". The periods it sets run under the Education and Inspections Act 2006 s.136-137.
import { addDays, format, getDay, getYear, isValid, parseISO, subDays } from 'date-fns';
import type { BankHolidays } from './bank-holidays';
import { AppError } from './errors';

export interface WorkingDayResult {
  date: string;
  /** A day counted lies in a year whose bank holidays are not in the list: the date may move. */
  provisional: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a YYYY-MM-DD string naming a day that exists (so not 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && isValid(parseISO(value));
}

/**
 * The day a YYYY-MM-DD string names, at local midnight (date-fns counts days in local time, so
 * days stay whole across clock changes). Throws `invalid-input` naming the string otherwise;
 * `field` is the input's name for the error's details.
 */
export function parseCalendarDate(value: string, field = 'date'): Date {
  if (!ISO_DATE.test(value)) {
    const message = `“${value}” is not a date written as YYYY-MM-DD (for example 2017-06-04).`;
    throw new AppError('invalid-input', message, { fields: [{ path: field, message }] });
  }
  const date = parseISO(value);
  if (!isValid(date)) {
    const message = `The date “${value}” does not exist.`;
    throw new AppError('invalid-input', message, { fields: [{ path: field, message }] });
  }
  return date;
}

export function formatCalendarDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

const goodFridays = new Map<number, string>();

/**
 * Good Friday of a Gregorian year, two days before Easter Sunday as found by the anonymous
 * Gregorian algorithm (Meeus/Jones/Butcher; Jean Meeus, Astronomical Algorithms, 1991, ch. 8).
 * Computed rather than read from the bank-holiday list, so that years the list does not yet
 * cover still exclude it, as regulation 1(2) names it in its own right.
 */
export function goodFriday(year: number): string {
  const known = goodFridays.get(year);
  if (known) return known;
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const result = formatCalendarDate(subDays(new Date(year, month - 1, day), 2));
  goodFridays.set(year, result);
  return result;
}

function isWorkingDayAt(date: Date, key: string, holidays: BankHolidays): boolean {
  const weekday = getDay(date);
  if (weekday === 0 || weekday === 6) return false;
  if (key.endsWith('-12-25')) return false;
  if (key === goodFriday(getYear(date))) return false;
  return !holidays.dates.has(key);
}

/** Whether a date is a working day under SI 2007/462 regulation 1(2). */
export function isWorkingDay(date: string, holidays: BankHolidays): boolean {
  return isWorkingDayAt(parseCalendarDate(date), date, holidays);
}

/** Whether any year from `firstYear` to `lastYear` lies outside the years the list covers. */
function outsideKnownYears(firstYear: number, lastYear: number, holidays: BankHolidays): boolean {
  return Math.min(firstYear, lastYear) < holidays.firstYear || Math.max(firstYear, lastYear) > holidays.lastYear;
}

// Far more than any statutory period, and small enough that a mistyped count answers at once.
const MOST_DAYS = 100_000;

function checkDayCount(days: number): void {
  if (!Number.isInteger(days) || Math.abs(days) > MOST_DAYS) {
    const message = `“${days}” is not a whole number of working days between −${MOST_DAYS} and ${MOST_DAYS}.`;
    throw new AppError('invalid-input', message, { fields: [{ path: 'days', message }] });
  }
}

/**
 * The date `days` working days after `start`: the start is day 0 and is not counted, so the
 * answer is always a working day (for a count other than 0). A negative count goes backwards.
 */
export function addWorkingDays(start: string, days: number, holidays: BankHolidays): WorkingDayResult {
  let current = parseCalendarDate(start, 'start');
  checkDayCount(days);
  if (days === 0) return { date: start, provisional: false };
  const step = Math.sign(days);
  const firstExamined = getYear(addDays(current, step));
  let counted = 0;
  let key = start;
  while (counted < Math.abs(days)) {
    current = addDays(current, step);
    key = formatCalendarDate(current);
    if (isWorkingDayAt(current, key, holidays)) counted += 1;
  }
  return { date: key, provisional: outsideKnownYears(firstExamined, getYear(current), holidays) };
}

/**
 * The working days after `from` up to and including `to`. When `to` is earlier, the negative
 * count of working days before `from` back to and including `to`, mirroring a negative count
 * in addWorkingDays, so that addWorkingDays(a, n) always lands where this counts n from a.
 */
export function workingDaysBetween(from: string, to: string, holidays: BankHolidays): { days: number; provisional: boolean } {
  let current = parseCalendarDate(from, 'from');
  const end = parseCalendarDate(to, 'to');
  if (from === to) return { days: 0, provisional: false };
  const step = to > from ? 1 : -1;
  const firstExamined = getYear(addDays(current, step));
  let counted = 0;
  let key = from;
  while (key !== to) {
    current = addDays(current, step);
    key = formatCalendarDate(current);
    if (isWorkingDayAt(current, key, holidays)) counted += 1;
  }
  return { days: step * counted, provisional: outsideKnownYears(firstExamined, getYear(end), holidays) };
}
