// Audited writes. Every change a service makes goes through a unit of work: one immediate
// transaction in which each created, updated or deleted record stamps its record columns
// (updatedAt, updatedBy, revision) and appends an audit entry. Deletion is a tombstone
// (`deletedAt`), so a merge can carry it.
import { eq, getTableName } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { AppError } from '../shared/errors';
import { appendAudit } from './audit';
import type { Database } from './database';
import { newId } from './ids';

/** A table with the record columns of schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordTable = SQLiteTableWithColumns<any> & {
  $inferSelect: { id: string; revision: number; deletedAt: string | null };
};

type RecordColumns = 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'revision' | 'deletedAt';
export type NewRecord<T extends RecordTable> = Omit<T['$inferInsert'], RecordColumns> & { id?: string };

export interface UnitOfWork {
  db: Database;
  actor: string;
  /** One instant for the whole change, so every record it touches carries the same time. */
  now: string;
  /** The tables written, announced to open views after the commit. */
  changed: Set<string>;
  /** Groups the audit entries of this one change. */
  changeId: string;
}

/**
 * Runs `work` in one immediate transaction: all of it is saved, or none of it.
 * Returns what `work` returns and the names of the tables it changed.
 */
export function inTransaction<T>(
  db: Database,
  actor: string,
  work: (unit: UnitOfWork) => T,
  clock: () => Date = () => new Date(),
): { result: T; changed: string[]; changeId: string } {
  const unit: UnitOfWork = { db, actor, now: clock().toISOString(), changed: new Set(), changeId: newId() };
  const result = db.$client.transaction(() => work(unit)).immediate();
  return { result, changed: [...unit.changed], changeId: unit.changeId };
}

function audit(
  unit: UnitOfWork,
  table: RecordTable,
  operation: 'create' | 'update' | 'delete',
  entityId: string,
  planId: string | null,
  before: unknown,
  after: unknown,
): void {
  const entityType = getTableName(table);
  unit.changed.add(entityType);
  appendAudit(unit.db.$client, {
    changeId: unit.changeId,
    at: unit.now,
    actor: unit.actor,
    entityType,
    entityId,
    planId,
    operation,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
  });
}

export function createRecord<T extends RecordTable>(
  unit: UnitOfWork,
  table: T,
  values: NewRecord<T>,
  planId: string | null,
): T['$inferSelect'] {
  const row = unit.db
    .insert(table)
    .values({
      id: newId(),
      ...values,
      createdAt: unit.now,
      updatedAt: unit.now,
      updatedBy: unit.actor,
      revision: 1,
      deletedAt: null,
    } as T['$inferInsert'])
    .returning()
    .get() as T['$inferSelect'];
  audit(unit, table, 'create', row.id, planId, null, row);
  return row;
}

export function getLiveRecord<T extends RecordTable>(unit: { db: Database }, table: T, id: string): T['$inferSelect'] {
  const row = unit.db.select().from(table).where(eq(table.id, id)).get() as T['$inferSelect'] | undefined;
  if (!row || row.deletedAt !== null) {
    throw new AppError('not-found', `That ${describeTable(table)} no longer exists; it may have been deleted.`, { id });
  }
  return row;
}

export function updateRecord<T extends RecordTable>(
  unit: UnitOfWork,
  table: T,
  id: string,
  patch: Partial<NewRecord<T>>,
  planId: string | null,
): T['$inferSelect'] {
  const before = getLiveRecord(unit, table, id);
  const after = unit.db
    .update(table)
    .set({ ...patch, updatedAt: unit.now, updatedBy: unit.actor, revision: before.revision + 1 } as Partial<T['$inferInsert']>)
    .where(eq(table.id, id))
    .returning()
    .get() as T['$inferSelect'];
  audit(unit, table, 'update', id, planId, before, after);
  return after;
}

export function deleteRecord<T extends RecordTable>(unit: UnitOfWork, table: T, id: string, planId: string | null): void {
  const before = getLiveRecord(unit, table, id);
  const after = unit.db
    .update(table)
    .set({ deletedAt: unit.now, updatedAt: unit.now, updatedBy: unit.actor, revision: before.revision + 1 } as Partial<T['$inferInsert']>)
    .where(eq(table.id, id))
    .returning()
    .get();
  audit(unit, table, 'delete', id, planId, before, after);
}

/** Brings a tombstoned record back, with changes, as one audited update. */
export function restoreRecord<T extends RecordTable>(
  unit: UnitOfWork,
  table: T,
  id: string,
  patch: Partial<NewRecord<T>>,
  planId: string | null,
): T['$inferSelect'] {
  const before = unit.db.select().from(table).where(eq(table.id, id)).get() as T['$inferSelect'] | undefined;
  if (!before) throw new AppError('not-found', `That ${describeTable(table)} does not exist.`, { id });
  const after = unit.db
    .update(table)
    .set({ ...patch, deletedAt: null, updatedAt: unit.now, updatedBy: unit.actor, revision: before.revision + 1 } as Partial<T['$inferInsert']>)
    .where(eq(table.id, id))
    .returning()
    .get() as T['$inferSelect'];
  audit(unit, table, 'update', id, planId, before, after);
  return after;
}

const RECORD_STAMP = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'revision']);

/**
 * Puts a record back as an earlier state of it was (its fields and its tombstone), as one
 * audited update with a new revision: how a change is undone without erasing history.
 */
export function rewriteRecord<T extends RecordTable>(
  unit: UnitOfWork,
  table: T,
  id: string,
  state: Record<string, unknown>,
  planId: string | null,
): T['$inferSelect'] {
  const before = unit.db.select().from(table).where(eq(table.id, id)).get() as T['$inferSelect'] | undefined;
  if (!before) throw new AppError('not-found', `That ${describeTable(table)} does not exist.`, { id });
  const fields = Object.fromEntries(Object.entries(state).filter(([key]) => !RECORD_STAMP.has(key)));
  const after = unit.db
    .update(table)
    .set({ ...fields, updatedAt: unit.now, updatedBy: unit.actor, revision: before.revision + 1 } as Partial<T['$inferInsert']>)
    .where(eq(table.id, id))
    .returning()
    .get() as T['$inferSelect'];
  audit(unit, table, 'update', id, planId, before, after);
  return after;
}

function describeTable(table: RecordTable): string {
  return getTableName(table).replace(/_/g, ' ').replace(/s$/, '');
}
