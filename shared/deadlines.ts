// The statutory and expected dates that follow an inspection report (DOMAIN.md section 2).
// Statutory dates come from the Education and Inspections Act 2006 s.137 and SI 2007/462 and
// count working days; the rest are Ofsted's usual practice, given as windows of calendar days,
// since inspectors agree the actual dates (every date can be overridden, with its reason kept).
import { addDays, addMonths, addWeeks, addYears, min, subDays, subMonths } from 'date-fns';
import type { BankHolidays } from './bank-holidays';
import { formatLongDate } from './dates';
import { AppError } from './errors';
import { FRAMEWORKS, type Framework, type Judgement } from './vocabulary';
import { addWorkingDays, formatCalendarDate, parseCalendarDate } from './working-days';

export const DEADLINE_KINDS = [
  'report-publication',
  'action-plan',
  'draft-action-plan',
  'action-planning-visit',
  'monitoring-visit',
  'reinspection',
  'annual-self-evaluation',
  'annual-engagement-meeting',
  'standard-inspection',
  'short-inspection',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineInput {
  framework: Framework;
  reportReceivedDate: string;
  overallJudgement: Judgement | null;
  /** A focused visit that found areas for priority action. */
  priorityActionAreas?: boolean;
  /** How many years after the report to list repeating dates for; 3 unless given. */
  horizonYears?: number;
}

export interface ComputedDeadline {
  /** Unique within one computation: the kind, with a sequence number for repeating kinds ("monitoring-visit-2"). */
  key: string;
  kind: DeadlineKind;
  label: string;
  /** The due date, or the first day of the window. */
  date: string;
  /** The last day of the window; null for a due date. */
  windowEnd: string | null;
  /** The rule in words, with the date it counts from. */
  rule: string;
  source: string;
  statutory: boolean;
  /** Counted through a year whose bank holidays are not known yet: may move when a newer list is loaded. */
  provisional: boolean;
}

const SOURCES = {
  reportPublication: 'SI 2007/462 regulation 2; Education and Inspections Act 2006 s.137(4)',
  actionPlan: 'SI 2007/462 regulation 3; Education and Inspections Act 2006 s.137(3) and (4)',
  draftActionPlan: 'Ofsted practice: a focused visit with areas for priority action',
  actionPlanningVisit: 'Ofsted practice: the action-planning visit after an inadequate judgement',
  monitoringVisit: 'Ofsted practice: quarterly monitoring visits for an inadequate judgement',
  reinspection: 'Ofsted practice under the SIF: re-inspection after at least four monitoring visits',
  selfEvaluation: 'Ofsted practice under ILACS: the annual self-evaluation',
  engagementMeeting: 'Ofsted practice under ILACS: the annual engagement meeting',
  standardInspection: 'Ofsted practice under ILACS: a standard inspection after requires improvement',
  shortInspection: 'Ofsted practice under ILACS: a short inspection for good or outstanding',
} as const;

const DEFAULT_HORIZON_YEARS = 3;
const FULL_INSPECTIONS: readonly Framework[] = ['sif', 'ilacs'];

function invalid(path: string, message: string): AppError {
  return new AppError('invalid-input', message, { fields: [{ path, message }] });
}

function checkInput(input: DeadlineInput): Date {
  if (!FRAMEWORKS.includes(input.framework)) {
    throw invalid('framework', `“${String(input.framework)}” is not an inspection framework: use one of ${FRAMEWORKS.join(', ')}.`);
  }
  const horizon = input.horizonYears ?? DEFAULT_HORIZON_YEARS;
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > 50) {
    throw invalid('horizonYears', `“${horizon}” is not a number of years from 0 to 50 to list repeating dates for.`);
  }
  return parseCalendarDate(input.reportReceivedDate, 'reportReceivedDate');
}

/**
 * The dates that follow a report received on `reportReceivedDate`, sorted by date. A framework
 * with no rules here (a joint targeted area inspection) gets none.
 */
