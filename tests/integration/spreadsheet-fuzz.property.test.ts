// A council's tracker and the performance team's figures, as XLSX and CSV, damaged at random
// (cells rewritten with odd values, text cut and spliced, the workbook's bytes flipped or cut
// short) and read, previewed and imported through the contract: the answer is always a list of
// problems or a clean import, never an internal error; a refused import leaves the database with
// nothing written, and the database passes its checks after every run.
import Sqlite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { ERROR_CODES, type Envelope } from '../../shared/errors';
import { PlanBuilder } from '../support/plan-builder';
import { openTestApp, type TestApp } from '../support/temp-app';

const RUNS = Number(process.env.G2G_FUZZ_RUNS ?? 12);

let app: TestApp;
let plan: PlanBuilder;
let watcher: Sqlite.Database;
const internalErrors: string[] = [];

beforeAll(() => {
  app = openTestApp({ onInternalError: (method, error) => void internalErrors.push(`${method}: ${String((error as Error)?.stack ?? error)}`) });
  watcher = new Sqlite(app.databaseFile, { readonly: true });
  plan = new PlanBuilder(app);
  plan.person('Rachel Slater');
  plan.person('Helen Marsh');
  plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Leadership' });
  const kpi = (reference: string, name: string, unit: string) => plan.add(schema.kpis, { planId: plan.planId, reference, name, unit, polarity: 'higher-is-better', frequency: 'monthly' });
  kpi('K01', 'Re-referrals within 12 months', 'percentage');
  kpi('K02', 'Assessments within 45 working days', 'percentage');
  kpi('K03', 'Children in need', 'count');
});

afterAll(() => {
  watcher.close();
  app.close();
});

const commits = () => watcher.pragma('data_version', { simple: true }) as number;

function expectClear(method: string, answer: Envelope<unknown>): void {
  expect(internalErrors).toEqual([]);
  if (answer.ok) return;
  expect(Object.keys(ERROR_CODES)).toContain(answer.error.code);
  expect(answer.error.code, `${method}: ${answer.error.message}`).not.toBe('internal');
  expect(answer.error.message.trim().length).toBeGreaterThan(10);
}

async function expectSound(): Promise<void> {
  const check = await app.call('db.check', {});
  expect(check).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: [], auditChain: { ok: true } });
}

// ---------------------------------------------------------------- the files and their damage

const TRACKER_ROWS: ExcelJS.CellValue[][] = [
  ['No.', 'Theme', 'What?', 'Who?', 'Lead', 'Start', 'When?', 'RAG', 'Progress update'],
  ['1.1', 'Leadership', 'Set up the Improvement Board', 'Rachel Slater', 'Helen Marsh', new Date(Date.UTC(2025, 4, 1)), new Date(Date.UTC(2025, 5, 30)), 'Green', 'Chair appointed.'],
  ['1.2', 'Leadership', 'Weekly performance clinics', 'Helen Marsh', null, '01/05/2025', '30/09/2025', 'Amber', 'Clinics started.'],
  ['1.3', 'Leadership', 'Open two family hubs', 'rachel slater', null, null, 45930, 'Red', null],
];

const FIGURES_ROWS: ExcelJS.CellValue[][] = [
  ['Ref', 'Indicator', 'Jan-24', 'Feb-24', 'Mar-24'],
  ['K01', 'Re-referrals', 0.225, 0.218, '21.3%'],
  ['K02', 'Assessments in 45 days', '78%', 81.5, 84],
  ['K03', 'Children in need', 1204, 'c', null],
];

const oddCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constantFrom<ExcelJS.CellValue>(
    null,
    '',
    ' ',
    'end of Sept',
    '31/02/2026',
    '2026-02-30',
    '00/00/0000',
    'Q3 2025/26',
    -45930,
    2_958_466,
    1e308,
    -0,
    0.1 + 0.2,
    '104%',
    '-5%',
    'c',
    'x',
    '~',
    '=cmd|\' /C calc\'!A0',
    '@SUM(1+1)',
    '"unbalanced',
    'Ünïcödé 北 👨‍👩‍👧‍👦',
    '\u202egreen',
    'x'.repeat(40_000),
    'purple',
    'GREEN',
    true,
    new Date(Date.UTC(1899, 11, 30)),
    new Date(Date.UTC(9999, 11, 31)),
    { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
    { error: '#N/A' } as ExcelJS.CellValue,
    { richText: [{ text: '81' }, { text: '.5 %' }] },
    { text: 'a link', hyperlink: 'file:///etc/passwd' },
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
);

/** Cell rewrites: which cell (row and column wrap round the grid, and may reach past it) and its new value. */
const rewrites = fc.array(fc.record({ row: fc.nat({ max: 8 }), column: fc.nat({ max: 12 }), value: oddCell }), { minLength: 1, maxLength: 6 });

function rewritten(rows: ExcelJS.CellValue[][], changes: { row: number; column: number; value: ExcelJS.CellValue }[]): ExcelJS.CellValue[][] {
  const copy = rows.map((row) => [...row]);
  for (const change of changes) {
    while (copy.length <= change.row) copy.push([]);
    const row = copy[change.row] ?? [];
    row[change.column] = change.value;
  }
  return copy;
}

async function xlsxOf(rows: ExcelJS.CellValue[][], titleRows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tracker');
  for (let index = 0; index < titleRows; index += 1) sheet.addRow([`Northmoor title row ${index + 1}`]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csvCell(value: ExcelJS.CellValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvOf = (rows: ExcelJS.CellValue[][]) => Buffer.from(rows.map((row) => row.map(csvCell).join(',')).join('\r\n'));

/** Text damage: a piece cut out, or odd characters put in, somewhere in the file. */
const textDamage = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    cut: fc.nat({ max: 20 }),
    insert: fc.constantFrom('', '"', ',', '\n', '\r', '\u0000', '\ufeff', ';', '\t', '\u2028', '\ud800', 'é'),
  }),
  { minLength: 1, maxLength: 4 },
);

function damagedText(bytes: Buffer, damage: { at: number; cut: number; insert: string }[]): Buffer {
  let text = bytes.toString('utf8');
  for (const change of damage) {
    const at = Math.floor(change.at * text.length);
    text = text.slice(0, at) + change.insert + text.slice(at + change.cut);
  }
  return Buffer.from(text, 'utf8');
}

/** Byte damage to a workbook: bytes flipped, or the file cut short. */
const byteDamage = fc.oneof(
  fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), bits: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 6 }),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
);

