import type { versionMethods } from '../../shared/contract-versions';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const OTHER = '0190a5f4-7b3c-7d2e-8f00-0123456789ac';
const sprint = { parentPlanId: ID, kind: 'sprint', title: 'Front door sprint', startDate: '2026-01-05', endDate: '2026-03-29' };

/** Malformed inputs for the version and sub-plan methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_VERSIONS: Record<keyof typeof versionMethods, [unknown, string][]> = {
  'plans.refresh': [
    [{ planId: 'version 1', reason: 'After the second monitoring visit' }, 'planId'],
    [{ planId: ID }, 'reason'],
    [{ planId: ID, reason: '  ' }, 'reason'],
    [{ planId: ID, reason: 'x'.repeat(2001) }, 'reason'],
    [{ planId: ID, reason: 'After the second monitoring visit', title: '' }, 'title'],
    [{ planId: ID, reason: 'After the second monitoring visit', carryCompleted: true }, ''],
  ],
  'plans.versions': [[{}, 'planId'], [{ planId: 'v2' }, 'planId']],
  'plans.compare': [
    [{ fromPlanId: ID }, 'toPlanId'],
    [{ fromPlanId: 'version 1', toPlanId: ID }, 'fromPlanId'],
    [{ fromPlanId: ID, toPlanId: ID }, 'toPlanId'],
  ],
  'plans.createSubPlan': [
    [{ ...sprint, kind: 'project' }, 'kind'],
    [{ ...sprint, kind: 'main' }, 'kind'],
    [{ ...sprint, title: ' ' }, 'title'],
    [{ ...sprint, startDate: '2026-02-30' }, 'startDate'],
    [{ ...sprint, endDate: undefined }, 'endDate'],
    [{ ...sprint, endDate: '2026-01-05' }, 'endDate'],
    [{ ...sprint, kind: 'service', endDate: '2025-12-31' }, 'endDate'],
    [{ ...sprint, linkedActionIds: ['1.1'] }, 'linkedActionIds.0'],
    [{ ...sprint, linkedActionIds: OTHER }, 'linkedActionIds'],
    [{ ...sprint, parentPlanId: undefined }, 'parentPlanId'],
  ],
  'plans.subPlans': [[{ planId: 3 }, 'planId'], [{ planId: ID, kind: 'sprint' }, '']],
  'plans.setSubPlanLinks': [
    [{ subPlanId: ID }, 'actionIds'],
    [{ subPlanId: ID, actionIds: ['2.1'] }, 'actionIds.0'],
    [{ actionIds: [] }, 'subPlanId'],
  ],
};