export function computeDeadlines(input: DeadlineInput, holidays: BankHolidays): ComputedDeadline[] {
  const received = checkInput(input);
  const receivedText = formatLongDate(input.reportReceivedDate);
  const horizonEnd = addYears(received, input.horizonYears ?? DEFAULT_HORIZON_YEARS);
  const deadlines: ComputedDeadline[] = [];

  const workingDaysAfterReceipt = (days: number) => {
    const result = addWorkingDays(input.reportReceivedDate, days, holidays);
    return { ...result, rule: `${days} working days after the report was received (${receivedText})` };
  };
  const window = (start: Date, end: Date) => ({ date: formatCalendarDate(start), windowEnd: formatCalendarDate(end) });

  if (input.framework === 'focused-visit') {
    if (input.priorityActionAreas) {
      deadlines.push({
        key: 'draft-action-plan',
        kind: 'draft-action-plan',
        label: 'Draft action plan for the areas for priority action',
        windowEnd: null,
        source: SOURCES.draftActionPlan,
        statutory: false,
        ...workingDaysAfterReceipt(20),
      });
    }
    return sortByDate(deadlines);
  }
  if (!FULL_INSPECTIONS.includes(input.framework)) return deadlines;

  deadlines.push({
    key: 'report-publication',
    kind: 'report-publication',
    label: 'Publish the inspection report',
    windowEnd: null,
    source: SOURCES.reportPublication,
    statutory: true,
    ...workingDaysAfterReceipt(30),
  });
  const actionPlan = workingDaysAfterReceipt(70);
  deadlines.push({
    key: 'action-plan',
    kind: 'action-plan',
    label: 'Publish the written statement of proposed action (the action plan)',
    windowEnd: null,
    source: SOURCES.actionPlan,
    statutory: true,
    ...actionPlan,
  });
  const actionPlanDate = parseCalendarDate(actionPlan.date);
  const actionPlanText = formatLongDate(actionPlan.date);

  if (input.overallJudgement === 'inadequate') {
    deadlines.push({
      key: 'action-planning-visit',
      kind: 'action-planning-visit',
      label: 'Action-planning visit (expected window)',
      ...window(addDays(received, 25), addDays(received, 35)),
      rule: `Usually 25 to 35 days after the report was received (${receivedText})`,
      source: SOURCES.actionPlanningVisit,
      statutory: false,
      provisional: false,
    });

    // Under the SIF, monitoring ran until re-inspection: within about two years of the action
    // plan and after at least four visits, so the window opens when the fourth visit's closes.
    const fourthVisitEnd = addWeeks(addMonths(actionPlanDate, 9), 4);
    const reinspectionEnd = addYears(actionPlanDate, 2);
    const lastStart = input.framework === 'sif' ? min([subDays(reinspectionEnd, 1), horizonEnd]) : horizonEnd;
    for (let visit = 1; ; visit += 1) {
      const start = addMonths(actionPlanDate, (visit - 1) * 3);
      if (visit > 1 && start > lastStart) break;
      deadlines.push({
        key: `monitoring-visit-${visit}`,
        kind: 'monitoring-visit',
        label: `Monitoring visit ${visit} (expected window)`,
        ...window(start, addWeeks(start, 4)),
        rule:
          visit === 1
            ? `Usually within about four weeks of the action-plan deadline (${actionPlanText}); its letter is not published`
            : `Quarterly: about three months after monitoring visit ${visit - 1}, a window of four weeks`,
        source: SOURCES.monitoringVisit,
        statutory: false,
        provisional: actionPlan.provisional,
      });
    }
    if (input.framework === 'sif') {
      deadlines.push({
        key: 'reinspection',
        kind: 'reinspection',
        label: 'Re-inspection (expected window)',
        ...window(fourthVisitEnd, reinspectionEnd),
        rule: `Usually after at least four monitoring visits and within about two years of the action-plan deadline (${actionPlanText})`,
        source: SOURCES.reinspection,
        statutory: false,
        provisional: actionPlan.provisional,
      });
    }
  }

  if (input.framework === 'ilacs') {
    for (let year = 1; addYears(received, year) <= horizonEnd; year += 1) {
      const anniversary = addYears(received, year);
      deadlines.push({
        key: `annual-self-evaluation-${year}`,
        kind: 'annual-self-evaluation',
        label: `Annual self-evaluation, year ${year} (expected window)`,
        ...window(subMonths(anniversary, 1), subDays(anniversary, 1)),
        rule: `Each year, in the month before the anniversary of the report (${receivedText}), ready for the annual engagement meeting`,
        source: SOURCES.selfEvaluation,
        statutory: false,
        provisional: false,
      });
      deadlines.push({
        key: `annual-engagement-meeting-${year}`,
        kind: 'annual-engagement-meeting',
        label: `Annual engagement meeting, year ${year} (expected window)`,
        ...window(anniversary, subDays(addMonths(anniversary, 1), 1)),
        rule: `Each year, in the month from the anniversary of the report (${receivedText})`,
        source: SOURCES.engagementMeeting,
        statutory: false,
        provisional: false,
      });
    }
    const nextInspection = window(addMonths(received, 33), addMonths(received, 39));
    if (input.overallJudgement === 'requires-improvement') {
      deadlines.push({
        key: 'standard-inspection',
        kind: 'standard-inspection',
        label: 'Standard inspection (expected window)',
        ...nextInspection,
        rule: `About three years (33 to 39 months) after the report was received (${receivedText})`,
        source: SOURCES.standardInspection,
        statutory: false,
        provisional: false,
      });
    }
    if (input.overallJudgement === 'good' || input.overallJudgement === 'outstanding') {
      deadlines.push({
        key: 'short-inspection',
        kind: 'short-inspection',
        label: 'Short inspection (expected window)',
        ...nextInspection,
        rule: `About three years (33 to 39 months) after the report was received (${receivedText})`,
        source: SOURCES.shortInspection,
        statutory: false,
        provisional: false,
      });
    }
  }
  return sortByDate(deadlines);
}

function sortByDate(deadlines: ComputedDeadline[]): ComputedDeadline[] {
  const order = (deadline: ComputedDeadline) => DEADLINE_KINDS.indexOf(deadline.kind);
  return deadlines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.windowEnd ?? a.date).localeCompare(b.windowEnd ?? b.date) ||
      order(a) - order(b) ||
      a.key.localeCompare(b.key),
  );
}
