// Schema updates at start: a populated database is copied aside first, then migrated in one
// transaction; a migration that fails leaves the file exactly as it was. Each released
// migration also gets its own test here, migrating a populated database from the one before:
// a migration added to the journal without its own entry in MIGRATION_CHECKS fails the suite.
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

// ---------------------------------------------------------------- one test per released migration

const JOURNAL = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as Journal;
const ROWS_PER_TABLE = 3;

/** A folder holding the app's first `count` migrations only: the schema as an earlier release left it. */
function migrationsUpTo(count: number): string {
  const folder = path.join(makeTempDirectory('g2g-migrations-'), 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const entries = JOURNAL.entries.slice(0, count);
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...JOURNAL, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface ForeignKeyInfo {
  table: string;
  from: string;
  to: string | null;
}

function names(sqlite: Sqlite.Database, sql: string): string[] {
  return sqlite.prepare(sql).pluck().all() as string[];
}

function virtualTables(sqlite: Sqlite.Database): string[] {
  return names(sqlite, "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%' order by name");
}

/** The tables the schema declares: not SQLite's own, not the migrations log, not full-text indexes or their storage. */
function ordinaryTables(sqlite: Sqlite.Database): string[] {
  const virtual = virtualTables(sqlite);
  return names(sqlite, "select name from sqlite_master where type = 'table' order by name").filter(
    (name) =>
      !name.startsWith('sqlite_') &&
      name !== '__drizzle_migrations' &&
      !virtual.some((table) => name === table || name.startsWith(`${table}_`)),
  );
}

function columnsOf(sqlite: Sqlite.Database, table: string): ColumnInfo[] {
  return sqlite.prepare(`select name, type, "notnull", pk from pragma_table_info(?) order by cid`).all(table) as ColumnInfo[];
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A deterministic identifier in the UUID layout, different for every table, column and row. */
function identifier(...parts: (string | number)[]): string {
  const hex = crypto.createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A plausible value for one column of one generated row, judged from its declared type and name.
 * Row 1 leaves every nullable column empty; only row 2 is a tombstone.
 */
function valueFor(table: string, column: ColumnInfo, row: number): unknown {
  const name = column.name;
  if (name === 'deleted_at') return row === 2 ? '2026-03-01T09:00:00.000Z' : null;
  if (column.notnull === 0 && column.pk === 0 && row === 1) return null;
  const type = column.type.toLowerCase();
  if (type.startsWith('int')) return row + 1;
  if (type === 'real') return row * 12.5 - 0.25;
  if (type === 'blob') return Buffer.from(`${table}.${name}.${row}\u0000\u00ff`, 'latin1');
  if (name === 'id' || name.endsWith('_id')) return identifier(table, name, row);
  if (name.endsWith('_at')) return `2026-0${row + 1}-1${row}T08:3${row}:00.000Z`;
  if (name.includes('date') || name.endsWith('_end') || name.endsWith('_start')) return `2026-0${row + 1}-1${row}`;
  if (name === 'period') return `2026-0${row + 1}`;
  return `${table} ${name} ${row}: café “Ünïcode” 北 — ${'x'.repeat(row * 40)}`;
}

type Row = Record<string, unknown>;

/**
 * Writes ROWS_PER_TABLE rows into every table the file has, with raw SQL against its own schema,
 * every foreign key pointing at a generated row of the table it names. Full-text indexes are
 * left to the triggers that keep them. Returns the rows written, by table.
 */
function populate(sqlite: Sqlite.Database): Map<string, Row[]> {
  const tables = ordinaryTables(sqlite);
  const rows = new Map<string, Row[]>();
  for (const table of tables) {
    const columns = columnsOf(sqlite, table);
    rows.set(
      table,
      Array.from({ length: ROWS_PER_TABLE }, (_, row) => Object.fromEntries(columns.map((column) => [column.name, valueFor(table, column, row)]))),
    );
  }
  for (const table of tables) {
    const keys = sqlite.prepare(`select "table", "from", "to" from pragma_foreign_key_list(?)`).all(table) as ForeignKeyInfo[];
    for (const key of keys) {
      const parents = rows.get(key.table) ?? [];
      const parentKey = key.to ?? columnsOf(sqlite, key.table).find((column) => column.pk === 1)?.name ?? 'id';
      (rows.get(table) ?? []).forEach((row, index) => {
        if (row[key.from] !== null) row[key.from] = parents[index % parents.length]?.[parentKey];
      });
    }
  }
  // Foreign keys refer in circles (a plan names its inspection, which names its authority...), so
  // they are checked once everything is in.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.transaction(() => {
    for (const [table, tableRows] of rows) {
      for (const row of tableRows) {
        const columns = Object.keys(row);
        sqlite
          .prepare(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((column) => row[column]));
      }
    }
  })();
  sqlite.pragma('foreign_keys = ON');
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  return rows;
}

interface TableContent {
  columns: string[];
  /** Every row, by its primary key (or rowid for a full-text index). */
  rows: Map<string, Row>;
}

function contentOf(sqlite: Sqlite.Database, table: string, columns?: string[]): TableContent {
  const info = columnsOf(sqlite, table);
  const chosen = columns ?? info.map((column) => column.name);
  const key = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
  const keyColumns = key.length > 0 ? key : ['rowid'];
  const select = [...new Set([...keyColumns, ...chosen])];
  const found = sqlite.prepare(`select ${select.map((name) => (name === 'rowid' ? 'rowid' : quote(name))).join(', ')} from ${quote(table)}`).all() as Row[];
  const rows = new Map<string, Row>();
  for (const row of found) {
    const id = JSON.stringify(keyColumns.map((name) => row[name]));
    rows.set(id, Object.fromEntries(chosen.map((name) => [name, row[name]])));
  }
  return { columns: chosen, rows };
}

/** Every row of every table, full-text indexes included. */
function everything(sqlite: Sqlite.Database): Map<string, TableContent> {
  return new Map([...ordinaryTables(sqlite), ...virtualTables(sqlite)].map((table) => [table, contentOf(sqlite, table)]));
}

/** Every table, row and value of `before` is in `after`, under the same key, unchanged; nothing was added to those tables. */
function expectNothingLost(before: Map<string, TableContent>, after: Sqlite.Database): void {
  const tablesNow = new Set([...ordinaryTables(after), ...virtualTables(after)]);
  for (const [table, content] of before) {
    expect(tablesNow.has(table), `table ${table} is gone`).toBe(true);
    const now = contentOf(after, table, content.columns);
    expect(now.rows.size, `rows of ${table}`).toBe(content.rows.size);
    for (const [key, row] of content.rows) expect(now.rows.get(key), `${table} ${key}`).toEqual(row);
  }
}

interface Snapshot {
  tables: Record<
    string,
    {
      columns: Record<string, { name: string; type: string; primaryKey: boolean; notNull: boolean }>;
      indexes: Record<string, unknown>;
      compositePrimaryKeys: Record<string, { columns: string[] }>;
    }
  >;
}

/** The tables, columns, keys and indexes as drizzle-kit recorded them when it wrote migration `index`. */
function expectSchemaOfSnapshot(sqlite: Sqlite.Database, index: number): void {
  const tag = String(index).padStart(4, '0');
  const snapshot = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, `meta/${tag}_snapshot.json`), 'utf8')) as Snapshot;
  const describeTable = (columns: { name: string; type: string; notNull: boolean }[], primaryKey: string[], indexes: string[]) => ({
    columns: columns.map((column) => `${column.name} ${column.type.toLowerCase()}${column.notNull ? ' not null' : ''}`).sort(),
    primaryKey: [...primaryKey].sort(),
    indexes: [...indexes].sort(),
  });
  const expected = Object.fromEntries(
    Object.entries(snapshot.tables).map(([name, table]) => {
      const columns = Object.values(table.columns);
      const primaryKey = [
        ...columns.filter((column) => column.primaryKey).map((column) => column.name),
        ...Object.values(table.compositePrimaryKeys).flatMap((key) => key.columns),
      ];
      return [name, describeTable(columns, primaryKey, Object.keys(table.indexes))];
    }),
  );
  const actual = Object.fromEntries(
    ordinaryTables(sqlite).map((name) => {
      const columns = columnsOf(sqlite, name);
      const indexes = names(sqlite, `select name from pragma_index_list(${`'${name}'`}) where origin = 'c'`);
      return [
        name,
        describeTable(
          columns.map((column) => ({ name: column.name, type: column.type, notNull: column.notnull === 1 || column.pk > 0 })),
          columns.filter((column) => column.pk > 0).map((column) => column.name),
          indexes,
        ),
      ];
    }),
  );
  // A primary key column is NOT NULL in the snapshot too, except where drizzle-kit leaves it out.
  for (const table of Object.values(expected)) {
    table.columns = table.columns.map((column) => {
      const name = column.split(' ')[0] ?? '';
      return table.primaryKey.includes(name) && !column.endsWith(' not null') ? `${column} not null` : column;
    });
  }
  expect(actual).toEqual(expected);
}

