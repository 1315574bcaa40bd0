// The one contract between the renderer (or any other client) and the application services.
// Every method is named `domain.verb` and declares a zod schema for its input and its output;
// the TypeScript types of both ends are derived from here. The dispatcher parses every input
// against these schemas, because IPC and HTTP input is untrusted.
import * as z from 'zod';
import {
  ActionRow,
  ClassificationSchema,
  Empty,
  Id,
  Instant,
  IsoDate,
  isIsoDate,
  longText,
  method,
  optionalText,
  PlanOnly,
  RagSchema,
  reason,
  title,
  type MethodDefinition,
} from './contract-kit';
import { actionEditingMethods } from './contract-actions';
import { backupMethods } from './contract-backups';
import { bundleMethods } from './contract-bundles';
import { dfeImportMethods } from './contract-dfe-import';
import { figuresImportMethods } from './contract-figures-import';
import { historyMethods } from './contract-history';
import { kpiMethods } from './contract-kpis';
import { moneyMethods } from './contract-money';
import { packMethods } from './contract-packs';
import { searchMethods } from './contract-search';
import { versionMethods } from './contract-versions';
import { planSetupMethods } from './contract-setup';
import { spreadsheetMethods } from './contract-spreadsheets';
import { DEADLINE_KINDS } from './deadlines';
import {
  JUDGEMENT_AREAS,
  TIMELINE_EVENT_KINDS,
  CADENCES,
  COMMITTEE_KINDS,
  FREQUENCIES,
  JUDGEMENTS,
  FRAMEWORKS,
  KPI_UNITS,
  PLAN_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  SUPPRESSION_CODES,
} from './vocabulary';

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
  /** The main plan a sprint or service plan serves; null for a main plan. */
  parentPlanId: Id.nullable(),
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
  tolerance: z.number().nullable(),
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

