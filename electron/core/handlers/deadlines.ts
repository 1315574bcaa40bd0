import { and, eq, inArray } from 'drizzle-orm';
import { createRecord, updateRecord } from '../../../db/records';
import { auditLog, deadlines, inspections, plans } from '../../../db/schema';
import type { Deadline, DeadlineList } from '../../../shared/contract';
import { computeDeadlines } from '../../../shared/deadlines';
import { AppError } from '../../../shared/errors';
import type { Framework, Judgement } from '../../../shared/vocabulary';
import { bankHolidays } from '../calendar';
import type { Core } from '../core';
import type { HandlerGroup } from './types';

function planInspection(core: Core, planId: string) {
  const plan = core.db.select({ inspectionId: plans.inspectionId }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  if (!plan.inspectionId) return null;
  return core.db.select().from(inspections).where(eq(inspections.id, plan.inspectionId)).get() ?? null;
}

interface OverrideState {
  overrideDate: string | null;
  overrideReason: string | null;
}

/** The plan's statutory and expected dates: computed by the rules, with any agreed overrides. */
export function listDeadlines(core: Core, planId: string): DeadlineList {
  const holidays = bankHolidays(core);
  const inspection = planInspection(core, planId);
  const empty = (unavailable: string): DeadlineList => ({
    unavailable,
    reportReceivedDate: inspection?.reportReceivedDate ?? null,
    deadlines: [],
    bankHolidaysKnownUntil: holidays.lastYear,
  });
  if (!inspection || inspection.deletedAt) {
    return empty('No inspection is recorded for this plan yet, so no statutory dates can be computed.');
  }
  if (!inspection.reportReceivedDate) {
    return empty('Enter the date the inspection report was received: the statutory dates count from it.');
  }
  const computed = computeDeadlines(
    {
      framework: inspection.framework as Framework,
      reportReceivedDate: inspection.reportReceivedDate,
      overallJudgement: inspection.overallJudgement as Judgement | null,
      priorityActionAreas: inspection.priorityActionAreas,
    },
    holidays,
  );
  const rows = core.db
    .select()
    .from(deadlines)
    .where(eq(deadlines.inspectionId, inspection.id))
    .all()
    .filter((row) => row.deletedAt === null);
  const byKey = new Map(rows.map((row) => [row.deadlineKey, row]));
  const entries = rows.length
    ? core.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'deadlines'), inArray(auditLog.entityId, rows.map((row) => row.id))))
        .all()
    : [];

  const result: Deadline[] = computed.map((deadline) => {
    const row = byKey.get(deadline.key);
    const override =
      row?.overrideDate && row.overrideReason
        ? { date: row.overrideDate, reason: row.overrideReason, by: row.updatedBy, at: row.updatedAt }
        : null;
    const history = entries
      .filter((entry) => entry.entityId === row?.id)
      .map((entry) => {
        const before = entry.before ? (JSON.parse(entry.before) as OverrideState) : null;
        const after = entry.after ? (JSON.parse(entry.after) as OverrideState) : null;
        return {
          at: entry.at,
          by: entry.actor,
          from: before?.overrideDate ?? null,
          to: after?.overrideDate ?? null,
          reason: after?.overrideReason ?? '',
        };
      })
      .reverse();
    return {
      key: deadline.key,
      kind: deadline.kind,
      label: deadline.label,
      rule: deadline.rule,
      source: deadline.source,
      statutory: deadline.statutory,
      provisional: deadline.provisional,
      computedDate: deadline.date,
      windowEnd: deadline.windowEnd,
      override,
      date: override?.date ?? deadline.date,
      history,
    };
  });
  return {
    unavailable: null,
    reportReceivedDate: inspection.reportReceivedDate,
    deadlines: result.sort((a, b) => a.date.localeCompare(b.date)),
    bankHolidaysKnownUntil: holidays.lastYear,
  };
}

function setOverride(core: Core, planId: string, key: string, date: string | null, reason: string): DeadlineList {
  const current = listDeadlines(core, planId);
  const deadline = current.deadlines.find((candidate) => candidate.key === key);
  if (!deadline) {
    throw new AppError('invalid-input', `Nothing was saved: this plan has no date called “${key}”.`, {
      fields: [{ path: 'key', message: 'There is no such date for this plan’s inspection' }],
    });
  }
  if (date === null && !deadline.override) {
    throw new AppError('invalid-input', `Nothing was saved: the date “${deadline.label}” has not been changed, so there is nothing to put back.`, {
      fields: [{ path: 'key', message: 'This date has no override' }],
    });
  }
  const inspection = planInspection(core, planId);
  if (!inspection) throw new AppError('not-found', 'The plan’s inspection no longer exists.');
  core.write(planId, (unit) => {
    const existing = unit.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.inspectionId, inspection.id), eq(deadlines.deadlineKey, key)))
      .get();
    const values = { overrideDate: date, overrideReason: reason, computedDate: deadline.computedDate };
    if (existing) updateRecord(unit, deadlines, existing.id, values, planId);
    else createRecord(unit, deadlines, { inspectionId: inspection.id, deadlineKey: key, ...values }, planId);
  });
  return listDeadlines(core, planId);
}

export const deadlineHandlers: HandlerGroup<'deadlines.list' | 'deadlines.override' | 'deadlines.clearOverride'> = {
  'deadlines.list': (input, core) => listDeadlines(core, input.planId),
  'deadlines.override': (input, core) => setOverride(core, input.planId, input.key, input.date, input.reason),
  'deadlines.clearOverride': (input, core) => setOverride(core, input.planId, input.key, null, input.reason),
};
