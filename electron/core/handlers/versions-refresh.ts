// Refreshing a plan after a monitoring visit: version n+1 is made from version n in one
// transaction, and version n is kept exactly as it was, marked superseded.
//
// What the new version starts with is the plan as it stands: its themes, stages,
// recommendations, reviews, KPIs, governance, risks, money and workforce, and the actions still
// to deliver. KPIs are copied with their values and comparators rather than linked back to the
// old version's rows: every reader of a plan (overview tiles, attention, scorecards, packs)
// finds a KPI's values through the KPI's own rows, so the series reads continuously in the new
// version with no reader walking back through versions, and the old version goes on showing the
// figures it was reported with even when a value is corrected later.
//
// Open actions are carried whole, with their date history, updates and evidence (files are
// stored once by hash, so a copy costs a row): the board's rules read those (an action moved
// four times, red two quarters in a row, not updated lately) and must not start again from
// nothing. Complete and superseded actions, and milestones already done, stay in the old
// version, where each carried action's `carriedFromActionId` leads back to its history.
// Issued and draft packs stay with the version they were written about.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { newId } from '../../../db/ids';
import { createRecord, getLiveRecord, updateRecord, type NewRecord, type RecordTable, type UnitOfWork } from '../../../db/records';
import {
  actionDependencies,
  actionDueDateChanges,
  actionKpis,
  actionRecommendations,
  actions,
  budgetEntries,
  budgetLines,
  committees,
  evidence,
  findingActions,
  kpiComparators,
  kpis,
  kpiThemes,
  kpiValues,
  meetings,
  milestones,
  planStages,
  plans,
  progressUpdates,
  recommendations,
  recommendationThemes,
  reviewFindings,
  reviews,
  risks,
  savedViews,
  settings,
  subPlanLinks,
  themeComponents,
  themes,
  workforceProjections,
} from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { OPEN_ACTION_STATUSES } from '../../../shared/vocabulary';
import { writeSetting } from '../settings';
import { assertPlanEditable, nextVersionOf } from './versions-rules';

type PlanRecord = typeof plans.$inferSelect;

/** Where a version keeps why it was made. */
export const refreshKey = (planId: string) => `plan:${planId}:refresh`;
const attentionKey = (planId: string) => `plan:${planId}:attention`;

export interface RefreshOutcome {
  planId: string;
  carriedActionCount: number;
  notCarriedActionCount: number;
}

/** Makes the next version of a plan and supersedes the one given. */
export function refreshPlan(unit: UnitOfWork, input: { planId: string; title?: string; reason: string }): RefreshOutcome {
  const old = getLiveRecord(unit, plans, input.planId);
  assertPlanEditable(unit, old);
  if (old.status === 'closed') {
    throw new AppError('conflict', `Nothing was saved: “${old.title}” is closed, so it is not refreshed. Reopen it first if it is still being delivered.`, {
      planId: old.id,
    });
  }
  const already = nextVersionOf(unit, old.id);
  if (already) {
    throw new AppError('conflict', `Nothing was saved: version ${already.version} has already been made from this version; refresh that one.`, {
      planId: old.id,
      nextPlanId: already.id,
    });
  }
  return new VersionCopier(unit, old).copy(input.title ?? old.title, input.reason);
}

class VersionCopier {
  /** Each copied record's new id by its old id. Ids are UUIDs, so one map serves every table. */
  private readonly ids = new Map<string, string>();
  private readonly planId = newId();

  constructor(
    private readonly unit: UnitOfWork,
    private readonly old: PlanRecord,
  ) {}

  copy(title: string, reason: string): RefreshOutcome {
    this.record(plans, this.old, { id: this.planId, version: this.old.version + 1, previousVersionId: this.old.id, title });
    updateRecord(this.unit, plans, this.old.id, { status: 'superseded' }, this.old.id);
    writeSetting(this.unit, refreshKey(this.planId), { reason, previousVersionId: this.old.id }, this.planId);

    this.copyThemes();
    this.copyAll(planStages, this.ofPlan(planStages), () => ({ planId: this.planId }));
    this.copyReviews();
    this.copyRecommendations();
    this.copyKpis();
    const outcome = this.copyOpenActions();
    this.copyGovernance();
    this.copyPlanSettings();
    this.followSubPlans();
    return outcome;
  }

