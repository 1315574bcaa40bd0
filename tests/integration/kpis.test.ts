// KPIs through the contract on a real database (DOMAIN.md section 4): definitions typed in or
// added from the DfE catalogue, values checked at the cell and saved all or none, the scorecard's
// RAG explained in words with the direction of travel, and the series a chart draws.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { Kpi } from '../../shared/contract-kpis';
import { PlanBuilder } from '../support/plan-builder';
import { expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
let plan: PlanBuilder;

beforeEach(() => {
  app = openTestApp({ clock: () => new Date('2026-06-04T09:00:00Z') });
  plan = new PlanBuilder(app);
});
afterEach(() => app.close());

function assessments(overrides: Partial<Parameters<TestApp['call']>[1]> = {}): Promise<Kpi> {
  return app.call('kpis.create', {
    planId: plan.planId,
    name: 'Assessments within 45 working days',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    targetLower: 85,
    targetUpper: 90,
    ...overrides,
  });
}

describe('defining KPIs', () => {
  it('numbers KPIs K01, K02 … and refuses a reference already taken', async () => {
    const first = await assessments();
    const second = await app.call('kpis.create', { planId: plan.planId, name: 'Caseload', unit: 'ratio', polarity: 'lower-is-better', frequency: 'monthly' });
    expect([first.reference, second.reference]).toEqual(['K01', 'K02']);
    await expectRefusedAt(app, 'kpis.create', { planId: plan.planId, reference: 'k01', name: 'Another', unit: 'count', polarity: 'lower-is-better', frequency: 'monthly' }, 'reference', /K01 is already/);
  });

  it('adds catalogue indicators with their DfE definition once, however often they are chosen', async () => {
    const added = await app.call('kpis.addFromCatalogue', { planId: plan.planId, keys: ['dfe-rereferrals-12-months', 'dfe-sw-turnover'] });
    expect(added.map((kpi) => [kpi.reference, kpi.name, kpi.unit, kpi.polarity])).toEqual([
      ['K01', 'Re-referrals within 12 months of a previous referral', 'percentage', 'lower-is-better'],
      ['K02', 'Social worker turnover rate', 'percentage', 'lower-is-better'],
    ]);
    expect(await app.call('kpis.addFromCatalogue', { planId: plan.planId, keys: ['dfe-sw-turnover'] })).toEqual([]);
    const catalogue = await app.call('kpis.catalogue', { planId: plan.planId });
    expect(catalogue.find((entry) => entry.key === 'dfe-sw-turnover')?.kpiId).toBe(added[1]?.id);
    expect(catalogue.find((entry) => entry.key === 'dfe-sw-vacancy')?.kpiId).toBeNull();
    await expectRefusedAt(app, 'kpis.addFromCatalogue', { planId: plan.planId, keys: ['dfe-sw-turnover', 'made-up'] }, 'keys.1', /not in the catalogue/);
  });

  it('refuses a half band, and a percentage target over 100', async () => {
    await expectRefusedAt(app, 'kpis.create', { planId: plan.planId, name: 'X', unit: 'percentage', polarity: 'higher-is-better', frequency: 'monthly', targetLower: 80 }, 'targetUpper', /both a lower and an upper/);
    await expectRefusedAt(app, 'kpis.create', { planId: plan.planId, name: 'X', unit: 'percentage', polarity: 'higher-is-better', frequency: 'monthly', targetValue: 104 }, 'targetValue', /over 100/);
  });

  it('refuses a change of unit or frequency that the stored values do not fit', async () => {
    const kpi = await assessments();
    await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-03', value: 86.5 }] });
    await expectRefusedAt(app, 'kpis.update', { kpiId: kpi.id, unit: 'count', targetLower: null, targetUpper: null }, 'unit', /March 2026.*whole number/);
    await expectRefusedAt(app, 'kpis.update', { kpiId: kpi.id, frequency: 'quarterly' }, 'frequency', /March 2026/);
    const updated = await app.call('kpis.update', { kpiId: kpi.id, name: 'Assessments in time', targetLower: 80 });
    expect([updated.name, updated.targetLower, updated.targetUpper]).toEqual(['Assessments in time', 80, 90]);
  });

  it('links KPIs to themes and actions, and deleting a KPI takes its values and links with it', async () => {
    const theme = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Front door' });
    const action = plan.add(schema.actions, { planId: plan.planId, themeId: theme, reference: '2.1', title: 'Daily MASH meeting', status: 'in-progress' });
    const kpi = await assessments();
    const linked = await app.call('kpis.setLinks', { kpiId: kpi.id, themeIds: [theme], actionIds: [action] });
    expect(linked.themes.map((link) => link.reference)).toEqual(['2']);
    expect(linked.actions.map((link) => link.title)).toEqual(['Daily MASH meeting']);
    const other = new PlanBuilder(app, { title: 'Another council' });
    const foreignTheme = other.add(schema.themes, { planId: other.planId, reference: '1', title: 'Elsewhere' });
    await expectRefusedAt(app, 'kpis.setLinks', { kpiId: kpi.id, themeIds: [foreignTheme], actionIds: [] }, 'themeIds', /themes of this plan/);
    expect((await app.call('kpis.setLinks', { kpiId: kpi.id, themeIds: [], actionIds: [action] })).themes).toEqual([]);

    await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-03', value: 86.5 }] });
    await app.call('kpis.delete', { kpiId: kpi.id });
    expect(await app.call('kpis.list', { planId: plan.planId })).toEqual([]);
    const live = app.core.db.$client.prepare('select count(*) as n from kpi_values where deleted_at is null').get() as { n: number };
    expect(live.n).toBe(0);
  });
});

describe('entering values', () => {
  it('saves a block of cells, keeps codes as codes, and clears an emptied cell', async () => {
    const kpi = await assessments();
    const saved = await app.call('kpis.setValues', {
      planId: plan.planId,
      cells: [
        { kpiId: kpi.id, period: '2026-01', value: 81.2 },
        { kpiId: kpi.id, period: '2026-02', value: null, suppressionCode: 'c' },
        { kpiId: kpi.id, period: '2026-03', value: 86.5, provisional: true, note: 'Before validation' },
      ],
    });
    expect(saved).toEqual({ saved: 3, cleared: 0 });
    const grid = await app.call('kpis.grid', { planId: plan.planId, frequency: 'monthly', from: '2026-01-01', to: '2026-04-30' });
    expect(grid.periods.map((period) => period.label)).toEqual(['January 2026', 'February 2026', 'March 2026', 'April 2026']);
    expect(grid.rows[0]?.cells).toEqual({
      '2026-01': { value: 81.2, suppressionCode: null, provisional: false, note: null },
      '2026-02': { value: null, suppressionCode: 'c', provisional: false, note: null },
      '2026-03': { value: 86.5, suppressionCode: null, provisional: true, note: 'Before validation' },
    });

    // A value pasted over a provisional one keeps its mark and note unless told otherwise.
    await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-03', value: 87 }] });
    await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-01', value: null, note: null }] });
    const after = await app.call('kpis.grid', { planId: plan.planId, frequency: 'monthly', from: '2026-01-01', to: '2026-04-30' });
    expect(after.rows[0]?.cells['2026-03']).toEqual({ value: 87, suppressionCode: null, provisional: true, note: 'Before validation' });
    expect(after.rows[0]?.cells['2026-01']).toBeUndefined();

    // Entered again, a cleared cell is the old record restored, not a second one.
    await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-01', value: 80 }] });
    const rows = app.core.db.$client.prepare("select count(*) as n from kpi_values where period = '2026-01'").get() as { n: number };
    expect(rows.n).toBe(1);
  });

  it('refuses the whole block when one cell is wrong, naming the KPI, the period and the problem', async () => {
    const kpi = await assessments();
    const caseload = await app.call('kpis.create', { planId: plan.planId, name: 'Children in care', unit: 'count', polarity: 'lower-is-better', frequency: 'monthly' });
    await expectRefusedAt(
      app,
      'kpis.setValues',
      { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-01', value: 81 }, { kpiId: kpi.id, period: '2026-02', value: 104 }] },
      'cells.1.value',
      /^K01, February 2026: a percentage cannot be over 100 \(104 was entered\)$/,
    );
    await expectRefusedAt(app, 'kpis.setValues', { planId: plan.planId, cells: [{ kpiId: caseload.id, period: '2026-02', value: 12.5 }] }, 'cells.0.value', /K02, February 2026: a count must be a whole number/);
    await expectRefusedAt(app, 'kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-27-Q1', value: 80 }] }, 'cells.0.period', /measured monthly/);
    await expectRefusedAt(app, 'kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: 'March', value: 80 }] }, 'cells.0.period', /not a period/);
    await expectRefusedAt(
      app,
      'kpis.setValues',
      { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-01', value: 80 }, { kpiId: kpi.id, period: '2026-01', value: 81 }] },
      'cells.1.period',
      /given twice/,
    );
    const other = new PlanBuilder(app, { title: 'Another council' });
    await expectRefusedAt(app, 'kpis.setValues', { planId: other.planId, cells: [{ kpiId: kpi.id, period: '2026-01', value: 80 }] }, 'cells.0.kpiId', /not one of this plan/);
    // A monthly KPI also takes the published annual figure.
    expect(await app.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2025-26', value: 84 }] })).toEqual({ saved: 1, cleared: 0 });
  });
});

describe('the scorecard and the series', () => {
  it('rates the latest value against the band in words, with the direction of travel and comparators', async () => {
    const theme = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice' });
    const kpi = await assessments();
    const unthemed = await app.call('kpis.create', { planId: plan.planId, name: 'Caseload', unit: 'ratio', polarity: 'lower-is-better', frequency: 'monthly', targetValue: 18, tolerance: 2 });
    await app.call('kpis.setLinks', { kpiId: kpi.id, themeIds: [theme], actionIds: [] });
    await app.call('kpis.setValues', {
      planId: plan.planId,
      cells: [
        { kpiId: kpi.id, period: '2026-02', value: 84 },
        { kpiId: kpi.id, period: '2026-03', value: 87.5, provisional: true },
        { kpiId: unthemed.id, period: '2026-03', value: null, suppressionCode: 'x' },
      ],
    });
    app.core.write(plan.planId, (unit) => {
      for (const [kind, label, value] of [
        ['england', 'England', 79.1],
        ['region', 'Yorkshire and The Humber', 80.4],
        ['statistical-neighbours', 'Statistical neighbours', 82],
      ] as const) {
        unit.db
          .insert(schema.kpiComparators)
          .values({ id: crypto.randomUUID(), kpiId: kpi.id, kind, label, period: '2024-25', periodEnd: '2025-03-31', value, createdAt: unit.now, updatedAt: unit.now, updatedBy: 'test', revision: 1 })
          .run();
      }
    });

    const scorecard = await app.call('kpis.scorecard', { planId: plan.planId });
    expect(scorecard.kpiCount).toBe(2);
    expect(scorecard.groups.map((group) => group.theme?.title ?? null)).toEqual(['Practice', null]);
    const row = scorecard.groups[0]?.rows[0];
    expect(row?.latest).toMatchObject({ periodLabel: 'March 2026', value: 87.5, provisional: true });
    expect(row?.target).toBe('85% to 90%');
    expect(row?.rating).toEqual({ rag: 'amber', explanation: 'Amber: 87.5% is within the target band of 85% to 90%, short of the upper target of 90%.' });
    expect(row?.travel).toEqual({ direction: 'improving', explanation: 'Improving: up from 84% in February 2026.' });
    expect(row?.comparators.map((comparator) => [comparator.kind, comparator.periodLabel, comparator.value])).toEqual([
      ['england', '2024/25', 79.1],
      ['region', '2024/25', 80.4],
      ['statistical-neighbours', '2024/25', 82],
    ]);
    expect(row?.sparkline).toEqual([84, 87.5]);
    const suppressed = scorecard.groups[1]?.rows[0];
    expect(suppressed?.target).toBe('18 (amber within 2)');
    expect(suppressed?.rating).toEqual({ rag: null, explanation: 'Not rated: the figure for March 2026 is not published (x).' });

    const series = await app.call('kpis.series', { kpiId: kpi.id });
    expect(series.points.map((point) => [point.label, point.value, point.rating.rag])).toEqual([
      ['February 2026', 84, 'red'],
      ['March 2026', 87.5, 'amber'],
    ]);
    expect(series.comparators.map((line) => line.kind)).toEqual(['england', 'region', 'statistical-neighbours']);
    expect(series.events).toEqual([{ date: '2025-03-17', label: 'Inspection', kind: 'inspection' }]);
  });

  it('takes the KPI’s own figure as the latest when a published annual figure ends the same day', async () => {
    const kpi = await assessments();
    await app.call('kpis.setValues', {
      planId: plan.planId,
      cells: [
        { kpiId: kpi.id, period: '2026-03', value: 88 },
        { kpiId: kpi.id, period: '2025-26', value: 70 },
      ],
    });
    const scorecard = await app.call('kpis.scorecard', { planId: plan.planId });
    expect(scorecard.groups[0]?.rows[0]?.latest?.periodLabel).toBe('March 2026');
    expect(scorecard.groups[0]?.rows[0]?.travel.explanation).toBe('Improving: up from 70% in 2025/26.');
  });
});
