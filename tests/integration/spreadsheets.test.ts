// The plan as a spreadsheet, through the dispatcher on a real SQLite file: the action plan and
// KPIs exported to Excel (read back with exceljs and opened by LibreOffice, as a recipient without
// the app would open it) and CSV; and a council's own tracker, made here with exceljs as councils
// make them (title rows, merged cells, "What? / Who? / When?" headings, "end of Sept"), read,
// previewed row by row, corrected and imported; every kind of bad file refused with the database
// byte for byte as it was.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { TrackerInput, TrackerInspection } from '../../shared/contract-spreadsheets';
import { DEFAULT_RAG_MEANINGS } from '../../shared/rag';
import { readDateText } from '../../electron/core/spreadsheets/tracker-cells';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefused } from '../support/refusals';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';

const CONVERSION_TIMEOUT_MS = 90_000;

function run(command: string, args: string[], timeout = CONVERSION_TIMEOUT_MS): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed, and the workbook is checked with it as a reader would open it: install the libreoffice-calc-nogui package.`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

async function workbookBase64(build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return book;
}

/** The headings of row 1 and each row below as an object by heading. */
function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    records.push(Object.fromEntries(headings.map((heading, index) => [heading, row.getCell(index + 1)])));
  });
  return records;
}

// ---------------------------------------------------------------- export

describe('the action plan and KPIs exported', () => {
  let app: TestApp;
  let planId: string;
  let folder: string;

  beforeAll(async () => {
    app = openTestApp({ seedDemo: true });
    planId = (await app.call('plans.list', {}))[0]!.id;
    await app.call('plans.update', { planId, classification: 'official-sensitive' });
    folder = makeTempDirectory('g2g-spreadsheets-');
  });
  afterAll(() => {
    app.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('to Excel: the three tables with their headings in row 1, frozen, filtered and in bold, and the RAG key', async () => {
    const file = await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'xlsx' });
    expect(file.fileName).toMatch(/^Children’s Services Improvement Plan 2025 to 2028 action plan and KPIs \d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await readWorkbook(file.base64);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Action plan', 'KPIs', 'KPI values', 'RAG key']);

    const sheet = book.getWorksheet('Action plan')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Reference',
      'Theme',
      'Action',
      'Owner',
      'Lead',
      'Start date',
      'Due date',
      'Status',
      'RAG',
      'Latest update',
      'Update date',
      'Success measures',
      'Linked recommendations',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const actions = await app.call('actions.list', { planId });
    expect(sheet.autoFilter).toBe(`A1:M${actions.length + 1}`);
    expect(sheet.getColumn(3).width).toBeGreaterThan(30);
    expect(sheet.rowCount).toBe(actions.length + 1);

    for (const name of ['KPIs', 'KPI values', 'RAG key']) {
      const other = book.getWorksheet(name)!;
      expect(other.getRow(1).getCell(1).font?.bold, name).toBe(true);
      expect(other.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(other.autoFilter, name).toBeTruthy();
    }
  });

  it('writes dates as date cells with a date format, and RAG as a word on its fill, explained in the key', async () => {
    const book = await readWorkbook((await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'xlsx' })).base64);
    const overview = await app.call('plans.overview', { planId });
    const records = sheetRecords(book.getWorksheet('Action plan')!);
    const first = overview.actions.find((action) => action.currentDueDate !== null && action.rag === 'red')!;
    const record = records.find((each) => each.Reference!.value === first.reference)!;
    expect(record['Due date']!.value).toBeInstanceOf(Date);
    expect((record['Due date']!.value as Date).toISOString().slice(0, 10)).toBe(first.currentDueDate);
    expect(record['Due date']!.numFmt).toBe('d mmm yyyy');
    expect(record.RAG!.value).toBe('Red');
    expect(record.RAG!.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB3261E' } });
    expect(record.RAG!.font?.color?.argb).toBe('FFFFFFFF');
    const unrated = overview.actions.find((action) => action.rag === null);
    if (unrated) expect(records.find((each) => each.Reference!.value === unrated.reference)!.RAG!.value).toBe('Not rated');

    const key = sheetRecords(book.getWorksheet('RAG key')!);
    expect(key.map((line) => line.RAG!.value)).toEqual(['Red', 'Amber', 'Green', 'Blue', 'Not rated']);
    expect(key[0]!['What it means in this plan']!.value).toBe(overview.plan.ragMeanings.red);
    expect(key[1]!.RAG!.fill).toMatchObject({ fgColor: { argb: 'FFF0A30A' } });
    const note = book.getWorksheet('Action plan')!.getCell('I1').note;
    expect(JSON.stringify(note)).toContain(overview.plan.ragMeanings.amber.slice(0, 20));
  });

  it('writes KPI figures as numbers in their unit’s format, with the rating, direction of travel and comparators', async () => {
    const book = await readWorkbook((await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'xlsx' })).base64);
    const scorecard = await app.call('kpis.scorecard', { planId });
    const rows = scorecard.groups.flatMap((group) => group.rows);
    const kpis = sheetRecords(book.getWorksheet('KPIs')!);
    const percentage = rows.find((row) => row.unit === 'percentage' && row.latest?.value !== null && row.latest !== null)!;
    const line = kpis.find((each) => each.Reference!.value === percentage.reference)!;
    expect(line['Latest value']!.value).toBeCloseTo(percentage.latest!.value! / 100, 10);
    expect(line['Latest value']!.numFmt).toBe('0.0%');
    expect(line['Latest period']!.value).toBe(percentage.latest!.periodLabel);
    expect(line.RAG!.value).toBe(percentage.rating.rag ? percentage.rating.rag.charAt(0).toUpperCase() + percentage.rating.rag.slice(1) : 'Not rated');
    expect(line['RAG explained']!.value).toBe(percentage.rating.explanation);
    expect(line['Direction of travel']!.value).toBe(percentage.travel.explanation);
    const count = rows.find((row) => row.unit === 'count' && row.latest?.value != null);
    if (count) expect(kpis.find((each) => each.Reference!.value === count.reference)!['Latest value']!.numFmt).toBe('#,##0');
    const headings = (book.getWorksheet('KPIs')!.getRow(1).values as unknown[]).slice(1);
    const withEngland = rows.find((row) => row.comparators.some((comparator) => comparator.kind === 'england'));
    if (withEngland) {
      expect(headings).toContain('England');
      const england = withEngland.comparators.find((comparator) => comparator.kind === 'england')!;
      expect(kpis.find((each) => each.Reference!.value === withEngland.reference)!['England period']!.value).toBe(england.periodLabel);
    }

    const values = sheetRecords(book.getWorksheet('KPI values')!);
    const series = await app.call('kpis.series', { kpiId: percentage.id });
    const point = series.points.at(-1)!;
    const value = values.find((each) => each.KPI!.value === percentage.reference && each.Period!.value === point.label)!;
    expect(value['Period end']!.value).toBeInstanceOf(Date);
    expect((value['Period end']!.value as Date).toISOString().slice(0, 10)).toBe(point.end);
    expect(value.Value!.numFmt).toBe('0.0%');
    expect(value.Provisional!.value).toBe(point.provisional ? 'Yes' : 'No');
  });

  it('carries the marking in every page’s header and footer and in the document’s properties', async () => {
    const book = await readWorkbook((await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'xlsx' })).base64);
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader, sheet.name).toBe('&C&BOFFICIAL-SENSITIVE');
      expect(sheet.headerFooter.oddFooter, sheet.name).toMatch(/^&LChildren’s Services Improvement Plan 2025 to 2028&C&BOFFICIAL-SENSITIVE&RPage &P of &N$/);
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
    }
    expect(book.category).toBe('OFFICIAL-SENSITIVE');
    expect(book.keywords).toBe('OFFICIAL-SENSITIVE');
    expect(book.company).toBe('Northmoor Borough Council');
    expect(book.title).toBe('Children’s Services Improvement Plan 2025 to 2028: action plan and KPIs');
  });

  it('for one theme: only its actions and the KPIs linked to it', async () => {
    const overview = await app.call('plans.overview', { planId });
    const theme = overview.themes[1]!;
    const file = await app.call('spreadsheets.exportPlan', { planId, themeId: theme.id, format: 'xlsx' });
    expect(file.fileName).toContain(` theme ${theme.reference} `);
    const book = await readWorkbook(file.base64);
    const references = sheetRecords(book.getWorksheet('Action plan')!).map((record) => record.Reference!.value);
    expect(references).toEqual(overview.actions.filter((action) => action.themeId === theme.id).map((action) => action.reference));
    const kpis = await app.call('kpis.list', { planId });
    const linked = kpis.filter((kpi) => kpi.themes.some((each) => each.id === theme.id)).map((kpi) => kpi.reference);
    expect(sheetRecords(book.getWorksheet('KPIs')!).map((record) => record.Reference!.value).sort()).toEqual(linked.sort());
    expect(new Set(sheetRecords(book.getWorksheet('KPI values')!).map((record) => record.KPI!.value))).toEqual(new Set(linked));
    await expectRefused(app, 'spreadsheets.exportPlan', { planId, themeId: crypto.randomUUID(), format: 'xlsx' }, { code: 'invalid-input', message: /this plan’s themes/, field: 'themeId' });
  });

  it('opens in LibreOffice, which reads the dates as dates', async () => {
    const file = await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'xlsx' });
    const xlsx = path.join(folder, 'plan.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(file.base64, 'base64'));
    const profile = path.join(folder, 'libreoffice-profile');
    // Comma-separated, double quotes, UTF-8 (76), the first sheet.
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', folder, xlsx]);
    const csvFile = path.join(folder, 'plan.csv');
    expect(fs.existsSync(csvFile), 'LibreOffice read no workbook: install the libreoffice-calc-nogui package').toBe(true);
    const lines = fs.readFileSync(csvFile, 'utf8').split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe('Reference,Theme,Action,Owner,Lead,Start date,Due date,Status,RAG,Latest update,Update date,Success measures,Linked recommendations');
    const actions = await app.call('actions.list', { planId });
    expect(lines.length).toBeGreaterThanOrEqual(actions.length + 1);
    const withDue = actions.find((action) => action.currentDueDate !== null)!;
    const line = lines.find((each) => each.startsWith(`${withDue.reference},`))!;
    expect(lines.join('\n')).toContain('Children’s Services Improvement Board');
    // A date cell is shown in the reader's own date format; text would be written as it was stored.
    const [year, month, day] = withDue.currentDueDate!.split('-');
    expect(line).toMatch(new RegExp(`(${day}/${month}/${year}|${month}/${day}/${year}|${Number(day)} \\w{3} ${year})`));
  });

  it('to CSV: the action plan and the KPI values, in UTF-8 with its byte-order mark, dates in ISO form', async () => {
    const actions = await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'csv-actions' });
    expect(actions.mediaType).toBe('text/csv; charset=utf-8');
    expect(actions.fileName).toMatch(/ action plan \d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(actions.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('Reference,Theme,Action,Owner,Lead,Start date,Due date,Status,RAG,Latest update,Update date,Success measures,Linked recommendations');
    const first = (await app.call('actions.list', { planId })).find((action) => action.currentDueDate !== null)!;
    const line = text.split('\r\n').find((each) => each.startsWith(`${first.reference},`))!;
    expect(line).toContain(`,${first.currentDueDate},`);
    expect(text).toContain('Children’s Services Improvement Board');
    expect(text.endsWith('\r\n')).toBe(true);

    const values = await app.call('spreadsheets.exportPlan', { planId, themeId: null, format: 'csv-kpi-values' });
    const valueText = Buffer.from(values.base64, 'base64').toString('utf8');
    expect(valueText.startsWith('\uFEFFKPI,KPI name,Period,Period end,Value,Unit,Provisional,Suppression code,Note\r\n')).toBe(true);
    expect(valueText).toMatch(/\r\nK01,[^\r\n]*,\w+ \d{4},\d{4}-\d{2}-\d{2},\d+(\.\d+)?,Percentage,(Yes|No),/);
  });
});

// ---------------------------------------------------------------- CSV quoting

describe('CSV fields', () => {
  it('are quoted as RFC 4180 says, and text that a spreadsheet would run as a formula is kept as text', async () => {
    const { csvBytes } = await import('../../electron/core/spreadsheets/csv');
    const text = csvBytes([
      ['a', 'b'],
      ['plain', 'with, comma'],
      ['say "hello"', 'two\nlines'],
      ['=HYPERLINK("x")', '-3'],
      [null, 0.5],
    ]).toString('utf8');
    expect(text).toBe('\uFEFFa,b\r\nplain,"with, comma"\r\n"say ""hello""","two\nlines"\r\n"\'=HYPERLINK(""x"")",-3\r\n,0.5\r\n');
  });
});

// ---------------------------------------------------------------- dates as councils write them

describe('dates in a tracker', () => {
  const today = new Date(2025, 5, 1);
  it.each([
    ['30/09/2025', '2025-09-30'],
    ['3/4/2025', '2025-04-03'],
    ['03/04/25', '2025-04-03'],
    ['30.09.2025', '2025-09-30'],
    ['2025-09-30', '2025-09-30'],
    ['3 Sept 2025', '2025-09-03'],
    ['3 Sep 2025', '2025-09-03'],
    ['3rd September 2025', '2025-09-03'],
    ['Tuesday 30 September 2025', '2025-09-30'],
    ['30-Sep-25', '2025-09-30'],
    ['30/09/2025 00:00', '2025-09-30'],
    ['45930', '2025-09-30'],
  ])('“%s” is %s', (written, expected) => {
    expect(readDateText(written, today)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['end of Sept', /“end of Sept” is not a date the import can read/],
    ['Q3', /“Q3” is a quarter, not a day/],
    ['Q3 2025/26', /is a quarter, not a day/],
    ['March 2026', /“March 2026” is a month, not a day/],
    ['Sept-25', /is a month, not a day/],
    ['31/02/2025', /“31\/02\/2025” is not a real date \(dates are read day first/],
    ['12/31/2025', /not a real date \(dates are read day first/],
    ['1/1/1925', /is in the year 1925/],
    ['TBC', /“TBC” is not a date the import can read/],
  ])('“%s” is not guessed', (written, message) => {
    const reading = readDateText(written, today);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatch(message);
  });
});

// ---------------------------------------------------------------- the tracker import

let app: TestApp;
let plan: PlanBuilder;
const ids: Record<string, string> = {};

function setUp() {
  app = openTestApp();
  plan = new PlanBuilder(app);
  ids.leadership = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Leadership, management and governance' });
  ids.practice = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Practice' });
  ids.helen = plan.add(schema.people, { authorityId: plan.authorityId, name: 'Helen Marsh', jobTitle: 'Director of Children’s Services' });
  ids.rachel = plan.person('Rachel Slater');
}

/** A tracker as councils keep them: a cover sheet, title rows merged across, the headings in row 4, a heading row within the table, a theme merged down two rows. */
async function councilTracker(options: { whenOfRowSeven?: ExcelJS.CellValue } = {}): Promise<string> {
  return workbookBase64((book) => {
    book.addWorksheet('Cover').addRow(['Northmoor improvement plan tracker: read me first']);
    const sheet = book.addWorksheet('Tracker');
    sheet.addRow(['Northmoor Borough Council: Children’s Services Improvement Plan']);
    sheet.mergeCells('A1:J1');
    sheet.addRow(['Action plan tracker, updated monthly for the Improvement Board']);
    sheet.mergeCells('A2:J2');
    sheet.addRow([]);
    sheet.addRow(['No.', 'Theme', 'What?', 'Who?', 'Lead', 'Start', 'When?', 'RAG', 'Progress update', 'How will we know?']);
    sheet.addRow(['Theme 1: Leadership']);
    sheet.mergeCells('A5:J5');
    sheet.addRow(['1.1', '1. Leadership', 'Set up the Improvement Board with an independent chair', 'Director of Children’s Services', 'Rachel Slater', utc(2025, 5, 1), utc(2025, 6, 30), 'Green', 'Chair appointed.', 'The board meets every two months']);
    sheet.addRow(['1.2', null, 'Weekly performance clinics', 'Helen Marsh', 'Jo Bloggs', '01/05/2025', options.whenOfRowSeven ?? 'end of Sept', 'Amber', 'Clinics started in two teams.', 'Every team attends']);
    sheet.mergeCells('B6:B7');
    sheet.addRow([null, '5. Early help', 'Open two family hubs', 'Rachel Slater', null, null, '3 Sept 2025', 'Red', null, 'Two hubs open']);
    sheet.addRow(['2.1', 'Practice', 'Audit management oversight every month', 'helen marsh', null, null, 45930, 'Complete', 'Audits running monthly.', null]);
    sheet.getCell('G6').numFmt = 'dd/mm/yyyy';
  });
}

function trackerInput(contentBase64: string, extra: Partial<TrackerInput> = {}): TrackerInput {
  return { planId: plan.planId, fileName: 'Improvement plan tracker.xlsx', contentBase64, ...extra };
}

function liveActions() {
  return app.core.db.select().from(schema.actions).where(and(eq(schema.actions.planId, plan.planId), isNull(schema.actions.deletedAt))).all();
}

describe('a council’s tracker imported', () => {
  beforeEach(setUp);
  afterEach(() => app.close());

  it('finds the sheet, the headings under the title rows and the columns, and previews every row with its problems', async () => {
    const inspection: TrackerInspection = await app.call('spreadsheets.inspectTracker', trackerInput(await councilTracker()));
    expect(inspection.sheet).toBe('Tracker');
    expect(inspection.sheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Tracker']);
    expect(inspection.headerRow).toBe(4);
    expect(inspection.mapping).toEqual({
      reference: 0,
      theme: 1,
      title: 2,
      owner: 3,
      lead: 4,
      startDate: 5,
      dueDate: 6,
      rag: 7,
      update: 8,
      measuresOfSuccess: 9,
      description: null,
      status: null,
      updateDate: null,
    });
    // The heading row within the table is passed over; the theme merged down applies to row 7.
    expect(inspection.rows.map((row) => row.row)).toEqual([6, 7, 8, 9]);
    const [first, second, third, fourth] = inspection.rows as [TrackerInspection['rows'][number], TrackerInspection['rows'][number], TrackerInspection['rows'][number], TrackerInspection['rows'][number]];
    expect(first).toMatchObject({
      reference: '1.1',
      title: 'Set up the Improvement Board with an independent chair',
      theme: '1. Leadership, management and governance',
      owner: 'Helen Marsh',
      lead: 'Rachel Slater',
      startDate: '2025-05-01',
      dueDate: '2025-06-30',
      rag: 'green',
      status: 'not-started',
      update: 'Chair appointed.',
      updateDateAssumed: true,
      measuresOfSuccess: 'The board meets every two months',
      problems: [],
    });
    expect(second.theme).toBe('1. Leadership, management and governance');
    expect(second.startDate).toBe('2025-05-01');
    expect(second.problems.map((problem) => problem.text)).toEqual([
      'Row 7, column E (Lead): “Jo Bloggs” is not one of the council’s people: tick them under “People to add” to add them, or type the name of one of the council’s people',
      'Row 7, column G (When?): “end of Sept” is not a date the import can read: type the date, such as 30/09/2025 or 30 September 2025, or leave it empty',
    ]);
    expect(second.problems[1]).toMatchObject({ row: 7, field: 'dueDate', column: 'G', header: 'When?', given: 'end of Sept' });
    expect(third.problems.map((problem) => problem.field)).toEqual(['theme']);
    expect(third.dueDate).toBe('2025-09-03');
    expect(fourth).toMatchObject({ theme: '2. Practice', owner: 'Helen Marsh', dueDate: '2025-09-30', rag: 'blue', status: 'complete', problems: [] });
    expect(inspection.unknownPeople).toEqual([{ name: 'Jo Bloggs', rows: [7], add: false }]);
    expect(inspection.unknownThemes).toEqual([{ name: '5. Early help', rows: [8], add: false }]);
    expect(inspection.problemCount).toBe(3);
  });

  it('refuses the import while any problem remains, saving nothing', async () => {
    const content = await councilTracker();
    await expectRefused(app, 'spreadsheets.importTracker', trackerInput(content), {
      code: 'invalid-input',
      message: /^Nothing was saved: the tracker has 3 problems to correct first\. Row 7, column E \(Lead\): “Jo Bloggs” is not one of the council’s people/,
    });
    const answer = await app.send('spreadsheets.importTracker', trackerInput(content));
    expect(!answer.ok && answer.error.details.fields?.map((field) => field.path)).toEqual(['rows.7.lead', 'rows.7.dueDate', 'rows.8.theme']);
  });

  it('imports every row once the date is corrected and the new person and theme are ticked, and remembers the columns', async () => {
    const content = await councilTracker();
    const choices = { fixes: [{ row: 7, field: 'dueDate' as const, text: '30/09/2025' }], newPeople: ['Jo Bloggs'], newThemes: ['5. Early help'] };
    const preview = await app.call('spreadsheets.inspectTracker', trackerInput(content, choices));
    expect(preview.problemCount).toBe(0);
    expect(preview.rows[1]).toMatchObject({ dueDate: '2025-09-30', lead: 'Jo Bloggs', leadIsNew: true });
    expect(preview.rows[2]).toMatchObject({ theme: '5. Early help', themeIsNew: true, reference: '5.1', referenceSuggested: true });
    expect(preview.counts).toEqual({ actions: 4, updates: 3, newPeople: 1, newThemes: 1 });

    const imported = await app.call('spreadsheets.importTracker', trackerInput(content, choices));
    expect(imported).toEqual({ actions: 4, updates: 3, people: 1, themes: 1 });
    const saved = liveActions().sort((a, b) => a.sortOrder - b.sortOrder);
    expect(saved.map((action) => [action.reference, action.title, action.currentDueDate, action.baselineDueDate, action.rag, action.status])).toEqual([
      ['1.1', 'Set up the Improvement Board with an independent chair', '2025-06-30', '2025-06-30', 'green', 'not-started'],
      ['1.2', 'Weekly performance clinics', '2025-09-30', '2025-09-30', 'amber', 'not-started'],
      ['5.1', 'Open two family hubs', '2025-09-03', '2025-09-03', 'red', 'not-started'],
      ['2.1', 'Audit management oversight every month', '2025-09-30', '2025-09-30', 'blue', 'complete'],
    ]);
    expect(saved[0]!.ownerId).toBe(ids.helen);
    expect(saved[0]!.leadId).toBe(ids.rachel);
    expect(saved[0]!.themeId).toBe(ids.leadership);
    const jo = app.core.db.select().from(schema.people).where(eq(schema.people.name, 'Jo Bloggs')).get()!;
    expect(jo.authorityId).toBe(plan.authorityId);
    expect(saved[1]!.leadId).toBe(jo.id);
    const hub = app.core.db.select().from(schema.themes).where(eq(schema.themes.id, saved[2]!.themeId!)).get()!;
    expect([hub.reference, hub.title, hub.planId]).toEqual(['5', 'Early help', plan.planId]);
    const updates = app.core.db.select().from(schema.progressUpdates).where(eq(schema.progressUpdates.actionId, saved[0]!.id)).all();
    expect(updates.map((update) => [update.narrative, update.rag, update.authorName])).toEqual([['Chair appointed.', 'green', 'test user']]);
    expect(app.core.db.select().from(schema.actionDueDateChanges).all()).toEqual([]);

    // The same file next month: the columns are chosen again, and every action is now already in the plan.
    const again = await app.call('spreadsheets.inspectTracker', trackerInput(content));
    expect(again.remembered?.fileName).toBe('Improvement plan tracker.xlsx');
    expect(again.rows[0]!.problems[0]!.text).toMatch(/^Row 6, column A \(No\.\): the plan already has action 1\.1 \(“Set up the Improvement Board/);
  });

  it('refuses a reference given twice in the file, and suggests the next free reference in its theme for a row without one', async () => {
    plan.add(schema.actions, { planId: plan.planId, reference: '2.1', title: 'Existing action', themeId: ids.practice });
    const content = await workbookBase64((book) => {
      const sheet = book.addWorksheet('Actions');
      sheet.addRow(['Ref', 'Action', 'Theme']);
      sheet.addRow(['3.1', 'First', null]);
      sheet.addRow(['3.1', 'Second', null]);
      sheet.addRow([null, 'Third', 'Practice']);
    });
    const inspection = await app.call('spreadsheets.inspectTracker', trackerInput(content));
    expect(inspection.rows[1]!.problems.map((problem) => problem.text)).toEqual(['Row 3, column A (Ref): row 2 has the reference 3.1 too: give each action its own reference']);
    expect(inspection.rows[2]).toMatchObject({ reference: '2.2', referenceSuggested: true });
  });
});

// ---------------------------------------------------------------- bad trackers

/** A workbook encrypted with a password by LibreOffice, as Excel encrypts one. */
function passwordProtectedWorkbook(folder: string, plain: Buffer): Buffer {
  const profile = path.join(folder, 'profile');
  const source = path.join(folder, 'plain.xlsx');
  const target = path.join(folder, 'protected.xlsx');
  fs.writeFileSync(source, plain);
  // LibreOffice saves with a password only through its API; a macro in a profile of its own calls it.
  const library = path.join(profile, 'user/basic/Standard');
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', folder, source]);
  fs.writeFileSync(
    path.join(library, 'Module1.xba'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(source As String, target As String, secret As String)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, loadArgs())
  Dim encryption(1) As New com.sun.star.beans.NamedValue
  encryption(0).Name = &quot;OOXPassword&quot;
  encryption(0).Value = secret
  encryption(1).Name = &quot;CryptoType&quot;
  encryption(1).Value = &quot;Standard&quot;
  Dim storeArgs(2) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = &quot;FilterName&quot;
  storeArgs(0).Value = &quot;Calc Office Open XML&quot;
  storeArgs(1).Name = &quot;EncryptionData&quot;
  storeArgs(1).Value = encryption()
  storeArgs(2).Name = &quot;Password&quot;
  storeArgs(2).Value = secret
  document.storeToURL(ConvertToURL(target), storeArgs())
  document.close(True)
End Sub
</script:module>
`,
  );
  run('/usr/lib/libreoffice/program/soffice.bin', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--invisible',
    `macro:///Standard.Module1.SaveWithPassword("${source}","${target}","secret")`,
  ]);
  return fs.readFileSync(target);
}