  /** Creates a copy of a record with some fields changed, remembering its new id. */
  private record<T extends RecordTable>(table: T, row: T['$inferSelect'], changes: Partial<NewRecord<T>>): string {
    const { id, createdAt: _createdAt, updatedAt: _updatedAt, updatedBy: _updatedBy, revision: _revision, deletedAt: _deletedAt, ...fields } =
      row as T['$inferSelect'] & { createdAt: string; updatedAt: string; updatedBy: string };
    const created = createRecord(this.unit, table, { ...fields, ...changes } as NewRecord<T>, this.planId);
    this.ids.set(id, created.id);
    return created.id;
  }

  /** Copies rows, each with the changes `remap` gives, or skips a row it answers null for. */
  private copyAll<T extends RecordTable>(table: T, rows: T['$inferSelect'][], remap: (row: T['$inferSelect']) => Partial<NewRecord<T>> | null): number {
    let copied = 0;
    for (const row of rows) {
      const changes = remap(row);
      if (changes === null) continue;
      this.record(table, row, changes);
      copied += 1;
    }
    return copied;
  }

  private mapped(id: string | null): string | null {
    return id === null ? null : (this.ids.get(id) ?? null);
  }

  /** The live rows of a table that hangs directly off the old plan. */
  private ofPlan<T extends RecordTable>(table: T): T['$inferSelect'][] {
    return this.unit.db
      .select()
      .from(table)
      .where(and(eq(table.planId, this.old.id), isNull(table.deletedAt)))
      .all() as T['$inferSelect'][];
  }

  /** The live rows of a table whose `column` names one of the given live parents. */
  private ofParents<T extends RecordTable>(table: T, column: keyof T['$inferSelect'] & string, parentIds: string[]): T['$inferSelect'][] {
    if (parentIds.length === 0) return [];
    const rows: T['$inferSelect'][] = [];
    // SQLite limits the variables of one statement; plans of thousands of actions stay well inside this.
    for (let start = 0; start < parentIds.length; start += 500) {
      const chunk = parentIds.slice(start, start + 500);
      rows.push(
        ...(this.unit.db
          .select()
          .from(table)
          .where(and(inArray(table[column], chunk), isNull(table.deletedAt)))
          .all() as T['$inferSelect'][]),
      );
    }
    return rows;
  }

  private copyThemes(): void {
    const rows = this.ofPlan(themes);
    this.copyAll(themes, rows, () => ({ planId: this.planId }));
    this.copyAll(themeComponents, this.ofParents(themeComponents, 'themeId', rows.map((row) => row.id)), (row) => ({
      themeId: this.mapped(row.themeId) as string,
    }));
  }

  private copyReviews(): void {
    const rows = this.ofPlan(reviews);
    this.copyAll(reviews, rows, () => ({ planId: this.planId }));
    this.copyAll(reviewFindings, this.ofParents(reviewFindings, 'reviewId', rows.map((row) => row.id)), (row) => ({
      reviewId: this.mapped(row.reviewId) as string,
    }));
  }

  private copyRecommendations(): void {
    const rows = this.ofPlan(recommendations);
    this.copyAll(recommendations, rows, (row) => ({ planId: this.planId, reviewFindingId: this.mapped(row.reviewFindingId) }));
    this.copyAll(recommendationThemes, this.ofParents(recommendationThemes, 'recommendationId', rows.map((row) => row.id)), (row) => {
      const themeId = this.mapped(row.themeId);
      return themeId ? { recommendationId: this.mapped(row.recommendationId) as string, themeId } : null;
    });
  }

  private copyKpis(): void {
    const rows = this.ofPlan(kpis);
    const kpiIds = rows.map((row) => row.id);
    this.copyAll(kpis, rows, () => ({ planId: this.planId }));
    const toNewKpi = (row: { kpiId: string }) => ({ kpiId: this.mapped(row.kpiId) as string });
    this.copyAll(kpiValues, this.ofParents(kpiValues, 'kpiId', kpiIds), toNewKpi);
    this.copyAll(kpiComparators, this.ofParents(kpiComparators, 'kpiId', kpiIds), toNewKpi);
    this.copyAll(kpiThemes, this.ofParents(kpiThemes, 'kpiId', kpiIds), (row) => {
      const themeId = this.mapped(row.themeId);
      return themeId ? { ...toNewKpi(row), themeId } : null;
    });
  }

