// Importing DfE's published statistics in the browser: a real file, a real council, the preview
// checked against the file, the figures saved with their comparators, suppressed figures as gaps,
// and files that cannot be imported refused where the person chose them, with nothing saved.
import type { APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import type { Kpi } from '../../shared/contract-kpis';
import { expect, openApp, test, type RunningHost } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, planKpi } from './support';

const DFE = path.resolve(import.meta.dirname, '../../../shared/data/dfe');
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const STABILITY = 'la_cla_placement_stability.csv';

interface Series {
  points: { period: string; value: number | null; suppressionCode: string | null }[];
  comparators: { kind: string; label: string; points: { period: string; value: number | null; suppressionCode: string | null }[] }[];
}

/** The demo plan and its K01, the re-referrals the C1 file publishes. */
async function demoPlanAndK01(request: APIRequestContext, host: RunningHost): Promise<{ planId: string; kpi: Kpi }> {
  const planId = await demoPlanId(request, host);
  return { planId, kpi: await planKpi(request, host, planId, 'K01') };
}

type Row = Record<string, string>;
const c1Rows = parse(fs.readFileSync(path.join(DFE, C1)), { bom: true, columns: true }) as Row[];
const stabilityRows = parse(fs.readFileSync(path.join(DFE, STABILITY)), { bom: true, columns: true }) as Row[];
const groupings = parse(fs.readFileSync(path.join(DFE, 'New_Statistical_Neighbour_Groupings_April_2021.csv')), { bom: true }) as string[][];

