// What an action is tied to: the actions it depends on, the recommendations it answers and the
// KPIs that show its impact.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { createRecord, deleteRecord, getLiveRecord, restoreRecord, type RecordTable, type UnitOfWork } from '../../../db/records';
import { actionDependencies, actionKpis, actionRecommendations, actions, kpis, recommendations } from '../../../db/schema';
import type { actionEditingMethods } from '../../../shared/contract-actions';
import { readActionDetail, readDependency } from './action-detail';
import { fieldError, listOf } from './action-rules';
import type { HandlerGroup } from './types';

type LinkMethods = Extract<
  keyof typeof actionEditingMethods,
  `dependencies.${string}` | 'actions.setRecommendations' | 'actions.setKpis'
>;

/**
 * The chain of dependencies by which `from` already depends on `to`, if there is one: the
 * actions in between, in order. Only live dependencies between live actions count.
 */
function dependencyPath(unit: UnitOfWork, planId: string, from: string, to: string): string[] | null {
  const dependent = alias(actions, 'dependent');
  const needed = alias(actions, 'needed');
  const edges = unit.db
    .select({ actionId: actionDependencies.actionId, dependsOnActionId: actionDependencies.dependsOnActionId })
    .from(actionDependencies)
    .innerJoin(dependent, eq(dependent.id, actionDependencies.actionId))
    .innerJoin(needed, eq(needed.id, actionDependencies.dependsOnActionId))
    .where(
      and(
        isNull(actionDependencies.deletedAt),
        eq(dependent.planId, planId),
        isNull(dependent.deletedAt),
        isNull(needed.deletedAt),
      ),
    )
    .all();
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.actionId, [...(next.get(edge.actionId) ?? []), edge.dependsOnActionId]);

  // Breadth first, so the shortest chain is the one named.
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === to) {
      const path: string[] = [];
      for (let step = cameFrom.get(to) as string; step !== from; step = cameFrom.get(step) as string) path.unshift(step);
      return path;
    }
    for (const following of next.get(current) ?? []) {
      if (!cameFrom.has(following)) {
        cameFrom.set(following, current);
        queue.push(following);
      }
    }
  }
  return null;
}

export interface LinkRow {
  id: string;
  deletedAt: string | null;
  /** The recommendation or KPI linked. */
  target: string;
}

/**
 * Makes a record's links of one kind exactly the ones wanted: links no longer wanted are
 * tombstoned, links wanted again are restored, new ones created.
 */
export function replaceLinks(
  unit: UnitOfWork,
  planId: string,
  table: RecordTable,
  rows: LinkRow[],
  wanted: Set<string>,
  create: (target: string) => void,
): void {
  for (const row of rows) {
    if (row.deletedAt === null && !wanted.has(row.target)) deleteRecord(unit, table, row.id, planId);
    else if (row.deletedAt !== null && wanted.has(row.target)) restoreRecord(unit, table, row.id, {}, planId);
  }
  const existing = new Set(rows.map((row) => row.target));
  for (const target of wanted) if (!existing.has(target)) create(target);
}

export const actionLinkHandlers: HandlerGroup<LinkMethods> = {
  'dependencies.add': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const id = core.write(planId, (unit) => {
      const action = getLiveRecord(unit, actions, input.actionId);
      if (input.dependsOnActionId === input.actionId) {
        throw fieldError('dependsOnActionId', `${action.reference} cannot depend on itself`);
      }
      const other = unit.db.select().from(actions).where(eq(actions.id, input.dependsOnActionId)).get();
      if (!other || other.deletedAt !== null) {
        throw fieldError('dependsOnActionId', 'Choose another action of this plan: the one chosen no longer exists');
      }
      if (other.planId !== planId) {
        throw fieldError('dependsOnActionId', `Choose an action of this plan: ${other.reference} belongs to another plan`);
      }
      const existing = unit.db
        .select()
        .from(actionDependencies)
        .where(and(eq(actionDependencies.actionId, action.id), eq(actionDependencies.dependsOnActionId, other.id)))
        .get();
      if (existing && existing.deletedAt === null) {
        throw fieldError('dependsOnActionId', `${action.reference} already depends on ${other.reference}`);
      }
      const chain = dependencyPath(unit, planId, other.id, action.id);
      if (chain) {
        const references = chain.map((step) => getLiveRecord(unit, actions, step).reference);
        const through = references.length > 0 ? ` through ${listOf(references)}` : '';
        throw fieldError(
          'dependsOnActionId',
          `${other.reference} already depends on ${action.reference}${through}, so ${action.reference} cannot depend on ${other.reference}`,
        );
      }
      const note = input.note ?? null;
      if (existing) return restoreRecord(unit, actionDependencies, existing.id, { note }, planId).id;
      return createRecord(unit, actionDependencies, { actionId: action.id, dependsOnActionId: other.id, note }, planId).id;
    });
    return readDependency(core, id);
  },

  'dependencies.remove': (input, core) => {
    const row = getLiveRecord(core, actionDependencies, input.dependencyId);
    const { planId } = getLiveRecord(core, actions, row.actionId);
    core.write(planId, (unit) => deleteRecord(unit, actionDependencies, input.dependencyId, planId));
    return { deleted: true as const };
  },

  'actions.setRecommendations': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const wanted = new Set(input.recommendationIds);
    core.write(planId, (unit) => {
      const found = wanted.size
        ? unit.db
            .select({ id: recommendations.id })
            .from(recommendations)
            .where(and(inArray(recommendations.id, [...wanted]), eq(recommendations.planId, planId), isNull(recommendations.deletedAt)))
            .all()
        : [];
      const missing = wanted.size - found.length;
      if (missing > 0) {
        throw fieldError(
          'recommendationIds',
          `${missing} of the chosen recommendations ${missing === 1 ? 'is' : 'are'} not among this plan’s recommendations; choose again from the list`,
        );
      }
      const rows = unit.db
        .select({ id: actionRecommendations.id, deletedAt: actionRecommendations.deletedAt, target: actionRecommendations.recommendationId })
        .from(actionRecommendations)
        .where(eq(actionRecommendations.actionId, input.actionId))
        .all();
      replaceLinks(unit, planId, actionRecommendations, rows, wanted, (recommendationId) =>
        createRecord(unit, actionRecommendations, { actionId: input.actionId, recommendationId }, planId),
      );
    });
    return readActionDetail(core, input.actionId);
  },

  'actions.setKpis': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    const wanted = new Set(input.kpiIds);
    core.write(planId, (unit) => {
      const found = wanted.size
        ? unit.db
            .select({ id: kpis.id })
            .from(kpis)
            .where(and(inArray(kpis.id, [...wanted]), eq(kpis.planId, planId), isNull(kpis.deletedAt)))
            .all()
        : [];
      const missing = wanted.size - found.length;
      if (missing > 0) {
        throw fieldError('kpiIds', `${missing} of the chosen KPIs ${missing === 1 ? 'is' : 'are'} not among this plan’s KPIs; choose again from the list`);
      }
      const rows = unit.db
        .select({ id: actionKpis.id, deletedAt: actionKpis.deletedAt, target: actionKpis.kpiId })
        .from(actionKpis)
        .where(eq(actionKpis.actionId, input.actionId))
        .all();
      replaceLinks(unit, planId, actionKpis, rows, wanted, (kpiId) => createRecord(unit, actionKpis, { actionId: input.actionId, kpiId }, planId));
    });
    return readActionDetail(core, input.actionId);
  },
};
