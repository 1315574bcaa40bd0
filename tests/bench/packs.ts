// The committee-pack benchmark: on the large generated plan, a pack of every section a committee
// reads with 20 KPI charts (about 40 pages), printed to PDF and written to Word through the
// contract as the app calls it (the real browser-mode host, the built print view and Debian's
// Chromium). Figures, not pass/fail: see tests/bench/README.md.
//
//   node --import tsx tests/bench/packs.ts [--actions 5000] [--runs 5] [--sections all|LIST] [--dir folder] [--keep]
//
// The plan is generated in a child process, so this process's peak memory is that of opening
// the app and making packs, not of writing 5,000 actions. measurePack is what `npm run bench`
// calls at each size.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../../electron/core/printing/find-chromium';
import { serveApp } from '../../electron/web/serve-app';
import { PACK_SECTIONS, type PackSection } from '../../shared/vocabulary';
import { ChildMemorySampler, callChecked as call, isMain, openBench, peakRssBytes, REPORT_FOLDER, RENDERER, ROOT, type ChildMemory } from './common';
import { generatePlan, planSize } from './generate';
import type { Figure } from './services';
import { loadAverage, machineFacts, megabytes, ms, stats, time } from './timing';

const CHARTS = 20;
// A committee reads a pack of some 40 pages: every section but the action-plan appendix, which
// for the large plan is every one of its 5,000 actions; `--sections all` includes it.
const LISTS_OF_ACTIONS = new Set(['action-plan']);
export const DEFAULT_SECTIONS: PackSection[] = PACK_SECTIONS.filter((section) => !LISTS_OF_ACTIONS.has(section));

export interface PackFigures {
  pack: { sections: number; parts: string[]; blocks: number; charts: number; pages: number; pdfBytes: number; docxBytes: number };
  operations: Record<string, Figure>;
  chromium: ChildMemory;
}

function pdfPages(bytes: Buffer, folder: string): number {
  const file = path.join(folder, 'bench-pack.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * Makes a committee pack of the plan `planId` in `dataDirectory` with up to 20 KPI charts, then
 * times its PDF (the first print, which starts Chromium, apart) and, unless `word` is false, its
 * Word file, `runs` times each.
 */
export async function measurePack(
  dataDirectory: string,
  planId: string,
  options: { runs: number; sections?: readonly PackSection[]; word?: boolean },
): Promise<PackFigures> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the app first (npm run build): packs print from out/renderer.');
  const sections = options.sections ?? DEFAULT_SECTIONS;
  const app = openBench(dataDirectory);
  const served = await serveApp(app, { rendererDirectory: RENDERER });
  const memory = new ChildMemorySampler();
  try {
    const committee = await call(app, 'committees.create', {
      planId,
      name: 'Children’s Services Improvement Board',
      kind: 'improvement-board',
      cadence: 'every-two-months',
      firstMeetingDate: '2025-07-17',
    });
    const meeting = committee.meetings[0]!;
    const kpis = await call(app, 'kpis.list', { planId });
    const chartKpiIds = kpis.slice(0, CHARTS).map((kpi) => kpi.id);
    const pack = await call(app, 'packs.create', { planId, meetingId: meeting.id, template: 'improvement-board', periodStart: '2025-04-01', periodEnd: '2025-06-30' });
    await call(app, 'packs.update', { packId: pack.id, content: { sections: [...sections], chartKpiIds } });
    const documentTimed = await time(() => call(app, 'packs.document', { packId: pack.id }));
    const document = documentTimed.value;
    const charted = document.blocks.filter((block) => block.kind === 'chart').length;
    if (charted !== chartKpiIds.length) throw new Error(`Expected ${chartKpiIds.length} charts in the pack; it has ${charted}.`);

    memory.start();
    // The first print starts Chromium; it is reported on its own.
    const first = await time(() => call(app, 'packs.pdf', { packId: pack.id }));
    const pdfBytes = Buffer.from(first.value.base64, 'base64');
    const pages = pdfPages(pdfBytes, dataDirectory);

    const pdfTimes: number[] = [];
    const imageTimes: number[] = [];
    const docxTimes: number[] = [];
    let docxBytes = 0;
    for (let round = 0; round < options.runs; round += 1) {
      pdfTimes.push((await time(() => call(app, 'packs.pdf', { packId: pack.id }))).ms);
      if (options.word === false) continue;
      // In the app the page hands over the charts it drew; the command line reads them off the print view.
      const images = await time(() => served.printer.chartImages(pack.id));
      imageTimes.push(images.ms);
      const charts = Object.fromEntries([...images.value].map(([kpiId, png]) => [kpiId, Buffer.from(png).toString('base64')]));
      const docx = await time(() => call(app, 'packs.docx', { packId: pack.id, charts }));
      docxTimes.push(docx.ms);
      docxBytes = Buffer.from(docx.value.base64, 'base64').length;
    }
    const operations: Record<string, Figure> = {
      'packs.document': { label: 'the pack’s document (packs.document)', ours: stats([documentTimed.ms]) },
      'packs.pdf-first': { label: 'pack PDF, first print, Chromium starting (packs.pdf)', ours: stats([first.ms]) },
      'packs.pdf': { label: `pack PDF (packs.pdf, ${pages} pages)`, ours: stats(pdfTimes) },
    };
    if (docxTimes.length > 0) {
      operations['packs.chart-images'] = { label: 'chart images read off the print view (command line only)', ours: stats(imageTimes) };
      operations['packs.docx'] = { label: 'pack Word file (packs.docx)', ours: stats(docxTimes) };
    }
    return {
      pack: {
        sections: document.blocks.filter((block) => block.kind === 'heading' && block.level === 1).length,
        parts: [...sections],
        blocks: document.blocks.length,
        charts: charted,
        pages,
        pdfBytes: pdfBytes.length,
        docxBytes,
      },
      operations,
      chromium: memory.stop(),
    };
  } finally {
    memory.stop();
    await served.close();
    app.close();
  }
}

// ---------------------------------------------------------------- the command line

function parse() {
  const { values: args } = parseArgs({
    options: {
      actions: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '5' },
      dir: { type: 'string', default: os.tmpdir() },
      keep: { type: 'boolean', default: false },
      /** The parts of the pack, comma-separated, or "all" (default: all but the two that list actions one by one). */
      sections: { type: 'string' },
      /** Internal: generate the plan into this data folder, print its id, and stop. */
      'generate-into': { type: 'string' },
    },
  });
  const actionCount = Number(args.actions);
  const runs = Number(args.runs);
  if (!Number.isInteger(actionCount) || actionCount < 1) throw new Error('--actions takes a whole number above 0.');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number above 0.');
  const sections = args.sections === undefined ? DEFAULT_SECTIONS : args.sections === 'all' ? [...PACK_SECTIONS] : args.sections.split(',').map((section) => section.trim());
  for (const section of sections) {
    if (!(PACK_SECTIONS as readonly string[]).includes(section)) throw new Error(`--sections: “${section}” is not a part of a pack (${PACK_SECTIONS.join(', ')}).`);
  }
  return { args, actionCount, runs, sections: sections as PackSection[] };
}