describe('a tracker that cannot be imported', () => {
  let folder: string;
  beforeEach(() => {
    setUp();
    folder = makeTempDirectory('g2g-tracker-');
  });
  afterEach(() => {
    app.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Refused by both the preview and the import, with the database as it was. */
  async function refusedWhole(fileName: string, content: Buffer | string, message: RegExp, field = 'contentBase64', sheet?: string) {
    const contentBase64 = typeof content === 'string' ? content : content.toString('base64');
    const before = databaseBytes(app);
    const answer = await app.send('spreadsheets.inspectTracker', trackerInput(contentBase64, { fileName, sheet }));
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.message).toMatch(message);
      expect(answer.error.details.fields?.map((each) => each.path)).toEqual([field]);
    }
    await expectRefused(app, 'spreadsheets.importTracker', trackerInput(contentBase64, { fileName, sheet }), { code: 'invalid-input', message, field });
    expect(databaseBytes(app)).toBe(before);
  }

  it('a PDF, and random bytes, are not spreadsheets', async () => {
    await refusedWhole('Tracker.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), /^(Nothing was saved: )?“Tracker\.pdf” is a PDF document, not a spreadsheet\. Choose the action plan tracker as an Excel workbook \(\.xlsx\) or a CSV file/);
    await refusedWhole('Tracker.csv', crypto.randomBytes(4096), /“Tracker\.csv” is not a spreadsheet\. Choose the action plan tracker as an Excel workbook/);
    await refusedWhole('Tracker.xlsx', crypto.randomBytes(4096), /“Tracker\.xlsx” is named as an Excel workbook but is not one, or is damaged/);
  });

  it('a workbook protected by a password is refused with what to do', async () => {
    const plain = Buffer.from(await councilTracker(), 'base64');
    const locked = passwordProtectedWorkbook(folder, plain);
    expect([...locked.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    await refusedWhole('Tracker.xlsx', locked, /“Tracker\.xlsx” is protected by a password, so it cannot be read\. Open it in Excel, remove the password \(File, Info, Protect Workbook\), save it and choose it again/);
  }, CONVERSION_TIMEOUT_MS * 2);

  it('an empty workbook, an empty sheet and a sheet of headings alone', async () => {
    const empty = await workbookBase64((book) => book.addWorksheet('Sheet1'));
    await refusedWhole('Empty.xlsx', empty, /“Empty\.xlsx” has no actions: every sheet in it is empty/);
    const withBlank = await workbookBase64((book) => {
      book.addWorksheet('Tracker').addRow(['Action', 'Owner']);
      book.addWorksheet('Blank');
    });
    await refusedWhole('Tracker.xlsx', withBlank, /the sheet “Blank” is empty: choose the sheet that holds the actions/i, 'sheet', 'Blank');
    const before = databaseBytes(app);
    const headingsOnly = await app.call('spreadsheets.inspectTracker', trackerInput(withBlank));
    expect(headingsOnly.problems.map((problem) => problem.text)).toEqual(['There are no actions under the headings in row 1: check the row the headings are in']);
    await expectRefused(app, 'spreadsheets.importTracker', trackerInput(withBlank), { code: 'invalid-input', message: /no actions under the headings in row 1/ });
    expect(databaseBytes(app)).toBe(before);
  });

  it('formulas that show errors are problems at their row and column, which can be typed over', async () => {
    const content = await workbookBase64((book) => {
      const sheet = book.addWorksheet('Tracker');
      sheet.addRow(['Ref', 'Action', 'Due date', 'RAG']);
      sheet.addRow(['1', 'Audit', { formula: '#REF!+1', result: { error: '#REF!' } }, 'Green']);
      sheet.addRow(['2', 'Train', utc(2025, 10, 31), { formula: 'A1/0', result: { error: '#DIV/0!' } }]);
    });
    const inspection = await app.call('spreadsheets.inspectTracker', trackerInput(content));
    expect(inspection.problems.map((problem) => problem.text)).toEqual([
      'Row 2, column C (Due date): the cell shows the error #REF!: correct the formula in the spreadsheet, or type the date here',
      'Row 3, column D (RAG): the cell shows the error #DIV/0!: correct the formula in the spreadsheet, or type the RAG here',
    ]);
    await expectRefused(app, 'spreadsheets.importTracker', trackerInput(content), { code: 'invalid-input', message: /2 problems to correct first\. Row 2, column C \(Due date\): the cell shows the error #REF!/ });
    const fixed = await app.call('spreadsheets.importTracker', trackerInput(content, { fixes: [{ row: 2, field: 'dueDate', text: '31 Oct 2025' }, { row: 3, field: 'rag', text: 'Amber' }] }));
    expect(fixed.actions).toBe(2);
    expect(liveActions().map((action) => [action.reference, action.currentDueDate, action.rag])).toEqual([
      ['1', '2025-10-31', 'green'],
      ['2', '2025-10-31', 'amber'],
    ]);
  });

  it('a RAG it does not know, and a rating between two, are problems', async () => {
    const content = await workbookBase64((book) => {
      const sheet = book.addWorksheet('Tracker');
      sheet.addRow(['Action', 'RAG', 'Status']);
      sheet.addRow(['Audit', 'Purple', 'Started']);
      sheet.addRow(['Train', 'Amber/Green', 'Green']);
      sheet.addRow(['Recruit', 'Off track', 'Done']);
    });
    const inspection = await app.call('spreadsheets.inspectTracker', trackerInput(content));
    expect(inspection.problems.map((problem) => problem.text)).toEqual([
      'Row 2, column B (RAG): “Purple” is not a RAG rating: type Red, Amber, Green or Blue (Blue is complete), or leave it empty',
      'Row 3, column B (RAG): “Amber/Green” is between two ratings: choose one of Red, Amber, Green or Blue',
      'Row 3, column C (Status): “Green” is a RAG rating, not a status: take this column as the RAG, or type a status (Not started, In progress, Awaiting evidence, Complete or Superseded)',
    ]);
    expect(inspection.rows[2]).toMatchObject({ rag: 'red', status: 'complete' });
    expect(DEFAULT_RAG_MEANINGS.red.startsWith('Off track')).toBe(true);
  });

  it('5,000 rows import in one go; a sheet over the limit is refused with what to do', async () => {
    const rows = 5000;
    const big = await workbookBase64((book) => {
      const sheet = book.addWorksheet('Tracker');
      sheet.addRow(['Ref', 'Action', 'Who?', 'When?', 'RAG', 'Update']);
      for (let index = 1; index <= rows; index += 1) {
        sheet.addRow([`A${index}`, `Action number ${index}`, index % 2 ? 'Helen Marsh' : 'Rachel Slater', utc(2026, 1 + (index % 12), 1 + (index % 28)), ['Red', 'Amber', 'Green'][index % 3], `Update ${index}`]);
      }
    });
    const started = Date.now();
    const imported = await app.call('spreadsheets.importTracker', trackerInput(big));
    expect(imported).toEqual({ actions: rows, updates: rows, people: 0, themes: 0 });
    expect(liveActions()).toHaveLength(rows);
    console.log(`5,000 tracker rows imported in ${Date.now() - started} ms`);

    const tooMany = await workbookBase64((book) => {
      const sheet = book.addWorksheet('Tracker');
      sheet.addRow(['Action']);
      for (let index = 1; index <= 10_000; index += 1) sheet.addRow([`Action ${index}`]);
    });
    await refusedWhole('Huge.xlsx', tooMany, /the sheet “Tracker” has 10,001 rows; at most 10,000 are read\. Split the actions into sheets of at most 10,000 rows and import each in turn/i, 'sheet');
  }, 120_000);

  it('a CSV tracker reads as one sheet', async () => {
    const csv = Buffer.from('\uFEFFRef,Action,Owner,Due date\r\n1.1,"Audit supervision, monthly",Helen Marsh,30/09/2025\r\n', 'utf8').toString('base64');
    const inspection = await app.call('spreadsheets.inspectTracker', trackerInput(csv, { fileName: 'tracker.csv' }));
    expect(inspection.fileKind).toBe('csv');
    expect(inspection.rows[0]).toMatchObject({ reference: '1.1', title: 'Audit supervision, monthly', owner: 'Helen Marsh', dueDate: '2025-09-30', problems: [] });
  });
});
