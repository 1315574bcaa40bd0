// The plan as the export tables it: its actions with their latest update and the recommendations
// they answer, its KPIs as the scorecard reads them, and every KPI value; the whole plan or one
// theme's part (its actions, and the KPIs linked to it).
import { and, eq, isNull } from 'drizzle-orm';
import { getLiveRecord } from '../../../db/records';
import { authorities, plans, themes } from '../../../db/schema';
import type { Kpi, ScorecardRow } from '../../../shared/contract-kpis';
import type { Rag } from '../../../shared/rag';
import type { ActionStatus, Classification, SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { scorecard } from '../handlers/kpi-reading';
import { listKpis } from '../handlers/kpis';
import { fieldError, referenceOrder } from '../handlers/plan-setup-common';
import { assertPlanExists } from '../handlers/plans';

type Reader = Pick<Core, 'db'>;

export interface ActionLine {
  id: string;
  reference: string;
  themeReference: string | null;
  themeTitle: string | null;
  title: string;
  ownerName: string | null;
  leadName: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: ActionStatus;
  rag: Rag | null;
  update: string | null;
  updateDate: string | null;
  measuresOfSuccess: string | null;
  recommendations: { number: number; text: string }[];
}

export interface ValueLine {
  kpiReference: string;
  kpiName: string;
  kpi: Kpi;
  period: string;
  periodEnd: string;
  value: number | null;
  provisional: boolean;
  suppressionCode: SuppressionCode | null;
  note: string | null;
}

export interface PlanTables {
  plan: { id: string; title: string; classification: Classification; ragMeanings: Record<Rag, string>; authorityName: string };
  /** The theme the tables are limited to, or null for the whole plan. */
  theme: { id: string; reference: string; title: string } | null;
  actions: ActionLine[];
  kpis: { kpi: Kpi; row: ScorecardRow }[];
  values: ValueLine[];
}

const ACTIONS_SQL = `
  select x.id, x.reference, x.title, t.reference as themeReference, t.title as themeTitle,
         o.name as ownerName, l.name as leadName, x.start_date as startDate, x.current_due_date as dueDate,
         x.status, x.rag, x.measures_of_success as measuresOfSuccess,
         u.narrative as "update", u.update_date as updateDate
  from actions x
  left join themes t on t.id = x.theme_id and t.deleted_at is null
  left join people o on o.id = x.owner_id
  left join people l on l.id = x.lead_id
  left join progress_updates u on u.id = (
    select p.id from progress_updates p where p.action_id = x.id and p.deleted_at is null
    order by p.update_date desc, p.created_at desc limit 1)
  where x.plan_id = @planId and x.deleted_at is null and (@themeId is null or x.theme_id = @themeId)`;

const RECOMMENDATIONS_SQL = `
  select ar.action_id as actionId, r.number, r.text
  from action_recommendations ar
  join recommendations r on r.id = ar.recommendation_id
  join actions x on x.id = ar.action_id
  where x.plan_id = ? and ar.deleted_at is null and r.deleted_at is null and x.deleted_at is null
  order by r.number`;

const VALUES_SQL = `
  select v.kpi_id as kpiId, v.period, v.period_end as periodEnd, v.value, v.provisional, v.suppression_code as suppressionCode, v.note
  from kpi_values v join kpis k on k.id = v.kpi_id
  where k.plan_id = ? and k.deleted_at is null and v.deleted_at is null
  order by v.period_end`;

function readTheme(reader: Reader, planId: string, themeId: string | null): PlanTables['theme'] {
  if (themeId === null) return null;
  const theme = reader.db
    .select({ id: themes.id, reference: themes.reference, title: themes.title })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.planId, planId), isNull(themes.deletedAt)))
    .get();
  if (!theme) throw fieldError('themeId', 'Choose one of this plan’s themes');
  return theme;
}

export function readPlanTables(reader: Core, planId: string, themeId: string | null): PlanTables {
  assertPlanExists(reader, planId);
  const plan = getLiveRecord(reader, plans, planId);
  const authority = getLiveRecord(reader, authorities, plan.authorityId);
  const theme = readTheme(reader, planId, themeId);
  const sqlite = reader.db.$client;

  const linked = new Map<string, { number: number; text: string }[]>();
  for (const link of sqlite.prepare(RECOMMENDATIONS_SQL).all(planId) as { actionId: string; number: number; text: string }[]) {
    const list = linked.get(link.actionId) ?? [];
    list.push({ number: link.number, text: link.text });
    linked.set(link.actionId, list);
  }
  const actions = (sqlite.prepare(ACTIONS_SQL).all({ planId, themeId }) as Omit<ActionLine, 'recommendations'>[])
    .map((action) => ({ ...action, recommendations: linked.get(action.id) ?? [] }))
    .sort((a, b) => referenceOrder.compare(a.reference, b.reference));

  const rows = new Map(scorecard(reader, planId).groups.flatMap((group) => group.rows.map((row) => [row.id, row] as const)));
  const kpis = listKpis(reader, planId)
    .filter((kpi) => theme === null || kpi.themes.some((linkedTheme) => linkedTheme.id === theme.id))
    .map((kpi) => ({ kpi, row: rows.get(kpi.id) as ScorecardRow }));
  const byId = new Map(kpis.map(({ kpi }) => [kpi.id, kpi]));
  const order = new Map(kpis.map(({ kpi }, index) => [kpi.id, index]));
  const values = (sqlite.prepare(VALUES_SQL).all(planId) as (Omit<ValueLine, 'kpi' | 'kpiReference' | 'kpiName' | 'provisional'> & { kpiId: string; provisional: number })[])
    .filter((value) => byId.has(value.kpiId))
    .sort((a, b) => (order.get(a.kpiId) ?? 0) - (order.get(b.kpiId) ?? 0))
    .map(({ kpiId, provisional, ...value }) => {
      const kpi = byId.get(kpiId) as Kpi;
      return { ...value, kpi, kpiReference: kpi.reference, kpiName: kpi.name, provisional: provisional === 1 };
    });

  return {
    plan: {
      id: plan.id,
      title: plan.title,
      classification: plan.classification as Classification,
      ragMeanings: plan.ragMeanings,
      authorityName: authority.name,
    },
    theme,
    actions,
    kpis,
    values,
  };
}
