// The SQL behind opening a plan, in one place so the benchmark times the same statements raw.
// Each runs as a prepared statement cached per connection.

export const PLAN_QUERIES = {
  summary: `
  select p.id, p.title, p.authority_id as authorityId, a.name as authorityName, p.kind, p.parent_plan_id as parentPlanId, p.status, p.version,
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
  order by p.updated_at desc`,

  actionRows: `
  select x.id, x.theme_id as themeId, x.reference, x.title, x.owner_id as ownerId, o.name as ownerName,
         x.lead_id as leadId, l.name as leadName,
         x.current_due_date as currentDueDate, x.baseline_due_date as baselineDueDate,
         (select count(*) from action_due_date_changes c where c.action_id = x.id and c.deleted_at is null) as dueDateMoves,
         x.status, x.rag,
         (select max(u.update_date) from progress_updates u where u.action_id = x.id and u.deleted_at is null) as lastUpdateDate
  from actions x
  left join people o on o.id = x.owner_id
  left join people l on l.id = x.lead_id
  where x.plan_id = ? and x.deleted_at is null`,

  // The latest two values of each KPI, found through the (kpi_id, period_end) index rather
  // than by ranking every value of the plan.
  kpiTiles: `
  select k.id, k.reference, k.name, k.unit, k.polarity, k.frequency,
         k.target_value as targetValue, k.target_lower as targetLower, k.target_upper as targetUpper, k.tolerance,
         latest.period as latestPeriod, latest.period_end as latestPeriodEnd, latest.value as latestValue,
         latest.suppression_code as latestSuppressionCode, latest.provisional as latestProvisional,
         previous.period as previousPeriod, previous.value as previousValue
  from kpis k
  left join kpi_values latest on latest.id = (
    select v.id from kpi_values v where v.kpi_id = k.id and v.deleted_at is null order by v.period_end desc limit 1)
  left join kpi_values previous on previous.id = (
    select v.id from kpi_values v where v.kpi_id = k.id and v.deleted_at is null order by v.period_end desc limit 1 offset 1)
  where k.plan_id = @planId and k.deleted_at is null
  order by k.sort_order, k.reference`,

  inspection: `select i.framework, i.start_date as startDate, i.end_date as endDate, i.report_received_date as reportReceivedDate,
            i.report_published_date as reportPublishedDate, i.overall_judgement as overallJudgement
     from plans p join inspections i on i.id = p.inspection_id where p.id = ? and i.deleted_at is null`,

  stages: `select id, name, start_date as startDate, end_date as endDate from plan_stages
     where plan_id = ? and deleted_at is null order by sort_order, start_date`,

  themes: `select t.id, t.reference, t.title, p.name as leadName from themes t left join people p on p.id = t.lead_id
     where t.plan_id = ? and t.deleted_at is null order by t.sort_order`,

  coverage: `select count(*) as total,
            coalesce(sum(not exists (
              select 1 from action_recommendations ar join actions x on x.id = ar.action_id
              where ar.recommendation_id = r.id and ar.deleted_at is null and x.deleted_at is null
                and x.status <> 'superseded')), 0) as uncovered
     from recommendations r where r.plan_id = ? and r.deleted_at is null`,

  reviewCount: 'select count(*) from reviews where plan_id = ? and deleted_at is null',
} as const;
