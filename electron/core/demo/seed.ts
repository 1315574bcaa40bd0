// Seeds the demo plan of a fictional council on first run. The content lives in the data files
// beside this one; this file only turns it into records, with every date placed relative to the
// core's clock so the demo always looks current. Everything is written in one audited
// transaction: a half-seeded demo would be worse than none.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { newId } from '../../../db/ids';
import { createRecord, type NewRecord, type RecordTable, type UnitOfWork } from '../../../db/records';
import {
  actionDependencies,
  actionDueDateChanges,
  actionKpis,
  actionRecommendations,
  actions,
  authorities,
  budgetEntries,
  budgetLines,
  committees,
  evidence,
  findingActions,
  inspectionJudgements,
  inspections,
  kpiComparators,
  kpiThemes,
  kpiValues,
  kpis,
  meetings,
  milestones,
  people,
  planStages,
  plans,
  progressUpdates,
  recommendationThemes,
  recommendations,
  reviewFindings,
  reviews,
  risks,
  themes,
  workforceProjections,
} from '../../../db/schema';
import { londonDate } from '../../../shared/dates';
import { DEFAULT_RAG_MEANINGS, type Rag } from '../../../shared/rag';
import type { Core } from '../core';
import { LEADERSHIP_ACTIONS } from './actions-leadership';
import { PRACTICE_ACTIONS } from './actions-practice';
import { QUALITY_ACTIONS } from './actions-quality';
import { WORKFORCE_ACTIONS } from './actions-workforce';
import { DemoCalendar, financialYear, financialYearBounds, financialYearsBetween, scheduleFrom, weekdayOfWeek } from './calendar';
import { DEMO_BUDGET_LINES, DEMO_COMMITTEES, DEMO_RISKS, DEMO_WORKFORCE_PROJECTION, type DemoCommittee } from './governance';
import { DEMO_INSPECTION, DEMO_RECOMMENDATIONS, DEMO_THEMES, demoPlanText, demoTimeline, type DemoTimeline } from './inspection';
import { DEMO_KPIS, kpiSeries } from './kpis';
import { DEMO_AUTHORITY, DEMO_PEOPLE, demoEmail, type PersonKey } from './people';
import { DEMO_REVIEWS } from './reviews';
import type { DemoAction, DemoComparators } from './types';

/** The actions of the demo plan, theme by theme. */
export const DEMO_ACTIONS: DemoAction[] = [...LEADERSHIP_ACTIONS, ...PRACTICE_ACTIONS, ...WORKFORCE_ACTIONS, ...QUALITY_ACTIONS];

/** How many months of KPI values the demo holds, up to last month. */
const KPI_MONTHS = 24;
/** How far ahead the meeting calendar runs, in months. */
const MEETINGS_AHEAD = 6;

/** Seeds the demo plan of a fictional council and returns the plan's id. */
export function seedDemoPlan(core: Core): string {
  const calendar = new DemoCalendar(londonDate(core.clock()));
  const planId = newId();
  core.write(planId, (unit) => new DemoSeeder(unit, calendar, planId).seed());
  return planId;
}

class DemoSeeder {
  private readonly people = new Map<PersonKey, { id: string; name: string }>();
  private readonly themeIds: string[] = [];
  private readonly recommendationIds = new Map<number, string>();
  private readonly kpiIds = new Map<string, string>();
  private readonly actionIds = new Map<string, string>();
  private readonly letters: { title: string; date: string }[] = [];
  private authorityId = '';

  constructor(
    private readonly unit: UnitOfWork,
    private readonly calendar: DemoCalendar,
    private readonly planId: string,
  ) {}

  /** Creates a record; records that belong to no single plan are audited without one. */
  private add<T extends RecordTable>(table: T, values: NewRecord<T>, ofPlan = true): T['$inferSelect'] {
    return createRecord(this.unit, table, values, ofPlan ? this.planId : null);
  }

  private person(key: PersonKey): { id: string; name: string } {
    const found = this.people.get(key);
    if (!found) throw new Error(`The demo refers to an unknown person: ${key}`);
    return found;
  }

  seed(): void {
    const timeline = demoTimeline(this.calendar);
    this.seedAuthority();
    const inspectionId = this.seedInspection(timeline);
    this.seedPlan(timeline, inspectionId);
    this.seedKpis(timeline);
    DEMO_ACTIONS.forEach((action, index) => this.seedAction(action, index));
    this.seedDependencies();
    this.seedReviews();
    this.seedGovernance(timeline);
  }

  private seedAuthority(): void {
    this.authorityId = this.add(authorities, { ...DEMO_AUTHORITY }, false).id;
    for (const [key, person] of Object.entries(DEMO_PEOPLE) as [PersonKey, { name: string; jobTitle: string }][]) {
      const row = this.add(
        people,
        { authorityId: this.authorityId, name: person.name, jobTitle: person.jobTitle, email: demoEmail(person.name) },
        false,
      );
      this.people.set(key, { id: row.id, name: person.name });
    }
  }

