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
import * as schema from './schema';

export type Database = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database };

/** Written into the file header (PRAGMA application_id) so the app knows its own files: "G2G!". */
export const APPLICATION_ID = 0x47324721;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

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
      throw new AppError(
        'database-foreign',
        `The file ${describe(file)} is not a Getting to Good database (it is not an SQLite file at all). ` +
          'It has been left exactly as it was. Choose another data folder, or move the file away.',
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

/**
 * A copy of the whole database, consistent as of now, written with `VACUUM INTO` to
 * `<folder>/<name>-<time>.sqlite` (numbered when two are taken in the same millisecond).
 */
export function backupDatabase(sqlite: Sqlite.Database, folder: string, name: string, now: Date): string {
  fs.mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = path.join(folder, `${name}-${stamp}.sqlite`);
  for (let count = 2; fs.existsSync(target); count += 1) target = path.join(folder, `${name}-${stamp}-${count}.sqlite`);
  sqlite.exec(`vacuum into '${target.replaceAll("'", "''")}'`);
  return target;
}
