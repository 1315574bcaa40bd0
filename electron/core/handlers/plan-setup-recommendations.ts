// The report's recommendations: split from its text, numbered as in the report, mapped to
// themes, and the coverage check inspectors make (every recommendation answered by a live,
// non-superseded action).
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, restoreRecord, updateRecord } from '../../../db/records';
import { actionRecommendations, plans, recommendations, recommendationThemes, themes } from '../../../db/schema';
import type { Recommendation } from '../../../shared/contract-setup';
import { splitRecommendations, titleFromText } from '../../../shared/recommendations';
import type { Core } from '../core';
import { answeringActions, fieldError, groupLinks, referenceOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;

export function listRecommendations(reader: Reader, planId: string): Recommendation[] {
  const rows = reader.db
    .select({ id: recommendations.id, number: recommendations.number, text: recommendations.text })
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), isNull(recommendations.deletedAt)))
    .orderBy(asc(recommendations.number), asc(recommendations.createdAt))
    .all();

  const themeRows = reader.db
    .select({ id: themes.id, reference: themes.reference, title: themes.title })
    .from(themes)
    .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
    .all()
    .sort((a, b) => referenceOrder.compare(a.reference, b.reference));
  const themeLinks = reader.db
    .select({ from: recommendationThemes.recommendationId, to: recommendationThemes.themeId })
    .from(recommendationThemes)
    .innerJoin(recommendations, eq(recommendations.id, recommendationThemes.recommendationId))
    .where(and(eq(recommendations.planId, planId), isNull(recommendationThemes.deletedAt)))
    .all();
  const themesOf = groupLinks(themeLinks, new Map(themeRows.map((theme) => [theme.id, theme])));

  const actionLinks = reader.db
    .select({ from: actionRecommendations.recommendationId, to: actionRecommendations.actionId })
    .from(actionRecommendations)
    .innerJoin(recommendations, eq(recommendations.id, actionRecommendations.recommendationId))
    .where(and(eq(recommendations.planId, planId), isNull(actionRecommendations.deletedAt)))
    .all();
  const actionsOf = groupLinks(actionLinks, answeringActions(reader, actionLinks.map((link) => link.to)));

  return rows.map((row) => {
    const answering = actionsOf.get(row.id) ?? [];
    return {
      ...row,
      themes: themesOf.get(row.id) ?? [],
      actions: answering,
      covered: answering.some((action) => action.status !== 'superseded'),
    };
  });
}

function readRecommendation(reader: Reader, planId: string, id: string): Recommendation {
  const found = listRecommendations(reader, planId).find((recommendation) => recommendation.id === id);
  if (!found) throw new Error('The recommendation was saved but could not be read back.');
  return found;
}

export const recommendationHandlers: HandlerGroup<
  | 'recommendations.list'
  | 'recommendations.split'
  | 'recommendations.add'
  | 'recommendations.update'
  | 'recommendations.delete'
  | 'recommendations.setThemes'
> = {
  'recommendations.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listRecommendations(core, input.planId);
  },

  'recommendations.split': (input) => splitRecommendations(input.text),

  'recommendations.add': (input, core) => {
    const { planId } = input;
    const ids = core.write(planId, (unit) => {
      const plan = getLiveRecord(unit, plans, planId);
      const numbers = unit.db
        .select({ number: recommendations.number })
        .from(recommendations)
        .where(and(eq(recommendations.planId, planId), isNull(recommendations.deletedAt)))
        .all();
      // Numbering goes on from the last, as a report's list would if it were longer.
      let number = numbers.reduce((highest, row) => Math.max(highest, row.number), 0);
      return input.texts.map((text) => {
        number += 1;
        return createRecord(unit, recommendations, { planId, inspectionId: plan.inspectionId, number, text }, planId).id;
      });
    });
    const listed = listRecommendations(core, planId);
    return listed.filter((recommendation) => ids.includes(recommendation.id));
  },

  'recommendations.update': (input, core) => {
    const { recommendationId, ...patch } = input;
    const { planId } = getLiveRecord(core, recommendations, recommendationId);
    core.write(planId, (unit) => {
      if (patch.number !== undefined) {
        const clash = unit.db
          .select({ text: recommendations.text })
          .from(recommendations)
          .where(
            and(
              eq(recommendations.planId, planId),
              eq(recommendations.number, patch.number),
              ne(recommendations.id, recommendationId),
              isNull(recommendations.deletedAt),
            ),
          )
          .get();
        if (clash) {
          throw fieldError('number', `Recommendation ${patch.number} is already “${titleFromText(clash.text, 80)}”: give this one another number`);
        }
      }
      updateRecord(unit, recommendations, recommendationId, patch, planId);
    });
    return readRecommendation(core, planId, recommendationId);
  },

  // Deleting a recommendation that actions answer is allowed: the report may have been pasted
  // twice or split wrongly. Its links go with it (tombstoned in the same change, so the history
  // can bring them back), and those actions then show on the coverage view as answering none.
  'recommendations.delete': (input, core) => {
    const { planId } = getLiveRecord(core, recommendations, input.recommendationId);
    core.write(planId, (unit) => {
      for (const table of [recommendationThemes, actionRecommendations] as const) {
        const links = unit.db
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.recommendationId, input.recommendationId), isNull(table.deletedAt)))
          .all();
        for (const link of links) deleteRecord(unit, table, link.id, planId);
      }
      deleteRecord(unit, recommendations, input.recommendationId, planId);
    });
    return { deleted: true as const };
  },

  'recommendations.setThemes': (input, core) => {
    const { recommendationId } = input;
    const { planId } = getLiveRecord(core, recommendations, recommendationId);
    const wanted = new Set(input.themeIds);
    core.write(planId, (unit) => {
      const planThemes = new Set(
        unit.db
          .select({ id: themes.id })
          .from(themes)
          .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
          .all()
          .map((theme) => theme.id),
      );
      if ([...wanted].some((themeId) => !planThemes.has(themeId))) {
        throw fieldError('themeIds', 'Choose themes of this plan: one of those chosen is not, or has been deleted');
      }
      const links = unit.db.select().from(recommendationThemes).where(eq(recommendationThemes.recommendationId, recommendationId)).all();
      for (const link of links) {
        const live = link.deletedAt === null;
        if (live && !wanted.has(link.themeId)) deleteRecord(unit, recommendationThemes, link.id, planId);
        // The pair is unique even among tombstones, so a link made again is the old one restored.
        if (!live && wanted.has(link.themeId)) restoreRecord(unit, recommendationThemes, link.id, {}, planId);
      }
      for (const themeId of wanted) {
        if (!links.some((link) => link.themeId === themeId)) createRecord(unit, recommendationThemes, { recommendationId, themeId }, planId);
      }
    });
    return readRecommendation(core, planId, recommendationId);
  },
};
