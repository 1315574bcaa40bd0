// `g2g xlsx export` and `g2g xlsx import`: the action plan and KPIs to an Excel workbook or CSV,
// and a council's tracker into a plan, through the same contract methods as the app's pages.
import fs from 'node:fs';
import path from 'node:path';
import type { TrackerInspection } from '../../shared/contract-spreadsheets';
import type { ExportFormat } from '../../shared/spreadsheets';
import { CommandFailure, EXIT_CODES_HELP, UsageFailure, type DataCommand, type DataCommandContext } from './command';
import { call, checkWritable, findPlan, rejectExtraArguments, writeWhole } from './command-files';

function option(context: DataCommandContext, command: string, name: string, what: string, required: true): string;
function option(context: DataCommandContext, command: string, name: string, what: string, required: false): string | null;
function option(context: DataCommandContext, command: string, name: string, what: string, required: boolean): string | null {
  const value = context.options[name];
  if (value === undefined && !required) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageFailure(`“g2g ${command}” needs --${name} ${what}.`);
  return value.trim();
}

export const xlsxExportCommand: DataCommand = {
  name: 'xlsx export',
  summary: 'write the action plan and KPIs to an Excel workbook, or a table of them to CSV',
  options: { plan: { type: 'string' }, out: { type: 'string' }, theme: { type: 'string' }, table: { type: 'string' } },
  help: [
    'Usage: g2g xlsx export --plan ID|TITLE --out FILE.xlsx|FILE.csv [--theme REF] [--table actions|kpi-values] [--json]',
    '',
    'Options:',
    '  --plan ID|TITLE  the plan, by its id or its title (g2g plans list shows both)',
    '  --out FILE       where to write: .xlsx for the workbook (the action plan, KPIs, KPI values',
    '                   and what each RAG means), .csv for one table',
    '  --theme REF      only this theme’s actions and the KPIs linked to it (its reference, such as 2)',
    '  --table NAME     for CSV: actions (the default) or kpi-values',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    rejectExtraArguments(context, 'xlsx export');
    const named = option(context, 'xlsx export', 'plan', 'ID or TITLE (g2g plans list shows each plan)', true);
    const out = path.resolve(option(context, 'xlsx export', 'out', 'FILE (a .xlsx or .csv file to write)', true));
    checkWritable(out, 'file');
    const extension = path.extname(out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.csv') throw new UsageFailure(`--out must name a .xlsx or a .csv file, not “${path.basename(out)}”.`);
    const table = option(context, 'xlsx export', 'table', 'actions or kpi-values', false);
    if (table !== null && extension !== '.csv') throw new UsageFailure('--table chooses the table of a CSV file; a workbook holds every table.');
    if (table !== null && table !== 'actions' && table !== 'kpi-values') throw new UsageFailure(`--table is actions or kpi-values, not “${table}”.`);
    const format: ExportFormat = extension === '.xlsx' ? 'xlsx' : table === 'kpi-values' ? 'csv-kpi-values' : 'csv-actions';

    const plan = await findPlan(context, named);
    const themeReference = option(context, 'xlsx export', 'theme', 'REF (the theme’s reference, such as 2)', false);
    let themeId: string | null = null;
    if (themeReference !== null) {
      const themes = await call(context, 'themes.list', { planId: plan.id });
      const theme = themes.find((each) => each.reference.toLowerCase() === themeReference.toLowerCase());
      if (!theme) {
        throw new CommandFailure(`“${plan.title}” has no theme ${themeReference}. Its themes are: ${themes.map((each) => `${each.reference} (${each.title})`).join(', ') || 'none'}.`);
      }
      themeId = theme.id;
    }
    const file = await call(context, 'spreadsheets.exportPlan', { planId: plan.id, themeId, format });
    const bytes = Buffer.from(file.base64, 'base64');
    writeWhole(out, bytes, format === 'xlsx' ? 'spreadsheet' : 'CSV file');
    if (context.json) context.out(JSON.stringify({ planId: plan.id, themeId, format, file: out, bytes: bytes.length }, null, 2));
    else context.out(`“${plan.title}”${themeReference ? `, theme ${themeReference},` : ''} written to ${out}.`);
    return 0;
  },
};

function listProblems(context: DataCommandContext, inspection: TrackerInspection): void {
  for (const problem of inspection.problems) context.err(problem.text);
  if (inspection.problemCount > inspection.problems.length) context.err(`… and ${(inspection.problemCount - inspection.problems.length).toLocaleString('en-GB')} more.`);
  if (inspection.unknownPeople.some((person) => !person.add)) context.err('Add people the council does not have yet with --add-people.');
  if (inspection.unknownThemes.some((theme) => !theme.add)) context.err('Add themes the plan does not have yet with --add-themes.');
}

export const xlsxImportCommand: DataCommand = {
  name: 'xlsx import',
  summary: 'import a council’s action plan tracker (XLSX or CSV) as a plan’s actions',
  options: {
    plan: { type: 'string' },
    file: { type: 'string' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'add-people': { type: 'boolean' },
    'add-themes': { type: 'boolean' },
  },
  help: [
    'Usage: g2g xlsx import --plan ID --file TRACKER.xlsx|TRACKER.csv [--sheet NAME] [--header-row N] [--dry-run] [--add-people] [--add-themes] [--json]',
    '',
    'Options:',
    '  --plan ID        the plan the actions go into (g2g plans list shows each plan’s id)',
    '  --file FILE      the tracker: an Excel workbook (.xlsx) or a CSV file',
    '  --sheet NAME     the sheet of actions (otherwise the first whose headings name a column of actions)',
    '  --header-row N   the row the headings are in (otherwise the first row as full as the table below)',
    '  --dry-run        show what would be imported and every problem, and save nothing',
    '  --add-people     add owners and leads the council’s people do not include',
    '  --add-themes     add themes the plan does not have',
    '',
    'The columns are taken from the headings (Action, What?, Who?, Owner, Lead, When?, Due date, RAG,',
    'Status, Update, Success measures…), as the app guesses them, or as they were chosen last time.',
    'Every row is imported, or, if any problem remains, none: each problem is printed with its row',
    'and column, and the exit code is 1.',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    rejectExtraArguments(context, 'xlsx import');
    const planId = option(context, 'xlsx import', 'plan', 'ID (the plan’s id, from g2g plans list)', true);
    const fileOption = option(context, 'xlsx import', 'file', 'FILE (the tracker to import)', true);
    const sheet = option(context, 'xlsx import', 'sheet', 'NAME', false) ?? undefined;
    const headerText = option(context, 'xlsx import', 'header-row', 'N (a row number)', false);
    const headerRow = headerText === null ? undefined : Number(headerText);
    if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) throw new UsageFailure(`--header-row is a row number from 1, not “${headerText}”.`);
    const file = path.resolve(fileOption);
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      throw new CommandFailure(`${file} cannot be read: check that it exists and that you may read it.`);
    }
    const plan = await findPlan(context, planId);
    const base = { planId: plan.id, fileName: path.basename(file), contentBase64: content.toString('base64'), sheet, headerRow };
    const first = await call(context, 'spreadsheets.inspectTracker', base);
    const input = {
      ...base,
      newPeople: context.options['add-people'] === true ? first.unknownPeople.map((person) => person.name) : [],
      newThemes: context.options['add-themes'] === true ? first.unknownThemes.map((theme) => theme.name) : [],
    };
    const inspection = input.newPeople.length + input.newThemes.length > 0 ? await call(context, 'spreadsheets.inspectTracker', input) : first;
    const summary = `“${inspection.sheet}”, headings in row ${inspection.headerRow}: ${inspection.counts.actions.toLocaleString('en-GB')} actions, ${inspection.counts.updates.toLocaleString('en-GB')} progress updates, ${inspection.counts.newPeople} people and ${inspection.counts.newThemes} themes to add.`;

    if (context.options['dry-run'] === true || inspection.problemCount > 0) {
      if (context.json) {
        context.out(JSON.stringify({ imported: false, sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.mapping, counts: inspection.counts, problemCount: inspection.problemCount, problems: inspection.problems }, null, 2));
      } else {
        context.out(summary);
        if (inspection.problemCount === 0) context.out('No problems: run again without --dry-run to import.');
      }
      if (inspection.problemCount > 0) {
        if (!context.json) listProblems(context, inspection);
        context.err(`Nothing was imported: the tracker has ${inspection.problemCount.toLocaleString('en-GB')} ${inspection.problemCount === 1 ? 'problem' : 'problems'} to correct first.`);
        return 1;
      }
      return 0;
    }
    const imported = await call(context, 'spreadsheets.importTracker', input);
    if (context.json) context.out(JSON.stringify({ imported: true, planId: plan.id, ...imported }, null, 2));
    else {
      context.out(summary);
      context.out(`Imported into “${plan.title}”: ${imported.actions.toLocaleString('en-GB')} actions, ${imported.updates.toLocaleString('en-GB')} progress updates, ${imported.people} people and ${imported.themes} themes added.`);
    }
    return 0;
  },
};

export const xlsxCommands = [xlsxExportCommand, xlsxImportCommand];
