// Contract methods for a plan's versions (a refresh after a monitoring visit) and its sub-plans
// (a time-boxed sprint, or a service plan linked to the main plan).
import * as z from 'zod';
import { Id, Instant, IsoDate, isIsoDate, longText, method, PlanOnly, RagSchema, reason, title, type MethodDefinition } from './contract-kit';
import { formatLongDate } from './dates';
import {
  ACTION_CHANGE_FIELDS,
  ACTION_STATUSES,
  NOT_CARRIED_REASONS,
  PLAN_KINDS,
  PLAN_STATUSES,
  SUB_PLAN_KINDS,
} from './vocabulary';

// ---------------------------------------------------------------- values crossing the contract

/** One version of a plan, as the list of a series' versions shows it. */
export const PlanVersion = z.object({
  id: Id,
  version: z.number().int(),
  title: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(PLAN_STATUSES),
  createdAt: Instant,
  createdBy: z.string(),
  /** Why the plan was refreshed into this version; null for the first version. */
  reason: z.string().nullable(),
  /** When the next version replaced this one; null for the current version. */
  supersededAt: Instant.nullable(),
  actionCount: z.number().int(),
  /** Not started, in progress, or complete awaiting evidence: what a refresh carries forward. */
  openActionCount: z.number().int(),
  completeActionCount: z.number().int(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanVersions = z.object({
  /** The newest version of the series: the one to change. */
  currentPlanId: Id,
  /** Oldest first. */
  versions: z.array(PlanVersion),
});
export type PlanVersions = z.infer<typeof PlanVersions>;

export const RefreshResult = z.object({
  plan: PlanVersion,
  previous: PlanVersion,
  carriedActionCount: z.number().int(),
  /** Complete and superseded actions, which stay only in the previous version. */
  notCarriedActionCount: z.number().int(),
});
export type RefreshResult = z.infer<typeof RefreshResult>;

const VersionRef = z.object({ id: Id, version: z.number().int(), title: z.string(), status: z.enum(PLAN_STATUSES) });

/** An action as a comparison of two versions shows it. */
export const ComparedAction = z.object({
  id: Id,
  reference: z.string(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  currentDueDate: IsoDate.nullable(),
});
export type ComparedAction = z.infer<typeof ComparedAction>;

/** One field that differs; dates, statuses and RAG as their codes, people and themes by name. */
export const FieldChange = z.object({
  field: z.enum(ACTION_CHANGE_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof FieldChange>;

const ComparedRecommendation = z.object({ id: Id, number: z.number().int(), text: z.string() });
const ComparedTheme = z.object({ id: Id, reference: z.string(), title: z.string() });

export const VersionComparison = z.object({
  /** The earlier of the two versions compared. */
  from: VersionRef,
  /** The later of the two. */
  to: VersionRef,
  actions: z.object({
    /** In the later version with no earlier action it was carried from. */
    added: z.array(ComparedAction),
    /** In the earlier version and not in the later one, with why. */
    removed: z.array(ComparedAction.extend({ reason: z.enum(NOT_CARRIED_REASONS) })),
    /** Carried forward and changed since. */
    changed: z.array(z.object({ from: ComparedAction, to: ComparedAction, changes: z.array(FieldChange) })),
    unchangedCount: z.number().int(),
  }),
  recommendations: z.object({ added: z.array(ComparedRecommendation), removed: z.array(ComparedRecommendation) }),
  themes: z.object({
    added: z.array(ComparedTheme),
    removed: z.array(ComparedTheme),
    renamed: z.array(z.object({ id: Id, reference: z.string(), fromTitle: z.string(), toTitle: z.string() })),
  }),
});
export type VersionComparison = z.infer<typeof VersionComparison>;

const ActionCountsByStatus = z.object(Object.fromEntries(ACTION_STATUSES.map((status) => [status, z.number().int()])) as {
  [S in (typeof ACTION_STATUSES)[number]]: z.ZodNumber;
});

export const SubPlan = z.object({
  id: Id,
  parentPlanId: Id,
  kind: z.enum(SUB_PLAN_KINDS),
  title: z.string(),
  summary: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  progress: z.object({
    actionCount: z.number().int(),
    byStatus: ActionCountsByStatus,
    ragCounts: z.object({
      red: z.number().int(),
      amber: z.number().int(),
      green: z.number().int(),
      blue: z.number().int(),
      unrated: z.number().int(),
    }),
    /** Complete actions as a whole percentage of those not superseded; 0 when there are none. */
    percentComplete: z.number().int().min(0).max(100),
    /** Days from start to end, both counted; null without both dates. */
    durationDays: z.number().int().nullable(),
    /** Days since the start, today counted, within 0 and the duration. */
    elapsedDays: z.number().int().nullable(),
    /** Days until the end date; negative once it has passed. */
    daysLeft: z.number().int().nullable(),
  }),
  /** The actions of the main plan this sub-plan serves. */
  linkedActions: z.array(ComparedAction.extend({ planId: Id })),
});
export type SubPlan = z.infer<typeof SubPlan>;

// ---------------------------------------------------------------- inputs

const actionIds = z
  .array(Id, { message: 'Choose the actions of the main plan' })
  .max(1000, 'At most 1,000 actions can be linked');

export const RefreshPlanInput = z
  .object({
    planId: Id,
    /** A new title for the new version; the old title is kept when absent. */
    title: title('plan title').optional(),
    reason,
  })
  .strict();
export type RefreshPlanInput = z.input<typeof RefreshPlanInput>;

export const ComparePlansInput = z
  .object({ fromPlanId: Id, toPlanId: Id })
  .strict()
  .refine((input) => input.fromPlanId !== input.toPlanId, {
    message: 'Choose two different versions to compare',
    path: ['toPlanId'],
  });

export const CreateSubPlanInput = z
  .object({
    parentPlanId: Id,
    kind: z.enum(SUB_PLAN_KINDS, { message: 'Choose a sprint or a service plan' }),
    title: title('title of the sub-plan'),
    startDate: IsoDate,
    endDate: IsoDate,
    summary: longText.nullable().optional(),
    linkedActionIds: actionIds.default([]),
  })
  .strict()
  .superRefine((input, context) => {
    const tooEarly = input.kind === 'sprint' ? input.endDate <= input.startDate : input.endDate < input.startDate;
    if (tooEarly && isIsoDate(input.startDate) && isIsoDate(input.endDate)) {
      context.addIssue({
        code: 'custom',
        path: ['endDate'],
        message:
          input.kind === 'sprint'
            ? `A sprint must end after it starts (${formatLongDate(input.startDate)})`
            : `The plan cannot end before it starts (${formatLongDate(input.startDate)})`,
      });
    }
  });
export type CreateSubPlanInput = z.input<typeof CreateSubPlanInput>;

// ---------------------------------------------------------------- the methods

export const versionMethods = {
  'plans.refresh': method(RefreshPlanInput, RefreshResult, true),
  'plans.versions': method(PlanOnly, PlanVersions),
  'plans.compare': method(ComparePlansInput, VersionComparison),
  'plans.createSubPlan': method(CreateSubPlanInput, SubPlan, true),
  'plans.subPlans': method(PlanOnly, z.array(SubPlan)),
  'plans.setSubPlanLinks': method(z.object({ subPlanId: Id, actionIds }).strict(), SubPlan, true),
} satisfies Record<string, MethodDefinition>;
