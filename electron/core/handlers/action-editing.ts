// Editing one action and what hangs off it. Every change is one audited transaction; every rule
// that needs the database is checked inside it, before anything is written, so a refused change
// leaves nothing half-saved.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { actions, milestones, people, plans, progressUpdates } from '../../../db/schema';
import type { actionEditingMethods, Person } from '../../../shared/contract-actions';
import { formatLongDate } from '../../../shared/dates';
import type { Core } from '../core';
import { readActionChoices, readActionDetail, toMilestone, toProgressUpdate } from './action-detail';
import { actionEvidenceHandlers } from './action-evidence';
import { actionLinkHandlers } from './action-links';
import { checkDates, checkPerson, checkReference, checkTheme, fieldError, listOf, moveDueDate, Problems } from './action-rules';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type ActionRecord = typeof actions.$inferSelect;
type EditableFields = Partial<
  Pick<
    ActionRecord,
    'reference' | 'title' | 'description' | 'themeId' | 'ownerId' | 'leadId' | 'startDate' | 'completedDate' | 'status' | 'rag' | 'measuresOfSuccess'
  >
>;

const personColumns = { id: people.id, name: people.name, jobTitle: people.jobTitle, email: people.email };

function readPerson(core: Core, personId: string): Person {
  const person = core.db.select(personColumns).from(people).where(eq(people.id, personId)).get();
  if (!person) throw new Error('The person was saved but could not be read back.');
  return person;
}

/** The fields of a patch that differ from the record, so an unchanged save writes nothing. */
function changedFields(current: ActionRecord, patch: EditableFields): EditableFields {
  return Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => value !== undefined && value !== current[key as keyof ActionRecord]),
  ) as EditableFields;
}

type MainMethods = Exclude<
  keyof typeof actionEditingMethods,
  keyof typeof actionEvidenceHandlers | keyof typeof actionLinkHandlers
>;

