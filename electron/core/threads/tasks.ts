// The work the app sends to its worker thread: each task a function of plain data (data a worker
// can be sent and send back), with nothing of the database or the app's state. The worker runs
// them (worker.ts); the main thread runs the same functions itself when the worker cannot
// (worker-thread.ts).
import type { PlanTables } from '../spreadsheets/plan-tables';
import { workbookOf } from '../spreadsheets/workbook';

export const TASKS = {
  /** The action plan and KPIs as an Excel workbook (about a second of ExcelJS on a large plan). */
  workbook: (input: { tables: PlanTables; actor: string; now: Date; deflated: boolean }) =>
    workbookOf(input.tables, input.actor, input.now, { deflated: input.deflated }),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<Name extends TaskName> = Parameters<(typeof TASKS)[Name]>[0];
export type TaskOutput<Name extends TaskName> = Awaited<ReturnType<(typeof TASKS)[Name]>>;
