// Versions of a plan (a refresh after a monitoring visit, the comparison of two versions) and
// sub-plans (a sprint linked to main-plan actions), through the contract on a real database,
// with the clock fixed on Sunday 22 November 2026.
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import * as schema from '../../db/schema';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefused } from '../support/refusals';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp, type TestApp } from '../support/temp-app';

const NOW = new Date('2026-11-22T10:00:00Z');
let app: TestApp;
afterEach(() => app?.close());

/**
 * A small plan: two themes, two recommendations, a KPI with three months of values, and five
 * actions of every status, linked, with milestones, updates, evidence and dependencies.
 */
function buildPlan() {
  const plan = new PlanBuilder(app, { title: 'Improvement plan 2026' });
  const owner = plan.person('Rachel Okafor');
  const leadership = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Leadership' });
  const practice = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Practice' });
  plan.add(schema.planStages, { planId: plan.planId, name: 'Stabilise', startDate: '2026-01-01', endDate: '2026-06-30' });
  const oversight = plan.add(schema.recommendations, { planId: plan.planId, number: 1, text: 'Management oversight of practice.' });
  const missing = plan.add(schema.recommendations, { planId: plan.planId, number: 2, text: 'Return home interviews.' });
  plan.add(schema.recommendationThemes, { recommendationId: oversight, themeId: leadership });
  plan.add(schema.recommendationThemes, { recommendationId: missing, themeId: practice });
  const kpi = plan.add(schema.kpis, {
    planId: plan.planId,
    reference: 'K1',
    name: 'Assessments within 45 working days',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    targetValue: 85,
  });
  for (const [period, value] of [['2026-08', 71], ['2026-09', 74], ['2026-10', 78]] as const) {
    plan.add(schema.kpiValues, { kpiId: kpi, period, periodEnd: `${period}-28`, value });
  }
  plan.add(schema.kpiThemes, { kpiId: kpi, themeId: practice });

  const supervision = plan.action({
    reference: '1.1',
    title: 'Rewrite the supervision policy',
    themeId: leadership,
    status: 'in-progress',
    rag: 'amber',
    ownerId: owner,
    baselineDueDate: '2026-09-30',
    currentDueDate: '2026-12-31',
  });
  const audit = plan.action({ reference: '1.2', title: 'Audit supervision', themeId: leadership, status: 'not-started', currentDueDate: '2027-02-28' });
  const thresholds = plan.action({ reference: '1.3', title: 'Front door thresholds', themeId: leadership, status: 'complete', rag: 'blue' });
  const interviews = plan.action({ reference: '2.1', title: 'Return home interviews', themeId: practice, status: 'awaiting-evidence', rag: 'green' });
  const old = plan.action({ reference: '2.2', title: 'Old missing protocol', themeId: practice, status: 'superseded' });

  plan.add(schema.actionDueDateChanges, { actionId: supervision, fromDate: '2026-09-30', toDate: '2026-12-31', reason: 'Waiting for the new principal social worker' });
  plan.add(schema.actionRecommendations, { actionId: supervision, recommendationId: oversight });
  plan.add(schema.actionRecommendations, { actionId: interviews, recommendationId: missing });
  plan.add(schema.actionKpis, { actionId: interviews, kpiId: kpi });
  plan.add(schema.milestones, { actionId: supervision, title: 'Draft agreed', dueDate: '2026-10-01', completedDate: '2026-10-03' });
  plan.add(schema.milestones, { actionId: supervision, title: 'Policy signed off', dueDate: '2026-12-15' });
  plan.update(supervision, '2026-11-01', 'amber', 'The draft policy is with the unions.');
  plan.add(schema.evidence, { actionId: interviews, kind: 'note', title: 'Audit of interviews', note: '18 of 20 within 72 hours.' });
  plan.add(schema.actionDependencies, { actionId: audit, dependsOnActionId: supervision });
  plan.add(schema.actionDependencies, { actionId: interviews, dependsOnActionId: thresholds });
  return { plan, owner, kpi, ids: { supervision, audit, thresholds, interviews, old } };
}

