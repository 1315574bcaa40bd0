// The statutory timeline from the command line: the dates that follow a report, and working-day
// arithmetic. Pure rules from shared/, so these commands need no data folder.
import fs from 'node:fs';
import { BUNDLED_BANK_HOLIDAYS, mergeBankHolidays, parseBankHolidays, type BankHolidays } from '../../shared/bank-holidays';
import { formatLongDate } from '../../shared/dates';
import { computeDeadlines, type ComputedDeadline } from '../../shared/deadlines';
import { AppError } from '../../shared/errors';
import { FRAMEWORK_LABELS, JUDGEMENT_LABELS, JUDGEMENTS, type Framework, type Judgement } from '../../shared/vocabulary';
import { addWorkingDays, parseCalendarDate, workingDaysBetween } from '../../shared/working-days';
import { CommandFailure, EXIT_CODES_HELP, formatTable, UsageFailure, type CommandContext, type PlainCommand } from './command';

const GOV_UK_FEED = 'https://www.gov.uk/bank-holidays.json';
const DEADLINE_FRAMEWORKS = ['sif', 'ilacs', 'focused-visit'] as const satisfies readonly Framework[];

const BANK_HOLIDAYS_HELP = [
  `  --bank-holidays FILE  a newer England and Wales list in the GOV.UK format (${GOV_UK_FEED}),`,
  `                        used with the list built in (${BUNDLED_BANK_HOLIDAYS.firstYear} to ${BUNDLED_BANK_HOLIDAYS.lastYear})`,
  '  --json                print JSON',
].join('\n');

/** The bank holidays built in, merged with a newer file when one is given. */
function loadBankHolidays(file: string | undefined): BankHolidays {
  if (file === undefined) return BUNDLED_BANK_HOLIDAYS;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new CommandFailure(`The bank-holidays file “${file}” could not be read: ${reason}. Nothing was computed.`);
  }
  try {
    return mergeBankHolidays(BUNDLED_BANK_HOLIDAYS, parseBankHolidays(text));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new CommandFailure(
      `The bank-holidays file “${file}” was not used. ${error.message} Nothing was computed: save the current list from ${GOV_UK_FEED} and give that file.`,
    );
  }
}

/**
 * A rule from shared/ refusing what was typed is a mistake in the command, so exit code 2. The
 * option, when the value came from one, is named before the rule's own words.
 */
function asTyped<T>(option: string | null, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid-input') throw new UsageFailure(option ? `${option}: ${error.message}` : error.message);
    throw error;
  }
}

function requireDate(value: string, option: string | null = null): string {
  asTyped(option, () => parseCalendarDate(value));
  return value;
}

function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

function provisionalNote(holidays: BankHolidays): string {
  return (
    `Provisional: the count runs through years whose bank holidays are not known (the list covers ${holidays.firstYear} to ${holidays.lastYear}), ` +
    `so it may move when they are announced. Load a newer list with --bank-holidays FILE (from ${GOV_UK_FEED}).`
  );
}

function describeWhen(deadline: ComputedDeadline): string {
  const when = deadline.windowEnd
    ? `from ${formatLongDate(deadline.date)} to ${formatLongDate(deadline.windowEnd)}`
    : formatLongDate(deadline.date);
  return deadline.provisional ? `${when} (provisional)` : when;
}

const deadlines: PlainCommand = {
  name: 'deadlines',
  summary: 'the statutory and expected dates that follow an inspection report (no data folder needed)',
  needsData: false,
  options: {
    received: { type: 'string' },
    framework: { type: 'string' },
    judgement: { type: 'string' },
    'priority-action': { type: 'boolean' },
    'bank-holidays': { type: 'string' },
  },
  help: [
    'Usage: g2g deadlines --received YYYY-MM-DD --framework sif|ilacs|focused-visit [--judgement J] [--priority-action] [--bank-holidays FILE] [--json]',
    '',
    'Options:',
    '  --received YYYY-MM-DD  the day the council received the inspection report',
    '  --framework F          sif, ilacs or focused-visit',
    `  --judgement J          the overall judgement: ${JUDGEMENTS.join(', ')} (not for a focused visit)`,
    '  --priority-action      the focused visit found areas for priority action',
    BANK_HOLIDAYS_HELP,
    '',
    'Statutory dates count working days (SI 2007/462); the others are the usual windows, which',
    'inspectors agree in practice.',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),
  async run(context) {
    if (context.args.length > 0) throw new UsageFailure(`“g2g deadlines” takes no further words, but was given “${context.args.join(' ')}”.`);
    const receivedText = stringOption(context, 'received');
    if (receivedText === undefined) throw new UsageFailure('--received is missing: give the date the report was received, written as YYYY-MM-DD.');
    const received = requireDate(receivedText, '--received');
    const framework = stringOption(context, 'framework');
    if (!DEADLINE_FRAMEWORKS.includes(framework as never)) {
      throw new UsageFailure(
        framework === undefined
          ? `--framework is missing: give ${DEADLINE_FRAMEWORKS.join(', ')}.`
          : `--framework: “${framework}” is not a framework g2g deadlines knows; give ${DEADLINE_FRAMEWORKS.join(', ')}.`,
      );
    }
    const judgementText = stringOption(context, 'judgement');
    if (judgementText !== undefined && !JUDGEMENTS.includes(judgementText as never)) {
      throw new UsageFailure(`--judgement: “${judgementText}” is not a judgement; give ${JUDGEMENTS.join(', ')}.`);
    }
    const judgement = (judgementText ?? null) as Judgement | null;
    const priorityActionAreas = context.options['priority-action'] === true;
    if (framework === 'focused-visit' && judgement) throw new UsageFailure('--judgement: a focused visit makes no overall judgement; leave it out.');
    if (framework !== 'focused-visit' && priorityActionAreas) throw new UsageFailure('--priority-action applies only to a focused visit (--framework focused-visit).');

    const holidays = loadBankHolidays(stringOption(context, 'bank-holidays'));
    const computed = asTyped('--received', () =>
      computeDeadlines({ framework: framework as Framework, reportReceivedDate: received, overallJudgement: judgement, priorityActionAreas }, holidays),
    );
    if (context.json) {
      context.out(JSON.stringify(computed, null, 2));
      return 0;
    }
    const judged = judgement ? `, judged ${JUDGEMENT_LABELS[judgement].toLowerCase()}` : '';
    context.out(`Dates after a report received on ${formatLongDate(received)} (${FRAMEWORK_LABELS[framework as Framework]}${judged}):`);
    context.out('');
    if (computed.length === 0) {
      context.out('No dates follow from a focused visit without areas for priority action.');
      return 0;
    }
    // Rule and source under each date, not beside it, so the table fits a terminal.
    context.out(
      formatTable(
        ['When', 'What'],
        computed.flatMap((deadline, index) => [
          ...(index > 0 ? [['', '']] : []),
          [describeWhen(deadline), deadline.label],
          ['', `Rule (${deadline.statutory ? 'statutory' : 'expected'}): ${deadline.rule}`],
          ['', `Source: ${deadline.source}`],
        ]),
      ),
    );
    context.out('');
    context.out('Expected windows are the usual practice; inspectors agree the actual dates.');
    if (computed.some((deadline) => deadline.provisional)) {
      context.out(
        `Dates marked provisional run past the bank holidays known (to ${holidays.lastYear}), so they may move when later ones are announced. ` +
          `Load a newer list with --bank-holidays FILE (from ${GOV_UK_FEED}).`,
      );
    }
    return 0;
  },
};

