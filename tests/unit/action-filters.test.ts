import { describe, expect, it } from 'vitest';
import { filterActions, sortActions, type ActionFilters, type FilterableAction } from '../../shared/action-filters';

const TODAY = '2026-11-22';
const action = (reference: string, fields: Partial<FilterableAction> = {}): FilterableAction => ({
  id: reference,
  themeId: 'theme-1',
  reference,
  title: `Action ${reference}`,
  ownerId: 'owner-1',
  ownerName: 'Rachel Okafor',
  leadId: null,
  currentDueDate: '2027-01-31',
  dueDateMoves: 0,
  status: 'in-progress',
  rag: 'green',
  lastUpdateDate: '2026-11-15',
  ...fields,
});

const plan = [
  action('1.1', { currentDueDate: '2026-11-01', rag: 'red' }),
  action('1.2', { currentDueDate: '2026-11-30', status: 'not-started', lastUpdateDate: null, rag: null }),
  action('1.10', { currentDueDate: '2026-10-01', status: 'complete', rag: 'blue', dueDateMoves: 4 }),
  action('2.1', { themeId: 'theme-2', ownerId: 'owner-2', ownerName: 'Helen Marsh', lastUpdateDate: '2026-08-01', dueDateMoves: 2, rag: 'amber' }),
  action('2.2', { themeId: 'theme-2', ownerId: null, ownerName: null, currentDueDate: null, status: 'superseded', rag: null }),
];
const references = (rows: FilterableAction[]) => rows.map((row) => row.reference);

describe('filtering actions', () => {
  it.each<[string, ActionFilters, string[]]>([
    ['theme', { themeIds: ['theme-2'] }, ['2.1', '2.2']],
    ['owner', { ownerIds: ['owner-2'] }, ['2.1']],
    ['RAG, including not yet rated', { rags: ['red', 'unrated'] }, ['1.1', '1.2', '2.2']],
    ['status', { statuses: ['complete', 'superseded'] }, ['1.10', '2.2']],
    ['overdue: still to deliver and past its due date (a completed one is not overdue)', { overdue: true }, ['1.1']],
    ['due within 30 days', { dueWithinDays: 30 }, ['1.2']],
    ['not updated for 60 days, or never, while under way', { notUpdatedForDays: 60 }, ['1.2', '2.1']],
    ['date moved more than twice', { movedMoreThan: 2 }, ['1.10']],
    ['several filters at once', { themeIds: ['theme-1'], rags: ['red', 'green', 'blue'], movedMoreThan: 0 }, ['1.10']],
  ])('by %s', (_name, filters, expected) => {
    expect(references(filterActions(plan, filters, TODAY))).toEqual(expected);
  });

  it('keeps everything with no filters', () => {
    expect(filterActions(plan, {}, TODAY)).toHaveLength(5);
  });
});

describe('sorting actions', () => {
  it('orders references naturally, so 1.10 follows 1.2', () => {
    expect(references(sortActions(plan, { by: 'reference', direction: 'ascending' }))).toEqual(['1.1', '1.2', '1.10', '2.1', '2.2']);
  });
  it('puts the worst RAG first, unrated last', () => {
    expect(references(sortActions(plan, { by: 'rag', direction: 'ascending' }))).toEqual(['1.1', '2.1', '1.10', '1.2', '2.2']);
  });
  it('keeps blanks last whichever way a date column is sorted', () => {
    expect(references(sortActions(plan, { by: 'due', direction: 'ascending' })).at(-1)).toBe('2.2');
    expect(references(sortActions(plan, { by: 'due', direction: 'descending' }))).toEqual(['2.1', '1.2', '1.1', '1.10', '2.2']);
  });
  it('sorts by moves, ties by reference', () => {
    expect(references(sortActions(plan, { by: 'moves', direction: 'descending' }))).toEqual(['1.10', '2.1', '1.1', '1.2', '2.2']);
  });
});
