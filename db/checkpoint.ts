// Copying a large write from the write-ahead log into the database file off the main thread.
// After each commit SQLite copies the log into the file once it holds more than a few megabytes
// (the automatic checkpoint), on the connection that committed. A bundle import commits well over
// a hundred megabytes at once, and copying them, with the file synced, took as long as the writes
// themselves while the app waited. So a large write turns the automatic checkpoint off while it
// commits, and a worker thread with its own connection to the same file does the copy, on the
// other processor, while the app goes on. Nothing is at risk while the copy waits: the log holds
// every committed page (synced at commit), and SQLite reads through it; if the process ends, the
// next connection to open the file finishes the copy. Should the worker fail to start, the
// connection that wrote does the copy itself, as it would have done.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

/** The worker: opens the file, copies what it can of the log into it (never waiting on readers or writers), and closes. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.module);
const sqlite = new Sqlite(workerData.file, { fileMustExist: true });
try {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage(result);
} finally {
  sqlite.close();
}
`;

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
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, module: module ?? sqliteModule() } });
    } catch {
      fallBack();
      return;
    }
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
