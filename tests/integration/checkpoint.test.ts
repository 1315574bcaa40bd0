import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForCheckpoints, writingWithCheckpointAfter } from '../../db/checkpoint';
import { makeTempDirectory } from '../support/temp-app';

const opened: Sqlite.Database[] = [];
afterEach(() => {
  for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close();
});

/** A file set up as the app sets its own: WAL, full synchronous commits, the default automatic checkpoint. */
function walDatabase(): { sqlite: Sqlite.Database; file: string } {
  const file = path.join(makeTempDirectory('g2g-checkpoint-'), 'store.sqlite');
  const sqlite = new Sqlite(file);
  opened.push(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('create table pieces (id integer primary key, content blob not null)');
  return { sqlite, file };
}

const MEGABYTE = 1024 * 1024;

/** Writes `megabytes` of random content in one transaction, and returns its hash. */
function writeMuch(sqlite: Sqlite.Database, megabytes: number): string {
  const hash = crypto.createHash('sha256');
  const insert = sqlite.prepare('insert into pieces (content) values (?)');
  sqlite.transaction(() => {
    for (let count = 0; count < megabytes; count += 1) {
      const content = crypto.randomBytes(MEGABYTE);
      hash.update(content);
      insert.run(content);
    }
  })();
  return hash.digest('hex');
}

function contentHash(sqlite: Sqlite.Database): string {
  const hash = crypto.createHash('sha256');
  for (const row of sqlite.prepare('select content from pieces order by id').iterate() as IterableIterator<{ content: Buffer }>) hash.update(row.content);
  return hash.digest('hex');
}

describe('a large write copied into the file by a worker thread', () => {
  it('commits without copying the log into the file, then the worker copies all of it', async () => {
    const { sqlite, file } = walDatabase();
    const { result, checkpoint } = writingWithCheckpointAfter(sqlite, () => writeMuch(sqlite, 24));

    // Committed, and readable through the log, but not yet in the database file itself.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(24 * MEGABYTE);
    expect(fs.statSync(file).size).toBeLessThan(MEGABYTE);
    expect(contentHash(sqlite)).toBe(result);

    const copied = await checkpoint;
    expect(copied.inBackground).toBe(true);
    expect(copied.logPages).toBeGreaterThan(0);
    expect(copied.checkpointedPages).toBe(copied.logPages);
    expect(fs.statSync(file).size).toBeGreaterThan(24 * MEGABYTE);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    // Another connection reading the file alone (the log set aside) finds every piece.
    sqlite.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Sqlite(file, { readonly: true });
    opened.push(reopened);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(contentHash(reopened)).toBe(result);
  });

  it('makes closing wait for a copy under way, so the files are never moved while a worker has them open', () => {
    const { sqlite, file } = walDatabase();
    const { result } = writingWithCheckpointAfter(sqlite, () => writeMuch(sqlite, 16));
    expect(fs.statSync(file).size).toBeLessThan(MEGABYTE);
    // No turn of the event loop: the wait blocks until the worker has copied the log and closed.
    waitForCheckpoints(sqlite);
    expect(fs.statSync(file).size).toBeGreaterThan(16 * MEGABYTE);
    sqlite.close();
    const moved = `${file}.aside`;
    fs.renameSync(file, moved);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Sqlite(moved, { readonly: true });
    opened.push(reopened);
    expect(contentHash(reopened)).toBe(result);
  });

  it('copies the log itself when the worker cannot start', async () => {
    const { sqlite, file } = walDatabase();
    const { result, checkpoint } = writingWithCheckpointAfter(sqlite, () => writeMuch(sqlite, 8), { module: path.join(makeTempDirectory(), 'missing.js') });
    const copied = await checkpoint;
    expect(copied.inBackground).toBe(false);
    expect(copied.checkpointedPages).toBe(copied.logPages);
    expect(fs.statSync(file).size).toBeGreaterThan(8 * MEGABYTE);
    expect(contentHash(sqlite)).toBe(result);
  });

  it('puts the automatic checkpoint back when the write fails, and starts no copy', () => {
    const { sqlite } = walDatabase();
    sqlite.pragma('wal_autocheckpoint = 321');
    expect(() =>
      writingWithCheckpointAfter(sqlite, () => {
        writeMuch(sqlite, 1);
        throw new Error('the write was refused');
      }),
    ).toThrow('the write was refused');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(321);
  });
});
