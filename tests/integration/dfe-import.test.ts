// Importing DfE's published statistics into a KPI, on a real database with the real files: the
// council's series as values, England, region and statistical-neighbour figures as comparators,
// suppression codes kept as codes, all or nothing, and the same file twice changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../db/records';
import * as schema from '../../db/schema';
import type { DfeSelectionInput } from '../../shared/contract-dfe-import';
import { PlanBuilder } from '../support/plan-builder';
import { publishedFile } from '../support/malformed-dfe-import';
import { databaseBytes, expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

const DFE = path.resolve(import.meta.dirname, '../../../shared/data/dfe');
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const CSWW = 'csww_indicators_2017_to_2025.csv';
const STABILITY = 'la_cla_placement_stability.csv';
const CARE_LEAVERS = 'la_care_leavers_accommodation_suitability.csv';
const D3 = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
const content = (name: string) => fs.readFileSync(path.join(DFE, name), 'utf8');

type Row = Record<string, string>;
const rowsOf = (name: string) => parse(fs.readFileSync(path.join(DFE, name)), { bom: true, columns: true }) as Row[];
/** The app's key for the year to 31 March of a reporting year: 2025 is 2024-25. */
const yearToMarch = (timePeriod = '') => `${Number(timePeriod) - 1}-${timePeriod.slice(2)}`;
const groupingRows = parse(fs.readFileSync(path.join(DFE, 'New_Statistical_Neighbour_Groupings_April_2021.csv')), { bom: true }) as string[][];
const neighboursOf = (number: string) => {
  const row = groupingRows.find((candidate) => candidate[0] === number);
  return row ? [5, 7, 9, 11, 13, 15, 17, 19, 21, 23].map((index) => row[index] ?? '') : [];
};
const asFigure = (text: string | undefined) => (text && /^[\d.]+$/.test(text) ? { value: Number(text), suppressionCode: null } : { value: null, suppressionCode: text ?? null });

let app: TestApp;
let plan: PlanBuilder;

beforeEach(() => {
  app = openTestApp();
  plan = new PlanBuilder(app);
});
afterEach(() => app.close());

function addKpi(values: Partial<typeof schema.kpis.$inferInsert> = {}): string {
  return plan.add(schema.kpis, {
    planId: plan.planId,
    reference: 'K01',
    name: 'Re-referrals within 12 months',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    ...values,
  });
}

function auditCount(): number {
  return (app.core.db.$client.prepare('select count(*) as count from audit_log').get() as { count: number }).count;
}

function storedValues(kpiId: string) {
  return app.core.db
    .select({ period: schema.kpiValues.period, value: schema.kpiValues.value, suppressionCode: schema.kpiValues.suppressionCode, periodEnd: schema.kpiValues.periodEnd })
    .from(schema.kpiValues)
    .where(and(eq(schema.kpiValues.kpiId, kpiId), isNull(schema.kpiValues.deletedAt)))
    .all()
    .sort((a, b) => a.period.localeCompare(b.period));
}

function storedComparators(kpiId: string) {
  return app.core.db
    .select()
    .from(schema.kpiComparators)
    .where(and(eq(schema.kpiComparators.kpiId, kpiId), isNull(schema.kpiComparators.deletedAt)))
    .all();
}

function selection(kpiId: string, fileName: string, rest: Partial<DfeSelectionInput> = {}): DfeSelectionInput {
  return { planId: plan.planId, kpiId, fileName, content: content(fileName), council: '204', measure: 'rereferral_percent', year: 'year-to-march', ...rest };
}

describe('inspecting a published file', () => {
  it('lists the measures, filters, councils and periods of each real file, and what the catalogue says of it', async () => {
    const c1 = await app.call('dfe.inspect', { fileName: C1, content: content(C1) });
    expect(c1.rowCount).toBe(2132);
    expect(c1.measures.map((measure) => measure.column)).toContain('rereferral_percent');
    expect(c1.measures.every((measure) => measure.problem === null)).toBe(true);
    expect(c1.filters).toEqual([{ column: 'category', values: ['Referrals and Re-referrals'] }]);
    expect(c1.councils.find((council) => council.number === '204')).toEqual({
      number: '204',
      name: 'Hackney',
      onsCodes: ['E09000012'],
      region: 'Inner London',
      hasNeighbours: true,
    });
    expect(c1.councils.find((council) => council.number === '942')?.hasNeighbours).toBe(false);
    expect(c1.needsYear).toBe(true);
    expect(c1.periods[0]).toEqual({
      timePeriod: '2025',
      timeIdentifier: 'Reporting year',
      readings: {
        'year-to-march': { key: '2024-25', label: '2024/25', shape: 'financial-year' },
        'census-year': { key: 'census-2025', label: 'Year to 30 September 2025', shape: 'census-year' },
      },
    });
    expect(c1.suggestion).toEqual({
      year: 'year-to-march',
      indicators: [{ key: 'dfe-rereferrals-12-months', name: 'Re-referrals within 12 months of a previous referral', measure: 'rereferral_percent', filters: {} }],
    });

    const csww = await app.call('dfe.inspect', { fileName: CSWW, content: content(CSWW) });
    expect(csww.suggestion?.year).toBe('census-year');
    expect(csww.suggestion?.indicators.map((indicator) => indicator.measure)).toEqual(['turnover_rate_fte', 'agency_rate_fte', 'vacancy_rate_fte', 'caseload_fte']);

    const stability = await app.call('dfe.inspect', { fileName: STABILITY, content: content(STABILITY) });
    expect(stability.filters.map((filter) => filter.column)).toEqual(['cla_group', 'placement_stability']);
    expect(stability.suggestion?.indicators).toHaveLength(2);

    const renamed = await app.call('dfe.inspect', { fileName: 'downloaded.csv', content: content(D3) });
    expect(renamed.suggestion).toBeNull();
  });
});

describe('importing a council’s series', () => {
  it('loads the values and the England, region and neighbours’ figures exactly as the file gives them, codes as gaps', async () => {
    const kpiId = addKpi();
    const result = await app.call('dfe.import', selection(kpiId, C1));
    const file = rowsOf(C1);
    const years = [...new Set(file.map((row) => row.time_period))].sort();
    expect(result.periods).toBe(years.length);
    expect(result.values).toEqual({ saved: years.length, unchanged: 0 });
    expect(result.summary).toMatch(/^Loaded the figures of Hackney \(204\) for 2012\/13 to 2024\/25 into K01: 13 values and 39 comparators saved\.$/);

    const values = storedValues(kpiId);
    const comparators = storedComparators(kpiId);
    for (const year of years) {
      const period = yearToMarch(year);
      const ofYear = file.filter((row) => row.time_period === year);
      const council = ofYear.find((row) => row.geographic_level === 'Local authority' && row.old_la_code === '204');
      const england = ofYear.find((row) => row.geographic_level === 'National');
      const region = ofYear.find((row) => row.geographic_level === 'Regional' && row.region_name === 'Inner London');
      expect(values.find((value) => value.period === period), period).toMatchObject({ ...asFigure(council?.rereferral_percent), periodEnd: `${year}-03-31` });
      const comparator = (kind: string) => comparators.find((row) => row.kind === kind && row.period === period);
      expect(comparator('england')).toMatchObject({ label: 'England', ...asFigure(england?.rereferral_percent), periodEnd: `${year}-03-31` });
      expect(comparator('region')).toMatchObject({ label: 'Inner London', ...asFigure(region?.rereferral_percent) });
      const neighbourValues = neighboursOf('204')
        .map((number) => ofYear.find((row) => row.geographic_level === 'Local authority' && row.old_la_code === number)?.rereferral_percent)
        .filter((text): text is string => !!text && /^[\d.]+$/.test(text))
        .map(Number);
      const neighbours = comparator('statistical-neighbours');
      const mean = neighbourValues.reduce((sum, value) => sum + value, 0) / neighbourValues.length;
      // Rounded to the one decimal place the figures are published with.
      expect(Math.abs((neighbours?.value ?? Number.NaN) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(neighbours?.label).toBe(neighbourValues.length === 10 ? 'Statistical neighbours' : `Statistical neighbours (mean of ${neighbourValues.length})`);
    }
    // Facts of the file, as published.
    expect(comparators.find((row) => row.kind === 'england' && row.period === '2024-25')?.value).toBe(22.6);
    // Hackney's figure was not available ("x") in 2020/21 and 2021/22: a gap, never a zero.
    expect(values.filter((value) => value.suppressionCode !== null)).toEqual([
      { period: '2020-21', value: null, suppressionCode: 'x', periodEnd: '2021-03-31' },
      { period: '2021-22', value: null, suppressionCode: 'x', periodEnd: '2022-03-31' },
    ]);

    const series = await app.call('kpis.series', { kpiId });
    const point = series.points.find((candidate) => candidate.period === '2021-22');
    expect(point).toMatchObject({ value: null, suppressionCode: 'x' });
    expect(series.comparators.map((line) => line.kind)).toEqual(['england', 'region', 'statistical-neighbours']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const kpiId = addKpi();
    await app.call('dfe.import', selection(kpiId, C1));
    const before = databaseBytes(app);
    const audited = auditCount();
    const preview = await app.call('dfe.preview', selection(kpiId, C1));
    expect(preview.counts).toEqual({ values: { new: 0, changed: 0, unchanged: 13 }, comparators: { new: 0, changed: 0, unchanged: 39, removed: 0 } });
    const again = await app.call('dfe.import', selection(kpiId, C1));
    expect(again.values).toEqual({ saved: 0, unchanged: 13 });
    expect(again.comparators).toEqual({ saved: 0, removed: 0, unchanged: 39 });
    expect(again.summary).toBe('Nothing changed: K01 already holds the figures of Hackney (204) and their comparators for 2012/13 to 2024/25.');
    expect(auditCount()).toBe(audited);
    expect(databaseBytes(app)).toBe(before);
  });

  it('previews what will change against what is stored, and stores nothing', async () => {
    const kpiId = addKpi();
    plan.add(schema.kpiValues, { kpiId, period: '2024-25', periodEnd: '2025-03-31', value: 30 });
    const before = databaseBytes(app);
    const preview = await app.call('dfe.preview', selection(kpiId, C1));
    expect(databaseBytes(app)).toBe(before);
    const latest = preview.rows.at(-1);
    const hackney = rowsOf(C1).find((row) => row.time_period === '2025' && row.old_la_code === '204');
    expect(latest).toMatchObject({
      period: '2024-25',
      periodLabel: '2024/25',
      timePeriod: '2025',
      value: { figure: asFigure(hackney?.rereferral_percent), stored: { value: 30, suppressionCode: null }, change: 'changed' },
      england: { figure: { value: 22.6, suppressionCode: null }, label: 'England', change: 'new' },
      region: { label: 'Inner London', change: 'new' },
      neighbours: { label: 'Statistical neighbours', count: 10, of: 10, change: 'new' },
    });
    expect(preview.rows.find((row) => row.period === '2021-22')?.value.figure).toEqual({ value: null, suppressionCode: 'x' });
    expect(preview.counts.values).toEqual({ new: 12, changed: 1, unchanged: 0 });
    expect(preview.neighbours.map((neighbour) => neighbour.name)).toEqual([
      'Southwark',
      'Lambeth',
      'Haringey',
      'Lewisham',
      'Islington',
      'Waltham Forest',
      'Hammersmith and Fulham',
      'Croydon',
      'Greenwich',
      'Enfield',
    ]);
  });

  it('says how many neighbours the mean is of when one has no figure that year', async () => {
    const kpiId = addKpi();
    await app.call('dfe.import', selection(kpiId, C1, { council: 'North Northamptonshire' }));
    const neighbours = storedComparators(kpiId).filter((row) => row.kind === 'statistical-neighbours');
    expect(neighbours.map((row) => [row.period, row.label, row.value]).sort()).toEqual([
      ['2021-22', 'Statistical neighbours', expect.any(Number)],
      ['2022-23', 'Statistical neighbours', expect.any(Number)],
      ['2023-24', 'Statistical neighbours (mean of 9)', 22.1],
      ['2024-25', 'Statistical neighbours (mean of 9)', 21.1],
    ]);
    // Its region is the East Midlands row of the same year.
    expect(storedComparators(kpiId).find((row) => row.kind === 'region' && row.period === '2024-25')).toMatchObject({ label: 'East Midlands', value: 24.7 });
  });

  it('reads workforce census years to 30 September, by ONS code', async () => {
    const kpiId = addKpi({ reference: 'K09', name: 'Social worker turnover', catalogueKey: 'dfe-sw-turnover' });
    const preview = await app.call('dfe.preview', selection(kpiId, CSWW, { council: 'e10000016', measure: 'turnover_rate_fte', year: 'census-year' }));
    expect(preview.council).toMatchObject({ number: '886', name: 'Kent', region: 'South East' });
    expect(preview.rows.map((row) => row.periodLabel).at(-1)).toBe('Year to 30 September 2025');
    expect(preview.notes).toEqual([]);
    await app.call('dfe.import', selection(kpiId, CSWW, { council: 'e10000016', measure: 'turnover_rate_fte', year: 'census-year' }));
    const kent = rowsOf(CSWW).find((row) => row.time_period === '2025' && row.old_la_code === '886');
    expect(storedValues(kpiId).find((value) => value.period === 'census-2025')).toEqual({
      period: 'census-2025',
      ...asFigure(kent?.turnover_rate_fte),
      periodEnd: '2025-09-30',
    });
  });

  it('notes a year reading that differs from the catalogue’s, and a council without neighbours', async () => {
    const kpiId = addKpi({ reference: 'K09', name: 'Social worker turnover', catalogueKey: 'dfe-sw-turnover' });
    const preview = await app.call('dfe.preview', selection(kpiId, CSWW, { council: '942', measure: 'turnover_rate_fte', year: 'year-to-march' }));
    expect(preview.notes).toEqual([
      'DfE’s statistical-neighbour groupings of April 2021 do not list Cumberland (942), so no neighbours’ average is imported.',
      'K09 is a workforce census figure, for years to 30 September, but the file’s years are read as years to 31 March.',
    ]);
    expect(preview.neighbours).toEqual([]);
    expect(preview.rows.every((row) => row.neighbours.change === 'none' && row.neighbours.figure === null)).toBe(true);
  });

  it('picks rows by the filter values, and asks for a filter the rows still differ by', async () => {
    const kpiId = addKpi({ reference: 'K05', name: 'Long-term placement stability', polarity: 'higher-is-better' });
    const filters = {
      cla_group: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
      placement_stability: 'Living with the same carer for at least 2 years',
    };
    const missing = await app.send('dfe.preview', selection(kpiId, STABILITY, { council: 'Kent', measure: 'children_percent', filters: { cla_group: filters.cla_group } }));
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { fields: [{ path: 'filters.placement_stability', message: expect.stringContaining('Choose a value for placement_stability: Kent has 2 rows for 2024/25') }] } },
    });
    await app.call('dfe.import', selection(kpiId, STABILITY, { council: 'Kent', measure: 'children_percent', filters }));
    const kent = rowsOf(STABILITY).find(
      (row) => row.time_period === '2025' && row.old_la_code === '886' && row.cla_group === filters.cla_group && row.placement_stability === filters.placement_stability,
    );
    expect(storedValues(kpiId).find((value) => value.period === '2024-25')).toMatchObject(asFigure(kent?.children_percent));
  });

  it('reads a file whose columns are in another order, with codes such as k kept', async () => {
    const kpiId = addKpi({ reference: 'K07', name: 'Care leavers in suitable accommodation', frequency: 'quarterly', polarity: 'higher-is-better' });
    const filters = { care_leaver_age: '19 to 21 years', breakdown: 'Accommodation considered suitable' };
    const file = rowsOf(CARE_LEAVERS);
    const coded = file.find((row) => row.geographic_level === 'Local authority' && row.care_leaver_percent === 'c' && row.care_leaver_age === filters.care_leaver_age && row.breakdown === filters.breakdown);
    expect(coded).toBeDefined();
    await app.call('dfe.import', selection(kpiId, CARE_LEAVERS, { council: coded?.old_la_code ?? '', measure: 'care_leaver_percent', filters }));
    const period = yearToMarch(coded?.time_period);
    expect(storedValues(kpiId).find((value) => value.period === period)).toMatchObject({ value: null, suppressionCode: 'c' });
  });

  it('replaces a stored comparator of another label and restores one deleted earlier, rather than adding a second', async () => {
    const kpiId = addKpi();
    plan.add(schema.kpiComparators, { kpiId, kind: 'statistical-neighbours', label: 'Statistical neighbours (average of 10)', period: '2024-25', periodEnd: '2025-03-31', value: 19 });
    const deleted = plan.add(schema.kpiComparators, { kpiId, kind: 'england', label: 'England', period: '2023-24', periodEnd: '2024-03-31', value: 1 });
    app.core.write(plan.planId, (unit) => deleteRecord(unit, schema.kpiComparators, deleted, plan.planId));
    plan.add(schema.kpiComparators, { kpiId, kind: 'region', label: 'London', period: '2023-24', periodEnd: '2024-03-31', value: 2 });
    plan.add(schema.kpiComparators, { kpiId, kind: 'other', label: 'Local target', period: '2024-25', periodEnd: '2025-03-31', value: 3 });

    const preview = await app.call('dfe.preview', selection(kpiId, C1));
    const latest = preview.rows.find((row) => row.period === '2024-25');
    expect(latest?.neighbours).toMatchObject({ change: 'changed', storedLabel: 'Statistical neighbours (average of 10)', stored: { value: 19, suppressionCode: null } });
    await app.call('dfe.import', selection(kpiId, C1));

    const of = (kind: string, period: string) => storedComparators(kpiId).filter((row) => row.kind === kind && row.period === period);
    expect(of('statistical-neighbours', '2024-25')).toEqual([expect.objectContaining({ label: 'Statistical neighbours' })]);
    expect(of('england', '2023-24')).toEqual([expect.objectContaining({ id: deleted, label: 'England', value: 22.4 })]);
    expect(of('region', '2023-24')).toEqual([expect.objectContaining({ label: 'Inner London' })]);
    expect(of('other', '2024-25')).toEqual([expect.objectContaining({ label: 'Local target', value: 3 })]);
  });
});

describe('a selection or file that cannot be imported', () => {
  /** The preview and the import both refuse the selection at this field, and neither saves anything. */
  async function expectRefused(input: unknown, field: string, message: RegExp) {
    for (const method of ['dfe.preview', 'dfe.import']) await expectRefusedAt(app, method, input, field, message);
  }

  it('refuses a file in the wrong layout, naming the missing column', async () => {
    const kpiId = addKpi();
    const wrong = content(C1).replace('old_la_code', 'la_code');
    await expectRefused({ ...selection(kpiId, C1), content: wrong }, 'content', /has no column “old_la_code”/);
  });

  it('refuses a file that is not a CSV file, an empty one and an oversized one', async () => {
    const kpiId = addKpi();
    await expectRefused({ ...selection(kpiId, C1), fileName: 'c1.xlsx', content: 'PK\u0003\u0004\u0014\u0000\u0006\u0000' }, 'content', /“c1\.xlsx” is a spreadsheet workbook/);
    await expectRefused({ ...selection(kpiId, C1), content: '' }, 'content', /is empty/);
    await expectRefused({ ...selection(kpiId, C1), content: content(C1).repeat(70) }, 'content', /is 2\d\.\d MB, over the 25 MB/);
  });

  it('refuses a measure column with a value that is neither a number nor a code, saying where', async () => {
    const kpiId = addKpi();
    const file = content(C1);
    const hackney2025 = file.split('\n').findIndex((line) => line.startsWith('2025,') && line.includes(',204,'));
    const lines = file.split('\n');
    lines[hackney2025] = (lines[hackney2025] ?? '').replace(/,(\d+),(\d+),([\d.]+),/, ',$1,$2,n/a,');
    await expectRefused(
      { ...selection(kpiId, C1), content: lines.join('\n') },
      'measure',
      new RegExp(`Column “rereferral_percent” has “n/a” on line ${hackney2025 + 1} \\(Hackney, 2025\\), which is neither a number nor one of DfE’s codes`),
    );
  });

  it('refuses an unknown council, a column of names, a figure the KPI’s unit cannot hold and a missing year reading', async () => {
    const kpiId = addKpi();
    await expectRefused(selection(kpiId, C1, { council: '999' }), 'council', /“999” is not a council/);
    await expectRefused(selection(kpiId, C1, { measure: 'category' }), 'measure', /“category” holds names or codes, not figures/);
    await expectRefused(selection(kpiId, C1, { measure: 'referral_count' }), 'measure', /“referral_count” cannot be K01’s figures: Hackney’s figure for 2012\/13 is 2,907, and a percentage cannot be over 100/);
    await expectRefused({ ...selection(kpiId, C1), year: undefined }, 'year', /Say how the file’s reporting years read/);
    await expectRefused(selection(kpiId, C1, { filters: { category: 'Referrals' } }), 'filters.category', /“Referrals” is not a value of category/);
  });

  it('refuses a KPI of another plan, and periods the KPI’s frequency does not take', async () => {
    const other = new PlanBuilder(app, { title: 'Another plan' });
    const elsewhere = app.core.write(other.planId, (unit) =>
      createRecord(unit, schema.kpis, { planId: other.planId, reference: 'K01', name: 'Elsewhere', unit: 'percentage', polarity: 'lower-is-better', frequency: 'monthly' }, other.planId),
    ).id;
    await expectRefused(selection(elsewhere, C1), 'kpiId', /Choose one of this plan’s KPIs/);

    const quarterly = addKpi({ reference: 'K02', frequency: 'quarterly' });
    const monthly = publishedFile().replace(/Reporting year/g, 'March');
    await expectRefused({ ...selection(quarterly, C1), content: monthly, council: '841' }, 'kpiId', /K02 cannot take the file’s figure for March 2024: it is measured quarterly/);
  });

  it('refuses the whole import when one year’s figure does not fit the KPI, saving none of the other years', async () => {
    const kpiId = addKpi();
    const oneBadYear = publishedFile('150.2');
    await expectRefusedAt(app, 'dfe.import', { ...selection(kpiId, C1), content: oneBadYear, council: 'Darlington' }, 'measure', /Darlington’s figure for 2024\/25 is 150\.2/);
    expect(storedValues(kpiId)).toEqual([]);
    expect(storedComparators(kpiId)).toEqual([]);
  });
});
