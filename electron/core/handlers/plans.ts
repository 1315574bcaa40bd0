import type Sqlite from 'better-sqlite3';
import { newId } from '../../../db/ids';
import { createRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { authorities, plans } from '../../../db/schema';
import type { ActionRow, KpiTile, PlanOverview, PlanSummary, RagCounts } from '../../../shared/contract';
import { londonDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { DEFAULT_RAG_MEANINGS, type Rag } from '../../../shared/rag';
import type { SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { PLAN_QUERIES } from './plan-queries';
import type { HandlerGroup } from './types';
import { assertPlanEditable } from './versions-rules';

/** Natural order for references, so 2.10 follows 2.9. */
const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

interface PlanSummaryRow extends Omit<PlanSummary, 'ragCounts'>, RagCounts {
  summary: string | null;
  ragMeanings: string;
}

interface KpiTileRow extends Omit<KpiTile, 'latest' | 'previous'> {
  latestPeriod: string | null;
  latestPeriodEnd: string | null;
  latestValue: number | null;
  latestSuppressionCode: SuppressionCode | null;
  latestProvisional: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
}

const statementCache = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();

/** Prepares each query once per connection: these run on every screen load. */
function statement(core: Core, sql: string): Sqlite.Statement {
  const sqlite = core.db.$client;
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let found = cache.get(sql);
  if (!found) {
    found = sqlite.prepare(sql);
    cache.set(sql, found);
  }
  return found;
}

function toSummary(row: PlanSummaryRow): PlanSummary {
  const { red, amber, green, blue, unrated, summary: _summary, ragMeanings: _meanings, ...rest } = row;
  return { ...rest, ragCounts: { red, amber, green, blue, unrated } };
}

function planSummaries(core: Core, planId: string | null): PlanSummaryRow[] {
  return statement(core, PLAN_QUERIES.summary).all({ today: londonDate(core.clock()), planId }) as PlanSummaryRow[];
}

function countRags(actions: ActionRow[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
  for (const action of actions) counts[action.rag ?? 'unrated'] += 1;
  return counts;
}

export function listActionRows(core: Core, planId: string): ActionRow[] {
  const rows = statement(core, PLAN_QUERIES.actionRows).all(planId) as ActionRow[];
  return rows.sort((a, b) => referenceOrder.compare(a.reference, b.reference));
}

export function kpiTiles(core: Core, planId: string): KpiTile[] {
  const rows = statement(core, PLAN_QUERIES.kpiTiles).all({ planId }) as KpiTileRow[];
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    name: row.name,
    unit: row.unit,
    polarity: row.polarity,
    frequency: row.frequency,
    targetValue: row.targetValue,
    targetLower: row.targetLower,
    targetUpper: row.targetUpper,
    tolerance: row.tolerance,
    latest:
      row.latestPeriod === null || row.latestPeriodEnd === null
        ? null
        : {
            period: row.latestPeriod,
            periodEnd: row.latestPeriodEnd,
            value: row.latestValue,
            suppressionCode: row.latestSuppressionCode,
            provisional: row.latestProvisional === 1,
          },
    previous: row.previousPeriod === null ? null : { period: row.previousPeriod, value: row.previousValue },
  }));
}

function overview(core: Core, planId: string): PlanOverview {
  const [row] = planSummaries(core, planId);
  if (!row) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  const actions = listActionRows(core, planId);

  const inspection = statement(core, PLAN_QUERIES.inspection).get(planId) as PlanOverview['inspection'] | undefined;

  const stages = statement(core, PLAN_QUERIES.stages).all(planId) as PlanOverview['stages'];

  const themeRows = statement(core, PLAN_QUERIES.themes).all(planId) as Omit<PlanOverview['themes'][number], 'ragCounts'>[];
  themeRows.sort((a, b) => referenceOrder.compare(a.reference, b.reference));

  const coverage = statement(core, PLAN_QUERIES.coverage).get(planId) as { total: number; uncovered: number };

  const reviewCount = statement(core, PLAN_QUERIES.reviewCount)
    .pluck()
    .get(planId) as number;

  return {
    plan: { ...toSummary(row), summary: row.summary, ragMeanings: JSON.parse(row.ragMeanings) as Record<Rag, string> },
    inspection: inspection ?? null,
    stages,
    themes: themeRows.map((theme) => ({
      ...theme,
      ragCounts: countRags(actions.filter((action) => action.themeId === theme.id)),
    })),
    actions,
    kpis: kpiTiles(core, planId),
    recommendationCount: coverage.total,
    uncoveredRecommendationCount: coverage.uncovered,
    reviewCount,
  };
}

/** Refuses a plan id that names no live plan. */
export function assertPlanExists(core: Core, planId: string): void {
  const found = statement(core, 'select 1 from plans where id = ? and deleted_at is null').get(planId);
  if (!found) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
}

function readSummary(core: Core, planId: string): PlanSummary {
  const [row] = planSummaries(core, planId);
  if (!row) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  return toSummary(row);
}

export const planHandlers: HandlerGroup<'plans.list' | 'plans.overview' | 'plans.create' | 'plans.update'> = {
  'plans.list': (_input, core) => planSummaries(core, null).map(toSummary),

  'plans.overview': (input, core) => overview(core, input.planId),

  'plans.create': (input, core) => {
    const id = core.write(null, (unit) => {
      try {
        getLiveRecord(unit, authorities, input.authorityId);
      } catch {
        throw new AppError('invalid-input', 'Choose the council the plan belongs to: the one given does not exist.', {
          fields: [{ path: 'authorityId', message: 'This council does not exist' }],
        });
      }
      const planId = newId();
      createRecord(
        unit,
        plans,
        {
          id: planId,
          seriesId: planId,
          authorityId: input.authorityId,
          title: input.title,
          summary: input.summary ?? null,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          classification: input.classification,
          kind: 'main',
          status: 'active',
          version: 1,
          ragMeanings: DEFAULT_RAG_MEANINGS,
        },
        planId,
      );
      return planId;
    });
    return readSummary(core, id);
  },

  'plans.update': (input, core) => {
    const { planId, ...patch } = input;
    core.write(planId, (unit) => {
      const plan = getLiveRecord(unit, plans, planId);
      assertPlanEditable(unit, plan);
      const startDate = patch.startDate === undefined ? plan.startDate : patch.startDate;
      const endDate = patch.endDate === undefined ? plan.endDate : patch.endDate;
      if (startDate && endDate && endDate < startDate) {
        throw new AppError('invalid-input', 'Nothing was saved: the end date must be on or after the start date.', {
          fields: [{ path: 'endDate', message: 'The end date must be on or after the start date' }],
        });
      }
      updateRecord(unit, plans, planId, patch, planId);
    });
    return readSummary(core, planId);
  },
};
