// The statutory timeline, the meetings calendar and what needs attention, through the contract
// on a real database, with the clock fixed on Sunday 22 November 2026.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

const NOW = new Date('2026-11-22T10:00:00Z');
let app: TestApp;

beforeEach(() => {
  app = openTestApp({ clock: () => NOW });
});
afterEach(() => app.close());

/** A GOV.UK-format list holding only 2028, as a newer download would add. */
const BANK_HOLIDAYS_2028 = JSON.stringify({
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      ['New Year’s Day', '2028-01-03'],
      ['Good Friday', '2028-04-14'],
      ['Easter Monday', '2028-04-17'],
      ['Early May bank holiday', '2028-05-01'],
      ['Spring bank holiday', '2028-05-29'],
      ['Summer bank holiday', '2028-08-28'],
      ['Christmas Day', '2028-12-25'],
      ['Boxing Day', '2028-12-26'],
    ].map(([title, date]) => ({ title, date, notes: '', bunting: true })),
  },
});

describe('statutory and expected dates', () => {
  it('computes the action plan deadline 70 working days after the report, with its rule and source', async () => {
    const plan = new PlanBuilder(app);
    const list = await app.call('deadlines.list', { planId: plan.planId });
    const actionPlan = list.deadlines.find((deadline) => deadline.key === 'action-plan');
    // 30 April 2025 plus 70 working days, skipping the May bank holidays (5 and 26 May 2025).
    expect(actionPlan).toMatchObject({ date: '2025-08-08', computedDate: '2025-08-08', statutory: true, override: null });
    expect(actionPlan?.rule).toContain('70 working days');
    expect(actionPlan?.source).toContain('2007/462');
    expect(list.deadlines.map((deadline) => deadline.date)).toEqual([...list.deadlines.map((deadline) => deadline.date)].sort());
  });

  it('says why there are no dates for a plan without an inspection', async () => {
    const plan = new PlanBuilder(app, { inspection: null });
    const list = await app.call('deadlines.list', { planId: plan.planId });
    expect(list.deadlines).toEqual([]);
    expect(list.unavailable).toContain('No inspection is recorded');
  });

  it('keeps every override of a date with its reason, newest first, and can go back to the rule', async () => {
    const plan = new PlanBuilder(app);
    const { planId } = plan;
    await app.call('deadlines.override', { planId, key: 'action-plan', date: '2025-08-15', reason: 'Agreed with the lead inspector on 2 May' });
    let list = await app.call('deadlines.override', { planId, key: 'action-plan', date: '2025-08-22', reason: 'Cabinet date moved by the election' });
    let deadline = list.deadlines.find((candidate) => candidate.key === 'action-plan');
    expect(deadline).toMatchObject({ date: '2025-08-22', computedDate: '2025-08-08', override: { date: '2025-08-22', reason: 'Cabinet date moved by the election', by: 'test user' } });
    expect(deadline?.history.map((change) => [change.from, change.to, change.reason])).toEqual([
      ['2025-08-15', '2025-08-22', 'Cabinet date moved by the election'],
      [null, '2025-08-15', 'Agreed with the lead inspector on 2 May'],
    ]);

    list = await app.call('deadlines.clearOverride', { planId, key: 'action-plan', reason: 'The original date stands after all' });
    deadline = list.deadlines.find((candidate) => candidate.key === 'action-plan');
    expect(deadline).toMatchObject({ date: '2025-08-08', override: null });
    expect(deadline?.history[0]).toMatchObject({ from: '2025-08-22', to: null, reason: 'The original date stands after all' });
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('refuses to override a date the plan does not have, and changes nothing', async () => {
    const plan = new PlanBuilder(app);
    await expectRefusedAt(app, 'deadlines.override', { planId: plan.planId, key: 'reinspection-99', date: '2027-01-01', reason: 'Because' }, 'key');
  });
});

describe('bank holidays', () => {
  it('refuses a file in the wrong format, saying what is wrong, and changes nothing', async () => {
    const before = databaseBytes(app);
    const notJson = await app.send('bankHolidays.load', { fileName: 'holidays.json', content: 'Christmas, Boxing Day' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const badDate = await app.send('bankHolidays.load', {
      fileName: 'holidays.json',
      content: BANK_HOLIDAYS_2028.replace('2028-05-29', '2028-02-30'),
    });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!badDate.ok) expect(badDate.error.message).toContain('2028-02-30');
    expect(databaseBytes(app)).toBe(before);
    expect(await app.call('bankHolidays.get', {})).toMatchObject({ lastYear: 2027, loaded: null });
  });

  it('refuses a file that would leave years between the known ones and its own, saying which', async () => {
    const before = databaseBytes(app);
    const answer = await app.send('bankHolidays.load', { fileName: 'later.json', content: BANK_HOLIDAYS_2028.replaceAll('2028-', '2030-') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!answer.ok) expect(answer.error.message).toContain('so 2028 to 2029 would be missing');
    expect(databaseBytes(app)).toBe(before);
  });

  it('extends the known years with a newer file: a 2028 date stops being provisional and skips the new holiday', async () => {
    const plan = new PlanBuilder(app, { inspection: { reportReceivedDate: '2027-11-15' } });
    const actionPlan = async () =>
      (await app.call('deadlines.list', { planId: plan.planId })).deadlines.find((deadline) => deadline.key === 'action-plan');

    // Counting 70 working days from 15 November 2027 runs into 2028, whose bank holidays are not yet known.
    expect(await actionPlan()).toMatchObject({ computedDate: '2028-02-23', provisional: true });

    const summary = await app.call('bankHolidays.load', { fileName: 'bank-holidays.json', content: BANK_HOLIDAYS_2028 });
    expect(summary).toMatchObject({ firstYear: 2012, lastYear: 2028, loaded: { fileName: 'bank-holidays.json' } });
    // Monday 3 January 2028 (New Year's Day, substitute) is now a holiday, so the deadline moves a working day later.
    expect(await actionPlan()).toMatchObject({ computedDate: '2028-02-24', provisional: false });
  });
});

describe('the meetings calendar', () => {
  it('creates a committee with its meetings from the cadence, then edits and removes meetings', async () => {
    const plan = new PlanBuilder(app);
    const board = await app.call('committees.create', {
      planId: plan.planId,
      name: 'Improvement Board',
      kind: 'improvement-board',
      chair: 'Jane Forsyth, independent chair',
      cadence: 'every-two-months',
      firstMeetingDate: '2026-12-08',
      scheduleUntil: '2027-06-30',
    });
    expect(board.meetings.map((meeting) => meeting.meetingDate)).toEqual(['2026-12-08', '2027-02-09', '2027-04-13', '2027-06-08']);

    const [, second, third] = board.meetings;
    if (!second || !third) throw new Error('expected meetings');
    await app.call('meetings.update', { meetingId: second.id, meetingDate: '2027-02-16', agendaItem: '5' });
    await app.call('meetings.delete', { meetingId: third.id });
    await app.call('meetings.create', { committeeId: board.id, meetingDate: '2027-03-02', agendaItem: '1' });

    const [listed] = await app.call('committees.list', { planId: plan.planId });
    expect(listed?.meetings.map((meeting) => [meeting.meetingDate, meeting.agendaItem])).toEqual([
      ['2026-12-08', null],
      ['2027-02-16', '5'],
      ['2027-03-02', '1'],
      ['2027-06-08', null],
    ]);
    // Removal is a tombstone, so a merge can carry it and the history keeps it.
    const removed = app.core.db.$client.prepare('select deleted_at from meetings where id = ?').pluck().get(third.id);
    expect(removed).toBe(NOW.toISOString());
  });
});

describe('what needs attention', () => {
  function situation() {
    const plan = new PlanBuilder(app);
    const owner = plan.person('Rachel Okafor');
    const actions = {
      overdue: plan.action({ reference: '1.1', status: 'in-progress', rag: 'amber', currentDueDate: '2026-11-01', ownerId: owner }),
      dueSoonAndSilent: plan.action({ reference: '1.2', status: 'in-progress', rag: 'green', currentDueDate: '2026-12-10' }),
      complete: plan.action({ reference: '1.3', status: 'complete', rag: 'blue', currentDueDate: '2026-10-01' }),
      redTwoQuarters: plan.action({ reference: '1.4', status: 'in-progress', rag: 'red', currentDueDate: '2027-03-01' }),
      redOnlyNow: plan.action({ reference: '1.5', status: 'in-progress', rag: 'red', currentDueDate: '2027-03-01' }),
      notYetStarted: plan.action({ reference: '1.6', status: 'not-started', startDate: '2027-01-01', currentDueDate: '2027-06-01' }),
      shouldHaveStarted: plan.action({ reference: '1.7', status: 'not-started', startDate: '2026-10-01', currentDueDate: '2027-06-01' }),
      superseded: plan.action({ reference: '1.8', status: 'superseded', currentDueDate: '2026-01-01' }),
    };
    plan.update(actions.overdue, '2026-11-20', 'amber');
    plan.update(actions.dueSoonAndSilent, '2026-09-01', 'green');
    plan.update(actions.redTwoQuarters, '2026-09-15', 'red');
    plan.update(actions.redTwoQuarters, '2026-11-15', 'red');
    plan.update(actions.redOnlyNow, '2026-09-15', 'amber');
    plan.update(actions.redOnlyNow, '2026-11-01', 'red');
    plan.update(actions.complete, '2026-10-01', 'blue');

    const kpi = (reference: string, polarity: string, targetValue: number, values: [string, number][]) => {
      const id = plan.add(schema.kpis, { planId: plan.planId, reference, name: `KPI ${reference}`, unit: 'percentage', polarity, frequency: 'monthly', targetValue, tolerance: 5 });
      for (const [period, value] of values) plan.add(schema.kpiValues, { kpiId: id, period, periodEnd: `${period}-28`, value });
    };
    kpi('K1', 'higher-is-better', 90, [['2026-09', 88], ['2026-10', 80]]);
    kpi('K2', 'lower-is-better', 20, [['2026-09', 18], ['2026-10', 17]]);
    kpi('K3', 'higher-is-better', 90, [['2026-09', 95], ['2026-10', 92]]);

    const recommendation = (number: number, actionId: string) => {
      const id = plan.add(schema.recommendations, { planId: plan.planId, number, text: `Recommendation ${number}` });
      plan.add(schema.actionRecommendations, { actionId, recommendationId: id });
    };
    recommendation(1, actions.overdue);
    recommendation(2, actions.complete);
    recommendation(3, actions.superseded);
    return plan;
  }

  it('lists overdue, due-soon, silent and escalated actions, KPIs of concern and uncovered recommendations, each with its reason', async () => {
    const plan = situation();
    const attention = await app.call('attention.get', { planId: plan.planId });
    const references = (list: { reference: string }[]) => list.map((item) => item.reference);

    expect(attention.today).toBe('2026-11-22');
    expect(references(attention.overdueActions)).toEqual(['1.1']);
    expect(attention.overdueActions[0]?.reason).toBe('Was due 1 November 2026, 21 days ago.');
    expect(attention.overdueActions[0]?.ownerName).toBe('Rachel Okafor');
    expect(references(attention.actionsDueSoon)).toEqual(['1.2']);
    expect(attention.actionsDueSoon[0]?.reason).toBe('Due 10 December 2026, in 18 days.');
    expect(references(attention.staleActions)).toEqual(['1.2', '1.7']);
    expect(attention.staleActions.map((action) => action.reason)).toEqual([
      'Last updated 1 September 2026, 82 days ago.',
      'No progress update has been written yet.',
    ]);
    expect(references(attention.escalations)).toEqual(['1.4']);
    expect(attention.escalations[0]?.reason).toBe('Red in each of the last 2 quarters (Q2 2026/27, Q3 2026/27).');
    expect(attention.kpisOfConcern.map((kpi) => [kpi.reference, kpi.rag, kpi.direction])).toEqual([
      ['K1', 'red', 'worsening'],
      ['K3', 'green', 'worsening'],
    ]);
    expect(attention.kpisOfConcern[0]?.ragExplanation).toBe('Red: 80% misses the target of 90% by more than the tolerance of 5%.');
    expect(attention.uncoveredRecommendations.map((recommendation) => recommendation.number)).toEqual([3]);
    expect(attention.deadlinesSoon.map((deadline) => deadline.key)).toEqual(['monitoring-visit-6']);
  });

  it('follows the rules the board sets, and keeps them', async () => {
    const plan = situation();
    await app.call('attention.updateRules', { planId: plan.planId, staleAfterDays: 90, lookAheadDays: 120, escalateAfterRedQuarters: 1 });
    const attention = await app.call('attention.get', { planId: plan.planId });
    expect(attention.rules).toEqual({ staleAfterDays: 90, lookAheadDays: 120, escalateAfterRedQuarters: 1 });
    expect(attention.staleActions.map((action) => action.reference)).toEqual(['1.7']);
    expect(attention.actionsDueSoon.map((action) => action.reference)).toEqual(['1.2', '1.4', '1.5']);
    expect(attention.escalations.map((action) => action.reference)).toEqual(['1.4', '1.5']);
  });
});

describe('the timeline', () => {
  it('puts the inspection, dates, stages, visits, meetings and open actions in date order', async () => {
    const plan = new PlanBuilder(app);
    plan.add(schema.planStages, { planId: plan.planId, name: 'Stabilise', startDate: '2025-05-01', endDate: '2026-01-31' });
    plan.add(schema.reviews, { planId: plan.planId, kind: 'monitoring-visit', title: 'First monitoring visit', visitStartDate: '2025-09-02', letterDate: '2025-09-30' });
    plan.action({ reference: '2.1', status: 'in-progress', rag: 'red', currentDueDate: '2026-12-01' });
    plan.action({ reference: '2.2', status: 'complete', rag: 'blue', currentDueDate: '2026-06-01' });
    await app.call('committees.create', { planId: plan.planId, name: 'Cabinet', kind: 'cabinet', cadence: 'ad-hoc', firstMeetingDate: '2026-12-15' });

    const timeline = await app.call('timeline.get', { planId: plan.planId });
    expect(timeline.today).toBe('2026-11-22');
    expect(new Set(timeline.events.map((event) => event.kind))).toEqual(new Set(['inspection', 'deadline', 'stage', 'review', 'meeting', 'action-due']));
    expect(timeline.events.map((event) => event.date)).toEqual([...timeline.events.map((event) => event.date)].sort());
    const titles = timeline.events.map((event) => event.title);
    expect(titles).toContain('Action 2.1 due');
    expect(titles).not.toContain('Action 2.2 due');
    expect(titles).toContain('Monitoring visit letter: First monitoring visit');
    expect(timeline.events.find((event) => event.title === 'Action 2.1 due')?.rag).toBe('red');
  });
});

describe('recording the inspection', () => {
  it('records a plan’s inspection with a grade per area, and the statutory dates follow from it', async () => {
    const plan = new PlanBuilder(app, { inspection: null });
    expect(await app.call('inspections.get', { planId: plan.planId })).toBeNull();
    const saved = await app.call('inspections.save', {
      planId: plan.planId,
      framework: 'ilacs',
      startDate: '2026-09-07',
      endDate: '2026-09-18',
      reportReceivedDate: '2026-10-23',
      overallJudgement: 'requires-improvement',
      judgements: { 'impact-of-leaders': 'requires-improvement', 'children-in-care': 'good' },
    });
    expect(saved).toMatchObject({ framework: 'ilacs', reportReceivedDate: '2026-10-23', judgements: { 'children-in-care': 'good' } });
    const dates = await app.call('deadlines.list', { planId: plan.planId });
    expect(dates.deadlines.find((deadline) => deadline.key === 'action-plan')?.date).toBeDefined();
    expect(dates.deadlines.some((deadline) => deadline.kind === 'standard-inspection')).toBe(true);

    // Changing a grade, clearing one and grading it again keeps one row per area.
    await app.call('inspections.save', { planId: plan.planId, framework: 'ilacs', startDate: '2026-09-07', judgements: { 'children-in-care': 'requires-improvement' } });
    const again = await app.call('inspections.save', {
      planId: plan.planId,
      framework: 'ilacs',
      startDate: '2026-09-07',
      reportReceivedDate: '2026-10-23',
      judgements: { 'impact-of-leaders': 'inadequate', 'children-in-care': 'requires-improvement' },
    });
    expect(again.judgements).toEqual({ 'impact-of-leaders': 'inadequate', 'children-in-care': 'requires-improvement' });
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('refuses a report received before the inspection started, naming the date, and saves nothing', async () => {
    const plan = new PlanBuilder(app, { inspection: null });
    await expectRefusedAt(
      app,
      'inspections.save',
      { planId: plan.planId, framework: 'ilacs', startDate: '2026-09-07', reportReceivedDate: '2026-09-01' },
      'reportReceivedDate',
      'The report cannot have been received before the inspection started (7 September 2026)',
    );
  });
});
