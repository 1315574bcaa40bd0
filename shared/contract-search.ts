// Contract methods for finding things in a plan: the filtered, sorted action table, full-text
// search across actions, updates, recommendations and findings, and saved views.
import * as z from 'zod';
import { SORT_KEYS } from './action-filters';
import { ActionRow, Id, method, PlanOnly, RagSchema, title, type MethodDefinition } from './contract-kit';
import { ACTION_STATUSES } from './vocabulary';

const days = (what: string) =>
  z.number({ message: `Enter ${what} as a whole number of days` }).int(`Enter ${what} as a whole number of days`).min(0).max(3650);

export const ActionFiltersSchema = z
  .object({
    themeIds: z.array(Id).max(200).optional(),
    ownerIds: z.array(Id).max(500).optional(),
    leadIds: z.array(Id).max(500).optional(),
    rags: z.array(z.union([RagSchema, z.literal('unrated')])).optional(),
    statuses: z.array(z.enum(ACTION_STATUSES)).optional(),
    overdue: z.boolean().optional(),
    dueWithinDays: days('the days ahead').optional(),
    notUpdatedForDays: days('the days without an update').optional(),
    movedMoreThan: z.number().int('Enter a whole number of moves').min(0).max(100).optional(),
  })
  .strict();

export const ActionQuery = z
  .object({
    filters: ActionFiltersSchema.default({}),
    sort: z.object({ by: z.enum(SORT_KEYS), direction: z.enum(['ascending', 'descending']) }).default({ by: 'reference', direction: 'ascending' }),
    /** Words to find in the action, its description and measures of success, or its progress updates. */
    search: z.string().trim().max(200, 'Search for at most 200 characters').default(''),
  })
  .strict();
export type ActionQuery = z.input<typeof ActionQuery>;

export const SEARCH_KINDS = ['action', 'update', 'recommendation', 'finding'] as const;

export const SearchResult = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: Id,
  /** The action to open for an action or one of its updates. */
  actionId: Id.nullable(),
  heading: z.string(),
  /** The matching passage, with the words found between \u0002 and \u0003. */
  snippet: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SavedView = z.object({ id: Id, name: z.string(), query: ActionQuery });
export type SavedView = z.infer<typeof SavedView>;

export const searchMethods = {
  'actions.query': method(
    z.object({ planId: Id }).extend(ActionQuery.shape).strict(),
    z.object({
      /** How many live actions the plan has, before any filter. */
      total: z.number().int(),
      rows: z.array(ActionRow),
      /** What the filters can offer: the plan's themes and the people who own or lead its actions. */
      facets: z.object({
        themes: z.array(z.object({ id: Id, label: z.string() })),
        owners: z.array(z.object({ id: Id, label: z.string() })),
        leads: z.array(z.object({ id: Id, label: z.string() })),
      }),
    }),
  ),
  'search.plan': method(
    z.object({ planId: Id, query: z.string().trim().min(1, 'Enter the words to search for').max(200, 'Search for at most 200 characters') }).strict(),
    z.object({ results: z.array(SearchResult), truncated: z.boolean() }),
  ),
  'views.list': method(PlanOnly, z.array(SavedView)),
  'views.save': method(z.object({ planId: Id, name: title('name of the view'), query: ActionQuery }).strict(), SavedView, true),
  'views.delete': method(z.object({ viewId: Id }).strict(), z.object({ deleted: z.literal(true) }), true),
} satisfies Record<string, MethodDefinition>;