export const Deadline = z.object({
  key: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  label: z.string(),
  rule: z.string(),
  source: z.string(),
  statutory: z.boolean(),
  /** The bank holidays known do not reach this date: it may move when a newer list is loaded. */
  provisional: z.boolean(),
  computedDate: IsoDate,
  windowEnd: IsoDate.nullable(),
  override: z.object({ date: IsoDate, reason: z.string(), by: z.string(), at: Instant }).nullable(),
  /** The date that applies: the override's if there is one, else the computed one. */
  date: IsoDate,
  /** Every earlier override of this date, newest first. */
  history: z.array(z.object({ at: Instant, by: z.string(), from: IsoDate.nullable(), to: IsoDate.nullable(), reason: z.string() })),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineList = z.object({
  /** Why no dates could be computed, when none could. */
  unavailable: z.string().nullable(),
  reportReceivedDate: IsoDate.nullable(),
  deadlines: z.array(Deadline),
  bankHolidaysKnownUntil: z.number().int(),
});
export type DeadlineList = z.infer<typeof DeadlineList>;

export const TimelineEvent = z.object({
  kind: z.enum(TIMELINE_EVENT_KINDS),
  date: IsoDate,
  endDate: IsoDate.nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  /** For actions: their RAG; for deadlines: whether statutory. */
  rag: RagSchema.nullable(),
  statutory: z.boolean(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Meeting = z.object({
  id: Id,
  committeeId: Id,
  meetingDate: IsoDate,
  agendaItem: z.string().nullable(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Committee = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(COMMITTEE_KINDS),
  chair: z.string().nullable(),
  cadence: z.enum(CADENCES),
  meetings: z.array(Meeting),
});
export type Committee = z.infer<typeof Committee>;

export const AttentionRules = z.object({
  /** An action not updated for this many days needs a chase. */
  staleAfterDays: z.number().int().min(1).max(365),
  /** Actions due within this many days are listed as due soon; deadlines likewise. */
  lookAheadDays: z.number().int().min(1).max(180),
  /** An action red at the end of this many financial quarters in a row is escalated. */
  escalateAfterRedQuarters: z.number().int().min(1).max(8),
});
export type AttentionRules = z.infer<typeof AttentionRules>;
export const DEFAULT_ATTENTION_RULES: AttentionRules = { staleAfterDays: 30, lookAheadDays: 30, escalateAfterRedQuarters: 2 };

const AttentionAction = ActionRow.extend({ reason: z.string() });

export const Attention = z.object({
  today: IsoDate,
  rules: AttentionRules,
  deadlinesSoon: z.array(Deadline),
  overdueActions: z.array(AttentionAction),
  actionsDueSoon: z.array(AttentionAction),
  staleActions: z.array(AttentionAction),
  escalations: z.array(AttentionAction),
  kpisOfConcern: z.array(
    z.object({
      id: Id,
      reference: z.string(),
      name: z.string(),
      latestLabel: z.string(),
      rag: RagSchema.nullable(),
      ragExplanation: z.string(),
      direction: z.enum(['improving', 'worsening', 'no-change', 'unknown']),
      travelExplanation: z.string(),
    }),
  ),
  uncoveredRecommendations: z.array(z.object({ id: Id, number: z.number().int(), text: z.string() })),
});
export type Attention = z.infer<typeof Attention>;

export const BankHolidaySummary = z.object({
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  /** When a newer list was loaded by the user, and from which file name; null when only the bundled list is used. */
  loaded: z.object({ at: Instant, fileName: z.string() }).nullable(),
});

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
    /** What each rating means in this plan, shown wherever its RAG is. */
    ragMeanings: z
      .object({
        red: title('meaning of red').pipe(z.string().max(500)),
        amber: title('meaning of amber').pipe(z.string().max(500)),
        green: title('meaning of green').pipe(z.string().max(500)),
        blue: title('meaning of blue').pipe(z.string().max(500)),
      })
      .strict()
      .optional(),
  })
  .strict();
export type UpdatePlanInput = z.input<typeof UpdatePlanInput>;

export const Inspection = z.object({
  id: Id,
  framework: z.enum(FRAMEWORKS),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  reportReceivedDate: IsoDate.nullable(),
  reportPublishedDate: IsoDate.nullable(),
  overallJudgement: z.enum(JUDGEMENTS).nullable(),
  priorityActionAreas: z.boolean(),
  /** The grade for each judgement area of the framework, by the area's key. */
  judgements: z.record(z.string(), z.enum(JUDGEMENTS)),
});
export type Inspection = z.infer<typeof Inspection>;

const when = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
};

export const SaveInspectionInput = z
  .object({
    planId: Id,
    framework: z.enum(FRAMEWORKS, { message: 'Choose the inspection framework' }),
    startDate: IsoDate,
    endDate: IsoDate.nullable().optional(),
    reportReceivedDate: IsoDate.nullable().optional(),
    reportPublishedDate: IsoDate.nullable().optional(),
    overallJudgement: z.enum(JUDGEMENTS).nullable().optional(),
    priorityActionAreas: z.boolean().default(false),
    judgements: z.record(z.string(), z.enum(JUDGEMENTS)).default({}),
  })
  .strict()
  .superRefine((input, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    // A date that failed its own check is reported there, and not compared.
    const started = isIsoDate(input.startDate);
    if (started && input.endDate && isIsoDate(input.endDate) && input.endDate < input.startDate) {
      problem('endDate', `The inspection cannot end before it started (${when(input.startDate)})`);
    }
    if (started && input.reportReceivedDate && isIsoDate(input.reportReceivedDate) && input.reportReceivedDate < input.startDate) {
      problem('reportReceivedDate', `The report cannot have been received before the inspection started (${when(input.startDate)})`);
    }
    if (input.reportPublishedDate && input.reportReceivedDate && isIsoDate(input.reportPublishedDate) && isIsoDate(input.reportReceivedDate) && input.reportPublishedDate < input.reportReceivedDate) {
      problem('reportPublishedDate', `The report cannot have been published before it was received (${when(input.reportReceivedDate)})`);
    }
    const areas = new Set(JUDGEMENT_AREAS[input.framework].map((area) => area.key));
    for (const area of Object.keys(input.judgements)) {
      if (!areas.has(area)) problem(`judgements.${area}`, `“${area}” is not a judgement area of this framework`);
    }
  });
export type SaveInspectionInput = z.input<typeof SaveInspectionInput>;

export const CreateCommitteeInput = z
  .object({
    planId: Id,
    name: title('committee name'),
    kind: z.enum(COMMITTEE_KINDS),
    chair: optionalText(200),
    cadence: z.enum(CADENCES),
    /** The first meeting; further meetings follow the cadence up to `scheduleUntil`. */
    firstMeetingDate: IsoDate,
    scheduleUntil: IsoDate.optional(),
  })
  .strict()
  .refine((input) => !input.scheduleUntil || input.scheduleUntil >= input.firstMeetingDate, {
    message: 'The schedule must end on or after the first meeting',
    path: ['scheduleUntil'],
  });

// ---------------------------------------------------------------- the methods

export { ActionRow, ClassificationSchema, Id, Instant, IsoDate, RagSchema };

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
  'inspections.get': method(PlanOnly, Inspection.nullable()),
  'inspections.save': method(SaveInspectionInput, Inspection, true),
  'deadlines.list': method(PlanOnly, DeadlineList),
  'deadlines.override': method(
    z.object({ planId: Id, key: z.string().min(1).max(100), date: IsoDate, reason }).strict(),
    DeadlineList,
    true,
  ),
  'deadlines.clearOverride': method(z.object({ planId: Id, key: z.string().min(1).max(100), reason }).strict(), DeadlineList, true),
  'timeline.get': method(PlanOnly, z.object({ today: IsoDate, events: z.array(TimelineEvent) })),
  'committees.list': method(PlanOnly, z.array(Committee)),
  'committees.create': method(CreateCommitteeInput, Committee, true),
  'meetings.create': method(
    z.object({ committeeId: Id, meetingDate: IsoDate, agendaItem: optionalText(50), location: optionalText(200) }).strict(),
    Meeting,
    true,
  ),
  'meetings.update': method(
    z
      .object({
        meetingId: Id,
        meetingDate: IsoDate.optional(),
        agendaItem: optionalText(50),
        location: optionalText(200),
        notes: optionalText(5000),
      })
      .strict(),
    Meeting,
    true,
  ),
  'meetings.delete': method(z.object({ meetingId: Id }).strict(), z.object({ deleted: z.literal(true) }), true),
  'attention.get': method(PlanOnly, Attention),
  'attention.updateRules': method(z.object({ planId: Id }).extend(AttentionRules.shape).strict(), AttentionRules, true),
  'bankHolidays.get': method(Empty, BankHolidaySummary),
  'bankHolidays.load': method(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        content: z.string().max(5_000_000, 'The file is larger than a bank-holidays list can be (5 MB)'),
      })
      .strict(),
    BankHolidaySummary,
    true,
  ),
  ...actionEditingMethods,
  ...planSetupMethods,
  ...searchMethods,
  ...versionMethods,
  ...historyMethods,
  ...kpiMethods,
  ...dfeImportMethods,
  ...figuresImportMethods,
  ...moneyMethods,
  ...packMethods,
  ...spreadsheetMethods,
  ...bundleMethods,
  ...backupMethods,
} satisfies Record<string, MethodDefinition>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
