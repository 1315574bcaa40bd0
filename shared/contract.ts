// The one contract between the renderer (or any other client) and the application services.
// Every method is named `domain.verb` and declares a zod schema for its input and its output;
// the TypeScript types of both ends are derived from here. The dispatcher parses every input
// against these schemas, because IPC and HTTP input is untrusted.
import * as z from 'zod';
import { RAG_VALUES } from './rag';
import {
  ACTION_STATUSES,
  CLASSIFICATIONS,
  FREQUENCIES,
  JUDGEMENTS,
  FRAMEWORKS,
  KPI_UNITS,
  PLAN_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  SUPPRESSION_CODES,
} from './vocabulary';

// ---------------------------------------------------------------- building blocks

export const Id = z.uuid({ message: 'Expected a record identifier' });
/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const IsoDate = z.iso.date({ message: 'Expected a real date written as YYYY-MM-DD' });
export const Instant = z.string();
const title = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(300, `The ${what} can be at most 300 characters`);
const longText = z.string().trim().max(20_000, 'This text can be at most 20,000 characters');

export const RagSchema = z.enum(RAG_VALUES);
export const ClassificationSchema = z.enum(CLASSIFICATIONS);

// ---------------------------------------------------------------- values crossing the contract

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDirectory: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
});

export const ChangeEvent = z.object({
  /** The kinds of record that changed, such as `plans` or `actions`. */
  entities: z.array(z.string()),
  planId: z.string().nullable(),
  /** `external` when the change was made by another process on the same database. */
  source: z.enum(['this-process', 'external']),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const Authority = z.object({
  id: Id,
  name: z.string(),
  oldLaCode: z.string().nullable(),
  newLaCode: z.string().nullable(),
  region: z.string().nullable(),
});
export type Authority = z.infer<typeof Authority>;

const RagCounts = z.object({
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  blue: z.number().int(),
  unrated: z.number().int(),
});
export type RagCounts = z.infer<typeof RagCounts>;

export const PlanSummary = z.object({
  id: Id,
  title: z.string(),
  authorityId: Id,
  authorityName: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  classification: ClassificationSchema,
  actionCount: z.number().int(),
  overdueCount: z.number().int(),
  ragCounts: RagCounts,
  updatedAt: Instant,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const ActionRow = z.object({
  id: Id,
  themeId: Id.nullable(),
  reference: z.string(),
  title: z.string(),
  ownerName: z.string().nullable(),
  leadName: z.string().nullable(),
  currentDueDate: IsoDate.nullable(),
  baselineDueDate: IsoDate.nullable(),
  dueDateMoves: z.number().int(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  lastUpdateDate: IsoDate.nullable(),
});
export type ActionRow = z.infer<typeof ActionRow>;

export const KpiTile = z.object({
  id: Id,
  reference: z.string(),
  name: z.string(),
  unit: z.enum(KPI_UNITS),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  targetValue: z.number().nullable(),
  targetLower: z.number().nullable(),
  targetUpper: z.number().nullable(),
  latest: z
    .object({
      period: z.string(),
      periodEnd: IsoDate,
      value: z.number().nullable(),
      suppressionCode: z.enum(SUPPRESSION_CODES).nullable(),
      provisional: z.boolean(),
    })
    .nullable(),
  previous: z.object({ period: z.string(), value: z.number().nullable() }).nullable(),
});
export type KpiTile = z.infer<typeof KpiTile>;

export const PlanOverview = z.object({
  plan: PlanSummary.extend({
    summary: z.string().nullable(),
    ragMeanings: z.record(RagSchema, z.string()),
  }),
  inspection: z
    .object({
      framework: z.enum(FRAMEWORKS),
      startDate: IsoDate,
      endDate: IsoDate.nullable(),
      reportReceivedDate: IsoDate.nullable(),
      reportPublishedDate: IsoDate.nullable(),
      overallJudgement: z.enum(JUDGEMENTS).nullable(),
    })
    .nullable(),
  stages: z.array(
    z.object({ id: Id, name: z.string(), startDate: IsoDate.nullable(), endDate: IsoDate.nullable() }),
  ),
  themes: z.array(
    z.object({
      id: Id,
      reference: z.string(),
      title: z.string(),
      leadName: z.string().nullable(),
      ragCounts: RagCounts,
    }),
  ),
  actions: z.array(ActionRow),
  kpis: z.array(KpiTile),
  recommendationCount: z.number().int(),
  uncoveredRecommendationCount: z.number().int(),
  reviewCount: z.number().int(),
});
export type PlanOverview = z.infer<typeof PlanOverview>;

export const DatabaseCheck = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeyProblems: z.array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() })),
  auditChain: z.object({ ok: z.boolean(), entries: z.number().int(), firstBrokenSequence: z.number().int().nullable() }),
});
export type DatabaseCheck = z.infer<typeof DatabaseCheck>;

// ---------------------------------------------------------------- inputs

export const CreatePlanInput = z
  .object({
    title: title('plan title'),
    authorityId: Id,
    summary: longText.optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    classification: ClassificationSchema.default('official'),
  })
  .refine((plan) => !plan.startDate || !plan.endDate || plan.endDate >= plan.startDate, {
    message: 'The end date must be on or after the start date',
    path: ['endDate'],
  });
export type CreatePlanInput = z.input<typeof CreatePlanInput>;

export const UpdatePlanInput = z
  .object({
    planId: Id,
    title: title('plan title').optional(),
    summary: longText.nullable().optional(),
    startDate: IsoDate.nullable().optional(),
    endDate: IsoDate.nullable().optional(),
    classification: ClassificationSchema.optional(),
  })
  .strict();
export type UpdatePlanInput = z.input<typeof UpdatePlanInput>;

const Empty = z.object({}).strict().default({});

// ---------------------------------------------------------------- the methods

interface MethodDefinition {
  input: z.ZodType;
  output: z.ZodType;
  /** Whether the method changes data (and so is audited and announced to other views). */
  changes: boolean;
}

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, changes = false) => ({
  input,
  output,
  changes,
});

export const contract = {
  'app.info': method(Empty, AppInfo),
  'events.next': method(
    z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(30_000).default(25_000) }),
    z.object({ sequence: z.number().int(), reset: z.boolean(), events: z.array(ChangeEvent) }),
  ),
  'db.check': method(Empty, DatabaseCheck),
  'authorities.list': method(Empty, z.array(Authority)),
  'plans.list': method(Empty, z.array(PlanSummary)),
  'plans.overview': method(z.object({ planId: Id }).strict(), PlanOverview),
  'plans.create': method(CreatePlanInput, PlanSummary, true),
  'plans.update': method(UpdatePlanInput, PlanSummary, true),
  'actions.list': method(z.object({ planId: Id }).strict(), z.array(ActionRow)),
} satisfies Record<string, MethodDefinition>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
