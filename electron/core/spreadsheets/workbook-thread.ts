// Building workbooks on another thread. ExcelJS takes about a second of steady work over the
// workbook of a large plan (tens of thousands of cells). On the app's main thread that is a
// second in which nothing else is answered, and in a bundle's export it was the longest step. So
// the workbook is built in a worker thread, on the other processor, while the export gathers and
// packs everything else. The worker starts with the first workbook asked for, stays while more
// are asked for, and ends after a minute without one. Should it fail to start or to answer, the
// workbook is built on this thread instead, from the same tables: the same workbook, only slower.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanTables } from './plan-tables';
import { workbookOf } from './workbook';

/**
 * Where the built app keeps the worker, relative to the file this module is bundled into; set by
 * scripts/build-node.mjs. Running from the sources, it is not defined.
 */
declare const WORKBOOK_WORKER: string | undefined;

export interface WorkbookRequest {
  id: number;
  tables: PlanTables;
  actor: string;
  /** The moment the workbook is dated, as an ISO string. */
  now: string;
  deflated: boolean;
}

export type WorkbookAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string };

export interface WorkerScript {
  file: string;
  execArgv?: string[];
}

export interface BuiltWorkbook {
  bytes: Buffer;
  /** Whether the worker built it (false: this thread did). */
  inWorker: boolean;
}

/** How long the worker is kept without a workbook to build. */
const IDLE_MS = 60_000;

/** The worker of the built app, or, from the sources, its TypeScript read through tsx. */
export function defaultWorkerScript(): WorkerScript {
  if (typeof WORKBOOK_WORKER === 'string') return { file: fileURLToPath(new URL(WORKBOOK_WORKER, import.meta.url)) };
  const file = fileURLToPath(new URL('./workbook-worker.ts', import.meta.url));
  const withTsx = process.execArgv.some((argument) => /\btsx\b/.test(argument));
  return { file, execArgv: withTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
}

class WorkbookThread {
  private readonly worker: Worker;
  /** Whether the worker has loaded and said so. */
  running = false;
  private readonly waiting = new Map<number, { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  ended = false;

  constructor(script: WorkerScript) {
    this.worker = new Worker(script.file, { execArgv: script.execArgv });
    this.worker.on('message', (answer: WorkbookAnswer | { ready: true }) => {
      if (!('id' in answer)) {
        this.running = true;
        return;
      }
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter.reject(new Error(answer.error));
      else waiter.resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
      this.restartIdleTimer();
    });
    const fail = (error: Error) => {
      this.ended = true;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('The workbook worker ended.')));
    // Between workbooks the worker does not keep the process open; while one is awaited, it does.
    this.worker.unref();
  }

  build(tables: PlanTables, actor: string, now: Date, deflated: boolean): Promise<Buffer> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      try {
        this.worker.postMessage({ id, tables, actor, now: now.toISOString(), deflated } satisfies WorkbookRequest);
      } catch (error) {
        this.waiting.delete(id);
        this.restartIdleTimer();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  end(): Promise<number> {
    this.ended = true;
    return this.worker.terminate();
  }

  private restartIdleTimer(): void {
    if (this.waiting.size > 0 || this.ended) return;
    this.worker.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.waiting.size === 0) void this.end();
    }, IDLE_MS);
    this.idle.unref();
  }
}

/** The worker of each script, while it lives; and the scripts whose worker could not start. */
const threads = new Map<string, WorkbookThread>();
const failedToStart = new Set<string>();

function threadFor(script: WorkerScript): WorkbookThread | null {
  if (failedToStart.has(script.file)) return null;
  const found = threads.get(script.file);
  if (found && !found.ended) return found;
  try {
    const thread = new WorkbookThread(script);
    threads.set(script.file, thread);
    return thread;
  } catch {
    failedToStart.add(script.file);
    return null;
  }
}

/**
 * The workbook of `tables`, built in the worker thread, or on this thread if the worker cannot
 * build it. `worker` names another worker script (tests), or `false` to build it here.
 */
export async function buildWorkbook(
  tables: PlanTables,
  actor: string,
  now: Date,
  options: { deflated?: boolean; worker?: WorkerScript | false } = {},
): Promise<BuiltWorkbook> {
  const deflated = options.deflated ?? true;
  const script = options.worker === undefined ? defaultWorkerScript() : options.worker;
  const thread = script ? threadFor(script) : null;
  if (thread && script) {
    try {
      // Asked at once, without waiting for the worker to load: it takes the request when it has.
      return { bytes: await thread.build(tables, actor, now, deflated), inWorker: true };
    } catch {
      // A worker that never started is not tried again; one that failed at this workbook is
      // replaced at the next. Either way this thread makes this one, and says so if it cannot.
      if (!thread.running) failedToStart.add(script.file);
    }
  }
  return { bytes: await workbookOf(tables, actor, now, { deflated }), inWorker: false };
}

/** Ends the workers still kept (the app closing, or a test that wants a fresh start). */
export async function endWorkbookWorkers(): Promise<void> {
  const ending = [...threads.values()].map((thread) => thread.end());
  threads.clear();
  failedToStart.clear();
  await Promise.all(ending);
}
