// What a bundle of a plan holds: every record that belongs to the plan through its references,
// tombstones included, or for one theme the plan's frame and only that theme's part. Nothing it
// holds names a record it leaves out, except the links that tie versions and sub-plans together
// (`previousVersionId`, `parentPlanId`, `carriedFromActionId`), which are kept as they are.
import { getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import type { RecordTable } from '../../../db/records';
import * as schema from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { BUNDLE_TABLES, BUNDLE_TABLES_BY_NAME, type BundleRow } from './record-schemas';

export interface PlanData {
  planId: string;
  themeId: string | null;
  /** Records by SQL table name, each table's rows in id order. */
  tables: Map<string, BundleRow[]>;
  /** The attachments the records cite: evidence files and issued packs' PDFs. */
  attachmentHashes: Set<string>;
}

/** The records of a table whose column holds one of the values (nulls left aside), in one query. */
export function rowsWhere(db: Database, table: RecordTable, column: string, values: Iterable<string | null | undefined>): BundleRow[] {
  const wanted = [...new Set([...values].filter((value): value is string => typeof value === 'string'))];
  const target = getTableColumns(table)[column];
  if (!target) throw new Error(`No column ${column}`);
  if (wanted.length === 0) return [];
  // The values travel as one JSON array, so a plan's 20,000 records are one statement, not forty.
  return db
    .select()
    .from(table)
    .where(sql`${target} in (select value from json_each(${JSON.stringify(wanted)}))`)
    .all() as BundleRow[];
}

const idsOf = (rows: BundleRow[]) => new Set(rows.map((row) => row.id));
const column = (rows: BundleRow[], name: string) => rows.map((row) => row[name] as string | null);

/** Tables whose records are pulled in whenever an included record names one. */
const FRAME_TABLES = ['authorities', 'people', 'inspections', 'component_frameworks', 'components', 'committees', 'meetings'];

/**
 * Collects the plan's records (or one theme's part with the plan's frame) as they stand,
 * tombstones included. Refuses a plan or theme that does not exist.
 */
export function collectPlanData(db: Database, planId: string, themeId: string | null): PlanData {
  const [plan] = rowsWhere(db, schema.plans, 'id', [planId]);
  if (!plan || plan.deletedAt !== null) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  const tables = new Map<string, BundleRow[]>();
  const put = (name: string, rows: BundleRow[]) => tables.set(name, rows);

  put('plans', [plan]);
  put('authorities', rowsWhere(db, schema.authorities, 'id', [plan.authorityId as string]));
  put('people', rowsWhere(db, schema.people, 'authorityId', [plan.authorityId as string]));
  put('plan_stages', rowsWhere(db, schema.planStages, 'planId', [planId]));
  const recommendations = rowsWhere(db, schema.recommendations, 'planId', [planId]);
  put('recommendations', recommendations);
  const inspections = rowsWhere(db, schema.inspections, 'id', [plan.inspectionId as string | null, ...column(recommendations, 'inspectionId')]);
  put('inspections', inspections);
  put('inspection_judgements', rowsWhere(db, schema.inspectionJudgements, 'inspectionId', idsOf(inspections)));

  const themes = rowsWhere(db, schema.themes, 'planId', [planId]);
  if (themeId !== null && !themes.some((theme) => theme.id === themeId && theme.deletedAt === null)) {
    throw new AppError('not-found', 'That theme is not one of this plan’s, or has been deleted.', { themeId });
  }
  put('themes', themes);
  const themeIds = idsOf(themes);
  const themeComponents = rowsWhere(db, schema.themeComponents, 'themeId', themeIds);
  put('theme_components', themeComponents);
  const components = rowsWhere(db, schema.components, 'id', column(themeComponents, 'componentId'));
  put('components', components);
  put('component_frameworks', rowsWhere(db, schema.componentFrameworks, 'id', column(components, 'frameworkId')));
  const recommendationIds = idsOf(recommendations);
  put(
    'recommendation_themes',
    rowsWhere(db, schema.recommendationThemes, 'recommendationId', recommendationIds).filter((row) => themeIds.has(row.themeId as string)),
  );

  const actions = rowsWhere(db, schema.actions, 'planId', [planId]).filter((action) => themeId === null || action.themeId === themeId);
  put('actions', actions);
  const actionIds = idsOf(actions);
  put('action_due_date_changes', rowsWhere(db, schema.actionDueDateChanges, 'actionId', actionIds));
  put('milestones', rowsWhere(db, schema.milestones, 'actionId', actionIds));
  put('progress_updates', rowsWhere(db, schema.progressUpdates, 'actionId', actionIds));
  const evidence = rowsWhere(db, schema.evidence, 'actionId', actionIds);
  put('evidence', evidence);
  put(
    'action_dependencies',
    rowsWhere(db, schema.actionDependencies, 'actionId', actionIds).filter((row) => actionIds.has(row.dependsOnActionId as string)),
  );
  put(
    'action_recommendations',
    rowsWhere(db, schema.actionRecommendations, 'actionId', actionIds).filter((row) => recommendationIds.has(row.recommendationId as string)),
  );

  let kpis: BundleRow[];
  if (themeId === null) {
    kpis = rowsWhere(db, schema.kpis, 'planId', [planId]);
  } else {
    const linked = [
      ...column(rowsWhere(db, schema.kpiThemes, 'themeId', [themeId]), 'kpiId'),
      ...column(rowsWhere(db, schema.actionKpis, 'actionId', actionIds), 'kpiId'),
    ];
    kpis = rowsWhere(db, schema.kpis, 'id', linked).filter((kpi) => kpi.planId === planId);
  }
  put('kpis', kpis);
  const kpiIds = idsOf(kpis);
  put('kpi_values', rowsWhere(db, schema.kpiValues, 'kpiId', kpiIds));
  put('kpi_comparators', rowsWhere(db, schema.kpiComparators, 'kpiId', kpiIds));
  put('kpi_themes', rowsWhere(db, schema.kpiThemes, 'kpiId', kpiIds).filter((row) => themeIds.has(row.themeId as string)));
  put('action_kpis', rowsWhere(db, schema.actionKpis, 'actionId', actionIds).filter((row) => kpiIds.has(row.kpiId as string)));
  put('sub_plan_links', rowsWhere(db, schema.subPlanLinks, 'actionId', actionIds).filter((row) => row.subPlanId === planId));

  if (themeId === null) {
    put('deadlines', rowsWhere(db, schema.deadlines, 'inspectionId', idsOf(inspections)));
    const reviews = rowsWhere(db, schema.reviews, 'planId', [planId]);
    put('reviews', reviews);
    const findings = rowsWhere(db, schema.reviewFindings, 'reviewId', idsOf(reviews));
    put('review_findings', findings);
    put('finding_actions', rowsWhere(db, schema.findingActions, 'findingId', idsOf(findings)).filter((row) => actionIds.has(row.actionId as string)));
    const committees = rowsWhere(db, schema.committees, 'planId', [planId]);
    put('committees', committees);
    put('meetings', rowsWhere(db, schema.meetings, 'committeeId', idsOf(committees)));
    put('packs', rowsWhere(db, schema.packs, 'planId', [planId]));
    put('risks', rowsWhere(db, schema.risks, 'planId', [planId]));
    const lines = rowsWhere(db, schema.budgetLines, 'planId', [planId]);
    put('budget_lines', lines);
    put('budget_entries', rowsWhere(db, schema.budgetEntries, 'budgetLineId', idsOf(lines)));
    put('workforce_projections', rowsWhere(db, schema.workforceProjections, 'planId', [planId]));
    put('saved_views', rowsWhere(db, schema.savedViews, 'planId', [planId]));
  }

  pullInFrame(db, tables);

  const attachmentHashes = new Set<string>();
  for (const row of [...(tables.get('evidence') ?? []), ...(tables.get('packs') ?? [])]) {
    const hash = (row.attachmentHash ?? row.pdfHash) as string | null | undefined;
    if (hash) attachmentHashes.add(hash);
  }
  const ordered = new Map<string, BundleRow[]>();
  for (const entry of BUNDLE_TABLES) {
    const rows = tables.get(entry.name) ?? [];
    ordered.set(entry.name, [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  return { planId, themeId, tables: ordered, attachmentHashes };
}

/**
 * Adds the people, council, inspections, components and meetings that included records name but
 * the steps above did not reach (an owner from another council, a pack's meeting of a council-wide
 * board), until nothing included names a frame record left out.
 */
function pullInFrame(db: Database, tables: Map<string, BundleRow[]>): void {
  for (let round = 0; round < 5; round += 1) {
    let added = false;
    for (const [name, rows] of [...tables]) {
      const entry = BUNDLE_TABLES_BY_NAME.get(name);
      if (!entry) continue;
      for (const reference of entry.references) {
        if (!FRAME_TABLES.includes(reference.table)) continue;
        const target = BUNDLE_TABLES_BY_NAME.get(reference.table);
        if (!target) continue;
        const have = idsOf(tables.get(reference.table) ?? []);
        const missing = column(rows, reference.column).filter((id): id is string => id !== null && !have.has(id));
        if (missing.length === 0) continue;
        const found = rowsWhere(db, target.table, 'id', missing);
        if (found.length > 0) {
          tables.set(reference.table, [...(tables.get(reference.table) ?? []), ...found]);
          added = true;
        }
      }
    }
    if (!added) return;
  }
}

/** How many records of each kind the data holds, tombstones left out. */
export function countRecords(tables: Map<string, BundleRow[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, rows] of tables) {
    const live = rows.filter((row) => row.deletedAt === null).length;
    if (live > 0) counts[name] = live;
  }
  return counts;
}