const REASON = 'After the second monitoring visit (front door), 3 November 2026';

describe('refreshing a plan after a monitoring visit', () => {
  it('carries exactly the open actions, with their links, milestones not done and dependencies among them', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan, kpi, ids } = buildPlan();

    const result = await app.call('plans.refresh', { planId: plan.planId, reason: REASON });
    expect(result).toMatchObject({
      plan: { version: 2, status: 'active', title: 'Improvement plan 2026', reason: REASON, actionCount: 3, openActionCount: 3 },
      previous: { id: plan.planId, version: 1, status: 'superseded', actionCount: 5, supersededAt: NOW.toISOString() },
      carriedActionCount: 3,
      notCarriedActionCount: 2,
    });
    const newPlanId = result.plan.id;
    const stored = app.core.db.select().from(schema.plans).all().find((row) => row.id === newPlanId);
    expect(stored).toMatchObject({ seriesId: 'series', previousVersionId: plan.planId, authorityId: plan.authorityId, kind: 'main' });

    const carried = await app.call('actions.list', { planId: newPlanId });
    expect(carried.map((action) => [action.reference, action.status])).toEqual([
      ['1.1', 'in-progress'],
      ['1.2', 'not-started'],
      ['2.1', 'awaiting-evidence'],
    ]);
    const origins = app.core.db.select().from(schema.actions).all().filter((action) => action.planId === newPlanId);
    expect(Object.fromEntries(origins.map((action) => [action.reference, action.carriedFromActionId]))).toEqual({
      '1.1': ids.supervision,
      '1.2': ids.audit,
      '2.1': ids.interviews,
    });

    const newId = (reference: string) => carried.find((action) => action.reference === reference)?.id ?? '';
    const supervision = await app.call('actions.get', { actionId: newId('1.1') });
    expect(supervision).toMatchObject({
      title: 'Rewrite the supervision policy',
      rag: 'amber',
      owner: { name: 'Rachel Okafor' },
      theme: { reference: '1', title: 'Leadership' },
      baselineDueDate: '2026-09-30',
      currentDueDate: '2026-12-31',
      dueDateMoves: 1,
    });
    expect(supervision.theme?.id).not.toBe(plan.planId);
    expect(supervision.milestones.map((milestone) => milestone.title)).toEqual(['Policy signed off']);
    expect(supervision.progressUpdates.map((update) => update.narrative)).toEqual(['The draft policy is with the unions.']);
    expect(supervision.recommendations.map((recommendation) => recommendation.text)).toEqual(['Management oversight of practice.']);
    expect(supervision.dependents.map((dependency) => dependency.reference)).toEqual(['1.2']);
    expect(supervision.dependents[0]?.actionId).toBe(newId('1.2'));

    const interviews = await app.call('actions.get', { actionId: newId('2.1') });
    expect(interviews.dependsOn).toEqual([]);
    expect(interviews.evidence.map((item) => item.title)).toEqual(['Audit of interviews']);
    expect(interviews.kpis.map((link) => link.reference)).toEqual(['K1']);
    expect(interviews.kpis[0]?.id).not.toBe(kpi);

    // The copied recommendations, themes and KPIs belong to the new version, mapped to each other.
    const recommendations = await app.call('recommendations.list', { planId: newPlanId });
    expect(recommendations.map((recommendation) => [recommendation.number, recommendation.themes.map((theme) => theme.title), recommendation.covered])).toEqual([
      [1, ['Leadership'], true],
      [2, ['Practice'], true],
    ]);
    const overview = await app.call('plans.overview', { planId: newPlanId });
    expect(overview.themes.map((theme) => theme.title)).toEqual(['Leadership', 'Practice']);
    expect(overview.stages.map((stage) => stage.name)).toEqual(['Stabilise']);
    expect(overview.kpis).toMatchObject([{ reference: 'K1', targetValue: 85, latest: { period: '2026-10', value: 78 }, previous: { period: '2026-09', value: 74 } }]);
    expect(overview.kpis[0]?.id).not.toBe(kpi);

    // The earlier version is untouched: every action, milestone and link still there.
    const before = await app.call('actions.list', { planId: plan.planId });
    expect(before.map((action) => action.reference)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
    expect((await app.call('actions.get', { actionId: ids.interviews })).dependsOn.map((dependency) => dependency.reference)).toEqual(['1.3']);
    expect((await app.call('actions.get', { actionId: ids.supervision })).milestones).toHaveLength(2);

    const listed = await app.call('plans.list', {});
    expect(listed.map((summary) => [summary.version, summary.status]).sort()).toEqual([
      [1, 'superseded'],
      [2, 'active'],
    ]);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('keeps the superseded version readable and refuses to change it', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan } = buildPlan();
    const { plan: current } = await app.call('plans.refresh', { planId: plan.planId, title: 'Improvement plan 2027', reason: REASON });

    await expectRefused(app, 'plans.update', { planId: plan.planId, title: 'Renamed' }, { code: 'conflict', message: /version 1 of “Improvement plan 2026”, superseded on 22 November 2026 by version 2/ });
    await expectRefused(app, 'plans.refresh', { planId: plan.planId, reason: 'Again after the visit' }, { code: 'conflict', message: /superseded/ });
    await expectRefused(
      app,
      'plans.createSubPlan',
      { parentPlanId: plan.planId, kind: 'sprint', title: 'Sprint', startDate: '2026-12-01', endDate: '2027-02-22' },
      { code: 'conflict', message: /current version/ },
    );
    expect((await app.call('plans.overview', { planId: plan.planId })).actions).toHaveLength(5);

    const renamed = await app.call('plans.update', { planId: current.id, summary: 'After the second visit' });
    expect(renamed).toMatchObject({ title: 'Improvement plan 2027', version: 2, status: 'active' });

    const { versions, currentPlanId } = await app.call('plans.versions', { planId: plan.planId });
    expect(currentPlanId).toBe(current.id);
    expect(versions).toMatchObject([
      { id: plan.planId, version: 1, status: 'superseded', reason: null, supersededAt: NOW.toISOString(), actionCount: 5, openActionCount: 3, completeActionCount: 1, createdBy: 'test user' },
      { id: current.id, version: 2, status: 'active', title: 'Improvement plan 2027', reason: REASON, supersededAt: null, actionCount: 3, openActionCount: 3 },
    ]);
    expect((await app.call('db.check', {})).auditChain.ok).toBe(true);
  });

  it('refreshes the demo plan in one change, carrying its 37 open actions and its KPI series whole', async () => {
    app = openTestApp({ seedDemo: true, clock: () => NOW });
    const [demo] = await app.call('plans.list', {});
    if (!demo) throw new Error('no demo plan');
    const sqlite = app.core.db.$client;
    const changesBefore = sqlite.prepare('select count(distinct change_id) from audit_log').pluck().get() as number;
    const result = await app.call('plans.refresh', { planId: demo.id, reason: REASON });
    expect(result).toMatchObject({ carriedActionCount: 37, notCarriedActionCount: 23, plan: { actionCount: 37 } });
    expect(sqlite.prepare('select count(distinct change_id) from audit_log').pluck().get()).toBe(changesBefore + 1);
    const values = (planId: string) =>
      sqlite.prepare('select count(*) from kpi_values v join kpis k on k.id = v.kpi_id where k.plan_id = ?').pluck().get(planId);
    expect(values(result.plan.id)).toBe(values(demo.id));
    const [oldOverview, newOverview] = [await app.call('plans.overview', { planId: demo.id }), await app.call('plans.overview', { planId: result.plan.id })];
    expect(newOverview.kpis.map(({ id: _id, ...tile }) => tile)).toEqual(oldOverview.kpis.map(({ id: _id, ...tile }) => tile));
    expect(newOverview.recommendationCount).toBe(oldOverview.recommendationCount);
    expect((await app.call('committees.list', { planId: result.plan.id })).length).toBe((await app.call('committees.list', { planId: demo.id })).length);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});

describe('comparing two versions', () => {
  it('lists the actions added, not carried and changed, with the fields that differ, and the themes and recommendations', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan } = buildPlan();
    const newOwner = plan.person('Sam Adeyemi');
    const { plan: current } = await app.call('plans.refresh', { planId: plan.planId, reason: REASON });
    const carried = await app.call('actions.list', { planId: current.id });
    const idOf = (reference: string) => carried.find((action) => action.reference === reference)?.id ?? '';

    await app.call('actions.changeDueDate', { actionId: idOf('1.1'), dueDate: '2027-03-31', reason: 'The unions asked for more time' });
    await app.call('actions.update', { actionId: idOf('1.1'), rag: 'red', ownerId: newOwner });
    await app.call('actions.delete', { actionId: idOf('1.2') });
    await app.call('actions.create', { planId: current.id, reference: '3.1', title: 'Front door: consent and thresholds' });
    const themes = await app.call('themes.list', { planId: current.id });
    await app.call('themes.update', { themeId: themes.find((theme) => theme.reference === '2')?.id ?? '', title: 'Social work practice' });
    await app.call('recommendations.add', { planId: current.id, texts: ['Consent at the front door.'] });

    const comparison = await app.call('plans.compare', { fromPlanId: plan.planId, toPlanId: current.id });
    expect(comparison.from).toMatchObject({ id: plan.planId, version: 1, status: 'superseded' });
    expect(comparison.to).toMatchObject({ id: current.id, version: 2 });
    expect(comparison.actions.added.map((action) => action.reference)).toEqual(['3.1']);
    expect(comparison.actions.removed.map((action) => [action.reference, action.reason])).toEqual([
      ['1.2', 'deleted'],
      ['1.3', 'complete'],
      ['2.2', 'superseded'],
    ]);
    expect(comparison.actions.changed).toHaveLength(1);
    expect(comparison.actions.changed[0]?.to.reference).toBe('1.1');
    expect(comparison.actions.changed[0]?.changes).toEqual([
      { field: 'owner', from: 'Rachel Okafor', to: 'Sam Adeyemi' },
      { field: 'currentDueDate', from: '2026-12-31', to: '2027-03-31' },
      { field: 'rag', from: 'amber', to: 'red' },
    ]);
    expect(comparison.actions.unchangedCount).toBe(1);
    expect(comparison.themes).toMatchObject({ added: [], removed: [], renamed: [{ reference: '2', fromTitle: 'Practice', toTitle: 'Social work practice' }] });
    expect(comparison.recommendations.added.map((recommendation) => recommendation.text)).toEqual(['Consent at the front door.']);
    expect(comparison.recommendations.removed).toEqual([]);

    // Chosen the other way round, the comparison still reads from the earlier version to the later.
    expect(await app.call('plans.compare', { fromPlanId: current.id, toPlanId: plan.planId })).toEqual(comparison);
  });

  it('matches actions across several versions, through the versions between', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan } = buildPlan();
    const second = (await app.call('plans.refresh', { planId: plan.planId, reason: REASON })).plan;
    const carried = await app.call('actions.list', { planId: second.id });
    await app.call('actions.update', { actionId: carried.find((action) => action.reference === '2.1')?.id ?? '', status: 'complete', rag: 'blue' });
    const third = (await app.call('plans.refresh', { planId: second.id, reason: 'After the third monitoring visit' })).plan;

    const comparison = await app.call('plans.compare', { fromPlanId: plan.planId, toPlanId: third.id });
    expect(comparison.actions.added).toEqual([]);
    expect(comparison.actions.removed.map((action) => [action.reference, action.reason])).toEqual([
      ['1.3', 'complete'],
      ['2.1', 'complete'],
      ['2.2', 'superseded'],
    ]);
    expect(comparison.actions.unchangedCount).toBe(2);
    expect((await app.call('plans.versions', { planId: third.id })).versions.map((version) => [version.version, version.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'active'],
    ]);
  });

  it('refuses two plans that are not versions of one another', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan } = buildPlan();
    const other = await app.call('plans.create', { title: 'Leaving care plan', authorityId: plan.authorityId });
    const answer = await app.send('plans.compare', { fromPlanId: plan.planId, toPlanId: other.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'toPlanId' }] } } });
  });
});

