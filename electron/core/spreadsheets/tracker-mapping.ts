// Which column of a tracker holds what: guessed from the headings councils write ("What?",
// "Who?", "When?", "RAG", "Progress update"), helped by what the cells hold where a heading could
// mean two things ("Status" holding Red, Amber and Green is the RAG), and remembered per plan by
// the headings' words, as the figures import remembers its columns.
import * as z from 'zod';
import type { TrackerColumn, TrackerColumns } from '../../../shared/contract-spreadsheets';
import type { Rag } from '../../../shared/rag';
import { TRACKER_FIELD_LABELS, TRACKER_FIELDS, type TrackerField } from '../../../shared/spreadsheets';
import { cellAt, cellText, columnLetter, type Sheet } from '../figures/sheet';
import { looksLikeRag, looksLikeStatus, normaliseWords } from './tracker-cells';

export function trackerColumns(sheet: Sheet, headerRow: number): TrackerColumn[] {
  return Array.from({ length: sheet.columnCount }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: cellText(cellAt(sheet, headerRow, index)).replace(/\s+/g, ' ').trim(),
  }));
}

export const NO_COLUMNS: TrackerColumns = Object.fromEntries(TRACKER_FIELDS.map((field) => [field, null])) as TrackerColumns;

/**
 * Headings for each field, the surer first. Fields are matched in this order, each column going
 * to the first field that claims it: "Update date" is the update's date before it is an update,
 * "Action ref" a reference before it is an action.
 */
