// The plan's KPIs: definitions typed in or added from the DfE catalogue, links to themes and
// actions, and the values grid. The scorecard and chart series are read in kpi-reading.ts.
import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, updateRecord, type UnitOfWork } from '../../../db/records';
import { actionKpis, actions, kpiComparators, kpis, kpiThemes, kpiValues, themes } from '../../../db/schema';
import type { CatalogueItem, Kpi, KpiCell, KpiGrid } from '../../../shared/contract-kpis';
import { catalogueEntry, KPI_CATALOGUE } from '../../../shared/kpi-catalogue';
import { periodLabel, periodsBetween } from '../../../shared/periods';
import type { Frequency, KpiUnit, Polarity, SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { periodProblem, valueProblem } from '../../../shared/kpi-cells';
import { writeKpiValues } from '../kpi-values';
import { replaceLinks } from './action-links';
import { fieldError, referenceOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;
type KpiRow = typeof kpis.$inferSelect;

/**
 * The plan's live KPIs in reference order, each with its links and how many values it holds; or
 * only those of `only`, every query then kept to them, so one KPI costs the same in any plan.
 */
export function listKpis(reader: Reader, planId: string, only?: string[]): Kpi[] {
  const rows = reader.db
    .select()
    .from(kpis)
    .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt), only ? inArray(kpis.id, only) : undefined))
    .all();
  const themeLinks = reader.db
    .select({ kpiId: kpiThemes.kpiId, id: themes.id, reference: themes.reference, title: themes.title })
    .from(kpiThemes)
    .innerJoin(themes, eq(themes.id, kpiThemes.themeId))
    .where(and(eq(themes.planId, planId), isNull(kpiThemes.deletedAt), isNull(themes.deletedAt), only ? inArray(kpiThemes.kpiId, only) : undefined))
    .all();
  type ActionLink = { kpiId: string; id: string; reference: string; title: string };
  // For a few KPIs the links are read first (a cross join keeps SQLite to that order), rather
  // than every action of the plan being visited to find the few linked to them.
  const actionLinks = only
    ? (reader.db.$client
        .prepare(
          `select ak.kpi_id as kpiId, a.id, a.reference, a.title from action_kpis ak cross join actions a on a.id = ak.action_id
           where ak.kpi_id in (${only.map(() => '?').join(', ')}) and ak.deleted_at is null and a.plan_id = ? and a.deleted_at is null`,
        )
        .all(...only, planId) as ActionLink[])
    : reader.db
        .select({ kpiId: actionKpis.kpiId, id: actions.id, reference: actions.reference, title: actions.title })
        .from(actionKpis)
        .innerJoin(actions, eq(actions.id, actionKpis.actionId))
        .where(and(eq(actions.planId, planId), isNull(actionKpis.deletedAt), isNull(actions.deletedAt)))
        .all();
  const counts = new Map(
    reader.db
      .select({ kpiId: kpiValues.kpiId, count: count() })
      .from(kpiValues)
      .innerJoin(kpis, eq(kpis.id, kpiValues.kpiId))
      .where(and(eq(kpis.planId, planId), isNull(kpiValues.deletedAt), only ? inArray(kpiValues.kpiId, only) : undefined))
      .groupBy(kpiValues.kpiId)
      .all()
      .map((row) => [row.kpiId, row.count]),
  );
  const byKpi = <T extends { kpiId: string; reference: string }>(links: T[]) => {
    const grouped = new Map<string, Omit<T, 'kpiId'>[]>();
    for (const { kpiId, ...link } of links.sort((a, b) => referenceOrder.compare(a.reference, b.reference))) {
      grouped.set(kpiId, [...(grouped.get(kpiId) ?? []), link]);
    }
    return grouped;
  };
  const themesOf = byKpi(themeLinks);
  const actionsOf = byKpi(actionLinks);
  return rows
    .sort((a, b) => a.sortOrder - b.sortOrder || referenceOrder.compare(a.reference, b.reference))
    .map((row) => toKpi(row, themesOf.get(row.id) ?? [], actionsOf.get(row.id) ?? [], counts.get(row.id) ?? 0));
}

