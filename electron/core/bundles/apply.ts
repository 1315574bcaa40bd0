// Applying a checked bundle: refused while any conflict is undecided, then a backup copy of the
// database, then one audited transaction that writes every record the merge takes from the
// bundle (every column as the bundle has it; the revision one past the one here), adds the
// attachments, keeps the bases, logs the import and, if asked, trusts the signer. Every
// reference is checked before the transaction commits; any failure leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { appendingAudit, type AuditEntry } from '../../../db/audit';
import { writingWithCheckpointAfter } from '../../../db/checkpoint';
import { backupDatabase } from '../../../db/database';
import { insertingInBulk } from '../../../db/search-index';
import { newId } from '../../../db/ids';
import type { UnitOfWork } from '../../../db/records';
import { attachments, bundleLog, trustedKeys } from '../../../db/schema';
import type { AppliedBundle } from '../../../shared/contract-bundles';
import type { Core } from '../core';
import { assertNotSuperseded, type CheckedBundle } from './inspect';
import { basesAfter, type Decision, type MergePlan, writeBases } from './merge';
import { BUNDLE_TABLES_BY_NAME, type BundleRow, type BundleTable, withArticle } from './record-schemas';
import { refusal } from './refusals';

/** Takes a copy of the whole database, consistent as of now, beside it in `backups/`. */
function backupBeforeImport(core: Core): string {
  return backupDatabase(core.db.$client, path.join(core.dataDirectory, 'backups'), 'before-import', core.clock());
}

/** What each decision does once the conflicts are decided. */
function resolved(plan: MergePlan, resolutions: Record<string, 'here' | 'incoming'>): Decision[] {
  const undecided = plan.decisions.filter((decision) => decision.outcome === 'conflict' && !resolutions[decision.local?.id ?? decision.incoming.id]);
  if (undecided.length > 0) {
    throw refusal(
      'unresolved-conflicts',
      null,
      `Nothing was saved: ${undecided.length === 1 ? 'one record was' : `${undecided.length.toLocaleString('en-GB')} records were`} changed both here and in the bundle, and ` +
        `${undecided.length === 1 ? 'it needs' : 'each needs'} a choice of which to keep. Choose for every conflict, then import again.`,
    );
  }
  return plan.decisions.map((decision) => {
    if (decision.outcome !== 'conflict') return decision;
    const choice = resolutions[decision.local?.id ?? decision.incoming.id];
    if (choice === 'here') return { ...decision, outcome: 'kept-here' };
    const outcome = decision.incoming.deletedAt !== null && decision.local?.deletedAt === null ? 'deleted' : 'changed';
    return { ...decision, outcome };
  });
}

/**
 * Refuses a bundle that would leave two live actions of a plan with one reference: the same
 * number given to different actions here and by the sender.
 */
function assertReferencesUnique(core: Core, decisions: Decision[]): void {
  const taken = decisions.filter((decision) => decision.entry.name === 'actions' && ['added', 'changed', 'deleted'].includes(decision.outcome));
  if (taken.length === 0) return;
  const plans = new Set(taken.map((decision) => decision.incoming.planId as string));
  const live = new Map<string, { reference: string; planId: string; title: string; from: 'here' | 'bundle' }>();
  for (const planId of plans) {
    const rows = core.db.$client
      .prepare('select id, reference, plan_id as planId, title from actions where plan_id = ? and deleted_at is null')
      .all(planId) as { id: string; reference: string; planId: string; title: string }[];
    for (const row of rows) live.set(row.id, { ...row, from: 'here' });
  }
  for (const { incoming, local } of taken) {
    if (local) live.delete(local.id);
    if (incoming.deletedAt === null) {
      live.set(local?.id ?? incoming.id, { reference: String(incoming.reference), planId: String(incoming.planId), title: String(incoming.title), from: 'bundle' });
    }
  }
  const seen = new Map<string, { title: string; from: 'here' | 'bundle' }>();
  for (const action of live.values()) {
    const key = `${action.planId}\u0000${action.reference}`;
    const other = seen.get(key);
    if (other) {
      const [here, there] = other.from === 'here' ? [other, action] : [action, other];
      throw refusal(
        'reference-clash',
        null,
        `Nothing was saved: action ${action.reference} is “${here.title}” here but “${there.title}” in the bundle: the same number was given to two different actions. ` +
          'Renumber one of them here (or ask the sender to), then import again.',
      );
    }
    seen.set(key, action);
  }
}

