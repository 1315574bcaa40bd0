// Workforce projections and the plan's budget.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, restoreRecord, updateRecord, type UnitOfWork } from '../../../db/records';
import { budgetEntries, budgetLines, plans, workforceProjections } from '../../../db/schema';
import { lineTotals, totalBudget, type BudgetKind } from '../../../shared/budget';
import { checkProjection, type Budget, type BudgetLine, type WorkforceProjection } from '../../../shared/contract-money';
import type { ParsedInput } from '../../../shared/contract';
import { londonDate } from '../../../shared/dates';
import { financialYearKeys, financialYearPeriod, periodLabel } from '../../../shared/periods';
import { describeProjection, projectWorkforce } from '../../../shared/workforce';
import type { Core } from '../core';
import { fieldError } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;
type ProjectionRow = typeof workforceProjections.$inferSelect;

// ---------------------------------------------------------------- workforce

function toProjection(row: ProjectionRow): WorkforceProjection {
  const recruits = Object.entries(row.recruits).map(([channel, counts]) => ({ channel, counts }));
  const table = projectWorkforce({ ...row, recruits });
  return {
    id: row.id,
    name: row.name,
    startYear: row.startYear,
    years: row.years,
    totalPosts: row.totalPosts,
    currentVacancies: row.currentVacancies,
    annualTurnoverRate: row.annualTurnoverRate,
    recruits,
    table,
    summary: describeProjection(table),
    updatedAt: row.updatedAt,
  };
}

export function listProjections(reader: Reader, planId: string): WorkforceProjection[] {
  return reader.db
    .select()
    .from(workforceProjections)
    .where(and(eq(workforceProjections.planId, planId), isNull(workforceProjections.deletedAt)))
    .orderBy(asc(workforceProjections.createdAt), asc(workforceProjections.id))
    .all()
    .map(toProjection);
}

/** Channels as stored: an object in the channels' order (a name is never digits alone, which would move it to the front). */
function storedRecruits(recruits: { channel: string; counts: number[] }[]): Record<string, number[]> {
  return Object.fromEntries(recruits.map((channel) => [channel.channel, channel.counts]));
}

// ---------------------------------------------------------------- budget

type LineRow = typeof budgetLines.$inferSelect;
type EntryInput = ParsedInput<'budget.setEntries'>['entries'][number];

function liveEntries(reader: Reader, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return reader.db
    .select()
    .from(budgetEntries)
    .where(and(inArray(budgetEntries.budgetLineId, lineIds), isNull(budgetEntries.deletedAt)))
    .orderBy(asc(budgetEntries.financialYear))
    .all();
}

function toLines(reader: Reader, rows: LineRow[]): BudgetLine[] {
  const entries = liveEntries(
    reader,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const own = entries
      .filter((entry) => entry.budgetLineId === row.id)
      .map((entry) => ({
        financialYear: entry.financialYear,
        label: periodLabel(entry.financialYear),
        allocatedPence: entry.allocatedPence,
        spentPence: entry.spentPence,
      }));
    return { id: row.id, name: row.name, kind: row.kind as BudgetKind, description: row.description, entries: own, total: lineTotals(own) };
  });
}

function readLine(reader: Reader, id: string): BudgetLine {
  const [line] = toLines(reader, [getLiveRecord(reader, budgetLines, id)]);
  if (!line) throw new Error('The budget line was saved but could not be read back.');
  return line;
}

/** The financial years the plan runs over, from its start and end dates; at most 20. */
function planYears(reader: Reader, planId: string): string[] {
  const plan = getLiveRecord(reader, plans, planId);
  if (!plan.startDate) return [];
  const first = financialYearPeriod(plan.startDate).key;
  const last = financialYearPeriod(plan.endDate ?? plan.startDate).key;
  const count = Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1;
  return financialYearKeys(first, Math.min(Math.max(count, 1), 20));
}

export function readBudget(core: Core, planId: string): Budget {
  const rows = core.db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.planId, planId), isNull(budgetLines.deletedAt)))
    .orderBy(asc(budgetLines.createdAt), asc(budgetLines.id))
    .all();
  const lines = toLines(core, rows).sort((a, b) => Number(a.kind !== 'recurrent') - Number(b.kind !== 'recurrent'));
  let years = planYears(core, planId);
  // A plan without dates and without amounts still offers years to budget for: this one and the next two.
  if (years.length === 0 && lines.every((line) => line.entries.length === 0)) {
    years = financialYearKeys(financialYearPeriod(londonDate(core.clock())).key, 3);
  }
  const totals = totalBudget(lines, years);
  return {
    years: totals.byYear.map((year) => ({ key: year.financialYear, label: year.label })),
    lines,
    totals,
  };
}

