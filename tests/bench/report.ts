// The benchmark report (`npm run bench`): the same operations timed on plans of 500, 5,000 and
// 50,000 actions, with their updates, KPIs and evidence in proportion, so that how each cost
// grows with the plan shows, and anything growing faster than the plan is flagged. Each size is
// generated in one child process and measured in another, so each one's peak memory is its own.
// Figures, not pass/fail: see tests/bench/README.md.
//
//   node --import tsx tests/bench/report.ts [--sizes 500,5000,50000] [--runs N] [--quick]
//       [--evidence-mb 5,50,500] [--dir folder] [--out file] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMain, REPORT_FOLDER, ROOT, useCopyOfBuiltApp } from './common';
import type { Figure } from './services';
import { PARTS, type Generated, type Measured, type Part, type SizeRuns } from './size';
import { loadAverage, machineFacts, megabytes, ms, roundTo } from './timing';

export const DEFAULT_SIZES = [500, 5_000, 50_000];
/** Growth is flagged when it passes the plan's own growth by half again (15× for a tenfold plan)… */
export const WORSE_THAN_LINEAR = 1.5;
/** …and the larger figure is big enough for a person to notice, so noise in tiny figures is not flagged. */
export const FLAG_FROM_MS = 20;
export const FLAG_FROM_MB = 50;

/** The rows of the table, in order, with a label that holds at every size. */
export const OPERATIONS: { id: string; label: string }[] = [
  { id: 'start-app', label: 'start the app on the file (openApp, quick_check)' },
  { id: 'plans.overview', label: 'open a plan (plans.overview)' },
  { id: 'actions.list', label: 'list its actions (actions.list)' },
  { id: 'actions.query', label: 'action table filtered and sorted (actions.query)' },
  { id: 'actions.query-search', label: 'action table searched (actions.query)' },
  { id: 'plans.update', label: 'one edit (plans.update)' },
  { id: 'plans.update-answered', label: 'one edit and its answer' },
  { id: 'actions.update', label: 'one action edit (actions.update, RAG)' },
  { id: 'kpis.scorecard', label: 'KPI scorecard (kpis.scorecard)' },
  { id: 'kpis.series', label: 'one KPI’s series (kpis.series)' },
  { id: 'kpis.setValues', label: 'one KPI value saved (kpis.setValues)' },
  { id: 'overview-output-check', label: 'output check of plans.overview (tests only)' },
  { id: 'db.check', label: 'check the database (db.check)' },
  { id: 'ui.table-open', label: 'screen: action table, fresh page load' },
  { id: 'ui.table-switch', label: 'screen: action table from another page' },
  { id: 'ui.table-filter', label: 'screen: filter the table by RAG' },
  { id: 'ui.table-sort', label: 'screen: sort the table by due date' },
  { id: 'ui.table-search', label: 'screen: search actions and updates' },
  { id: 'ui.scorecard-open', label: 'screen: KPI scorecard, fresh page load' },
  { id: 'ui.scorecard-switch', label: 'screen: KPI scorecard from another page' },
  { id: 'ui.chart-draw', label: 'screen: draw a chart of 1,000 values' },
  { id: 'ui.chart-open', label: 'screen: KPI page with that chart, fresh load' },
  { id: 'ui.chart-from-scorecard', label: 'screen: that KPI page from the scorecard' },
  { id: 'packs.document', label: 'pack: its document (packs.document)' },
  { id: 'packs.pdf-first', label: 'pack: first PDF, Chromium starting' },
  { id: 'packs.pdf', label: 'pack: PDF (packs.pdf)' },
  { id: 'packs.chart-images', label: 'pack: chart images off the print view' },
  { id: 'packs.docx', label: 'pack: Word file (packs.docx)' },
  { id: 'bundles.export', label: 'bundle export (export and download)' },
  { id: 'bundles.import', label: 'bundle import into a fresh folder' },
  { id: 'bundles.import-receive', label: '  of which receive' },
  { id: 'bundles.import-inspect', label: '  of which inspect' },
  { id: 'bundles.import-apply', label: '  of which apply' },
  { id: 'system-zip', label: 'system zip -r of the same files' },
];

