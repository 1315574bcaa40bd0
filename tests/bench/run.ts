// The benchmark: generates a large plan in a fresh database, then times what a user waits for
// (opening a plan, listing its actions, saving one edit) through the dispatcher the app uses,
// against the same SQL run directly on the same connection. The ratio is what the layers above
// SQLite cost. Figures, not pass/fail: see tests/bench/README.md.
//
//   node --import tsx tests/bench/run.ts [--actions 5000] [--runs 30] [--dir folder] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Sqlite from 'better-sqlite3';
import { hashEntry, GENESIS_HASH } from '../../db/audit';
import { newId } from '../../db/ids';
import { openApp, type OpenedApp } from '../../electron/core/app';
import { PLAN_QUERIES } from '../../electron/core/handlers/plan-queries';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { contract } from '../../shared/contract';
import { generatePlan, planSize } from './generate';
import { measureActionTable, measureKpiScreens } from './ui';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS_FOLDER = path.join(ROOT, 'db/migrations');
const REPORT_FOLDER = path.join(ROOT, 'out/bench');
const ACTOR = 'bench user';

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
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) throw new Error('--runs takes a whole number above 0.');

// ---------------------------------------------------------------- timing

interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  meanMs: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (index: number) => sorted[Math.min(sorted.length - 1, Math.max(0, index))] ?? Number.NaN;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? at(Math.floor(middle)) : (at(middle - 1) + at(middle)) / 2;
  return {
    runs: sorted.length,
    medianMs: median,
    p95Ms: at(Math.ceil(sorted.length * 0.95) - 1),
    minMs: at(0),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

interface Comparison {
  name: string;
  ours: Stats;
  raw: Stats;
  /** ours / raw, on medians. */
  ratio: number;
}

/**
 * Runs the two sides alternately, swapping which goes first each round, so that load from
 * other processes on a small machine and any cache warmth fall on both sides alike.
 */
async function compare(name: string, runs: number, ours: (round: number) => unknown, raw: (round: number) => unknown): Promise<Comparison> {
  const warmUp = Math.max(3, Math.round(runs / 10));
  for (let round = 0; round < warmUp; round += 1) {
    await ours(-1 - round);
    await raw(-1 - round);
  }
  const oursSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    if (round % 2 === 0) {
      oursSamples.push(await time(() => ours(round)));
      rawSamples.push(await time(() => raw(round)));
    } else {
      rawSamples.push(await time(() => raw(round)));
      oursSamples.push(await time(() => ours(round)));
    }
  }
  const oursStats = stats(oursSamples);
  const rawStats = stats(rawSamples);
  return { name, ours: oursStats, raw: rawStats, ratio: oursStats.medianMs / rawStats.medianMs };
}

async function measure(runs: number, work: (round: number) => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let round = 0; round < runs; round += 1) samples.push(await time(() => work(round)));
  return stats(samples);
}

// ---------------------------------------------------------------- the raw baseline
// The handlers' own SQL (electron/core/handlers/plan-queries.ts), run straight on the
// connection: the ratio is then exactly what the layers above SQLite cost.

