// What every benchmark needs: where things are, opening the app on a data folder as the app
// opens it (output checks off), calling a method, and the memory of a process and its children.
import fs from 'node:fs';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../electron/core/app';
import { contract } from '../../shared/contract';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_FOLDER = path.join(ROOT, 'db/migrations');
export const REPORT_FOLDER = path.join(ROOT, 'out/bench');
/**
 * The built app the benchmarks drive: `out/`, or the copy `npm run bench` takes of it when it
 * starts, so that a build made while it runs does not pull the files from under the screens.
 */
export const APP_OUT = process.env.G2G_BENCH_APP_OUT ?? path.join(ROOT, 'out');
export const RENDERER = path.join(APP_OUT, 'renderer');
export const WEB_HOST = path.join(APP_OUT, 'web.mjs');

/**
 * Copies the built web host and renderer to `folder`/out and points this process and its
 * children at the copy. Under the checkout, so the copy still finds its modules and migrations.
 */
export function useCopyOfBuiltApp(folder: string): string {
  const out = path.join(folder, 'out');
  for (const part of ['web.mjs', 'renderer']) {
    if (!fs.existsSync(path.join(ROOT, 'out', part))) throw new Error(`Build the app first (npm run build): out/${part} is missing.`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.cpSync(path.join(ROOT, 'out/web.mjs'), path.join(out, 'web.mjs'));
  fs.cpSync(path.join(ROOT, 'out/renderer'), path.join(out, 'renderer'), { recursive: true });
  process.env.G2G_BENCH_APP_OUT = out;
  return out;
}
export const ACTOR = 'bench user';

export function openBench(dataDirectory: string): OpenedApp {
  return openApp({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, version: 'bench', actor: ACTOR, seedDemo: false, checkOutputs: false });
}

/** Calls a method through the dispatcher and gives its answer, failing on an error envelope. */
export async function call<M extends keyof typeof contract>(app: OpenedApp, method: M, input: unknown) {
  const envelope = await app.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as ReturnType<(typeof contract)[M]['output']['parse']>;
}

/** The same, with the answer checked against the contract, so a figure is never of a broken answer. */
export async function callChecked<M extends keyof typeof contract>(app: OpenedApp, method: M, input: unknown) {
  return contract[method].output.parse(await call(app, method, input)) as ReturnType<(typeof contract)[M]['output']['parse']>;
}

/** True when the module at `filename` is the script node was started with. */
export const isMain = (filename: string): boolean => process.argv[1] !== undefined && path.resolve(process.argv[1]) === filename;

export const fileSize = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** This process's peak resident memory so far, in bytes. */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

// ---------------------------------------------------------------- memory of child processes, read from /proc

function readRssKb(pid: number): { rssKb: number; pssKb: number; peakRssKb: number } | null {
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

/** Every process descended from `root`, with its command name. */
function descendants(root: number): { pid: number; name: string }[] {
  const children = new Map<number, { pid: number; name: string }[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), { pid: Number(entry), name }]);
    } catch {
      // The process ended while being read.
    }
  }
  const found: { pid: number; name: string }[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return found;
}

export interface ChildMemory {
  /** Chromium's processes together, the most seen at once. */
  chromiumPeakRssMb: number;
  chromiumPeakPssMb: number;
  /** Other child processes (the web host's Node) together, the most seen at once. */
  otherPeakRssMb: number;
  processes: number;
}

/** Samples this process's children every 100 ms: the largest totals seen, Chromium apart from the rest. */
export class ChildMemorySampler {
  private timer: NodeJS.Timeout | null = null;
  private chromiumRssKb = 0;
  private chromiumPssKb = 0;
  private otherRssKb = 0;
  private processes = 0;

  sample(): void {
    const found = descendants(process.pid);
    let chromiumRss = 0;
    let chromiumPss = 0;
    let otherRss = 0;
    for (const { pid, name } of found) {
      const memory = readRssKb(pid);
      if (!memory) continue;
      if (/chrom/i.test(name)) {
        chromiumRss += memory.rssKb;
        chromiumPss += memory.pssKb;
      } else otherRss += memory.rssKb;
    }
    this.processes = Math.max(this.processes, found.length);
    this.chromiumRssKb = Math.max(this.chromiumRssKb, chromiumRss);
    this.chromiumPssKb = Math.max(this.chromiumPssKb, chromiumPss);
    this.otherRssKb = Math.max(this.otherRssKb, otherRss);
  }
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
    return this;
  }
  stop(): ChildMemory {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    const mb = (kilobytes: number) => Math.round(kilobytes / 102.4) / 10;
    return { chromiumPeakRssMb: mb(this.chromiumRssKb), chromiumPeakPssMb: mb(this.chromiumPssKb), otherPeakRssMb: mb(this.otherRssKb), processes: this.processes };
  }
}
