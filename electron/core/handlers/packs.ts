// Committee packs: a report for one meeting, built from the plan, previewed, printed to PDF and
// Word, and issued. Issuing freezes the document the pack showed and its PDF with the meeting:
// later edits to the plan never change an issued pack, and an issued pack cannot be edited or
// deleted.
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { attachments, committees, meetings, packs, plans } from '../../../db/schema';
import type { Pack, PackContent, PackDocument } from '../../../shared/contract-packs';
import type { PackTemplate } from '../../../shared/vocabulary';
import { PackDocument as PackDocumentSchema } from '../../../shared/contract-packs';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { renderPackDocx } from '../packs/docx';
import { buildPackDocument, DEFAULT_TITLES, defaultContent, packMeeting } from '../packs/document';
import { fieldError } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;
type PackRow = typeof packs.$inferSelect;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Meeting = ReturnType<typeof packMeeting>;

/** The pack as the contract gives it; its meeting is read unless the caller has it already. */
function toPack(reader: Reader, row: PackRow, meeting: Meeting = packMeeting(reader, row.meetingId)): Pack {
  return {
    id: row.id,
    planId: row.planId,
    meetingId: row.meetingId,
    committeeName: meeting?.committee ?? null,
    meetingDate: meeting?.date ?? null,
    agendaItem: meeting?.agendaItem ?? null,
    template: row.template as PackTemplate,
    title: row.title,
    periodStart: row.periodStart ?? '',
    periodEnd: row.periodEnd ?? '',
    status: row.status === 'issued' ? 'issued' : 'draft',
    content: { ...defaultContent(row.template as PackTemplate), ...(row.content as Partial<PackContent>) },
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    hasPdf: row.pdfHash !== null,
    updatedAt: row.updatedAt,
  };
}

function readPack(reader: Reader, packId: string): Pack {
  return toPack(reader, getLiveRecord(reader, packs, packId));
}

/** The meeting must be one of a committee of this plan's council. */
function assertMeetingOfPlan(reader: Reader, planId: string, meetingId: string): void {
  const plan = getLiveRecord(reader, plans, planId);
  const meeting = reader.db
    .select({ authorityId: committees.authorityId, committeePlan: committees.planId, deletedAt: meetings.deletedAt })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting || meeting.deletedAt !== null || meeting.authorityId !== plan.authorityId) {
    throw fieldError('meetingId', 'Choose one of the meetings of this council’s committees: that one is not, or has been deleted');
  }
}

function assertDraft(row: PackRow, doing: string): void {
  if (row.status === 'issued') {
    throw new AppError(
      'conflict',
      `Nothing was changed: “${row.title}” was issued${row.issuedAt ? ` on ${row.issuedAt.slice(0, 10)}` : ''} and is kept as it went to the meeting, so it cannot be ${doing}. Build a new pack instead.`,
      { packId: row.id },
    );
  }
}

function requirePrinter(core: Core) {
  if (!core.printer) {
    throw new AppError(
      'unavailable',
      'Nothing was printed: printing to PDF needs Chromium, and none is available to the app here. Install Chromium, or use the desktop app.',
    );
  }
  return core.printer;
}

/** Documents being printed (a pack being issued, a plan printed into a bundle), by id: the print view shows what will be kept. */
const beingIssued = new WeakMap<Core, Map<string, PackDocument>>();

function heldDocuments(core: Core): Map<string, PackDocument> {
  let held = beingIssued.get(core);
  if (!held) {
    held = new Map();
    beingIssued.set(core, held);
  }
  return held;
}

/**
 * Holds a document that is no saved pack (such as the plan printed into a bundle) under its own
 * id while it prints, so the print view can show it; the returned function lets it go.
 */
export function holdPackDocument(core: Core, document: PackDocument): () => void {
  const held = heldDocuments(core);
  held.set(document.packId, document);
  return () => {
    if (held.get(document.packId) === document) held.delete(document.packId);
  };
}

/** The document of an issued pack as it was frozen, of one being issued or held as it will print, or of a draft as it would print now. */
export function packDocument(core: Core, packId: string): PackDocument {
  const held = beingIssued.get(core)?.get(packId);
  if (held) return held;
  const row = getLiveRecord(core, packs, packId);
  if (row.status === 'issued' && row.issuedSnapshot) return PackDocumentSchema.parse(row.issuedSnapshot);
  return buildPackDocument(core, row);
}