function toKpi(row: KpiRow, linkedThemes: Kpi['themes'], linkedActions: Kpi['actions'], valueCount: number): Kpi {
  return {
    id: row.id,
    reference: row.reference,
    name: row.name,
    definition: row.definition,
    unit: row.unit as KpiUnit,
    polarity: row.polarity as Polarity,
    frequency: row.frequency as Frequency,
    source: row.source,
    catalogueKey: row.catalogueKey,
    baselineValue: row.baselineValue,
    baselinePeriod: row.baselinePeriod,
    targetValue: row.targetValue,
    targetLower: row.targetLower,
    targetUpper: row.targetUpper,
    tolerance: row.tolerance,
    themes: linkedThemes,
    actions: linkedActions,
    valueCount,
  };
}

export function readKpi(reader: Reader, planId: string, kpiId: string): Kpi {
  const [found] = listKpis(reader, planId, [kpiId]);
  if (!found) throw new Error('The KPI was saved but could not be read back.');
  return found;
}

function liveKpis(reader: Reader, planId: string, exceptId: string | null) {
  return reader.db
    .select({ id: kpis.id, reference: kpis.reference, name: kpis.name, sortOrder: kpis.sortOrder })
    .from(kpis)
    .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt), exceptId ? ne(kpis.id, exceptId) : undefined))
    .all();
}

/** The next free reference in the K01, K02 … series. */
function nextReference(taken: { reference: string }[]): string {
  const highest = taken.reduce((most, { reference }) => Math.max(most, Number(/^K(\d+)$/i.exec(reference)?.[1] ?? 0)), 0);
  return `K${String(highest + 1).padStart(2, '0')}`;
}

function assertReferenceFree(reader: Reader, planId: string, reference: string, kpiId: string | null): void {
  const clash = liveKpis(reader, planId, kpiId).find((other) => referenceOrder.compare(other.reference, reference) === 0);
  if (clash) throw fieldError('reference', `${clash.reference} is already “${clash.name}”: give this KPI another reference`);
}

/** The stored values must still make sense after a change of unit or frequency. */
function assertValuesFit(unit: UnitOfWork, kpi: KpiRow, next: { unit: KpiUnit; frequency: Frequency }): void {
  const values = unit.db
    .select({ period: kpiValues.period, value: kpiValues.value })
    .from(kpiValues)
    .where(and(eq(kpiValues.kpiId, kpi.id), isNull(kpiValues.deletedAt)))
    .all();
  for (const stored of values) {
    const wrongPeriod = periodProblem(next.frequency, stored.period);
    if (wrongPeriod) {
      throw fieldError('frequency', `${kpi.reference} holds a value for ${periodLabel(stored.period)}, which does not fit: ${wrongPeriod}. Clear those values first`);
    }
    const wrongValue = stored.value === null ? null : valueProblem(next.unit, stored.value);
    if (wrongValue) {
      throw fieldError('unit', `${kpi.reference}’s value for ${periodLabel(stored.period)} does not fit the new unit: ${wrongValue}. Correct it first`);
    }
  }
}

/** The target, band and tolerance as they will be once a change is made. */
function assertTargetsConsistent(target: { targetLower: number | null; targetUpper: number | null }): void {
  if ((target.targetLower === null) !== (target.targetUpper === null)) {
    throw fieldError(target.targetLower === null ? 'targetLower' : 'targetUpper', 'A target band needs both a lower and an upper target; leave both empty for a single target');
  }
  if (target.targetLower !== null && target.targetUpper !== null && target.targetLower > target.targetUpper) {
    throw fieldError('targetUpper', 'The upper target cannot be below the lower target');
  }
}

function assertTargetsFitUnit(unit: KpiUnit, values: Record<string, number | null | undefined>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value === null || value === undefined || field === 'tolerance' || field === 'baselineValue') continue;
    const problem = valueProblem(unit === 'count' ? 'ratio' : unit, value);
    if (problem) throw fieldError(field, `The target does not fit the unit: ${problem}`);
  }
}

function deleteLinks(unit: UnitOfWork, planId: string, kpiId: string): void {
  for (const table of [kpiThemes, actionKpis, kpiValues, kpiComparators] as const) {
    const rows = unit.db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.kpiId, kpiId), isNull(table.deletedAt)))
      .all();
    for (const row of rows) deleteRecord(unit, table, row.id, planId);
  }
}

