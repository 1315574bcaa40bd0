// Finding actions: the filtered, sorted table, full-text search and saved views, on the demo
// plan and on hand-built plans, through the contract.
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { ftsQuery } from '../../electron/core/handlers/search';
import { PlanBuilder } from '../support/plan-builder';
import { openTestApp, type TestApp } from '../support/temp-app';

const NOW = new Date('2026-11-22T10:00:00Z');
let app: TestApp;
afterEach(() => app?.close());

describe('the words typed become a safe FTS5 query', () => {
  it.each([
    ['return home interviews', '"return"* "home"* "interviews"*'],
    ['"quoted" AND (operators) NEAR/2 -minus', '"quoted"* "AND"* "operators"* "NEAR"* "2"* "minus"*'],
    ['  ', null],
    ['PEPs — 95%', '"PEPs"* "95"*'],
  ])('%s', (typed, expected) => {
    expect(ftsQuery(typed)).toBe(expected);
  });
});

describe('the action table', () => {
  it('filters, searches and sorts the plan’s actions, and counts them all', async () => {
    app = openTestApp({ clock: () => NOW });
    const plan = new PlanBuilder(app);
    const owner = plan.person('Rachel Okafor');
    const mho = plan.action({ reference: '1.2', title: 'Return home interviews within 72 hours', status: 'in-progress', rag: 'red', ownerId: owner, currentDueDate: '2026-11-01' });
    const supervision = plan.action({ reference: '1.10', title: 'Supervision policy', description: 'Reflective supervision every month', status: 'in-progress', rag: 'amber', currentDueDate: '2026-12-01' });
    plan.action({ reference: '1.3', title: 'Front door thresholds', status: 'complete', rag: 'blue', currentDueDate: '2026-06-01' });
    plan.update(supervision, '2026-11-10', 'amber', 'Audit of case files shows better management oversight');
    plan.update(mho, '2026-11-12', 'red', 'Children missing from home are not always offered an interview');

    const query = (input: object) => app.call('actions.query', { planId: plan.planId, ...input });
    const refs = (answer: { rows: { reference: string }[] }) => answer.rows.map((row) => row.reference);

    expect(refs(await query({}))).toEqual(['1.2', '1.3', '1.10']);
    expect((await query({ filters: { overdue: true } })).total).toBe(3);
    expect(refs(await query({ filters: { overdue: true } }))).toEqual(['1.2']);
    expect(refs(await query({ filters: { ownerIds: [owner] } }))).toEqual(['1.2']);
    // Words are found in titles, descriptions and progress updates, with stems (interview/interviews).
    expect(refs(await query({ search: 'oversight' }))).toEqual(['1.10']);
    expect(refs(await query({ search: 'interview' }))).toEqual(['1.2']);
    expect(refs(await query({ search: 'reflective superv' }))).toEqual(['1.10']);
    expect(refs(await query({ search: 'nothing like this' }))).toEqual([]);
    expect(refs(await query({ sort: { by: 'rag', direction: 'ascending' } }))).toEqual(['1.2', '1.10', '1.3']);
    // Every word typed is required, FTS5's operators included: a trailing OR is a word, not a syntax error.
    expect(refs(await query({ search: 'supervision OR' }))).toEqual([]);
    expect(refs(await query({ search: 'supervision', filters: { rags: ['amber'] } }))).toEqual(['1.10']);
    expect(refs(await query({ search: 'supervision', filters: { rags: ['red'] } }))).toEqual([]);
  });

  it('leaves deleted actions and updates out of search', async () => {
    app = openTestApp({ clock: () => NOW });
    const plan = new PlanBuilder(app);
    const id = plan.action({ reference: '3.1', title: 'Kinship care assessments' });
    expect((await app.call('actions.query', { planId: plan.planId, search: 'kinship' })).rows).toHaveLength(1);
    app.core.write(plan.planId, (unit) => {
      unit.db.update(schema.actions).set({ deletedAt: unit.now }).run();
      void id;
    });
    expect((await app.call('actions.query', { planId: plan.planId, search: 'kinship' })).rows).toHaveLength(0);
  });
});

describe('searching the whole plan', () => {
  it('finds actions, updates, recommendations and findings of the demo plan, marking the words found', async () => {
    app = openTestApp({ seedDemo: true, clock: () => NOW });
    const [plan] = await app.call('plans.list', {});
    if (!plan) throw new Error('no demo plan');
    const { results } = await app.call('search.plan', { planId: plan.id, query: 'supervision' });
    const kinds = new Set(results.map((result) => result.kind));
    expect(kinds.has('action')).toBe(true);
    expect(kinds.has('update') || kinds.has('finding') || kinds.has('recommendation')).toBe(true);
    for (const result of results) expect(result.snippet.toLowerCase()).toMatch(/\u0002supervis/);
    expect(results.filter((result) => result.kind === 'update').every((result) => result.actionId !== null)).toBe(true);
  });
});

describe('saved views', () => {
  it('keeps a named set of filters and sorting for the plan, and forgets it when deleted', async () => {
    app = openTestApp({ clock: () => NOW });
    const plan = new PlanBuilder(app);
    const view = await app.call('views.save', {
      planId: plan.planId,
      name: 'Red and moved',
      query: { filters: { rags: ['red'], movedMoreThan: 2 }, sort: { by: 'due', direction: 'ascending' } },
    });
    expect(view).toMatchObject({ name: 'Red and moved', query: { filters: { rags: ['red'], movedMoreThan: 2 }, search: '' } });
    expect(await app.call('views.list', { planId: plan.planId })).toHaveLength(1);
    await app.call('views.delete', { viewId: view.id });
    expect(await app.call('views.list', { planId: plan.planId })).toEqual([]);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});
