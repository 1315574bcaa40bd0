// The plan as a spreadsheet: the action plan and KPIs exported to Excel and CSV, and a council's
// own tracker imported as the plan's actions. The tracker is read here, in the main process,
// every time it is sent; the import checks every row again inside its one transaction and saves
// all of them or, if any problem remains, none.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { createRecord, getLiveRecord, type UnitOfWork } from '../../../db/records';
import { actions, people, plans, progressUpdates, themes } from '../../../db/schema';
import type { spreadsheetMethods, TrackerColumns, TrackerInput, TrackerInspection } from '../../../shared/contract-spreadsheets';
import { londonDate } from '../../../shared/dates';
import { TRACKER_FIELDS, TRACKER_MAX_ROWS } from '../../../shared/spreadsheets';
import type { Core } from '../core';
import { guessHeaderRow } from '../figures/mapping';
import type { Reading } from '../figures/read-file';
import { FileProblem, type Sheet, type SpreadsheetFile } from '../figures/sheet';
import { readSetting, writeSetting } from '../settings';
import { exportPlan } from '../spreadsheets/export';
import { ragWords } from '../spreadsheets/tracker-cells';
import { applyRemembered, guessTrackerColumns, NO_COLUMNS, RememberedTrackerMapping, rememberedTrackerKey, toRemembered, trackerColumns } from '../spreadsheets/tracker-mapping';
import { planTrackerImport, type PlanContext, type TrackerPlan } from '../spreadsheets/tracker-preview';
import { nextSortOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import { readFile, readSheet, refusal, refuseProblems, sheetReading } from './spreadsheet-reading';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;
type Input = Omit<TrackerInput, 'fixes' | 'newPeople' | 'newThemes'> & { fixes?: TrackerInput['fixes']; newPeople?: string[]; newThemes?: string[] };

const READING_TRACKER: Reading = {
  contents: 'actions',
  file: 'the council’s action plan tracker',
  fileOfKinds: 'the action plan tracker as an Excel workbook (.xlsx) or a CSV file',
  maxRows: TRACKER_MAX_ROWS,
  tooLongAdvice: `Split the actions into sheets of at most ${TRACKER_MAX_ROWS.toLocaleString('en-GB')} rows and import each in turn`,
};

function planContext(reader: Reader, planId: string, now: Date): PlanContext {
  const plan = getLiveRecord(reader, plans, planId);
  return {
    people: reader.db
      .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
      .from(people)
      .where(and(eq(people.authorityId, plan.authorityId), isNull(people.deletedAt)))
      .orderBy(asc(people.name))
      .all(),
    themes: reader.db
      .select({ id: themes.id, reference: themes.reference, title: themes.title })
      .from(themes)
      .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
      .all(),
    actions: reader.db
      .select({ reference: actions.reference, title: actions.title })
      .from(actions)
      .where(and(eq(actions.planId, planId), isNull(actions.deletedAt)))
      .all(),
    rags: ragWords(plan.ragMeanings),
    today: now,
    todayIso: londonDate(now),
  };
}

/** The sheet to read: the one asked for, the one used last time, or the first whose headings name a column of actions. */
function chooseSheet(file: SpreadsheetFile, input: Input, remembered: RememberedTrackerMapping | null, rags: PlanContext['rags']): string {
  if (input.sheet !== undefined) return input.sheet;
  const filled = file.sheets.filter((sheet) => sheet.rowCount > 0);
  if (remembered && filled.some((sheet) => sheet.name === remembered.sheet)) return remembered.sheet;
  for (const candidate of filled) {
    try {
      const sheet = file.sheet(candidate.name);
      if (guessTrackerColumns(sheet, guessHeaderRow(sheet), rags).title !== null) return candidate.name;
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
    }
  }
  return filled[0]?.name ?? file.sheets[0]?.name ?? '';
}

/** Refuses a header row or a column the sheet does not have. */
function checkFits(sheet: Sheet, headerRow: number, mapping: TrackerColumns, saving: boolean): void {
  if (headerRow > sheet.rows.length) {
    throw refusal('headerRow', `The sheet “${sheet.name}” has ${sheet.rows.length.toLocaleString('en-GB')} rows, so the headings cannot be in row ${headerRow}`, saving);
  }
  for (const field of TRACKER_FIELDS) {
    const column = mapping[field];
    if (column !== null && column >= sheet.columnCount) {
      throw refusal(`mapping.${field}`, `The sheet “${sheet.name}” has ${sheet.columnCount} columns, so column ${column + 1} cannot be chosen`, saving);
    }
  }
}

interface Prepared {
  file: SpreadsheetFile;
  sheet: Sheet;
  headerRow: number;
  mapping: TrackerColumns;
  remembered: RememberedTrackerMapping | null;
  rememberedNotUsed: string | null;
}

async function prepare(core: Core, input: Input, saving: boolean): Promise<Prepared> {
  assertPlanExists(core, input.planId);
  const file = await readFile(input, saving, READING_TRACKER);
  const rags = planContext(core, input.planId, core.clock()).rags;
  const stored = readSetting(core, rememberedTrackerKey(input.planId), RememberedTrackerMapping);
  const sheet = readSheet(file, chooseSheet(file, input, stored, rags), saving);

  let mapping = input.mapping ?? null;
  let remembered: RememberedTrackerMapping | null = null;
  let rememberedNotUsed: string | null = null;
  if (!mapping && stored && sheet.name === stored.sheet && (input.headerRow === undefined || input.headerRow === stored.headerRow)) {
    const applied = applyRemembered(sheet, stored);
    if ('mapping' in applied) {
      mapping = applied.mapping;
      remembered = stored;
    } else rememberedNotUsed = applied.notUsed;
  }
  const headerRow = input.headerRow ?? remembered?.headerRow ?? guessHeaderRow(sheet);
  checkFits(sheet, headerRow, NO_COLUMNS, saving);
  mapping ??= guessTrackerColumns(sheet, headerRow, rags);
  checkFits(sheet, headerRow, mapping, saving);
  return { file, sheet, headerRow, mapping, remembered, rememberedNotUsed };
}

function choicesOf(input: Input) {
  return { fixes: input.fixes ?? [], newPeople: input.newPeople ?? [], newThemes: input.newThemes ?? [] };
}

function inspection(prepared: Prepared, planned: TrackerPlan): TrackerInspection {
  const { file, sheet, headerRow, mapping, remembered, rememberedNotUsed } = prepared;
  return {
    ...sheetReading(file, sheet, headerRow, remembered, rememberedNotUsed),
    columns: trackerColumns(sheet, headerRow),
    mapping,
    rows: planned.rows,
    problems: planned.problems,
    problemCount: planned.problemCount,
    unknownPeople: planned.unknownPeople,
    unknownThemes: planned.unknownThemes,
    counts: planned.counts,
  };
}

/** Where a problem stands, as the refusal names it: its row and field, or the column chosen for the whole tracker. */
function problemPath(problem: { row: number | null; field: string | null }): string {
  const field = problem.field ? `.${problem.field}` : '';
  return problem.row === null ? `mapping${field}` : `rows.${problem.row}${field}`;
}

/** Saves every planned action, and the people and themes the person chose to add, in the one transaction. */
function save(unit: UnitOfWork, planId: string, planned: TrackerPlan): { people: number; themes: number; updates: number } {
  const plan = getLiveRecord(unit, plans, planId);
  const themeIds = new Map<string, string>();
  let themeOrder = nextSortOrder(unit.db.select({ sortOrder: themes.sortOrder }).from(themes).where(and(eq(themes.planId, planId), isNull(themes.deletedAt))).all());
  for (const theme of planned.newThemes) {
    const made = createRecord(unit, themes, { planId, reference: theme.reference, title: theme.title, description: null, leadId: null, sortOrder: themeOrder }, planId);
    themeOrder += 1;
    themeIds.set(theme.key, made.id);
  }
  const personIds = new Map<string, string>();
  for (const person of planned.newPeople) {
    personIds.set(person.key, createRecord(unit, people, { authorityId: plan.authorityId, name: person.name, jobTitle: null, email: null }, planId).id);
  }
  const resolve = (ref: { id: string } | { key: string } | null, made: Map<string, string>) => (ref === null ? null : 'id' in ref ? ref.id : (made.get(ref.key) ?? null));

  let sortOrder = nextSortOrder(unit.db.select({ sortOrder: actions.sortOrder }).from(actions).where(and(eq(actions.planId, planId), isNull(actions.deletedAt))).all());
  let updates = 0;
  for (const action of planned.actions) {
    const themeId = resolve(action.theme, themeIds);
    const ownerId = resolve(action.owner, personIds);
    const leadId = resolve(action.lead, personIds);
    // The rules actions.create applies (a free reference, a live theme and people of the council)
    // were checked for every row by planTrackerImport, inside this same transaction.
    const created = createRecord(
      unit,
      actions,
      {
        planId,
        reference: action.reference,
        title: action.title,
        description: action.description,
        themeId,
        ownerId,
        leadId,
        startDate: action.startDate,
        baselineDueDate: action.dueDate,
        currentDueDate: action.dueDate,
        completedDate: null,
        status: action.status,
        rag: action.rag,
        measuresOfSuccess: action.measuresOfSuccess,
        sortOrder,
      },
      planId,
    );
    sortOrder += 1;
    if (action.update) {
      createRecord(unit, progressUpdates, { actionId: created.id, updateDate: action.update.date, narrative: action.update.narrative, rag: action.rag, authorName: unit.actor }, planId);
      updates += 1;
    }
  }
  return { people: planned.newPeople.length, themes: planned.newThemes.length, updates };
}

export const spreadsheetHandlers: HandlerGroup<keyof typeof spreadsheetMethods> = {
  'spreadsheets.exportPlan': (input, core) => exportPlan(core, input),

  'spreadsheets.inspectTracker': async (input, core) => {
    const prepared = await prepare(core, input, false);
    const planned = planTrackerImport(prepared.sheet, prepared.headerRow, prepared.mapping, planContext(core, input.planId, core.clock()), choicesOf(input));
    return inspection(prepared, planned);
  },

  'spreadsheets.importTracker': async (input, core) => {
    const prepared = await prepare(core, input, true);
    return core.write(input.planId, (unit) => {
      // Planned again inside the transaction, so a person or theme deleted since the preview is refused here.
      const planned = planTrackerImport(prepared.sheet, prepared.headerRow, prepared.mapping, planContext(unit, input.planId, core.clock()), choicesOf(input));
      if (planned.problemCount > 0) refuseProblems('the tracker', planned.problems, planned.problemCount, problemPath);
      const saved = save(unit, input.planId, planned);
      writeSetting(unit, rememberedTrackerKey(input.planId), toRemembered(prepared.sheet, prepared.headerRow, prepared.mapping, input.fileName, unit.now), input.planId);
      return { actions: planned.actions.length, updates: saved.updates, people: saved.people, themes: saved.themes };
    });
  },
};