function damagedBytes(bytes: Buffer, damage: { at: number; bits: number }[] | number): Buffer {
  if (typeof damage === 'number') return bytes.subarray(0, Math.max(1, Math.floor(damage * bytes.length)));
  const copy = Buffer.from(bytes);
  for (const flip of damage) {
    const at = Math.floor(flip.at * copy.length);
    copy[at] = (copy[at] ?? 0) ^ flip.bits;
  }
  return copy;
}

/** One file of either kind, damaged one of the three ways. */
function damagedFile(rows: ExcelJS.CellValue[][]): fc.Arbitrary<Promise<{ fileName: string; content: Buffer }>> {
  return fc.oneof(
    fc.tuple(rewrites, fc.nat({ max: 3 })).map(async ([changes, titleRows]) => ({ fileName: 'tracker.xlsx', content: await xlsxOf(rewritten(rows, changes), titleRows) })),
    fc.tuple(rewrites, textDamage).map(async ([changes, damage]) => ({ fileName: 'tracker.csv', content: damagedText(csvOf(rewritten(rows, changes)), damage) })),
    byteDamage.map(async (damage) => ({ fileName: 'tracker.xlsx', content: damagedBytes(await xlsxOf(rows, 2), damage) })),
  );
}

// ---------------------------------------------------------------- the properties

describe('a damaged tracker', () => {
  it('the undamaged tracker is read with its rows, so each damaged one below starts from a good file', async () => {
    const inspection = await app.call('spreadsheets.inspectTracker', { planId: plan.planId, fileName: 'tracker.xlsx', contentBase64: (await xlsxOf(TRACKER_ROWS, 2)).toString('base64') });
    expect(inspection.rows.length).toBe(3);
  });

  it('is read into a list of problems or imported cleanly; refused, it writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile(TRACKER_ROWS), fc.boolean(), async (made, addNames) => {
        const { fileName, content } = await made;
        fc.pre(content.length > 0);
        const input = { planId: plan.planId, fileName, contentBase64: content.toString('base64') };
        expectClear('spreadsheets.inspectTracker', await app.send('spreadsheets.inspectTracker', input));
        const committed = commits();
        const imported = await app.send('spreadsheets.importTracker', { ...input, ...(addNames ? { addPeople: [], addThemes: [] } : {}) });
        expectClear('spreadsheets.importTracker', imported);
        if (!imported.ok) expect(commits(), imported.error.message).toBe(committed);
      }),
      { numRuns: RUNS * 2 },
    );
    await expectSound();
  });
});

describe('damaged figures', () => {
  it('the undamaged figures are read, so each damaged file below starts from a good one', async () => {
    const inspection = await app.call('figures.inspect', { planId: plan.planId, fileName: 'figures.csv', contentBase64: csvOf(FIGURES_ROWS).toString('base64') });
    expect(inspection.mapping).toMatchObject({ layout: 'wide', kpiColumn: 0, periodColumns: [2, 3, 4] });
  });

  it('are read, previewed and imported into a list of problems or a clean import; refused, they write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile(FIGURES_ROWS), fc.boolean(), async (made, leaveOutUnmatched) => {
        const { fileName, content } = await made;
        fc.pre(content.length > 0);
        const file = { planId: plan.planId, fileName: fileName.replace('tracker', 'figures'), contentBase64: content.toString('base64') };
        const inspected = await app.send('figures.inspect', file);
        expectClear('figures.inspect', inspected);
        if (!inspected.ok) return;
        const { sheet, mapping } = inspected.value as { sheet: string; mapping: unknown };
        expectClear('figures.preview', await app.send('figures.preview', { ...file, sheet, mapping }));
        const committed = commits();
        const imported = await app.send('figures.import', { ...file, sheet, mapping, leaveOutUnmatched });
        expectClear('figures.import', imported);
        if (!imported.ok) expect(commits(), imported.error.message).toBe(committed);
      }),
      { numRuns: RUNS * 2 },
    );
    await expectSound();
  });
});