function grid(reader: Reader, planId: string, frequency: Frequency, from: string, to: string): KpiGrid {
  const periods = periodsBetween(frequency, from, to);
  if (periods.length >= 1000) throw fieldError('to', 'That range holds too many periods to show at once: choose a shorter one');
  const rows = listKpis(reader, planId).filter((kpi) => kpi.frequency === frequency);
  const keys = periods.map((period) => period.key);
  const cells = new Map<string, Record<string, KpiCell>>();
  const ids = rows.map((row) => row.id);
  for (let start = 0; start < ids.length; start += 400) {
    const values = reader.db
      .select()
      .from(kpiValues)
      .where(and(inArray(kpiValues.kpiId, ids.slice(start, start + 400)), inArray(kpiValues.period, keys), isNull(kpiValues.deletedAt)))
      .all();
    for (const value of values) {
      const row = cells.get(value.kpiId) ?? {};
      row[value.period] = {
        value: value.value,
        suppressionCode: value.suppressionCode as SuppressionCode | null,
        provisional: value.provisional,
        note: value.note,
      };
      cells.set(value.kpiId, row);
    }
  }
  return {
    periods,
    rows: rows.map((kpi) => ({ id: kpi.id, reference: kpi.reference, name: kpi.name, unit: kpi.unit, frequency: kpi.frequency, cells: cells.get(kpi.id) ?? {} })),
  };
}

export const kpiHandlers: HandlerGroup<
  | 'kpis.catalogue'
  | 'kpis.list'
  | 'kpis.create'
  | 'kpis.addFromCatalogue'
  | 'kpis.update'
  | 'kpis.delete'
  | 'kpis.setLinks'
  | 'kpis.grid'
  | 'kpis.setValues'
