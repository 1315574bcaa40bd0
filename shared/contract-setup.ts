// Contract methods for setting a plan up and keeping it answerable: recommendations (split from
// the report's text), themes, stages, coverage, and monitoring visits and reviews with findings.
import * as z from 'zod';
import { Id, IsoDate, isIsoDate, longText, method, optionalText, RagSchema, title, type MethodDefinition } from './contract-kit';
import { formatLongDate } from './dates';
import { ACTION_STATUSES, FINDING_KINDS, REVIEW_KINDS } from './vocabulary';

// ---------------------------------------------------------------- values crossing the contract

/** An action as the coverage and review views show it beside what it answers. */
export const AnsweringAction = z.object({
  id: Id,
  reference: z.string(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
});
export type AnsweringAction = z.infer<typeof AnsweringAction>;

const ThemeRef = z.object({ id: Id, reference: z.string(), title: z.string() });

export const Recommendation = z.object({
  id: Id,
  number: z.number().int(),
  text: z.string(),
  themes: z.array(ThemeRef),
  /** Every live action linked to it, superseded ones included, in reference order. */
  actions: z.array(AnsweringAction),
  /** At least one live action that is not superseded answers it; inspectors check every one is. */
  covered: z.boolean(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Theme = z.object({
  id: Id,
  reference: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadId: Id.nullable(),
  leadName: z.string().nullable(),
  /** Live actions in the theme: a theme with any cannot be deleted. */
  actionCount: z.number().int(),
  recommendationCount: z.number().int(),
});
export type Theme = z.infer<typeof Theme>;

export const Stage = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
});
export type Stage = z.infer<typeof Stage>;

export const Finding = z.object({
  id: Id,
  reviewId: Id,
  kind: z.enum(FINDING_KINDS),
  text: z.string(),
  /** The actions made from it or linked to it since. */
  actions: z.array(AnsweringAction),
});
export type Finding = z.infer<typeof Finding>;

export const Review = z.object({
  id: Id,
  kind: z.enum(REVIEW_KINDS),
  title: z.string(),
  focus: z.string().nullable(),
  visitStartDate: IsoDate.nullable(),
  visitEndDate: IsoDate.nullable(),
  letterDate: IsoDate.nullable(),
  letterPublished: z.boolean(),
  summary: z.string().nullable(),
  findings: z.array(Finding),
});
export type Review = z.infer<typeof Review>;

// ---------------------------------------------------------------- inputs

const recommendationText = z
  .string({ message: 'Enter the recommendation' })
  .trim()
  .min(1, 'Enter the recommendation')
  .max(5000, 'A recommendation can be at most 5,000 characters');
const recommendationNumber = z
  .number({ message: 'Enter the recommendation’s number' })
  .int('The number must be a whole number')
  .min(1, 'The number must be 1 or more')
  .max(999, 'The number can be at most 999');
const themeReference = z
  .string({ message: 'Enter the theme’s reference' })
  .trim()
  .min(1, 'Enter the theme’s reference, such as 1 or A')
  .max(20, 'The reference can be at most 20 characters');
const actionReference = z
  .string({ message: 'Enter the reference' })
  .trim()
  .min(1, 'Enter the reference')
  .max(30, 'The reference can be at most 30 characters');
const findingText = z
  .string({ message: 'Enter what the letter says' })
  .trim()
  .min(1, 'Enter what the letter says')
  .max(5000, 'A finding can be at most 5,000 characters');
const idList = (what: string) => z.array(Id, { message: `Choose the ${what}` }).max(100, `At most 100 ${what} can be chosen`);

type Problem = (path: string, message: string) => void;
const problems = (context: z.RefinementCtx): Problem => (path, message) => context.addIssue({ code: 'custom', path: [path], message });

/** The order of a stage's dates, checked on the form and again on the stored stage. */
export function checkStageDates(dates: { startDate?: string | null; endDate?: string | null }, problem: Problem): void {
  if (isIsoDate(dates.startDate) && isIsoDate(dates.endDate) && dates.endDate < dates.startDate) {
    problem('endDate', `The stage cannot end before it starts (${formatLongDate(dates.startDate)})`);
  }
}

/** The order of a review's dates: the visit's end after its start, the letter after the visit. */
export function checkReviewDates(
  dates: { visitStartDate?: string | null; visitEndDate?: string | null; letterDate?: string | null },
  problem: Problem,
): void {
  const { visitStartDate, visitEndDate, letterDate } = dates;
  if (isIsoDate(visitStartDate) && isIsoDate(visitEndDate) && visitEndDate < visitStartDate) {
    problem('visitEndDate', `The visit cannot end before it started (${formatLongDate(visitStartDate)})`);
  }
  const visitOver = visitEndDate ?? visitStartDate;
  if (isIsoDate(visitOver) && isIsoDate(letterDate) && letterDate < visitOver) {
    problem('letterDate', `The letter cannot be dated before the visit ended (${formatLongDate(visitOver)})`);
  }
}

const stageFields = {
  description: optionalText(5000),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
};

const reviewFields = {
  focus: optionalText(2000),
  visitStartDate: IsoDate.nullable().optional(),
  visitEndDate: IsoDate.nullable().optional(),
  letterDate: IsoDate.nullable().optional(),
  letterPublished: z.boolean({ message: 'Say whether the letter is published' }).optional(),
  summary: longText.nullable().optional(),
};

const themeFields = {
  description: optionalText(5000),
  leadId: Id.nullable().optional(),
};

export const CreateStageInput = z
  .object({ planId: Id, name: title('stage’s name'), ...stageFields })
  .strict()
  .superRefine((input, context) => checkStageDates(input, problems(context)));
export type CreateStageInput = z.input<typeof CreateStageInput>;

export const UpdateStageInput = z
  .object({ stageId: Id, name: title('stage’s name').optional(), ...stageFields })
  .strict()
  .superRefine((input, context) => checkStageDates(input, problems(context)));
export type UpdateStageInput = z.input<typeof UpdateStageInput>;

export const CreateReviewInput = z
  .object({ planId: Id, kind: z.enum(REVIEW_KINDS, { message: 'Choose the kind of review' }), title: title('title'), ...reviewFields })
  .strict()
  .superRefine((input, context) => checkReviewDates(input, problems(context)));
export type CreateReviewInput = z.input<typeof CreateReviewInput>;

export const UpdateReviewInput = z
  .object({
    reviewId: Id,
    kind: z.enum(REVIEW_KINDS, { message: 'Choose the kind of review' }).optional(),
    title: title('title').optional(),
    ...reviewFields,
  })
  .strict()
  .superRefine((input, context) => checkReviewDates(input, problems(context)));
export type UpdateReviewInput = z.input<typeof UpdateReviewInput>;

export const FindingToActionInput = z
  .object({
    findingId: Id,
    themeId: Id.nullable().optional(),
    /** Left out, the next free reference in the theme (3.12 after 3.11), or MV1.1 style without one. */
    reference: actionReference.optional(),
    /** Left out, the finding's first sentence, shortened. */
    title: title('title').optional(),
    ownerId: Id.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
  })
  .strict();
export type FindingToActionInput = z.input<typeof FindingToActionInput>;

const Deleted = z.object({ deleted: z.literal(true) });
const PlanOnly = z.object({ planId: Id }).strict();

// ---------------------------------------------------------------- the methods

export const planSetupMethods = {
  'recommendations.list': method(PlanOnly, z.array(Recommendation)),
  'recommendations.split': method(
    z.object({ text: z.string({ message: 'Paste the text of the report' }).max(100_000, 'Paste at most 100,000 characters at a time') }).strict(),
    z.array(z.string()),
  ),
  'recommendations.add': method(
    z
      .object({
        planId: Id,
        texts: z
          .array(recommendationText, { message: 'Give the recommendations to add' })
          .min(1, 'Give at least one recommendation to add')
          .max(100, 'At most 100 recommendations can be added at once'),
      })
      .strict(),
    z.array(Recommendation),
    true,
  ),
  'recommendations.update': method(
    z.object({ recommendationId: Id, text: recommendationText.optional(), number: recommendationNumber.optional() }).strict(),
    Recommendation,
    true,
  ),
  'recommendations.delete': method(z.object({ recommendationId: Id }).strict(), Deleted, true),
  'recommendations.setThemes': method(z.object({ recommendationId: Id, themeIds: idList('themes') }).strict(), Recommendation, true),

  'themes.list': method(PlanOnly, z.array(Theme)),
  'themes.create': method(
    z.object({ planId: Id, reference: themeReference, title: title('theme’s title'), ...themeFields }).strict(),
    Theme,
    true,
  ),
  'themes.update': method(
    z.object({ themeId: Id, reference: themeReference.optional(), title: title('theme’s title').optional(), ...themeFields }).strict(),
    Theme,
    true,
  ),
  'themes.delete': method(z.object({ themeId: Id }).strict(), Deleted, true),

  'stages.list': method(PlanOnly, z.array(Stage)),
  'stages.create': method(CreateStageInput, Stage, true),
  'stages.update': method(UpdateStageInput, Stage, true),
  'stages.delete': method(z.object({ stageId: Id }).strict(), Deleted, true),

  'reviews.list': method(PlanOnly, z.array(Review)),
  'reviews.create': method(CreateReviewInput, Review, true),
  'reviews.update': method(UpdateReviewInput, Review, true),
  'reviews.delete': method(z.object({ reviewId: Id }).strict(), Deleted, true),

  'findings.add': method(
    z.object({ reviewId: Id, kind: z.enum(FINDING_KINDS, { message: 'Choose a strength or an area to improve' }), text: findingText }).strict(),
    Finding,
    true,
  ),
  'findings.update': method(
    z
      .object({
        findingId: Id,
        kind: z.enum(FINDING_KINDS, { message: 'Choose a strength or an area to improve' }).optional(),
        text: findingText.optional(),
      })
      .strict(),
    Finding,
    true,
  ),
  'findings.delete': method(z.object({ findingId: Id }).strict(), Deleted, true),
  /** The reference findings.toAction would give, for the form to show before saving. */
  'findings.nextReference': method(
    z.object({ findingId: Id, themeId: Id.nullable().optional() }).strict(),
    z.object({ reference: z.string() }),
  ),
  'findings.toAction': method(FindingToActionInput, z.object({ finding: Finding, action: AnsweringAction }), true),
} satisfies Record<string, MethodDefinition>;
