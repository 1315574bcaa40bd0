// Every row of a tracker as the import would make it an action of the plan, checked as
// actions.create checks an action (its reference its own, its theme the plan's, its people the
// council's, its due date not before its start), with each problem told by the sheet's own row
// number and column. Corrections typed in the preview replace what the file holds at their row
// and column; owners and themes the plan does not know are added only when the person says so.
import type { TrackerColumns, TrackerFix, TrackerProblem, TrackerRow } from '../../../shared/contract-spreadsheets';
import { formatLongDate } from '../../../shared/dates';
import type { Rag } from '../../../shared/rag';
import { TRACKER_FIELDS, type TrackerField } from '../../../shared/spreadsheets';
import type { ActionStatus } from '../../../shared/vocabulary';
import { nextFreeReference, referenceGiver } from '../handlers/plan-setup-reviews';
import { cellAt, cellText, columnLetter, type Sheet, type SheetCell } from '../figures/sheet';
import { normaliseWords, readDateCell, readRag, readStatus, readText, type Reading } from './tracker-cells';

const MAX_PROBLEMS_LISTED = 500;
const TITLE_MAX = 300;
const TEXT_MAX = 20_000;
const NAME_MAX = 200;

export interface PlanContext {
  people: { id: string; name: string; jobTitle: string | null }[];
  themes: { id: string; reference: string; title: string }[];
  /** The plan's live actions' references and titles. */
  actions: { reference: string; title: string }[];
  rags: Map<string, Rag>;
  /** Today in England, for dates written without a year's century and for updates given no date. */
  today: Date;
  todayIso: string;
}

export interface Choices {
  fixes: TrackerFix[];
  newPeople: string[];
  newThemes: string[];
}

type Ref = { id: string } | { key: string };

export interface PlannedAction {
  row: number;
  reference: string;
  title: string;
  description: string | null;
  theme: Ref | null;
  owner: Ref | null;
  lead: Ref | null;
  startDate: string | null;
  dueDate: string | null;
  status: ActionStatus;
  rag: Rag | null;
  measuresOfSuccess: string | null;
  update: { narrative: string; date: string } | null;
}

export interface TrackerPlan {
  rows: TrackerRow[];
  problems: TrackerProblem[];
  problemCount: number;
  unknownPeople: { name: string; rows: number[]; add: boolean }[];
  unknownThemes: { name: string; rows: number[]; add: boolean }[];
  counts: { actions: number; updates: number; newPeople: number; newThemes: number };
  actions: PlannedAction[];
  newPeople: { key: string; name: string }[];
  newThemes: { key: string; reference: string; title: string }[];
}

/** Finds the theme a cell names: by reference ("2", "Theme 2"), by title, or by both ("2. Practice"). */
function themeMatcher(themes: PlanContext['themes']): (text: string) => PlanContext['themes'][number] | null {
  const strip = (text: string) => normaliseWords(text).replace(/^theme\s*/, '');
  const byReference = new Map(themes.map((theme) => [strip(theme.reference), theme]));
  const byTitle = new Map(themes.map((theme) => [normaliseWords(theme.title), theme]));
  const references = [...byReference.keys()].filter((reference) => reference !== '').sort((a, b) => b.length - a.length);
  return (text) => {
    const key = strip(text);
    if (key === '') return null;
    const exact = byReference.get(key) ?? byTitle.get(normaliseWords(text)) ?? byTitle.get(key);
    if (exact) return exact;
    const prefix = references.find((reference) => key.startsWith(reference) && /^[\s.:)\-]/.test(key.slice(reference.length)));
    return prefix ? (byReference.get(prefix) ?? null) : null;
  };
}