type Append = (entry: AuditEntry) => void;

function auditRow(unit: UnitOfWork, append: Append, table: string, id: string, planId: string, operation: 'create' | 'update' | 'delete', before: BundleRow | null, after: BundleRow): void {
  unit.changed.add(table);
  append({
    changeId: unit.changeId,
    at: unit.now,
    actor: unit.actor,
    entityType: table,
    entityId: id,
    planId,
    operation,
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
  });
}

interface TableWriter {
  insert: Statement;
  update: Statement;
  /** The record's values as SQLite stores them, in the order of the statements' columns. */
  values(row: BundleRow): unknown[];
}

const writers = new WeakMap<Sqlite.Database, Map<string, TableWriter>>();

/**
 * Prepared statements for writing a table's records as they come, every column named: the
 * bundle's records are many, and each goes in as it is, so the query builder is left aside.
 */
function writerOf(sqlite: Sqlite.Database, entry: BundleTable): TableWriter {
  let byTable = writers.get(sqlite);
  if (!byTable) writers.set(sqlite, (byTable = new Map()));
  const found = byTable.get(entry.name);
  if (found) return found;
  const columns = Object.entries(getTableColumns(entry.table) as Record<string, { mapToDriverValue(value: unknown): unknown }>).map(([key, column]) => ({ key, column, name: key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) }));
  const known = new Set((sqlite.pragma(`table_info(${entry.name})`) as { name: string }[]).map((column) => column.name));
  const missing = columns.find((column) => !known.has(column.name));
  if (missing) throw new Error(`The table ${entry.name} has no column ${missing.name}.`);
  const names = columns.map((column) => `"${column.name}"`);
  const writer: TableWriter = {
    insert: sqlite.prepare(`insert into "${entry.name}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`),
    update: sqlite.prepare(`update "${entry.name}" set ${names.map((name) => `${name} = ?`).join(', ')} where "id" = ?`),
    values: (row) => columns.map(({ key, column }) => (row[key] === null || row[key] === undefined ? null : column.mapToDriverValue(row[key]))),
  };
  byTable.set(entry.name, writer);
  return writer;
}

function write(unit: UnitOfWork, append: Append, decision: Decision, planId: string, inserted: (table: string, id: string) => void): void {
  const { entry, incoming, local } = decision;
  const writer = writerOf(unit.db.$client, entry);
  if (!local) {
    writer.insert.run(...writer.values(incoming));
    inserted(entry.name, incoming.id);
    // A record that arrives already deleted is recorded as a removal: undoing the import leaves it deleted.
    auditRow(unit, append, entry.name, incoming.id, planId, incoming.deletedAt === null ? 'create' : 'delete', null, incoming);
    return;
  }
  // Every column as the bundle has it, under the id here, one revision past the one here.
  const after: BundleRow = { ...incoming, id: local.id, revision: local.revision + 1 };
  writer.update.run(...writer.values(after), local.id);
  auditRow(unit, append, entry.name, local.id, planId, decision.outcome === 'deleted' ? 'delete' : 'update', local, after);
}

export interface ApplyOptions {
  resolutions: Record<string, 'here' | 'incoming'>;
  trustSignerAs: string | null;
  trustSigner: boolean;
}