  private seedInspection(timeline: DemoTimeline): string {
    const inspectionId = this.add(
      inspections,
      {
        authorityId: this.authorityId,
        framework: DEMO_INSPECTION.framework,
        startDate: timeline.inspectionStart,
        endDate: timeline.inspectionEnd,
        reportReceivedDate: timeline.reportReceived,
        reportPublishedDate: timeline.reportPublished,
        overallJudgement: DEMO_INSPECTION.overallJudgement,
        notes: DEMO_INSPECTION.notes,
      },
      false,
    ).id;
    for (const { area, judgement } of DEMO_INSPECTION.judgements) {
      this.add(inspectionJudgements, { inspectionId, area, judgement }, false);
    }
    return inspectionId;
  }

  private seedPlan(timeline: DemoTimeline, inspectionId: string): void {
    const text = demoPlanText(timeline);
    this.add(plans, {
      id: this.planId,
      seriesId: this.planId,
      authorityId: this.authorityId,
      inspectionId,
      version: 1,
      kind: 'main',
      title: text.title,
      summary: text.summary,
      status: 'active',
      startDate: timeline.planStart,
      endDate: timeline.planEnd,
      classification: 'official',
      ragMeanings: DEFAULT_RAG_MEANINGS,
    });
    timeline.stages.forEach((stage, sortOrder) => this.add(planStages, { planId: this.planId, ...stage, sortOrder }));
    DEMO_THEMES.forEach((theme, sortOrder) => {
      const { lead, ...rest } = theme;
      this.themeIds.push(this.add(themes, { planId: this.planId, ...rest, leadId: this.person(lead).id, sortOrder }).id);
    });
    for (const recommendation of DEMO_RECOMMENDATIONS) {
      const id = this.add(recommendations, {
        planId: this.planId,
        inspectionId,
        number: recommendation.number,
        text: recommendation.text,
      }).id;
      this.recommendationIds.set(recommendation.number, id);
      for (const theme of recommendation.themes) {
        this.add(recommendationThemes, { recommendationId: id, themeId: this.theme(theme) });
      }
    }
  }

  private theme(number: number): string {
    const id = this.themeIds[number - 1];
    if (!id) throw new Error(`The demo refers to an unknown theme: ${number}`);
    return id;
  }

  private seedKpis(timeline: DemoTimeline): void {
    const months = this.calendar.recentMonths(KPI_MONTHS);
    const inspectionIndex = Math.max(
      0,
      months.findIndex((month) => month.period === timeline.inspectionStart.slice(0, 7)),
    );
    DEMO_KPIS.forEach((kpi, sortOrder) => {
      const series = kpiSeries(kpi, months, inspectionIndex);
      const baseline = series[inspectionIndex];
      const kpiId = this.add(kpis, {
        planId: this.planId,
        reference: kpi.reference,
        name: kpi.name,
        definition: kpi.definition,
        unit: kpi.unit,
        polarity: kpi.polarity,
        frequency: 'monthly',
        source: kpi.source,
        catalogueKey: kpi.catalogueKey ?? null,
        baselineValue: baseline?.value ?? kpi.from,
        baselinePeriod: baseline?.period ?? null,
        targetValue: kpi.target ?? null,
        targetLower: kpi.band?.[0] ?? null,
        targetUpper: kpi.band?.[1] ?? null,
        tolerance: kpi.tolerance,
        sortOrder,
      }).id;
      this.kpiIds.set(kpi.reference, kpiId);
      for (const value of series) this.add(kpiValues, { kpiId, ...value });
      if (kpi.comparators) this.seedComparators(kpiId, kpi.comparators);
      for (const theme of kpi.themes) this.add(kpiThemes, { kpiId, themeId: this.theme(theme) });
    });
  }

  /** The three most recent annual figures DfE would have published by today. */
  private seedComparators(kpiId: string, comparators: DemoComparators): void {
    const periods = comparatorPeriods(this.calendar.today, comparators.collection);
    const kinds = [
      { kind: 'england', label: 'England', values: comparators.england },
      { kind: 'region', label: DEMO_AUTHORITY.region, values: comparators.region },
      { kind: 'statistical-neighbours', label: 'Statistical neighbours', values: comparators.statisticalNeighbours },
    ];
    for (const { kind, label, values } of kinds) {
      periods.forEach((period, index) => {
        this.add(kpiComparators, { kpiId, kind, label, ...period, value: values[index] ?? null });
      });
    }
  }

