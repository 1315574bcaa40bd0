// Contract methods for importing published DfE statistics (Explore Education Statistics CSV files) as KPI values and comparators.
import * as z from 'zod';
import { Id, method, type MethodDefinition } from './contract-kit';
import { FREQUENCIES, KPI_UNITS, SUPPRESSION_CODES } from './vocabulary';

/** The largest file taken: published files are a few megabytes; the transport carries 30 MiB. */
export const MAX_DFE_FILE_BYTES = 25_000_000;

/** How a "Reporting year" of 2025 reads: the year to 31 March 2025, or the workforce census year to 30 September 2025. */
export const DFE_YEAR_READINGS = ['year-to-march', 'census-year'] as const;
export type DfeYearReading = (typeof DFE_YEAR_READINGS)[number];

const YearReading = z.enum(DFE_YEAR_READINGS, {
  message: 'Say how the file’s years read: years to 31 March, or workforce census years to 30 September',
});

const Code = z.enum(SUPPRESSION_CODES);

const fileFields = {
  fileName: z
    .string({ message: 'Give the file’s name' })
    .trim()
    .min(1, 'Give the file’s name')
    .max(255, 'The file’s name can be at most 255 characters'),
  content: z.string({ message: 'Give the file’s contents as text' }),
};

/**
 * The size is checked on the whole input so the message can name the file. Characters stand in
 * for bytes: published files are plain ASCII apart from a few names.
 */
function withinSize(input: { fileName: string; content: string }, context: z.RefinementCtx): void {
  if (input.content.length <= MAX_DFE_FILE_BYTES) return;
  const megabytes = (input.content.length / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  context.addIssue({
    code: 'custom',
    path: ['content'],
    message: `“${input.fileName}” is ${megabytes} MB, over the 25 MB a published statistics file can be here: choose the file for the indicator, not a whole collection`,
  });
}

export const DfeInspectInput = z.object(fileFields).strict().superRefine(withinSize);
export type DfeInspectInput = z.input<typeof DfeInspectInput>;

export const DfeSelectionInput = z
  .object({
    planId: Id,
    kpiId: Id,
    ...fileFields,
    /** The council by DfE number (886), ONS code (E10000016) or name as the file writes it (Kent), in any case. */
    council: z.string({ message: 'Choose the council' }).trim().min(1, 'Choose the council').max(200, 'That is not a council’s name or code'),
    measure: z.string({ message: 'Choose the column to import' }).trim().min(1, 'Choose the column to import').max(200, 'That is not a column of the file'),
    /** The value each filter column must have, such as { care_leaver_age: '19 to 21 years' }. */
    filters: z
      .record(
        z.string().max(200, 'That is not a column of the file'),
        z.string({ message: 'Choose one of the column’s values' }).max(500, 'That is not one of the column’s values'),
      )
      .default({}),
    /** Needed when the file has reporting years. */
    year: YearReading.optional(),
  })
  .strict()
  .superRefine(withinSize);
export type DfeSelectionInput = z.input<typeof DfeSelectionInput>;

// ---------------------------------------------------------------- values crossing the contract

const PeriodReading = z.object({
  /** The period key the figure is stored under, or null when it cannot be (a year to March before 2012/13 reads as a month). */
  key: z.string().nullable(),
  label: z.string(),
  shape: z.enum(['week', 'month', 'quarter', 'financial-year', 'census-year']),
});
export type DfePeriodReading = z.infer<typeof PeriodReading>;

export const DfeLayout = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  /** Columns with numbers in them, other than geography and time. */
  measures: z.array(
    z.object({
      column: z.string(),
      numbers: z.number().int(),
      codes: z.number().int(),
      /** A value that is neither a number nor a suppression code, with where it is, or null. */
      problem: z.string().nullable(),
    }),
  ),
  /** Columns of words whose value picks the rows, such as care_leaver_age. */
  filters: z.array(z.object({ column: z.string(), values: z.array(z.string()) })),
  councils: z.array(
    z.object({
      /** The DfE number (old_la_code), such as 886. */
      number: z.string(),
      name: z.string(),
      onsCodes: z.array(z.string()),
      region: z.string().nullable(),
      /** Whether the statistical-neighbour groupings list this council. */
      hasNeighbours: z.boolean(),
    }),
  ),
  /** The file's periods, newest first, each as it reads under either year reading (the same unless it is a reporting year). */
  periods: z.array(
    z.object({
      timePeriod: z.string(),
      timeIdentifier: z.string(),
      readings: z.object({ 'year-to-march': PeriodReading, 'census-year': PeriodReading }),
    }),
  ),
  /** The file has reporting years, so the year reading must be chosen. */
  needsYear: z.boolean(),
  /** What the built-in catalogue says about a file of this name. */
  suggestion: z
    .object({
      year: YearReading,
      indicators: z.array(z.object({ key: z.string(), name: z.string(), measure: z.string(), filters: z.record(z.string(), z.string()) })),
    })
    .nullable(),
});
export type DfeLayout = z.infer<typeof DfeLayout>;

