// Contract methods for importing the performance team's figures from CSV or XLSX, with a column-mapping step and a preview.
import * as z from 'zod';
import { Id, method, type MethodDefinition } from './contract-kit';
import { KpiCell } from './contract-kpis';
import { KPI_UNITS, SUPPRESSION_CODES } from './vocabulary';

/** The largest file read: monthly returns are far smaller. */
export const FIGURES_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** The most rows a sheet may have. */
export const FIGURES_MAX_ROWS = 100_000;
/** The most values one import saves. */
export const FIGURES_MAX_CELLS = 20_000;
/** Excel's last column is XFD, the 16,384th. */
const MAX_COLUMN_INDEX = 16_383;

export const FIGURES_LAYOUTS = ['long', 'wide'] as const;
export type FiguresLayout = (typeof FIGURES_LAYOUTS)[number];

/** Base64 carries 3 bytes in every 4 characters, less the padding at the end. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

const fileFields = {
  planId: Id,
  fileName: z
    .string({ message: 'Choose a file' })
    .trim()
    .min(1, 'Choose a file')
    .max(255, 'The file name can be at most 255 characters'),
  contentBase64: z
    .base64({ message: 'The file’s content did not arrive whole; choose the file again' })
    .min(1, 'The file is empty: choose the spreadsheet the performance team sent'),
};

function checkFileSize(input: { fileName: string; contentBase64: string }, context: z.RefinementCtx): void {
  const size = decodedSize(input.contentBase64);
  if (size > FIGURES_FILE_MAX_BYTES) {
    context.addIssue({
      code: 'custom',
      path: ['contentBase64'],
      message: `“${input.fileName}” is larger than ${megabytes(FIGURES_FILE_MAX_BYTES)}, the largest file the import reads. Save the sheet of figures on its own and choose that`,
    });
  }
}

const sheetName = z.string({ message: 'Choose the sheet' }).min(1, 'Choose the sheet').max(255, 'That is not a sheet of this file');
const column = z
  .number({ message: 'Choose a column' })
  .int('Choose a column')
  .min(0, 'Choose a column')
  .max(MAX_COLUMN_INDEX, 'That column is beyond the last column a spreadsheet can have');
const headerRow = z
  .number({ message: 'Give the row the headings are in' })
  .int('Give the row the headings are in as a whole number')
  .min(1, 'Rows are numbered from 1')
  .max(FIGURES_MAX_ROWS, `A sheet has at most ${FIGURES_MAX_ROWS.toLocaleString('en-GB')} rows`);

/** Which columns hold what. Columns are numbered from 0 (column A). */
const MappingShape = z
  .object({
    headerRow,
    layout: z.enum(FIGURES_LAYOUTS, { message: 'Choose how the sheet is laid out' }),
    /** The KPI's reference or name. */
    kpiColumn: column,
    /** Long layout: the period of each row, and its value. */
    periodColumn: column.nullable(),
    valueColumn: column.nullable(),
    /** Long layout, optional: whether the figure is provisional, and a note. */
    provisionalColumn: column.nullable(),
    noteColumn: column.nullable(),
    /** Wide layout: the columns whose headings are periods. */
    periodColumns: z.array(column).max(MAX_COLUMN_INDEX + 1),
  })
  .strict();

/** A mapping complete for its layout, with no column chosen twice. */
export const FiguresMapping = MappingShape.superRefine((mapping, context) => {
  const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (mapping.layout === 'long') {
    if (mapping.periodColumn === null) problem('periodColumn', 'Choose the column that holds the period');
    if (mapping.valueColumn === null) problem('valueColumn', 'Choose the column that holds the value');
    const named = [
      ['kpiColumn', mapping.kpiColumn],
      ['periodColumn', mapping.periodColumn],
      ['valueColumn', mapping.valueColumn],
      ['provisionalColumn', mapping.provisionalColumn],
      ['noteColumn', mapping.noteColumn],
    ] as const;
    named.forEach(([path, index], position) => {
      if (index !== null && named.slice(0, position).some(([, other]) => other === index)) problem(path, 'That column is already chosen for something else');
    });
  } else {
    if (mapping.periodColumns.length === 0) problem('periodColumns', 'Choose at least one column of figures');
    if (mapping.periodColumns.includes(mapping.kpiColumn)) problem('periodColumns', 'The KPI column cannot also be a column of figures');
  }
});
export type FiguresMapping = z.infer<typeof FiguresMapping>;

