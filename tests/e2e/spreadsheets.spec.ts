// The plan as a spreadsheet in Chromium: the action plan downloaded from the actions page as an
// Excel workbook and read back, the KPI values as CSV from the scorecard; and a council's tracker
// imported through its page, a date the import cannot read corrected in the preview by keyboard,
// and the actions then found in the table.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionRow } from '../../shared/contract';
import { expect, test } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, openDemoPlan, openPlanPage } from './support';

function tempFile(name: string, content: Buffer): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-tracker-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

test.describe('the plan as a spreadsheet', () => {
  test('the action plan downloads from the actions page as an Excel workbook, and the KPI values from the scorecard as CSV', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const actions = await call<ActionRow[]>(context.request, host, 'actions.list', { planId });
    await openDemoPlan(page, host, 'Actions');
    const downloads = page.getByRole('group', { name: 'Download the action plan' });
    await expect(downloads.getByRole('button', { name: /^Excel/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('actions-downloads.png') });

    const [excel] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name: /^Excel/ }).click()]);
    expect(excel.suggestedFilename()).toMatch(/^Children’s Services Improvement Plan 2025 to 2028 action plan and KPIs \d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await excel.path());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Action plan', 'KPIs', 'KPI values', 'RAG key']);
    const sheet = book.getWorksheet('Action plan')!;
    expect(sheet.rowCount).toBe(actions.length + 1);
    expect(sheet.getCell('A2').value).toBe(actions[0]!.reference);
    const due = actions.find((action) => action.currentDueDate !== null)!;
    const row = sheet.getColumn(1).values.findIndex((value) => value === due.reference);
    expect((sheet.getCell(row, 7).value as Date).toISOString().slice(0, 10)).toBe(due.currentDueDate);

    // From the keyboard: the scorecard's CSV button, reached with Tab and pressed with Enter.
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'KPIs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'KPI scorecard' })).toBeVisible();
    const kpiDownloads = page.getByRole('group', { name: 'Download the KPIs' });
    await kpiDownloads.getByRole('button', { name: /^Excel/ }).focus();
    await page.keyboard.press('Tab');
    await expect(kpiDownloads.getByRole('button', { name: /^CSV/ })).toBeFocused();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csv.suggestedFilename()).toMatch(/ KPI values \d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('KPI,KPI name,Period,Period end,Value,Unit,Provisional,Suppression code,Note');
    await expectNoAccessibilityViolations(page);
  });

  test('a council’s tracker is imported through its page: a date corrected in the preview, then the actions are in the table', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const before = await call<ActionRow[]>(context.request, host, 'actions.list', { planId });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tracker');
    sheet.addRow(['Northmoor children’s services improvement tracker']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['Updated for the March board']);
    sheet.addRow(['Ref', 'What?', 'Who?', 'When?', 'RAG', 'Update']);
    sheet.addRow(['T1', 'Zebrafinch audit of supervision records', 'Helen Marsh', new Date(Date.UTC(2026, 8, 30)), 'Green', 'Audit tool agreed.']);
    sheet.addRow(['T2', 'Zebrafinch review of the front door', 'Helen Marsh', 'end of Sept', 'Amber', null]);
    sheet.addRow(['T3', 'Zebrafinch training for team managers', 'Helen Marsh', '31/10/2026', 'Red', null]);
    const file = tempFile('Improvement tracker.xlsx', Buffer.from(await book.xlsx.writeBuffer()));

    // Reached from the plan's menu.
    await openPlanPage(page, host, planId, 'actions', 'Actions');
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Import a tracker' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import an action plan tracker' })).toBeVisible();
    await page.getByLabel('Action plan tracker').setInputFiles(file);
    await expect(page.getByRole('heading', { name: '2. Check which column holds what' })).toBeVisible();
    await expect(page.getByLabel('Headings are in row')).toHaveValue('3');
    await expect(page.getByRole('button', { name: 'B: What? Action (needed)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'D: When? Due date' })).toBeVisible();
    const problems = page.getByRole('region', { name: '1 problem to correct before anything can be imported' });
    await expect(problems).toContainText('Row 5, column D (When?): “end of Sept” is not a date the import can read');
    await expect(page.getByRole('table', { name: /Rows with problems/ }).getByRole('row', { name: /Zebrafinch review of the front door/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('tracker-import-problems.png'), fullPage: true });

    // Nothing is saved while a problem remains.
    await page.getByRole('button', { name: 'Import 3 actions' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('Nothing was saved: the tracker has 1 problem to correct first.');
    expect(await call<ActionRow[]>(context.request, host, 'actions.list', { planId })).toHaveLength(before.length);

    // The date is corrected by keyboard, and the rows checked again.
    const correction = problems.getByRole('textbox', { name: 'Correction for row 5, When?' });
    await expect(correction).toHaveValue('end of Sept');
    await correction.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30/09/2026');
    await page.getByRole('button', { name: 'Check the rows again' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '3. Check the rows' })).toBeFocused();
    await expect(page.getByRole('region', { name: /problems? to correct/ })).toHaveCount(0);
    const rows = page.getByRole('table', { name: /Every row, as it will be imported/ });
    await expect(rows.getByRole('row', { name: /Zebrafinch review of the front door.*30 Sept? 2026/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('tracker-import-corrected.png'), fullPage: true });

    // A column changed after the check: the preview is out of date, so importing waits for another check.
    await page.getByRole('button', { name: 'D: When? Due date' }).click();
    await page.getByRole('option', { name: 'Not in this tracker' }).click();
    await expect(page.getByText('The columns have changed since the rows were checked.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import 3 actions' })).toBeDisabled();
    await page.getByRole('button', { name: /Not in this tracker Due date/ }).click();
    await page.getByRole('option', { name: 'D: When?' }).click();
    await page.getByRole('button', { name: 'Check the rows again' }).click();
    await expect(page.getByText('The columns have changed since the rows were checked.')).toHaveCount(0);
    await expect(rows.getByRole('row', { name: /Zebrafinch review of the front door.*30 Sept? 2026/ })).toBeVisible();

    await page.getByRole('button', { name: 'Import 3 actions' }).click();
    await expect(page.getByRole('heading', { name: 'Actions imported from “Improvement tracker.xlsx”' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '3 actions and 1 progress update imported' })).toBeVisible();
    await page.getByRole('link', { name: 'See the actions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
    await page.getByLabel('Search the actions and their updates').fill('Zebrafinch');
    await expect(page.getByRole('status').filter({ hasText: /^Showing 3 of/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /T2 Zebrafinch review of the front door/ })).toBeVisible();

    const after = await call<ActionRow[]>(context.request, host, 'actions.list', { planId });
    const imported = after.filter((action) => action.reference.startsWith('T'));
    expect(imported.map((action) => [action.reference, action.currentDueDate, action.rag, action.ownerName])).toEqual([
      ['T1', '2026-09-30', 'green', 'Helen Marsh'],
      ['T2', '2026-09-30', 'amber', 'Helen Marsh'],
      ['T3', '2026-10-31', 'red', 'Helen Marsh'],
    ]);
  });
});
