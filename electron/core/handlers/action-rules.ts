// The rules an action's edit must meet that need the database to check: its people belong to
// the plan's council, its theme to the plan, its reference is its own, and its due date moves
// only forward of its start and with the reason kept.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { createRecord, type UnitOfWork } from '../../../db/records';
import { actionDueDateChanges, actions, people, themes } from '../../../db/schema';
import { formatLongDate } from '../../../shared/dates';
import { AppError, type FieldProblem } from '../../../shared/errors';

type ActionRecord = typeof actions.$inferSelect;
type Reader = Pick<UnitOfWork, 'db'>;

/** Collects every problem with an edit, so the form can show them all at once. */
export class Problems {
  private readonly found: FieldProblem[] = [];

  add(path: string, message: string): void {
    this.found.push({ path, message });
  }

  /** Refuses the edit, before anything is written, when any problem was found. */
  throwIfAny(): void {
    const [first] = this.found;
    if (!first) return;
    const more = this.found.length > 1 ? ` (and ${this.found.length - 1} more problem${this.found.length > 2 ? 's' : ''})` : '';
    throw new AppError('invalid-input', `Nothing was saved: ${sentence(first.message)}${more}.`, { fields: this.found });
  }
}

/** An error on one field, refusing the whole change. */
export function fieldError(path: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('invalid-input', `Nothing was saved: ${sentence(message)}.`, { ...details, fields: [{ path, message }] });
}

function sentence(message: string): string {
  // Lower-case a leading word ("The due date …") but not a name or a reference ("KPI", "2.1").
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}

/** "1.9", "1.9 and 1.7", "1.9, 1.7 and 1.5". */
export function listOf(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** An owner or lead must be one of the people of the plan's council. */
export function checkPerson(unit: Reader, authorityId: string, personId: string | null | undefined, path: string, role: string, problems: Problems): void {
  if (!personId) return;
  const person = unit.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.authorityId, authorityId), isNull(people.deletedAt)))
    .get();
  if (!person) problems.add(path, `Choose ${role} from the people of this council`);
}

export function checkTheme(unit: Reader, planId: string, themeId: string | null | undefined, problems: Problems): void {
  if (!themeId) return;
  const theme = unit.db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.planId, planId), isNull(themes.deletedAt)))
    .get();
  if (!theme) problems.add('themeId', 'Choose one of this plan’s themes');
}

/**
 * A reference names one live action of the plan. Checked here rather than left to the unique
 * index, so the form can say which field and which reference.
 */
export function checkReference(unit: Reader, planId: string, reference: string, exceptActionId: string | null, problems: Problems): void {
  const conditions = [eq(actions.planId, planId), eq(actions.reference, reference), isNull(actions.deletedAt)];
  if (exceptActionId) conditions.push(ne(actions.id, exceptActionId));
  const clash = unit.db.select({ id: actions.id }).from(actions).where(and(...conditions)).get();
  if (clash) problems.add('reference', `Another action already has the reference ${reference}`);
}

export function checkDates(
  dates: { startDate: string | null; dueDate: string | null; completedDate: string | null },
  problems: Problems,
  changing: 'start' | 'due',
): void {
  const { startDate, dueDate, completedDate } = dates;
  if (startDate && dueDate && dueDate < startDate) {
    if (changing === 'due') problems.add('dueDate', `The due date cannot be before the start date (${formatLongDate(startDate)})`);
    else problems.add('startDate', `The start date cannot be after the due date (${formatLongDate(dueDate)})`);
  }
  if (startDate && completedDate && completedDate < startDate) {
    problems.add('completedDate', `The action cannot be completed before it started (${formatLongDate(startDate)})`);
  }
}

/**
 * The change of due date to write on the action. The first date given becomes the baseline and
 * is not a move; every later change keeps a history row with its reason, and the baseline stays.
 */
export function moveDueDate(
  unit: UnitOfWork,
  action: ActionRecord,
  dueDate: string,
  reason: string,
): Partial<Pick<ActionRecord, 'baselineDueDate' | 'currentDueDate'>> {
  if (action.baselineDueDate === null && action.currentDueDate === null) return { baselineDueDate: dueDate, currentDueDate: dueDate };
  createRecord(unit, actionDueDateChanges, { actionId: action.id, fromDate: action.currentDueDate, toDate: dueDate, reason }, action.planId);
  return { currentDueDate: dueDate };
}
