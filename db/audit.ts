// The audit log: every change made through the services, chained by hash. Each entry's hash is
// the SHA-256 of the previous entry's hash and the entry's own content, so altering, inserting
// or removing an entry breaks the chain from that entry on, and `verifyAuditChain` finds it.
import { hash } from 'node:crypto';
import type Sqlite from 'better-sqlite3';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  changeId: string;
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  planId: string | null;
  operation: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

export function hashEntry(previousHash: string, entry: AuditEntry): string {
  return hash(
    'sha256',
    JSON.stringify([
      previousHash,
      entry.changeId,
      entry.at,
      entry.actor,
      entry.entityType,
      entry.entityId,
      entry.planId,
      entry.operation,
      entry.before,
      entry.after,
    ]),
    'hex',
  );
}

const statements = new WeakMap<Sqlite.Database, { last: Sqlite.Statement; insert: Sqlite.Statement }>();

function prepared(sqlite: Sqlite.Database) {
  let found = statements.get(sqlite);
  if (!found) {
    found = {
      last: sqlite.prepare('select hash from audit_log order by sequence desc limit 1').pluck(),
      insert: sqlite.prepare(
        `insert into audit_log (change_id, at, actor, entity_type, entity_id, plan_id, operation, before, after, previous_hash, hash)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(sqlite, found);
  }
  return found;
}

/** Writes an entry after the one whose hash is `previousHash`; returns the entry's own hash. */
function insertAfter(insert: Sqlite.Statement, previousHash: string, entry: AuditEntry): string {
  const entryHash = hashEntry(previousHash, entry);
  insert.run(entry.changeId, entry.at, entry.actor, entry.entityType, entry.entityId, entry.planId, entry.operation, entry.before, entry.after, previousHash, entryHash);
  return entryHash;
}

/** Appends an entry; call inside the transaction that makes the change it records. */
export function appendAudit(sqlite: Sqlite.Database, entry: AuditEntry): void {
  const { last, insert } = prepared(sqlite);
  insertAfter(insert, (last.get() as string | undefined) ?? GENESIS_HASH, entry);
}

/**
 * Appends many entries in one go, for a change of tens of thousands of records (a bundle's
 * import): the last entry's hash is read once and carried from entry to entry, rather than read
 * back before each. `work` must run inside the transaction, and nothing else may append to the
 * log while it runs; the chain is the same as `appendAudit` entry by entry would make.
 */
export function appendingAudit<T>(sqlite: Sqlite.Database, work: (append: (entry: AuditEntry) => void) => T): T {
  if (!sqlite.inTransaction) throw new Error('appendingAudit must run inside a transaction.');
  const { last, insert } = prepared(sqlite);
  let previousHash = (last.get() as string | undefined) ?? GENESIS_HASH;
  let appending = true;
  try {
    return work((entry) => {
      if (!appending) throw new Error('An audit entry was appended after its batch had ended.');
      previousHash = insertAfter(insert, previousHash, entry);
    });
  } finally {
    appending = false;
  }
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBrokenSequence: number | null;
}

export function verifyAuditChain(sqlite: Sqlite.Database): ChainVerification {
  let previousHash = GENESIS_HASH;
  let entries = 0;
  const rows = sqlite
    .prepare(
      `select sequence, change_id as changeId, at, actor, entity_type as entityType, entity_id as entityId, plan_id as planId,
              operation, before, after, previous_hash as previousHash, hash
       from audit_log order by sequence`,
    )
    .iterate() as IterableIterator<AuditEntry & { sequence: number; previousHash: string; hash: string }>;
  for (const row of rows) {
    entries += 1;
    if (row.previousHash !== previousHash || hashEntry(previousHash, row) !== row.hash) {
      return { ok: false, entries, firstBrokenSequence: row.sequence };
    }
    previousHash = row.hash;
  }
  return { ok: true, entries, firstBrokenSequence: null };
}
