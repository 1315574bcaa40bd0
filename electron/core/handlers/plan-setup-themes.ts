// The plan's themes (with their leads) and its stages (with their dates).
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { actions, kpiThemes, people, planStages, recommendations, recommendationThemes, themeComponents, themes } from '../../../db/schema';
import { checkStageDates, type Stage, type Theme } from '../../../shared/contract-setup';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { assertPersonOfPlan, fieldError, nextSortOrder, referenceOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;

export function listThemes(reader: Reader, planId: string): Theme[] {
  const rows = reader.db
    .select({
      id: themes.id,
      reference: themes.reference,
      title: themes.title,
      description: themes.description,
      leadId: themes.leadId,
      leadName: people.name,
      sortOrder: themes.sortOrder,
    })
    .from(themes)
    .leftJoin(people, eq(people.id, themes.leadId))
    .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
    .all();
  const actionCounts = new Map(
    reader.db
      .select({ themeId: actions.themeId, count: count() })
      .from(actions)
      .where(and(eq(actions.planId, planId), isNull(actions.deletedAt)))
      .groupBy(actions.themeId)
      .all()
      .map((row) => [row.themeId, row.count]),
  );
  const recommendationCounts = new Map(
    reader.db
      .select({ themeId: recommendationThemes.themeId, count: count() })
      .from(recommendationThemes)
      .innerJoin(recommendations, eq(recommendations.id, recommendationThemes.recommendationId))
      .where(and(eq(recommendations.planId, planId), isNull(recommendations.deletedAt), isNull(recommendationThemes.deletedAt)))
      .groupBy(recommendationThemes.themeId)
      .all()
      .map((row) => [row.themeId, row.count]),
  );
  return rows
    .sort((a, b) => a.sortOrder - b.sortOrder || referenceOrder.compare(a.reference, b.reference))
    .map(({ sortOrder: _sortOrder, ...theme }) => ({
      ...theme,
      actionCount: actionCounts.get(theme.id) ?? 0,
      recommendationCount: recommendationCounts.get(theme.id) ?? 0,
    }));
}

function readTheme(reader: Reader, planId: string, id: string): Theme {
  const found = listThemes(reader, planId).find((theme) => theme.id === id);
  if (!found) throw new Error('The theme was saved but could not be read back.');
  return found;
}

/** Two live themes of a plan never share a reference: actions are numbered from it. */
function assertReferenceFree(reader: Reader, planId: string, reference: string, themeId: string | null): void {
  const others = reader.db
    .select({ reference: themes.reference, title: themes.title })
    .from(themes)
    .where(and(eq(themes.planId, planId), isNull(themes.deletedAt), themeId ? ne(themes.id, themeId) : undefined))
    .all();
  const clash = others.find((other) => referenceOrder.compare(other.reference, reference) === 0);
  if (clash) throw fieldError('reference', `Theme ${clash.reference} is already “${clash.title}”: give this theme another reference`);
}

export function listStages(reader: Reader, planId: string): Stage[] {
  return reader.db
    .select({
      id: planStages.id,
      name: planStages.name,
      description: planStages.description,
      startDate: planStages.startDate,
      endDate: planStages.endDate,
    })
    .from(planStages)
    .where(and(eq(planStages.planId, planId), isNull(planStages.deletedAt)))
    .orderBy(asc(planStages.sortOrder), asc(planStages.startDate))
    .all();
}

function readStage(reader: Reader, planId: string, id: string): Stage {
  const found = listStages(reader, planId).find((stage) => stage.id === id);
  if (!found) throw new Error('The stage was saved but could not be read back.');
  return found;
}

export const themeHandlers: HandlerGroup<
  | 'themes.list'
  | 'themes.create'
  | 'themes.update'
  | 'themes.delete'
  | 'stages.list'
  | 'stages.create'
  | 'stages.update'
  | 'stages.delete'
> = {
  'themes.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listThemes(core, input.planId);
  },

  'themes.create': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) => {
      assertReferenceFree(unit, planId, input.reference, null);
      assertPersonOfPlan(unit, planId, input.leadId, 'leadId');
      const existing = unit.db.select({ sortOrder: themes.sortOrder }).from(themes).where(and(eq(themes.planId, planId), isNull(themes.deletedAt))).all();
      return createRecord(
        unit,
        themes,
        {
          planId,
          reference: input.reference,
          title: input.title,
          description: input.description ?? null,
          leadId: input.leadId ?? null,
          sortOrder: nextSortOrder(existing),
        },
        planId,
      ).id;
    });
    return readTheme(core, planId, id);
  },

  'themes.update': (input, core) => {
    const { themeId, ...patch } = input;
    const { planId } = getLiveRecord(core, themes, themeId);
    core.write(planId, (unit) => {
      if (patch.reference !== undefined) assertReferenceFree(unit, planId, patch.reference, themeId);
      assertPersonOfPlan(unit, planId, patch.leadId, 'leadId');
      updateRecord(unit, themes, themeId, patch, planId);
    });
    return readTheme(core, planId, themeId);
  },

  // A theme with actions is refused rather than emptied: moving sixty actions is a decision, not
  // a side effect. Its links to recommendations, KPIs and components go with it.
  'themes.delete': (input, core) => {
    const theme = getLiveRecord(core, themes, input.themeId);
    const { planId } = theme;
    core.write(planId, (unit) => {
      const [{ actionCount } = { actionCount: 0 }] = unit.db
        .select({ actionCount: count() })
        .from(actions)
        .where(and(eq(actions.themeId, theme.id), isNull(actions.deletedAt)))
        .all();
      if (actionCount > 0) {
        throw new AppError(
          'conflict',
          `Nothing was deleted: ${actionCount === 1 ? '1 action is' : `${actionCount} actions are`} still in theme ${theme.reference}, “${theme.title}”. ` +
            'Move them to another theme or delete them first.',
          { actionCount },
        );
      }
      for (const table of [recommendationThemes, kpiThemes, themeComponents] as const) {
        const links = unit.db
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.themeId, theme.id), isNull(table.deletedAt)))
          .all();
        for (const link of links) deleteRecord(unit, table, link.id, planId);
      }
      deleteRecord(unit, themes, theme.id, planId);
    });
    return { deleted: true as const };
  },

  'stages.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listStages(core, input.planId);
  },

  'stages.create': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) => {
      const existing = unit.db
        .select({ sortOrder: planStages.sortOrder })
        .from(planStages)
        .where(and(eq(planStages.planId, planId), isNull(planStages.deletedAt)))
        .all();
      return createRecord(
        unit,
        planStages,
        {
          planId,
          name: input.name,
          description: input.description ?? null,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          sortOrder: nextSortOrder(existing),
        },
        planId,
      ).id;
    });
    return readStage(core, planId, id);
  },

  'stages.update': (input, core) => {
    const { stageId, ...patch } = input;
    const { planId } = getLiveRecord(core, planStages, stageId);
    core.write(planId, (unit) => {
      const stored = getLiveRecord(unit, planStages, stageId);
      // One date may change alone, so the order is checked against the other as stored.
      checkStageDates(
        {
          startDate: patch.startDate === undefined ? stored.startDate : patch.startDate,
          endDate: patch.endDate === undefined ? stored.endDate : patch.endDate,
        },
        (path, message) => {
          throw fieldError(path, message);
        },
      );
      updateRecord(unit, planStages, stageId, patch, planId);
    });
    return readStage(core, planId, stageId);
  },

  'stages.delete': (input, core) => {
    const { planId } = getLiveRecord(core, planStages, input.stageId);
    core.write(planId, (unit) => deleteRecord(unit, planStages, input.stageId, planId));
    return { deleted: true as const };
  },
};
