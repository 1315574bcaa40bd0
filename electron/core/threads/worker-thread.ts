// Work done on the other processor. Some steps are a second of steady work on one thread, such as
// ExcelJS building the workbook of a large plan. On the app's main thread that is a second in
// which nothing else is answered, and in a bundle's export it held everything else up. So such a
// step is sent to a worker thread as a task (tasks.ts) while the main thread goes on with its own
// part. The worker starts with the first task, stays while
// tasks come, and ends after a minute without one; between tasks it does not keep the process
// open. Should it fail to start or to answer, the main thread runs the task itself: the same
// result, only later.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TASKS, type TaskInput, type TaskName, type TaskOutput } from './tasks';

/**
 * Where the built app keeps the worker, relative to the file this module is bundled into; set by
 * scripts/build-node.mjs. Running from the sources, it is not defined.
 */
declare const G2G_WORKER: string | undefined;

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export type TaskAnswer = { id: number; value: unknown } | { id: number; error: string };

export interface WorkerScript {
  file: string;
  execArgv?: string[];
}

export interface TaskResult<T> {
  value: T;
  /** Whether the worker ran it (false: this thread did). */
  inWorker: boolean;
}

/** How long the worker is kept without a task. */
const IDLE_MS = 60_000;

/**
 * The worker of the built app, or, from the sources, its TypeScript read through tsx; false where
 * this module cannot say where it is (bundled into something other than the app, as the tests'
 * child processes are), and the tasks run here.
 */
export function defaultWorkerScript(): WorkerScript | false {
  if (typeof import.meta.url !== 'string') return false;
  if (typeof G2G_WORKER === 'string') return { file: fileURLToPath(new URL(G2G_WORKER, import.meta.url)) };
  const file = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const withTsx = process.execArgv.some((argument) => /\btsx\b/.test(argument));
  return { file, execArgv: withTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
}

/** A buffer comes back from the worker as a plain Uint8Array: made a Buffer again, without a copy. */
function revived(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

class WorkerThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  /** Whether the worker has loaded and said so. */
  running = false;
  ended = false;

  constructor(script: WorkerScript) {
    this.worker = new Worker(script.file, { execArgv: script.execArgv });
    this.worker.on('message', (answer: TaskAnswer | { ready: true }) => {
      if (!('id' in answer)) {
        this.running = true;
        return;
      }
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter.reject(new Error(answer.error));
      else waiter.resolve(revived(answer.value));
      this.restartIdleTimer();
    });
    const fail = (error: Error) => {
      this.ended = true;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('The worker ended.')));
    // Between tasks the worker does not keep the process open; while one is awaited, it does.
    this.worker.unref();
  }

  run(task: TaskName, input: unknown): Promise<unknown> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      try {
        this.worker.postMessage({ id, task, input } satisfies TaskRequest);
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
const threads = new Map<string, WorkerThread>();
const failedToStart = new Set<string>();

function threadFor(script: WorkerScript): WorkerThread | null {
  if (failedToStart.has(script.file)) return null;
  const found = threads.get(script.file);
  if (found && !found.ended) return found;
  try {
    const thread = new WorkerThread(script);
    threads.set(script.file, thread);
    return thread;
  } catch {
    failedToStart.add(script.file);
    return null;
  }
}

/**
 * Runs a task in the worker thread, or on this thread if the worker cannot. The request is sent
 * at once, before the worker has even loaded, so the caller can go on with its own work. `worker`
 * names another worker script (tests), or `false` to run the task here.
 */
export async function runTask<Name extends TaskName>(
  task: Name,
  input: TaskInput<Name>,
  options: { worker?: WorkerScript | false } = {},
): Promise<TaskResult<TaskOutput<Name>>> {
  const script = options.worker === undefined ? defaultWorkerScript() : options.worker;
  const thread = script ? threadFor(script) : null;
  const here = () => (TASKS[task] as (input: TaskInput<Name>) => TaskOutput<Name> | Promise<TaskOutput<Name>>)(input);
  if (thread && script) {
    try {
      return { value: (await thread.run(task, input)) as TaskOutput<Name>, inWorker: true };
    } catch {
      // A worker that never started is not tried again, and one that died is replaced at the next
      // task. A task that failed in a working worker is run here too: its failure may be the
      // worker's surroundings (a module it cannot load there); if not, it fails here as well.
      if (!thread.running) failedToStart.add(script.file);
    }
  }
  return { value: await here(), inWorker: false };
}

/** Ends the workers still kept (a test that wants a fresh start). */
export async function endWorkerThreads(): Promise<void> {
  const ending = [...threads.values()].map((thread) => thread.end());
  threads.clear();
  failedToStart.clear();
  await Promise.all(ending);
}
