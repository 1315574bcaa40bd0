// Bank holidays in England and Wales, in the GOV.UK bank-holidays.json format
// (https://www.gov.uk/bank-holidays.json). The app ships a list; a user loads a newer file when
// the years the timeline reaches run past it, since holidays are announced only a few years ahead.
import * as z from 'zod';
import bundledFile from './data/bank-holidays-england-and-wales.json';
import { AppError, type FieldProblem } from './errors';
import { isCalendarDate } from './working-days';

export interface BankHolidays {
  /** YYYY-MM-DD dates. */
  dates: ReadonlySet<string>;
  /** The holiday's name by date, as GOV.UK writes it ("Easter Monday"). */
  titles: ReadonlyMap<string, string>;
  /** The years the list covers: beyond them, holidays are not known. */
  firstYear: number;
  lastYear: number;
}

const DIVISION = 'england-and-wales';

// Each message is the end of a sentence whose subject the path decides (see describeIssue).
const text = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `has no ${field}` : `has a ${field} that is not text`) });

const BankHolidayEvent = z.object(
  {
    title: text('title'),
    date: text('date').superRefine((date, context) => {
      if (isCalendarDate(date)) return;
      const problem = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'which does not exist' : 'which is not written as YYYY-MM-DD';
      context.addIssue({ code: 'custom', message: `has the date “${date}”, ${problem}` });
    }),
    notes: text('notes'),
    bunting: z.boolean({ error: (issue) => (issue.input === undefined ? 'has no bunting flag' : 'has a bunting flag that is not true or false') }),
  },
  { error: 'is not an object with a title and a date' },
);

// Other divisions (scotland, northern-ireland) are dropped: the regulations count holidays in
// England and Wales only.
const BankHolidayFile = z.object(
  {
    [DIVISION]: z.object(
      {
        division: z.literal(DIVISION, { error: `is not marked “division”: “${DIVISION}”` }),
        events: z.array(BankHolidayEvent, { error: 'has no list of events' }).min(1, { error: 'has no events' }),
      },
      { error: `has no “${DIVISION}” division` },
    ),
  },
  { error: `is not an object with an “${DIVISION}” division` },
);

const NOT_THE_FORMAT = 'This is not a bank-holidays file in the GOV.UK format';

function describeIssue(issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String);
  const eventIndex = path[1] === 'events' ? path[2] : undefined;
  const subject =
    eventIndex !== undefined
      ? `the event at ${DIVISION}.events.${eventIndex}`
      : path.length >= 2
        ? `the “${DIVISION}” division`
        : 'it';
  return { path: path.join('.'), message: `${subject} ${issue.message}` };
}

function invalid(problems: FieldProblem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'})` : '';
  return new AppError('invalid-input', `${NOT_THE_FORMAT}: ${first?.message ?? 'it could not be read'}${more}.`, { fields: problems });
}

/**
 * Reads a GOV.UK bank-holidays.json document, given as its text or already parsed, keeping
 * the England and Wales division. Throws `invalid-input` saying in plain words what is wrong
 * and where.
 */
export function parseBankHolidays(json: unknown): BankHolidays {
  let document = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json);
    } catch (error) {
      throw invalid([{ path: '', message: `it is not JSON (${(error as Error).message})` }]);
    }
  }
  const parsed = BankHolidayFile.safeParse(document);
  if (!parsed.success) throw invalid(parsed.error.issues.map(describeIssue));
  return fromEvents(parsed.data[DIVISION].events);
}

function fromEvents(events: readonly { title: string; date: string }[]): BankHolidays {
  const titles = new Map<string, string>();
  for (const event of events) {
    const earlier = titles.get(event.date);
    titles.set(event.date, earlier && earlier !== event.title ? `${earlier}; ${event.title}` : event.title);
  }
  const dates = [...titles.keys()].sort();
  return { dates: new Set(dates), titles, firstYear: Number(dates[0]?.slice(0, 4)), lastYear: Number(dates.at(-1)?.slice(0, 4)) };
}

/**
 * Both lists together, as when a newer GOV.UK file is loaded over the bundled one; where both
 * name a date, the second list's title is kept. The years covered run from the earlier first
 * year to the later last year.
 */
export function mergeBankHolidays(a: BankHolidays, b: BankHolidays): BankHolidays {
  return {
    dates: new Set([...a.dates, ...b.dates].sort()),
    titles: new Map([...a.titles, ...b.titles]),
    firstYear: Math.min(a.firstYear, b.firstYear),
    lastYear: Math.max(a.lastYear, b.lastYear),
  };
}

/**
 * The England and Wales list shipped with the app (2012 to 2027). Read without zod, whose first
 * parse probes for code generation, which the renderer's Content-Security-Policy reports; a unit
 * test checks the file passes parseBankHolidays.
 */
export const BUNDLED_BANK_HOLIDAYS: BankHolidays = fromEvents(bundledFile[DIVISION].events);