describe('sub-plans', () => {
  it('makes a 12-week sprint linked to main-plan actions, with its own actions and its progress', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan, ids } = buildPlan();
    const sprint = await app.call('plans.createSubPlan', {
      parentPlanId: plan.planId,
      kind: 'sprint',
      title: 'Front door sprint',
      startDate: '2026-11-02',
      endDate: '2027-01-24',
      linkedActionIds: [ids.supervision, ids.interviews],
    });
    expect(sprint).toMatchObject({
      parentPlanId: plan.planId,
      kind: 'sprint',
      status: 'active',
      progress: { actionCount: 0, percentComplete: 0, durationDays: 84, elapsedDays: 21, daysLeft: 63 },
    });
    expect(sprint.linkedActions.map((action) => action.reference)).toEqual(['1.1', '2.1']);

    // A sub-plan is a plan: its actions are made the usual way.
    await app.call('actions.create', { planId: sprint.id, reference: 'S1', title: 'Daily MASH huddle', status: 'complete', rag: 'blue' });
    await app.call('actions.create', { planId: sprint.id, reference: 'S2', title: 'Consent training', status: 'in-progress', rag: 'amber' });
    await app.call('actions.create', { planId: sprint.id, reference: 'S3', title: 'Dropped idea', status: 'superseded' });
    const [listed] = await app.call('plans.subPlans', { planId: plan.planId });
    expect(listed?.progress).toMatchObject({
      actionCount: 3,
      byStatus: { complete: 1, 'in-progress': 1, superseded: 1, 'not-started': 0 },
      ragCounts: { blue: 1, amber: 1, unrated: 1 },
      percentComplete: 50,
    });
    expect((await app.call('plans.list', {})).find((summary) => summary.id === sprint.id)).toMatchObject({ kind: 'sprint', parentPlanId: plan.planId });

    const relinked = await app.call('plans.setSubPlanLinks', { subPlanId: sprint.id, actionIds: [ids.interviews, ids.audit] });
    expect(relinked.linkedActions.map((action) => action.reference)).toEqual(['1.2', '2.1']);
    const other = await app.call('plans.create', { title: 'Another plan', authorityId: plan.authorityId });
    const stranger = (await app.call('actions.create', { planId: other.id, reference: '9.9', title: 'Not of this plan' })).id;
    await expectRefused(app, 'plans.setSubPlanLinks', { subPlanId: sprint.id, actionIds: [stranger] }, { code: 'invalid-input', message: /not among the main plan’s actions/, field: 'actionIds' });
    await expectRefused(
      app,
      'plans.createSubPlan',
      { parentPlanId: sprint.id, kind: 'sprint', title: 'Sprint of a sprint', startDate: '2026-12-01', endDate: '2027-01-01' },
      { code: 'invalid-input', message: /itself a sub-plan/, field: 'parentPlanId' },
    );
    await expectRefused(app, 'plans.setSubPlanLinks', { subPlanId: plan.planId, actionIds: [] }, { code: 'invalid-input', message: /main plan/, field: 'subPlanId' });
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('follows the main plan into its new version, its links following the carried actions', async () => {
    app = openTestApp({ clock: () => NOW });
    const { plan, ids } = buildPlan();
    const service = await app.call('plans.createSubPlan', {
      parentPlanId: plan.planId,
      kind: 'service',
      title: 'Leaving care improvement plan',
      startDate: '2026-10-01',
      endDate: '2027-09-30',
      summary: 'Care leavers in touch, in suitable accommodation and in education, employment or training.',
      linkedActionIds: [ids.interviews, ids.thresholds],
    });
    const { plan: current } = await app.call('plans.refresh', { planId: plan.planId, reason: REASON });

    expect(await app.call('plans.subPlans', { planId: plan.planId })).toEqual([]);
    const [moved] = await app.call('plans.subPlans', { planId: current.id });
    expect(moved).toMatchObject({ id: service.id, parentPlanId: current.id });
    // The complete action stays linked where it was; the open one is now its carried copy.
    expect(moved?.linkedActions.map((action) => [action.reference, action.planId === current.id])).toEqual([
      ['1.3', false],
      ['2.1', true],
    ]);
    const kept = await app.call('plans.setSubPlanLinks', { subPlanId: service.id, actionIds: (moved?.linkedActions ?? []).map((action) => action.id) });
    expect(kept.linkedActions).toHaveLength(2);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});

describe('migration 0002_sub_plan_links', () => {
  it('adds the sub-plan links to a populated database without losing a row', async () => {
    const folder = path.join(makeTempDirectory('g2g-migrations-'), 'migrations');
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    // The database as the version before 0002 left it: every migration from 0002 on is taken away.
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === '0002_sub_plan_links'));
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const earlier = openTestApp({ seedDemo: true, migrationsFolder: folder });
    earlier.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    earlier.close();
    const counts = (sqlite: Sqlite.Database) =>
      ['plans', 'actions', 'kpi_values', 'audit_log'].map((table) => sqlite.prepare(`select count(*) from ${table}`).pluck().get());
    const before = new Sqlite(earlier.databaseFile, { readonly: true });
    const countsBefore = counts(before);
    expect(before.prepare("select count(*) from sqlite_master where name = 'sub_plan_links'").pluck().get()).toBe(0);
    before.close();

    const opened = openDatabase({ file: earlier.databaseFile, migrationsFolder: MIGRATIONS_FOLDER });
    expect(opened.preMigrationBackup).not.toBeNull();
    expect(counts(opened.sqlite)).toEqual(countsBefore);
    expect(opened.sqlite.prepare('select count(*) from sub_plan_links').pluck().get()).toBe(0);
    opened.sqlite.close();
  });
});

