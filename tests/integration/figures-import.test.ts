// Importing the performance team's monthly figures from real XLSX workbooks (made with exceljs
// here) and real CSV files, through the dispatcher, on a real SQLite file: the mapping guessed
// and remembered, the preview cell by cell, every problem by row and column, and a file with any
// problem refused whole, the database exactly as it was.
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { FiguresMapping, FiguresPreview } from '../../shared/contract-figures-import';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefused } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
let plan: PlanBuilder;
const ids: Record<string, string> = {};

beforeEach(() => {
  app = openTestApp();
  plan = new PlanBuilder(app);
  const kpi = (reference: string, name: string, unit: string, frequency = 'monthly') =>
    (ids[reference] = plan.add(schema.kpis, { planId: plan.planId, reference, name, unit, polarity: 'higher-is-better', frequency }));
  kpi('K01', 'Re-referrals within 12 months of a previous referral', 'percentage');
  kpi('K02', 'Child and family assessments completed within 45 working days', 'percentage');
  kpi('K03', 'Children in need', 'count');
  kpi('K04', 'Care leavers aged 19 to 21 in touch', 'percentage', 'quarterly');
});
afterEach(() => app.close());

function storedValue(reference: string, period: string) {
  return (
    app.core.db
      .select()
      .from(schema.kpiValues)
      .where(and(eq(schema.kpiValues.kpiId, ids[reference] ?? ''), eq(schema.kpiValues.period, period), isNull(schema.kpiValues.deletedAt)))
      .get() ?? null
  );
}

function storedCount(): number {
  return app.core.db.select().from(schema.kpiValues).all().length;
}

const utc = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month - 1, day));

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** The wide layout: one row per KPI, months across, headed as performance teams head them. */
async function wideWorkbook(options: { k02March?: number; extraColumn?: boolean } = {}): Promise<string> {
  return workbook((book) => {
    book.addWorksheet('Notes').addRow(['Figures are taken from the case management system on the 5th working day.']);
    const sheet = book.addWorksheet('Monthly figures');
    sheet.addRow(['Northmoor children’s services: monthly performance']);
    sheet.addRow([]);
    const april = (value: ExcelJS.CellValue): ExcelJS.CellValue[] => (options.extraColumn ? [value] : []);
    sheet.addRow(['Ref', 'Indicator', utc(2024, 1), 'Feb-24', 'March 2024', ...april('2024-04'), 'YTD']);
    sheet.getCell('C3').numFmt = 'mmm-yy';
    const k01 = sheet.addRow(['K01', 'Re-referrals', 0.225, 0.218, { formula: 'D4-0.005', result: 0.213 }, ...april(0.209), 22]);
    for (const column of ['C', 'D', 'E', 'F']) k01.getCell(column).numFmt = '0.0%';
    sheet.getCell(options.extraColumn ? 'G4' : 'F4').numFmt = 'General';
    sheet.addRow(['K02', 'Assessments in 45 days', '78%', { richText: [{ text: '81.5' }, { text: ' %' }] }, options.k02March ?? 84, ...april(null), 81]);
    sheet.addRow(['k03 ', 'Children in need', 1204, 'c', null, ...april(null), 1190]);
  });
}

