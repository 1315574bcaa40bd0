// The performance team's monthly spreadsheet imported into the demo plan in Chromium: a real file
// chosen through the file input, its columns mapped, the preview checked, the figures imported
// and read back through the contract; and a file with a bad cell refused whole, its problem shown
// by row and column, nothing saved.
import type { APIRequestContext } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type RunningHost } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, openPlanPage } from './support';

interface Grid {
  rows: { reference: string; cells: Record<string, { value: number | null; provisional: boolean; note: string | null }> }[];
}

/** The plan's stored monthly figures for these months, by KPI reference and period key. */
async function storedFigures(request: APIRequestContext, host: RunningHost, planId: string, from: string, to: string) {
  const grid = await call<Grid>(request, host, 'kpis.grid', { planId, frequency: 'monthly', from, to });
  return (reference: string, period: string) => grid.rows.find((row) => row.reference === reference)?.cells[period] ?? null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** This month and the two before: the demo plan holds figures up to last month. */
function recentMonths() {
  const today = new Date();
  return [2, 1, 0].map((back) => {
    const day = new Date(today.getFullYear(), today.getMonth() - back, 1);
    const key = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`;
    return {
      key,
      label: `${MONTH_NAMES[day.getMonth()]} ${day.getFullYear()}`,
      short: `${MONTH_NAMES[day.getMonth()]?.slice(0, 3)}-${String(day.getFullYear() % 100).padStart(2, '0')}`,
      date: new Date(Date.UTC(day.getFullYear(), day.getMonth(), 1)),
    };
  });
}

function tempFile(name: string, content: Buffer): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-figures-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

test.describe('importing the performance team’s figures', () => {
  test('a wide workbook is chosen, its columns mapped, previewed and imported; next month the mapping is offered again', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const [older, last, current] = recentMonths() as [ReturnType<typeof recentMonths>[number], ReturnType<typeof recentMonths>[number], ReturnType<typeof recentMonths>[number]];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('KPIs');
    sheet.addRow(['Northmoor monthly performance report']);
    sheet.addRow(['Ref', 'Measure', older.short, last.date, `${current.label} (provisional)`, 'Target']);
    sheet.getCell('D2').numFmt = 'mmm-yy';
    const k01 = sheet.addRow(['K01', 'Re-referrals within 12 months', 0.301, 0.235, 0.221, 0.2]);
    for (const column of ['C', 'D', 'E', 'F']) k01.getCell(column).numFmt = '0.0%';
    sheet.addRow(['K02', 'Assessments within 45 working days', '70%', '80.5%', '82.25%', '85%']);
    const file = tempFile('Performance report.xlsx', Buffer.from(await book.xlsx.writeBuffer()));

    await openPlanPage(page, host, planId, 'kpis/import-figures', 'Import the performance team’s figures');
    await page.getByLabel('Spreadsheet of figures').setInputFiles(file);
    await expect(page.getByRole('heading', { name: '2. Say which columns hold what' })).toBeVisible();
    await expect(page.getByLabel('Headings are in row')).toHaveValue('2');
    await expect(page.getByRole('radio', { name: /One row for each KPI, periods across/ })).toBeChecked();
    const columns = page.getByRole('group', { name: 'Columns of figures' });
    await expect(columns.getByRole('checkbox', { name: `D: 1 ${last.label} → reads as the period holding 1 ${last.label} (${last.label} for a monthly KPI)` })).toBeChecked();
    await expect(columns.getByRole('checkbox', { name: `E: ${current.label} (provisional) → reads as ${current.label}` })).toBeChecked();
    await expect(columns.getByRole('checkbox', { name: 'F: Target → not a period' })).not.toBeChecked();
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('figures-import-mapping.png'), fullPage: true });

    // The oldest month is left out, by keyboard.
    const oldest = columns.getByRole('checkbox', { name: new RegExp(`^C: ${older.short}`) });
    await oldest.focus();
    await page.keyboard.press('Space');
    await expect(oldest).not.toBeChecked();

    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('heading', { name: '3. Check the preview' })).toBeFocused();
    const table = page.getByRole('table', { name: /New and changed figures/ });
    await expect(table.getByRole('row', { name: new RegExp(`K01 Re-referrals.*${current.label}.*22\\.1%, provisional.*New`) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`K01 Re-referrals.*${last.label}.*23\\.5%.*Changed`) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`K02 Child and family.*${last.label}.*80\\.5%.*Changed`) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(older.label) })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('figures-import-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import the figures' }).click();
    await expect(page.getByRole('heading', { name: 'Figures imported from “Performance report.xlsx”' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '2 new, 2 changed' })).toBeVisible();

    const stored = await storedFigures(context.request, host, planId, `${older.key}-01`, `${current.key}-01`);
    expect(stored('K01', current.key)).toMatchObject({ value: 22.1, provisional: true });
    expect(stored('K01', last.key)).toMatchObject({ value: 23.5, provisional: false });
    expect(stored('K02', current.key)).toMatchObject({ value: 82.25 });
    expect(stored('K01', older.key)?.value).not.toBe(30.1);

    // Next month: the same file again, and the columns chosen are set again, the oldest month still left out.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Import the performance team’s figures' })).toBeVisible();
    await page.getByLabel('Spreadsheet of figures').setInputFiles(file);
    await expect(page.getByText('The columns chosen last time, for “Performance report.xlsx”')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Columns of figures' }).getByRole('checkbox', { name: new RegExp(`^C: ${older.short}`) })).not.toBeChecked();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('list', { name: 'What the import will do' })).toContainText('4 the same as stored');
  });

  test('a CSV file with a percentage over 100 and a KPI the plan lacks is refused whole, its problem shown by row and column', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const [, last, current] = recentMonths() as [unknown, ReturnType<typeof recentMonths>[number], ReturnType<typeof recentMonths>[number]];
    const before = await storedFigures(context.request, host, planId, `${last.key}-01`, `${current.key}-01`);
    const csv = ['Measure;Month;Actual;Comment', `K01;${current.short};19.5;`, `K02;${current.short};104%;Includes late returns`, `Front door contacts;${current.short};1204;`].join('\r\n');
    const file = tempFile('figures.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));

    await openPlanPage(page, host, planId, 'kpis/import-figures', 'Import the performance team’s figures');
    await page.getByLabel('Spreadsheet of figures').setInputFiles(file);
    await expect(page.getByRole('radio', { name: /One row for each KPI and period/ })).toBeChecked();
    await expect(page.getByRole('button', { name: 'A: Measure KPI (its reference or name)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'B: Month Period' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'C: Actual Figure' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'None Provisional (optional)' })).toBeVisible();
    // The comments are not to be kept as notes.
    await page.getByRole('button', { name: 'D: Comment Note (optional)' }).click();
    await page.getByRole('option', { name: 'None' }).click();
    await expect(page.getByRole('button', { name: 'None Note (optional)' })).toBeVisible();
    await page.getByRole('button', { name: 'Preview the import' }).click();

    const problems = page.getByRole('region', { name: '1 problem to correct in the file before anything can be imported' });
    await expect(problems).toContainText('Row 3, column C (Actual): K02: a percentage cannot be over 100 (104 was entered)');
    const unmatched = page.getByRole('region', { name: '1 row names a KPI this plan does not have' });
    await expect(unmatched).toContainText('“Front door contacts”: row 4');
    await unmatched.getByText('Leave these rows out of the import').click();
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('figures-import-problems.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import the figures' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await expect(refusal).toContainText(
      'Nothing was saved: the file has 1 problem to correct first. Row 3, column C (Actual): K02: a percentage cannot be over 100 (104 was entered).',
    );
    const after = await storedFigures(context.request, host, planId, `${last.key}-01`, `${current.key}-01`);
    expect(after('K01', current.key)).toEqual(before('K01', current.key));
    expect(after('K02', current.key)).toEqual(before('K02', current.key));

    // Corrected and chosen again, the same file is read afresh and imported, the unknown row left out.
    fs.writeFileSync(file, csv.replace('104%', '94%'));
    await page.getByLabel('Spreadsheet of figures').setInputFiles(file);
    await page.getByRole('button', { name: 'D: Comment Note (optional)' }).click();
    await page.getByRole('option', { name: 'None' }).click();
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('region', { name: /problems? to correct/ })).toHaveCount(0);
    await page.getByText('Leave these rows out of the import').click();
    await page.getByRole('button', { name: 'Import the figures' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 row naming KPIs this plan does not have was left out' })).toBeVisible();
    const corrected = await storedFigures(context.request, host, planId, `${last.key}-01`, `${current.key}-01`);
    expect(corrected('K01', current.key)).toMatchObject({ value: 19.5 });
    expect(corrected('K02', current.key)).toMatchObject({ value: 94, note: before('K02', current.key)?.note ?? null });
  });

  test('a file named .xlsx that is really text is refused, saying what to do', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    await openPlanPage(page, host, planId, 'kpis/import-figures', 'Import the performance team’s figures');
    await page.getByLabel('Spreadsheet of figures').setInputFiles(tempFile('figures.xlsx', Buffer.from('KPI,Period,Value\nK01,Apr-24,20\n')));
    const alert = page.getByRole('alert').filter({ hasText: '“figures.xlsx” was not read' });
    await expect(alert).toContainText('“figures.xlsx” is named as an Excel workbook but holds plain text. If it is a CSV file, rename it to end in .csv');
    await expect(page.getByRole('heading', { name: '2. Say which columns hold what' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