  private seedAction(action: DemoAction, index: number): void {
    const { calendar } = this;
    const baselineDueDate = calendar.at(action.due);
    const lastMove = action.moves?.at(-1);
    const actionId = this.add(actions, {
      planId: this.planId,
      themeId: this.theme(Number(action.reference.split('.')[0])),
      reference: action.reference,
      title: action.title,
      description: action.description,
      ownerId: this.person(action.owner).id,
      leadId: this.person(action.lead).id,
      startDate: calendar.at(action.start),
      baselineDueDate,
      currentDueDate: lastMove ? calendar.at(lastMove.to) : baselineDueDate,
      completedDate: action.status === 'complete' && action.done !== undefined ? calendar.at(action.done) : null,
      status: action.status,
      rag: action.rag,
      measuresOfSuccess: action.measures,
      sortOrder: index,
    }).id;
    this.actionIds.set(action.reference, actionId);

    let fromDate = baselineDueDate;
    for (const move of action.moves ?? []) {
      const toDate = calendar.at(move.to);
      this.add(actionDueDateChanges, { actionId, fromDate, toDate, reason: move.reason });
      fromDate = toDate;
    }
    for (const number of action.recommendations) {
      const recommendationId = this.recommendationIds.get(number);
      if (!recommendationId) throw new Error(`Action ${action.reference} answers an unknown recommendation: ${number}`);
      this.add(actionRecommendations, { actionId, recommendationId });
    }
    for (const reference of action.kpis ?? []) {
      const kpiId = this.kpiIds.get(reference);
      if (!kpiId) throw new Error(`Action ${action.reference} refers to an unknown KPI: ${reference}`);
      this.add(actionKpis, { actionId, kpiId });
    }
    for (const milestone of action.milestones ?? []) {
      this.add(milestones, {
        actionId,
        title: milestone.title,
        dueDate: calendar.at(milestone.due),
        completedDate: milestone.done === undefined ? null : calendar.at(milestone.done),
      });
    }
    for (const item of action.evidence ?? []) {
      this.add(evidence, { actionId, kind: item.kind, title: item.title, url: item.url ?? null, note: item.note ?? null });
    }
    this.seedUpdates(action, actionId, index);
  }

  /**
   * Spreads an action's updates evenly from shortly after it started to its last activity: the
   * day it was completed or superseded, or a few days ago for live actions, as owners update
   * before each monthly report.
   */
  private seedUpdates(action: DemoAction, actionId: string, index: number): void {
    const count = action.updates.length;
    if (count === 0) return;
    const finished = action.status === 'complete' || action.status === 'awaiting-evidence' || action.status === 'superseded';
    const end = Math.min(finished && action.done !== undefined ? action.done : -(0.05 + (index % 6) * 0.1), 0);
    const first = Math.min(action.start + 0.7, end);
    const finalRag: Rag = action.status === 'complete' ? 'blue' : action.status === 'awaiting-evidence' ? 'green' : (action.rag ?? 'amber');
    const owner = this.person(action.owner).name;
    const lead = this.person(action.lead).name;
    action.updates.forEach((update, position) => {
      const offset = count === 1 ? end : first + ((end - first) * position) / (count - 1);
      const [rag, narrative] = Array.isArray(update) ? update : [position === count - 1 ? finalRag : 'green', update];
      this.add(progressUpdates, {
        actionId,
        updateDate: this.calendar.at(offset),
        narrative,
        rag,
        // Leads write most updates; owners write some, as they do before a board.
        authorName: position % 3 === 2 ? owner : lead,
      });
    });
  }

  private seedDependencies(): void {
    for (const action of DEMO_ACTIONS) {
      for (const dependency of action.dependsOn ?? []) {
        this.add(actionDependencies, {
          actionId: this.action(action.reference),
          dependsOnActionId: this.action(dependency.reference),
          note: dependency.note,
        });
      }
    }
  }

  private action(reference: string): string {
    const id = this.actionIds.get(reference);
    if (!id) throw new Error(`The demo refers to an unknown action: ${reference}`);
    return id;
  }

  private seedReviews(): void {
    for (const review of DEMO_REVIEWS) {
      // Monitoring visits start on a Tuesday, so two days on site never straddle a weekend.
      const visitStartDate = weekdayOfWeek(this.calendar.at(review.visitStart), 2);
      const visitEndDate = this.calendar.shift(visitStartDate, review.daysOnSite - 1);
      const letterDate = this.calendar.shift(visitEndDate, review.letterAfterDays);
      this.letters.push({ title: review.title, date: letterDate });
      const reviewId = this.add(reviews, {
        planId: this.planId,
        kind: 'monitoring-visit',
        title: review.title,
        focus: review.focus,
        visitStartDate,
        visitEndDate,
        letterDate,
        letterPublished: review.letterPublished,
        summary: review.summary,
      }).id;
      review.findings.forEach((finding, sortOrder) => {
        const findingId = this.add(reviewFindings, { reviewId, kind: finding.kind, text: finding.text, sortOrder }).id;
        for (const reference of finding.actions ?? []) {
          this.add(findingActions, { findingId, actionId: this.action(reference) });
        }
      });
    }
  }