function rawBaseline(sqlite: Sqlite.Database) {
  const summary = sqlite.prepare(PLAN_QUERIES.summary);
  const planExists = sqlite.prepare('select 1 from plans where id = ? and deleted_at is null');
  const actionRows = sqlite.prepare(PLAN_QUERIES.actionRows);
  const inspection = sqlite.prepare(PLAN_QUERIES.inspection);
  const stages = sqlite.prepare(PLAN_QUERIES.stages);
  const themes = sqlite.prepare(PLAN_QUERIES.themes);
  const coverage = sqlite.prepare(PLAN_QUERIES.coverage);
  const reviewCount = sqlite.prepare(PLAN_QUERIES.reviewCount).pluck();
  const kpiTiles = sqlite.prepare(PLAN_QUERIES.kpiTiles);

  // The same write the services make for one edit: read the row, update it with its record
  // columns, and append a chained audit entry of before and after, in one immediate transaction.
  const planRow = sqlite.prepare('select * from plans where id = ?');
  const updateTitle = sqlite.prepare(
    'update plans set title = ?, updated_at = ?, updated_by = ?, revision = ? where id = ? returning *',
  );
  const lastHash = sqlite.prepare('select hash from audit_log order by sequence desc limit 1').pluck();
  const insertAudit = sqlite.prepare(
    `insert into audit_log (change_id, at, actor, entity_type, entity_id, plan_id, operation, before, after, previous_hash, hash)
     values (@changeId, @at, @actor, @entityType, @entityId, @planId, @operation, @before, @after, @previousHash, @hash)`,
  );
  const edit = sqlite.transaction((planId: string, title: string) => {
    const at = new Date().toISOString();
    const before = planRow.get(planId) as { revision: number };
    const after = updateTitle.get(title, at, ACTOR, before.revision + 1, planId);
    const entry = {
      changeId: newId(),
      at,
      actor: ACTOR,
      entityType: 'plans',
      entityId: planId,
      planId,
      operation: 'update' as const,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    };
    const previousHash = (lastHash.get() as string | undefined) ?? GENESIS_HASH;
    insertAudit.run({ ...entry, previousHash, hash: hashEntry(previousHash, entry) });
  });

  const today = () => new Date().toISOString().slice(0, 10);
  return {
    summary: (planId: string) => summary.all({ today: today(), planId }),
    overview: (planId: string) => ({
      plan: summary.all({ today: today(), planId }),
      actions: actionRows.all(planId),
      inspection: inspection.get(planId),
      stages: stages.all(planId),
      themes: themes.all(planId),
      coverage: coverage.get(planId),
      reviewCount: reviewCount.get(planId),
      kpis: kpiTiles.all({ planId }),
    }),
    actions: (planId: string) => {
      if (!planExists.get(planId)) throw new Error('plan missing');
      return actionRows.all(planId);
    },
    edit: (planId: string, title: string) => edit.immediate(planId, title),
  };
}

// ---------------------------------------------------------------- helpers

function open(dataDirectory: string): OpenedApp {
  return openApp({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, version: 'bench', actor: ACTOR, seedDemo: false, checkOutputs: false });
}

