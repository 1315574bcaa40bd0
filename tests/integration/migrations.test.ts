// Schema updates at start: a populated database is copied aside first, then migrated in one
// transaction; a migration that fails leaves the file exactly as it was. Each released
// migration also gets its own test here, migrating a populated database from the one before.
import Sqlite from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase } from '../../db/database';
import * as schema from '../../db/schema';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp } from '../support/temp-app';

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** The app's migrations plus one more, as a future release would ship them. */
function migrationsWithNext(sql: string): string {
  const folder = path.join(makeTempDirectory('g2g-migrations-'), 'migrations');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migrations');
  const tag = `${String(last.idx + 1).padStart(4, '0')}_next`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

async function populatedDatabase(): Promise<{ file: string; planTitles: string[]; auditEntries: number }> {
  const app = openTestApp({ seedDemo: true });
  const plans = await app.call('plans.list', {});
  const check = await app.call('db.check', {});
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  return { file: app.databaseFile, planTitles: plans.map((plan) => plan.title), auditEntries: check.auditChain.entries };
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('migrations', () => {
  it('0000_initial creates every table on an empty file and stamps it as the app’s', () => {
    const file = path.join(makeTempDirectory(), 'new.sqlite');
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    const tables = opened.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name <> 'sqlite_sequence' and name not like 'search\\_%' escape '\\'")
      .pluck()
      .all();
    const declared = Object.values(schema)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table));
    expect([...tables].sort()).toEqual(declared.sort());
    expect(opened.sqlite.pragma('application_id', { simple: true })).toBe(0x47324721);
    expect(opened.preMigrationBackup).toBeNull();
    opened.sqlite.close();
  });

  it('0001_search indexes what exists when it runs, and the index follows every later change', async () => {
    const app = openTestApp({ seedDemo: true });
    const sqlite = app.core.db.$client;
    const indexed = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get();
    expect(indexed('search_actions')).toBe(sqlite.prepare('select count(*) from actions where deleted_at is null').pluck().get());
    expect(indexed('search_updates')).toBe(sqlite.prepare('select count(*) from progress_updates where deleted_at is null').pluck().get());
    expect(indexed('search_recommendations')).toBe(12);
    expect(indexed('search_findings')).toBe(sqlite.prepare('select count(*) from review_findings').pluck().get());
    const match = (word: string) => sqlite.prepare('select count(*) from search_actions where search_actions match ?').pluck().get(word);
    const before = match('zeppelin');
    sqlite.prepare("update actions set title = 'Zeppelin review of the front door' where reference = '1.1'").run();
    expect(match('zeppelin')).toBe(Number(before) + 1);
    sqlite.prepare("update actions set deleted_at = '2026-01-01T00:00:00Z' where reference = '1.1'").run();
    expect(match('zeppelin')).toBe(before);
    app.close();
  });

  it('applies every migration of the journal, in order, and records each', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as Journal;
    const file = path.join(makeTempDirectory(), 'again.sqlite');
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    expect(opened.schemaVersion).toBe(journal.entries.length);
    const applied = opened.sqlite.prepare('select created_at from __drizzle_migrations order by id').pluck().all().map(Number);
    expect(applied).toEqual(journal.entries.map((entry) => entry.when));
    opened.sqlite.close();
  });

  it('copies a populated database aside before migrating it, and loses no row', async () => {
    const { file, planTitles, auditEntries } = await populatedDatabase();
    const counts = (target: Sqlite.Database) =>
      Object.fromEntries(
        ['plans', 'actions', 'progress_updates', 'kpi_values', 'audit_log'].map((table) => [
          table,
          target.prepare(`select count(*) from ${table}`).pluck().get(),
        ]),
      );
    const before = new Sqlite(file, { readonly: true });
    const countsBefore = counts(before);
    before.close();

    const opened = openDatabase({
      file,
      migrationsFolder: migrationsWithNext('ALTER TABLE `plans` ADD `review_cycle` text;'),
    });
    expect(counts(opened.sqlite)).toEqual(countsBefore);
    expect(opened.sqlite.prepare('select title from plans').pluck().all()).toEqual(planTitles);
    expect(opened.sqlite.prepare('select review_cycle from plans').pluck().all()).toEqual([null]);
    opened.sqlite.close();

    expect(opened.preMigrationBackup).not.toBeNull();
    const backup = new Sqlite(opened.preMigrationBackup ?? '', { readonly: true });
    expect(counts(backup)).toEqual(countsBefore);
    expect(backup.prepare('select count(*) from audit_log').pluck().get()).toBe(auditEntries);
    expect(backup.prepare("select count(*) from pragma_table_info('plans') where name = 'review_cycle'").pluck().get()).toBe(0);
    backup.close();
  });

  it('a migration that fails part-way leaves the database exactly as it was', async () => {
    const { file } = await populatedDatabase();
    const before = sha256(file);
    const broken = migrationsWithNext(
      'ALTER TABLE `plans` ADD `review_cycle` text;\n--> statement-breakpoint\nALTER TABLE `no_such_table` ADD `x` text;',
    );
    expect(() => openDatabase({ file, migrationsFolder: broken })).toThrow(/no_such_table/);
    expect(sha256(file)).toBe(before);
    const reopened = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    expect(reopened.sqlite.prepare("select count(*) from pragma_table_info('plans') where name = 'review_cycle'").pluck().get()).toBe(0);
    reopened.sqlite.close();
  });
});
