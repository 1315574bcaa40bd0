// Contract methods for editing actions and what hangs off them: people, due-date changes,
// progress updates, milestones, dependencies, evidence and links.
import * as z from 'zod';
import { Id, Instant, IsoDate, isIsoDate, longText, method, optionalText, RagSchema, reason, title, type MethodDefinition } from './contract-kit';
import { formatLongDate } from './dates';
import { ACTION_STATUSES, EVIDENCE_FILE_MAX_BYTES, EVIDENCE_KINDS, evidenceFileTooLarge } from './vocabulary';

// ---------------------------------------------------------------- values crossing the contract

export const Person = z.object({ id: Id, name: z.string(), jobTitle: z.string().nullable(), email: z.string().nullable() });
export type Person = z.infer<typeof Person>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const DueDateChange = z.object({
  id: Id,
  fromDate: IsoDate.nullable(),
  toDate: IsoDate,
  reason: z.string(),
  by: z.string(),
  at: Instant,
});
export type DueDateChange = z.infer<typeof DueDateChange>;

export const Milestone = z.object({
  id: Id,
  actionId: Id,
  title: z.string(),
  dueDate: IsoDate.nullable(),
  completedDate: IsoDate.nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProgressUpdate = z.object({
  id: Id,
  actionId: Id,
  updateDate: IsoDate,
  narrative: z.string(),
  /** The action's RAG at the time of the update. */
  rag: RagSchema.nullable(),
  authorName: z.string(),
  recordedBy: z.string(),
  recordedAt: Instant,
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** One dependency between two actions, described from the side of the action being read. */
export const Dependency = z.object({
  id: Id,
  /** The other action. */
  actionId: Id,
  reference: z.string(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  currentDueDate: IsoDate.nullable(),
  note: z.string().nullable(),
});
export type Dependency = z.infer<typeof Dependency>;

export const Evidence = z.object({
  id: Id,
  actionId: Id,
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  file: z.object({ fileName: z.string(), hash: z.string(), size: z.number().int(), mediaType: z.string() }).nullable(),
  addedBy: z.string(),
  addedAt: Instant,
});
export type Evidence = z.infer<typeof Evidence>;

const LinkedRecommendation = z.object({ id: Id, number: z.number().int(), text: z.string() });
const LinkedKpi = z.object({ id: Id, reference: z.string(), name: z.string() });
const ThemeRef = z.object({ id: Id, reference: z.string(), title: z.string() });

export const ActionDetail = z.object({
  id: Id,
  planId: Id,
  reference: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  theme: ThemeRef.nullable(),
  owner: PersonRef.nullable(),
  lead: PersonRef.nullable(),
  startDate: IsoDate.nullable(),
  baselineDueDate: IsoDate.nullable(),
  currentDueDate: IsoDate.nullable(),
  completedDate: IsoDate.nullable(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  measuresOfSuccess: z.string().nullable(),
  /** What each rating means in this plan, shown beside the rating. */
  ragMeanings: z.record(RagSchema, z.string()),
  /** How many times the due date has moved: members notice an action moved four times. */
  dueDateMoves: z.number().int(),
  /** Every move of the due date, newest first. */
  dueDateHistory: z.array(DueDateChange),
  milestones: z.array(Milestone),
  /** The actions this one depends on. */
  dependsOn: z.array(Dependency),
  /** The actions that depend on this one. */
  dependents: z.array(Dependency),
  /** Newest first. */
  progressUpdates: z.array(ProgressUpdate),
  evidence: z.array(Evidence),
  recommendations: z.array(LinkedRecommendation),
  kpis: z.array(LinkedKpi),
  updatedAt: Instant,
  updatedBy: z.string(),
});
export type ActionDetail = z.infer<typeof ActionDetail>;

/** What an action of the plan can be linked to, for the pickers of the action's page. */
export const ActionChoices = z.object({
  themes: z.array(ThemeRef),
  /** The plan's other live actions. */
  actions: z.array(z.object({ id: Id, reference: z.string(), title: z.string() })),
  recommendations: z.array(LinkedRecommendation),
  kpis: z.array(LinkedKpi),
});
export type ActionChoices = z.infer<typeof ActionChoices>;

export const Attachment = z.object({
  fileName: z.string().nullable(),
  mediaType: z.string(),
  size: z.number().int(),
  contentBase64: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

// ---------------------------------------------------------------- inputs

const reference = z
  .string({ message: 'Enter the reference' })
  .trim()
  .min(1, 'Enter the reference')
  .max(30, 'The reference can be at most 30 characters');
const text = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(20_000, 'This text can be at most 20,000 characters');
const authorName = z
  .string({ message: 'Enter who wrote the update' })
  .trim()
  .min(1, 'Enter who wrote the update')
  .max(200, 'The name can be at most 200 characters');

/** The fields of an action a person edits directly; the due dates change only with a reason. */
const actionFields = {
  themeId: Id.nullable().optional(),
  title: title('title'),
  description: longText.nullable().optional(),
  ownerId: Id.nullable().optional(),
  leadId: Id.nullable().optional(),
  startDate: IsoDate.nullable().optional(),
  completedDate: IsoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }).optional(),
  rag: RagSchema.nullable().optional(),
  measuresOfSuccess: longText.nullable().optional(),
};

export const CreateActionInput = z
  .object({ planId: Id, reference, ...actionFields, dueDate: IsoDate.nullable().optional() })
  .strict()
  .superRefine((input, context) => {
    if (isIsoDate(input.startDate) && isIsoDate(input.dueDate) && input.dueDate < input.startDate) {
      context.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: `The due date cannot be before the start date (${formatLongDate(input.startDate)})`,
      });
    }
    if (isIsoDate(input.startDate) && isIsoDate(input.completedDate) && input.completedDate < input.startDate) {
      context.addIssue({
        code: 'custom',
        path: ['completedDate'],
        message: `The action cannot be completed before it started (${formatLongDate(input.startDate)})`,
      });
    }
  });
export type CreateActionInput = z.input<typeof CreateActionInput>;

export const UpdateActionInput = z
  .object({ actionId: Id, reference: reference.optional(), ...actionFields, title: title('title').optional() })
  .strict();
export type UpdateActionInput = z.input<typeof UpdateActionInput>;

export const BulkUpdateInput = z
  .object({
    planId: Id,
    actionIds: z
      .array(Id, { message: 'Choose the actions to change' })
      .min(1, 'Choose at least one action')
      .max(5000, 'At most 5,000 actions can be changed at once'),
    ownerId: Id.nullable().optional(),
    rag: RagSchema.nullable().optional(),
    status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }).optional(),
    dueDate: IsoDate.optional(),
    reason: reason.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.ownerId === undefined && input.rag === undefined && input.status === undefined && input.dueDate === undefined) {
      context.addIssue({ code: 'custom', path: [], message: 'Choose at least one change to make: the owner, RAG, status or due date' });
    }
    if (input.dueDate !== undefined && input.reason === undefined) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for the change, so that the history shows why' });
    }
  });
