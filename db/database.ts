// Opening the app's SQLite store: recognise a damaged or foreign file and refuse it (never
// overwrite), set the pragmas the app relies on, and bring the schema up to date behind a
// backup copy.
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { AppError } from '../shared/errors';
import { describeWriteProblem, syncFile, syncFolder } from './durable';
import * as schema from './schema';

export type Database = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database };

/** Written into the file header (PRAGMA application_id) so the app knows its own files: "G2G!". */
export const APPLICATION_ID = 0x47324721;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The page cache of each connection, in KiB. */
const CACHE_KIB = 64 * 1024;

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /** Where the copy taken before a migration goes; defaults to `backups` beside the file. */
  backupFolder?: string;
  readonly?: boolean;
}

export interface OpenedDatabase {
  db: Database;
  sqlite: Sqlite.Database;
  file: string;
  /** Whether the file was created by this call (and so is empty until seeded). */
  created: boolean;
  schemaVersion: number;
  /** The backup taken before migrating, if a migration ran on an existing file. */
  preMigrationBackup: string | null;
}

function describe(file: string): string {
  return `“${file}”`;
}

/** Reads the first bytes of an existing file to tell an SQLite database from anything else. */
function assertSqliteFile(file: string): void {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    if (read === 0) return; // An empty file is a new database.
    if (read < header.length || !header.equals(SQLITE_HEADER)) {
      // A file under the app's own name that is not a database at all has been overwritten or
      // cut short: it is treated as damaged, so the latest good backup can be offered.
      throw new AppError(
        'database-damaged',
        `The database ${describe(file)} is damaged: it is not a database file at all (it may have been cut short or written over). ` +
          'It has been left exactly as it was. Restore the latest backup, or move the file away to start afresh.',
        { file },
      );
    }
  } finally {
    fs.closeSync(handle);
  }
}

function tableCount(sqlite: Sqlite.Database): number {
  return (sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
}

export function migrationsOf(folder: string) {
  return readMigrationFiles({ migrationsFolder: folder });
}

function appliedMigrations(sqlite: Sqlite.Database): number[] {
  const exists = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!exists) return [];
  return (sqlite.prepare('select created_at as createdAt from __drizzle_migrations').all() as { createdAt: number }[]).map(
    (row) => Number(row.createdAt),
  );
}

