// Contract methods for the plan as a spreadsheet: the action plan and KPIs exported to Excel and
// CSV, and a council's own action plan tracker (XLSX or CSV) read, previewed row by row and
// imported as the plan's actions.
import * as z from 'zod';
import { Id, IsoDate, method, RagSchema, type MethodDefinition } from './contract-kit';
import { EXPORT_FORMATS, TRACKER_FIELDS, TRACKER_MAX_ROWS, type TrackerField } from './spreadsheets';
import { ACTION_STATUSES } from './vocabulary';

/** The largest tracker read. */
export const TRACKER_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** Excel's last column is XFD, the 16,384th. */
const MAX_COLUMN_INDEX = 16_383;

/** Base64 carries 3 bytes in every 4 characters, less the padding at the end. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

// ---------------------------------------------------------------- export

const ExportInput = z
  .object({
    planId: Id,
    /** One theme's actions and KPIs only, or the whole plan. */
    themeId: Id.nullable(),
    format: z.enum(EXPORT_FORMATS, { message: 'Choose Excel or CSV' }),
  })
  .strict();

export const SpreadsheetFile = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });
export type SpreadsheetFile = z.infer<typeof SpreadsheetFile>;

// ---------------------------------------------------------------- tracker import

const column = z
  .number({ message: 'Choose a column' })
  .int('Choose a column')
  .min(0, 'Choose a column')
  .max(MAX_COLUMN_INDEX, 'That column is beyond the last column a spreadsheet can have');

const columnsShape = Object.fromEntries(TRACKER_FIELDS.map((field) => [field, column.nullable()])) as Record<TrackerField, z.ZodNullable<typeof column>>;

/** Which column holds what (columns numbered from 0, column A), null where the tracker has none. */
export const TrackerColumns = z.object(columnsShape).strict();
export type TrackerColumns = z.infer<typeof TrackerColumns>;

/** A mapping to import with: the actions' column chosen, and no column taken twice. */
const TrackerMapping = TrackerColumns.superRefine((mapping, context) => {
  if (mapping.title === null) context.addIssue({ code: 'custom', path: ['title'], message: 'Choose the column that holds the actions' });
  const seen = new Map<number, TrackerField>();
  for (const field of TRACKER_FIELDS) {
    const index = mapping[field];
    if (index === null) continue;
    if (seen.has(index)) context.addIssue({ code: 'custom', path: [field], message: 'That column is already chosen for something else' });
    else seen.set(index, field);
  }
});

const headerRow = z
  .number({ message: 'Give the row the headings are in' })
  .int('Give the row the headings are in as a whole number')
  .min(1, 'Rows are numbered from 1')
  .max(TRACKER_MAX_ROWS, `A tracker has at most ${TRACKER_MAX_ROWS.toLocaleString('en-GB')} rows`);

const name = z.string({ message: 'Give the name as the file writes it' }).trim().min(1, 'Give the name as the file writes it').max(300, 'A name can be at most 300 characters');

/** A value typed in the preview in place of what the file holds at one row and column. */
const Fix = z
  .object({
    row: z.number({ message: 'Give the row' }).int('Give the row as a whole number').min(1, 'Rows are numbered from 1').max(1_048_576, 'That row is beyond the last row a spreadsheet can have'),
    field: z.enum(TRACKER_FIELDS, { message: 'Say which column the correction is for' }),
    text: z.string({ message: 'Type the corrected value' }).max(20_000, 'A value can be at most 20,000 characters'),
  })
  .strict();
export type TrackerFix = z.infer<typeof Fix>;

const TrackerInput = z
  .object({
    planId: Id,
    fileName: z.string({ message: 'Choose a file' }).trim().min(1, 'Choose a file').max(255, 'The file name can be at most 255 characters'),
    contentBase64: z
      .base64({ message: 'The file’s content did not arrive whole; choose the file again' })
      .min(1, 'The file is empty: choose the council’s action plan tracker'),
    sheet: z.string({ message: 'Choose the sheet' }).min(1, 'Choose the sheet').max(255, 'That is not a sheet of this file').optional(),
    headerRow: headerRow.optional(),
    mapping: TrackerMapping.optional(),
    fixes: z.array(Fix).max(50_000, 'At most 50,000 corrections can be made at once').optional(),
    /** Names of owners and leads, as the file writes them, to add to the council's people. */
    newPeople: z.array(name).max(2_000, 'At most 2,000 people can be added at once').optional(),
    /** Themes, as the file writes them, to add to the plan. */
    newThemes: z.array(name).max(500, 'At most 500 themes can be added at once').optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (decodedSize(input.contentBase64) > TRACKER_FILE_MAX_BYTES) {
      context.addIssue({
        code: 'custom',
        path: ['contentBase64'],
        message: `“${input.fileName}” is larger than 20 MB, the largest tracker the import reads. Save the sheet of actions on its own and choose that`,
      });
    }
  });