export interface SizeReport extends Omit<Measured, 'operations'> {
  actions: number;
  plan: Generated['size'];
  rows: Record<string, number>;
  evidence: Generated['evidence'];
  generation: { ms: number; peakRssMb: number };
  database: { bytes: number; megabytes: number };
  runs: SizeRuns;
  operations: Record<string, Figure>;
}

/** Growth from one size to the next: the figure's factor, the plan's, and whether it is worse than linear. */
export interface Growth {
  from: number;
  to: number;
  /** How many times larger the plan is. */
  linear: number;
  /** How many times larger the figure is; null when either figure is missing. */
  factor: number | null;
  flagged: boolean;
}

export interface ReportRow {
  id: string;
  label: string;
  unit: 'ms' | 'MB';
  /** Median (or the figure) at each size, in the report's order of sizes; null where not measured. */
  values: (number | null)[];
  /** ours / baseline at each size, where there is a baseline. */
  ratios: (number | null)[];
  baseline: string | null;
  growth: Growth[];
}

export interface Report {
  when: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; zip: string; chromium: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  options: { sizes: number[]; evidenceMb: number[]; quick: boolean; runs: number | null; parts: Part[] };
  sizes: SizeReport[];
  rows: ReportRow[];
  /** One sentence for each figure that grew worse than linearly. */
  flags: string[];
  /** What failed or was refused at each size. */
  failures: string[];
  totalSeconds: number;
}

export function runsFor(actions: number, quick: boolean, override: number | null): SizeRuns {
  if (override !== null) return { reads: override, edits: override, starts: override, ui: override, pack: override, bundles: override };
  if (quick) return { reads: 3, edits: 3, starts: 1, ui: 1, pack: 1, bundles: 1 };
  // The largest plan takes seconds per round of some operations; fewer rounds keep the run short.
  if (actions >= 20_000) return { reads: 10, edits: 20, starts: 3, ui: 3, pack: 2, bundles: 1 };
  return { reads: 30, edits: 50, starts: 5, ui: 5, pack: 3, bundles: 3 };
}

/** Growth factors between consecutive sizes, flagged where a figure worth noticing grew worse than linearly. */
export function growthOf(sizes: number[], values: (number | null)[], floor: number): Growth[] {
  const growth: Growth[] = [];
  for (let index = 1; index < sizes.length; index += 1) {
    const from = sizes[index - 1]!;
    const to = sizes[index]!;
    const before = values[index - 1];
    const after = values[index];
    const linear = to / from;
    const factor = before != null && after != null && Number.isFinite(after) && before > 0 ? after / before : null;
    growth.push({ from, to, linear, factor, flagged: factor !== null && factor > linear * WORSE_THAN_LINEAR && (after ?? 0) >= floor });
  }
  return growth;
}