/** Finds the person a cell names, by name or by job title ("Head of Service, Children in Need"). */
function personMatcher(people: PlanContext['people']): (text: string) => PlanContext['people'][number] | null {
  const byName = new Map<string, PlanContext['people'][number]>();
  const byTitle = new Map<string, PlanContext['people'][number] | null>();
  for (const person of people) {
    byName.set(normaliseWords(person.name), person);
    if (person.jobTitle) {
      const key = normaliseWords(person.jobTitle);
      // A job title two people share names neither.
      byTitle.set(key, byTitle.has(key) ? null : person);
    }
  }
  return (text) => {
    const key = normaliseWords(text);
    return byName.get(key) ?? byTitle.get(key) ?? null;
  };
}

/** A new theme's reference and title from how the tracker names it: "4. Workforce", "Theme 4: Workforce". */
function newThemeOf(text: string, taken: string[]): { reference: string; title: string } {
  const numbered = /^(?:theme\s*)?(\d+(?:\.\d+)*)\s*[.:)\-\u2013]?\s+(.+)$/i.exec(text.trim());
  if (numbered?.[1] && numbered[2] && !taken.includes(numbered[1])) return { reference: numbered[1], title: numbered[2].trim() };
  return { reference: nextFreeReference('', taken), title: text.trim() };
}

