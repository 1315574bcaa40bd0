// Meeting dates from a committee's cadence. Boards keep to a pattern such as "the second
// Tuesday of the month", so each meeting falls on the same weekday, in the same week of its
// month, as the first one; when that day is not a working day the meeting moves to the next
// working day.
import { addDays, addMonths, format, getDate, getDay, getDaysInMonth, parseISO, setDate } from 'date-fns';
import type { BankHolidays } from './bank-holidays';
import type { Cadence } from './vocabulary';
import { isWorkingDay } from './working-days';

export const CADENCE_MONTHS: Record<Cadence, number | null> = {
  monthly: 1,
  'every-two-months': 2,
  quarterly: 3,
  'ad-hoc': null,
};

export const CADENCE_LABELS: Record<Cadence, string> = {
  monthly: 'Monthly',
  'every-two-months': 'Every two months',
  quarterly: 'Quarterly',
  'ad-hoc': 'When called',
};

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The same weekday in the same week of the month as `pattern`, in the month of `month`. */
function sameWeekdayOfMonth(pattern: Date, month: Date): Date {
  const week = Math.floor((getDate(pattern) - 1) / 7);
  const firstOfMonth = setDate(month, 1);
  const offset = (getDay(pattern) - getDay(firstOfMonth) + 7) % 7;
  let day = 1 + offset + week * 7;
  // A fifth weekday that this month lacks becomes the month's last such weekday.
  while (day > getDaysInMonth(month)) day -= 7;
  return setDate(month, day);
}

function nextWorkingDay(date: string, holidays: BankHolidays): string {
  let candidate = parseISO(date);
  while (!isWorkingDay(iso(candidate), holidays)) candidate = addDays(candidate, 1);
  return iso(candidate);
}

/** Every meeting date from the first up to and including `until` (just the first for ad hoc committees). */
export function scheduleMeetings(firstMeetingDate: string, cadence: Cadence, until: string, holidays: BankHolidays): string[] {
  const step = CADENCE_MONTHS[cadence];
  const first = parseISO(firstMeetingDate);
  const dates = [firstMeetingDate];
  if (step === null) return dates;
  for (let index = 1; index < 240; index += 1) {
    const date = nextWorkingDay(iso(sameWeekdayOfMonth(first, addMonths(setDate(first, 1), index * step))), holidays);
    if (date > until) break;
    dates.push(date);
  }
  return dates;
}
