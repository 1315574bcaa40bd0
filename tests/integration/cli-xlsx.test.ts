// `g2g xlsx export` and `g2g xlsx import` as a user runs them: the built command in a child
// process, on a real data folder seeded with the demo plan. Needs `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseBytes } from '../support/refusals';
import { g2g } from '../support/cli';
import { makeTempDirectory, openTestApp } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');

let folder: string;
let out: string;
let planId: string;
let planTitle: string;

/** The demo plan's live actions and the database file's hash, read while no command runs. */
async function planState() {
  const app = openTestApp({ dataDirectory: folder });
  try {
    return { actions: await app.call('actions.list', { planId }), bytes: databaseBytes(app) };
  } finally {
    app.close();
  }
}

async function tracker(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tracker');
  sheet.addRow(['Northmoor improvement tracker']);
  sheet.addRow(['Ref', 'What?', 'Who?', 'When?', 'RAG']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(out, name);
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'out/g2g.mjs'))) throw new Error('Build the app first (npm run build).');
  folder = makeTempDirectory('g2g-cli-xlsx-');
  out = makeTempDirectory('g2g-cli-xlsx-out-');
  const listed = await g2g(['plans', 'list', '--json', '--data-dir', folder]);
  expect(listed.status).toBe(0);
  const [plan] = JSON.parse(listed.stdout) as { id: string; title: string }[];
  planId = plan!.id;
  planTitle = plan!.title;
}, 60_000);

describe('g2g xlsx export', () => {
  it('is listed in the help, and explains its options', async () => {
    const help = await g2g(['--help']);
    expect(help.stdout).toMatch(/^ {2}xlsx export +write the action plan and KPIs to an Excel workbook, or a table of them to CSV$/m);
    expect(help.stdout).toMatch(/^ {2}xlsx import +import a council’s action plan tracker \(XLSX or CSV\) as a plan’s actions$/m);
    const own = await g2g(['xlsx', 'export', '--help']);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('Usage: g2g xlsx export --plan ID|TITLE --out FILE.xlsx|FILE.csv [--theme REF]');
  });

  it('writes the workbook of a plan named by its title, and one theme’s part', async () => {
    const file = path.join(out, 'plan.xlsx');
    const run = await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planTitle, '--out', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`“${planTitle}” written to ${file}.`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const { actions } = await planState();
    expect(book.getWorksheet('Action plan')!.rowCount).toBe(actions.length + 1);

    const themed = path.join(out, 'theme-2.xlsx');
    expect((await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planId, '--theme', '2', '--out', themed])).status).toBe(0);
    const theme = new ExcelJS.Workbook();
    await theme.xlsx.readFile(themed);
    const references = (theme.getWorksheet('Action plan')!.getColumn(1).values as unknown[]).slice(2);
    expect(references.length).toBeGreaterThan(0);
    expect(references.every((reference) => String(reference).startsWith('2.'))).toBe(true);
  });

  it('writes the action plan, or the KPI values, as CSV', async () => {
    const actionsFile = path.join(out, 'actions.csv');
    expect((await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planId, '--out', actionsFile])).status).toBe(0);
    expect(fs.readFileSync(actionsFile, 'utf8')).toMatch(/^\uFEFFReference,Theme,Action,Owner,Lead,Start date,Due date,/);
    const valuesFile = path.join(out, 'values.csv');
    expect((await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planId, '--out', valuesFile, '--table', 'kpi-values'])).status).toBe(0);
    expect(fs.readFileSync(valuesFile, 'utf8')).toMatch(/^\uFEFFKPI,KPI name,Period,Period end,Value,/);
  });

  it('refuses a file of another kind, a theme and a plan it does not have, writing nothing', async () => {
    const pdf = await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planId, '--out', path.join(out, 'plan.pdf')]);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toContain('--out must name a .xlsx or a .csv file, not “plan.pdf”.');
    const theme = await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', planId, '--theme', '9', '--out', path.join(out, 'nine.xlsx')]);
    expect(theme.status).toBe(1);
    expect(theme.stderr).toMatch(/has no theme 9\. Its themes are: 1 \(/);
    expect(fs.existsSync(path.join(out, 'nine.xlsx'))).toBe(false);
    const plan = await g2g(['xlsx', 'export', '--data-dir', folder, '--plan', 'Westshire plan', '--out', path.join(out, 'none.xlsx')]);
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain('There is no plan with the id or title “Westshire plan”');
  });
});

describe('g2g xlsx import', () => {
  it('prints every problem with its row and column, exits 1, and saves nothing; then imports once they are put right', async () => {
    const broken = await tracker('broken.xlsx', [
      ['C1', 'Zebrafinch audit', 'Helen Marsh', '30/09/2026', 'Green'],
      ['C2', 'Zebrafinch review', 'Jo Bloggs', 'Q3', 'Amber'],
    ]);
    const before = await planState();
    const dry = await g2g(['xlsx', 'import', '--data-dir', folder, '--plan', planId, '--file', broken, '--dry-run']);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain('“Tracker”, headings in row 2: 2 actions, 0 progress updates, 0 people and 0 themes to add.');
    expect(dry.stderr).toContain('Row 4, column C (Who?): “Jo Bloggs” is not one of the council’s people');
    expect(dry.stderr).toContain('Row 4, column D (When?): “Q3” is a quarter, not a day');
    expect(dry.stderr).toContain('Add people the council does not have yet with --add-people.');
    expect(dry.stderr).toContain('Nothing was imported: the tracker has 2 problems to correct first.');
    const real = await g2g(['xlsx', 'import', '--data-dir', folder, '--plan', planId, '--file', broken, '--add-people']);
    expect(real.status).toBe(1);
    expect(real.stderr).toContain('Nothing was imported: the tracker has 1 problem to correct first.');
    expect((await planState()).bytes).toBe(before.bytes);

    const fixed = await tracker('fixed.xlsx', [
      ['C1', 'Zebrafinch audit', 'Helen Marsh', '30/09/2026', 'Green'],
      ['C2', 'Zebrafinch review', 'Jo Bloggs', '31/12/2026', 'Amber'],
    ]);
    const check = await g2g(['xlsx', 'import', '--data-dir', folder, '--plan', planId, '--file', fixed, '--add-people', '--dry-run']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('No problems: run again without --dry-run to import.');
    expect((await planState()).bytes).toBe(before.bytes);
    const done = await g2g(['xlsx', 'import', '--data-dir', folder, '--plan', planId, '--file', fixed, '--add-people', '--json']);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ imported: true, planId, actions: 2, updates: 0, people: 1, themes: 0 });
    const after = (await planState()).actions.filter((action) => action.reference.startsWith('C'));
    expect(after.map((action) => [action.reference, action.title, action.currentDueDate, action.ownerName])).toEqual([
      ['C1', 'Zebrafinch audit', '2026-09-30', 'Helen Marsh'],
      ['C2', 'Zebrafinch review', '2026-12-31', 'Jo Bloggs'],
    ]);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const file = path.join(out, 'minutes.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n%%EOF\n');
    const run = await g2g(['xlsx', 'import', '--data-dir', folder, '--plan', planId, '--file', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('“minutes.pdf” is a PDF document, not a spreadsheet.');
  });
});
