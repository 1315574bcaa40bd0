// One size in detail: generates a plan in a fresh database, then times the services against the
// same SQL run straight on the connection, and the action table and KPI screens in Chromium.
// `npm run bench` (report.ts) runs this and the rest at three sizes; this is the quicker look at
// one. Figures, not pass/fail: see tests/bench/README.md.
//
//   node --import tsx tests/bench/run.ts [--actions 5000] [--runs 30] [--dir folder] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { fileSize, openBench, peakRssBytes, REPORT_FOLDER } from './common';
import { generatePlan, planSize } from './generate';
import { measureServices, type Figure } from './services';
import { loadAverage, machineFacts, megabytes, ms } from './timing';
import { measureUi } from './ui';

const { values: args } = parseArgs({
  options: {
    actions: { type: 'string', default: '5000' },
    runs: { type: 'string' },
    /** Where the temporary database goes: the disk decides what a synchronous commit costs. */
    dir: { type: 'string', default: os.tmpdir() },
    keep: { type: 'boolean', default: false },
  },
});
const actionCount = Number(args.actions);
const runsOverride = args.runs === undefined ? undefined : Number(args.runs);
if (!Number.isInteger(actionCount) || actionCount < 1) throw new Error('--actions takes a whole number above 0.');
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) throw new Error('--runs takes a whole number above 0.');

const started = performance.now();
const loadBefore = loadAverage();
const size = planSize(actionCount);
fs.mkdirSync(args.dir, { recursive: true });
const dataDirectory = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-'));
try {
  const app = openBench(dataDirectory);
  const generationStart = performance.now();
  const generated = generatePlan(app.core.db.$client, size);
  const generationMs = performance.now() - generationStart;
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  const databaseBytes = fileSize(path.join(dataDirectory, DATABASE_FILE_NAME));

  // Enough rounds for a stable median on a busy two-core machine; edits are cheap, so more of them.
  const services = await measureServices(dataDirectory, generated.planId, size, { reads: runsOverride ?? 50, edits: runsOverride ?? 100, starts: 5 });
  const ui = await measureUi(dataDirectory, generated.planId, size, runsOverride ?? 10);
  const report = {
    when: new Date().toISOString(),
    machine: { ...machineFacts(loadBefore), sqlite: services.sqlite },
    plan: { size, rows: generated.rows },
    generationMs,
    database: { bytes: databaseBytes, megabytes: megabytes(databaseBytes), journalMode: services.journalMode, synchronous: services.synchronous },
    operations: { ...services.operations, ...ui },
    auditEntries: services.auditEntries,
    peakRss: { megabytes: megabytes(peakRssBytes()) },
    totalSeconds: (performance.now() - started) / 1000,
  };
  fs.mkdirSync(REPORT_FOLDER, { recursive: true });
  const reportFile = path.join(REPORT_FOLDER, 'one-size.json');
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

  const count = (table: string) => (generated.rows[table] ?? 0).toLocaleString('en-GB');
  console.log(`\nPlan: ${count('actions')} actions, ${count('progress_updates')} progress updates, ${count('kpis')} KPIs with ${count('kpi_values')} values`);
  console.log(`Generated in ${ms(generationMs)} ms; database file ${report.database.megabytes} MB (journal_mode=${services.journalMode}, synchronous=${services.synchronous})`);
  console.log(`Node ${process.version}, SQLite ${services.sqlite}; load average ${loadBefore[0]} before, ${report.machine.loadAverageAfter[0]} after\n`);
  const rows = Object.values(report.operations).map((figure: Figure) => [
    figure.label,
    String(figure.ours.runs),
    ms(figure.ours.medianMs),
    ms(figure.ours.p95Ms),
    ms(figure.ours.minMs),
    figure.raw ? ms(figure.raw.medianMs) : '',
    figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}×`,
  ]);
  const header = ['operation', 'runs', 'median', 'p95', 'min', 'raw median', 'ours/raw'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`(milliseconds) Peak resident memory ${report.peakRss.megabytes} MB; whole run ${report.totalSeconds.toFixed(1)} s; report ${path.relative(process.cwd(), reportFile)}`);
} finally {
  if (args.keep) console.log(`Database kept in ${dataDirectory}`);
  else fs.rmSync(dataDirectory, { recursive: true, force: true });
}