/** Opens a new file at the schema of the first `count` migrations, stamped as the app's. */
function databaseAtVersion(count: number): { file: string; sqlite: Sqlite.Database } {
  const file = path.join(makeTempDirectory(), 'getting-to-good.sqlite');
  const opened = openDatabase({ file, migrationsFolder: migrationsUpTo(count) });
  expect(opened.schemaVersion).toBe(count);
  return { file, sqlite: opened.sqlite };
}

function expectSound(sqlite: Sqlite.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
}

interface MigrationCase {
  /** The rows written at the version before, by table. */
  written: Map<string, Row[]>;
  /** The database just after this migration ran (and no later one). */
  migrated: Sqlite.Database;
  /** The copy taken before it ran. */
  backup: Sqlite.Database;
}

const columnNames = (sqlite: Sqlite.Database, table: string) => columnsOf(sqlite, table).map((column) => column.name);

/** What each released migration must have done, beyond keeping every row. */
const MIGRATION_CHECKS: Record<string, (subject: MigrationCase) => void> = {
  '0000_initial': ({ migrated }) => {
    // The first release: every table of the schema exists and takes rows (the populated file of
    // every later test is built on it).
    expect(ordinaryTables(migrated).length).toBeGreaterThan(30);
  },
  '0001_search': ({ written, migrated, backup }) => {
    expect(virtualTables(backup)).toEqual([]);
    expect(virtualTables(migrated)).toEqual(['search_actions', 'search_findings', 'search_recommendations', 'search_updates']);
    const sources: [string, string, string][] = [
      ['search_actions', 'actions', 'title'],
      ['search_updates', 'progress_updates', 'narrative'],
      ['search_recommendations', 'recommendations', 'text'],
      ['search_findings', 'review_findings', 'text'],
    ];
    for (const [index, table, column] of sources) {
      // What existed when the migration ran is indexed, tombstones left out.
      const live = migrated.prepare(`select rowid, ${column} from ${table} where deleted_at is null order by rowid`).raw().all();
      expect(live).toHaveLength((written.get(table)?.length ?? 0) - 1);
      expect(migrated.prepare(`select rowid, ${column} from ${index} order by rowid`).raw().all(), index).toEqual(live);
    }
    // English stemming and accents folded: "cafe" finds “café”.
    expect(migrated.prepare("select count(*) from search_actions where search_actions match 'cafe'").pluck().get()).toBe(2);
    // And the triggers keep it current from now on.
    migrated.prepare("update actions set title = 'Zeppelin review' where deleted_at is null and rowid = (select min(rowid) from actions)").run();
    expect(migrated.prepare("select count(*) from search_actions where search_actions match 'zeppelin'").pluck().get()).toBe(1);
  },
  '0002_sub_plan_links': ({ migrated, backup }) => {
    expect(ordinaryTables(backup)).not.toContain('sub_plan_links');
    expect(columnNames(migrated, 'sub_plan_links')).toEqual(['id', 'created_at', 'updated_at', 'updated_by', 'revision', 'deleted_at', 'sub_plan_id', 'action_id']);
    expect(migrated.prepare('select count(*) from sub_plan_links').pluck().get()).toBe(0);
    // A link joins an existing plan to an existing action, once.
    const planId = migrated.prepare('select id from plans limit 1').pluck().get();
    const actionId = migrated.prepare('select id from actions limit 1').pluck().get();
    const link = migrated.prepare(
      "insert into sub_plan_links (id, created_at, updated_at, updated_by, sub_plan_id, action_id) values (?, '2026-01-01', '2026-01-01', 'test', ?, ?)",
    );
    link.run(identifier('link', 1), planId, actionId);
    expect(() => link.run(identifier('link', 2), planId, actionId)).toThrow(/UNIQUE/);
    expect(() => link.run(identifier('link', 3), planId, identifier('no such action'))).toThrow(/FOREIGN KEY/);
  },
  '0003_bundles': ({ migrated, backup }) => {
    for (const table of ['bundle_bases', 'bundle_log']) {
      expect(ordinaryTables(backup)).not.toContain(table);
      expect(migrated.prepare(`select count(*) from ${table}`).pluck().get()).toBe(0);
    }
    expect(columnNames(migrated, 'bundle_bases')).toEqual(['entity_type', 'entity_id', 'base_hash']);
    expect(columnNames(migrated, 'bundle_log')).toEqual([
      'id',
      'bundle_id',
      'direction',
      'at',
      'actor',
      'plan_id',
      'theme_id',
      'file_name',
      'fingerprint',
      'classification',
      'encrypted',
      'bytes',
      'summary',
      'backup_file',
    ]);
    expect(names(migrated, "select name from pragma_index_list('bundle_log') where origin = 'c'")).toEqual(['bundle_log_plan']);
  },
  '0004_covering_indexes': ({ migrated, backup }) => {
    const columnsOf = (sqlite: Sqlite.Database, index: string) => names(sqlite, `select name from pragma_index_info('${index}') order by seqno`);
    expect(columnsOf(backup, 'progress_updates_action')).toEqual(['action_id', 'update_date']);
    expect(columnsOf(migrated, 'progress_updates_action')).toEqual(['action_id', 'deleted_at', 'update_date']);
    expect(columnsOf(backup, 'action_due_date_changes_action')).toEqual(['action_id']);
    expect(columnsOf(migrated, 'action_due_date_changes_action')).toEqual(['action_id', 'deleted_at']);
    // The action list's latest update and count of date moves are read from the indexes alone.
    const plan = (migrated.prepare("explain query plan select (select max(u.update_date) from progress_updates u where u.action_id = x.id and u.deleted_at is null), (select count(*) from action_due_date_changes c where c.action_id = x.id and c.deleted_at is null) from actions x").all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan).toContain('USING COVERING INDEX progress_updates_action');
    expect(plan).toContain('USING COVERING INDEX action_due_date_changes_action');
  },
};