/** Applies a checked bundle in one transaction, after a backup; returns what it did. */
export function applyBundle(core: Core, bundle: CheckedBundle, plan: MergePlan, options: ApplyOptions): AppliedBundle {
  assertNotSuperseded(core, bundle);
  const decisions = resolved(plan, options.resolutions);
  assertReferencesUnique(core, decisions);
  const planId = bundle.manifest.plan.id;
  const backupFile = backupBeforeImport(core);
  const counts = { added: 0, changed: 0, deleted: 0 };
  const sqlite = core.db.$client;
  try {
    // Tens of thousands of records and every attachment commit at once: the copy of them from the
    // log into the database file is left to a worker thread (see db/checkpoint.ts).
    writingWithCheckpointAfter(sqlite, () => core.write(planId, (unit) => {
      // References are checked as a whole before the commit, so records can arrive in any order.
      sqlite.pragma('defer_foreign_keys = ON');
      for (const attachment of plan.newAttachments) {
        const content = bundle.attachmentBytes.get(attachment.hash);
        if (!content) throw new Error(`The attachment ${attachment.hash} was not read.`);
        const inserted = unit.db.insert(attachments).values({ ...attachment, content }).onConflictDoNothing().run();
        if (inserted.changes > 0) unit.changed.add('attachments');
      }
      // The records are indexed for search together once written, not one by one as they go in,
      // and their audit entries are chained as they go, with the last hash carried along.
      insertingInBulk(sqlite, (inserted) => appendingAudit(sqlite, (append) => {
        for (const decision of decisions) {
          switch (decision.outcome) {
            case 'added':
            case 'tombstone-added':
            case 'changed':
            case 'deleted':
              write(unit, append, decision, planId, inserted);
              if (decision.outcome !== 'tombstone-added') counts[decision.outcome] += 1;
              break;
            default:
              break;
          }
        }
      }));
      const problems = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (problems.length > 0) {
        const [first] = problems;
        throw refusal(
          'dangling-reference',
          null,
          `Nothing was saved: the bundle would leave ${withArticle(BUNDLE_TABLES_BY_NAME.get(first?.table ?? '')?.label ?? 'record')} naming ${withArticle(BUNDLE_TABLES_BY_NAME.get(first?.parent ?? '')?.label ?? 'record')} that is not here. Ask the sender for a bundle of the whole plan.`,
        );
      }
      writeBases(unit.db, basesAfter(plan));
      unit.db
        .insert(bundleLog)
        .values({
          id: newId(),
          bundleId: bundle.manifest.bundleId,
          direction: 'imported',
          at: unit.now,
          actor: unit.actor,
          planId,
          themeId: bundle.manifest.scope.themeId,
          fileName: bundle.transfer.fileName,
          fingerprint: bundle.signature.fingerprint,
          classification: bundle.manifest.classification,
          encrypted: bundle.encrypted,
          bytes: bundle.transfer.bytes,
          summary: { ...counts, attachments: plan.newAttachments.length, createdBy: bundle.manifest.createdBy, createdAt: bundle.manifest.createdAt },
          backupFile,
        })
        .run();
      if (options.trustSigner && options.trustSignerAs) {
        unit.db
          .insert(trustedKeys)
          .values({ fingerprint: bundle.signature.fingerprint, publicKey: bundle.signature.publicKey, label: options.trustSignerAs, addedAt: unit.now })
          .onConflictDoUpdate({ target: trustedKeys.fingerprint, set: { publicKey: bundle.signature.publicKey, label: options.trustSignerAs } })
          .run();
        unit.changed.add('trusted_keys');
      }
    }));
  } catch (error) {
    // Nothing was imported, so the copy taken for it is not needed.
    fs.rmSync(backupFile, { force: true });
    if (isUniqueViolation(error)) {
      throw refusal(
        'reference-clash',
        null,
        'Nothing was saved: a record of the bundle has the same number or name as a different record here (such as two KPI values for one period). Look at the records named in the preview, then import again.',
      );
    }
    throw error;
  }
  return { planId, ...counts, backupFile };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