/** "Improvement plan progress report 2026-07-14.pdf": the title and the meeting's date. */
function fileName(reader: Reader, row: PackRow, extension: string): string {
  const meetingDate = packMeeting(reader, row.meetingId)?.date ?? '';
  // Letters, digits and the punctuation every file system takes; a colon or slash becomes a space.
  const base = `${row.title} ${meetingDate}`.replace(/[^\p{L}\p{N} ,.()’'-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return `${base || 'Committee pack'}.${extension}`;
}

export const packHandlers: HandlerGroup<
  'packs.list' | 'packs.get' | 'packs.create' | 'packs.update' | 'packs.delete' | 'packs.document' | 'packs.issue' | 'packs.pdf' | 'packs.docx'
> = {
  'packs.list': (input, core) => {
    assertPlanExists(core, input.planId);
    const rows = core.db
      .select()
      .from(packs)
      .where(and(eq(packs.planId, input.planId), isNull(packs.deletedAt)))
      .orderBy(desc(packs.createdAt))
      .all();
    // Every pack's meeting in one query, rather than one query a pack.
    const meetingIds = [...new Set(rows.map((row) => row.meetingId).filter((id): id is string => id !== null))];
    const meetingsById = new Map(
      meetingIds.length === 0
        ? []
        : core.db
            .select({ id: meetings.id, date: meetings.meetingDate, agendaItem: meetings.agendaItem, committee: committees.name })
            .from(meetings)
            .innerJoin(committees, eq(committees.id, meetings.committeeId))
            .where(inArray(meetings.id, meetingIds))
            .all()
            .map(({ id, ...meeting }) => [id, meeting]),
    );
    return rows
      .map((row) => toPack(core, row, row.meetingId ? meetingsById.get(row.meetingId) : undefined))
      .sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? ''));
  },

  'packs.get': (input, core) => readPack(core, input.packId),

  'packs.create': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) => {
      assertMeetingOfPlan(unit, planId, input.meetingId);
      return createRecord(
        unit,
        packs,
        {
          planId,
          meetingId: input.meetingId,
          template: input.template,
          title: input.title ?? DEFAULT_TITLES[input.template],
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          status: 'draft',
          content: defaultContent(input.template) as unknown as Record<string, unknown>,
        },
        planId,
      ).id;
    });
    return readPack(core, id);
  },

  'packs.update': (input, core) => {
    const row = getLiveRecord(core, packs, input.packId);
    assertDraft(row, 'edited');
    const { planId } = row;
    const current = toPack(core, row);
    const start = input.periodStart ?? current.periodStart;
    const end = input.periodEnd ?? current.periodEnd;
    if (end < start) throw fieldError(input.periodEnd ? 'periodEnd' : 'periodStart', 'The reporting period cannot end before it starts');
    const patch = input.content ?? {};
    const content: PackContent = {
      ...current.content,
      ...patch,
      cover: { ...current.content.cover, ...patch.cover },
      implications: { ...current.content.implications, ...patch.implications },
      sections: patch.sections ? [...new Set(patch.sections)] : current.content.sections,
    };
    core.write(planId, (unit) => {
      if (input.meetingId) assertMeetingOfPlan(unit, planId, input.meetingId);
      updateRecord(
        unit,
        packs,
        row.id,
        {
          ...(input.meetingId ? { meetingId: input.meetingId } : {}),
          ...(input.template ? { template: input.template } : {}),
          ...(input.title ? { title: input.title } : {}),
          periodStart: start,
          periodEnd: end,
          content: content as unknown as Record<string, unknown>,
        },
        planId,
      );
    });
    return readPack(core, row.id);
  },

  'packs.delete': (input, core) => {
    const row = getLiveRecord(core, packs, input.packId);
    assertDraft(row, 'deleted');
    core.write(row.planId, (unit) => deleteRecord(unit, packs, row.id, row.planId));
    return { deleted: true as const };
  },

  'packs.document': (input, core) => packDocument(core, input.packId),

  // The document is put together once and held while it prints, so the PDF shows exactly the
  // document that is frozen; the freeze and the PDF are then saved in one change. If printing
  // fails nothing is saved, and the pack stays a draft.
  'packs.issue': async (input, core) => {
    const row = getLiveRecord(core, packs, input.packId);
    assertDraft(row, 'issued again');
    const printer = requirePrinter(core);
    const { planId } = row;
    const issuedAt = core.clock().toISOString();
    const document: PackDocument = { ...buildPackDocument(core, row), issued: true, madeAt: issuedAt };
    const release = holdPackDocument(core, document);
    let pdf: Uint8Array;
    try {
      pdf = await printer.printPack(row.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(error instanceof AppError ? error.code : 'internal', `The pack was not issued, because it could not be printed: ${reason}`);
    } finally {
      release();
    }
    const content = Buffer.from(pdf);
    const hash = createHash('sha256').update(content).digest('hex');
    core.write(planId, (unit) => {
      const current = getLiveRecord(unit, packs, row.id);
      if (current.revision !== row.revision) {
        throw new AppError('conflict', 'The pack was not issued: it was changed while it was being printed. Look at it again, then issue it.', { packId: row.id });
      }
      const inserted = unit.db.insert(attachments).values({ hash, size: content.length, mediaType: PDF, content, createdAt: unit.now }).onConflictDoNothing().run();
      if (inserted.changes > 0) unit.changed.add('attachments');
      updateRecord(
        unit,
        packs,
        row.id,
        { status: 'issued', issuedAt, issuedBy: unit.actor, issuedSnapshot: document as unknown as Record<string, unknown>, pdfHash: hash },
        planId,
      );
    });
    return readPack(core, row.id);
  },

  'packs.pdf': async (input, core) => {
    const row = getLiveRecord(core, packs, input.packId);
    if (row.pdfHash) {
      const stored = core.db.select().from(attachments).where(eq(attachments.hash, row.pdfHash)).get();
      if (stored) return { fileName: fileName(core, row, 'pdf'), mediaType: PDF, base64: stored.content.toString('base64') };
    }
    const pdf = await requirePrinter(core).printPack(row.id);
    return { fileName: fileName(core, row, 'pdf'), mediaType: PDF, base64: Buffer.from(pdf).toString('base64') };
  },

  'packs.docx': async (input, core) => {
    const row = getLiveRecord(core, packs, input.packId);
    const document = packDocument(core, row.id);
    const charts = new Map(Object.entries(input.charts).map(([kpiId, base64]) => [kpiId, new Uint8Array(Buffer.from(base64, 'base64'))]));
    const docx = await renderPackDocx(document, charts);
    return { fileName: fileName(core, row, 'docx'), mediaType: DOCX, base64: Buffer.from(docx).toString('base64') };
  },
};
