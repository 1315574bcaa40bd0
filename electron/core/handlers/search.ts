import { and, asc, eq, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord } from '../../../db/records';
import { savedViews } from '../../../db/schema';
import { filterActions, sortActions } from '../../../shared/action-filters';
import { ActionQuery, type SavedView, type SearchResult, type searchMethods } from '../../../shared/contract-search';
import { londonDate } from '../../../shared/dates';
import type { ActionRow } from '../../../shared/contract';
import type { Core } from '../core';
import { assertPlanExists, listActionRows } from './plans';
import type { HandlerGroup } from './types';

const RESULT_LIMIT = 200;
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * The words a person typed as an FTS5 query: each word quoted (so punctuation and FTS5's own
 * operators are taken literally) and matched as a prefix, all of them required.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/** Actions of the plan whose text, or one of whose updates, matches the words. */
function matchingActionIds(core: Core, planId: string, query: string): Set<string> {
  const rows = core.db.$client
    .prepare(
      `select x.id from search_actions s join actions x on x.rowid = s.rowid where search_actions match @query and x.plan_id = @planId
       union
       select u.action_id from search_updates s join progress_updates u on u.rowid = s.rowid
         join actions x on x.id = u.action_id
       where search_updates match @query and x.plan_id = @planId and u.deleted_at is null`,
    )
    .pluck()
    .all({ query, planId }) as string[];
  return new Set(rows);
}

function searchPlan(core: Core, planId: string, query: string): { results: SearchResult[]; truncated: boolean } {
  const snippet = (table: string, column: number) => `snippet(${table}, ${column}, '${OPEN}', '${CLOSE}', '…', 16)`;
  const rows = core.db.$client
    .prepare(
      `select * from (
         select 'action' as kind, x.id, x.id as actionId, x.reference || ' ' || x.title as heading,
                ${snippet('search_actions', -1)} as snippet, bm25(search_actions) as rank
         from search_actions s join actions x on x.rowid = s.rowid
         where search_actions match @query and x.plan_id = @planId
         union all
         select 'update', u.id, x.id, 'Update on ' || x.reference || ', ' || u.update_date, ${snippet('search_updates', 0)}, bm25(search_updates)
         from search_updates s join progress_updates u on u.rowid = s.rowid join actions x on x.id = u.action_id
         where search_updates match @query and x.plan_id = @planId and u.deleted_at is null and x.deleted_at is null
         union all
         select 'recommendation', r.id, null, 'Recommendation ' || r.number, ${snippet('search_recommendations', 0)}, bm25(search_recommendations)
         from search_recommendations s join recommendations r on r.rowid = s.rowid
         where search_recommendations match @query and r.plan_id = @planId
         union all
         select 'finding', f.id, null, v.title || ': ' || case f.kind when 'strength' then 'strength' else 'area to improve' end,
                ${snippet('search_findings', 0)}, bm25(search_findings)
         from search_findings s join review_findings f on f.rowid = s.rowid join reviews v on v.id = f.review_id
         where search_findings match @query and v.plan_id = @planId and v.deleted_at is null
       ) order by rank limit ${RESULT_LIMIT + 1}`,
    )
    .all({ query, planId }) as (SearchResult & { rank: number })[];
  return {
    results: rows.slice(0, RESULT_LIMIT).map(({ rank: _rank, ...result }) => result),
    truncated: rows.length > RESULT_LIMIT,
  };
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en-GB', { numeric: true });

/** The choices the filters offer, from the whole plan rather than the rows shown. */
function facets(core: Core, planId: string, all: ActionRow[]) {
  const people = (pick: (row: ActionRow) => [string | null, string | null]) => {
    const found = new Map<string, string>();
    for (const row of all) {
      const [id, name] = pick(row);
      if (id && name) found.set(id, name);
    }
    return [...found].map(([id, label]) => ({ id, label })).sort(byLabel);
  };
  const themes = (
    core.db.$client.prepare('select id, reference, title from themes where plan_id = ? and deleted_at is null').all(planId) as {
      id: string;
      reference: string;
      title: string;
    }[]
  )
    .map((theme) => ({ id: theme.id, label: `${theme.reference}. ${theme.title}` }))
    .sort(byLabel);
  return { themes, owners: people((row) => [row.ownerId, row.ownerName]), leads: people((row) => [row.leadId, row.leadName]) };
}

function listViews(core: Core, planId: string): SavedView[] {
  return core.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.planId, planId), isNull(savedViews.deletedAt)))
    .orderBy(asc(savedViews.name))
    .all()
    .flatMap((view) => {
      // A view saved by an older version with filters since renamed is skipped rather than misapplied.
      const query = ActionQuery.safeParse(view.query);
      return query.success ? [{ id: view.id, name: view.name, query: query.data }] : [];
    });
}

export const searchHandlers: HandlerGroup<keyof typeof searchMethods> = {
  'actions.query': (input, core) => {
    assertPlanExists(core, input.planId);
    const all = listActionRows(core, input.planId);
    const fts = ftsQuery(input.search);
    const matches = fts === null ? null : matchingActionIds(core, input.planId, fts);
    const searched = matches === null ? all : all.filter((action) => matches.has(action.id));
    const rows = sortActions(filterActions(searched, input.filters, londonDate(core.clock())), input.sort);
    return { total: all.length, rows, facets: facets(core, input.planId, all) };
  },

  'search.plan': (input, core) => {
    assertPlanExists(core, input.planId);
    const fts = ftsQuery(input.query);
    return fts === null ? { results: [], truncated: false } : searchPlan(core, input.planId, fts);
  },

  'views.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listViews(core, input.planId);
  },

  'views.save': (input, core) => {
    assertPlanExists(core, input.planId);
    const id = core.write(input.planId, (unit) => createRecord(unit, savedViews, { planId: input.planId, name: input.name, query: input.query }, input.planId).id);
    const saved = listViews(core, input.planId).find((view) => view.id === id);
    if (!saved) throw new Error('The view was saved but could not be read back.');
    return saved;
  },

  'views.delete': (input, core) => {
    const view = getLiveRecord(core, savedViews, input.viewId);
    core.write(view.planId, (unit) => deleteRecord(unit, savedViews, input.viewId, view.planId));
    return { deleted: true as const };
  },
};
