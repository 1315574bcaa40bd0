// The committee-pack benchmark: on the large generated plan, a pack of every section a committee
// reads with 20 KPI charts (about 40 pages), printed to PDF and written to Word through the
// contract as the app calls it (the real browser-mode host, the built print view and Debian's
// Chromium). Figures, not pass/fail: see tests/bench/README.md.
//
//   node --import tsx tests/bench/packs.ts [--actions 5000] [--runs 5] [--sections all|LIST] [--dir folder] [--keep]
//
// The plan is generated in a child process, so this process's peak memory is that of opening
// the app and making packs, not of writing 5,000 actions.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type OpenedApp } from '../../electron/core/app';
import { findChromium } from '../../electron/core/printing/find-chromium';
import { serveApp } from '../../electron/web/serve-app';
import { contract } from '../../shared/contract';
import { PACK_SECTIONS } from '../../shared/vocabulary';
import { generatePlan, planSize } from './generate';
import { stats, time } from './timing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS_FOLDER = path.join(ROOT, 'db/migrations');
const RENDERER = path.join(ROOT, 'out/renderer');
const REPORT_FOLDER = path.join(ROOT, 'out/bench');
const ACTOR = 'bench user';
const CHARTS = 20;

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
// A committee reads a pack of some 40 pages: every section but the action-plan appendix, which
// for the large plan is every one of its 5,000 actions; `--sections all` includes it.
const LISTS_OF_ACTIONS = new Set(['action-plan']);
const DEFAULT_SECTIONS = PACK_SECTIONS.filter((section) => !LISTS_OF_ACTIONS.has(section));
const sections =
  args.sections === undefined ? DEFAULT_SECTIONS : args.sections === 'all' ? [...PACK_SECTIONS] : args.sections.split(',').map((section) => section.trim());
for (const section of sections) {
  if (!(PACK_SECTIONS as readonly string[]).includes(section)) throw new Error(`--sections: “${section}” is not a part of a pack (${PACK_SECTIONS.join(', ')}).`);
}

function open(dataDirectory: string): OpenedApp {
  return openApp({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, version: 'bench', actor: ACTOR, seedDemo: false, checkOutputs: false });
}

async function call<M extends keyof typeof contract>(app: OpenedApp, method: M, input: unknown) {
  const envelope = await app.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return contract[method].output.parse(envelope.value) as ReturnType<(typeof contract)[M]['output']['parse']>;
}

// ---------------------------------------------------------------- memory, read from /proc

interface ProcessMemory {
  rssKb: number;
  pssKb: number;
  peakRssKb: number;
}

function readMemory(pid: number): ProcessMemory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    let pssKb = 0;
    try {
      pssKb = Number(/^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // smaps_rollup needs a newer kernel; RSS alone is then reported.
    }
    return { rssKb: field('VmRSS'), pssKb, peakRssKb: field('VmHWM') };
  } catch {
    return null;
  }
}

/** Every process descended from `root`: here, the Chromium that playwright-core started. */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while being read.
    }
  }
  const found: number[] = [];
  const queue = [...(parents.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return found;
}

/** Samples the browser's processes while printing: the largest total seen, and each process's own peak. */
class BrowserMemory {
  private timer: NodeJS.Timeout | null = null;
  peakRssKb = 0;
  peakPssKb = 0;
  private readonly peaks = new Map<number, number>();
  processes = 0;

  sample(): void {
    const pids = descendants(process.pid);
    let rss = 0;
    let pss = 0;
    for (const pid of pids) {
      const memory = readMemory(pid);
      if (!memory) continue;
      rss += memory.rssKb;
      pss += memory.pssKb;
      this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, memory.peakRssKb));
    }
    this.processes = Math.max(this.processes, pids.length);
    this.peakRssKb = Math.max(this.peakRssKb, rss);
    this.peakPssKb = Math.max(this.peakPssKb, pss);
  }
  start(): void {
    this.timer = setInterval(() => this.sample(), 100);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
  /** The sum of each process's own peak RSS: an upper bound, as they did not all peak at once. */
  get sumOfPeaksKb(): number {
    return [...this.peaks.values()].reduce((sum, value) => sum + value, 0);
  }
}

// ---------------------------------------------------------------- figures

const megabytes = (kilobytes: number) => Math.round(kilobytes / 102.4) / 10;