const Figure = z.object({ value: z.number().nullable(), suppressionCode: Code.nullable() });
export type DfeFigure = z.infer<typeof Figure>;

/** One figure of the preview: what the file gives, what is stored, and what importing does. */
const PreviewCell = z.object({
  /** Null when the file gives no figure. */
  figure: Figure.nullable(),
  stored: Figure.nullable(),
  /** What is stored under another label now, for a comparator ("Statistical neighbours (mean of 9)"). */
  storedLabel: z.string().nullable(),
  change: z.enum(['new', 'changed', 'unchanged', 'removed', 'none']),
});
export type DfePreviewCell = z.infer<typeof PreviewCell>;

const ComparatorCell = PreviewCell.extend({ label: z.string().nullable() });

export const DfePreview = z.object({
  kpi: z.object({ id: Id, reference: z.string(), name: z.string(), unit: z.enum(KPI_UNITS), frequency: z.enum(FREQUENCIES) }),
  council: z.object({ number: z.string(), name: z.string(), region: z.string().nullable(), onsCodes: z.array(z.string()) }),
  measure: z.string(),
  filters: z.record(z.string(), z.string()),
  year: YearReading.nullable(),
  /** The council's statistical neighbours, or an empty list when the groupings do not list it. */
  neighbours: z.array(z.object({ number: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      period: z.string(),
      periodLabel: z.string(),
      timePeriod: z.string(),
      /** The council's row in the file. */
      line: z.number().int(),
      value: PreviewCell,
      england: ComparatorCell,
      region: ComparatorCell,
      neighbours: ComparatorCell.extend({ count: z.number().int(), of: z.number().int() }),
    }),
  ),
  /** What the person should know before importing: periods left out, a year reading that differs from the catalogue's. */
  notes: z.array(z.string()),
  counts: z.object({
    values: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
    comparators: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), removed: z.number().int() }),
  }),
});
export type DfePreview = z.infer<typeof DfePreview>;

export const DfeImportResult = z.object({
  kpiId: Id,
  periods: z.number().int(),
  values: z.object({ saved: z.number().int(), unchanged: z.number().int() }),
  comparators: z.object({ saved: z.number().int(), removed: z.number().int(), unchanged: z.number().int() }),
  /** What was loaded, in a sentence. */
  summary: z.string(),
});
export type DfeImportResult = z.infer<typeof DfeImportResult>;

// ---------------------------------------------------------------- the methods

export const dfeImportMethods = {
  /** Reads a file's layout: its measures, filters, councils and periods. Refuses a file in another layout, naming what is missing. */
  'dfe.inspect': method(DfeInspectInput, DfeLayout),
  /** What importing would load into the KPI, against what is stored. */
  'dfe.preview': method(DfeSelectionInput, DfePreview),
  /** Loads the council's series as the KPI's values, and England, region and statistical-neighbour figures as its comparators: all or nothing. */
  'dfe.import': method(DfeSelectionInput, DfeImportResult, true),
} satisfies Record<string, MethodDefinition>;