/** The table's rows from the figures of each size, with growth factors and flags. */
export function tabulate(sizes: SizeReport[]): { rows: ReportRow[]; flags: string[] } {
  const counts = sizes.map((size) => size.actions);
  const rows: ReportRow[] = [];
  const known = new Set(OPERATIONS.map((operation) => operation.id));
  const extra = [...new Set(sizes.flatMap((size) => Object.keys(size.operations)))].filter((id) => !known.has(id));
  for (const { id, label } of [...OPERATIONS, ...extra.map((id) => ({ id, label: sizes.find((size) => size.operations[id])?.operations[id]?.label ?? id }))]) {
    const figures = sizes.map((size) => size.operations[id] ?? null);
    if (figures.every((figure) => figure === null)) continue;
    const values = figures.map((figure) => figure?.ours.medianMs ?? null);
    rows.push({
      id,
      label,
      unit: 'ms',
      values,
      ratios: figures.map((figure) => figure?.ratio ?? null),
      baseline: figures.find((figure) => figure?.rawLabel)?.rawLabel ?? null,
      growth: growthOf(counts, values, FLAG_FROM_MS),
    });
  }
  const memory = (id: string, label: string, pick: (size: SizeReport) => number | null) => {
    const values = sizes.map(pick);
    rows.push({ id, label, unit: 'MB', values, ratios: values.map(() => null), baseline: null, growth: growthOf(counts, values, FLAG_FROM_MB) });
  };
  memory('memory.generate', 'peak memory: generating the plan (Node RSS)', (size) => size.generation.peakRssMb);
  memory('memory.measure', 'peak memory: the app under test (Node RSS)', (size) => size.memory.nodePeakRssMb);
  memory('memory.chromium', 'peak memory: Chromium, all processes (PSS)', (size) => size.memory.chromium.chromiumPeakPssMb);
  memory('memory.children', 'peak memory: web host processes (RSS)', (size) => size.memory.chromium.otherPeakRssMb);
  memory('size.database', 'database file', (size) => size.database.megabytes);
  if (sizes.some((size) => size.bundle)) {
    memory('size.bundle', 'bundle file', (size) => (size.bundle ? megabytes(size.bundle.bytes) : null));
    memory('size.system-zip', 'system zip of the same files', (size) => (size.bundle ? megabytes(size.bundle.systemZipBytes) : null));
  }

  const flags: string[] = [];
  for (const row of rows) {
    for (const growth of row.growth) {
      if (!growth.flagged || growth.factor === null) continue;
      flags.push(
        `${row.label.trim()}: ${roundTo(growth.factor, 1)}× from ${growth.from.toLocaleString('en-GB')} to ${growth.to.toLocaleString('en-GB')} actions, ` +
          `where the plan grew ${roundTo(growth.linear, 1)}× (${formatValue(row.values[row.growth.indexOf(growth)] ?? null, row.unit)} to ${formatValue(row.values[row.growth.indexOf(growth) + 1] ?? null, row.unit)} ${row.unit})`,
      );
    }
  }
  return { rows, flags };
}

const formatValue = (value: number | null, unit: 'ms' | 'MB') => (value === null || !Number.isFinite(value) ? '–' : unit === 'ms' ? ms(value) : value.toLocaleString('en-GB'));

