// Evidence of an action: links, notes and files. A file's bytes are kept once in `attachments`,
// addressed by their SHA-256, however many actions cite them: the same letter attached to ten
// actions is stored once, and an identical upload is recognised.
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord } from '../../../db/records';
import { actions, attachments, evidence } from '../../../db/schema';
import type { actionEditingMethods } from '../../../shared/contract-actions';
import { AppError } from '../../../shared/errors';
import { EVIDENCE_FILE_MAX_BYTES, evidenceFileTooLarge } from '../../../shared/vocabulary';
import { readEvidence } from './action-detail';
import { fieldError } from './action-rules';
import type { HandlerGroup } from './types';

type EvidenceMethods = Extract<keyof typeof actionEditingMethods, `evidence.${string}` | `attachments.${string}`>;

export const actionEvidenceHandlers: HandlerGroup<EvidenceMethods> = {
  'evidence.addLink': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const id = core.write(planId, (unit) =>
      createRecord(unit, evidence, { actionId: input.actionId, kind: 'link', title: input.title, url: input.url }, planId).id,
    );
    return readEvidence(core, id);
  },

  'evidence.addNote': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const id = core.write(planId, (unit) =>
      createRecord(unit, evidence, { actionId: input.actionId, kind: 'note', title: input.title, note: input.note }, planId).id,
    );
    return readEvidence(core, id);
  },

  'evidence.addFile': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const content = Buffer.from(input.contentBase64, 'base64');
    // The contract measures the base64 text; the bytes decoded are what is kept, so check them too.
    if (content.length > EVIDENCE_FILE_MAX_BYTES) {
      throw fieldError('contentBase64', evidenceFileTooLarge(input.fileName, content.length));
    }
    const hash = createHash('sha256').update(content).digest('hex');
    const id = core.write(planId, (unit) => {
      const inserted = unit.db
        .insert(attachments)
        .values({ hash, size: content.length, mediaType: input.mediaType, content, createdAt: unit.now })
        .onConflictDoNothing()
        .run();
      if (inserted.changes > 0) unit.changed.add('attachments');
      return createRecord(
        unit,
        evidence,
        { actionId: input.actionId, kind: 'file', title: input.title ?? input.fileName, fileName: input.fileName, attachmentHash: hash },
        planId,
      ).id;
    });
    return readEvidence(core, id);
  },

  'evidence.remove': (input, core) => {
    const row = getLiveRecord(core, evidence, input.evidenceId);
    const { planId } = getLiveRecord(core, actions, row.actionId);
    // The file's bytes stay: other evidence may cite them, and the removal can be carried or undone.
    core.write(planId, (unit) => deleteRecord(unit, evidence, input.evidenceId, planId));
    return { deleted: true as const };
  },

  'attachments.get': (input, core) => {
    const file = core.db.select().from(attachments).where(eq(attachments.hash, input.hash)).get();
    if (!file) throw new AppError('not-found', 'That file is not stored in this database.', { hash: input.hash });
    const citing = core.db
      .select({ fileName: evidence.fileName })
      .from(evidence)
      .where(and(eq(evidence.attachmentHash, input.hash), isNull(evidence.deletedAt)))
      .orderBy(desc(evidence.createdAt))
      .get();
    return { fileName: citing?.fileName ?? null, mediaType: file.mediaType, size: file.size, contentBase64: file.content.toString('base64') };
  },
};