const InspectInput = z
  .object({ ...fileFields, sheet: sheetName.optional(), headerRow: headerRow.optional() })
  .strict()
  .superRefine(checkFileSize);
const PreviewInput = z
  .object({ ...fileFields, sheet: sheetName, mapping: FiguresMapping })
  .strict()
  .superRefine(checkFileSize);
const ImportInput = z
  .object({
    ...fileFields,
    sheet: sheetName,
    mapping: FiguresMapping,
    /** Leave out the rows whose KPI is none of the plan's; without it they refuse the import. */
    leaveOutUnmatched: z.boolean({ message: 'Say whether to leave out the rows whose KPI the plan does not have' }),
  })
  .strict()
  .superRefine(checkFileSize);

export const FiguresColumn = z.object({
  index: z.number().int(),
  /** A, B, … AA. */
  letter: z.string(),
  /** The heading as written, "" when the column has none. */
  header: z.string(),
  /** How the heading reads as a period, or null when it is not one. */
  period: z.string().nullable(),
  /** Why the heading is not a period, when it looks like one. */
  periodProblem: z.string().nullable(),
});
export type FiguresColumn = z.infer<typeof FiguresColumn>;

export const FiguresInspection = z.object({
  fileKind: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.object({ name: z.string(), rowCount: z.number().int() })),
  sheet: z.string(),
  rowCount: z.number().int(),
  headerRow: z.number().int(),
  columns: z.array(FiguresColumn),
  /** The first rows under the headings, as shown. */
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** A mapping to start from; it may lack a column the sheet does not make clear. */
  mapping: MappingShape,
  /** When the mapping is the one last used for this plan: the file it was used with, and when. */
  remembered: z.object({ fileName: z.string(), savedAt: z.string() }).nullable(),
  /** Why the mapping last used was not set again, when there is one. */
  rememberedNotUsed: z.string().nullable(),
});
export type FiguresInspection = z.infer<typeof FiguresInspection>;

export const FiguresProblem = z.object({
  /** The sheet's own row number and column, when the problem is at one cell. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
  /** The whole message: "Row 14, column C (March 2024): K02: a percentage cannot be over 100 (104 was entered)". */
  text: z.string(),
});
export type FiguresProblem = z.infer<typeof FiguresProblem>;

export const FIGURES_STATUSES = ['new', 'changed', 'same'] as const;
export type FiguresStatus = (typeof FIGURES_STATUSES)[number];

export const FiguresPreviewCell = z.object({
  row: z.number().int(),
  column: z.string(),
  kpiId: Id,
  reference: z.string(),
  name: z.string(),
  unit: z.enum(KPI_UNITS),
  period: z.string(),
  periodLabel: z.string(),
  /** What is stored now, or null. */
  current: KpiCell.nullable(),
  /** What the file gives: provisional and note are null where the file does not say. */
  incoming: z.object({
    value: z.number().nullable(),
    suppressionCode: z.enum(SUPPRESSION_CODES).nullable(),
    provisional: z.boolean().nullable(),
    note: z.string().nullable(),
  }),
  status: z.enum(FIGURES_STATUSES),
});
export type FiguresPreviewCell = z.infer<typeof FiguresPreviewCell>;

export const FiguresPreview = z.object({
  cells: z.array(FiguresPreviewCell),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    same: z.number().int(),
    /** Blank cells, which are left out: they never clear what is stored. */
    blank: z.number().int(),
  }),
  /** At most 500 are listed; problemCount counts them all. */
  problems: z.array(FiguresProblem),
  problemCount: z.number().int(),
  /** KPIs named in the file that match none of the plan's, with the rows that name them. */
  unmatched: z.array(z.object({ label: z.string(), rows: z.array(z.number().int()) })),
  unmatchedRowCount: z.number().int(),
});
export type FiguresPreview = z.infer<typeof FiguresPreview>;

export const FiguresImported = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  blank: z.number().int(),
  rowsLeftOut: z.number().int(),
});
export type FiguresImported = z.infer<typeof FiguresImported>;

export const figuresImportMethods = {
  /** Reads the file: its sheets, the chosen sheet's headings and first rows, and a mapping to start from. */
  'figures.inspect': method(InspectInput, FiguresInspection),
  /** What importing with this mapping would do, cell by cell, and every problem, by row and column. */
  'figures.preview': method(PreviewInput, FiguresPreview),
  /** Saves every figure of the file or, if any problem remains, none; remembers the mapping for next time. */
  'figures.import': method(ImportInput, FiguresImported, true),
} satisfies Record<string, MethodDefinition>;
