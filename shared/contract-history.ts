// Contract methods for a plan's history: the audit log per record and per plan, its check, and
// undoing and redoing changes.
import * as z from 'zod';
import { Id, Instant, method, type MethodDefinition } from './contract-kit';

export const AuditEntryView = z.object({
  sequence: z.number().int(),
  changeId: z.string(),
  at: Instant,
  actor: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  operation: z.enum(['create', 'update', 'delete']),
  /** In words: "Changed action 2.3 Audit supervision". */
  summary: z.string(),
  /** For an update, each field that changed, before and after, as text. */
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const historyMethods = {
  'audit.list': method(
    z
      .object({
        planId: Id,
        /** Only the history of one record. */
        entityId: z.string().min(1).max(100).optional(),
        /** Entries older than this sequence number, for the next page. */
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    z.object({ entries: z.array(AuditEntryView), more: z.boolean() }),
  ),
  'audit.verify': method(
    z.object({}).strict().default({}),
    z.object({ ok: z.boolean(), entries: z.number().int(), firstBrokenSequence: z.number().int().nullable() }),
  ),
  'changes.undo': method(
    z.object({ changeId: z.uuid({ message: 'Expected the identifier of a change' }) }).strict(),
    z.object({
      /** The new change that reversed it; undoing that one redoes the original. */
      changeId: z.string(),
      summary: z.string(),
    }),
    true,
  ),
} satisfies Record<string, MethodDefinition>;
