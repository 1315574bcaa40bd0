// Saving KPI values: every cell is checked against its KPI (the unit's limits, a period the KPI is
// measured in) and then all of them are saved, or, if any cell is wrong, none. The grid, the
// published-statistics import and the performance team's spreadsheet import all save through here.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, restoreRecord, updateRecord, type UnitOfWork } from '../../db/records';
import { kpis, kpiValues } from '../../db/schema';
import { AppError, type FieldProblem } from '../../shared/errors';
import { periodLabel, periodRange } from '../../shared/periods';
import { periodProblem, valueProblem } from '../../shared/kpi-cells';
import type { Frequency, KpiUnit, SuppressionCode } from '../../shared/vocabulary';

export interface KpiValueWrite {
  kpiId: string;
  /** A period key: "2024-03", "2024-25-Q1", "2024-25", "census-2024" or "2024-W07". */
  period: string;
  value: number | null;
  suppressionCode?: SuppressionCode | null;
  /** Left out, an existing value keeps its mark and a new one is not provisional. */
  provisional?: boolean;
  /** Left out, an existing value keeps its note. */
  note?: string | null;
}

export interface KpiValuesWritten {
  saved: number;
  cleared: number;
  unchanged: number;
}

interface KpiFacts {
  reference: string;
  name: string;
  unit: KpiUnit;
  frequency: Frequency;
}

const MAX_LISTED = 50;

function refuse(problems: FieldProblem[], total: number): never {
  const first = problems[0]?.message ?? '';
  const more = total > 1 ? ` (and ${total - 1} more ${total === 2 ? 'problem' : 'problems'})` : '';
  throw new AppError('invalid-input', `Nothing was saved: ${first}${more}.`, { fields: problems });
}

function sameNote(a: string | null, b: string | null): boolean {
  return (a ?? '') === (b ?? '');
}

/**
 * Checks every cell, then saves them all inside `unit`; throws `invalid-input` naming each bad cell
 * at `${pathPrefix}.${index}.value` (or `.period`, `.kpiId`) with the KPI and the period in words.
 * A cell with no number, no code and no note clears what was stored.
 */
export function writeKpiValues(unit: UnitOfWork, planId: string, cells: KpiValueWrite[], pathPrefix = 'cells'): KpiValuesWritten {
  const kpiIds = [...new Set(cells.map((cell) => cell.kpiId))];
  const facts = new Map<string, KpiFacts>();
  for (let start = 0; start < kpiIds.length; start += 500) {
    const rows = unit.db
      .select({ id: kpis.id, reference: kpis.reference, name: kpis.name, unit: kpis.unit, frequency: kpis.frequency })
      .from(kpis)
      .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt), inArray(kpis.id, kpiIds.slice(start, start + 500))))
      .all();
    for (const row of rows) facts.set(row.id, { ...row, unit: row.unit as KpiUnit, frequency: row.frequency as Frequency });
  }

  const problems: FieldProblem[] = [];
  let total = 0;
  const problem = (path: string, message: string) => {
    total += 1;
    if (problems.length < MAX_LISTED) problems.push({ path, message });
  };
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const at = `${pathPrefix}.${index}`;
    const kpi = facts.get(cell.kpiId);
    if (!kpi) {
      problem(`${at}.kpiId`, 'That KPI is not one of this plan’s, or has been deleted');
      return;
    }
    const where = `${kpi.reference}, ${periodLabel(cell.period)}`;
    const wrongPeriod = periodProblem(kpi.frequency, cell.period);
    if (wrongPeriod) {
      problem(`${at}.period`, `${kpi.reference}: ${wrongPeriod}`);
      return;
    }
    const key = `${cell.kpiId}\u0000${cell.period}`;
    if (seen.has(key)) problem(`${at}.period`, `${where}: this cell is given twice`);
    seen.add(key);
    if (cell.value !== null) {
      const wrongValue = valueProblem(kpi.unit, cell.value);
      if (wrongValue) problem(`${at}.value`, `${where}: ${wrongValue}`);
    }
    if (cell.value !== null && cell.suppressionCode) problem(`${at}.suppressionCode`, `${where}: a cell holds a number or a suppression code, not both`);
  });
  if (total > 0) refuse(problems, total);

  const stored = new Map<string, typeof kpiValues.$inferSelect>();
  for (let start = 0; start < kpiIds.length; start += 500) {
    const rows = unit.db
      .select()
      .from(kpiValues)
      .where(inArray(kpiValues.kpiId, kpiIds.slice(start, start + 500)))
      .all();
    for (const row of rows) stored.set(`${row.kpiId}\u0000${row.period}`, row);
  }

  const written: KpiValuesWritten = { saved: 0, cleared: 0, unchanged: 0 };
  for (const cell of cells) {
    const existing = stored.get(`${cell.kpiId}\u0000${cell.period}`);
    const live = existing && existing.deletedAt === null ? existing : undefined;
    const note = cell.note === undefined ? (live?.note ?? null) : cell.note || null;
    const code = cell.value === null ? (cell.suppressionCode ?? null) : null;
    if (cell.value === null && code === null && note === null) {
      if (live) {
        deleteRecord(unit, kpiValues, live.id, planId);
        written.cleared += 1;
      } else written.unchanged += 1;
      continue;
    }
    const next = {
      value: cell.value,
      suppressionCode: code,
      provisional: cell.provisional ?? live?.provisional ?? false,
      note,
      periodEnd: periodRange(cell.period).end,
    };
    if (live) {
      if (live.value === next.value && live.suppressionCode === next.suppressionCode && live.provisional === next.provisional && sameNote(live.note, next.note)) {
        written.unchanged += 1;
        continue;
      }
      updateRecord(unit, kpiValues, live.id, next, planId);
    } else if (existing) {
      // The pair is unique even among tombstones: a value entered again is the old one restored.
      restoreRecord(unit, kpiValues, existing.id, next, planId);
    } else {
      createRecord(unit, kpiValues, { kpiId: cell.kpiId, period: cell.period, ...next }, planId);
    }
    written.saved += 1;
  }
  return written;
}