export type TrackerInput = z.input<typeof TrackerInput>;

export const TrackerColumn = z.object({
  index: z.number().int(),
  /** A, B, … AA. */
  letter: z.string(),
  /** The heading as written, "" when the column has none. */
  header: z.string(),
});
export type TrackerColumn = z.infer<typeof TrackerColumn>;

export const TrackerProblem = z.object({
  /** The sheet's own row number; null for a problem with the whole file. */
  row: z.number().int().nullable(),
  field: z.enum(TRACKER_FIELDS).nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  /** What the file holds there (or the correction typed), as shown, for the person to correct. */
  given: z.string().nullable(),
  message: z.string(),
  /** The whole message: "Row 7, column D (When?): “end of Sept” is not a date …". */
  text: z.string(),
});
export type TrackerProblem = z.infer<typeof TrackerProblem>;

/** One action as the import would make it, with its problems. */
export const TrackerRow = z.object({
  row: z.number().int(),
  reference: z.string().nullable(),
  /** The file gives no reference, so the next free one is suggested. */
  referenceSuggested: z.boolean(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  /** The theme as the plan names it: "2. Practice", or the new theme's. */
  theme: z.string().nullable(),
  themeIsNew: z.boolean(),
  owner: z.string().nullable(),
  ownerIsNew: z.boolean(),
  lead: z.string().nullable(),
  leadIsNew: z.boolean(),
  startDate: IsoDate.nullable(),
  dueDate: IsoDate.nullable(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  update: z.string().nullable(),
  updateDate: IsoDate.nullable(),
  /** The file gives the update no date, so it is dated the day of the import. */
  updateDateAssumed: z.boolean(),
  measuresOfSuccess: z.string().nullable(),
  problems: z.array(TrackerProblem),
});
export type TrackerRow = z.infer<typeof TrackerRow>;

const Unknown = z.object({
  /** As the file writes it. */
  name: z.string(),
  rows: z.array(z.number().int()),
  /** Whether the person asked for it to be added. */
  add: z.boolean(),
});

export const TrackerInspection = z.object({
  fileKind: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.object({ name: z.string(), rowCount: z.number().int() })),
  sheet: z.string(),
  rowCount: z.number().int(),
  headerRow: z.number().int(),
  columns: z.array(TrackerColumn),
  mapping: TrackerColumns,
  /** When the mapping is the one last used for this plan: the file it was used with, and when. */
  remembered: z.object({ fileName: z.string(), savedAt: z.string() }).nullable(),
  rememberedNotUsed: z.string().nullable(),
  /** Every row of actions under the headings; blank rows are passed over. */
  rows: z.array(TrackerRow),
  /** Problems with the whole file or mapping (row null), then each row's, at most 500 listed. */
  problems: z.array(TrackerProblem),
  problemCount: z.number().int(),
  /** Owners and leads the council's people do not include. */
  unknownPeople: z.array(Unknown),
  /** Themes the plan does not have. */
  unknownThemes: z.array(Unknown),
  counts: z.object({ actions: z.number().int(), updates: z.number().int(), newPeople: z.number().int(), newThemes: z.number().int() }),
});
export type TrackerInspection = z.infer<typeof TrackerInspection>;

export const TrackerImported = z.object({
  actions: z.number().int(),
  updates: z.number().int(),
  people: z.number().int(),
  themes: z.number().int(),
});
export type TrackerImported = z.infer<typeof TrackerImported>;

export const spreadsheetMethods = {
  /** The action plan and KPIs as an Excel workbook, or one of their tables as CSV. */
  'spreadsheets.exportPlan': method(ExportInput, SpreadsheetFile),
  /** Reads a tracker: its sheets, the row of headings, which columns hold what, and every row as it would be imported, with its problems. */
  'spreadsheets.inspectTracker': method(TrackerInput, TrackerInspection),
  /** Imports every row of the tracker as an action of the plan, or, if any problem remains, none; remembers the columns for next time. */
  'spreadsheets.importTracker': method(TrackerInput, TrackerImported, true),
} satisfies Record<string, MethodDefinition>;
