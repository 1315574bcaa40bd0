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
import type { HandlerGroup } from './types';

/** Natural order for references, so 2.10 follows 2.9. */
const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

const PLAN_SUMMARY_SQL = `
  select p.id, p.title, p.authority_id as authorityId, a.name as authorityName, p.kind, p.status, p.version,
         p.start_date as startDate, p.end_date as endDate, p.classification, p.updated_at as updatedAt,
         p.summary, p.rag_meanings as ragMeanings,
         count(x.id) as actionCount,
         coalesce(sum(x.rag = 'red'), 0) as red,
         coalesce(sum(x.rag = 'amber'), 0) as amber,
         coalesce(sum(x.rag = 'green'), 0) as green,
         coalesce(sum(x.rag = 'blue'), 0) as blue,
         coalesce(sum(x.id is not null and x.rag is null), 0) as unrated,
         coalesce(sum(x.status in ('not-started', 'in-progress') and x.current_due_date < @today), 0) as overdueCount
  from plans p
  join authorities a on a.id = p.authority_id
  left join actions x on x.plan_id = p.id and x.deleted_at is null
  where p.deleted_at is null and (@planId is null or p.id = @planId)
  group by p.id
  order by p.updated_at desc`;

interface PlanSummaryRow extends Omit<PlanSummary, 'ragCounts'>, RagCounts {
  summary: string | null;
  ragMeanings: string;
}

const ACTION_ROWS_SQL = `
  select x.id, x.theme_id as themeId, x.reference, x.title, o.name as ownerName, l.name as leadName,
         x.current_due_date as currentDueDate, x.baseline_due_date as baselineDueDate,
         (select count(*) from action_due_date_changes c where c.action_id = x.id and c.deleted_at is null) as dueDateMoves,
         x.status, x.rag,
         (select max(u.update_date) from progress_updates u where u.action_id = x.id and u.deleted_at is null) as lastUpdateDate
  from actions x
  left join people o on o.id = x.owner_id
  left join people l on l.id = x.lead_id
  where x.plan_id = ? and x.deleted_at is null`;

const KPI_TILES_SQL = `
  with ranked as (
    select v.kpi_id, v.period, v.period_end, v.value, v.suppression_code, v.provisional,
           row_number() over (partition by v.kpi_id order by v.period_end desc) as position
    from kpi_values v join kpis k on k.id = v.kpi_id
    where k.plan_id = @planId and k.deleted_at is null and v.deleted_at is null
  )
  select k.id, k.reference, k.name, k.unit, k.polarity, k.frequency,
         k.target_value as targetValue, k.target_lower as targetLower, k.target_upper as targetUpper,
         r1.period as latestPeriod, r1.period_end as latestPeriodEnd, r1.value as latestValue,
         r1.suppression_code as latestSuppressionCode, r1.provisional as latestProvisional,
         r2.period as previousPeriod, r2.value as previousValue
  from kpis k
  left join ranked r1 on r1.kpi_id = k.id and r1.position = 1
  left join ranked r2 on r2.kpi_id = k.id and r2.position = 2
  where k.plan_id = @planId and k.deleted_at is null
  order by k.sort_order, k.reference`;

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
  return statement(core, PLAN_SUMMARY_SQL).all({ today: londonDate(core.clock()), planId }) as PlanSummaryRow[];
}

function countRags(actions: ActionRow[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
  for (const action of actions) counts[action.rag ?? 'unrated'] += 1;
  return counts;
}

export function listActionRows(core: Core, planId: string): ActionRow[] {
  const rows = statement(core, ACTION_ROWS_SQL).all(planId) as ActionRow[];
  return rows.sort((a, b) => referenceOrder.compare(a.reference, b.reference));
}

function kpiTiles(core: Core, planId: string): KpiTile[] {
  const rows = statement(core, KPI_TILES_SQL).all({ planId }) as KpiTileRow[];
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

  const inspection = statement(
    core,
    `select i.framework, i.start_date as startDate, i.end_date as endDate, i.report_received_date as reportReceivedDate,
            i.report_published_date as reportPublishedDate, i.overall_judgement as overallJudgement
     from plans p join inspections i on i.id = p.inspection_id where p.id = ? and i.deleted_at is null`,
  ).get(planId) as PlanOverview['inspection'] | undefined;

  const stages = statement(
    core,
    `select id, name, start_date as startDate, end_date as endDate from plan_stages
     where plan_id = ? and deleted_at is null order by sort_order, start_date`,
  ).all(planId) as PlanOverview['stages'];

  const themeRows = statement(
    core,
    `select t.id, t.reference, t.title, p.name as leadName from themes t left join people p on p.id = t.lead_id
     where t.plan_id = ? and t.deleted_at is null order by t.sort_order`,
  ).all(planId) as Omit<PlanOverview['themes'][number], 'ragCounts'>[];
  themeRows.sort((a, b) => referenceOrder.compare(a.reference, b.reference));

  const coverage = statement(
    core,
    `select count(*) as total,
            coalesce(sum(not exists (
              select 1 from action_recommendations ar join actions x on x.id = ar.action_id
              where ar.recommendation_id = r.id and ar.deleted_at is null and x.deleted_at is null
                and x.status <> 'superseded')), 0) as uncovered
     from recommendations r where r.plan_id = ? and r.deleted_at is null`,
  ).get(planId) as { total: number; uncovered: number };

  const reviewCount = statement(core, 'select count(*) from reviews where plan_id = ? and deleted_at is null')
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
