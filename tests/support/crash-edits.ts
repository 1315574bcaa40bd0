// What the crash-safety test and its child process share: the edits the child makes, described
// by the records' own keys (an action's reference, a progress update's words, a KPI's period),
// the plan's state as those edits leave it, and the same state read back from a database file.
import type Sqlite from 'better-sqlite3';
import { seededRandom } from '../../electron/core/demo/random';
import type { Rag } from '../../shared/rag';
import type { ActionStatus } from '../../shared/vocabulary';

export interface ActionState {
  title: string;
  rag: string | null;
  status: string;
  dueDate: string | null;
  /** How many times the due date has been moved, each with its reason. */
  moves: number;
}

export interface PlanState {
  /** Live actions by reference. */
  actions: Record<string, ActionState>;
  /** Live progress updates by their words, with the reference of their action. */
  progress: Record<string, { reference: string; rag: string | null; updateDate: string }>;
  /** The KPI's values by period. */
  kpi: Record<string, number | null>;
}

/** One call the child makes; each is one transaction, so it is in the file whole or not at all. */
export type Edit =
  | { kind: 'create'; reference: string; title: string; rag: Rag | null; status: ActionStatus; dueDate: string | null }
  | { kind: 'update'; reference: string; title: string; rag: Rag | null; status: ActionStatus }
  | { kind: 'bulk'; references: string[]; rag: Rag; status: ActionStatus }
  | { kind: 'move'; reference: string; dueDate: string }
  | { kind: 'progress'; reference: string; narrative: string; rag: Rag | null; updateDate: string }
  | { kind: 'delete'; reference: string }
  | { kind: 'kpi'; cells: { period: string; value: number }[] };

/** The child's lines on its standard output; each is written in one call, after the fact it states. */
export type ChildLine =
  | { line: 'ready'; atMs: number }
  | { line: 'intent'; n: number; edit: Edit }
  | { line: 'ack'; n: number }
  | { line: 'refused'; n: number; message: string };

export function emptyState(): PlanState {
  return { actions: {}, progress: {}, kpi: {} };
}

/** The plan after `edit`, which the child makes only when the plan allows it. */
export function applyEdit(state: PlanState, edit: Edit): PlanState {
  const next: PlanState = structuredClone(state);
  const action = (reference: string): ActionState => {
    const found = next.actions[reference];
    if (!found) throw new Error(`The edit ${JSON.stringify(edit)} names ${reference}, which is not a live action.`);
    return found;
  };
  switch (edit.kind) {
    case 'create':
      next.actions[edit.reference] = { title: edit.title, rag: edit.rag, status: edit.status, dueDate: edit.dueDate, moves: 0 };
      break;
    case 'update':
      Object.assign(action(edit.reference), { title: edit.title, rag: edit.rag, status: edit.status });
      break;
    case 'bulk':
      for (const reference of edit.references) Object.assign(action(reference), { rag: edit.rag, status: edit.status });
      break;
    case 'move': {
      // An action's first due date is set, not moved: only a change of date counts as a move.
      const moved = action(edit.reference);
      if (moved.dueDate !== null) moved.moves += 1;
      moved.dueDate = edit.dueDate;
      break;
    }
    case 'progress':
      action(edit.reference);
      next.progress[edit.narrative] = { reference: edit.reference, rag: edit.rag, updateDate: edit.updateDate };
      break;
    case 'delete':
      action(edit.reference);
      delete next.actions[edit.reference];
      break;
    case 'kpi':
      for (const cell of edit.cells) next.kpi[cell.period] = cell.value;
      break;
  }
  return next;
}

/** Whether the edit leaves an audit entry whatever the plan held before (a bulk change may change nothing). */
export function alwaysAudited(edit: Edit): boolean {
  return edit.kind !== 'bulk' && edit.kind !== 'kpi';
}

/** The plan's state as it is in the database, read straight from the tables. */
export function readPlanState(sqlite: Sqlite.Database, planId: string, kpiId: string): PlanState {
  const state = emptyState();
  const actions = sqlite
    .prepare(
      `select a.reference, a.title, a.rag, a.status, a.current_due_date as dueDate,
              (select count(*) from action_due_date_changes c where c.action_id = a.id and c.deleted_at is null) as moves
       from actions a where a.plan_id = ? and a.deleted_at is null`,
    )
    .all(planId) as (ActionState & { reference: string })[];
  for (const { reference, ...rest } of actions) state.actions[reference] = rest;
  const progress = sqlite
    .prepare(
      `select p.narrative, a.reference, p.rag, p.update_date as updateDate
       from progress_updates p join actions a on a.id = p.action_id
       where a.plan_id = ? and p.deleted_at is null`,
    )
    .all(planId) as { narrative: string; reference: string; rag: string | null; updateDate: string }[];
  for (const { narrative, ...rest } of progress) state.progress[narrative] = rest;
  const values = sqlite.prepare('select period, value from kpi_values where kpi_id = ? and deleted_at is null').all(kpiId) as {
    period: string;
    value: number | null;
  }[];
  for (const { period, value } of values) state.kpi[period] = value;
  return state;
}

/** Puts the keys in order, so two states compare and print alike. */
export function canonical(state: PlanState): PlanState {
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { actions: sorted(state.actions), progress: sorted(state.progress), kpi: sorted(state.kpi) };
}

export function sameState(a: PlanState, b: PlanState): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The demo's seeded generator, so that a run can be repeated from its seed. */
export { seededRandom };
