// Workforce projection (DOMAIN.md section 7): from the posts in the establishment, the vacancies
// now, an annual turnover rate and the recruits planned per channel per year, the vacancies and
// vacancy rate each financial year ends with. Committee packs quote the same figures, so the
// rules live here once:
//
// - Filled posts at the start of the first year = posts − vacancies now. Each later year starts
//   with the posts filled at the end of the year before.
// - Leavers in a year = posts filled at its start × the annual turnover rate. Turnover is
//   measured against filled posts (as the DfE workforce census measures leavers against staff in
//   post), and a year's recruits are not yet at risk of leaving in the year they join.
// - Recruits in a year = the sum of its channels (newly qualified social workers in their ASYE,
//   agency workers converted to permanent, experienced recruits, or whatever the plan names).
// - Posts filled at the year end = start − leavers + recruits, but never more than the posts.
//   Recruits beyond the vacancies the year leaves (vacancies at its start plus its leavers) have
//   no post to fill: they are not counted as filled and not carried into the next year, but shown
//   in their own row, so a plan that recruits more than it can place says so.
// - Vacancies at the year end = posts − filled; the vacancy rate = vacancies ÷ posts, as a
//   percentage to one decimal place.
// - Posts are whole; the rest are full-time equivalents (FTE), which may be fractional. Every
//   figure is taken to the nearest tenth of an FTE (halves up) before it is used, so the table
//   adds up exactly as shown to one decimal place.
import { financialYearKeys, periodLabel } from './periods';

/** The recruitment channels a new projection starts with; a plan may rename, add or remove them. */
export const DEFAULT_RECRUITMENT_CHANNELS = [
  'Newly qualified social workers (ASYE)',
  'Agency workers converted to permanent',
  'Experienced social workers',
] as const;

/** The most years one projection runs for. */
export const MAX_PROJECTION_YEARS = 10;

/** The most recruitment channels one projection has. */
export const MAX_RECRUITMENT_CHANNELS = 12;

export interface RecruitmentChannel {
  channel: string;
  /** Recruits planned in each year of the projection, first year first. */
  counts: number[];
}

export interface WorkforceInputs {
  /** The first financial year projected, such as "2024-25". */
  startYear: string;
  years: number;
  totalPosts: number;
  currentVacancies: number;
  /** Annual turnover as a percentage of filled posts, 0 to 100. */
  annualTurnoverRate: number;
  recruits: RecruitmentChannel[];
}

/** Where the workforce stands: posts filled, vacancies and the vacancy rate (null with no posts). */
export interface WorkforcePosition {
  filled: number;
  vacancies: number;
  vacancyRate: number | null;
}

export interface WorkforceYear {
  /** "2024-25" */
  financialYear: string;
  /** "2024/25" */
  label: string;
  filledAtStart: number;
  leavers: number;
  /** Recruits in the year by channel, in the order of the projection's channels. */
  recruitsByChannel: number[];
  recruits: number;
  /** Recruits who would find no vacancy: not counted as filled posts (see the rules above). */
  recruitsBeyondVacancies: number;
  /** The change in filled posts over the year: recruits placed − leavers. */
  netChange: number;
  end: WorkforcePosition;
}

export interface WorkforceProjectionTable {
  totalPosts: number;
  annualTurnoverRate: number;
  channels: string[];
  /** The position now, at the start of the first year. */
  start: WorkforcePosition;
  years: WorkforceYear[];
  /** The position at the end of the last year (the start when there are no years). */
  end: WorkforcePosition;
  totals: { leavers: number; recruits: number; recruitsBeyondVacancies: number };
}

// ---------------------------------------------------------------- the projection

const toTenths = (value: number) => Math.round(value * 10);
const fromTenths = (tenths: number) => tenths / 10;

function position(totalPosts: number, filledTenths: number): WorkforcePosition {
  const vacancyTenths = totalPosts * 10 - filledTenths;
  return {
    filled: fromTenths(filledTenths),
    vacancies: fromTenths(vacancyTenths),
    vacancyRate: totalPosts > 0 ? Math.round((vacancyTenths * 100) / totalPosts) / 10 : null,
  };
}

/**
 * Projects the workforce year by year under the rules at the top of this module. Inputs are
 * trusted (the contract checks them); a channel with fewer counts than years plans no recruits
 * in the years it lacks, and vacancies above the posts are taken as every post vacant.
 */
