// Inserting many records at once without paying for the search index row by row. The full-text
// index (migration 0001_search) is kept current by triggers, one index row per record inserted.
// For the tens of thousands of records a plan bundle brings in one transaction, those triggers
// cost several times the inserts themselves, while one statement indexing all the new records
// together costs a tenth of that. So a bulk insert sets the insert triggers aside inside its own
// transaction, and indexes what it inserted just before the transaction ends; should anything
// fail, the rollback brings the triggers back with everything else.
import type Sqlite from 'better-sqlite3';

interface SearchIndex {
  /** The table whose records are indexed, and its trigger that indexes each record inserted. */
  table: string;
  trigger: string;
  /** Indexes the live records among the ids given as a JSON array, as the trigger would. */
  indexSql: string;
}

const INDEXES: readonly SearchIndex[] = [
  {
    table: 'actions',
    trigger: 'search_actions_insert',
    indexSql:
      "INSERT INTO search_actions (rowid, reference, title, body) SELECT rowid, reference, title, coalesce(description, '') || ' ' || coalesce(measures_of_success, '') FROM actions WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))",
  },
  {
    table: 'progress_updates',
    trigger: 'search_updates_insert',
    indexSql: 'INSERT INTO search_updates (rowid, narrative) SELECT rowid, narrative FROM progress_updates WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  },
  {
    table: 'recommendations',
    trigger: 'search_recommendations_insert',
    indexSql: 'INSERT INTO search_recommendations (rowid, text) SELECT rowid, text FROM recommendations WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  },
  {
    table: 'review_findings',
    trigger: 'search_findings_insert',
    indexSql: 'INSERT INTO search_findings (rowid, text) SELECT rowid, text FROM review_findings WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  },
];

/**
 * Runs `work`, which inserts records and names each one it inserts into a searched table with
 * `inserted(table, id)`, with the search index's insert triggers set aside; then puts the
 * triggers back and indexes those records. Must run inside a transaction.
 */
export function insertingInBulk<T>(sqlite: Sqlite.Database, work: (inserted: (table: string, id: string) => void) => T): T {
  if (!sqlite.inTransaction) throw new Error('insertingInBulk must run inside a transaction.');
  const triggers = INDEXES.map((index) => ({
    index,
    sql: sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(index.trigger) as string | undefined,
  }));
  const missing = triggers.find((trigger) => !trigger.sql);
  if (missing) throw new Error(`The search index trigger ${missing.index.trigger} is missing from the database.`);
  for (const { index } of triggers) sqlite.exec(`DROP TRIGGER "${index.trigger}"`);
  const insertedIds = new Map<string, string[]>(INDEXES.map((index) => [index.table, []]));
  const result = work((table, id) => insertedIds.get(table)?.push(id));
  for (const { index, sql } of triggers) {
    sqlite.exec(sql!);
    const ids = insertedIds.get(index.table) ?? [];
    if (ids.length > 0) sqlite.prepare(index.indexSql).run(JSON.stringify(ids));
  }
  return result;
}
