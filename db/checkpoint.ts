// Copying a large write from the write-ahead log into the database file off the main thread.
// After each commit SQLite copies the log into the file once it holds more than a few megabytes
// (the automatic checkpoint), on the connection that committed. A bundle import commits well over
// a hundred megabytes at once, and copying them, with the file synced, took as long as the writes
// themselves while the app waited. So a large write turns the automatic checkpoint off while it
// commits, and a worker thread with its own connection to the same file does the copy, on the
// other processor, while the app goes on. Nothing is at risk while the copy waits: the log holds
// every committed page (synced at commit), and SQLite reads through it; if the process ends, the
// next connection to open the file finishes the copy. Should the worker fail to start, the
// connection that wrote does the copy itself, as it would have done. Closing the connection
// waits for a copy still under way (`waitForCheckpoints`), so that a restore or a removal of the
// folder never meets a worker with the files open.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

/** The worker: opens the file, copies what it can of the log into it (never waiting on readers or writers), and closes. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
try {
  const Sqlite = require(workerData.module);
  const sqlite = new Sqlite(workerData.file, { fileMustExist: true });
  let result;
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = FULL');
    [result] = sqlite.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    sqlite.close();
  }
  // Said once the file is let go, so that whoever waits for the copy may close, move or remove it.
  parentPort.postMessage(result);
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
`;

/** Copies under way, by the connection whose write they copy: each a flag the worker sets when it has closed. */
const underWay = new WeakMap<Sqlite.Database, Set<Int32Array>>();

/**
 * Waits, blocking, for the copies of this connection's writes still under way (at most
 * `timeoutMs` in all). Call before closing the connection, so that nothing moves, replaces or
 * removes the database's files while a worker still has them open.
 */
export function waitForCheckpoints(sqlite: Sqlite.Database, timeoutMs = 30_000): void {
  const flags = underWay.get(sqlite);
  if (!flags) return;
  const until = Date.now() + timeoutMs;
  for (const flag of flags) Atomics.wait(flag, 0, 0, Math.max(0, until - Date.now()));
  underWay.delete(sqlite);
}

/** Where better-sqlite3 is, for the worker to load the same copy of SQLite as this thread. */
function sqliteModule(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

export interface CheckpointResult {
  /** Pages in the log, and how many of them are now in the database file. */
  logPages: number;
  checkpointedPages: number;
  /** Whether the worker did it (false: this thread did, after the worker failed). */
  inBackground: boolean;
}

/**
 * Runs `work` (which writes, usually in one transaction) without the automatic checkpoint at its
 * commit, then copies the log into the file in a worker thread. Returns what `work` returned
 * and, for those who need to wait for it (tests, closing), the copy's completion.
 */
export function writingWithCheckpointAfter<T>(sqlite: Sqlite.Database, work: () => T, options: { module?: string } = {}): { result: T; checkpoint: Promise<CheckpointResult> } {
  const automatic = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  let result: T;
  try {
    result = work();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${automatic}`);
  }
  return { result, checkpoint: checkpointInBackground(sqlite, options.module) };
}

function checkpointHere(sqlite: Sqlite.Database): CheckpointResult {
  const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { logPages: row?.log ?? 0, checkpointedPages: row?.checkpointed ?? 0, inBackground: false };
}

function checkpointInBackground(sqlite: Sqlite.Database, module?: string): Promise<CheckpointResult> {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return Promise.resolve(checkpointHere(sqlite));
  return new Promise((resolve) => {
    let answered = false;
    const fallBack = () => {
      if (answered) return;
      answered = true;
      // The connection may have been closed meanwhile; the next to open the file finishes the copy.
      resolve(sqlite.open ? checkpointHere(sqlite) : { logPages: 0, checkpointedPages: 0, inBackground: false });
    };
    const done = new SharedArrayBuffer(4);
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, module: module ?? sqliteModule(), done } });
    } catch {
      fallBack();
      return;
    }
    const flag = new Int32Array(done);
    let flags = underWay.get(sqlite);
    if (!flags) underWay.set(sqlite, (flags = new Set()));
    flags.add(flag);
    worker.once('exit', () => {
      // A worker that ended without reaching its own signal (it could not start) is not waited for.
      Atomics.store(flag, 0, 1);
      flags.delete(flag);
    });
    worker.once('message', (row: { log: number; checkpointed: number }) => {
      answered = true;
      resolve({ logPages: row.log, checkpointedPages: row.checkpointed, inBackground: true });
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
    // A copy still under way does not keep the process open.
    worker.unref();
  });
}
