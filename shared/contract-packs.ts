// Contract methods for committee packs (DOMAIN.md section 6): a report for one meeting in the
// council's committee format. The services assemble the pack as a document of numbered blocks
// (headings, paragraphs, tables, charts), which the print view, the PDF printer and the Word
// writer all render, so every output says the same thing with the same numbering. An issued
// pack keeps the document it printed, frozen, with its PDF.
import * as z from 'zod';
import { Id, IsoDate, longText, method, RagSchema, title, type MethodDefinition } from './contract-kit';
import { KpiSeries } from './contract-kpis';

import { PACK_SECTIONS, PACK_STATUSES, PACK_TEMPLATES } from './vocabulary';

// ---------------------------------------------------------------- what a person writes

export const PackCover = z.object({
  author: z.string().trim().max(200),
  authorContact: z.string().trim().max(300),
  leadOfficer: z.string().trim().max(200),
  wardsAffected: z.string().trim().max(300),
  keyDecision: z.boolean(),
  /** Public, or exempt from publication with the reason (the paragraph of Schedule 12A). */
  exempt: z.boolean(),
  exemptReason: z.string().trim().max(1000),
});
export type PackCover = z.infer<typeof PackCover>;

export const PackContent = z.object({
  sections: z.array(z.enum(PACK_SECTIONS)),
  cover: PackCover,
  summary: longText,
  recommendations: longText,
  nextSteps: longText,
  implications: z.object({ financial: longText, legal: longText, equalities: longText, risk: longText }),
  /** The KPIs whose trend charts print; null for those rated red or amber (at most 20). */
  chartKpiIds: z.array(Id).max(40, 'At most 40 charts can be chosen').nullable(),
});
export type PackContent = z.infer<typeof PackContent>;

// ---------------------------------------------------------------- the document every output renders

const Cell = z.object({
  text: z.string(),
  /** A RAG shown as its badge (word and shape) with the text beside it. */
  rag: RagSchema.nullable().optional(),
  strong: z.boolean().optional(),
});
export type PackCell = z.infer<typeof Cell>;

export const PackBlock = z.discriminatedUnion('kind', [
  /** Level 1 is a numbered section ("3 Progress by theme"), 2 and 3 headings within it. */
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), number: z.string().nullable(), text: z.string() }),
  /** A paragraph, numbered as councils number them ("3.2") or not. */
  z.object({ kind: z.literal('paragraph'), number: z.string().nullable(), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({
    kind: z.literal('table'),
    caption: z.string(),
    columns: z.array(z.object({ header: z.string(), align: z.enum(['left', 'right']), width: z.number().positive() })),
    rows: z.array(z.array(Cell)),
    /** Printed small under the table. */
    note: z.string().nullable(),
  }),
  /** A KPI's trend chart, drawn from `document.charts`, with its caption. */
  z.object({ kind: z.literal('chart'), kpiId: Id, caption: z.string(), description: z.string() }),
  z.object({ kind: z.literal('page-break') }),
]);
export type PackBlock = z.infer<typeof PackBlock>;

export const PackDocument = z.object({
  packId: Id,
  /** The handling marking printed at the top of every page: OFFICIAL or OFFICIAL-SENSITIVE. */
  marking: z.string(),
  title: z.string(),
  authority: z.string(),
  cover: z.object({
    committee: z.string(),
    meetingDate: z.string(),
    agendaItem: z.string().nullable(),
    /** Label and value pairs, in the order the cover sheet prints them. */
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  /** "Reporting period: 1 April to 30 June 2026 (Quarter 1 2026/27)". */
  period: z.string(),
  blocks: z.array(PackBlock),
  charts: z.array(KpiSeries),
  /** The figures a later pack compares itself with: RAG counts overall and by theme. */
  facts: z.object({
    ragCounts: z.record(z.string(), z.number().int()),
    themes: z.record(Id, z.record(z.string(), z.number().int())),
  }),
  /** When the document was put together (for an issued pack, when it was issued). */
  madeAt: z.string(),
  issued: z.boolean(),
});
export type PackDocument = z.infer<typeof PackDocument>;

// ---------------------------------------------------------------- the pack as a record

export const Pack = z.object({
  id: Id,
  planId: Id,
  meetingId: Id.nullable(),
  committeeName: z.string().nullable(),
  meetingDate: IsoDate.nullable(),
  agendaItem: z.string().nullable(),
  template: z.enum(PACK_TEMPLATES),
  title: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  status: z.enum(PACK_STATUSES),
  content: PackContent,
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  hasPdf: z.boolean(),
  updatedAt: z.string(),
});
export type Pack = z.infer<typeof Pack>;

export const PackFile = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });
export type PackFile = z.infer<typeof PackFile>;

