// One size of the benchmark report, in two child processes of `npm run bench` so that each one's
// peak memory is its own: the first writes the plan and its evidence into a fresh data folder, the
// second times everything on it (the services against raw SQL, the screens in Chromium, a pack's
// PDF and Word file, and bundle export and import against the system's zip).
//
//   node --import tsx tests/bench/size.ts --generate-into DIR --actions N --evidence-mb M
//   node --import tsx tests/bench/size.ts --measure DIR --plan ID --actions N --runs JSON --out FILE
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { addEvidence, measureBundles, type BundleFigures } from './bundles';
import { ChildMemorySampler, fileSize, isMain, openBench, peakRssBytes, type ChildMemory } from './common';
import { generatePlan, planSize, type PlanSize } from './generate';
import { measurePack, type PackFigures } from './packs';
import { measureServices, type Figure, type ServiceRuns } from './services';
import { measureUi } from './ui';
import { loadAverage, megabytes } from './timing';

export interface Generated {
  planId: string;
  size: PlanSize;
  rows: Record<string, number>;
  evidence: { files: number; bytes: number };
  generationMs: number;
  databaseBytes: number;
  peakRssMb: number;
}

/** Rounds of each kind of timing at one size. */
export interface SizeRuns extends ServiceRuns {
  ui: number;
  pack: number;
  bundles: number;
}

/** The parts of a size's benchmark, in the order they run. */
export const PARTS = ['services', 'screens', 'pack', 'bundles'] as const;
export type Part = (typeof PARTS)[number];

export interface Measured {
  sqlite: string;
  journalMode: string;
  synchronous: string;
  auditEntries: number;
  operations: Record<string, Figure>;
  pack: PackFigures['pack'] | null;
  bundle: BundleFigures['bundle'] | null;
  ratios: BundleFigures['ratios'] | null;
  memory: { nodePeakRssMb: number; chromium: ChildMemory };
  /** What failed or was refused, by part, so that one failure does not lose the other figures. */
  failures: Record<string, string>;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  seconds: number;
}

export function generateInto(dataDirectory: string, actionCount: number, evidenceBytes: number): Generated {
  const started = performance.now();
  const app = openBench(dataDirectory);
  try {
    const sqlite = app.core.db.$client;
    const generated = generatePlan(sqlite, planSize(actionCount));
    const evidence = addEvidence(sqlite, generated.planId, evidenceBytes);
    // Fold the WAL into the main file so the size is the file's and the measured runs start from
    // a database as the app would find it on a later start.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return {
      planId: generated.planId,
      size: generated.size,
      rows: { ...generated.rows, evidence: evidence.files },
      evidence,
      generationMs: performance.now() - started,
      databaseBytes: fileSize(path.join(dataDirectory, DATABASE_FILE_NAME)),
      peakRssMb: megabytes(peakRssBytes()),
    };
  } finally {
    app.close();
  }
}

export async function measureGenerated(
  dataDirectory: string,
  planId: string,
  actionCount: number,
  runs: SizeRuns,
  work: string,
  parts: readonly Part[] = PARTS,
): Promise<Measured> {
  const started = performance.now();
  const loadAverageBefore = loadAverage();
  const size = planSize(actionCount);
  const log = (what: string) => process.stderr.write(`  ${actionCount.toLocaleString('en-GB')} actions: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  const children = new ChildMemorySampler().start();
  try {
    const got: { services?: Awaited<ReturnType<typeof measureServices>>; ui?: Record<string, Figure>; pack?: PackFigures; bundles?: BundleFigures } = {};
    const failures: Record<string, string> = {};
    const part = async (name: Part, what: string, work: () => Promise<void>) => {
      if (!parts.includes(name)) return;
      log(what);
      try {
        await work();
      } catch (error) {
        failures[name] = (error as Error).message;
        log(`${what} failed: ${(error as Error).message}`);
      }
    };
    await part('services', 'the services', async () => {
      got.services = await measureServices(dataDirectory, planId, size, runs);
    });
    await part('screens', 'the screens in Chromium', async () => {
      got.ui = await measureUi(dataDirectory, planId, size, runs.ui);
    });
    await part('pack', 'a committee pack', async () => {
      got.pack = await measurePack(dataDirectory, planId, { runs: runs.pack });
    });
    await part('bundles', 'bundle export and import', async () => {
      got.bundles = await measureBundles(work, dataDirectory, planId, { runs: runs.bundles });
      if (got.bundles.importRefused) failures['bundle import'] = got.bundles.importRefused;
    });
    const chromium = children.stop();
    const { services, ui, pack, bundles } = got;
    return {
      sqlite: services?.sqlite ?? '',
      journalMode: services?.journalMode ?? '',
      synchronous: services?.synchronous ?? '',
      auditEntries: services?.auditEntries ?? 0,
      operations: { ...services?.operations, ...ui, ...pack?.operations, ...bundles?.operations },
      pack: pack?.pack ?? null,
      bundle: bundles?.bundle ?? null,
      ratios: bundles?.ratios ?? null,
      memory: { nodePeakRssMb: megabytes(peakRssBytes()), chromium },
      failures,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    children.stop();
  }
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      'generate-into': { type: 'string' },
      measure: { type: 'string' },
      plan: { type: 'string' },
      actions: { type: 'string' },
      'evidence-mb': { type: 'string', default: '0' },
      runs: { type: 'string' },
      work: { type: 'string' },
      parts: { type: 'string', default: PARTS.join(',') },
      out: { type: 'string' },
    },
  });
  const actions = Number(args.actions);
  if (!Number.isInteger(actions) || actions < 1) throw new Error('--actions takes a whole number above 0.');
  if (!args.out) throw new Error('--out names the file the figures go to.');
  let result: Generated | Measured;
  if (args['generate-into']) {
    result = generateInto(args['generate-into'], actions, Number(args['evidence-mb']) * 1024 * 1024);
  } else if (args.measure && args.plan && args.runs && args.work) {
    result = await measureGenerated(args.measure, args.plan, actions, JSON.parse(args.runs) as SizeRuns, args.work, args.parts.split(',') as Part[]);
  } else {
    throw new Error('Give --generate-into, or --measure with --plan, --runs and --work.');
  }
  fs.writeFileSync(args.out, JSON.stringify(result));
}

if (isMain(import.meta.filename)) await main();
