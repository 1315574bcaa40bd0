// Sub-plans: a 12-week sprint or a plan for one weak service (such as leaving care). Each is a
// plan of its own, with its own actions made the usual way, pointing to the main plan it serves
// and linked to the main plan's actions it exists to move.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { newId } from '../../../db/ids';
import { createRecord, deleteRecord, getLiveRecord, restoreRecord, type UnitOfWork } from '../../../db/records';
import { actions, plans, subPlanLinks } from '../../../db/schema';
import type { SubPlan } from '../../../shared/contract-versions';
import { londonDate } from '../../../shared/dates';
import { ACTION_STATUSES, type ActionStatus, type SubPlanKind } from '../../../shared/vocabulary';
import type { Rag } from '../../../shared/rag';
import type { Core } from '../core';
import { fieldError } from './action-rules';
import { assertPlanEditable } from './versions-rules';

type PlanRecord = typeof plans.$inferSelect;

const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** The ids among `wanted` that are not live actions of the plan, nor already linked. */
function unknownActions(unit: Pick<UnitOfWork, 'db'>, planId: string, wanted: string[], alreadyLinked: Set<string>): string[] {
  const candidates = wanted.filter((id) => !alreadyLinked.has(id));
  if (candidates.length === 0) return [];
  const found = new Set(
    unit.db
      .select({ id: actions.id })
      .from(actions)
      .where(and(inArray(actions.id, candidates), eq(actions.planId, planId), isNull(actions.deletedAt)))
      .all()
      .map((row) => row.id),
  );
  return candidates.filter((id) => !found.has(id));
}

function refuseUnknown(missing: string[], chosen: number, path: string): void {
  if (missing.length === 0) return;
  throw fieldError(
    path,
    `${missing.length} of the ${chosen} actions chosen ${missing.length === 1 ? 'is' : 'are'} not among the main plan’s actions ` +
      '(deleted since, or of another plan); choose again from the list',
  );
}

/** A sub-plan hangs off a main plan that can still be changed. */
function parentFor(unit: UnitOfWork, parentPlanId: string): PlanRecord {
  const parent = getLiveRecord(unit, plans, parentPlanId);
  assertPlanEditable(unit, parent);
  if (parent.kind !== 'main') {
    throw fieldError('parentPlanId', `“${parent.title}” is itself a sub-plan; a sprint or service plan belongs to a main plan`);
  }
  return parent;
}

export function createSubPlan(
  unit: UnitOfWork,
  input: { parentPlanId: string; kind: SubPlanKind; title: string; startDate: string; endDate: string; summary?: string | null; linkedActionIds: string[] },
): string {
  const parent = parentFor(unit, input.parentPlanId);
  const wanted = [...new Set(input.linkedActionIds)];
  refuseUnknown(unknownActions(unit, parent.id, wanted, new Set()), wanted.length, 'linkedActionIds');
  const id = newId();
  createRecord(
    unit,
    plans,
    {
      id,
      seriesId: id,
      authorityId: parent.authorityId,
      inspectionId: parent.inspectionId,
      kind: input.kind,
      parentPlanId: parent.id,
      title: input.title,
      summary: input.summary ?? null,
      status: 'active',
      version: 1,
      startDate: input.startDate,
      endDate: input.endDate,
      classification: parent.classification,
      ragMeanings: parent.ragMeanings,
    },
    id,
  );
  for (const actionId of wanted) createRecord(unit, subPlanLinks, { subPlanId: id, actionId }, id);
  return id;
}

/**
 * Makes a sub-plan's links exactly the actions wanted: links no longer wanted are tombstoned,
 * links wanted again restored, new ones created. Actions linked before a refresh of the main
 * plan may belong to its earlier version (complete ones, not carried); they may stay linked.
 */
