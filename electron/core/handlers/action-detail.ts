// Reading one action with everything that hangs off it, as the action's page shows it.
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getLiveRecord } from '../../../db/records';
import {
  actionDependencies,
  actionDueDateChanges,
  actionKpis,
  actionRecommendations,
  actions,
  attachments,
  evidence,
  kpis,
  milestones,
  people,
  plans,
  progressUpdates,
  recommendations,
  themes,
} from '../../../db/schema';
import type {
  ActionChoices,
  ActionDetail,
  Dependency,
  Evidence,
  Milestone,
  ProgressUpdate,
} from '../../../shared/contract-actions';
import { AppError } from '../../../shared/errors';
import type { Rag } from '../../../shared/rag';
import type { ActionStatus, EvidenceKind } from '../../../shared/vocabulary';
import type { Core } from '../core';

/** Natural order for references, so 2.10 follows 2.9. */
const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const byReference = <T extends { reference: string }>(a: T, b: T) => referenceOrder.compare(a.reference, b.reference);

type Reader = Pick<Core, 'db'>;

export function toProgressUpdate(row: typeof progressUpdates.$inferSelect): ProgressUpdate {
  return {
    id: row.id,
    actionId: row.actionId,
    updateDate: row.updateDate,
    narrative: row.narrative,
    rag: row.rag as Rag | null,
    authorName: row.authorName,
    recordedBy: row.updatedBy,
    recordedAt: row.createdAt,
  };
}

export function toMilestone(row: typeof milestones.$inferSelect): Milestone {
  return { id: row.id, actionId: row.actionId, title: row.title, dueDate: row.dueDate, completedDate: row.completedDate };
}

function dependencies(core: Reader, actionId: string, direction: 'dependsOn' | 'dependents'): Dependency[] {
  const other = alias(actions, 'other');
  const [own, theirs] =
    direction === 'dependsOn'
      ? [actionDependencies.actionId, actionDependencies.dependsOnActionId]
      : [actionDependencies.dependsOnActionId, actionDependencies.actionId];
  const rows = core.db
    .select({
      id: actionDependencies.id,
      actionId: other.id,
      reference: other.reference,
      title: other.title,
      status: other.status,
      rag: other.rag,
      currentDueDate: other.currentDueDate,
      note: actionDependencies.note,
    })
    .from(actionDependencies)
    .innerJoin(other, eq(other.id, theirs))
    .where(and(eq(own, actionId), isNull(actionDependencies.deletedAt), isNull(other.deletedAt)))
    .all();
  return rows.map((row) => ({ ...row, status: row.status as ActionStatus, rag: row.rag as Rag | null })).sort(byReference);
}

const evidenceColumns = {
  id: evidence.id,
  actionId: evidence.actionId,
  kind: evidence.kind,
  title: evidence.title,
  url: evidence.url,
  note: evidence.note,
  fileName: evidence.fileName,
  hash: attachments.hash,
  size: attachments.size,
  mediaType: attachments.mediaType,
  addedBy: evidence.updatedBy,
  addedAt: evidence.createdAt,
};

function toEvidence(row: {
  id: string;
  actionId: string;
  kind: string;
  title: string;
  url: string | null;
  note: string | null;
  fileName: string | null;
  hash: string | null;
  size: number | null;
  mediaType: string | null;
  addedBy: string;
  addedAt: string;
}): Evidence {
  return {
    id: row.id,
    actionId: row.actionId,
    kind: row.kind as EvidenceKind,
    title: row.title,
    url: row.url,
    note: row.note,
    file:
      row.hash !== null && row.size !== null && row.mediaType !== null
        ? { fileName: row.fileName ?? row.title, hash: row.hash, size: row.size, mediaType: row.mediaType }
        : null,
    addedBy: row.addedBy,
    addedAt: row.addedAt,
  };
}

export function readEvidence(core: Reader, evidenceId: string): Evidence {
  const row = core.db
    .select(evidenceColumns)
    .from(evidence)
    .leftJoin(attachments, eq(attachments.hash, evidence.attachmentHash))
    .where(eq(evidence.id, evidenceId))
    .get();
  if (!row) throw new AppError('not-found', 'That evidence no longer exists; it may have been removed.', { evidenceId });
  return toEvidence(row);
}

export function readDependency(core: Reader, dependencyId: string): Dependency {
  const row = getLiveRecord(core, actionDependencies, dependencyId);
  const found = dependencies(core, row.actionId, 'dependsOn').find((dependency) => dependency.id === dependencyId);
  if (!found) throw new AppError('not-found', 'That dependency no longer exists.', { dependencyId });
  return found;
}

function person(core: Reader, personId: string | null): { id: string; name: string } | null {
  if (!personId) return null;
  return core.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId)).get() ?? null;
}