  private copyOpenActions(): RefreshOutcome {
    const live = this.ofPlan(actions);
    const open = live.filter((action) => (OPEN_ACTION_STATUSES as readonly string[]).includes(action.status));
    this.copyAll(actions, open, (row) => ({ planId: this.planId, themeId: this.mapped(row.themeId), carriedFromActionId: row.id }));

    const openIds = open.map((row) => row.id);
    const toNewAction = (row: { actionId: string }) => ({ actionId: this.mapped(row.actionId) as string });
    this.copyAll(actionDueDateChanges, this.ofParents(actionDueDateChanges, 'actionId', openIds), toNewAction);
    this.copyAll(progressUpdates, this.ofParents(progressUpdates, 'actionId', openIds), toNewAction);
    this.copyAll(evidence, this.ofParents(evidence, 'actionId', openIds), toNewAction);
    this.copyAll(milestones, this.ofParents(milestones, 'actionId', openIds), (row) => (row.completedDate === null ? toNewAction(row) : null));
    this.copyAll(actionDependencies, this.ofParents(actionDependencies, 'actionId', openIds), (row) => {
      const dependsOnActionId = this.mapped(row.dependsOnActionId);
      return dependsOnActionId ? { ...toNewAction(row), dependsOnActionId } : null;
    });
    this.copyAll(actionRecommendations, this.ofParents(actionRecommendations, 'actionId', openIds), (row) => {
      const recommendationId = this.mapped(row.recommendationId);
      return recommendationId ? { ...toNewAction(row), recommendationId } : null;
    });
    this.copyAll(actionKpis, this.ofParents(actionKpis, 'actionId', openIds), (row) => {
      const kpiId = this.mapped(row.kpiId);
      return kpiId ? { ...toNewAction(row), kpiId } : null;
    });
    this.copyAll(findingActions, this.ofParents(findingActions, 'actionId', openIds), (row) => {
      const findingId = this.mapped(row.findingId);
      return findingId ? { ...toNewAction(row), findingId } : null;
    });
    return { planId: this.planId, carriedActionCount: open.length, notCarriedActionCount: live.length - open.length };
  }

  /** Boards and their calendar, risks, money, workforce and saved views go on with the plan. */
  private copyGovernance(): void {
    const boards = this.ofPlan(committees);
    this.copyAll(committees, boards, () => ({ planId: this.planId }));
    this.copyAll(meetings, this.ofParents(meetings, 'committeeId', boards.map((row) => row.id)), (row) => ({
      committeeId: this.mapped(row.committeeId) as string,
    }));
    this.copyAll(risks, this.ofPlan(risks), () => ({ planId: this.planId }));
    const lines = this.ofPlan(budgetLines);
    this.copyAll(budgetLines, lines, () => ({ planId: this.planId }));
    this.copyAll(budgetEntries, this.ofParents(budgetEntries, 'budgetLineId', lines.map((row) => row.id)), (row) => ({
      budgetLineId: this.mapped(row.budgetLineId) as string,
    }));
    this.copyAll(workforceProjections, this.ofPlan(workforceProjections), () => ({ planId: this.planId }));
    this.copyAll(savedViews, this.ofPlan(savedViews), (row) => ({ planId: this.planId, query: this.remapViewQuery(row.query) }));
  }

  /** A saved view's theme filter names the old version's themes; it follows them to their copies. */
  private remapViewQuery(query: Record<string, unknown>): Record<string, unknown> {
    const filters = query.filters as { themeIds?: string[] } | undefined;
    if (!filters?.themeIds) return query;
    const themeIds = filters.themeIds.map((id) => this.mapped(id)).filter((id): id is string => id !== null);
    return { ...query, filters: { ...filters, themeIds } };
  }

  private copyPlanSettings(): void {
    const rules = this.unit.db.select().from(settings).where(eq(settings.key, attentionKey(this.old.id))).get();
    if (rules) writeSetting(this.unit, attentionKey(this.planId), rules.value, this.planId);
  }

  /**
   * Sub-plans serve the plan as it is now, so they move to the new version, and their links
   * follow the carried actions. Links to actions left behind (complete ones) stay as they were:
   * they say what the sub-plan delivered. A refreshed sub-plan keeps its own links.
   */
  private followSubPlans(): void {
    const children = this.unit.db
      .select()
      .from(plans)
      .where(and(eq(plans.parentPlanId, this.old.id), isNull(plans.deletedAt), ne(plans.status, 'superseded')))
      .all();
    for (const child of children) {
      updateRecord(this.unit, plans, child.id, { parentPlanId: this.planId }, child.id);
      for (const link of this.ofParents(subPlanLinks, 'subPlanId', [child.id])) {
        const actionId = this.mapped(link.actionId);
        if (actionId) updateRecord(this.unit, subPlanLinks, link.id, { actionId }, child.id);
      }
    }
    this.copyAll(subPlanLinks, this.ofParents(subPlanLinks, 'subPlanId', [this.old.id]), (row) => ({
      subPlanId: this.planId,
      actionId: this.mapped(row.actionId) ?? row.actionId,
    }));
  }
}