export type BulkUpdateInput = z.input<typeof BulkUpdateInput>;

const progressFields = {
  updateDate: IsoDate,
  narrative: text('progress made'),
  rag: RagSchema.nullable().optional(),
  authorName,
};

const milestoneFields = {
  title: title('milestone'),
  dueDate: IsoDate.nullable().optional(),
  completedDate: IsoDate.nullable().optional(),
};

const evidenceTitle = title('title of the evidence');

/** Base64 carries 3 bytes in every 4 characters, less the padding at the end. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export const AddFileInput = z
  .object({
    actionId: Id,
    title: evidenceTitle.optional(),
    fileName: z
      .string({ message: 'Choose a file' })
      .trim()
      .min(1, 'Choose a file')
      .max(255, 'The file name can be at most 255 characters'),
    mediaType: z
      .string({ message: 'Expected the type of the file' })
      .trim()
      .toLowerCase()
      .regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/, 'Expected the type of the file, such as application/pdf')
      .max(255),
    contentBase64: z.base64({ message: 'The file’s content did not arrive whole; choose the file again' }),
  })
  .strict()
  .superRefine((input, context) => {
    const size = decodedSize(input.contentBase64);
    if (size > EVIDENCE_FILE_MAX_BYTES) {
      context.addIssue({ code: 'custom', path: ['contentBase64'], message: evidenceFileTooLarge(input.fileName, size) });
    } else if (size === 0) {
      context.addIssue({ code: 'custom', path: ['contentBase64'], message: `“${input.fileName}” is empty, so it was not attached` });
    }
  });
export type AddFileInput = z.input<typeof AddFileInput>;

const idList = (what: string) => z.array(Id, { message: `Choose the ${what}` }).max(1000, `At most 1,000 ${what} can be linked`);

const Deleted = z.object({ deleted: z.literal(true) });
const ActionOnly = z.object({ actionId: Id }).strict();

// ---------------------------------------------------------------- the methods

export const actionEditingMethods = {
  'people.list': method(z.object({ planId: Id }).strict(), z.array(Person)),
  'people.create': method(
    z
      .object({
        planId: Id,
        name: title('name'),
        jobTitle: optionalText(200),
        email: z.email({ message: 'Enter an email address such as name@council.gov.uk' }).max(320).nullable().optional(),
      })
      .strict(),
    Person,
    true,
  ),

  'actions.get': method(ActionOnly, ActionDetail),
  'actions.choices': method(ActionOnly, ActionChoices),
  'actions.create': method(CreateActionInput, ActionDetail, true),
  'actions.update': method(UpdateActionInput, ActionDetail, true),
  'actions.changeDueDate': method(z.object({ actionId: Id, dueDate: IsoDate, reason }).strict(), ActionDetail, true),
  'actions.bulkUpdate': method(BulkUpdateInput, z.object({ updated: z.number().int() }), true),
  'actions.delete': method(ActionOnly, Deleted, true),
  'actions.setRecommendations': method(
    z.object({ actionId: Id, recommendationIds: idList('recommendations') }).strict(),
    ActionDetail,
    true,
  ),
  'actions.setKpis': method(z.object({ actionId: Id, kpiIds: idList('KPIs') }).strict(), ActionDetail, true),

  'progressUpdates.create': method(z.object({ actionId: Id, ...progressFields }).strict(), ProgressUpdate, true),
  'progressUpdates.update': method(
    z
      .object({
        progressUpdateId: Id,
        updateDate: IsoDate.optional(),
        narrative: progressFields.narrative.optional(),
        rag: RagSchema.nullable().optional(),
        authorName: authorName.optional(),
      })
      .strict(),
    ProgressUpdate,
    true,
  ),
  'progressUpdates.delete': method(z.object({ progressUpdateId: Id }).strict(), Deleted, true),

  'milestones.create': method(z.object({ actionId: Id, ...milestoneFields }).strict(), Milestone, true),
  'milestones.update': method(
    z.object({ milestoneId: Id, ...milestoneFields, title: milestoneFields.title.optional() }).strict(),
    Milestone,
    true,
  ),
  'milestones.delete': method(z.object({ milestoneId: Id }).strict(), Deleted, true),

  'dependencies.add': method(
    z.object({ actionId: Id, dependsOnActionId: Id, note: optionalText(2000) }).strict(),
    Dependency,
    true,
  ),
  'dependencies.remove': method(z.object({ dependencyId: Id }).strict(), Deleted, true),

  'evidence.addLink': method(
    z
      .object({
        actionId: Id,
        title: evidenceTitle,
        url: z
          .url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://' })
          .max(2000, 'The web address can be at most 2,000 characters'),
      })
      .strict(),
    Evidence,
    true,
  ),
  'evidence.addNote': method(z.object({ actionId: Id, title: evidenceTitle, note: text('note') }).strict(), Evidence, true),
  'evidence.addFile': method(AddFileInput, Evidence, true),
  'evidence.remove': method(z.object({ evidenceId: Id }).strict(), Deleted, true),
  'attachments.get': method(
    z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'Expected the SHA-256 of a stored file') }).strict(),
    Attachment,
  ),
} satisfies Record<string, MethodDefinition>;