describe('each released migration, on a populated database of the version before', () => {
  it('has its own test: every migration of the journal is checked here, and nothing else', () => {
    expect(Object.keys(MIGRATION_CHECKS)).toEqual(JOURNAL.entries.map((entry) => entry.tag));
  });

  it('0000_initial: a new file gets the first release’s schema, takes rows in every table, and needs no backup', () => {
    const file = path.join(makeTempDirectory(), 'getting-to-good.sqlite');
    const opened = openDatabase({ file, migrationsFolder: migrationsUpTo(1) });
    expect(opened.preMigrationBackup).toBeNull();
    expectSchemaOfSnapshot(opened.sqlite, 0);
    const written = populate(opened.sqlite);
    for (const table of ordinaryTables(opened.sqlite)) {
      expect(opened.sqlite.prepare(`select count(*) from ${quote(table)}`).pluck().get(), table).toBe(ROWS_PER_TABLE);
    }
    expectSound(opened.sqlite);
    MIGRATION_CHECKS['0000_initial']?.({ written, migrated: opened.sqlite, backup: opened.sqlite });
    opened.sqlite.close();
  });

  for (const entry of JOURNAL.entries.slice(1)) {
    it(`${entry.tag}: keeps every row of every table, adds what it declares, and backs the file up first`, () => {
      const { file, sqlite } = databaseAtVersion(entry.idx);
      const written = populate(sqlite);
      for (const table of ordinaryTables(sqlite)) {
        expect(sqlite.prepare(`select count(*) from ${quote(table)}`).pluck().get(), `rows written to ${table}`).toBe(ROWS_PER_TABLE);
      }
      const before = everything(sqlite);
      sqlite.close();

      const opened = openDatabase({ file, migrationsFolder: migrationsUpTo(entry.idx + 1) });
      try {
        expect(opened.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(entry.idx + 1);
        expectNothingLost(before, opened.sqlite);
        expectSound(opened.sqlite);
        expectSchemaOfSnapshot(opened.sqlite, entry.idx);

        expect(opened.preMigrationBackup).not.toBeNull();
        const backupFile = opened.preMigrationBackup ?? '';
        expect(path.dirname(backupFile)).toBe(path.join(path.dirname(file), 'backups'));
        const backup = new Sqlite(backupFile, { readonly: true });
        try {
          expect(backup.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(entry.idx);
          expectNothingLost(before, backup);
          MIGRATION_CHECKS[entry.tag]?.({ written, migrated: opened.sqlite, backup });
        } finally {
          backup.close();
        }
      } finally {
        opened.sqlite.close();
      }
    });
  }

  it('a populated database of the first release reaches the latest schema through every migration, losing nothing', () => {
    const { file, sqlite } = databaseAtVersion(1);
    populate(sqlite);
    const before = everything(sqlite);
    sqlite.close();
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    expectNothingLost(before, opened.sqlite);
    expectSound(opened.sqlite);
    expectSchemaOfSnapshot(opened.sqlite, JOURNAL.entries.length - 1);
    expect(opened.preMigrationBackup).not.toBeNull();
    opened.sqlite.close();
  });
});
