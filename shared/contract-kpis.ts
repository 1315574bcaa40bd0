// Contract methods for KPIs: their definitions (typed in or added from the DfE catalogue), links
// to themes and actions, the values grid, the scorecard and the series a chart draws.
import * as z from 'zod';
import { Id, IsoDate, method, optionalText, RagSchema, title, type MethodDefinition } from './contract-kit';
import { FREQUENCIES, KPI_UNITS, POLARITIES, SUPPRESSION_CODES } from './vocabulary';

// ---------------------------------------------------------------- values crossing the contract

const Ref = z.object({ id: Id, reference: z.string(), title: z.string() });

const Published = z
  .object({
    file: z.string(),
    measure: z.string(),
    filters: z.record(z.string(), z.string()),
    year: z.enum(['year-to-march', 'census-year']),
  })
  .nullable();

export const CatalogueItem = z.object({
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(KPI_UNITS),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  source: z.string(),
  published: Published,
  /** The plan's KPI made from this entry, if it has one. */
  kpiId: Id.nullable(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const Kpi = z.object({
  id: Id,
  reference: z.string(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.enum(KPI_UNITS),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  source: z.string().nullable(),
  catalogueKey: z.string().nullable(),
  baselineValue: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetLower: z.number().nullable(),
  targetUpper: z.number().nullable(),
  tolerance: z.number().nullable(),
  themes: z.array(Ref),
  actions: z.array(Ref),
  valueCount: z.number().int(),
});
export type Kpi = z.infer<typeof Kpi>;

const Code = z.enum(SUPPRESSION_CODES);

/** One stored value: a number, or a suppression code in its place (never a zero), or neither. */
export const KpiCell = z.object({
  value: z.number().nullable(),
  suppressionCode: Code.nullable(),
  provisional: z.boolean(),
  note: z.string().nullable(),
});
export type KpiCell = z.infer<typeof KpiCell>;

export const PeriodColumn = z.object({ key: z.string(), label: z.string(), start: IsoDate, end: IsoDate });
export type PeriodColumn = z.infer<typeof PeriodColumn>;

export const KpiGrid = z.object({
  periods: z.array(PeriodColumn),
  rows: z.array(
    z.object({
      id: Id,
      reference: z.string(),
      name: z.string(),
      unit: z.enum(KPI_UNITS),
      frequency: z.enum(FREQUENCIES),
      /** Keyed by period key; a period with nothing stored is absent. */
      cells: z.record(z.string(), KpiCell),
    }),
  ),
});
export type KpiGrid = z.infer<typeof KpiGrid>;

const Rating = z.object({ rag: RagSchema.exclude(['blue']).nullable(), explanation: z.string() });
const Travel = z.object({ direction: z.enum(['improving', 'worsening', 'no-change', 'unknown']), explanation: z.string() });

const ComparatorKind = z.enum(['england', 'region', 'statistical-neighbours', 'other']);
export type ComparatorKind = z.infer<typeof ComparatorKind>;

export const ComparatorLatest = z.object({
  kind: ComparatorKind,
  label: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  value: z.number().nullable(),
  suppressionCode: Code.nullable(),
});
export type ComparatorLatest = z.infer<typeof ComparatorLatest>;

export const ScorecardRow = z.object({
  id: Id,
  reference: z.string(),
  name: z.string(),
  unit: z.enum(KPI_UNITS),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  latest: KpiCell.extend({ period: z.string(), periodLabel: z.string() }).nullable(),
  /** The target in words: "85%", or "90% to 95%" for a band, with the tolerance. */
  target: z.string().nullable(),
  rating: Rating,
  travel: Travel,
  comparators: z.array(ComparatorLatest),
  /** The last values in period order, null where a period had no number; for a sparkline. */
  sparkline: z.array(z.number().nullable()),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

export const Scorecard = z.object({
  groups: z.array(z.object({ theme: Ref.nullable(), rows: z.array(ScorecardRow) })),
  kpiCount: z.number().int(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const SeriesPoint = KpiCell.extend({
  period: z.string(),
  label: z.string(),
  start: IsoDate,
  end: IsoDate,
  rating: Rating,
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const KpiSeries = z.object({
  kpi: Kpi,
  points: z.array(SeriesPoint),
  comparators: z.array(
    z.object({
      kind: ComparatorKind,
      label: z.string(),
      points: z.array(z.object({ period: z.string(), label: z.string(), end: IsoDate, value: z.number().nullable(), suppressionCode: Code.nullable() })),
    }),
  ),
  /** Dates worth marking on a chart: the inspection, monitoring visits and other reviews. */
  events: z.array(z.object({ date: IsoDate, label: z.string(), kind: z.enum(['inspection', 'monitoring-visit', 'review']) })),
});
export type KpiSeries = z.infer<typeof KpiSeries>;

// ---------------------------------------------------------------- inputs

const kpiReference = z
  .string({ message: 'Enter the KPI’s reference' })
  .trim()
  .min(1, 'Enter the KPI’s reference, such as K01')
  .max(20, 'The reference can be at most 20 characters');
const finite = (what: string) => z.number({ message: `The ${what} must be a number` }).finite(`The ${what} must be a number`);

type Problem = (path: string, message: string) => void;
const problems = (context: z.RefinementCtx): Problem => (path, message) => context.addIssue({ code: 'custom', path: [path], message });

/** A band needs both ends, the lower below the upper; a tolerance is never negative. */
export function checkTargets(
  target: { targetLower?: number | null; targetUpper?: number | null; tolerance?: number | null },
  problem: Problem,
): void {
  const { targetLower, targetUpper, tolerance } = target;
  if (targetLower != null && targetUpper != null && targetLower > targetUpper) {
    problem('targetUpper', 'The upper target cannot be below the lower target');
  }
  if (tolerance != null && tolerance < 0) problem('tolerance', 'The tolerance is how far short still counts as amber: it cannot be negative');
}

const kpiFields = {
  definition: optionalText(5000),
  unit: z.enum(KPI_UNITS, { message: 'Choose the unit' }),
  polarity: z.enum(POLARITIES, { message: 'Say whether higher or lower is better' }),
  frequency: z.enum(FREQUENCIES, { message: 'Choose how often it is measured' }),
  source: optionalText(1000),
  baselineValue: finite('baseline').nullable().optional(),
  baselinePeriod: optionalText(40),
  targetValue: finite('target').nullable().optional(),
  targetLower: finite('lower target').nullable().optional(),
  targetUpper: finite('upper target').nullable().optional(),
  tolerance: finite('tolerance').nullable().optional(),
};

export const CreateKpiInput = z
  .object({ planId: Id, reference: kpiReference.optional(), name: title('KPI’s name'), ...kpiFields })
  .strict()
  .superRefine((input, context) => checkTargets(input, problems(context)));
export type CreateKpiInput = z.input<typeof CreateKpiInput>;

export const UpdateKpiInput = z
  .object({
    kpiId: Id,
    reference: kpiReference.optional(),
    name: title('KPI’s name').optional(),
    ...kpiFields,
    unit: kpiFields.unit.optional(),
    polarity: kpiFields.polarity.optional(),
    frequency: kpiFields.frequency.optional(),
  })
  .strict()
  .superRefine((input, context) => checkTargets(input, problems(context)));
export type UpdateKpiInput = z.input<typeof UpdateKpiInput>;

/** A cell as the grid sends it. No number, no code and no note clears the cell. */
export const CellInput = z
  .object({
    kpiId: Id,
    period: z.string({ message: 'Give the period' }).trim().min(1, 'Give the period').max(20, 'That is not a period'),
    value: finite('value').nullable(),
    suppressionCode: Code.nullable().optional(),
    provisional: z.boolean().optional(),
    note: optionalText(2000),
  })
  .strict()
  .superRefine((cell, context) => {
    if (cell.value !== null && cell.suppressionCode) {
      context.addIssue({ code: 'custom', path: ['suppressionCode'], message: 'A cell holds a number or a suppression code, not both' });
    }
  });
export type CellInput = z.input<typeof CellInput>;

const idList = (what: string) => z.array(Id, { message: `Choose the ${what}` }).max(500, `At most 500 ${what} can be chosen`);

export const MAX_CELLS_PER_SAVE = 20_000;

// ---------------------------------------------------------------- the methods

export const kpiMethods = {
  'kpis.catalogue': method(z.object({ planId: Id }).strict(), z.array(CatalogueItem)),
  'kpis.list': method(z.object({ planId: Id }).strict(), z.array(Kpi)),
  'kpis.create': method(CreateKpiInput, Kpi, true),
  /** Adds the chosen catalogue entries as KPIs, skipping any the plan has already. */
  'kpis.addFromCatalogue': method(
    z
      .object({ planId: Id, keys: z.array(z.string().min(1).max(100)).min(1, 'Choose at least one indicator').max(100, 'At most 100 indicators at once') })
      .strict(),
    z.array(Kpi),
    true,
  ),
  'kpis.update': method(UpdateKpiInput, Kpi, true),
  /** Deletes the KPI with its values, comparators and links. */
  'kpis.delete': method(z.object({ kpiId: Id }).strict(), z.object({ deleted: z.literal(true) }), true),
  'kpis.setLinks': method(z.object({ kpiId: Id, themeIds: idList('themes'), actionIds: idList('actions') }).strict(), Kpi, true),
  /** The values of the plan's KPIs of one frequency, in that frequency's periods from one date to another. */
  'kpis.grid': method(
    z
      .object({ planId: Id, frequency: z.enum(FREQUENCIES, { message: 'Choose how often' }), from: IsoDate, to: IsoDate })
      .strict()
      .superRefine((input, context) => {
        if (input.to < input.from) context.addIssue({ code: 'custom', path: ['to'], message: 'The end of the range cannot be before its start' });
      }),
    KpiGrid,
  ),
  /** Saves every cell or none: one bad cell refuses the lot, naming the KPI, the period and what is wrong. */
  'kpis.setValues': method(
    z
      .object({
        planId: Id,
        cells: z
          .array(CellInput, { message: 'Give the cells to save' })
          .min(1, 'There is nothing to save')
          .max(MAX_CELLS_PER_SAVE, `At most ${MAX_CELLS_PER_SAVE.toLocaleString('en-GB')} cells can be saved at once`),
      })
      .strict(),
    z.object({ saved: z.number().int(), cleared: z.number().int() }),
    true,
  ),
  'kpis.scorecard': method(z.object({ planId: Id }).strict(), Scorecard),
  'kpis.series': method(z.object({ kpiId: Id }).strict(), KpiSeries),
} satisfies Record<string, MethodDefinition>;