async function call(app: OpenedApp, method: string, input: unknown): Promise<unknown> {
  const envelope = await app.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const size = planSize(actionCount);
  fs.mkdirSync(args.dir, { recursive: true });
  const dataDirectory = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-'));
  const databaseFile = path.join(dataDirectory, DATABASE_FILE_NAME);

  let app = open(dataDirectory);
  const generationStart = performance.now();
  const generated = generatePlan(app.core.db.$client, size);
  const generation = performance.now() - generationStart;
  // Fold the WAL into the main file so the size is the file's and the measured runs start from
  // a database as the app would find it on a later start.
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  const databaseBytes = fileSize(databaseFile);

  // Starting the app on an existing database includes its quick_check, which reads the whole file.
  const openStats = await measure(5, () => open(dataDirectory).close());
  app = open(dataDirectory);
  const sqlite = app.core.db.$client;
  const sqliteVersion = sqlite.prepare('select sqlite_version()').pluck().get() as string;
  // Read back rather than assumed, so the edit figures say what durability they were bought with.
  const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
  const synchronous = ['off', 'normal', 'full', 'extra'][Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'unknown';
  const raw = rawBaseline(sqlite);
  const { planId } = generated;

  // Check once, outside the timings, that both sides return the whole plan and that the
  // app's answers still satisfy the contract, so a figure is never of a broken answer.
  const overview = contract['plans.overview'].output.parse(await call(app, 'plans.overview', { planId }));
  const listed = contract['actions.list'].output.parse(await call(app, 'actions.list', { planId }));
  const answered = [overview.actions.length, listed.length, raw.actions(planId).length];
  if (answered.some((length) => length !== size.actions)) {
    throw new Error(`Expected ${size.actions} actions from plans.overview, actions.list and the raw SQL; got ${answered.join(', ')}.`);
  }
  if (overview.kpis.length !== size.kpis) throw new Error(`Expected ${size.kpis} KPI tiles, got ${overview.kpis.length}.`);

  // Enough rounds for a stable median on a busy two-core machine; edits are cheap, so more of them.
  const readRuns = runsOverride ?? 50;
  const editRuns = runsOverride ?? 100;
  const comparisons: Comparison[] = [];
  comparisons.push(
    await compare('open a plan (plans.overview)', readRuns, () => call(app, 'plans.overview', { planId }), () => raw.overview(planId)),
  );
  comparisons.push(
    await compare('list actions (actions.list)', readRuns, () => call(app, 'actions.list', { planId }), () => raw.actions(planId)),
  );
  comparisons.push(
    await compare(
      'one edit (plans.update)',
      editRuns,
      (round) => call(app, 'plans.update', { planId, title: `Improvement plan, edit ${round}` }),
      (round) => raw.edit(planId, `Improvement plan, raw edit ${round}`),
    ),
  );
  // plans.update answers with the plan's summary, counted again over all its actions; this row
  // gives the baseline the same answer to fetch, so the two edit rows tell the write from the read.
  comparisons.push(
    await compare(
      'one edit and its answer',
      editRuns,
      (round) => call(app, 'plans.update', { planId, title: `Improvement plan, answered edit ${round}` }),
      (round) => {
        raw.edit(planId, `Improvement plan, raw answered edit ${round}`);
        return raw.summary(planId);
      },
    ),
  );

  const firstActionId = (app.core.db.$client.prepare('select id from actions where plan_id = ? limit 1').pluck().get(planId) as string);
  const firstKpiId = app.core.db.$client.prepare('select id from kpis where plan_id = ? order by sort_order limit 1').pluck().get(planId) as string;
  const lastPeriod = app.core.db.$client.prepare('select max(period) from kpi_values where kpi_id = ?').pluck().get(firstKpiId) as string;
  const scorecard = contract['kpis.scorecard'].output.parse(await call(app, 'kpis.scorecard', { planId }));
  if (scorecard.kpiCount !== size.kpis) throw new Error(`Expected ${size.kpis} KPIs on the scorecard; got ${scorecard.kpiCount}.`);

  // Where the time of the operations above goes, to read the ratios by.
  const details = {
    'plans.update re-reads the plan summary (raw SQL alone)': await measure(readRuns, () => raw.summary(planId)),
    'output check of plans.overview (on in tests, off in the app)': await measure(readRuns, () =>
      contract['plans.overview'].output.parse(overview),
    ),
    'start the app on this database (openApp, includes quick_check)': openStats,
    // One edit of an action as the table's inline RAG makes it: validated, written with its audit
    // entry and committed (synchronous=FULL), then answered with the action's full detail.
    'one action edit committed (actions.update, RAG)': await measure(editRuns, (round: number) =>
      call(app, 'actions.update', { actionId: firstActionId, rag: round % 2 === 0 ? 'amber' : 'green' }),
    ),
    [`the KPI scorecard (kpis.scorecard, ${size.kpis} KPIs × ${size.kpiPeriods} periods)`]: await measure(readRuns, () => call(app, 'kpis.scorecard', { planId })),
    'one KPI’s series for its chart (kpis.series)': await measure(readRuns, () => call(app, 'kpis.series', { kpiId: firstKpiId })),
    'one KPI value saved from the grid (kpis.setValues)': await measure(editRuns, (round: number) =>
      call(app, 'kpis.setValues', { planId, cells: [{ kpiId: firstKpiId, period: lastPeriod, value: 50 + (round % 10) }] }),
    ),
  };

  const checkStart = performance.now();
  const check = contract['db.check'].output.parse(await call(app, 'db.check', {}));
  const checkMs = performance.now() - checkStart;
  app.close();
  if (!check.ok) throw new Error(`The database failed its check after the run: ${JSON.stringify(check).slice(0, 500)}`);

  // The action table in Chromium against the real web host on the same database.
  const uiTimings = await measureActionTable(dataDirectory, planId, size.actions, runsOverride ?? 10);
  const ui: Record<string, ReturnType<typeof stats>> = {
    'open the action table by a fresh page load (app start included)': stats(uiTimings.openTable),
    'open the action table from another page of the app': stats(uiTimings.switchToTable),
    'filter the table by RAG': stats(uiTimings.filterByRag),
    'sort the table by due date': stats(uiTimings.sortByDue),
    'search the actions and their updates': stats(uiTimings.search),
  };
  // The KPI screens: the scorecard on the plan as generated, then a KPI of 1,000 values added.
  const kpiTimings = await measureKpiScreens(dataDirectory, planId, size.kpis, runsOverride ?? 10);
  Object.assign(ui, {
    [`open the KPI scorecard (${kpiTimings.scorecardRows} rows) by a fresh page load (app start included)`]: stats(kpiTimings.openScorecard),
    [`open the KPI scorecard (${kpiTimings.scorecardRows} rows) from another page of the app`]: stats(kpiTimings.switchToScorecard),
    [`draw a KPI chart of ${kpiTimings.longSeriesValues} values (${kpiTimings.longSeriesPointsDrawn} points after thinning; new Chart to drawn)`]: stats(kpiTimings.drawLongChart),
    [`open a KPI page of ${kpiTimings.longSeriesValues} values by a fresh page load`]: stats(kpiTimings.openLongChart),
    [`open a KPI page of ${kpiTimings.longSeriesValues} values from the scorecard`]: stats(kpiTimings.longChartFromScorecard),
  });

  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const report = {
    when: new Date().toISOString(),
    machine: {
      node: process.version,
      sqlite: sqliteVersion,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverageBefore: loadBefore.map((value) => Math.round(value * 100) / 100),
      loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
    },
    plan: { size, rows: generated.rows },
    generationMs: generation,
    database: { folder: dataDirectory, bytes: databaseBytes, megabytes: megabytes(databaseBytes), journalMode, synchronous },
    comparisons,
    details,
    ui,
    dbCheck: { ms: checkMs, ok: check.ok, auditEntries: check.auditChain.entries },
    peakRss: { bytes: peakRssBytes, megabytes: megabytes(peakRssBytes) },
    totalSeconds: (performance.now() - started) / 1000,
  };

  fs.mkdirSync(REPORT_FOLDER, { recursive: true });
  const reportFile = path.join(REPORT_FOLDER, 'report.json');
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (args.keep) console.log(`Database kept in ${dataDirectory}`);
  else fs.rmSync(dataDirectory, { recursive: true, force: true });

  printReport(report, reportFile);
}

function printReport(
  report: {
    machine: { node: string; sqlite: string; cpus: number; cpuModel: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
    plan: { rows: Record<string, number> };
    generationMs: number;
    database: { megabytes: number; journalMode: string; synchronous: string };
    comparisons: Comparison[];
    details: Record<string, Stats>;
    ui: Record<string, Stats>;
    dbCheck: { ms: number; auditEntries: number };
    peakRss: { megabytes: number };
    totalSeconds: number;
  },
  reportFile: string,
): void {
  const rows = report.plan.rows;
  const count = (table: string) => (rows[table] ?? 0).toLocaleString('en-GB');
  console.log('');
  console.log(
    `Plan: ${count('actions')} actions, ${count('progress_updates')} progress updates, ${count('action_due_date_changes')} due-date changes, ` +
      `${count('kpis')} KPIs with ${count('kpi_values')} values, ${count('people')} people, ${count('themes')} themes, ${count('recommendations')} recommendations`,
  );
  console.log(
    `Generated in ${ms(report.generationMs)} ms; database file ${report.database.megabytes} MB ` +
      `(journal_mode=${report.database.journalMode}, synchronous=${report.database.synchronous})`,
  );
  console.log(
    `Node ${report.machine.node}, SQLite ${report.machine.sqlite}, ${report.machine.cpus} × ${report.machine.cpuModel}; ` +
      `load average ${report.machine.loadAverageBefore[0]} before, ${report.machine.loadAverageAfter[0]} after`,
  );
  console.log('');
  const header = ['operation', 'runs', 'ours median', 'p95', 'min', 'raw median', 'p95', 'min', 'ours/raw'];
  const table = report.comparisons.map((row) => [
    row.name,
    String(row.ours.runs),
    ms(row.ours.medianMs),
    ms(row.ours.p95Ms),
    ms(row.ours.minMs),
    ms(row.raw.medianMs),
    ms(row.raw.p95Ms),
    ms(row.raw.minMs),
    `${row.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of table) console.log(line(row));
  console.log('(times in milliseconds)');
  console.log('');
  for (const [name, value] of Object.entries(report.details)) {
    console.log(`${name}: median ${ms(value.medianMs)} ms, p95 ${ms(value.p95Ms)} ms, min ${ms(value.minMs)} ms (${value.runs} runs)`);
  }
  console.log('');
  console.log('The app in Chromium (times in milliseconds, each from the request to the page drawn):');
  for (const [name, value] of Object.entries(report.ui)) {
    console.log(`${name}: median ${ms(value.medianMs)}, p95 ${ms(value.p95Ms)}, min ${ms(value.minMs)} (${value.runs} runs)`);
  }
  console.log(`db.check after the run: ${ms(report.dbCheck.ms)} ms, audit chain of ${report.dbCheck.auditEntries} entries verified`);
  console.log(`Peak resident memory: ${report.peakRss.megabytes} MB; whole run ${report.totalSeconds.toFixed(1)} s`);
  console.log(`Report: ${path.relative(process.cwd(), reportFile) || reportFile}`);
}

await main();