const HEADINGS: [TrackerField, RegExp[]][] = [
  ['updateDate', [/^(date of (last )?update|(last )?update(d)? (on|date)|date updated|last updated)$/]],
  ['reference', [/^(ref|ref no|reference|reference number|no|number|#|id|action (ref|reference|no|number|id))$/, /\bref(erence)?\b/]],
  ['rag', [/^(rag|r a g|rag (status|rating)|rating|current rag|overall rag)$/, /\brag\b/]],
  ['update', [/^(progress )?update(s)?$/, /\b(progress update|latest update|update|commentary|comments?|narrative|progress to date|progress made)\b/]],
  ['measuresOfSuccess', [/^(success measures?|measures? of success|outcomes?|impact|how will we know|evidence of impact)$/, /\b(success|outcome|impact|how will we know|difference)\b/]],
  ['startDate', [/^(start|start date|date started|from)$/, /\bstart/]],
  [
    'dueDate',
    [
      /^(due|due date|deadline|by when|when|target date|completion date|date due|timescales?|end date|due by|target completion date)$/,
      /\b(due|deadline|by when|timescale|completion date|target date|end date)\b/,
    ],
  ],
  ['status', [/^(status|current status|progress status|action status)$/, /\bstatus\b/]],
  ['theme', [/^(theme|priority|workstream|work stream|strand|area|area for improvement|objective|priority area)$/, /\b(theme|priority|workstream|work stream|strand)\b/]],
  ['owner', [/^(owner|who|responsible|accountable|responsible officer|accountable officer|action owner|senior responsible officer|sro)$/, /\b(owner|who|responsible|accountable)\b/]],
  ['lead', [/^(lead|lead officer|action lead|operational lead|lead person)$/, /\blead\b/]],
  [
    'title',
    [
      /^(action|actions|what|key actions?|action required|actions? to be taken|improvement actions?|what will we do|what we will do|what are we going to do|task|activity|description of action)$/,
      /\baction(s)?\b/,
    ],
  ],
  ['description', [/^(description|details?|detail of action|further detail)$/, /\b(description|detail)\b/]],
];

const SAMPLE_ROWS = 200;

/** A heading as compared: lower case, spaces and punctuation aside ("What?" is "what"). */
function headingKey(header: string): string {
  return normaliseWords(header).replace(/[?*:]+/g, '').trim();
}

/** The first guess at which column holds what, from the headings in the header row and what the cells beneath hold. */
export function guessTrackerColumns(sheet: Sheet, headerRow: number, rags: Map<string, Rag>): TrackerColumns {
  const columns = trackerColumns(sheet, headerRow);
  const taken = new Set<number>();
  const mapping: TrackerColumns = { ...NO_COLUMNS };
  for (const sure of [true, false]) {
    for (const [field, patterns] of HEADINGS) {
      if (mapping[field] !== null) continue;
      const pattern = sure ? patterns[0] : patterns[1];
      if (!pattern) continue;
      const found = columns.find((column) => !taken.has(column.index) && column.header !== '' && pattern.test(headingKey(column.header)));
      if (found) {
        mapping[field] = found.index;
        taken.add(found.index);
      }
    }
  }
  // "Description" is the action when there is no column of actions.
  if (mapping.title === null && mapping.description !== null) {
    mapping.title = mapping.description;
    mapping.description = null;
  }
  // "Lead" alone is the person accountable.
  if (mapping.owner === null && mapping.lead !== null) {
    mapping.owner = mapping.lead;
    mapping.lead = null;
  }

  const cellsOf = (index: number) => sheet.rows.slice(headerRow, headerRow + SAMPLE_ROWS).map((cells) => cells[index] ?? null).filter((cell) => cellText(cell).trim() !== '');
  const mostlyRag = (index: number) => {
    const cells = cellsOf(index);
    return cells.length > 0 && cells.filter((cell) => looksLikeRag(cell, rags)).length >= cells.length * 0.6;
  };
  // A column of ratings headed "Status" or "Progress" is the RAG.
  if (mapping.rag === null && mapping.status !== null && mostlyRag(mapping.status)) {
    mapping.rag = mapping.status;
    mapping.status = null;
  }
  for (const column of columns) {
    if (taken.has(column.index) || !/\b(progress|position)\b/.test(headingKey(column.header))) continue;
    if (mapping.rag === null && mostlyRag(column.index)) {
      mapping.rag = column.index;
      taken.add(column.index);
    } else if (mapping.status === null) {
      const cells = cellsOf(column.index);
      if (cells.length > 0 && cells.filter(looksLikeStatus).length >= cells.length * 0.6) {
        mapping.status = column.index;
        taken.add(column.index);
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------- the mapping last used

export const RememberedTrackerMapping = z.object({
  fileName: z.string(),
  savedAt: z.string(),
  sheet: z.string(),
  headerRow: z.number().int().min(1),
  /** Each field's heading, or null where no column was taken. */
  headers: z.record(z.enum(TRACKER_FIELDS), z.string().nullable()),
});
export type RememberedTrackerMapping = z.infer<typeof RememberedTrackerMapping>;

export const rememberedTrackerKey = (planId: string) => `plan:${planId}:tracker-import-mapping`;

export function toRemembered(sheet: Sheet, headerRow: number, mapping: TrackerColumns, fileName: string, savedAt: string): RememberedTrackerMapping {
  const columns = trackerColumns(sheet, headerRow);
  const headers = Object.fromEntries(TRACKER_FIELDS.map((field) => [field, mapping[field] === null ? null : (columns[mapping[field]]?.header ?? '')])) as Record<TrackerField, string | null>;
  return { fileName, savedAt, sheet: sheet.name, headerRow, headers };
}

/** The remembered mapping applied to this sheet, or why it does not fit. */
export function applyRemembered(sheet: Sheet, remembered: RememberedTrackerMapping): { mapping: TrackerColumns } | { notUsed: string } {
  const intro = `The columns chosen last time (for “${remembered.fileName}”) are not set again:`;
  if (remembered.headerRow > sheet.rows.length) return { notUsed: `${intro} their headings were in row ${remembered.headerRow}, and this sheet has ${sheet.rows.length} rows.` };
  const columns = trackerColumns(sheet, remembered.headerRow);
  const mapping: TrackerColumns = { ...NO_COLUMNS };
  for (const field of TRACKER_FIELDS) {
    const header = remembered.headers[field] ?? null;
    if (header === null) continue;
    const found = columns.find((column) => headingKey(column.header) === headingKey(header));
    if (!found) return { notUsed: `${intro} row ${remembered.headerRow} of this sheet has no column headed “${header}” (${TRACKER_FIELD_LABELS[field]}).` };
    mapping[field] = found.index;
  }
  if (mapping.title === null) return { notUsed: `${intro} they had no column of actions.` };
  return { mapping };
}