> = {
  'kpis.catalogue': (input, core): CatalogueItem[] => {
    assertPlanExists(core, input.planId);
    const made = new Map(
      core.db
        .select({ id: kpis.id, key: kpis.catalogueKey })
        .from(kpis)
        .where(and(eq(kpis.planId, input.planId), isNull(kpis.deletedAt)))
        .all()
        .filter((row) => row.key !== null)
        .map((row) => [row.key, row.id]),
    );
    return KPI_CATALOGUE.map((entry) => ({ ...entry, kpiId: made.get(entry.key) ?? null }));
  },

  'kpis.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listKpis(core, input.planId);
  },

  'kpis.create': (input, core) => {
    const { planId, ...fields } = input;
    assertPlanExists(core, planId);
    const target = { targetLower: fields.targetLower ?? null, targetUpper: fields.targetUpper ?? null };
    assertTargetsConsistent(target);
    assertTargetsFitUnit(fields.unit, { targetValue: fields.targetValue, ...target });
    const id = core.write(planId, (unit) => {
      const existing = liveKpis(unit, planId, null);
      const reference = fields.reference ?? nextReference(existing);
      assertReferenceFree(unit, planId, reference, null);
      return createRecord(
        unit,
        kpis,
        {
          planId,
          reference,
          name: fields.name,
          definition: fields.definition ?? null,
          unit: fields.unit,
          polarity: fields.polarity,
          frequency: fields.frequency,
          source: fields.source ?? null,
          baselineValue: fields.baselineValue ?? null,
          baselinePeriod: fields.baselinePeriod ?? null,
          targetValue: fields.targetValue ?? null,
          targetLower: target.targetLower,
          targetUpper: target.targetUpper,
          tolerance: fields.tolerance ?? null,
          sortOrder: existing.reduce((most, row) => Math.max(most, row.sortOrder + 1), 0),
        },
        planId,
      ).id;
    });
    return readKpi(core, planId, id);
  },

  'kpis.addFromCatalogue': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const entries = input.keys.map((key, index) => {
      const entry = catalogueEntry(key);
      if (!entry) throw fieldError(`keys.${index}`, `“${key}” is not in the catalogue of indicators`);
      return entry;
    });
    const ids = core.write(planId, (unit) => {
      const existing = unit.db
        .select({ reference: kpis.reference, sortOrder: kpis.sortOrder, key: kpis.catalogueKey })
        .from(kpis)
        .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt)))
        .all();
      const made: string[] = [];
      for (const entry of entries) {
        if (existing.some((row) => row.key === entry.key)) continue;
        const row = createRecord(
          unit,
          kpis,
          {
            planId,
            reference: nextReference(existing),
            name: entry.name,
            definition: entry.definition,
            unit: entry.unit,
            polarity: entry.polarity,
            frequency: entry.frequency,
            source: entry.source,
            catalogueKey: entry.key,
            sortOrder: existing.reduce((most, other) => Math.max(most, other.sortOrder + 1), 0),
          },
          planId,
        );
        existing.push({ reference: row.reference, sortOrder: row.sortOrder, key: entry.key });
        made.push(row.id);
      }
      return made;
    });
    return ids.length === 0 ? [] : listKpis(core, planId, ids);
  },

  'kpis.update': (input, core) => {
    const { kpiId, ...patch } = input;
    const before = getLiveRecord(core, kpis, kpiId);
    const { planId } = before;
    const next = {
      unit: (patch.unit ?? before.unit) as KpiUnit,
      frequency: (patch.frequency ?? before.frequency) as Frequency,
      targetLower: patch.targetLower === undefined ? before.targetLower : patch.targetLower,
      targetUpper: patch.targetUpper === undefined ? before.targetUpper : patch.targetUpper,
      targetValue: patch.targetValue === undefined ? before.targetValue : patch.targetValue,
    };
    assertTargetsConsistent(next);
    assertTargetsFitUnit(next.unit, { targetValue: next.targetValue, targetLower: next.targetLower, targetUpper: next.targetUpper });
    core.write(planId, (unit) => {
      if (patch.reference !== undefined) assertReferenceFree(unit, planId, patch.reference, kpiId);
      if (next.unit !== before.unit || next.frequency !== before.frequency) assertValuesFit(unit, before, next);
      updateRecord(unit, kpis, kpiId, patch, planId);
    });
    return readKpi(core, planId, kpiId);
  },

  'kpis.delete': (input, core) => {
    const { planId } = getLiveRecord(core, kpis, input.kpiId);
    core.write(planId, (unit) => {
      deleteLinks(unit, planId, input.kpiId);
      deleteRecord(unit, kpis, input.kpiId, planId);
    });
    return { deleted: true as const };
  },

  'kpis.setLinks': (input, core) => {
    const { kpiId } = input;
    const { planId } = getLiveRecord(core, kpis, kpiId);
    core.write(planId, (unit) => {
      const wantedThemes = new Set(input.themeIds);
      const wantedActions = new Set(input.actionIds);
      const planThemes = unit.db
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.planId, planId), isNull(themes.deletedAt), input.themeIds.length ? inArray(themes.id, input.themeIds) : undefined))
        .all();
      if (input.themeIds.length && planThemes.length !== wantedThemes.size) {
        throw fieldError('themeIds', 'Choose themes of this plan: one of those chosen is not, or has been deleted');
      }
      const planActions = input.actionIds.length
        ? unit.db
            .select({ id: actions.id })
            .from(actions)
            .where(and(eq(actions.planId, planId), isNull(actions.deletedAt), inArray(actions.id, input.actionIds)))
            .all()
        : [];
      if (planActions.length !== wantedActions.size) {
        throw fieldError('actionIds', 'Choose actions of this plan: one of those chosen is not, or has been deleted');
      }
      const themeRows = unit.db
        .select({ id: kpiThemes.id, deletedAt: kpiThemes.deletedAt, target: kpiThemes.themeId })
        .from(kpiThemes)
        .where(eq(kpiThemes.kpiId, kpiId))
        .all();
      replaceLinks(unit, planId, kpiThemes, themeRows, wantedThemes, (themeId) => createRecord(unit, kpiThemes, { kpiId, themeId }, planId));
      const actionRows = unit.db
        .select({ id: actionKpis.id, deletedAt: actionKpis.deletedAt, target: actionKpis.actionId })
        .from(actionKpis)
        .where(eq(actionKpis.kpiId, kpiId))
        .all();
      replaceLinks(unit, planId, actionKpis, actionRows, wantedActions, (actionId) => createRecord(unit, actionKpis, { kpiId, actionId }, planId));
    });
    return readKpi(core, planId, kpiId);
  },

  'kpis.grid': (input, core) => {
    assertPlanExists(core, input.planId);
    return grid(core, input.planId, input.frequency, input.from, input.to);
  },

  'kpis.setValues': (input, core) => {
    assertPlanExists(core, input.planId);
    const { saved, cleared } = core.write(input.planId, (unit) => writeKpiValues(unit, input.planId, input.cells));
    return { saved, cleared };
  },
};
