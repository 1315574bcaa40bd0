// A plan's versions and sub-plans. Refreshing after a monitoring visit makes a new version and
// keeps the old one readable and unchangeable; sub-plans are plans of their own tied to the main
// plan and to the main-plan actions they serve.
import * as z from 'zod';
import { getLiveRecord } from '../../../db/records';
import { plans } from '../../../db/schema';
import type { PlanVersion, PlanVersions, versionMethods } from '../../../shared/contract-versions';
import { AppError } from '../../../shared/errors';
import { OPEN_ACTION_STATUSES } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { readSetting } from '../settings';
import type { HandlerGroup } from './types';
import { compareVersions } from './versions-compare';
import { refreshKey, refreshPlan } from './versions-refresh';
import { createSubPlan, listSubPlans, readSubPlan, setSubPlanLinks } from './versions-subplans';

const OPEN_STATUSES_SQL = OPEN_ACTION_STATUSES.map((status) => `'${status}'`).join(', ');

const VERSIONS_SQL = `
  select p.id, p.version, p.title, p.kind, p.status, p.created_at as createdAt, p.previous_version_id as previousVersionId,
         coalesce((select a.actor from audit_log a
                   where a.entity_type = 'plans' and a.entity_id = p.id and a.operation = 'create'
                   order by a.sequence limit 1), p.updated_by) as createdBy,
         count(x.id) as actionCount,
         coalesce(sum(x.status in (${OPEN_STATUSES_SQL})), 0) as openActionCount,
         coalesce(sum(x.status = 'complete'), 0) as completeActionCount
  from plans p
  left join actions x on x.plan_id = p.id and x.deleted_at is null
  where p.series_id = ? and p.deleted_at is null
  group by p.id
  order by p.version`;

const RefreshNote = z.object({ reason: z.string() });

type VersionRow = Omit<PlanVersion, 'reason' | 'supersededAt'> & { previousVersionId: string | null };

function listVersions(core: Core, planId: string): PlanVersions {
  const plan = getLiveRecord(core, plans, planId);
  const rows = core.db.$client.prepare(VERSIONS_SQL).all(plan.seriesId) as VersionRow[];
  const replacedAt = new Map(rows.filter((row) => row.previousVersionId).map((row) => [row.previousVersionId, row.createdAt]));
  const versions = rows.map(({ previousVersionId, ...row }) => ({
    ...row,
    reason: previousVersionId ? (readSetting(core, refreshKey(row.id), RefreshNote)?.reason ?? null) : null,
    supersededAt: replacedAt.get(row.id) ?? null,
  }));
  const current = versions.at(-1);
  if (!current) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  return { currentPlanId: current.id, versions };
}

function versionOf(core: Core, planId: string): PlanVersion {
  const found = listVersions(core, planId).versions.find((version) => version.id === planId);
  if (!found) throw new Error('The version was saved but could not be read back.');
  return found;
}

export const versionHandlers: HandlerGroup<keyof typeof versionMethods> = {
  'plans.refresh': (input, core) => {
    const outcome = core.write(input.planId, (unit) => refreshPlan(unit, input));
    return {
      plan: versionOf(core, outcome.planId),
      previous: versionOf(core, input.planId),
      carriedActionCount: outcome.carriedActionCount,
      notCarriedActionCount: outcome.notCarriedActionCount,
    };
  },

  'plans.versions': (input, core) => listVersions(core, input.planId),

  'plans.compare': (input, core) => compareVersions(core, input.fromPlanId, input.toPlanId),

  'plans.createSubPlan': (input, core) => {
    const id = core.write(input.parentPlanId, (unit) => createSubPlan(unit, input));
    return readSubPlan(core, id);
  },

  'plans.subPlans': (input, core) => listSubPlans(core, input.planId),

  'plans.setSubPlanLinks': (input, core) => {
    core.write(input.subPlanId, (unit) => setSubPlanLinks(unit, input.subPlanId, input.actionIds));
    return readSubPlan(core, input.subPlanId);
  },
};