export function readActionDetail(core: Reader, actionId: string): ActionDetail {
  const action = getLiveRecord(core, actions, actionId);
  const plan = getLiveRecord(core, plans, action.planId);
  const theme = action.themeId
    ? (core.db
        .select({ id: themes.id, reference: themes.reference, title: themes.title })
        .from(themes)
        .where(and(eq(themes.id, action.themeId), isNull(themes.deletedAt)))
        .get() ?? null)
    : null;

  const history = core.db
    .select()
    .from(actionDueDateChanges)
    .where(and(eq(actionDueDateChanges.actionId, actionId), isNull(actionDueDateChanges.deletedAt)))
    // UUID v7 ids order the changes of one instant (a bulk change) as they were made.
    .orderBy(desc(actionDueDateChanges.createdAt), desc(actionDueDateChanges.id))
    .all();

  const milestoneRows = core.db
    .select()
    .from(milestones)
    .where(and(eq(milestones.actionId, actionId), isNull(milestones.deletedAt)))
    .orderBy(asc(milestones.dueDate), asc(milestones.createdAt))
    .all();
  // Milestones without a date come after the dated ones.
  milestoneRows.sort((a, b) => Number(a.dueDate === null) - Number(b.dueDate === null));

  const updates = core.db
    .select()
    .from(progressUpdates)
    .where(and(eq(progressUpdates.actionId, actionId), isNull(progressUpdates.deletedAt)))
    .orderBy(desc(progressUpdates.updateDate), desc(progressUpdates.createdAt))
    .all();

  const evidenceRows = core.db
    .select(evidenceColumns)
    .from(evidence)
    .leftJoin(attachments, eq(attachments.hash, evidence.attachmentHash))
    .where(and(eq(evidence.actionId, actionId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
    .all();

  const linkedRecommendations = core.db
    .select({ id: recommendations.id, number: recommendations.number, text: recommendations.text })
    .from(actionRecommendations)
    .innerJoin(recommendations, eq(recommendations.id, actionRecommendations.recommendationId))
    .where(and(eq(actionRecommendations.actionId, actionId), isNull(actionRecommendations.deletedAt), isNull(recommendations.deletedAt)))
    .orderBy(asc(recommendations.number))
    .all();

  const linkedKpis = core.db
    .select({ id: kpis.id, reference: kpis.reference, name: kpis.name })
    .from(actionKpis)
    .innerJoin(kpis, eq(kpis.id, actionKpis.kpiId))
    .where(and(eq(actionKpis.actionId, actionId), isNull(actionKpis.deletedAt), isNull(kpis.deletedAt)))
    .orderBy(asc(kpis.sortOrder), asc(kpis.reference))
    .all();

  return {
    id: action.id,
    planId: action.planId,
    reference: action.reference,
    title: action.title,
    description: action.description,
    theme,
    owner: person(core, action.ownerId),
    lead: person(core, action.leadId),
    startDate: action.startDate,
    baselineDueDate: action.baselineDueDate,
    currentDueDate: action.currentDueDate,
    completedDate: action.completedDate,
    status: action.status as ActionStatus,
    rag: action.rag as Rag | null,
    measuresOfSuccess: action.measuresOfSuccess,
    ragMeanings: plan.ragMeanings,
    dueDateMoves: history.length,
    dueDateHistory: history.map((change) => ({
      id: change.id,
      fromDate: change.fromDate,
      toDate: change.toDate,
      reason: change.reason,
      by: change.updatedBy,
      at: change.createdAt,
    })),
    milestones: milestoneRows.map(toMilestone),
    dependsOn: dependencies(core, actionId, 'dependsOn'),
    dependents: dependencies(core, actionId, 'dependents'),
    progressUpdates: updates.map(toProgressUpdate),
    evidence: evidenceRows.map(toEvidence),
    recommendations: linkedRecommendations,
    kpis: linkedKpis,
    updatedAt: action.updatedAt,
    updatedBy: action.updatedBy,
  };
}

export function readActionChoices(core: Reader, actionId: string): ActionChoices {
  const action = getLiveRecord(core, actions, actionId);
  const planId = action.planId;
  return {
    themes: core.db
      .select({ id: themes.id, reference: themes.reference, title: themes.title })
      .from(themes)
      .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
      .all()
      .sort(byReference),
    actions: core.db
      .select({ id: actions.id, reference: actions.reference, title: actions.title })
      .from(actions)
      .where(and(eq(actions.planId, planId), isNull(actions.deletedAt), ne(actions.id, actionId)))
      .all()
      .sort(byReference),
    recommendations: core.db
      .select({ id: recommendations.id, number: recommendations.number, text: recommendations.text })
      .from(recommendations)
      .where(and(eq(recommendations.planId, planId), isNull(recommendations.deletedAt)))
      .orderBy(asc(recommendations.number))
      .all(),
    kpis: core.db
      .select({ id: kpis.id, reference: kpis.reference, name: kpis.name })
      .from(kpis)
      .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt)))
      .orderBy(asc(kpis.sortOrder), asc(kpis.reference))
      .all(),
  };
}
