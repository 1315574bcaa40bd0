import { afterEach, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/dates';
import { openTestApp, type TestApp } from '../support/temp-app';

const TODAY = new Date('2025-11-14T10:30:00Z');

let apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps) app.close();
  apps = [];
});

function openDemo(clock: Date): TestApp {
  const app = openTestApp({ seedDemo: true, clock: () => clock });
  apps.push(app);
  return app;
}

async function demoPlan(app: TestApp) {
  const list = await app.call('plans.list', {});
  expect(list).toHaveLength(1);
  const [plan] = list;
  if (!plan) throw new Error('no plan');
  return { plan, overview: await app.call('plans.overview', { planId: plan.id }) };
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('demo plan', () => {
  it('seeds one active main plan with the breadth of a real improvement plan', async () => {
    const app = openDemo(TODAY);
    const { plan, overview } = await demoPlan(app);

    expect(plan).toMatchObject({ authorityName: 'Northmoor Borough Council', kind: 'main', status: 'active', version: 1, actionCount: 60 });
    expect(overview.inspection).toMatchObject({ framework: 'ilacs', overallJudgement: 'inadequate' });
    expect(overview.stages.map((stage) => stage.name)).toEqual(['Stabilise', 'Embed', 'Continuous improvement to good']);
    expect(overview.themes).toHaveLength(4);
    expect(overview.themes.every((theme) => theme.leadName !== null)).toBe(true);
    expect(overview.actions).toHaveLength(60);
    expect(overview.recommendationCount).toBe(12);
    expect(overview.uncoveredRecommendationCount).toBe(1);
    expect(overview.reviewCount).toBe(3);

    expect(overview.kpis).toHaveLength(20);
    for (const kpi of overview.kpis) {
      expect(kpi.latest, kpi.reference).not.toBeNull();
      expect(kpi.latest?.value, kpi.reference).not.toBeNull();
      expect(kpi.latest?.provisional, kpi.reference).toBe(true);
      expect(kpi.previous, kpi.reference).not.toBeNull();
    }
  });

  it('leaves a database that passes every check, with the whole seed in the audit chain', async () => {
    const app = openDemo(TODAY);
    const check = await app.call('db.check', {});
    expect(check.ok).toBe(true);
    expect(check.integrity).toEqual(['ok']);
    expect(check.foreignKeyProblems).toEqual([]);
    expect(check.auditChain.ok).toBe(true);
    const sqlite = app.core.db.$client;
    const audited = sqlite.prepare("select count(*) from audit_log where operation = 'create'").pluck().get() as number;
    const records = sqlite
      .prepare(
        `select (select count(*) from actions) + (select count(*) from progress_updates) + (select count(*) from kpi_values)
              + (select count(*) from people) + (select count(*) from meetings)`,
      )
      .pluck()
      .get() as number;
    expect(audited).toBe(check.auditChain.entries);
    expect(audited).toBeGreaterThan(records);
  });

  it('has actions that look current: overdue, due soon, complete, and one moved four times', async () => {
    const app = openDemo(TODAY);
    const { plan, overview } = await demoPlan(app);
    const today = londonDate(TODAY);
    const live = overview.actions.filter((action) => action.status === 'not-started' || action.status === 'in-progress');

    expect(plan.overdueCount).toBeGreaterThanOrEqual(1);
    expect(live.some((action) => action.currentDueDate !== null && action.currentDueDate < today)).toBe(true);
    expect(live.some((action) => action.currentDueDate !== null && action.currentDueDate >= today && action.currentDueDate <= addDays(today, 30))).toBe(true);
    expect(new Set(overview.actions.map((action) => action.reference)).size).toBe(60);
    expect(overview.actions.filter((action) => action.dueDateMoves === 4)).toHaveLength(1);

    const statuses = new Set(overview.actions.map((action) => action.status));
    expect([...statuses].sort()).toEqual(['awaiting-evidence', 'complete', 'in-progress', 'not-started', 'superseded']);
    for (const action of overview.actions) {
      if (action.status === 'complete') expect(action.rag, action.reference).toBe('blue');
      else expect(action.rag, action.reference).not.toBe('blue');
      expect(action.ownerName, action.reference).not.toBeNull();
      expect(action.leadName, action.reference).not.toBeNull();
    }
  });

  it('holds months of dated progress updates, none after today', () => {
    const app = openDemo(TODAY);
    const sqlite = app.core.db.$client;
    const updates = sqlite.prepare('select count(*) as count, max(update_date) as latest from progress_updates').get() as { count: number; latest: string };
    expect(updates.count).toBeGreaterThanOrEqual(150);
    expect(updates.count).toBeLessThanOrEqual(300);
    expect(updates.latest <= londonDate(TODAY)).toBe(true);
    const months = sqlite.prepare("select count(distinct substr(update_date, 1, 7)) from progress_updates").pluck().get() as number;
    expect(months).toBeGreaterThanOrEqual(12);
  });

  it('holds 24 months of KPI values up to last month, with a suppressed value and comparators', () => {
    const app = openDemo(TODAY);
    const sqlite = app.core.db.$client;
    const perKpi = sqlite.prepare('select count(*) as count, max(period) as latest from kpi_values group by kpi_id').all() as { count: number; latest: string }[];
    expect(perKpi).toHaveLength(20);
    for (const kpi of perKpi) expect(kpi).toEqual({ count: 24, latest: '2025-10' });

    const suppressed = sqlite
      .prepare("select count(*) from kpi_values where suppression_code is not null and value is null and period <= '2025-10'")
      .pluck()
      .get() as number;
    expect(suppressed).toBeGreaterThanOrEqual(1);
    const zeroesWithCodes = sqlite.prepare('select count(*) from kpi_values where suppression_code is not null and value is not null').pluck().get() as number;
    expect(zeroesWithCodes).toBe(0);

    const kinds = sqlite.prepare('select distinct kind from kpi_comparators order by kind').pluck().all();
    expect(kinds).toEqual(['england', 'region', 'statistical-neighbours']);
  });

  it('links monitoring visit findings to the actions that answer them', () => {
    const app = openDemo(TODAY);
    const sqlite = app.core.db.$client;
    const visits = sqlite
      .prepare("select count(*) from reviews where kind = 'monitoring-visit' and letter_date is not null and letter_date <= ?")
      .pluck()
      .get(londonDate(TODAY)) as number;
    expect(visits).toBe(3);
    const links = sqlite.prepare('select count(*) from finding_actions').pluck().get() as number;
    expect(links).toBeGreaterThanOrEqual(1);
    const kinds = sqlite.prepare('select distinct kind from review_findings order by kind').pluck().all();
    expect(kinds).toEqual(['area-to-improve', 'strength']);
  });

  it('has a governance calendar with past and future meetings', () => {
    const app = openDemo(TODAY);
    const sqlite = app.core.db.$client;
    const today = londonDate(TODAY);
    const committeeKinds = sqlite.prepare('select kind from committees order by kind').pluck().all();
    expect(committeeKinds).toEqual(['cabinet', 'corporate-parenting', 'improvement-board', 'operational-group', 'scrutiny']);
    const past = sqlite.prepare('select count(*) from meetings where meeting_date <= ?').pluck().get(today) as number;
    const future = sqlite.prepare('select count(*) from meetings where meeting_date > ?').pluck().get(today) as number;
    expect(past).toBeGreaterThan(0);
    expect(future).toBeGreaterThan(0);
    expect(sqlite.prepare('select count(*) from risks').pluck().get()).toBeGreaterThan(0);
    expect(sqlite.prepare('select count(*) from budget_entries').pluck().get()).toBeGreaterThan(0);
    expect(sqlite.prepare('select count(*) from workforce_projections').pluck().get()).toBe(1);
  });

  it('seeds the same content for the same clock', async () => {
    const content = async (app: TestApp) => {
      const { overview } = await demoPlan(app);
      const values = app.core.db.$client.prepare('select period, value, suppression_code from kpi_values order by period, value').all();
      return {
        actions: overview.actions.map(({ id: _id, themeId: _themeId, ownerId: _ownerId, leadId: _leadId, ...rest }) => rest),
        kpis: overview.kpis.map(({ id: _id, ...rest }) => rest),
        values,
      };
    };
    expect(await content(openDemo(TODAY))).toEqual(await content(openDemo(TODAY)));
  });

  it.each([
    ['early in a month', '2026-03-01T08:00:00Z'],
    ['the night the clocks go forward', '2026-03-29T00:30:00Z'],
    ['New Year’s Day', '2027-01-01T00:00:00Z'],
    ['late in the summer', '2025-08-31T23:30:00Z'],
    ['just after Christmas', '2026-12-28T12:00:00Z'],
    ['a leap day', '2028-02-29T12:00:00Z'],
  ])('keeps its shape whatever the date (%s)', async (_label, instant) => {
    const clock = new Date(instant);
    const app = openDemo(clock);
    const { plan, overview } = await demoPlan(app);
    const today = londonDate(clock);
    expect(plan.actionCount).toBe(60);
    expect(plan.overdueCount).toBeGreaterThanOrEqual(1);
    expect(overview.uncoveredRecommendationCount).toBe(1);
    expect(overview.kpis.every((kpi) => kpi.latest?.value !== null && kpi.latest?.value !== undefined)).toBe(true);
    expect(overview.inspection?.startDate !== undefined && overview.inspection.startDate < today).toBe(true);
    const sqlite = app.core.db.$client;
    const suppressed = sqlite.prepare('select count(*) from kpi_values where suppression_code is not null').pluck().get() as number;
    expect(suppressed).toBeGreaterThanOrEqual(1);
    const count = (sql: string) => sqlite.prepare(sql).pluck().get({ today }) as number;
    expect(count('select count(*) from progress_updates where update_date > @today')).toBe(0);
    expect(count('select count(*) from progress_updates u join actions a on a.id = u.action_id where u.update_date < a.start_date')).toBe(0);
    expect(count('select count(*) from actions where completed_date > @today or start_date > baseline_due_date')).toBe(0);
    expect(count("select count(*) from actions where status <> 'not-started' and start_date > @today")).toBe(0);
    expect(count('select count(*) from milestones where completed_date > @today')).toBe(0);
    expect(count('select count(*) from reviews where letter_date > @today')).toBe(0);
    expect(count('select count(*) from kpi_comparators where period_end > @today')).toBe(0);
    expect(count('select count(*) from meetings where meeting_date > @today')).toBeGreaterThan(0);
    // The board's first meeting is the day action 1.1 was completed.
    expect(
      count(`select count(*) from meetings m join committees c on c.id = m.committee_id join actions a on a.reference = '1.1'
             where c.kind = 'improvement-board' and m.meeting_date = a.completed_date`),
    ).toBe(1);
    const check = await app.call('db.check', {});
    expect(check.ok).toBe(true);
  });

  it('marks the DfE-defined KPIs with their catalogue entries, so published figures can be imported into them', async () => {
    const app = openDemo(new Date('2026-11-22T09:00:00Z'));
    const { plan } = await demoPlan(app);
    const catalogue = await app.call('kpis.catalogue', { planId: plan.id });
    const kpis = await app.call('kpis.list', { planId: plan.id });
    const published = catalogue.filter((entry) => entry.published !== null);
    expect(published.length).toBeGreaterThan(0);
    for (const entry of published) expect(kpis.find((kpi) => kpi.id === entry.kpiId)?.name, entry.key).toBeDefined();
  });
});
