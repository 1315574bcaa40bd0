// The benchmark's plan generator writes around the services, so nothing else would notice if the
// schema moved on and it began writing records the app cannot read. A small plan, read back
// through the contract with output checks on, keeps it honest.
import { afterEach, describe, expect, it } from 'vitest';
import { generatePlan, planSize } from '../bench/generate';
import { openTestApp, type TestApp } from '../support/temp-app';

const opened: TestApp[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

function generatedApp(actions: number) {
  const app = openTestApp({ seedDemo: false });
  opened.push(app);
  const generated = generatePlan(app.core.db.$client, planSize(actions));
  return { app, generated };
}

function count(app: TestApp, table: string): number {
  return app.core.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
}

describe('benchmark plan generator', () => {
  it('sizes the reference plan as the benchmark promises, and larger and smaller ones in proportion', () => {
    expect(planSize(5_000)).toEqual({
      actions: 5_000,
      people: 40,
      themes: 8,
      recommendations: 40,
      progressUpdates: 20_000,
      kpis: 200,
      kpiPeriods: 120,
    });
    expect(planSize(500)).toMatchObject({ progressUpdates: 2_000, kpis: 20 });
    expect(planSize(50_000)).toMatchObject({ progressUpdates: 200_000, kpis: 2_000, people: 400 });
  });

  it('writes a plan the app reads back whole through the contract, in a database that passes its checks', async () => {
    const { app, generated } = generatedApp(50);
    const { planId, size, expected } = generated;

    const overview = await app.call('plans.overview', { planId });
    expect(overview.plan.actionCount).toBe(50);
    expect(overview.actions).toHaveLength(50);
    expect(overview.themes).toHaveLength(size.themes);
    expect(overview.kpis).toHaveLength(size.kpis);
    expect(overview.stages).toHaveLength(3);
    expect(overview.inspection?.framework).toBe('ilacs');
    expect(overview.recommendationCount).toBe(size.recommendations);
    expect(overview.uncoveredRecommendationCount).toBe(expected.uncoveredRecommendations);
    expect(overview.uncoveredRecommendationCount).toBeGreaterThan(0);
    expect(overview.plan.ragCounts).toEqual(expected.ragCounts);
    expect(overview.actions.reduce((sum, action) => sum + action.dueDateMoves, 0)).toBe(expected.dueDateMoves);
    for (const tile of overview.kpis) {
      expect(tile.latest?.period).toBe('2025-06');
      expect(tile.previous?.period).toBe('2025-05');
    }

    expect(await app.call('actions.list', { planId })).toEqual(overview.actions);
    expect(count(app, 'progress_updates')).toBe(size.progressUpdates);
    expect(count(app, 'kpi_values')).toBe(size.kpis * size.kpiPeriods);
    expect(count(app, 'people')).toBe(size.people);
    expect(generated.rows.actions).toBe(50);

    const check = await app.call('db.check', {});
    expect(check).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: [] });
  });

  it('leaves records the services can go on editing, with the edit audited', async () => {
    const { app, generated } = generatedApp(50);
    const updated = await app.call('plans.update', { planId: generated.planId, title: 'Renamed plan' });
    expect(updated).toMatchObject({ title: 'Renamed plan', actionCount: 50 });
    const check = await app.call('db.check', {});
    expect(check.ok).toBe(true);
    expect(check.auditChain.entries).toBe(1);
  });

  it('makes the same plan from the same size, whatever the identifiers', async () => {
    const content = async (app: TestApp, planId: string) =>
      (await app.call('actions.list', { planId })).map(({ id: _id, themeId: _themeId, ownerId: _ownerId, leadId: _leadId, ...action }) => action);
    const first = generatedApp(50);
    const second = generatedApp(50);
    expect(await content(second.app, second.generated.planId)).toEqual(await content(first.app, first.generated.planId));
    expect(second.generated.expected).toEqual(first.generated.expected);
  });
});
