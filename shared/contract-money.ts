// Contract methods for workforce projections and the plan's money: budget lines, allocations and spend by financial year.
import * as z from 'zod';
import { BUDGET_KINDS, MAX_AMOUNT_PENCE } from './budget';
import { Id, method, optionalText, title, type MethodDefinition } from './contract-kit';
import { isFinancialYearKey, periodLabel } from './periods';
import { MAX_PROJECTION_YEARS, MAX_RECRUITMENT_CHANNELS } from './workforce';

// ---------------------------------------------------------------- values crossing the contract

const Position = z.object({ filled: z.number(), vacancies: z.number(), vacancyRate: z.number().nullable() });

export const WorkforceYear = z.object({
  financialYear: z.string(),
  label: z.string(),
  filledAtStart: z.number(),
  leavers: z.number(),
  recruitsByChannel: z.array(z.number()),
  recruits: z.number(),
  recruitsBeyondVacancies: z.number(),
  netChange: z.number(),
  end: Position,
});

/** A projection as saved, with its table computed by shared/workforce.ts. */
export const WorkforceProjection = z.object({
  id: Id,
  name: z.string(),
  startYear: z.string(),
  years: z.number().int(),
  totalPosts: z.number().int(),
  currentVacancies: z.number().int(),
  annualTurnoverRate: z.number(),
  recruits: z.array(z.object({ channel: z.string(), counts: z.array(z.number()) })),
  table: z.object({
    totalPosts: z.number(),
    annualTurnoverRate: z.number(),
    channels: z.array(z.string()),
    start: Position,
    years: z.array(WorkforceYear),
    end: Position,
    totals: z.object({ leavers: z.number(), recruits: z.number(), recruitsBeyondVacancies: z.number() }),
  }),
  /** One sentence on where the projection ends. */
  summary: z.string(),
  updatedAt: z.string(),
});
export type WorkforceProjection = z.infer<typeof WorkforceProjection>;

const Amounts = z.object({ allocatedPence: z.number().int(), spentPence: z.number().int() });

export const BudgetEntry = Amounts.extend({ financialYear: z.string(), label: z.string() });
export type BudgetEntry = z.infer<typeof BudgetEntry>;

export const BudgetLine = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(BUDGET_KINDS),
  description: z.string().nullable(),
  /** The years with an allocation or spend, in order. */
  entries: z.array(BudgetEntry),
  /** Over all its years. */
  total: Amounts,
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Budget = z.object({
  /** The plan's financial years (from its start and end dates) and any other year with an entry, in order. */
  years: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Recurrent lines first, then one-off; each kind in the order the lines were added. */
  lines: z.array(BudgetLine),
  totals: z.object({
    byYear: z.array(z.object({ financialYear: z.string(), label: z.string(), recurrent: Amounts, oneOff: Amounts, total: Amounts })),
    recurrent: Amounts,
    oneOff: Amounts,
    total: Amounts,
    estimatedCostPence: z.number().int(),
    oneOffRemainingPence: z.number().int(),
    recurrentLastYear: z.object({ financialYear: z.string(), label: z.string(), allocatedPence: z.number().int() }).nullable(),
  }),
});
export type Budget = z.infer<typeof Budget>;

// ---------------------------------------------------------------- inputs

type Problem = (path: string, message: string) => void;
const problems = (context: z.RefinementCtx): Problem => (path, message) => context.addIssue({ code: 'custom', path: path.split('.'), message });

const financialYear = (what: string) =>
  z
    .string({ message: `Choose the ${what}` })
    .trim()
    .refine(isFinancialYearKey, { message: `The ${what} must be a financial year written like 2024-25 (April 2024 to March 2025)` });

