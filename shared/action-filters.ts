// Finding actions in a plan: the filters and orders of the action table and of saved views.
// Pure, so the services apply them and tests state them plainly.
import { addDays, format, parseISO, subDays } from 'date-fns';
import type { Rag } from './rag';
import type { ActionStatus } from './vocabulary';

export interface FilterableAction {
  id: string;
  themeId: string | null;
  reference: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  leadId: string | null;
  currentDueDate: string | null;
  dueDateMoves: number;
  status: ActionStatus;
  rag: Rag | null;
  lastUpdateDate: string | null;
}

export interface ActionFilters {
  themeIds?: string[];
  ownerIds?: string[];
  leadIds?: string[];
  /** RAG ratings to keep; 'unrated' keeps actions not yet rated. */
  rags?: (Rag | 'unrated')[];
  statuses?: ActionStatus[];
  /** Only actions still to deliver whose due date has passed. */
  overdue?: boolean;
  /** Only actions still to deliver due between today and this many days ahead. */
  dueWithinDays?: number;
  /** Only actions under way with no update for at least this many days (or never updated). */
  notUpdatedForDays?: number;
  /** Only actions whose due date has moved more than this many times. */
  movedMoreThan?: number;
}

export const SORT_KEYS = ['reference', 'title', 'owner', 'due', 'status', 'rag', 'lastUpdate', 'moves'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ActionSort {
  by: SortKey;
  direction: 'ascending' | 'descending';
}

const TO_DELIVER = new Set<ActionStatus>(['not-started', 'in-progress']);
const UNDER_WAY = new Set<ActionStatus>(['not-started', 'in-progress', 'awaiting-evidence']);

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

function inList<T>(list: T[] | undefined, value: T): boolean {
  return !list || list.length === 0 || list.includes(value);
}

export function filterActions<T extends FilterableAction>(actions: T[], filters: ActionFilters, today: string): T[] {
  const dueBy = filters.dueWithinDays === undefined ? null : iso(addDays(parseISO(today), filters.dueWithinDays));
  const silentSince = filters.notUpdatedForDays === undefined ? null : iso(subDays(parseISO(today), filters.notUpdatedForDays));
  return actions.filter((action) => {
    if (!inList(filters.themeIds, action.themeId ?? '')) return false;
    if (!inList(filters.ownerIds, action.ownerId ?? '')) return false;
    if (!inList(filters.leadIds, action.leadId ?? '')) return false;
    if (!inList(filters.rags, action.rag ?? 'unrated')) return false;
    if (!inList(filters.statuses, action.status)) return false;
    const due = action.currentDueDate;
    if (filters.overdue && !(TO_DELIVER.has(action.status) && due !== null && due < today)) return false;
    if (dueBy !== null && !(TO_DELIVER.has(action.status) && due !== null && due >= today && due <= dueBy)) return false;
    if (silentSince !== null && !(UNDER_WAY.has(action.status) && (action.lastUpdateDate === null || action.lastUpdateDate <= silentSince))) {
      return false;
    }
    if (filters.movedMoreThan !== undefined && !(action.dueDateMoves > filters.movedMoreThan)) return false;
    return true;
  });
}

/** Natural order for references, so 2.10 follows 2.9. */
const naturalOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

const STATUS_ORDER: Record<ActionStatus, number> = {
  'not-started': 0,
  'in-progress': 1,
  'awaiting-evidence': 2,
  complete: 3,
  superseded: 4,
};
/** Worst first when ascending: red, amber, green, blue, then unrated. */
const RAG_ORDER: Record<Rag | 'unrated', number> = { red: 0, amber: 1, green: 2, blue: 3, unrated: 4 };

function compareText(a: string | null, b: string | null): number {
  // Blanks sort last whichever way the column is sorted, as spreadsheets do.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return naturalOrder.compare(a, b);
}

export function sortActions<T extends FilterableAction>(actions: T[], sort: ActionSort): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byKey = (a: T, b: T): number => {
    switch (sort.by) {
      case 'reference':
        return sign * naturalOrder.compare(a.reference, b.reference);
      case 'title':
        return sign * naturalOrder.compare(a.title, b.title);
      case 'owner':
        return a.ownerName === null || b.ownerName === null ? compareText(a.ownerName, b.ownerName) : sign * compareText(a.ownerName, b.ownerName);
      case 'due':
        return a.currentDueDate === null || b.currentDueDate === null
          ? compareText(a.currentDueDate, b.currentDueDate)
          : sign * compareText(a.currentDueDate, b.currentDueDate);
      case 'lastUpdate':
        return a.lastUpdateDate === null || b.lastUpdateDate === null
          ? compareText(a.lastUpdateDate, b.lastUpdateDate)
          : sign * compareText(a.lastUpdateDate, b.lastUpdateDate);
      case 'status':
        return sign * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      case 'rag':
        return sign * (RAG_ORDER[a.rag ?? 'unrated'] - RAG_ORDER[b.rag ?? 'unrated']);
      case 'moves':
        return sign * (a.dueDateMoves - b.dueDateMoves);
    }
  };
  // Ties fall back to the reference, so the order is always the same.
  return [...actions].sort((a, b) => byKey(a, b) || naturalOrder.compare(a.reference, b.reference));
}