/**
 * Makes a line's amounts exactly those given. An entry is updated in place, or brought back
 * when a year was removed before (a line has one row per year, live or not), or created; a year
 * not given, or given as nothing allocated and nothing spent, is removed.
 */
function replaceEntries(unit: UnitOfWork, planId: string, budgetLineId: string, entries: EntryInput[]): void {
  const wanted = new Map(entries.filter((entry) => entry.allocatedPence !== 0 || entry.spentPence !== 0).map((entry) => [entry.financialYear, entry]));
  const stored = unit.db.select().from(budgetEntries).where(eq(budgetEntries.budgetLineId, budgetLineId)).all();
  for (const row of stored) {
    const entry = wanted.get(row.financialYear);
    wanted.delete(row.financialYear);
    if (!entry) {
      if (row.deletedAt === null) deleteRecord(unit, budgetEntries, row.id, planId);
      continue;
    }
    const amounts = { allocatedPence: entry.allocatedPence, spentPence: entry.spentPence };
    if (row.deletedAt !== null) restoreRecord(unit, budgetEntries, row.id, amounts, planId);
    else if (row.allocatedPence !== entry.allocatedPence || row.spentPence !== entry.spentPence) updateRecord(unit, budgetEntries, row.id, amounts, planId);
  }
  for (const entry of wanted.values()) {
    createRecord(unit, budgetEntries, { budgetLineId, financialYear: entry.financialYear, allocatedPence: entry.allocatedPence, spentPence: entry.spentPence }, planId);
  }
}

export const moneyHandlers: HandlerGroup<
  | 'workforce.list'
  | 'workforce.create'
  | 'workforce.update'
  | 'workforce.delete'
  | 'budget.list'
  | 'budget.createLine'
  | 'budget.updateLine'
  | 'budget.deleteLine'
  | 'budget.setEntries'
> = {
  'workforce.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listProjections(core, input.planId);
  },

  'workforce.create': (input, core) => {
    const { planId, recruits, ...fields } = input;
    assertPlanExists(core, planId);
    const row = core.write(planId, (unit) => createRecord(unit, workforceProjections, { planId, ...fields, recruits: storedRecruits(recruits) }, planId));
    return toProjection(row);
  },

  'workforce.update': (input, core) => {
    const { projectionId, recruits, ...patch } = input;
    const { planId } = getLiveRecord(core, workforceProjections, projectionId);
    const row = core.write(planId, (unit) => {
      const stored = toProjection(getLiveRecord(unit, workforceProjections, projectionId));
      // Some fields may change alone, so the rules between them are checked on the whole as it would be.
      checkProjection(
        {
          years: patch.years ?? stored.years,
          totalPosts: patch.totalPosts ?? stored.totalPosts,
          currentVacancies: patch.currentVacancies ?? stored.currentVacancies,
          recruits: recruits ?? stored.recruits,
        },
        (path, message) => {
          throw fieldError(path, message);
        },
      );
      return updateRecord(unit, workforceProjections, projectionId, { ...patch, ...(recruits ? { recruits: storedRecruits(recruits) } : {}) }, planId);
    });
    return toProjection(row);
  },

  'workforce.delete': (input, core) => {
    const { planId } = getLiveRecord(core, workforceProjections, input.projectionId);
    core.write(planId, (unit) => deleteRecord(unit, workforceProjections, input.projectionId, planId));
    return { deleted: true as const };
  },

  'budget.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return readBudget(core, input.planId);
  },

  'budget.createLine': (input, core) => {
    const { planId, entries, ...fields } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) => {
      const line = createRecord(unit, budgetLines, { planId, name: fields.name, kind: fields.kind, description: fields.description ?? null }, planId);
      if (entries) replaceEntries(unit, planId, line.id, entries);
      return line.id;
    });
    return readLine(core, id);
  },

  'budget.updateLine': (input, core) => {
    const { budgetLineId, ...patch } = input;
    const { planId } = getLiveRecord(core, budgetLines, budgetLineId);
    core.write(planId, (unit) => updateRecord(unit, budgetLines, budgetLineId, patch, planId));
    return readLine(core, budgetLineId);
  },

  'budget.deleteLine': (input, core) => {
    const { planId } = getLiveRecord(core, budgetLines, input.budgetLineId);
    core.write(planId, (unit) => {
      replaceEntries(unit, planId, input.budgetLineId, []);
      deleteRecord(unit, budgetLines, input.budgetLineId, planId);
    });
    return { deleted: true as const };
  },

  'budget.setEntries': (input, core) => {
    const { planId } = getLiveRecord(core, budgetLines, input.budgetLineId);
    core.write(planId, (unit) => replaceEntries(unit, planId, input.budgetLineId, input.entries));
    return readLine(core, input.budgetLineId);
  },
};