/** The readable table: sizes as columns, operations as rows, the median with its ratio to the baseline, then the growth factors. */
export function formatReport(report: Report): string {
  const lines: string[] = [];
  const counts = report.sizes.map((size) => size.actions);
  lines.push('');
  lines.push(
    `Node ${report.machine.node}, SQLite ${report.sizes[0]?.sqlite ?? '?'}, ${report.machine.chromium}, ${report.machine.cpus} × ${report.machine.cpuModel}; ` +
      `load average ${report.machine.loadAverageBefore.join(' ')} before, ${report.machine.loadAverageAfter.join(' ')} after`,
  );
  for (const size of report.sizes) {
    const rows = size.rows;
    const count = (table: string) => (rows[table] ?? 0).toLocaleString('en-GB');
    lines.push(
      `${size.actions.toLocaleString('en-GB')} actions: ${count('progress_updates')} updates, ${count('action_due_date_changes')} due-date changes, ` +
        `${count('kpis')} KPIs with ${count('kpi_values')} values, ${count('people')} people, ${size.evidence.files} evidence files of ${megabytes(size.evidence.bytes)} MB; ` +
        `generated in ${(size.generation.ms / 1000).toFixed(1)} s, measured in ${size.seconds.toFixed(0)} s; load ${size.loadAverageBefore[0]} → ${size.loadAverageAfter[0]}`,
    );
  }
  lines.push('');
  const header = ['', ...counts.map((count) => `${count.toLocaleString('en-GB')} actions`), ...report.sizes.slice(1).map((size, index) => `${size.actions / counts[index]!}× plan`), 'compared with'];
  const table = report.rows.map((row) => [
    `${row.label}${row.unit === 'MB' ? ' (MB)' : ''}`,
    ...row.values.map((value, index) => {
      const ratio = row.ratios[index];
      return `${formatValue(value, row.unit)}${ratio != null ? ` (${ratio.toFixed(ratio < 10 ? 2 : 1)}×)` : ''}`;
    }),
    ...row.growth.map((growth) => (growth.factor === null ? '–' : `${growth.factor.toFixed(1)}×${growth.flagged ? ' !' : ''}`)),
    row.baseline ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  lines.push(line(header));
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of table) lines.push(line(row));
  lines.push('');
  lines.push('Medians in milliseconds unless marked; (n×) is the ratio of our median to the baseline’s, measured in the same run.');
  lines.push(`The last columns are growth from the size before: a cost that grows with the plan grows as much as the plan; “!” marks more than ${WORSE_THAN_LINEAR} times that.`);
  if (report.flags.length === 0) lines.push('Nothing grew worse than linearly.');
  else {
    lines.push('Grew worse than linearly:');
    for (const flag of report.flags) lines.push(`  ! ${flag}`);
  }
  if (report.failures.length > 0) {
    lines.push('Failed or refused:');
    for (const failure of report.failures) lines.push(`  × ${failure}`);
  }
  for (const size of report.sizes) {
    lines.push(
      `${size.actions.toLocaleString('en-GB')} actions: ` +
        (size.bundle
          ? `bundle ${megabytes(size.bundle.bytes)} MB, ${Object.values(size.bundle.records).reduce((sum, count) => sum + count, 0).toLocaleString('en-GB')} records, ${size.bundle.attachments} files; `
          : '') +
        (size.pack ? `pack ${size.pack.pages} pages; ` : '') +
        `audit chain of ${size.auditEntries.toLocaleString('en-GB')} entries checked; rounds ${JSON.stringify(size.runs)}`,
    );
  }
  lines.push(`Whole run ${(report.totalSeconds / 60).toFixed(1)} minutes.`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- running the sizes

function runChild(args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'size.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      errors = (errors + text).slice(-20_000);
      log(text.trimEnd());
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`The benchmark of one size stopped (${signal ?? `exit ${code}`}):\n${errors}`))));
  });
}

export interface ReportOptions {
  sizes: number[];
  /** Megabytes of evidence at each size; by default one for every 100 actions. */
  evidenceMb?: number[];
  quick?: boolean;
  runs?: number | null;
  /** Where the temporary data folders go. */
  dir?: string;
  /** Where the JSON report goes. */
  out?: string;
  keep?: boolean;
  /** The parts to run at each size; by default all of them. */
  parts?: readonly Part[];
  log?: (line: string) => void;
}

