import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { RecordTable } from './records';
import * as schema from './schema';

/** Every table with record columns (id, revision, tombstone), by the SQL name the audit log uses. */
export const TABLES_BY_NAME: ReadonlyMap<string, RecordTable> = new Map(
  (Object.values(schema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .filter((table) => 'revision' in getTableColumns(table) && 'deletedAt' in getTableColumns(table))
    .map((table) => [getTableName(table), table as unknown as RecordTable]),
);