const csv = (text: string, encoding: 'utf8' | 'bom' = 'utf8') =>
  Buffer.concat([encoding === 'bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]).toString('base64');

async function inspect(fileName: string, contentBase64: string, extra: { sheet?: string; headerRow?: number } = {}) {
  return app.call('figures.inspect', { planId: plan.planId, fileName, contentBase64, ...extra });
}

async function preview(fileName: string, contentBase64: string, sheet: string, mapping: FiguresMapping): Promise<FiguresPreview> {
  return app.call('figures.preview', { planId: plan.planId, fileName, contentBase64, sheet, mapping });
}

describe('a wide workbook: one row per KPI, periods across', () => {
  it('is read with its headings as periods, the mapping guessed, and previewed cell by cell', async () => {
    const file = await wideWorkbook();
    const inspection = await inspect('Performance March 2024.xlsx', file);
    expect(inspection.fileKind).toBe('xlsx');
    expect(inspection.sheets).toEqual([
      { name: 'Notes', rowCount: 1 },
      { name: 'Monthly figures', rowCount: 6 },
    ]);
    expect(inspection.sheet).toBe('Monthly figures');
    expect(inspection.headerRow).toBe(3);
    expect(inspection.columns.map((column) => [column.letter, column.header, column.period])).toEqual([
      ['A', 'Ref', null],
      ['B', 'Indicator', null],
      ['C', '1 January 2024', 'the period holding 1 January 2024 (January 2024 for a monthly KPI)'],
      ['D', 'Feb-24', 'February 2024'],
      ['E', 'March 2024', 'March 2024'],
      ['F', 'YTD', null],
    ]);
    expect(inspection.mapping).toMatchObject({ layout: 'wide', headerRow: 3, kpiColumn: 0, periodColumns: [2, 3, 4] });
    expect(inspection.remembered).toBeNull();
    expect(inspection.sample[0]).toEqual({ row: 4, cells: ['K01', 'Re-referrals', '22.5%', '21.8%', '21.3%', '22'] });

    // What is stored already: one figure the file repeats, one it changes.
    plan.add(schema.kpiValues, { kpiId: ids.K01 ?? '', period: '2024-01', periodEnd: '2024-01-31', value: 22.5 });
    plan.add(schema.kpiValues, { kpiId: ids.K02 ?? '', period: '2024-01', periodEnd: '2024-01-31', value: 75 });

    const result = await preview('Performance March 2024.xlsx', file, inspection.sheet, inspection.mapping);
    expect(result.problems).toEqual([]);
    expect(result.unmatched).toEqual([]);
    const shown = result.cells.map((cell) => [cell.row, cell.column, cell.reference, cell.periodLabel, cell.current?.value ?? null, cell.incoming.value, cell.incoming.suppressionCode, cell.status]);
    expect(shown).toEqual([
      [4, 'C', 'K01', 'January 2024', 22.5, 22.5, null, 'same'],
      [4, 'D', 'K01', 'February 2024', null, 21.8, null, 'new'],
      [4, 'E', 'K01', 'March 2024', null, 21.3, null, 'new'],
      [5, 'C', 'K02', 'January 2024', 75, 78, null, 'changed'],
      [5, 'D', 'K02', 'February 2024', null, 81.5, null, 'new'],
      [5, 'E', 'K02', 'March 2024', null, 84, null, 'new'],
      [6, 'C', 'K03', 'January 2024', null, 1204, null, 'new'],
      [6, 'D', 'K03', 'February 2024', null, null, 'c', 'new'],
    ]);
    expect(result.counts).toEqual({ new: 6, changed: 1, same: 1, blank: 1 });
  });

  it('imports every figure, remembers the mapping for the plan, and offers it again next month with the new month taken', async () => {
    const file = await wideWorkbook();
    const inspection = await inspect('Performance March 2024.xlsx', file);
    const imported = await app.call('figures.import', {
      planId: plan.planId,
      fileName: 'Performance March 2024.xlsx',
      contentBase64: file,
      sheet: inspection.sheet,
      mapping: inspection.mapping,
      leaveOutUnmatched: false,
    });
    expect(imported).toEqual({ added: 8, changed: 0, unchanged: 0, blank: 1, rowsLeftOut: 0 });
    expect(storedValue('K01', '2024-03')).toMatchObject({ value: 21.3, suppressionCode: null, provisional: false });
    expect(storedValue('K02', '2024-02')).toMatchObject({ value: 81.5 });
    expect(storedValue('K03', '2024-02')).toMatchObject({ value: null, suppressionCode: 'c' });
    expect(storedValue('K03', '2024-03')).toBeNull();

    const nextMonth = await wideWorkbook({ extraColumn: true });
    const again = await inspect('Performance April 2024.xlsx', nextMonth);
    expect(again.remembered).toMatchObject({ fileName: 'Performance March 2024.xlsx' });
    expect(again.mapping).toMatchObject({ layout: 'wide', headerRow: 3, kpiColumn: 0, periodColumns: [2, 3, 4, 5] });
    const next = await preview('Performance April 2024.xlsx', nextMonth, again.sheet, again.mapping);
    expect(next.counts).toMatchObject({ new: 1, same: 8, changed: 0 });
    expect(next.cells.find((cell) => cell.status === 'new')).toMatchObject({ reference: 'K01', period: '2024-04', incoming: { value: 20.9 } });

    const otherPlan = new PlanBuilder(app, { title: 'Another plan' });
    const elsewhere = await app.call('figures.inspect', { planId: otherPlan.planId, fileName: 'Performance April 2024.xlsx', contentBase64: nextMonth });
    expect(elsewhere.remembered).toBeNull();
  });

  it('refuses a file with a percentage over 100, naming its row, column and heading, and saves none of its figures', async () => {
    const file = await wideWorkbook({ k02March: 104 });
    const inspection = await inspect('Performance.xlsx', file);
    const result = await preview('Performance.xlsx', file, inspection.sheet, inspection.mapping);
    expect(result.problems.map((problem) => problem.text)).toEqual(['Row 5, column E (March 2024): K02: a percentage cannot be over 100 (104 was entered)']);
    expect(result.problems[0]).toMatchObject({ row: 5, column: 'E', header: 'March 2024' });

    const before = databaseBytes(app);
    const refused = await app.send('figures.import', {
      planId: plan.planId,
      fileName: 'Performance.xlsx',
      contentBase64: file,
      sheet: inspection.sheet,
      mapping: inspection.mapping,
      leaveOutUnmatched: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (refused.ok) return;
    expect(refused.error.message).toBe(
      'Nothing was saved: the file has 1 problem to correct first. Row 5, column E (March 2024): K02: a percentage cannot be over 100 (104 was entered).',
    );
    expect(refused.error.details.fields).toEqual([{ path: 'rows.5.E', message: 'Row 5, column E (March 2024): K02: a percentage cannot be over 100 (104 was entered)' }]);
    expect(databaseBytes(app)).toBe(before);
    expect(storedCount()).toBe(0);
  });
});

describe('a long CSV file: one row per KPI and period', () => {
  const LONG = [
    'KPI;Month;Value;Provisional;Note',
    'K01;Jan-24;22,5%;No;',
    'K01;2024-02;"21.8 %";;',
    'Child and family assessments completed within 45 working days;March 2024;84.0;Yes;Awaiting the month-end check',
    'K03;01/03/2024;"1,204";;',
    'K03;Apr-24;;;no return yet',
    'K04;Q4 2023/24;low;;',
    '',
    'K04;Q1 2024/25;-;;',
  ].join('\r\n');

  it('is read with its byte-order mark, CRLF and semicolons, its columns guessed by their headings', async () => {
    const file = csv(LONG, 'bom');
    const inspection = await inspect('figures.csv', file);
    expect(inspection.fileKind).toBe('csv');
    expect(inspection.sheets).toEqual([{ name: 'figures.csv', rowCount: 9 }]);
    expect(inspection.columns.map((column) => column.header)).toEqual(['KPI', 'Month', 'Value', 'Provisional', 'Note']);
    expect(inspection.mapping).toEqual({ headerRow: 1, layout: 'long', kpiColumn: 0, periodColumn: 1, valueColumn: 2, provisionalColumn: 3, noteColumn: 4, periodColumns: [] });

    const result = await preview('figures.csv', file, inspection.sheet, inspection.mapping);
    // "22,5%" is not how a number is written in England: it is a problem, not 225.
    expect(result.problems.map((problem) => problem.text)).toEqual([
      'Row 2, column C (Value): K01: “22,5%” is not a number or a suppression code (c, x, u, z, low, k); leave the cell blank if there is no figure',
    ]);
    expect(result.counts.blank).toBe(2);
  });

  it('imports numbers written as percentages, suppression codes, provisional marks and notes; a day is the KPI’s month', async () => {
    const file = csv(LONG.replace('22,5%', '22.5%'));
    const inspection = await inspect('figures.csv', file);
    const result = await preview('figures.csv', file, inspection.sheet, inspection.mapping);
    expect(result.problems).toEqual([]);
    expect(result.cells.map((cell) => [cell.row, cell.column, cell.reference, cell.period, cell.incoming])).toEqual([
      [2, 'C', 'K01', '2024-01', { value: 22.5, suppressionCode: null, provisional: false, note: null }],
      [3, 'C', 'K01', '2024-02', { value: 21.8, suppressionCode: null, provisional: false, note: null }],
      [4, 'C', 'K02', '2024-03', { value: 84, suppressionCode: null, provisional: true, note: 'Awaiting the month-end check' }],
      [5, 'C', 'K03', '2024-03', { value: 1204, suppressionCode: null, provisional: false, note: null }],
      [7, 'C', 'K04', '2023-24-Q4', { value: null, suppressionCode: 'low', provisional: false, note: null }],
    ]);
    await app.call('figures.import', { planId: plan.planId, fileName: 'figures.csv', contentBase64: file, sheet: inspection.sheet, mapping: inspection.mapping, leaveOutUnmatched: false });
    expect(storedValue('K02', '2024-03')).toMatchObject({ value: 84, provisional: true, note: 'Awaiting the month-end check' });
    expect(storedValue('K04', '2023-24-Q4')).toMatchObject({ value: null, suppressionCode: 'low' });
    expect(storedValue('K03', '2024-04')).toBeNull();
  });

  it('reads tab-separated and comma-separated files alike', async () => {
    for (const delimiter of ['\t', ',']) {
      const file = csv(['KPI|Period|Value', 'K01|Apr-24|20.1', 'K03|Apr-24|1180'].join('\n').replaceAll('|', delimiter));
      const inspection = await inspect('figures.csv', file);
      expect(inspection.columns.map((column) => column.header)).toEqual(['KPI', 'Period', 'Value']);
      const result = await preview('figures.csv', file, inspection.sheet, inspection.mapping);
      expect(result.cells.map((cell) => cell.incoming.value)).toEqual([20.1, 1180]);
    }
  });

  it('checks each figure as saving would: the period suits the KPI’s frequency, a count is whole, a cell is given once', async () => {
    const file = csv(['KPI,Period,Value', 'K04,Apr-24,90', 'K03,Apr-24,12.5', 'K01,Apr-24,20', 'K01,April 2024,21', 'K02,Q1 2024,80', 'K02,May-24,-3'].join('\n'));
    const inspection = await inspect('figures.csv', file);
    const result = await preview('figures.csv', file, inspection.sheet, inspection.mapping);
    expect(result.problems.map((problem) => problem.text)).toEqual([
      'Row 6, column B (Period): K02: “Q1 2024” does not say which financial year: write Q1 2024/25 or Q1 2023/24',
      'Row 2, column B (Period): K04: it is measured quarterly, so give a quarter such as 2024-25-Q1, not April 2024',
      'Row 3, column C (Value): K03: a count must be a whole number (12.5 was entered)',
      'Row 5, column C (Value): K01, April 2024 is given twice: also in row 4, column C',
      'Row 7, column C (Value): K02: a percentage cannot be below 0 (-3 was entered)',
    ]);
    expect(result.problemCount).toBe(5);
  });
});

describe('rows whose KPI the plan does not have', () => {
  const file = csv(['Indicator,Period,Value', 'K01,Apr-24,20', 'Target,Apr-24,18', 'K99 Unknown measure,Apr-24,5', 'Target,May-24,18', 'K01 – Re-referrals,May-24,19'].join('\n'));

  it('are listed by their label and rows; the import is refused until they are left out, then the rest is saved', async () => {
    const inspection = await inspect('figures.csv', file);
    const result = await preview('figures.csv', file, inspection.sheet, inspection.mapping);
    expect(result.unmatched).toEqual([
      { label: 'Target', rows: [3, 5] },
      { label: 'K99 Unknown measure', rows: [4] },
    ]);
    expect(result.unmatchedRowCount).toBe(3);
    expect(result.cells.map((cell) => [cell.reference, cell.period])).toEqual([
      ['K01', '2024-04'],
      ['K01', '2024-05'],
    ]);

    const input = { planId: plan.planId, fileName: 'figures.csv', contentBase64: file, sheet: inspection.sheet, mapping: inspection.mapping };
    await expectRefused(app, 'figures.import', { ...input, leaveOutUnmatched: false }, {
      code: 'invalid-input',
      message: /^Nothing was saved: 3 rows name KPIs this plan does not have: “Target” \(rows 3, 5\); “K99 Unknown measure” \(row 4\)/,
      field: 'leaveOutUnmatched',
    });

    const imported = await app.call('figures.import', { ...input, leaveOutUnmatched: true });
    expect(imported).toMatchObject({ added: 2, rowsLeftOut: 3 });
    expect(storedValue('K01', '2024-05')).toMatchObject({ value: 19 });
  });
});

describe('an import is one change', () => {
  it('undone, it takes back every figure it saved and the mapping it remembered', async () => {
    const file = csv(['KPI,Period,Value', 'K01,Apr-24,20.5', 'K03,Apr-24,1180'].join('\n'));
    const inspection = await inspect('figures.csv', file);
    const answer = await app.send('figures.import', { planId: plan.planId, fileName: 'figures.csv', contentBase64: file, sheet: inspection.sheet, mapping: inspection.mapping, leaveOutUnmatched: false });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.changes).toHaveLength(1);
    expect(storedCount()).toBe(2);
    expect((await inspect('figures.csv', file)).remembered).toMatchObject({ fileName: 'figures.csv' });

    await app.call('changes.undo', { changeId: answer.changes?.[0] ?? '' });
    expect(storedValue('K01', '2024-04')).toBeNull();
    expect(storedValue('K03', '2024-04')).toBeNull();
    expect((await inspect('figures.csv', file)).remembered).toBeNull();
  });
});

describe('files that cannot be read', () => {
  async function refusal(fileName: string, content: Buffer, extra: { sheet?: string } = {}) {
    const before = databaseBytes(app);
    const answer = await app.send('figures.inspect', { planId: plan.planId, fileName, contentBase64: content.toString('base64'), ...extra });
    expect(databaseBytes(app)).toBe(before);
    if (answer.ok) throw new Error(`${fileName} was read`);
    expect(answer.error.code).toBe('invalid-input');
    return { message: answer.error.message, path: answer.error.details.fields?.[0]?.path };
  }

  it('a damaged workbook (a truncated zip) is refused as damaged', async () => {
    const whole = Buffer.from(await wideWorkbook(), 'base64');
    expect(await refusal('Performance.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({
      message: '“Performance.xlsx” is damaged or is not an Excel workbook, so it cannot be read. Open it in Excel, save it again as an Excel Workbook (.xlsx) and choose it again.',
      path: 'contentBase64',
    });
  });

  it('a .xlsx that is really text is refused, saying what it is', async () => {
    expect((await refusal('Performance.xlsx', Buffer.from('KPI,Period,Value\nK01,Apr-24,20\n'))).message).toBe(
      '“Performance.xlsx” is named as an Excel workbook but holds plain text. If it is a CSV file, rename it to end in .csv; otherwise open it in Excel and save it as an Excel Workbook (.xlsx).',
    );
  });

  it('a password-protected workbook and an old .xls are told apart', async () => {
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    const encrypted = Buffer.concat([compound, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]);
    expect((await refusal('Performance.xlsx', encrypted)).message).toMatch(/^“Performance.xlsx” is protected by a password, so it cannot be read\. Open it in Excel, remove the password/);
    expect((await refusal('Performance.xls', compound)).message).toMatch(/^“Performance.xls” is in the old Excel 97–2003 format \(\.xls\)\. Open it in Excel, save it as an Excel Workbook \(\.xlsx\)/);
  });

  it('a file that is not a spreadsheet at all is refused', async () => {
    const picture = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await refusal('chart.png', picture)).message).toBe(
      '“chart.png” is not a spreadsheet. Choose the Excel workbook (.xlsx) or CSV file of figures the performance team sent.',
    );
  });

  it('an empty sheet is refused when chosen; a workbook whose every sheet is empty is refused whole', async () => {
    const oneEmpty = await workbook((book) => {
      book.addWorksheet('Blank');
      book.addWorksheet('Figures').addRows([['KPI', 'Apr-24', 'May-24'], ['K01', 20, 21]]);
    });
    const inspection = await inspect('Performance.xlsx', oneEmpty);
    expect(inspection.sheet).toBe('Figures');
    expect(await refusal('Performance.xlsx', Buffer.from(oneEmpty, 'base64'), { sheet: 'Blank' })).toEqual({
      message: 'The sheet “Blank” is empty: choose the sheet that holds the figures.',
      path: 'sheet',
    });
    const allEmpty = await workbook((book) => book.addWorksheet('Sheet1'));
    expect((await refusal('Empty.xlsx', Buffer.from(allEmpty, 'base64'))).message).toBe('“Empty.xlsx” has no figures: every sheet in it is empty.');
    expect((await refusal('empty.csv', Buffer.from('\r\n\r\n'))).message).toBe('“empty.csv” is empty: it has no rows.');
  });

  it('a sheet over 100,000 rows is refused, in a workbook and in a CSV file', async () => {
    const long = await workbook((book) => {
      const sheet = book.addWorksheet('Everything');
      sheet.addRow(['KPI', 'Period', 'Value']);
      for (let row = 0; row < 100_000; row += 1) sheet.addRow(['K01', 'Apr-24', row]);
    });
    expect(await refusal('Everything.xlsx', Buffer.from(long, 'base64'))).toEqual({
      message: 'The sheet “Everything” has 100,001 rows; at most 100,000 are read. Copy the figures to import into a sheet of their own and choose that.',
      path: 'sheet',
    });
    const longCsv = Buffer.from(['KPI,Period,Value', ...Array.from({ length: 100_000 }, () => 'K01,Apr-24,1')].join('\n'));
    expect((await refusal('everything.csv', longCsv)).message).toMatch(/^The sheet “everything.csv” has 100,001 rows; at most 100,000 are read/);
  }, 60_000);

  it('a file over 20 MB is refused before it is read', async () => {
    const answer = await app.send('figures.inspect', { planId: plan.planId, fileName: 'huge.csv', contentBase64: Buffer.alloc(20 * 1024 * 1024 + 1, 65).toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'contentBase64' }] } } });
    if (!answer.ok) expect(answer.error.details.fields?.[0]?.message).toBe('“huge.csv” is larger than 20 MB, the largest file the import reads. Save the sheet of figures on its own and choose that');
  });
});