export function openDatabase(options: OpenOptions): OpenedDatabase {
  const file = path.resolve(options.file);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertSqliteFile(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new AppError('database-damaged', `The database ${describe(file)} could not be opened: ${(error as Error).message}.`, {
      file,
    });
  }

  try {
    if (existed) checkExisting(sqlite, file);
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of pages kept in memory rather than SQLite's 2 MB: a plan's action table, its summary
    // and its KPI links read the same pages again and again, and on a plan of tens of thousands of
    // actions the default cache let those reads grow twice as fast as the plan.
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');

    const migrations = migrationsOf(options.migrationsFolder);
    const known = new Set(migrations.map((migration) => migration.folderMillis));
    const applied = appliedMigrations(sqlite);
    const unknown = applied.filter((createdAt) => !known.has(createdAt));
    if (unknown.length > 0) {
      throw new AppError(
        'database-newer',
        `The database ${describe(file)} was last used by a newer version of Getting to Good. ` +
          'It has been left exactly as it was. Install the latest version of the app to open it.',
        { file },
      );
    }
    const pending = migrations.filter((migration) => !applied.includes(migration.folderMillis));
    let preMigrationBackup: string | null = null;
    if (pending.length > 0) {
      if (options.readonly) {
        throw new AppError('database-newer', `The database ${describe(file)} needs updating before it can be read.`, { file });
      }
      if (existed && applied.length > 0) {
        preMigrationBackup = backupBeforeMigration(sqlite, file, options.backupFolder);
      }
      runMigrations(sqlite, options.migrationsFolder);
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    }
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Database;
    return {
      db,
      sqlite,
      file,
      created: !existed,
      schemaVersion: migrations.length,
      preMigrationBackup,
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function checkExisting(sqlite: Sqlite.Database, file: string): void {
  let check: string[];
  try {
    check = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    throw new AppError(
      'database-damaged',
      `The database ${describe(file)} is damaged and cannot be read (${(error as Error).message}). ` +
        'It has been left exactly as it was. Restore the latest backup, or move the file away to start afresh.',
      { file },
    );
  }
  if (check.length !== 1 || check[0] !== 'ok') {
    throw new AppError(
      'database-damaged',
      `The database ${describe(file)} failed its integrity check. It has been left exactly as it was. ` +
        'Restore the latest backup, or move the file away to start afresh.',
      { file, problems: check.slice(0, 20) },
    );
  }
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID && tableCount(sqlite) > 0) {
    throw new AppError(
      'database-foreign',
      `The file ${describe(file)} is an SQLite database of another program, not of Getting to Good. ` +
        'It has been left exactly as it was. Choose another data folder.',
      { file },
    );
  }
}

/**
 * Brings the schema up to date in one transaction. drizzle-kit's table-rebuild migrations need
 * foreign keys off while they run (a rebuild would otherwise cascade deletes), so they are
 * switched off on the connection and every foreign key is checked before committing.
 */
function runMigrations(sqlite: Sqlite.Database, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    const db = drizzle({ client: sqlite, casing: 'snake_case' });
    migrate(db, { migrationsFolder });
    const problems = sqlite.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) {
      throw new AppError('internal', 'Updating the database left records pointing at missing records.', {
        problems: problems.slice(0, 20),
      });
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

function backupBeforeMigration(sqlite: Sqlite.Database, file: string, folder?: string): string {
  return backupDatabase(sqlite, folder ?? path.join(path.dirname(file), 'backups'), `${path.basename(file, path.extname(file))}-before-update`, new Date());
}

// ---------------------------------------------------------------- backups and recovery

/** The suffix of a backup being written: never `.sqlite`, so a copy cut short never looks like a backup. */
export const PARTIAL_SUFFIX = '.partial';

export interface FileCheck {
  ok: boolean;
  /** What is wrong, in words, when it is not ok. */
  problem: string | null;
}

/**
 * Checks a copy of the database without changing it: an SQLite file of this app (or an empty
 * one) that passes SQLite's quick check.
 */
export function checkDatabaseFile(file: string): FileCheck {
  let handle: number;
  try {
    handle = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? 'it is no longer there' : code === 'EACCES' || code === 'EPERM' ? 'it cannot be read: permission was refused' : 'it cannot be read' };
  }
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    if (read < header.length || !header.equals(SQLITE_HEADER)) return { ok: false, problem: 'it is not a database file' };
  } finally {
    fs.closeSync(handle);
  }
  let sqlite: Sqlite.Database | null = null;
  try {
    sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
    const check = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    // SQLite's own words (page numbers, b-trees) would mean nothing to the person reading this.
    if (check.length !== 1 || check[0] !== 'ok') return { ok: false, problem: 'its contents failed their check' };
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID && tableCount(sqlite) > 0) return { ok: false, problem: 'it is a database of another program' };
    return { ok: true, problem: null };
  } catch {
    return { ok: false, problem: 'it cannot be opened as a database' };
  } finally {
    sqlite?.close();
  }
}