const percent = (text: string | undefined) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(Number(text))}%`;

/** What the preview must show for one year of the file: the council's, England's, the region's and the neighbours' figures. */
function expectedYear(number: string, timePeriod: string) {
  const ofYear = c1Rows.filter((row) => row.time_period === timePeriod);
  const council = ofYear.find((row) => row.geographic_level === 'Local authority' && row.old_la_code === number);
  const england = ofYear.find((row) => row.geographic_level === 'National');
  const region = ofYear.find((row) => row.geographic_level === 'Regional' && row.region_name === council?.region_name);
  const neighbours = (groupings.find((row) => row[0] === number) ?? []).filter((_cell, index) => index >= 5 && index <= 23 && index % 2 === 1);
  const values = neighbours
    .map((neighbour) => ofYear.find((row) => row.geographic_level === 'Local authority' && row.old_la_code === neighbour)?.rereferral_percent ?? '')
    .filter((text) => /^[\d.]+$/.test(text))
    .map(Number);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { council: council?.rereferral_percent, england: england?.rereferral_percent, region: region?.rereferral_percent, mean, count: values.length };
}

test.describe('published DfE figures', () => {
  test('are imported for a real council from a real file, checked against the file, with a suppressed figure as a gap', async ({ page, host, context }) => {
    const { planId, kpi } = await demoPlanAndK01(context.request, host);
    await openApp(page, host, `/plans/${planId}/kpis/import-published?kpi=${kpi.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Import published figures' })).toBeFocused();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Published statistics file').setInputFiles(path.join(DFE, C1));
    await expect(page.getByRole('status').filter({ hasText: `Read “${C1}”: 2,132 rows, 158 councils and 13 periods, from 2013 to 2025.` })).toBeVisible();

    // The KPI asked for is chosen, and the file's name gives the year reading.
    await expect(page.getByRole('button', { name: /KPI to load into/ })).toContainText(`K01 ${kpi.name}`);
    await expect(page.getByRole('radio', { name: /Years to 31 March/ })).toBeChecked();

    // By keyboard: the column, then the council found by its DfE number.
    await page.getByRole('button', { name: /Column to import/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'rereferral_percent', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /Column to import/ })).toContainText('rereferral_percent');
    const council = page.getByRole('combobox', { name: 'Council' });
    await council.focus();
    await page.keyboard.type('204');
    await expect(page.getByRole('option', { name: 'Hackney (204, E09000012)' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(council).toHaveValue('Hackney (204, E09000012)');
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '3. Check what will be loaded' })).toBeFocused();
    const table = page.getByRole('table', { name: /K01 .*Hackney’s figures from column rereferral_percent/ });
    await expect(table.getByRole('columnheader')).toHaveText(['Period', 'Hackney', 'England', 'Inner London', 'Statistical neighbours', 'Change']);
    await expect(table.getByRole('row')).toHaveCount(14);

    for (const timePeriod of ['2013', '2017', '2021', '2022', '2025']) {
      const expected = expectedYear('204', timePeriod);
      const label = `${Number(timePeriod) - 1}/${timePeriod.slice(2)}`;
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label.replace('/', '\\/')}`) }) });
      const cells = row.getByRole('cell');
      // Each cell starts with the figure to be stored; the demo plan's own comparators follow as "was …".
      const startsWith = (text: string) => new RegExp(`^${text.replace(/[.()]/g, '\\$&')}( |$)`);
      if (/^[\d.]+$/.test(expected.council ?? '')) await expect(cells.nth(0)).toHaveText(startsWith(percent(expected.council)));
      else await expect(cells.nth(0)).toHaveText(`Gap: ${expected.council}, not available`);
      await expect(cells.nth(1)).toHaveText(startsWith(percent(expected.england)));
      await expect(cells.nth(2)).toHaveText(startsWith(percent(expected.region)));
      const shown = Number((await cells.nth(3).innerText()).replace(/%.*$/s, ''));
      expect(Math.abs(shown - expected.mean)).toBeLessThanOrEqual(0.05 + 1e-9);
      if (expected.count < 10) await expect(cells.nth(3)).toContainText(`(mean of ${expected.count})`);
    }
    // Hackney's re-referrals were not published for 2020/21 and 2021/22: gaps, never zeros.
    const gaps = table.getByRole('row').filter({ hasText: 'Gap: x, not available' });
    await expect(gaps).toHaveCount(2);
    await expect(gaps.first().getByRole('rowheader')).toContainText('2020/21');
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Import into K01' }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Imported from “${C1}”` })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Loaded the figures of Hackney (204) for 2012/13 to 2024/25 into K01: 13 values' })).toBeVisible();
    const open = page.getByRole('link', { name: `Open K01 ${kpi.name}` });
    await expect(open).toHaveAttribute('href', `#/plans/${planId}/kpis/${kpi.id}`);
    await expectNoAccessibilityViolations(page);

    const series = await call<Series>(context.request, host, 'kpis.series', { kpiId: kpi.id });
    expect(series.points.find((point) => point.period === '2021-22')).toMatchObject({ value: null, suppressionCode: 'x' });
    expect(series.points.find((point) => point.period === '2024-25')).toMatchObject({ value: Number(expectedYear('204', '2025').council), suppressionCode: null });
    const england = series.comparators.find((line) => line.kind === 'england');
    expect(england?.points.find((point) => point.period === '2024-25')?.value).toBe(Number(expectedYear('204', '2025').england));
    expect(series.comparators.find((line) => line.kind === 'region')?.label).toBe('Inner London');

    await open.click();
    await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/kpis/${kpi.id}$`));
  });

  test('files that cannot be imported are refused where they were chosen, saying what and where, and nothing is saved', async ({ page, host, context }) => {
    const { planId, kpi } = await demoPlanAndK01(context.request, host);
    const before = await call<Series>(context.request, host, 'kpis.series', { kpiId: kpi.id });
    await openApp(page, host, `/plans/${planId}/kpis/import-published`);
    const input = page.getByLabel('Published statistics file');
    const alert = page.getByRole('alert').filter({ hasText: 'The file cannot be imported' });
    const original = fs.readFileSync(path.join(DFE, C1), 'utf8');

    await input.setInputFiles({ name: 'referrals.csv', mimeType: 'text/csv', buffer: Buffer.from(original.replace('old_la_code', 'la_code')) });
    await expect(alert).toContainText('“referrals.csv” is not in the Explore Education Statistics layout: it has no column “old_la_code”.');
    await expectNoAccessibilityViolations(page);

    await input.setInputFiles({ name: 'referrals.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]) });
    await expect(alert).toContainText('“referrals.xlsx” is a spreadsheet workbook or zip archive, not a CSV file');

    await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect(alert).toContainText('“empty.csv” is empty');

    await input.setInputFiles({ name: 'everything.csv', mimeType: 'text/csv', buffer: Buffer.alloc(26_000_000, 'a') });
    await expect(alert).toContainText('“everything.csv” is 26 MB, over the 25 MB a published statistics file can be here');

    // A measure column with a value that is neither a number nor a code: refused at the column, naming the line.
    const lines = original.split('\n');
    const hackney = lines.findIndex((line) => line.startsWith('2025,') && line.includes(',204,'));
    lines[hackney] = (lines[hackney] ?? '').replace(/,(\d+),(\d+),([\d.]+),/, ',$1,$2,n/a,');
    await input.setInputFiles({ name: C1, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect(page.getByRole('status').filter({ hasText: `Read “${C1}”` })).toBeVisible();
    await page.getByRole('button', { name: /KPI to load into/ }).click();
    await page.getByRole('option', { name: `K01 ${kpi.name}` }).click();
    await page.getByRole('button', { name: /Column to import/ }).click();
    await page.getByRole('option', { name: 'rereferral_percent', exact: true }).click();
    await page.getByRole('combobox', { name: 'Council' }).fill('hackney');
    await page.getByRole('option', { name: /^Hackney/ }).click();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    const measure = page.getByRole('button', { name: /Column to import/ });
    await expect(page.getByText(`Column “rereferral_percent” has “n/a” on line ${hackney + 1} (Hackney, 2025), which is neither a number nor one of DfE’s codes`)).toBeVisible();
    await expect(measure).toHaveAttribute('aria-describedby', /.+/);
    await expect(page.getByRole('heading', { name: '3. Check what will be loaded' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    expect(await call<Series>(context.request, host, 'kpis.series', { kpiId: kpi.id })).toEqual(before);
  });

  test('a file with filters: a filter left to choose is asked for at its field, and a KPI from the catalogue fills in its column and filters', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const kpis = await call<(Kpi & { catalogueKey: string | null })[]>(context.request, host, 'kpis.list', { planId });
    const stability = kpis.find((kpi) => kpi.catalogueKey === 'dfe-cla-long-term-stability');
    const rereferrals = kpis.find((kpi) => kpi.catalogueKey === 'dfe-rereferrals-12-months');
    if (!stability || !rereferrals) throw new Error('The demo plan lacks its DfE KPIs');
    await openApp(page, host, `/plans/${planId}/kpis/import-published?kpi=${rereferrals.id}`);
    await page.getByLabel('Published statistics file').setInputFiles(path.join(DFE, STABILITY));
    await expect(page.getByRole('status').filter({ hasText: `Read “${STABILITY}”` })).toBeVisible();

    // K01's catalogue entry names another file, so the column and the filters are chosen here.
    await page.getByRole('button', { name: /Column to import/ }).click();
    await page.getByRole('option', { name: 'children_percent' }).click();
    await page.getByRole('combobox', { name: 'Council' }).fill('Kent');
    await page.getByRole('option', { name: 'Kent (886, E10000016)' }).click();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByText('Choose a value for cla_group: Kent has 6 rows for 2024/25, whose cla_group is “Children looked after continuously')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'see the message under “cla_group”' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: /cla_group/ }).click();
    await page.getByRole('option', { name: 'CLA on 31 March', exact: true }).click();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByText('Choose a value for placement_stability: Kent has 2 rows for 2024/25')).toBeVisible();
    await page.getByRole('button', { name: /placement_stability/ }).click();
    await page.getByRole('option', { name: 'With 3 or more placements during the year' }).click();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('heading', { name: '3. Check what will be loaded' })).toBeFocused();
    await expect(page.getByRole('listitem').filter({ hasText: 'K01 is published in DfE’s c1_children_in_need_referrals files' })).toBeVisible();

    // The long-term stability KPI came from the catalogue: its column and filters are filled in.
    await page.getByRole('button', { name: /KPI to load into/ }).click();
    await page.getByRole('option', { name: `${stability.reference} ${stability.name}` }).click();
    const group = 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years';
    const measure = 'Living with the same carer for at least 2 years';
    await expect(page.getByRole('button', { name: /Column to import/ })).toContainText('children_percent');
    await expect(page.getByRole('button', { name: /cla_group/ })).toContainText(group);
    await expect(page.getByRole('button', { name: /placement_stability/ })).toContainText(measure);
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('heading', { name: '3. Check what will be loaded' })).toBeFocused();
    const kent = stabilityRows.find((row) => row.time_period === '2025' && row.old_la_code === '886' && row.cla_group === group && row.placement_stability === measure);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2024\/25/ }) });
    await expect(row.getByRole('cell').first()).toHaveText(new RegExp(`^${percent(kent?.children_percent)}`));
    await expectNoAccessibilityViolations(page);
  });
});