function pdfPages(bytes: Buffer, folder: string): number {
  const file = path.join(folder, 'bench-pack.pdf');
  fs.writeFileSync(file, bytes);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

// ---------------------------------------------------------------- the run

function generateInto(dataDirectory: string): void {
  const app = open(dataDirectory);
  const generated = generatePlan(app.core.db.$client, planSize(actionCount));
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  process.stdout.write(JSON.stringify({ planId: generated.planId, size: generated.size }));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the app first (npm run build): packs print from out/renderer.');
  fs.mkdirSync(args.dir, { recursive: true });
  const dataDirectory = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-packs-'));
  const generationStart = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--generate-into', dataDirectory, '--actions', String(actionCount)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`Generating the plan failed:\n${child.stderr}`);
  const { planId, size } = JSON.parse(child.stdout) as { planId: string; size: ReturnType<typeof planSize> };
  const generationMs = performance.now() - generationStart;

  const loadBefore = os.loadavg();
  const app = open(dataDirectory);
  const served = await serveApp(app, { rendererDirectory: RENDERER });
  const browser = new BrowserMemory();
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
    const pack = await call(app, 'packs.create', {
      planId,
      meetingId: meeting.id,
      template: 'improvement-board',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
    });
    await call(app, 'packs.update', { packId: pack.id, content: { sections: sections as (typeof PACK_SECTIONS)[number][], chartKpiIds } });
    const documentTimed = await time(() => call(app, 'packs.document', { packId: pack.id }));
    const document = documentTimed.value;
    const charted = document.blocks.filter((block) => block.kind === 'chart').length;
    if (charted !== CHARTS) throw new Error(`Expected ${CHARTS} charts in the pack; it has ${charted}.`);

    browser.start();
    // The first print starts Chromium; it is reported on its own.
    const first = await time(() => call(app, 'packs.pdf', { packId: pack.id }));
    const pdfBytes = Buffer.from(first.value.base64, 'base64');
    const pages = pdfPages(pdfBytes, dataDirectory);

    const pdfTimes: number[] = [];
    const imageTimes: number[] = [];
    const docxTimes: number[] = [];
    let docxBytes = 0;
    for (let round = 0; round < runs; round += 1) {
      pdfTimes.push((await time(() => call(app, 'packs.pdf', { packId: pack.id }))).ms);
      // In the app the page hands over the charts it drew; the command line reads them off the print view.
      const images = await time(() => served.printer.chartImages(pack.id));
      imageTimes.push(images.ms);
      const charts = Object.fromEntries([...images.value].map(([kpiId, png]) => [kpiId, Buffer.from(png).toString('base64')]));
      const docx = await time(() => call(app, 'packs.docx', { packId: pack.id, charts }));
      docxTimes.push(docx.ms);
      docxBytes = Buffer.from(docx.value.base64, 'base64').length;
    }
    browser.stop();

    const nodePeakRssKb = process.resourceUsage().maxRSS;
    const report = {
      when: new Date().toISOString(),
      machine: {
        node: process.version,
        chromium: execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
        platform: `${process.platform} ${process.arch}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        loadAverageBefore: loadBefore.map((value) => Math.round(value * 100) / 100),
        loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
      },
      plan: { actions: size.actions, kpis: size.kpis, generationMs: Math.round(generationMs) },
      pack: {
        sections: document.blocks.filter((block) => block.kind === 'heading' && block.level === 1).length,
        parts: sections,
        blocks: document.blocks.length,
        charts: charted,
        pages,
        pdfBytes: pdfBytes.length,
        docxBytes,
      },
      timings: {
        'the pack’s document (packs.document)': stats([documentTimed.ms]),
        'PDF, first print, Chromium starting (packs.pdf)': stats([first.ms]),
        'PDF (packs.pdf)': stats(pdfTimes),
        'chart images read off the print view (command line only)': stats(imageTimes),
        'Word file (packs.docx)': stats(docxTimes),
      },
      memory: {
        nodePeakRssMb: megabytes(nodePeakRssKb),
        chromiumProcesses: browser.processes,
        chromiumPeakRssMb: megabytes(browser.peakRssKb),
        chromiumPeakPssMb: megabytes(browser.peakPssKb),
        chromiumSumOfProcessPeaksMb: megabytes(browser.sumOfPeaksKb),
      },
    };
    fs.mkdirSync(REPORT_FOLDER, { recursive: true });
    fs.writeFileSync(path.join(REPORT_FOLDER, 'packs.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(`Committee pack on a plan of ${size.actions.toLocaleString('en-GB')} actions and ${size.kpis} KPIs (${report.machine.chromium}, ${report.machine.cpus} CPUs, load ${report.machine.loadAverageBefore.join(' ')})`);
    console.log(`  ${report.pack.sections} sections, ${charted} charts, ${pages} pages; PDF ${megabytes(pdfBytes.length / 1024)} MB, Word ${megabytes(docxBytes / 1024)} MB`);
    for (const [name, figure] of Object.entries(report.timings)) {
      console.log(`  ${name.padEnd(60)} median ${String(figure.medianMs).padStart(6)} ms  (min ${figure.minMs}, max ${figure.maxMs}, ${figure.runs} run${figure.runs === 1 ? '' : 's'})`);
    }
    console.log(`  peak memory: Node ${report.memory.nodePeakRssMb} MB RSS; Chromium (${browser.processes} processes) ${report.memory.chromiumPeakPssMb} MB PSS, ${report.memory.chromiumPeakRssMb} MB RSS at most at once`);
    console.log(`Written to ${path.relative(ROOT, path.join(REPORT_FOLDER, 'packs.json'))}`);
  } finally {
    browser.stop();
    await served.close();
    app.close();
    if (!args.keep) fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

if (args['generate-into']) generateInto(args['generate-into']);
else await main();