export function setSubPlanLinks(unit: UnitOfWork, subPlanId: string, actionIds: string[]): void {
  const sub = getLiveRecord(unit, plans, subPlanId);
  if (!sub.parentPlanId) {
    throw fieldError('subPlanId', `“${sub.title}” is a main plan, not a sprint or service plan`);
  }
  assertPlanEditable(unit, sub);
  const rows = unit.db.select().from(subPlanLinks).where(eq(subPlanLinks.subPlanId, subPlanId)).all();
  const linked = new Set(rows.filter((row) => row.deletedAt === null).map((row) => row.actionId));
  const wanted = new Set(actionIds);
  refuseUnknown(unknownActions(unit, sub.parentPlanId, [...wanted], linked), wanted.size, 'actionIds');
  for (const row of rows) {
    if (row.deletedAt === null && !wanted.has(row.actionId)) deleteRecord(unit, subPlanLinks, row.id, subPlanId);
    else if (row.deletedAt !== null && wanted.has(row.actionId)) restoreRecord(unit, subPlanLinks, row.id, {}, subPlanId);
  }
  const existing = new Set(rows.map((row) => row.actionId));
  for (const actionId of wanted) if (!existing.has(actionId)) createRecord(unit, subPlanLinks, { subPlanId, actionId }, subPlanId);
}

function progressOf(core: Core, plan: PlanRecord): SubPlan['progress'] {
  const rows = core.db
    .select({ status: actions.status, rag: actions.rag })
    .from(actions)
    .where(and(eq(actions.planId, plan.id), isNull(actions.deletedAt)))
    .all();
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<ActionStatus, number>;
  const ragCounts = { red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
  for (const row of rows) {
    byStatus[row.status as ActionStatus] += 1;
    ragCounts[(row.rag as Rag | null) ?? 'unrated'] += 1;
  }
  const counted = rows.length - byStatus.superseded;
  const today = londonDate(core.clock());
  const timing =
    plan.startDate && plan.endDate
      ? (() => {
          const durationDays = differenceInCalendarDays(parseISO(plan.endDate), parseISO(plan.startDate)) + 1;
          const elapsed = differenceInCalendarDays(parseISO(today), parseISO(plan.startDate)) + 1;
          return {
            durationDays,
            elapsedDays: Math.min(Math.max(elapsed, 0), durationDays),
            daysLeft: differenceInCalendarDays(parseISO(plan.endDate), parseISO(today)),
          };
        })()
      : { durationDays: null, elapsedDays: null, daysLeft: plan.endDate ? differenceInCalendarDays(parseISO(plan.endDate), parseISO(today)) : null };
  return {
    actionCount: rows.length,
    byStatus,
    ragCounts,
    percentComplete: counted > 0 ? Math.round((byStatus.complete * 100) / counted) : 0,
    ...timing,
  };
}

function linkedActionsOf(core: Core, subPlanId: string): SubPlan['linkedActions'] {
  return core.db
    .select({
      id: actions.id,
      planId: actions.planId,
      reference: actions.reference,
      title: actions.title,
      status: actions.status,
      rag: actions.rag,
      currentDueDate: actions.currentDueDate,
    })
    .from(subPlanLinks)
    .innerJoin(actions, eq(actions.id, subPlanLinks.actionId))
    .where(and(eq(subPlanLinks.subPlanId, subPlanId), isNull(subPlanLinks.deletedAt), isNull(actions.deletedAt)))
    .all()
    .map((row) => ({ ...row, status: row.status as ActionStatus, rag: row.rag as Rag | null }))
    .sort((a, b) => referenceOrder.compare(a.reference, b.reference));
}

function toSubPlan(core: Core, plan: PlanRecord): SubPlan {
  return {
    id: plan.id,
    parentPlanId: plan.parentPlanId as string,
    kind: plan.kind as SubPlanKind,
    title: plan.title,
    summary: plan.summary,
    status: plan.status as SubPlan['status'],
    startDate: plan.startDate,
    endDate: plan.endDate,
    progress: progressOf(core, plan),
    linkedActions: linkedActionsOf(core, plan.id),
  };
}

export function readSubPlan(core: Core, subPlanId: string): SubPlan {
  return toSubPlan(core, getLiveRecord(core, plans, subPlanId));
}

/** The sub-plans of a plan, current ones only, those ending soonest first. */
export function listSubPlans(core: Core, planId: string): SubPlan[] {
  getLiveRecord(core, plans, planId);
  return core.db
    .select()
    .from(plans)
    .where(and(eq(plans.parentPlanId, planId), isNull(plans.deletedAt)))
    .orderBy(asc(plans.endDate), asc(plans.title))
    .all()
    .filter((plan) => plan.status !== 'superseded')
    .map((plan) => toSubPlan(core, plan));
}
