// Workforce projections and the plan's budget (DOMAIN.md section 7) through the contract on a
// real database: saved with the plan, computed on reading, refused whole when any part is wrong.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { PlanBuilder } from '../support/plan-builder';
import { expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';
import { NORTHMOOR_PROJECTION } from '../support/workforce';

let app: TestApp;

beforeEach(() => {
  app = openTestApp({ clock: () => new Date('2026-06-04T09:00:00Z') });
});
afterEach(() => app.close());

const PROJECTION = { name: 'Social work workforce: three-year projection', ...NORTHMOOR_PROJECTION };

describe('workforce projections', () => {
  it('are saved with the plan and read back with their table of years', async () => {
    const plan = new PlanBuilder(app);
    const created = await app.call('workforce.create', { planId: plan.planId, ...PROJECTION });
    expect(created.recruits).toEqual(PROJECTION.recruits);
    expect(created.table.years.map((year) => [year.label, year.leavers, year.recruits, year.end.vacancies, year.end.vacancyRate])).toEqual([
      ['2026/27', 29, 38, 21, 11.3],
      ['2027/28', 30.7, 38, 13.7, 7.4],
      ['2028/29', 32, 39, 6.7, 3.6],
    ]);
    expect(created.summary).toBe('Vacancies fall from 30.0 (16.1% of 186 posts) now to 6.7 (3.6%) at the end of 2028/29.');

    const stored = app.core.db.select().from(schema.workforceProjections).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.recruits).toEqual({
      'Newly qualified social workers (ASYE)': [22, 22, 24],
      'Agency workers converted to permanent': [6, 4, 3],
      'Experienced social workers': [10, 12, 12],
    });
    expect(await app.call('workforce.list', { planId: plan.planId })).toEqual([created]);
  });

  it('recompute when one field changes, the rest kept as stored', async () => {
    const plan = new PlanBuilder(app);
    const { id } = await app.call('workforce.create', { planId: plan.planId, ...PROJECTION });
    const updated = await app.call('workforce.update', { projectionId: id, annualTurnoverRate: 0 });
    expect(updated.recruits).toEqual(PROJECTION.recruits);
    // No one leaves: 156 + 38 = 194 would be filled, so 8 of the first year's recruits have no post.
    expect(updated.table.years[0]).toMatchObject({ leavers: 0, recruits: 38, recruitsBeyondVacancies: 8, end: { filled: 186, vacancies: 0, vacancyRate: 0 } });
    expect(updated.summary).toContain('Recruits planned beyond the vacancies, with no post to fill: 8.0 in 2026/27, 38.0 in 2027/28, 39.0 in 2028/29.');

    const longer = await app.call('workforce.update', {
      projectionId: id,
      years: 4,
      startYear: '2027-28',
      recruits: [{ channel: 'Experienced social workers', counts: [5, 5, 5, 5.5] }],
    });
    expect(longer.table.years.map((year) => year.label)).toEqual(['2027/28', '2028/29', '2029/30', '2030/31']);
    expect(longer.table.channels).toEqual(['Experienced social workers']);
    expect(longer.table.years[3]?.recruits).toBe(5.5);
  });

  it('refuse a change that breaks the rules against what is stored, saving nothing', async () => {
    const plan = new PlanBuilder(app);
    const { id } = await app.call('workforce.create', { planId: plan.planId, ...PROJECTION });
    await expectRefusedAt(app, 'workforce.update', { projectionId: id, years: 4 }, 'recruits.0.counts', /one number of recruits for each of the 4 years \(3 given\)/);
    await expectRefusedAt(app, 'workforce.update', { projectionId: id, currentVacancies: 200 }, 'currentVacancies', 'There cannot be more vacancies than posts (186)');
    await expectRefusedAt(app, 'workforce.update', { projectionId: id, totalPosts: 20 }, 'currentVacancies', 'There cannot be more vacancies than posts (20)');
    await expectRefusedAt(
      app,
      'workforce.create',
      { planId: plan.planId, ...PROJECTION, annualTurnoverRate: 120 },
      'annualTurnoverRate',
      /Turnover cannot be above 100%/,
    );
    await expectRefusedAt(app, 'workforce.create', { planId: plan.planId, ...PROJECTION, startYear: '2026-28' }, 'startYear', /written like 2024-25/);
  });

  it('are deleted as tombstones, and a missing one is not found', async () => {
    const plan = new PlanBuilder(app);
    const { id } = await app.call('workforce.create', { planId: plan.planId, ...PROJECTION });
    await app.call('workforce.delete', { projectionId: id });
    expect(await app.call('workforce.list', { planId: plan.planId })).toEqual([]);
    expect(app.core.db.select().from(schema.workforceProjections).all()[0]?.deletedAt).not.toBeNull();
    expect(await app.send('workforce.update', { projectionId: id, name: 'Again' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await app.send('workforce.list', { planId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the budget', () => {
  const pounds = (amount: number) => amount * 100;

  async function planWithDates() {
    const plan = new PlanBuilder(app);
    await app.call('plans.update', { planId: plan.planId, startDate: '2025-06-01', endDate: '2028-05-31' });
    return plan;
  }

  it('lists lines with their amounts by year, totals by year and kind, the estimated cost and the one-off investment left', async () => {
    const plan = await planWithDates();
    const posts = await app.call('budget.createLine', {
      planId: plan.planId,
      name: 'Additional social work posts',
      kind: 'recurrent',
      description: 'Establishment growth of 22 posts.',
      entries: [
        { financialYear: '2025-26', allocatedPence: pounds(1_650_000), spentPence: pounds(1_534_500) },
        { financialYear: '2026-27', allocatedPence: pounds(2_400_000), spentPence: 0 },
      ],
    });
    expect(posts.total).toEqual({ allocatedPence: pounds(4_050_000), spentPence: pounds(1_534_500) });
    await app.call('budget.createLine', {
      planId: plan.planId,
      name: 'Agency premium while permanent recruitment completes',
      kind: 'one-off',
      entries: [{ financialYear: '2025-26', allocatedPence: pounds(1_200_000), spentPence: pounds(1_392_000) }],
    });
    await app.call('budget.createLine', {
      planId: plan.planId,
      name: 'Case management system reconfiguration',
      kind: 'one-off',
      entries: [{ financialYear: '2029-30', allocatedPence: pounds(150_000), spentPence: 0 }],
    });
    await app.call('budget.createLine', { planId: plan.planId, name: 'Social Work Academy', kind: 'recurrent' });

    const budget = await app.call('budget.list', { planId: plan.planId });
    // The plan runs from 2025/26 to 2028/29; one line also has an amount in 2029/30.
    expect(budget.years.map((year) => year.label)).toEqual(['2025/26', '2026/27', '2027/28', '2028/29', '2029/30']);
    expect(budget.lines.map((line) => [line.name, line.kind])).toEqual([
      ['Additional social work posts', 'recurrent'],
      ['Social Work Academy', 'recurrent'],
      ['Agency premium while permanent recruitment completes', 'one-off'],
      ['Case management system reconfiguration', 'one-off'],
    ]);
    expect(budget.lines[0]?.entries.map((entry) => entry.label)).toEqual(['2025/26', '2026/27']);
    expect(budget.totals.byYear[0]).toMatchObject({
      label: '2025/26',
      recurrent: { allocatedPence: pounds(1_650_000), spentPence: pounds(1_534_500) },
      oneOff: { allocatedPence: pounds(1_200_000), spentPence: pounds(1_392_000) },
      total: { allocatedPence: pounds(2_850_000), spentPence: pounds(2_926_500) },
    });
    expect(budget.totals.estimatedCostPence).toBe(pounds(4_050_000 + 1_200_000 + 150_000));
    expect(budget.totals.oneOffRemainingPence).toBe(pounds(1_350_000 - 1_392_000));
    expect(budget.totals.recurrentLastYear).toEqual({ financialYear: '2026-27', label: '2026/27', allocatedPence: pounds(2_400_000) });
  });

  it('offers this financial year and the next two to a plan without dates or amounts', async () => {
    const plan = new PlanBuilder(app);
    const budget = await app.call('budget.list', { planId: plan.planId });
    expect(budget.years.map((year) => year.key)).toEqual(['2026-27', '2027-28', '2028-29']);
    expect(budget.lines).toEqual([]);
    expect(budget.totals.estimatedCostPence).toBe(0);
  });

  it('sets a line’s amounts all at once: changed, removed, emptied and brought back, one row per year throughout', async () => {
    const plan = await planWithDates();
    const line = await app.call('budget.createLine', { planId: plan.planId, name: 'Social Work Academy', kind: 'recurrent' });
    const first = [
      { financialYear: '2025-26', allocatedPence: pounds(260_000), spentPence: pounds(254_800) },
      { financialYear: '2026-27', allocatedPence: pounds(420_000), spentPence: 0 },
      { financialYear: '2027-28', allocatedPence: pounds(430_000), spentPence: 0 },
    ];
    expect((await app.call('budget.setEntries', { budgetLineId: line.id, entries: first })).entries.map((entry) => entry.financialYear)).toEqual([
      '2025-26',
      '2026-27',
      '2027-28',
    ]);

    // 2026/27 left out, 2027/28 given as nothing at all: both go; 2025/26 changes.
    const second = await app.call('budget.setEntries', {
      budgetLineId: line.id,
      entries: [
        { financialYear: '2025-26', allocatedPence: pounds(260_000), spentPence: pounds(260_000) + 50 },
        { financialYear: '2027-28', allocatedPence: 0, spentPence: 0 },
      ],
    });
    expect(second.entries).toEqual([{ financialYear: '2025-26', label: '2025/26', allocatedPence: pounds(260_000), spentPence: pounds(260_000) + 50 }]);

    // A year removed before comes back (a line keeps one row per year, so it is restored, not added again).
    const third = await app.call('budget.setEntries', { budgetLineId: line.id, entries: first });
    expect(third.entries.map((entry) => [entry.financialYear, entry.allocatedPence])).toEqual(first.map((entry) => [entry.financialYear, entry.allocatedPence]));
    const rows = app.core.db.select().from(schema.budgetEntries).all();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.deletedAt === null)).toBe(true);
  });

  it('refuses amounts with any entry wrong, saving none of them', async () => {
    const plan = await planWithDates();
    const line = await app.call('budget.createLine', {
      planId: plan.planId,
      name: 'Social Work Academy',
      kind: 'recurrent',
      entries: [{ financialYear: '2025-26', allocatedPence: pounds(260_000), spentPence: 0 }],
    });
    const good = { financialYear: '2026-27', allocatedPence: pounds(420_000), spentPence: 0 };
    await expectRefusedAt(app, 'budget.setEntries', { budgetLineId: line.id, entries: [good, { ...good, financialYear: '2027-28', spentPence: -1 }] }, 'entries.1.spentPence', /cannot be negative/);
    await expectRefusedAt(app, 'budget.setEntries', { budgetLineId: line.id, entries: [good, { ...good, allocatedPence: 5 }] }, 'entries.1.financialYear', '2026/27 is given twice: give each financial year once');
    await expectRefusedAt(app, 'budget.setEntries', { budgetLineId: line.id, entries: [good, { ...good, financialYear: '2027-29' }] }, 'entries.1.financialYear');
    await expectRefusedAt(app, 'budget.createLine', { planId: plan.planId, name: 'Academy', kind: 'recurrent', entries: [good, good] }, 'entries.1.financialYear');
    expect((await app.call('budget.list', { planId: plan.planId })).lines).toHaveLength(1);
  });

  it('changes a line’s kind and name, moving its amounts between recurrent and one-off, and deletes it with its amounts', async () => {
    const plan = await planWithDates();
    const line = await app.call('budget.createLine', {
      planId: plan.planId,
      name: 'Market supplement',
      kind: 'recurrent',
      entries: [{ financialYear: '2025-26', allocatedPence: pounds(420_000), spentPence: pounds(420_000) }],
    });
    const changed = await app.call('budget.updateLine', { budgetLineId: line.id, kind: 'one-off', name: 'Market supplement for one year', description: null });
    expect(changed).toMatchObject({ name: 'Market supplement for one year', kind: 'one-off', description: null, total: { allocatedPence: pounds(420_000) } });
    let budget = await app.call('budget.list', { planId: plan.planId });
    expect(budget.totals.recurrent.allocatedPence).toBe(0);
    expect(budget.totals.oneOff.allocatedPence).toBe(pounds(420_000));
    expect(budget.totals.oneOffRemainingPence).toBe(0);

    await app.call('budget.deleteLine', { budgetLineId: line.id });
    budget = await app.call('budget.list', { planId: plan.planId });
    expect(budget.lines).toEqual([]);
    expect(budget.totals.estimatedCostPence).toBe(0);
    expect(app.core.db.select().from(schema.budgetEntries).all().every((row) => row.deletedAt !== null)).toBe(true);
    expect(await app.send('budget.setEntries', { budgetLineId: line.id, entries: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the demo plan', () => {
  it('has a projection and a budget that read back whole', async () => {
    const demo = openTestApp({ seedDemo: true, clock: () => new Date('2026-06-04T09:00:00Z') });
    try {
      const [plan] = await demo.call('plans.list', {});
      if (!plan) throw new Error('The demo plan is missing');
      const [projection] = await demo.call('workforce.list', { planId: plan.id });
      expect(projection).toMatchObject({ startYear: '2026-27', years: 3, totalPosts: 186, currentVacancies: 30 });
      expect(projection?.table.channels).toEqual([
        'Newly qualified social workers (ASYE)',
        'Agency workers converted to permanent',
        'Experienced social workers',
      ]);
      const budget = await demo.call('budget.list', { planId: plan.id });
      expect(budget.lines).toHaveLength(7);
      expect(budget.lines.slice(0, 3).every((line) => line.kind === 'recurrent')).toBe(true);
      expect(budget.totals.estimatedCostPence).toBeGreaterThan(0);
      expect(budget.years.length).toBeGreaterThanOrEqual(3);
    } finally {
      demo.close();
    }
  });
});