function requireWords(context: CommandContext, name: string, count: number, words: string): void {
  if (context.args.length !== count) {
    throw new UsageFailure(`“g2g ${name}” takes ${words}, but was given ${context.args.length === 0 ? 'nothing' : `“${context.args.join(' ')}”`}.`);
  }
}

const workingDaysAdd: PlainCommand = {
  name: 'working-days add',
  summary: 'the date a number of working days after (or, negative, before) a date',
  needsData: false,
  options: { 'bank-holidays': { type: 'string' } },
  help: [
    'Usage: g2g working-days add YYYY-MM-DD N [--bank-holidays FILE] [--json]',
    '',
    'The date N working days after the date (the date itself is day 0); a negative N counts back.',
    'A working day is any day but Saturday, Sunday, Christmas Day, Good Friday or a bank holiday',
    'in England and Wales (SI 2007/462 regulation 1(2)).',
    '',
    'Options:',
    BANK_HOLIDAYS_HELP,
    '',
    EXIT_CODES_HELP,
  ].join('\n'),
  async run(context) {
    requireWords(context, 'working-days add', 2, 'a date and a number of working days');
    const [startText = '', daysText = ''] = context.args;
    const start = requireDate(startText);
    if (!/^[-+]?\d+$/.test(daysText)) throw new UsageFailure(`“${daysText}” is not a whole number of working days.`);
    const days = Number(daysText);
    const holidays = loadBankHolidays(stringOption(context, 'bank-holidays'));
    const result = asTyped(null, () => addWorkingDays(start, days, holidays));
    if (context.json) {
      context.out(JSON.stringify({ start, days, ...result }, null, 2));
      return 0;
    }
    const count = `${Math.abs(days)} working ${Math.abs(days) === 1 ? 'day' : 'days'}`;
    context.out(`${formatLongDate(result.date)} is ${count} ${days < 0 ? 'before' : 'after'} ${formatLongDate(start)}.`);
    if (result.provisional) context.out(provisionalNote(holidays));
    return 0;
  },
};

const workingDaysBetweenCommand: PlainCommand = {
  name: 'working-days between',
  summary: 'the working days from one date to another',
  needsData: false,
  options: { 'bank-holidays': { type: 'string' } },
  help: [
    'Usage: g2g working-days between YYYY-MM-DD YYYY-MM-DD [--bank-holidays FILE] [--json]',
    '',
    'The working days after the first date up to and including the second; negative when the',
    'second is earlier (the days before the first back to and including the second).',
    '',
    'Options:',
    BANK_HOLIDAYS_HELP,
    '',
    EXIT_CODES_HELP,
  ].join('\n'),
  async run(context) {
    requireWords(context, 'working-days between', 2, 'two dates');
    const [fromText = '', toText = ''] = context.args;
    const from = requireDate(fromText);
    const to = requireDate(toText);
    const holidays = loadBankHolidays(stringOption(context, 'bank-holidays'));
    const result = workingDaysBetween(from, to, holidays);
    if (context.json) {
      context.out(JSON.stringify({ from, to, ...result }, null, 2));
      return 0;
    }
    const count = `${Math.abs(result.days)} working ${Math.abs(result.days) === 1 ? 'day' : 'days'}`;
    context.out(
      to < from
        ? `${count} from ${formatLongDate(from)} back to ${formatLongDate(to)}, counted as ${result.days} (the days before ${formatLongDate(from)} back to and including ${formatLongDate(to)}).`
        : `${count} from ${formatLongDate(from)} to ${formatLongDate(to)} (the days after ${formatLongDate(from)} up to and including ${formatLongDate(to)}).`,
    );
    if (result.provisional) context.out(provisionalNote(holidays));
    return 0;
  },
};

export const dateCommands: PlainCommand[] = [deadlines, workingDaysAdd, workingDaysBetweenCommand];