/** The migrations a database file has had, read without changing it (empty when it has none). */
export function migrationsApplied(file: string): number[] {
  const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return appliedMigrations(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * A copy of the whole database, consistent as of now, written with `VACUUM INTO` to
 * `<folder>/<name>-<time>.sqlite` (numbered when two are taken in the same millisecond). The copy
 * is written under a `.partial` name, synced, checked, and only then renamed: a backup that fails
 * (a full disk, a folder that cannot be written) leaves no file that looks like a backup, and
 * is reported in an AppError that names the folder and the reason. The database is only read.
 */
export function backupDatabase(sqlite: Sqlite.Database, folder: string, name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = path.join(folder, `${name}-${stamp}.sqlite`);
  const partial = () => `${target}${PARTIAL_SUFFIX}`;
  const fail = (reason: string, cause?: unknown): never => {
    throw new AppError(
      'not-written',
      `The backup could not be written to the folder ${describe(folder)}: ${reason}. The database itself has not been changed.`,
      { folder, reason, cause: cause === undefined ? undefined : (cause as Error)?.message ?? String(cause) },
    );
  };
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    fail(describeWriteProblem(error, target).reason, error);
  }
  for (let count = 2; fs.existsSync(target) || fs.existsSync(partial()); count += 1) {
    target = path.join(folder, `${name}-${stamp}-${count}.sqlite`);
  }
  const temporary = partial();
  try {
    sqlite.exec(`vacuum into '${temporary.replaceAll("'", "''")}'`);
    syncFile(temporary);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    fail(describeWriteProblem(error, target).reason, error);
  }
  const check = checkDatabaseFile(temporary);
  if (!check.ok) {
    fs.rmSync(temporary, { force: true });
    fail(`the copy did not pass its check: ${check.problem}`);
  }
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    fail(describeWriteProblem(error, target).reason, error);
  }
  syncFolder(folder);
  return target;
}

export interface SetAside {
  /** Where each file was moved: the database file first, then its -wal and -shm if there were any. */
  moved: string[];
}

/**
 * Moves the database file and its -wal and -shm files, byte for byte, into `folder` under
 * timestamped names: never deleted. The database must be closed.
 */
export function setDatabaseAside(file: string, folder: string, label: string, now: Date): SetAside {
  fs.mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(file, path.extname(file));
  let name = `${base}-${label}-${stamp}`;
  for (let count = 2; fs.existsSync(path.join(folder, `${name}.sqlite`)); count += 1) name = `${base}-${label}-${stamp}-${count}`;
  const moved: string[] = [];
  try {
    for (const suffix of DATABASE_SUFFIXES) {
      const from = `${file}${suffix}`;
      if (!fs.existsSync(from)) continue;
      const to = path.join(folder, `${name}.sqlite${suffix}`);
      fs.renameSync(from, to);
      moved.push(to);
    }
  } catch (error) {
    // All or nothing: a file moved before the one that could not be is put back.
    putDatabaseBack(moved, file);
    throw error;
  }
  syncFolder(folder);
  syncFolder(path.dirname(file));
  return { moved };
}

/** The database file and the two files SQLite keeps beside it in WAL mode. */
const DATABASE_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * Puts files that `setDatabaseAside` moved back where they were, as many as can be: a failure
 * to put one back does not stop the others, and does not hide the failure that made it needed.
 */
export function putDatabaseBack(moved: string[], file: string): void {
  for (const each of moved) {
    const suffix = DATABASE_SUFFIXES.find((candidate) => candidate !== '' && each.endsWith(candidate)) ?? '';
    try {
      fs.renameSync(each, `${file}${suffix}`);
    } catch {
      // Left in the folder it was moved to, never deleted, where the message about it points.
    }
  }
}

/**
 * Puts a copy of `backup` where the database goes: copied under a `.partial` name, synced, then
 * renamed into place. The database file must have been set aside (or never existed).
 */
export function copyBackupIntoPlace(backup: string, file: string): void {
  const temporary = `${file}${PARTIAL_SUFFIX}`;
  try {
    fs.copyFileSync(backup, temporary);
    syncFile(temporary);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new AppError(
      'not-written',
      `The backup could not be copied into place as ${describe(file)}: ${describeWriteProblem(error, file).reason}.`,
      { file, backup },
    );
  }
  syncFolder(path.dirname(file));
}