  /** The Improvement Board discusses each monitoring visit letter at its next meeting. */
  private meetingNote(committee: DemoCommittee, index: number, previousDate: string, meetingDate: string): string | null {
    if (index === 0 && committee.firstNote) return committee.firstNote;
    const letter = committee.kind === 'improvement-board' ? this.letters.find((entry) => entry.date > previousDate && entry.date <= meetingDate) : undefined;
    if (letter) return `${letter.title} letter received. The board discussed the findings and agreed the council’s response and the changes to the plan.`;
    return committee.notes[index % committee.notes.length] ?? null;
  }

  private seedGovernance(timeline: DemoTimeline): void {
    const { calendar } = this;
    const from = calendar.at(-17.5);
    const to = calendar.at(MEETINGS_AHEAD);
    for (const committee of DEMO_COMMITTEES) {
      const committeeId = this.add(committees, {
        authorityId: this.authorityId,
        planId: this.planId,
        name: committee.name,
        kind: committee.kind,
        chair: committee.chair,
        cadence: committee.cadence,
      }).id;
      const first = committee.firstMeeting === undefined ? null : calendar.at(committee.firstMeeting);
      const later = first
        ? calendar.meetingDates(calendar.shift(first, 1), to, scheduleFrom(first, committee.schedule.everyMonths))
        : calendar.meetingDates(from, to, committee.schedule);
      const dates = [...(first ? [first] : []), ...later.filter((date) => !(committee.skipAugust && date.slice(5, 7) === '08'))];
      dates.forEach((meetingDate, index) => {
        this.add(meetings, {
          committeeId,
          meetingDate,
          agendaItem: committee.agendaItem,
          location: committee.location,
          notes: calendar.isPast(meetingDate) ? this.meetingNote(committee, index, dates[index - 1] ?? '', meetingDate) : null,
        });
      });
    }

    for (const risk of DEMO_RISKS) {
      const { owner, ...rest } = risk;
      this.add(risks, { planId: this.planId, ...rest, ownerId: this.person(owner).id, rag: riskRag(risk.likelihood * risk.impact) });
    }

    const years = financialYearsBetween(timeline.planStart, timeline.planEnd);
    for (const line of DEMO_BUDGET_LINES) {
      const budgetLineId = this.add(budgetLines, {
        planId: this.planId,
        name: line.name,
        kind: line.kind,
        description: line.description,
      }).id;
      line.allocations.forEach((pounds, index) => {
        const financialYearKey = years[index];
        if (!financialYearKey) return;
        const spentPounds = Math.round(pounds * line.spendRatio * shareOfYearElapsed(financialYearKey, calendar.today));
        this.add(budgetEntries, {
          budgetLineId,
          financialYear: financialYearKey,
          allocatedPence: pounds * 100,
          spentPence: spentPounds * 100,
        });
      });
    }

    const { recruits, ...projection } = DEMO_WORKFORCE_PROJECTION;
    this.add(workforceProjections, {
      planId: this.planId,
      ...projection,
      startYear: financialYear(calendar.today),
      recruits: Object.fromEntries(Object.entries(recruits).map(([channel, counts]) => [channel, [...counts]])),
    });
  }
}

function riskRag(score: number): Rag {
  if (score >= 15) return 'red';
  if (score >= 8) return 'amber';
  return 'green';
}

/** 0 for a year not begun, 1 for a year ended, and the share of days gone for the current one. */
function shareOfYearElapsed(year: string, today: string): number {
  const { start, end } = financialYearBounds(year);
  if (today < start) return 0;
  if (today > end) return 1;
  const length = differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
  return (differenceInCalendarDays(parseISO(today), parseISO(start)) + 1) / length;
}

/**
 * The three latest annual periods published by `today`, oldest first. Children in need and
 * looked-after statistics for the year to 31 March come out in the autumn (allow eight months);
 * the workforce census as at 30 September comes out the following February (allow five).
 */
function comparatorPeriods(today: string, collection: DemoComparators['collection']): { period: string; periodEnd: string }[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (collection === 'year-to-march') {
    // Published by December of the year the financial year ends in.
    const latestEndYear = month >= 12 ? year : year - 1;
    return [2, 1, 0].map((back) => {
      const endYear = latestEndYear - back;
      return { period: `${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`, periodEnd: `${endYear}-03-31` };
    });
  }
  // Published by March of the following year.
  const latestCensusYear = month >= 3 ? year - 1 : year - 2;
  return [2, 1, 0].map((back) => {
    const censusYear = latestCensusYear - back;
    return { period: `${censusYear}-09`, periodEnd: `${censusYear}-09-30` };
  });
}