export async function buildReport(options: ReportOptions): Promise<Report> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => line && console.error(line));
  const quick = options.quick ?? false;
  const override = options.runs ?? null;
  const sizes = options.sizes;
  const evidenceMb = options.evidenceMb ?? sizes.map((actions) => actions / 100);
  if (evidenceMb.length !== sizes.length) throw new Error(`Give one amount of evidence for each size (${sizes.length}), not ${evidenceMb.length}.`);
  const loadAverageBefore = loadAverage();
  const dir = path.resolve(options.dir ?? os.tmpdir());
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(REPORT_FOLDER, { recursive: true });
  const reports: SizeReport[] = [];
  // The children inherit the copy's address through the environment.
  const appCopy = fs.mkdtempSync(path.join(REPORT_FOLDER, 'app-'));
  const previousAppOut = process.env.G2G_BENCH_APP_OUT;
  useCopyOfBuiltApp(appCopy);
  try {
    for (const [index, actions] of sizes.entries()) {
      const work = fs.mkdtempSync(path.join(dir, `g2g-bench-${actions}-`));
      const dataDirectory = path.join(work, 'plan');
      try {
        log(`${actions.toLocaleString('en-GB')} actions: generating the plan and ${evidenceMb[index]} MB of evidence`);
        const generatedFile = path.join(work, 'generated.json');
        await runChild(['--generate-into', dataDirectory, '--actions', String(actions), '--evidence-mb', String(evidenceMb[index]), '--out', generatedFile], log);
        const generated = JSON.parse(fs.readFileSync(generatedFile, 'utf8')) as Generated;
        const runs = runsFor(actions, quick, override);
        const measuredFile = path.join(work, 'measured.json');
        await runChild(['--measure', dataDirectory, '--plan', generated.planId, '--actions', String(actions), '--runs', JSON.stringify(runs), '--work', work, '--parts', (options.parts ?? PARTS).join(','), '--out', measuredFile], log);
        const measured = JSON.parse(fs.readFileSync(measuredFile, 'utf8')) as Measured;
        reports.push({
          ...measured,
          actions,
          plan: generated.size,
          rows: generated.rows,
          evidence: generated.evidence,
          generation: { ms: generated.generationMs, peakRssMb: generated.peakRssMb },
          database: { bytes: generated.databaseBytes, megabytes: megabytes(generated.databaseBytes) },
          runs,
        });
      } finally {
        if (options.keep) log(`Kept ${work}`);
        else fs.rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
      }
    }
  } finally {
    fs.rmSync(appCopy, { recursive: true, force: true });
    if (previousAppOut === undefined) delete process.env.G2G_BENCH_APP_OUT;
    else process.env.G2G_BENCH_APP_OUT = previousAppOut;
  }
  const { rows, flags } = tabulate(reports);
  const version = (command: string, args: string[], line = 0) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[line]?.trim() ?? command;
    } catch {
      return `${command} not found`;
    }
  };
  const report: Report = {
    when: new Date().toISOString(),
    machine: {
      ...machineFacts(loadAverageBefore),
      zip: version('zip', ['-v'], 1),
      chromium: version(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    },
    options: { sizes, evidenceMb, quick, runs: override, parts: [...(options.parts ?? PARTS)] },
    sizes: reports,
    rows,
    flags,
    failures: reports.flatMap((size) => Object.entries(size.failures).map(([part, message]) => `${size.actions.toLocaleString('en-GB')} actions, ${part}: ${message}`)),
    totalSeconds: (performance.now() - started) / 1000,
  };
  const out = options.out ?? path.join(REPORT_FOLDER, 'report.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

// ---------------------------------------------------------------- the command line

const wholeNumbers = (text: string, option: string) =>
  text.split(',').map((part) => {
    const value = Number(part.trim().replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`${option} takes whole numbers above 0, separated by commas; “${part}” is not one.`);
    return value;
  });

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      'evidence-mb': { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      dir: { type: 'string', default: os.tmpdir() },
      out: { type: 'string', default: path.join(REPORT_FOLDER, 'report.json') },
      keep: { type: 'boolean', default: false },
      parts: { type: 'string', default: PARTS.join(',') },
    },
  });
  const parts = args.parts.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--parts: “${part}” is not a part of the benchmark (${PARTS.join(', ')}).`);
  }
  const sizes = wholeNumbers(args.sizes, '--sizes');
  const evidenceMb = args['evidence-mb']?.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isFinite(value) || value < 0) throw new Error(`--evidence-mb takes megabytes, separated by commas; “${part}” is not one.`);
    return value;
  });
  const runs = args.runs === undefined ? null : wholeNumbers(args.runs, '--runs')[0]!;
  const report = await buildReport({ sizes, evidenceMb, quick: args.quick, runs, dir: args.dir, out: args.out, keep: args.keep, parts: parts as Part[] });
  console.log(formatReport(report));
  console.log(`Report: ${path.relative(process.cwd(), args.out) || args.out}`);
}

if (isMain(import.meta.filename)) await main();