describe('a superseded version stays as it was', () => {
  it('refuses a change to its actions through any method, saving nothing, and the refresh itself can be undone', async () => {
    app = openTestApp({ clock: () => NOW });
    const plan = new PlanBuilder(app);
    const open = plan.action({ reference: '1.1', title: 'Open action', status: 'in-progress' });
    const refreshed = await app.send('plans.refresh', { planId: plan.planId, reason: REASON });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    const [refreshChange] = refreshed.changes ?? [];

    const before = databaseBytes(app);
    const edit = await app.send('actions.update', { actionId: open, title: 'Edited in the old version' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!edit.ok) expect(edit.error.message).toMatch(/^Nothing was saved: this is version 1 of “Improvement plan”, superseded/);
    const update = await app.send('progressUpdates.create', { actionId: open, updateDate: '2026-11-20', narrative: 'Late note', authorName: 'Lead' });
    expect(update).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(databaseBytes(app)).toBe(before);

    // Undoing the refresh brings version 1 back as the current plan and removes version 2.
    await app.call('changes.undo', { changeId: refreshChange ?? '' });
    const plans = await app.call('plans.list', {});
    expect(plans.filter((candidate) => candidate.status !== 'superseded').map((candidate) => [candidate.id, candidate.version])).toEqual([[plan.planId, 1]]);
    await app.call('actions.update', { actionId: open, title: 'Edited after the undo' });
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});