export function projectWorkforce(inputs: WorkforceInputs): WorkforceProjectionTable {
  const postsTenths = inputs.totalPosts * 10;
  // Turnover in hundredths of a percent, so leavers are an exact fraction before rounding.
  const rateHundredths = Math.round(inputs.annualTurnoverRate * 100);
  let filledTenths = Math.max(0, postsTenths - toTenths(inputs.currentVacancies));
  const start = position(inputs.totalPosts, filledTenths);
  const totals = { leavers: 0, recruits: 0, recruitsBeyondVacancies: 0 };

  const years = financialYearKeys(inputs.startYear, inputs.years).map((financialYear, index): WorkforceYear => {
    const filledAtStart = filledTenths;
    const leavers = Math.round((filledAtStart * rateHundredths) / 10_000);
    const byChannel = inputs.recruits.map((channel) => toTenths(channel.counts[index] ?? 0));
    const recruits = byChannel.reduce((sum, count) => sum + count, 0);
    const wouldBeFilled = filledAtStart - leavers + recruits;
    const beyond = Math.max(0, wouldBeFilled - postsTenths);
    filledTenths = wouldBeFilled - beyond;
    totals.leavers += leavers;
    totals.recruits += recruits;
    totals.recruitsBeyondVacancies += beyond;
    return {
      financialYear,
      label: periodLabel(financialYear),
      filledAtStart: fromTenths(filledAtStart),
      leavers: fromTenths(leavers),
      recruitsByChannel: byChannel.map(fromTenths),
      recruits: fromTenths(recruits),
      recruitsBeyondVacancies: fromTenths(beyond),
      netChange: fromTenths(filledTenths - filledAtStart),
      end: position(inputs.totalPosts, filledTenths),
    };
  });

  return {
    totalPosts: inputs.totalPosts,
    annualTurnoverRate: inputs.annualTurnoverRate,
    channels: inputs.recruits.map((channel) => channel.channel),
    start,
    years,
    end: years.at(-1)?.end ?? start,
    totals: {
      leavers: fromTenths(totals.leavers),
      recruits: fromTenths(totals.recruits),
      recruitsBeyondVacancies: fromTenths(totals.recruitsBeyondVacancies),
    },
  };
}

// ---------------------------------------------------------------- how the figures read

const fte = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const change = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const posts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A number of full-time equivalents, always to one decimal place: "1,234.5", "29.0". */
export function formatFte(value: number): string {
  return fte.format(value);
}

/** A change in FTE with its sign: "+9.0", "-2.5", "0.0". */
export function formatFteChange(value: number): string {
  return change.format(value);
}

/** A vacancy rate: "16.1%", or "no posts" when there are none to measure against. */
export function formatVacancyRate(rate: number | null): string {
  return rate === null ? 'no posts' : `${fte.format(rate)}%`;
}

const rate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A turnover rate as given, to at most two decimal places: "18.6%", "18.65%", "20%". */
export function formatTurnoverRate(value: number): string {
  return `${rate.format(value)}%`;
}

/** "186 posts", "1 post". */
export function formatPosts(count: number): string {
  return `${posts.format(count)} ${count === 1 ? 'post' : 'posts'}`;
}

/**
 * One sentence on where the projection ends, for a chart's description or a report:
 * "Vacancies fall from 30.0 (16.1% of 186 posts) now to 6.7 (3.6%) at the end of 2027/28."
 */
export function describeProjection(table: WorkforceProjectionTable): string {
  const last = table.years.at(-1);
  const now = `${formatFte(table.start.vacancies)} (${formatVacancyRate(table.start.vacancyRate)} of ${formatPosts(table.totalPosts)})`;
  if (!last) return `Vacancies stand at ${now}.`;
  const sentence =
    last.end.vacancies === table.start.vacancies
      ? `Vacancies stay at ${now} from now to the end of ${last.label}.`
      : `Vacancies ${last.end.vacancies < table.start.vacancies ? 'fall' : 'rise'} from ${now} now to ${formatFte(last.end.vacancies)} (${formatVacancyRate(last.end.vacancyRate)}) at the end of ${last.label}.`;
  const beyond = table.years.filter((year) => year.recruitsBeyondVacancies > 0);
  if (beyond.length === 0) return sentence;
  const years = beyond.map((year) => `${formatFte(year.recruitsBeyondVacancies)} in ${year.label}`).join(', ');
  return `${sentence} Recruits planned beyond the vacancies, with no post to fill: ${years}.`;
}