/** True when a number has at most `places` decimal places (within floating-point noise). */
const hasPlaces = (places: number) => (value: number) => {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

const wholeCount = (what: string, example: string, minimum: number) =>
  z
    .number({ message: `Enter the ${what} as a number, such as ${example}` })
    .int(`The ${what} must be a whole number, such as ${example}`)
    .min(minimum, minimum === 0 ? `The ${what} cannot be negative` : `The ${what} must be at least ${minimum}`)
    .max(100_000, `The ${what} can be at most 100,000`);

const recruitCount = z
  .number({ message: 'Enter the recruits as a number of posts (FTE), such as 12 or 2.5' })
  .min(0, 'Recruits cannot be negative')
  .max(10_000, 'At most 10,000 recruits a year')
  .refine(hasPlaces(1), 'Recruits are counted to one decimal place of an FTE, such as 12 or 2.5');

const channelName = z
  .string({ message: 'Name the recruitment channel' })
  .trim()
  .min(1, 'Name the recruitment channel, such as “Experienced social workers”')
  .max(200, 'A channel’s name can be at most 200 characters')
  // Stored as the keys of an object, where a key of digits alone would be moved to the front.
  .refine((name) => !/^\d+$/.test(name), 'Name the channel in words, not only a number');

const projectionFields = {
  name: title('projection’s name'),
  startYear: financialYear('first financial year'),
  years: z
    .number({ message: 'Enter the number of years to project' })
    .int('The number of years must be whole')
    .min(1, 'Project at least one year')
    .max(MAX_PROJECTION_YEARS, `Project at most ${MAX_PROJECTION_YEARS} years`),
  totalPosts: wholeCount('number of posts', '186', 1),
  currentVacancies: wholeCount('number of vacancies now', '30', 0),
  annualTurnoverRate: z
    .number({ message: 'Enter the annual turnover as a percentage, such as 18.6' })
    .min(0, 'Turnover cannot be below 0%')
    .max(100, 'Turnover cannot be above 100%: it is the share of filled posts whose holders leave in a year')
    .refine(hasPlaces(2), 'Give turnover to at most two decimal places, such as 18.6'),
  recruits: z
    .array(z.object({ channel: channelName, counts: z.array(recruitCount).max(MAX_PROJECTION_YEARS) }).strict(), {
      message: 'Give the recruits planned for each channel',
    })
    .max(MAX_RECRUITMENT_CHANNELS, `At most ${MAX_RECRUITMENT_CHANNELS} recruitment channels`),
};

export interface ProjectionShape {
  years: number;
  totalPosts: number;
  currentVacancies: number;
  recruits: { channel: string; counts: number[] }[];
}

/**
 * The rules between a projection's fields, checked on the form and again on the projection as
 * stored when only some fields change: vacancies within the posts, one count per year for each
 * channel, and no channel named twice.
 */
export function checkProjection(projection: ProjectionShape, problem: Problem): void {
  if (projection.currentVacancies > projection.totalPosts) {
    problem('currentVacancies', `There cannot be more vacancies than posts (${projection.totalPosts})`);
  }
  const seen = new Set<string>();
  projection.recruits.forEach((channel, index) => {
    const name = channel.channel.toLocaleLowerCase('en-GB');
    if (seen.has(name)) problem(`recruits.${index}.channel`, `“${channel.channel}” is named twice: give each channel its own name`);
    seen.add(name);
    if (channel.counts.length !== projection.years) {
      problem(
        `recruits.${index}.counts`,
        `Give “${channel.channel}” one number of recruits for each of the ${projection.years} ${projection.years === 1 ? 'year' : 'years'} (${channel.counts.length} given)`,
      );
    }
  });
}

const CreateProjectionInput = z
  .object({ planId: Id, ...projectionFields })
  .strict()
  .superRefine((input, context) => checkProjection(input, problems(context)));
export type CreateProjectionInput = z.input<typeof CreateProjectionInput>;

const UpdateProjectionInput = z
  .object({
    projectionId: Id,
    name: projectionFields.name.optional(),
    startYear: projectionFields.startYear.optional(),
    years: projectionFields.years.optional(),
    totalPosts: projectionFields.totalPosts.optional(),
    currentVacancies: projectionFields.currentVacancies.optional(),
    annualTurnoverRate: projectionFields.annualTurnoverRate.optional(),
    recruits: projectionFields.recruits.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    // The rest is checked against the stored projection when only some fields are given.
    if (input.years !== undefined && input.totalPosts !== undefined && input.currentVacancies !== undefined && input.recruits !== undefined) {
      checkProjection(input as ProjectionShape, problems(context));
    }
  });
export type UpdateProjectionInput = z.input<typeof UpdateProjectionInput>;

const pence = (what: string) =>
  z
    .number({ message: `Enter the amount ${what} in pounds, such as £1,250,000` })
    .int(`The amount ${what} must be whole pence`)
    .min(0, `The amount ${what} cannot be negative`)
    .max(MAX_AMOUNT_PENCE, `The amount ${what} can be at most £1,000,000,000`);

const entryList = z
  .array(
    z.object({ financialYear: financialYear('financial year'), allocatedPence: pence('allocated'), spentPence: pence('spent') }).strict(),
    { message: 'Give the amounts for each financial year' },
  )
  .max(30, 'At most 30 financial years for one line')
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.financialYear)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'financialYear'],
          message: `${periodLabel(entry.financialYear)} is given twice: give each financial year once`,
        });
      }
      seen.add(entry.financialYear);
    });
  });

const budgetLineFields = {
  name: title('budget line’s name'),
  kind: z.enum(BUDGET_KINDS, { message: 'Choose whether the line is recurrent or one-off' }),
  description: optionalText(2000),
};

const Deleted = z.object({ deleted: z.literal(true) });
const PlanOnly = z.object({ planId: Id }).strict();

// ---------------------------------------------------------------- the methods

export const moneyMethods = {
  /** The plan's projections, each with its table of years. */
  'workforce.list': method(PlanOnly, z.array(WorkforceProjection)),
  'workforce.create': method(CreateProjectionInput, WorkforceProjection, true),
  /** Changes any of the fields; the rest stay as stored and the rules are checked on the whole. */
  'workforce.update': method(UpdateProjectionInput, WorkforceProjection, true),
  'workforce.delete': method(z.object({ projectionId: Id }).strict(), Deleted, true),

  'budget.list': method(PlanOnly, Budget),
  /** A new line, with its amounts by year when given. */
  'budget.createLine': method(z.object({ planId: Id, ...budgetLineFields, entries: entryList.optional() }).strict(), BudgetLine, true),
  'budget.updateLine': method(
    z
      .object({
        budgetLineId: Id,
        name: budgetLineFields.name.optional(),
        kind: budgetLineFields.kind.optional(),
        description: budgetLineFields.description,
      })
      .strict(),
    BudgetLine,
    true,
  ),
  /** Deletes the line and its amounts. */
  'budget.deleteLine': method(z.object({ budgetLineId: Id }).strict(), Deleted, true),
  /**
   * Replaces the line's amounts with those given, all or nothing: a year left out, or given with
   * nothing allocated and nothing spent, no longer has an entry.
   */
  'budget.setEntries': method(z.object({ budgetLineId: Id, entries: entryList }).strict(), BudgetLine, true),
} satisfies Record<string, MethodDefinition>;