const mainHandlers: HandlerGroup<MainMethods> = {
  'people.list': (input, core) => {
    const plan = getLiveRecord(core, plans, input.planId);
    return core.db
      .select(personColumns)
      .from(people)
      .where(and(eq(people.authorityId, plan.authorityId), isNull(people.deletedAt)))
      .orderBy(asc(people.name))
      .all();
  },

  'people.create': (input, core) => {
    const plan = getLiveRecord(core, plans, input.planId);
    const id = core.write(input.planId, (unit) =>
      createRecord(
        unit,
        people,
        { authorityId: plan.authorityId, name: input.name, jobTitle: input.jobTitle ?? null, email: input.email ?? null },
        input.planId,
      ).id,
    );
    return readPerson(core, id);
  },

  'actions.get': (input, core) => readActionDetail(core, input.actionId),

  'actions.choices': (input, core) => readActionChoices(core, input.actionId),

  'actions.create': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) => {
      const plan = getLiveRecord(unit, plans, planId);
      const problems = new Problems();
      checkReference(unit, planId, input.reference, null, problems);
      checkTheme(unit, planId, input.themeId, problems);
      checkPerson(unit, plan.authorityId, input.ownerId, 'ownerId', 'an owner', problems);
      checkPerson(unit, plan.authorityId, input.leadId, 'leadId', 'a lead', problems);
      problems.throwIfAny();
      const dueDate = input.dueDate ?? null;
      return createRecord(
        unit,
        actions,
        {
          planId,
          reference: input.reference,
          title: input.title,
          description: input.description ?? null,
          themeId: input.themeId ?? null,
          ownerId: input.ownerId ?? null,
          leadId: input.leadId ?? null,
          startDate: input.startDate ?? null,
          baselineDueDate: dueDate,
          currentDueDate: dueDate,
          completedDate: input.completedDate ?? null,
          status: input.status ?? 'not-started',
          rag: input.rag ?? null,
          measuresOfSuccess: input.measuresOfSuccess ?? null,
        },
        planId,
      ).id;
    });
    return readActionDetail(core, id);
  },

  'actions.update': (input, core) => {
    const { actionId, ...patch } = input;
    const { planId } = getLiveRecord(core, actions, actionId);
    core.write(planId, (unit) => {
      const current = getLiveRecord(unit, actions, actionId);
      const changes = changedFields(current, patch);
      if (Object.keys(changes).length === 0) return;
      const plan = getLiveRecord(unit, plans, planId);
      const problems = new Problems();
      if (changes.reference !== undefined) checkReference(unit, planId, changes.reference, actionId, problems);
      checkTheme(unit, planId, changes.themeId, problems);
      checkPerson(unit, plan.authorityId, changes.ownerId, 'ownerId', 'an owner', problems);
      checkPerson(unit, plan.authorityId, changes.leadId, 'leadId', 'a lead', problems);
      // Only the dates being changed are judged, so an old inconsistency does not block fixing a title.
      if (changes.startDate !== undefined || changes.completedDate !== undefined) {
        checkDates(
          {
            startDate: changes.startDate === undefined ? current.startDate : changes.startDate,
            dueDate: current.currentDueDate,
            completedDate: changes.completedDate === undefined ? current.completedDate : changes.completedDate,
          },
          problems,
          'start',
        );
      }
      problems.throwIfAny();
      updateRecord(unit, actions, actionId, changes, planId);
    });
    return readActionDetail(core, actionId);
  },

  'actions.changeDueDate': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    core.write(planId, (unit) => {
      const action = getLiveRecord(unit, actions, input.actionId);
      if (action.currentDueDate === input.dueDate) {
        throw fieldError('dueDate', `The due date is already ${formatLongDate(input.dueDate)}; choose the new date`);
      }
      const problems = new Problems();
      checkDates({ startDate: action.startDate, dueDate: input.dueDate, completedDate: null }, problems, 'due');
      problems.throwIfAny();
      updateRecord(unit, actions, action.id, moveDueDate(unit, action, input.dueDate, input.reason), planId);
    });
    return readActionDetail(core, input.actionId);
  },

  'actions.bulkUpdate': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const ids = [...new Set(input.actionIds)];
    const updated = core.write(planId, (unit) => {
      const plan = getLiveRecord(unit, plans, planId);
      const live = new Map(
        unit.db
          .select()
          .from(actions)
          .where(and(eq(actions.planId, planId), isNull(actions.deletedAt)))
          .all()
          .map((action) => [action.id, action]),
      );
      const missing = ids.filter((id) => !live.has(id));
      if (missing.length > 0) {
        throw fieldError(
          'actionIds',
          `${missing.length} of the ${ids.length} actions chosen ${missing.length === 1 ? 'is' : 'are'} no longer in this plan ` +
            '(deleted since they were chosen, or of another plan); refresh the list and choose again',
          { missingActionIds: missing.slice(0, 20) },
        );
      }
      const chosen = ids.map((id) => live.get(id) as ActionRecord);
      const problems = new Problems();
      checkPerson(unit, plan.authorityId, input.ownerId, 'ownerId', 'an owner', problems);
      if (input.dueDate !== undefined) {
        const dueDate = input.dueDate;
        const tooEarly = chosen.filter((action) => action.startDate !== null && action.startDate > dueDate);
        if (tooEarly.length > 0) {
          const named = tooEarly.slice(0, 5).map((action) => `${action.reference} (${formatLongDate(action.startDate as string)})`);
          const others = tooEarly.length > 5 ? ` and ${tooEarly.length - 5} more` : '';
          problems.add('dueDate', `The due date ${formatLongDate(dueDate)} is before the start of ${listOf(named)}${others}`);
        }
      }
      problems.throwIfAny();

      let count = 0;
      for (const action of chosen) {
        const changes = changedFields(action, { ownerId: input.ownerId, rag: input.rag, status: input.status });
        const dueChange =
          input.dueDate !== undefined && input.dueDate !== action.currentDueDate
            ? moveDueDate(unit, action, input.dueDate, input.reason ?? '')
            : {};
        if (Object.keys(changes).length === 0 && Object.keys(dueChange).length === 0) continue;
        updateRecord(unit, actions, action.id, { ...changes, ...dueChange }, planId);
        count += 1;
      }
      return count;
    });
    return { updated };
  },

  'actions.delete': (input, core) => {
    const { planId } = getLiveRecord(core, actions, input.actionId);
    core.write(planId, (unit) => deleteRecord(unit, actions, input.actionId, planId));
    return { deleted: true as const };
  },

  'progressUpdates.create': (input, core) => {
    const { actionId, ...fields } = input;
    const { planId } = getLiveRecord(core, actions, actionId);
    const row = core.write(planId, (unit) => createRecord(unit, progressUpdates, { actionId, ...fields, rag: fields.rag ?? null }, planId));
    return toProgressUpdate(row);
  },

  'progressUpdates.update': (input, core) => {
    const { progressUpdateId, ...patch } = input;
    const update = getLiveRecord(core, progressUpdates, progressUpdateId);
    const { planId } = getLiveRecord(core, actions, update.actionId);
    return toProgressUpdate(core.write(planId, (unit) => updateRecord(unit, progressUpdates, progressUpdateId, patch, planId)));
  },

  'progressUpdates.delete': (input, core) => {
    const update = getLiveRecord(core, progressUpdates, input.progressUpdateId);
    const { planId } = getLiveRecord(core, actions, update.actionId);
    core.write(planId, (unit) => deleteRecord(unit, progressUpdates, input.progressUpdateId, planId));
    return { deleted: true as const };
  },

  'milestones.create': (input, core) => {
    const { actionId, ...fields } = input;
    const { planId } = getLiveRecord(core, actions, actionId);
    const row = core.write(planId, (unit) =>
      createRecord(unit, milestones, { actionId, title: fields.title, dueDate: fields.dueDate ?? null, completedDate: fields.completedDate ?? null }, planId),
    );
    return toMilestone(row);
  },

  'milestones.update': (input, core) => {
    const { milestoneId, ...patch } = input;
    const milestone = getLiveRecord(core, milestones, milestoneId);
    const { planId } = getLiveRecord(core, actions, milestone.actionId);
    return toMilestone(core.write(planId, (unit) => updateRecord(unit, milestones, milestoneId, patch, planId)));
  },

  'milestones.delete': (input, core) => {
    const milestone = getLiveRecord(core, milestones, input.milestoneId);
    const { planId } = getLiveRecord(core, actions, milestone.actionId);
    core.write(planId, (unit) => deleteRecord(unit, milestones, input.milestoneId, planId));
    return { deleted: true as const };
  },
};

export const actionEditingHandlers: HandlerGroup<keyof typeof actionEditingMethods> = {
  ...mainHandlers,
  ...actionEvidenceHandlers,
  ...actionLinkHandlers,
};
