// The child process of the crash-safety test (tests/integration/crash-safety.test.ts): opens the
// real application core on a data folder, as the app does, and edits the plan through the
// dispatcher in a loop until it is killed. Before each call it states what it is about to do
// ("intent"), and only once the call has answered ok, so after the commit, it acknowledges it
// ("ack"). Each line is one write to a pipe, so a kill never leaves half a line.
//
//   node crash-child.cjs '{"dataDirectory":…,"migrationsFolder":…,"seed":1,"tag":"L1R2","stopAfterMs":20000}'
import fs from 'node:fs';
import { openApp } from '../../electron/core/app';
import type { MethodInput, MethodName } from '../../shared/contract';
import type { Rag } from '../../shared/rag';
import type { ActionStatus } from '../../shared/vocabulary';
import { applyEdit, emptyState, seededRandom, type ChildLine, type Edit, type PlanState } from './crash-edits';

export interface CrashChildConfig {
  dataDirectory: string;
  migrationsFolder: string;
  seed: number;
  /** Makes this run's references and words unique in the file. */
  tag: string;
  /** The child stops by itself after this long, should the test that started it be gone. */
  stopAfterMs: number;
}

const STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress', 'awaiting-evidence'];
const RAGS: readonly Rag[] = ['red', 'amber', 'green', 'blue'];
const MOST_ACTIONS = 40;
const FEWEST_ACTIONS = 8;
const MONTHS = Array.from({ length: 24 }, (_, index) => `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);

function say(line: ChildLine): void {
  fs.writeSync(1, `${JSON.stringify(line)}\n`);
}

const config = JSON.parse(process.argv[2] ?? '') as CrashChildConfig;
const random = seededRandom(config.seed);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const date = (fromYear: number, years: number): string =>
  new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * 365 * years) * 86_400_000).toISOString().slice(0, 10);

let planId = '';
let kpiId = '';
let state: PlanState = emptyState();
const ids = new Map<string, string>();

const app = openApp({
  dataDirectory: config.dataDirectory,
  migrationsFolder: config.migrationsFolder,
  version: '0.0.0-crash',
  actor: 'crash test',
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>, n: number): Promise<unknown> {
  const answer = await app.dispatch(method, input);
  if (!answer.ok) {
    say({ line: 'refused', n, message: `${method}: ${answer.error.code}: ${answer.error.message}` });
    process.exit(3);
  }
  return answer.value;
}

function chooseEdit(n: number): Edit {
  const live = Object.keys(state.actions);
  const key = `${config.tag}.${n}`;
  const roll = random();
  if (live.length < FEWEST_ACTIONS || (roll < 0.18 && live.length < MOST_ACTIONS)) {
    return { kind: 'create', reference: key, title: `Audit of supervision ${key}`, rag: pick([...RAGS, null]), status: pick(STATUSES), dueDate: pick([date(2025, 3), null]) };
  }
  const reference = pick(live);
  if (roll < 0.36) return { kind: 'update', reference, title: `Supervision audited ${key}`, rag: pick([...RAGS, null]), status: pick(STATUSES) };
  if (roll < 0.46) {
    const references = [...new Set([reference, pick(live), pick(live)])];
    return { kind: 'bulk', references, rag: pick(RAGS), status: pick(STATUSES) };
  }
  if (roll < 0.56) {
    let dueDate = date(2025, 3);
    while (dueDate === state.actions[reference]?.dueDate) dueDate = date(2025, 3);
    return { kind: 'move', reference, dueDate };
  }
  if (roll < 0.76) return { kind: 'progress', reference, narrative: `Case audits reviewed ${key}`, rag: pick([...RAGS, null]), updateDate: date(2025, 1) };
  if (roll < 0.86 && live.length > FEWEST_ACTIONS) return { kind: 'delete', reference };
  const months = [...new Set([pick(MONTHS), pick(MONTHS), pick(MONTHS)])];
  return { kind: 'kpi', cells: months.map((period) => ({ period, value: Math.round(random() * 1000) / 10 })) };
}

async function make(edit: Edit, n: number): Promise<void> {
  const id = (reference: string) => ids.get(reference) as string;
  switch (edit.kind) {
    case 'create': {
      const { kind: _kind, ...fields } = edit;
      const made = (await call('actions.create', { planId, ...fields }, n)) as { id: string };
      ids.set(edit.reference, made.id);
      return;
    }
    case 'update':
      await call('actions.update', { actionId: id(edit.reference), title: edit.title, rag: edit.rag, status: edit.status }, n);
      return;
    case 'bulk':
      await call('actions.bulkUpdate', { planId, actionIds: edit.references.map(id), rag: edit.rag, status: edit.status }, n);
      return;
    case 'move':
      await call('actions.changeDueDate', { actionId: id(edit.reference), dueDate: edit.dueDate, reason: 'Agreed at the improvement board' }, n);
      return;
    case 'progress':
      await call('progressUpdates.create', { actionId: id(edit.reference), narrative: edit.narrative, rag: edit.rag, updateDate: edit.updateDate, authorName: 'Head of service' }, n);
      return;
    case 'delete':
      await call('actions.delete', { actionId: id(edit.reference) }, n);
      return;
    case 'kpi':
      await call('kpis.setValues', { planId, cells: edit.cells.map((cell) => ({ kpiId, period: cell.period, value: cell.value })) }, n);
      return;
  }
}

async function main(): Promise<void> {
  const plans = (await app.dispatch('plans.list', {})) as { ok: true; value: { id: string }[] };
  planId = plans.value[0]?.id as string;
  const kpis = (await app.dispatch('kpis.list', { planId })) as { ok: true; value: { id: string }[] };
  kpiId = kpis.value[0]?.id as string;
  const listed = (await app.dispatch('actions.list', { planId })) as {
    ok: true;
    value: { id: string; reference: string; title: string; rag: string | null; status: string; currentDueDate: string | null; dueDateMoves: number }[];
  };
  for (const row of listed.value) {
    ids.set(row.reference, row.id);
    state.actions[row.reference] = { title: row.title, rag: row.rag, status: row.status, dueDate: row.currentDueDate, moves: row.dueDateMoves };
  }
  say({ line: 'ready', atMs: Math.round(process.uptime() * 1000) });

  const stopAt = Date.now() + config.stopAfterMs;
  for (let n = 1; Date.now() < stopAt; n += 1) {
    const edit = chooseEdit(n);
    say({ line: 'intent', n, edit });
    await make(edit, n);
    say({ line: 'ack', n });
    state = applyEdit(state, edit);
  }
  app.close();
}

void main();
