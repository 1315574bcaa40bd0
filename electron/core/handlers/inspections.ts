import { and, eq, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, restoreRecord, updateRecord } from '../../../db/records';
import { inspectionJudgements, inspections, plans } from '../../../db/schema';
import type { Inspection } from '../../../shared/contract';
import type { Framework, Judgement } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

function readInspection(core: Core, planId: string): Inspection | null {
  const plan = getLiveRecord(core, plans, planId);
  if (!plan.inspectionId) return null;
  const row = core.db.select().from(inspections).where(eq(inspections.id, plan.inspectionId)).get();
  if (!row || row.deletedAt) return null;
  const grades = core.db
    .select()
    .from(inspectionJudgements)
    .where(and(eq(inspectionJudgements.inspectionId, row.id), isNull(inspectionJudgements.deletedAt)))
    .all();
  return {
    id: row.id,
    framework: row.framework as Framework,
    startDate: row.startDate,
    endDate: row.endDate,
    reportReceivedDate: row.reportReceivedDate,
    reportPublishedDate: row.reportPublishedDate,
    overallJudgement: row.overallJudgement as Judgement | null,
    priorityActionAreas: row.priorityActionAreas,
    judgements: Object.fromEntries(grades.map((grade) => [grade.area, grade.judgement as Judgement])),
  };
}

export const inspectionHandlers: HandlerGroup<'inspections.get' | 'inspections.save'> = {
  'inspections.get': (input, core) => {
    assertPlanExists(core, input.planId);
    return readInspection(core, input.planId);
  },

  'inspections.save': (input, core) => {
    const { planId, judgements, ...fields } = input;
    assertPlanExists(core, planId);
    const values = {
      framework: fields.framework,
      startDate: fields.startDate,
      endDate: fields.endDate ?? null,
      reportReceivedDate: fields.reportReceivedDate ?? null,
      reportPublishedDate: fields.reportPublishedDate ?? null,
      overallJudgement: fields.overallJudgement ?? null,
      priorityActionAreas: fields.priorityActionAreas,
    };
    core.write(planId, (unit) => {
      const plan = getLiveRecord(unit, plans, planId);
      let inspectionId = plan.inspectionId;
      if (inspectionId) updateRecord(unit, inspections, inspectionId, values, planId);
      else {
        inspectionId = createRecord(unit, inspections, { authorityId: plan.authorityId, ...values }, planId).id;
        updateRecord(unit, plans, planId, { inspectionId }, planId);
      }
      const existing = unit.db
        .select()
        .from(inspectionJudgements)
        .where(eq(inspectionJudgements.inspectionId, inspectionId))
        .all();
      for (const row of existing) {
        if (row.deletedAt) continue;
        const grade = judgements[row.area];
        if (grade === undefined) deleteRecord(unit, inspectionJudgements, row.id, planId);
        else if (grade !== row.judgement) updateRecord(unit, inspectionJudgements, row.id, { judgement: grade }, planId);
      }
      for (const [area, judgement] of Object.entries(judgements)) {
        const row = existing.find((candidate) => candidate.area === area);
        if (!row) createRecord(unit, inspectionJudgements, { inspectionId, area, judgement }, planId);
        else if (row.deletedAt) restoreRecord(unit, inspectionJudgements, row.id, { judgement }, planId);
      }
    });
    const saved = readInspection(core, planId);
    if (!saved) throw new Error('The inspection was saved but could not be read back.');
    return saved;
  },
};