// ---------------------------------------------------------------- inputs

const problems = (context: z.RefinementCtx) => (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });

function checkPeriod(input: { periodStart?: string; periodEnd?: string }, problem: (path: string, message: string) => void): void {
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) problem('periodEnd', 'The reporting period cannot end before it starts');
}

const ContentPatch = z
  .object({
    sections: z.array(z.enum(PACK_SECTIONS, { message: 'That is not a part of a pack' })).max(PACK_SECTIONS.length),
    cover: PackCover.partial().strict(),
    summary: longText,
    recommendations: longText,
    nextSteps: longText,
    implications: z.object({ financial: longText, legal: longText, equalities: longText, risk: longText }).partial().strict(),
    chartKpiIds: z.array(Id).max(40, 'At most 40 charts can be chosen').nullable(),
  })
  .partial()
  .strict();
export type ContentPatch = z.input<typeof ContentPatch>;

export const CreatePackInput = z
  .object({
    planId: Id,
    meetingId: Id,
    template: z.enum(PACK_TEMPLATES, { message: 'Choose the kind of report' }),
    /** Left out, "Improvement plan: progress report" style from the template. */
    title: title('report’s title').optional(),
    periodStart: IsoDate,
    periodEnd: IsoDate,
  })
  .strict()
  .superRefine((input, context) => checkPeriod(input, problems(context)));
export type CreatePackInput = z.input<typeof CreatePackInput>;

export const UpdatePackInput = z
  .object({
    packId: Id,
    meetingId: Id.optional(),
    template: z.enum(PACK_TEMPLATES, { message: 'Choose the kind of report' }).optional(),
    title: title('report’s title').optional(),
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    content: ContentPatch.optional(),
  })
  .strict()
  .superRefine((input, context) => checkPeriod(input, problems(context)));
export type UpdatePackInput = z.input<typeof UpdatePackInput>;

const PackOnly = z.object({ packId: Id }).strict();
const base64Png = z
  .string()
  .max(8_000_000, 'A chart image can be at most 6 MB')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'A chart image must be a PNG in base64');

// ---------------------------------------------------------------- the methods

export const packMethods = {
  'packs.list': method(z.object({ planId: Id }).strict(), z.array(Pack)),
  'packs.get': method(PackOnly, Pack),
  'packs.create': method(CreatePackInput, Pack, true),
  /** Refused for an issued pack: it is a record of what went to the meeting. */
  'packs.update': method(UpdatePackInput, Pack, true),
  /** Deletes a draft; an issued pack stays. */
  'packs.delete': method(PackOnly, z.object({ deleted: z.literal(true) }), true),
  /** The document as it prints: from the plan as it is now, or, once issued, as it was issued. */
  'packs.document': method(PackOnly, PackDocument),
  /** Freezes the document and its PDF with the meeting. */
  'packs.issue': method(PackOnly, Pack, true),
  /** The PDF: as issued, or printed now from a draft. */
  'packs.pdf': method(PackOnly, PackFile),
  /** The Word file, with each chart as the image the page drew (keyed by KPI id). */
  'packs.docx': method(
    z.object({ packId: Id, charts: z.record(Id, base64Png).refine((charts) => Object.keys(charts).length <= 40, 'At most 40 charts') }).strict(),
    PackFile,
  ),
} satisfies Record<string, MethodDefinition>;