/** The first words of a long action, cut at a word, as its title; the whole text becomes its description. */
function shortTitle(text: string): string {
  const cut = text.slice(0, TITLE_MAX - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > TITLE_MAX / 2 ? atWord : cut}…`;
}

export function planTrackerImport(sheet: Sheet, headerRow: number, mapping: TrackerColumns, context: PlanContext, choices: Choices): TrackerPlan {
  const problems: TrackerProblem[] = [];
  let problemCount = 0;
  const headerOf = (field: TrackerField) => {
    const index = mapping[field];
    if (index === null) return null;
    const text = cellText(cellAt(sheet, headerRow, index)).replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  };
  const describe = (row: number | null, field: TrackerField | null, message: string) => {
    if (row === null) return message;
    const index = field === null ? null : mapping[field];
    if (index === null) return `Row ${row}: ${message}`;
    const header = field === null ? null : headerOf(field);
    return `Row ${row}, column ${columnLetter(index)}${header ? ` (${header})` : ''}: ${message}`;
  };
  const makeProblem = (row: number | null, field: TrackerField | null, message: string, given: string | null): TrackerProblem => {
    const index = field === null ? null : mapping[field];
    return {
      row,
      field,
      column: index === null ? null : columnLetter(index),
      header: field === null ? null : headerOf(field),
      given,
      message,
      text: describe(row, field, message),
    };
  };
  const listProblem = (problem: TrackerProblem) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS_LISTED) problems.push(problem);
  };

  if (mapping.title === null) listProblem(makeProblem(null, null, 'Choose the column that holds the actions', null));

  const fixes = new Map(choices.fixes.map((fix) => [`${fix.row}:${fix.field}`, fix.text]));
  const fixedRows = new Set(choices.fixes.map((fix) => fix.row));
  const addPeople = new Set(choices.newPeople.map(normaliseWords));
  const addThemes = new Set(choices.newThemes.map(normaliseWords));
  const findTheme = themeMatcher(context.themes);
  const findPerson = personMatcher(context.people);
  const existingReferences = new Map(context.actions.map((action) => [normaliseWords(action.reference), action]));
  const givenReferences = new Map<string, number>();

  const unknownPeople = new Map<string, { name: string; rows: number[]; add: boolean }>();
  const unknownThemes = new Map<string, { name: string; rows: number[]; add: boolean }>();
  const newPeople = new Map<string, string>();
  const newThemes = new Map<string, { reference: string; title: string }>();
  const themeReferences = context.themes.map((theme) => theme.reference);

  const rows: TrackerRow[] = [];
  const planned: (PlannedAction & { themeReference: string | null; referenceGiven: boolean })[] = [];
  const mapped = TRACKER_FIELDS.filter((field) => mapping[field] !== null);

  for (let row = headerRow + 1; row <= sheet.rows.length; row += 1) {
    const cellOf = (field: TrackerField): SheetCell => {
      const fix = fixes.get(`${row}:${field}`);
      if (fix !== undefined) return fix.trim() === '' ? null : { kind: 'text', text: fix };
      const index = mapping[field];
      return index === null ? null : cellAt(sheet, row, index);
    };
    const filled = mapped.filter((field) => cellText(cellOf(field)).trim() !== '');
    // A blank row, or a heading within the table ("Theme 2: Practice") with no action, is passed over.
    if (filled.length === 0 || (!filled.includes('title') && filled.length <= 1 && !fixedRows.has(row))) continue;

    const rowProblems: TrackerProblem[] = [];
    const given = (field: TrackerField) => {
      const cell = cellOf(field);
      return cell === null ? '' : cell.kind === 'text' ? cell.text : cellText(cell);
    };
    const problem = (field: TrackerField, message: string) => {
      const found = makeProblem(row, field, message, given(field));
      rowProblems.push(found);
      listProblem(found);
    };
    function read<T>(field: TrackerField, reading: Reading<T>, otherwise: T): T {
      if (reading.ok) return reading.value;
      problem(field, reading.problem);
      return otherwise;
    }

    const reference = read('reference', readText(cellOf('reference'), 30, 'reference'), null);
    if (reference !== null) {
      const key = normaliseWords(reference);
      const existing = existingReferences.get(key);
      const earlier = givenReferences.get(key);
      if (existing) problem('reference', `the plan already has action ${existing.reference} (“${existing.title}”): give this action another reference`);
      else if (earlier !== undefined) problem('reference', `row ${earlier} has the reference ${reference} too: give each action its own reference`);
      else givenReferences.set(key, row);
    }

    let title = read('title', readText(cellOf('title'), TEXT_MAX, 'action'), null);
    let description = read('description', readText(cellOf('description'), TEXT_MAX, 'description'), null);
    if (title === null && mapping.title !== null) problem('title', 'the row has no action: type it, or leave the other cells of the row empty');
    if (title !== null && title.length > TITLE_MAX) {
      if (description === null) {
        description = title;
        title = shortTitle(title);
      } else problem('title', `the action is ${title.length.toLocaleString('en-GB')} characters long; it can be at most ${TITLE_MAX}: shorten it (the description holds the detail)`);
    }

    let theme: Ref | null = null;
    let themeLabel: string | null = null;
    let themeReference: string | null = null;
    let themeIsNew = false;
    const themeText = read('theme', readText(cellOf('theme'), TITLE_MAX, 'theme'), null);
    if (themeText !== null) {
      const found = findTheme(themeText);
      const key = normaliseWords(themeText);
      if (found) {
        theme = { id: found.id };
        themeLabel = `${found.reference}. ${found.title}`;
        themeReference = found.reference;
      } else {
        const entry = unknownThemes.get(key) ?? { name: themeText.trim(), rows: [], add: addThemes.has(key) };
        entry.rows.push(row);
        unknownThemes.set(key, entry);
        if (entry.add) {
          let made = newThemes.get(key);
          if (!made) {
            made = newThemeOf(themeText, [...themeReferences, ...[...newThemes.values()].map((each) => each.reference)]);
            newThemes.set(key, made);
          }
          theme = { key };
          themeLabel = `${made.reference}. ${made.title}`;
          themeReference = made.reference;
          themeIsNew = true;
        } else problem('theme', `“${themeText}” is not one of this plan’s themes: tick it under “Themes to add” to add it, or type one of the plan’s themes`);
      }
    }

    const person = (field: 'owner' | 'lead'): { ref: Ref | null; label: string | null; isNew: boolean } => {
      const name = read(field, readText(cellOf(field), NAME_MAX, 'name'), null);
      if (name === null) return { ref: null, label: null, isNew: false };
      const found = findPerson(name);
      if (found) return { ref: { id: found.id }, label: found.name, isNew: false };
      const key = normaliseWords(name);
      const entry = unknownPeople.get(key) ?? { name: name.trim(), rows: [], add: addPeople.has(key) };
      if (!entry.rows.includes(row)) entry.rows.push(row);
      unknownPeople.set(key, entry);
      if (entry.add) {
        if (!newPeople.has(key)) newPeople.set(key, name.trim());
        return { ref: { key }, label: name.trim(), isNew: true };
      }
      problem(field, `“${name}” is not one of the council’s people: tick them under “People to add” to add them, or type the name of one of the council’s people`);
      return { ref: null, label: name, isNew: false };
    };
    const owner = person('owner');
    const lead = person('lead');

    const startDate = read('startDate', readDateCell(cellOf('startDate'), context.today), null);
    const dueDate = read('dueDate', readDateCell(cellOf('dueDate'), context.today), null);
    if (startDate && dueDate && dueDate < startDate) problem('dueDate', `the due date, ${formatLongDate(dueDate)}, is before the start date, ${formatLongDate(startDate)}`);

    const rag = read('rag', readRag(cellOf('rag'), context.rags), null);
    const status = read('status', readStatus(cellOf('status'), context.rags), null) ?? (rag === 'blue' ? 'complete' : 'not-started');
    const measuresOfSuccess = read('measuresOfSuccess', readText(cellOf('measuresOfSuccess'), TEXT_MAX, 'success measures'), null);
    const update = read('update', readText(cellOf('update'), TEXT_MAX, 'update'), null);
    const updateDate = read('updateDate', readDateCell(cellOf('updateDate'), context.today), null);
    const updateDateAssumed = update !== null && updateDate === null && !rowProblems.some((found) => found.field === 'updateDate');

    rows.push({
      row,
      reference,
      referenceSuggested: false,
      title,
      description,
      theme: themeLabel,
      themeIsNew,
      owner: owner.label,
      ownerIsNew: owner.isNew,
      lead: lead.label,
      leadIsNew: lead.isNew,
      startDate,
      dueDate,
      status,
      rag,
      update,
      updateDate: update === null ? null : (updateDate ?? context.todayIso),
      updateDateAssumed,
      measuresOfSuccess,
      problems: rowProblems,
    });
    planned.push({
      row,
      reference: reference ?? '',
      referenceGiven: reference !== null,
      themeReference,
      title: title ?? '',
      description,
      theme,
      owner: owner.ref,
      lead: lead.ref,
      startDate,
      dueDate,
      status,
      rag,
      measuresOfSuccess,
      update: update === null ? null : { narrative: update, date: updateDate ?? context.todayIso },
    });
  }

  if (rows.length === 0 && mapping.title !== null) {
    listProblem(makeProblem(null, null, `There are no actions under the headings in row ${headerRow}: check the row the headings are in`, null));
  }

  // Rows without a reference take the next free one: in their theme ("2.7" after "2.6"), or else a number.
  const giveReference = referenceGiver([...context.actions.map((action) => action.reference), ...planned.filter((action) => action.referenceGiven).map((action) => action.reference)]);
  planned.forEach((action, index) => {
    if (action.referenceGiven) return;
    const reference = giveReference(action.themeReference ? `${action.themeReference}.` : '');
    action.reference = reference;
    const shown = rows[index];
    if (shown) {
      shown.reference = reference;
      shown.referenceSuggested = true;
    }
  });

  return {
    rows,
    problems,
    problemCount,
    unknownPeople: [...unknownPeople.values()],
    unknownThemes: [...unknownThemes.values()],
    counts: {
      actions: rows.length,
      updates: planned.filter((action) => action.update !== null).length,
      newPeople: newPeople.size,
      newThemes: newThemes.size,
    },
    actions: planned.map(({ themeReference: _themeReference, referenceGiven: _referenceGiven, ...action }) => action),
    newPeople: [...newPeople].map(([key, name]) => ({ key, name })),
    newThemes: [...newThemes].map(([key, theme]) => ({ key, ...theme })),
  };
}
