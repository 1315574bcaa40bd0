// The kinds of record a plan holds, as people name them: what a bundle's preview, its counts and
// its conflicts call each table. One entry per record table of db/schema.ts (a unit test checks).

export const RECORD_KIND_LABELS: Record<string, { one: string; many: string }> = {
  authorities: { one: 'council', many: 'councils' },
  people: { one: 'person', many: 'people' },
  inspections: { one: 'inspection', many: 'inspections' },
  inspection_judgements: { one: 'inspection judgement', many: 'inspection judgements' },
  deadlines: { one: 'statutory date', many: 'statutory dates' },
  plans: { one: 'plan', many: 'plans' },
  plan_stages: { one: 'plan stage', many: 'plan stages' },
  recommendations: { one: 'recommendation', many: 'recommendations' },
  themes: { one: 'theme', many: 'themes' },
  component_frameworks: { one: 'component framework', many: 'component frameworks' },
  components: { one: 'component', many: 'components' },
  theme_components: { one: 'theme’s component', many: 'themes’ components' },
  recommendation_themes: { one: 'recommendation’s theme', many: 'recommendations’ themes' },
  actions: { one: 'action', many: 'actions' },
  action_due_date_changes: { one: 'due date change', many: 'due date changes' },
  action_recommendations: { one: 'action’s recommendation', many: 'actions’ recommendations' },
  milestones: { one: 'milestone', many: 'milestones' },
  action_dependencies: { one: 'dependency between actions', many: 'dependencies between actions' },
  progress_updates: { one: 'progress update', many: 'progress updates' },
  evidence: { one: 'piece of evidence', many: 'pieces of evidence' },
  kpis: { one: 'KPI', many: 'KPIs' },
  kpi_values: { one: 'KPI value', many: 'KPI values' },
  kpi_comparators: { one: 'comparator figure', many: 'comparator figures' },
  kpi_themes: { one: 'KPI’s theme', many: 'KPIs’ themes' },
  action_kpis: { one: 'action’s KPI', many: 'actions’ KPIs' },
  reviews: { one: 'visit or review', many: 'visits and reviews' },
  review_findings: { one: 'finding', many: 'findings' },
  finding_actions: { one: 'finding’s action', many: 'findings’ actions' },
  committees: { one: 'committee', many: 'committees' },
  meetings: { one: 'meeting', many: 'meetings' },
  packs: { one: 'committee pack', many: 'committee packs' },
  risks: { one: 'risk', many: 'risks' },
  budget_lines: { one: 'budget line', many: 'budget lines' },
  budget_entries: { one: 'budget figure', many: 'budget figures' },
  workforce_projections: { one: 'workforce projection', many: 'workforce projections' },
  saved_views: { one: 'saved view', many: 'saved views' },
  sub_plan_links: { one: 'sub-plan link', many: 'sub-plan links' },
};

/** "3 actions", "1 KPI value": a count with the kind's name. */
export function describeKindCount(kind: string, count: number): string {
  const label = RECORD_KIND_LABELS[kind] ?? { one: kind.replace(/_/g, ' '), many: kind.replace(/_/g, ' ') };
  return `${count.toLocaleString('en-GB')} ${count === 1 ? label.one : label.many}`;
}

/** The kinds in the order a person reads a plan: the plan first, its links last. */
export const RECORD_KIND_ORDER: readonly string[] = Object.keys(RECORD_KIND_LABELS);