function generateInto(dataDirectory: string, actionCount: number): void {
  const app = openBench(dataDirectory);
  const generated = generatePlan(app.core.db.$client, planSize(actionCount));
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  process.stdout.write(JSON.stringify({ planId: generated.planId, size: generated.size }));
}

async function main(): Promise<void> {
  const { args, actionCount, runs, sections } = parse();
  if (args['generate-into']) return generateInto(args['generate-into'], actionCount);
  fs.mkdirSync(args.dir, { recursive: true });
  const dataDirectory = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-packs-'));
  try {
    const generationStart = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--generate-into', dataDirectory, '--actions', String(actionCount)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`Generating the plan failed:\n${child.stderr}`);
    const { planId, size } = JSON.parse(child.stdout) as { planId: string; size: ReturnType<typeof planSize> };
    const generationMs = performance.now() - generationStart;

    const loadBefore = loadAverage();
    const figures = await measurePack(dataDirectory, planId, { runs, sections });
    const report = {
      when: new Date().toISOString(),
      machine: { ...machineFacts(loadBefore), chromium: execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() },
      plan: { actions: size.actions, kpis: size.kpis, generationMs: Math.round(generationMs) },
      pack: figures.pack,
      timings: Object.fromEntries(Object.values(figures.operations).map((figure) => [figure.label, figure.ours])),
      memory: { nodePeakRssMb: megabytes(peakRssBytes()), chromium: figures.chromium },
    };
    fs.mkdirSync(REPORT_FOLDER, { recursive: true });
    fs.writeFileSync(path.join(REPORT_FOLDER, 'packs.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(`Committee pack on a plan of ${size.actions.toLocaleString('en-GB')} actions and ${size.kpis} KPIs (${report.machine.chromium}, ${report.machine.cpus} CPUs, load ${loadBefore.join(' ')})`);
    console.log(`  ${figures.pack.sections} sections, ${figures.pack.charts} charts, ${figures.pack.pages} pages; PDF ${megabytes(figures.pack.pdfBytes)} MB, Word ${megabytes(figures.pack.docxBytes)} MB`);
    for (const [name, figure] of Object.entries(report.timings)) {
      console.log(`  ${name.padEnd(60)} median ${ms(figure.medianMs).padStart(6)} ms  (min ${ms(figure.minMs)}, max ${ms(figure.maxMs)}, ${figure.runs} run${figure.runs === 1 ? '' : 's'})`);
    }
    console.log(
      `  peak memory: Node ${report.memory.nodePeakRssMb} MB RSS; Chromium (${figures.chromium.processes} processes) ${figures.chromium.chromiumPeakPssMb} MB PSS, ${figures.chromium.chromiumPeakRssMb} MB RSS at most at once`,
    );
    console.log(`Written to ${path.relative(ROOT, path.join(REPORT_FOLDER, 'packs.json'))}`);
  } finally {
    if (!args.keep) fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

if (isMain(import.meta.filename)) await main();
