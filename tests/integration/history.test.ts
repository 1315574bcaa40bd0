// Undo, redo and the history of a plan, through the contract on a real database.
import { afterEach, describe, expect, it } from 'vitest';
import { TABLES_BY_NAME } from '../../db/tables';
import * as schema from '../../db/schema';
import { ENTITY_LABELS } from '../../electron/core/handlers/history';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
afterEach(() => app?.close());

async function changesOf(method: string, input: unknown): Promise<string[]> {
  const answer = await app.send(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.changes ?? [];
}

describe('undo and redo', () => {
  it('names the change a call made, reverses it as a new change, and redoes it by undoing the undo', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const id = plan.action({ reference: '2.3', title: 'Audit supervision', startDate: '2026-01-05', currentDueDate: '2026-06-30', baselineDueDate: '2026-06-30' });
    const title = async () => (await app.call('actions.get', { actionId: id })).title;

    const [edit] = await changesOf('actions.update', { actionId: id, title: 'Audit supervision monthly' });
    expect(edit).toBeDefined();
    expect(await title()).toBe('Audit supervision monthly');
    expect(await changesOf('actions.get', { actionId: id })).toEqual([]);

    const undone = await app.call('changes.undo', { changeId: edit ?? '' });
    expect(undone.summary).toBe('Undid: changed action “2.3 Audit supervision monthly”');
    expect(await title()).toBe('Audit supervision');

    await app.call('changes.undo', { changeId: undone.changeId });
    expect(await title()).toBe('Audit supervision monthly');
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('undoes a due-date change whole: the date and its history row together', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const id = plan.action({ reference: '1.9', title: 'Case management system', startDate: '2026-01-05', currentDueDate: '2026-06-30', baselineDueDate: '2026-06-30' });
    const [move] = await changesOf('actions.changeDueDate', { actionId: id, dueDate: '2026-09-30', reason: 'Supplier delay agreed by the board' });
    expect((await app.call('actions.get', { actionId: id })).dueDateMoves).toBe(1);
    await app.call('changes.undo', { changeId: move ?? '' });
    const action = await app.call('actions.get', { actionId: id });
    expect(action.currentDueDate).toBe('2026-06-30');
    expect(action.dueDateMoves).toBe(0);
  });

  it('undoes the creation of an action by removing it, and refuses to undo an edit overtaken by a later one', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const [created] = await changesOf('actions.create', { planId: plan.planId, reference: '4.1', title: 'Quality assurance framework' });
    const [row] = await app.call('actions.list', { planId: plan.planId });
    if (!row) throw new Error('expected the action');
    const [first] = await changesOf('actions.update', { actionId: row.id, title: 'QA framework' });
    await changesOf('actions.update', { actionId: row.id, title: 'Quality assurance and audit framework' });

    const before = databaseBytes(app);
    const refused = await app.send('changes.undo', { changeId: first ?? '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('has been changed since (by test user)');
    expect(databaseBytes(app)).toBe(before);

    // Undoing the edits newest first, then the creation, as an undo stack does, leaves no action.
    const history = await app.call('audit.list', { planId: plan.planId, entityId: row.id });
    expect(history.entries.map((entry) => entry.operation)).toEqual(['update', 'update', 'create']);
    for (const entry of history.entries) await app.call('changes.undo', { changeId: entry.changeId });
    expect(history.entries.at(-1)?.changeId).toBe(created);
    expect(await app.call('actions.list', { planId: plan.planId })).toEqual([]);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});

describe('the history', () => {
  it('lists a plan’s changes newest first with the fields that changed, pages through them, and checks the chain', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const id = plan.action({ reference: '3.2', title: 'Recruitment campaign', status: 'not-started' });
    await app.call('actions.update', { actionId: id, status: 'in-progress', rag: 'amber' });
    const page = await app.call('audit.list', { planId: plan.planId, limit: 1 });
    expect(page.more).toBe(true);
    expect(page.entries[0]).toMatchObject({ operation: 'update', actor: 'test user', summary: 'Changed action “3.2 Recruitment campaign”' });
    expect(page.entries[0]?.fields).toEqual([
      { field: 'status', before: 'not-started', after: 'in-progress' },
      { field: 'rag', before: '(none)', after: 'amber' },
    ]);
    const older = await app.call('audit.list', { planId: plan.planId, before: page.entries[0]?.sequence, limit: 200 });
    expect(older.entries[0]?.summary).toBe('Added action “3.2 Recruitment campaign”');
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true, firstBrokenSequence: null });
  });
});

describe('undoing settings', () => {
  it('removes a setting that the undone change first made, and puts back one it changed', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const defaults = (await app.call('attention.get', { planId: plan.planId })).rules;
    const [first] = await changesOf('attention.updateRules', { planId: plan.planId, staleAfterDays: 45, lookAheadDays: 30, escalateAfterRedQuarters: 2 });
    const [second] = await changesOf('attention.updateRules', { planId: plan.planId, staleAfterDays: 60, lookAheadDays: 30, escalateAfterRedQuarters: 3 });
    await app.call('changes.undo', { changeId: second ?? '' });
    expect((await app.call('attention.get', { planId: plan.planId })).rules).toMatchObject({ staleAfterDays: 45, escalateAfterRedQuarters: 2 });
    await app.call('changes.undo', { changeId: first ?? '' });
    expect((await app.call('attention.get', { planId: plan.planId })).rules).toEqual(defaults);
    expect(app.core.db.$client.prepare("select count(*) from settings where key like 'plan:%'").pluck().get()).toBe(0);
  });
});

describe('history in words', () => {
  it('has a name in words for every kind of record the audit log can hold', () => {
    const unnamed = [...TABLES_BY_NAME.keys()].filter((table) => !(table in ENTITY_LABELS));
    expect(unnamed).toEqual([]);
  });

  it('names a record that is a value for a year by its year', async () => {
    app = openTestApp();
    const plan = new PlanBuilder(app);
    const line = plan.add(schema.budgetLines, { planId: plan.planId, name: 'Agency premium', kind: 'one-off' });
    plan.add(schema.budgetEntries, { budgetLineId: line, financialYear: '2026-27', allocatedPence: 5_000_000 });
    const [latest] = (await app.call('audit.list', { planId: plan.planId, limit: 1 })).entries;
    expect(latest?.summary).toBe('Added budget for a year “2026-27”');
  });
});
