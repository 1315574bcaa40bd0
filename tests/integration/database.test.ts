import Sqlite from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile, openDatabase, setDatabaseAside } from '../../db/database';
import { createRecord } from '../../db/records';
import { authorities } from '../../db/schema';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { AppError } from '../../shared/errors';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

function fingerprint(file: string): string {
  const parts = [file, `${file}-wal`, `${file}-shm`].filter((candidate) => fs.existsSync(candidate));
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part).update(fs.readFileSync(part));
  return hash.digest('hex');
}

function openingError(file: string): AppError {
  try {
    openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER }).sqlite.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the database opened, but should have been refused');
}

/** A real app database with a little data, closed cleanly so it is a single file. */
function populatedDatabase(): string {
  const created = openTestApp();
  created.core.write(null, (unit) => createRecord(unit, authorities, { name: 'Northmoor Borough Council' }, null));
  created.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  created.close();
  return created.databaseFile;
}

describe('opening the database', () => {
  it('sets WAL, full synchronous writes, foreign keys, a busy timeout and a 64 MB page cache', () => {
    app = openTestApp();
    const sqlite = app.core.db.$client;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
  });

  it('reports a file under its name that is not a database at all as damaged (so a backup can be offered), and leaves it as it was', () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    fs.writeFileSync(file, 'Action plan notes, not a database.\n'.repeat(200));
    const before = fingerprint(file);
    const error = openingError(file);
    expect(error.code).toBe('database-damaged');
    expect(error.message).toContain('not a database file at all');
    expect(error.message).toContain('left exactly as it was');
    expect(fingerprint(file)).toBe(before);
  });

  it('refuses another program’s SQLite database, and leaves it as it was', () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    const foreign = new Sqlite(file);
    foreign.exec("create table budget (item text, amount real); insert into budget values ('laptops', 1200)");
    foreign.close();
    const before = fingerprint(file);
    const error = openingError(file);
    expect(error.code).toBe('database-foreign');
    expect(error.message).toContain('another program');
    expect(fingerprint(file)).toBe(before);
  });

  it('reports a database with garbage pages as damaged, and leaves it as it was', () => {
    const file = populatedDatabase();
    const content = fs.readFileSync(file);
    const pageSize = content.readUInt16BE(16);
    // Overwrite every page after the first (the schema and the data) with garbage.
    crypto.randomFillSync(content, pageSize, content.length - pageSize);
    fs.writeFileSync(file, content);
    const before = fingerprint(file);
    const error = openingError(file);
    expect(error.code).toBe('database-damaged');
    expect(error.message).toContain('left exactly as it was');
    expect(fingerprint(file)).toBe(before);
  });

  it('reports a truncated database as damaged, and leaves it as it was', () => {
    const file = populatedDatabase();
    const content = fs.readFileSync(file);
    fs.writeFileSync(file, content.subarray(0, Math.floor(content.length / 3)));
    const before = fingerprint(file);
    const error = openingError(file);
    expect(error.code).toBe('database-damaged');
    expect(fingerprint(file)).toBe(before);
  });

  it('refuses a database written by a newer version of the app', () => {
    const file = populatedDatabase();
    const sqlite = new Sqlite(file);
    sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', Date.now() + 10 ** 10);
    sqlite.close();
    const before = fingerprint(file);
    const error = openingError(file);
    expect(error.code).toBe('database-newer');
    expect(error.message).toContain('newer version');
    expect(fingerprint(file)).toBe(before);
  });

  it('opens its own database again with the data intact', () => {
    const file = populatedDatabase();
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    expect(opened.created).toBe(false);
    expect(opened.sqlite.prepare('select name from authorities').pluck().all()).toEqual(['Northmoor Borough Council']);
    opened.sqlite.close();
  });
});

describe('the audit chain', () => {
  it('detects an altered entry and names where the chain breaks', async () => {
    app = openTestApp();
    const authorityId = app.core.write(null, (unit) => createRecord(unit, authorities, { name: 'Northmoor' }, null).id);
    await app.call('plans.create', { title: 'First', authorityId });
    await app.call('plans.create', { title: 'Second', authorityId });
    expect((await app.call('db.check', {})).auditChain).toEqual({ ok: true, entries: 3, firstBrokenSequence: null });

    app.core.db.$client.prepare("update audit_log set after = replace(after, 'First', 'Altered') where sequence = 2").run();
    const check = await app.call('db.check', {});
    expect(check.ok).toBe(false);
    expect(check.auditChain).toEqual({ ok: false, entries: 2, firstBrokenSequence: 2 });
  });
});

describe('setting the database aside', () => {
  it('moves all three files or none: when one cannot be moved, those moved already are put back', () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    const contents = { '': 'the database', '-wal': 'its log', '-shm': 'its index' };
    for (const [suffix, text] of Object.entries(contents)) fs.writeFileSync(`${file}${suffix}`, text);
    const aside = path.join(folder, 'replaced');
    const now = new Date('2026-11-22T10:00:00Z');
    // Where the log would go stands a folder with a file in it, so that move fails after the database's.
    const blocked = path.join(aside, `getting-to-good-replaced-${now.toISOString().replace(/[:.]/g, '-')}.sqlite-wal`);
    fs.mkdirSync(blocked, { recursive: true });
    fs.writeFileSync(path.join(blocked, 'in the way'), '');

    expect(() => setDatabaseAside(file, aside, 'replaced', now)).toThrow();
    for (const [suffix, text] of Object.entries(contents)) expect(fs.readFileSync(`${file}${suffix}`, 'utf8')).toBe(text);
    expect(fs.readdirSync(aside)).toEqual([path.basename(blocked)]);

    fs.rmSync(blocked, { recursive: true });
    const { moved } = setDatabaseAside(file, aside, 'replaced', now);
    expect(moved.map((each) => path.basename(each))).toEqual([path.basename(blocked).replace(/-wal$/, ''), path.basename(blocked), path.basename(blocked).replace(/-wal$/, '-shm')]);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('checking a copy of the database', () => {
  it('says what is wrong with a damaged or unreadable copy in plain words, without SQLite’s', () => {
    const app = openTestApp({ seedDemo: true });
    const folder = makeTempDirectory();
    const sound = path.join(folder, 'sound.sqlite');
    app.core.db.$client.exec(`vacuum into '${sound}'`);
    app.close();
    expect(checkDatabaseFile(sound)).toEqual({ ok: true, problem: null });

    // Pages past the first overwritten with noise: the file opens, and its contents fail the check.
    const bytes = fs.readFileSync(sound);
    const noisy = path.join(folder, 'noisy.sqlite');
    fs.writeFileSync(noisy, Buffer.concat([bytes.subarray(0, 4096 * 2), crypto.randomBytes(bytes.length - 4096 * 2)]));
    const noise = checkDatabaseFile(noisy);
    expect(noise.ok).toBe(false);
    expect(['its contents failed their check', 'it cannot be opened as a database']).toContain(noise.problem);

    expect(checkDatabaseFile(path.join(folder, 'gone.sqlite'))).toEqual({ ok: false, problem: 'it is no longer there' });
  });
});
