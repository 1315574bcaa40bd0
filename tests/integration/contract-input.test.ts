// Every contract method refuses malformed input with an error naming the field, and the
// database file is byte-for-byte the same afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../db/records';
import { authorities } from '../../db/schema';
import { contract, type MethodName } from '../../shared/contract';
import { MALFORMED_ACTION_EDITING } from '../support/malformed-actions';
import { MALFORMED_BACKUPS } from '../support/malformed-backups';
import { MALFORMED_BUNDLES } from '../support/malformed-bundles';
import { MALFORMED_DFE_IMPORT } from '../support/malformed-dfe-import';
import { MALFORMED_FIGURES_IMPORT } from '../support/malformed-figures-import';
import { MALFORMED_HISTORY } from '../support/malformed-history';
import { MALFORMED_KPIS } from '../support/malformed-kpis';
import { MALFORMED_MONEY } from '../support/malformed-money';
import { MALFORMED_PACKS } from '../support/malformed-packs';
import { MALFORMED_PLAN_SETUP } from '../support/malformed-setup';
import { MALFORMED_SPREADSHEETS } from '../support/malformed-spreadsheets';
import { MALFORMED_VERSIONS } from '../support/malformed-versions';
import { databaseBytes, expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
let authorityId: string;
let planId: string;

beforeEach(async () => {
  app = openTestApp();
  authorityId = app.core.write(null, (unit) => createRecord(unit, authorities, { name: 'Northmoor Borough Council' }, null).id);
  planId = (await app.call('plans.create', { title: 'Improvement plan', authorityId })).id;
});
afterEach(() => app.close());

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

/** For each method, malformed inputs and the field path the error must name ('' for the whole input). */
const MALFORMED: Record<MethodName, [unknown, string][]> = {
  'app.info': [[{ unexpected: true }, '']],
  'events.next': [[{ after: -1 }, 'after'], [{ after: 'soon' }, 'after'], [{ after: 0, waitMs: 999_999 }, 'waitMs']],
  'db.check': [[{ repair: true }, '']],
  'authorities.list': [[{ name: 'x' }, '']],
  'plans.list': [[{ all: 1 }, '']],
  'plans.overview': [[{ planId: 'not-an-id' }, 'planId'], [{}, 'planId']],
  'plans.create': [
    [{ title: '', authorityId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab' }, 'title'],
    [{ title: 'x'.repeat(301), authorityId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab' }, 'title'],
    [{ title: 'Plan', authorityId: 'Northmoor' }, 'authorityId'],
    [{ title: 'Plan', authorityId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', startDate: '2025-02-30' }, 'startDate'],
    [{ title: 'Plan', authorityId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', startDate: '2026-01-01', endDate: '2025-01-01' }, 'endDate'],
    [{ title: 'Plan', authorityId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', classification: 'secret' }, 'classification'],
  ],
  'plans.update': [
    [{ planId: 'PLAN', title: 'x' }, 'planId'],
    [{ planId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', title: '   ' }, 'title'],
    [{ planId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', endDate: '31/03/2026' }, 'endDate'],
    [{ planId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', revision: 3 }, ''],
  ],
  'actions.list': [[{ planId: 42 }, 'planId']],
  'inspections.get': [[{ planId: 'x' }, 'planId']],
  'inspections.save': [
    [{ planId: ID, framework: 'ilacs', startDate: '2025-03-17', reportReceivedDate: '2025-03-10' }, 'reportReceivedDate'],
    [{ planId: ID, framework: 'ilacs', startDate: '2025-03-17', endDate: '2025-03-01' }, 'endDate'],
    [{ planId: ID, framework: 'ilacs', startDate: '2025-03-17', reportReceivedDate: '2025-04-30', reportPublishedDate: '2025-04-01' }, 'reportPublishedDate'],
    [{ planId: ID, framework: 'ofsted', startDate: '2025-03-17' }, 'framework'],
    [{ planId: ID, framework: 'ilacs', startDate: '2025-02-29' }, 'startDate'],
    [{ planId: ID, framework: 'ilacs', startDate: '2025-03-17', judgements: { adoption: 'good' } }, 'judgements.adoption'],
    [{ planId: ID, framework: 'ilacs', startDate: '2025-03-17', judgements: { 'care-leavers': 'poor' } }, 'judgements.care-leavers'],
  ],
  'deadlines.list': [[{ planId: 'x' }, 'planId']],
  'deadlines.override': [
    [{ planId: ID, key: 'action-plan', date: '2026-02-30', reason: 'Agreed with the inspector' }, 'date'],
    [{ planId: ID, key: 'action-plan', date: '2026-02-27', reason: '' }, 'reason'],
    [{ planId: ID, key: '', date: '2026-02-27', reason: 'Agreed' }, 'key'],
    [{ planId: ID, key: 'action-plan', date: '2026-02-27' }, 'reason'],
  ],
  'deadlines.clearOverride': [[{ planId: ID, key: 'action-plan', reason: 'x' }, 'reason']],
  'timeline.get': [[{ planId: ID, from: '2026-01-01' }, '']],
  'committees.list': [[{}, 'planId']],
  'committees.create': [
    [{ planId: ID, name: '', kind: 'cabinet', cadence: 'quarterly', firstMeetingDate: '2026-01-06' }, 'name'],
    [{ planId: ID, name: 'Cabinet', kind: 'parliament', cadence: 'quarterly', firstMeetingDate: '2026-01-06' }, 'kind'],
    [{ planId: ID, name: 'Cabinet', kind: 'cabinet', cadence: 'fortnightly', firstMeetingDate: '2026-01-06' }, 'cadence'],
    [{ planId: ID, name: 'Cabinet', kind: 'cabinet', cadence: 'quarterly', firstMeetingDate: '6 January 2026' }, 'firstMeetingDate'],
    [{ planId: ID, name: 'Cabinet', kind: 'cabinet', cadence: 'quarterly', firstMeetingDate: '2026-01-06', scheduleUntil: '2025-01-01' }, 'scheduleUntil'],
  ],
  'meetings.create': [[{ committeeId: ID, meetingDate: '2026-13-01' }, 'meetingDate']],
  'meetings.update': [[{ meetingId: ID, meetingDate: 'tomorrow' }, 'meetingDate'], [{ meetingDate: '2026-01-01' }, 'meetingId']],
  'meetings.delete': [[{ meetingId: null }, 'meetingId']],
  'attention.get': [[{ planId: ID, everything: true }, '']],
  'attention.updateRules': [
    [{ planId: ID, staleAfterDays: 0, lookAheadDays: 30, escalateAfterRedQuarters: 2 }, 'staleAfterDays'],
    [{ planId: ID, staleAfterDays: 30, lookAheadDays: 30.5, escalateAfterRedQuarters: 2 }, 'lookAheadDays'],
    [{ planId: ID, staleAfterDays: 30, lookAheadDays: 30, escalateAfterRedQuarters: 99 }, 'escalateAfterRedQuarters'],
  ],
  'bankHolidays.get': [[{ year: 2028 }, '']],
  'bankHolidays.load': [
    [{ fileName: '', content: '{}' }, 'fileName'],
    [{ fileName: 'big.json', content: 'x'.repeat(5_000_001) }, 'content'],
  ],
  'actions.query': [
    [{ planId: ID, filters: { dueWithinDays: -3 } }, 'filters.dueWithinDays'],
    [{ planId: ID, filters: { rags: ['purple'] } }, 'filters.rags.0'],
    [{ planId: ID, filters: { statuses: ['done'] } }, 'filters.statuses.0'],
    [{ planId: ID, sort: { by: 'colour', direction: 'ascending' } }, 'sort.by'],
    [{ planId: ID, search: 'x'.repeat(201) }, 'search'],
    [{ planId: ID, filters: { ownerIds: ['Rachel'] } }, 'filters.ownerIds.0'],
  ],
  'search.plan': [[{ planId: ID, query: '   ' }, 'query'], [{ planId: ID }, 'query']],
  'views.list': [[{ planId: 7 }, 'planId']],
  'views.save': [
    [{ planId: ID, name: '', query: {} }, 'name'],
    [{ planId: ID, name: 'Red actions', query: { filters: { rags: ['scarlet'] } } }, 'query.filters.rags.0'],
  ],
  'views.delete': [[{ viewId: 'all' }, 'viewId']],
  ...MALFORMED_ACTION_EDITING,
  ...MALFORMED_PLAN_SETUP,
  ...MALFORMED_VERSIONS,
  ...MALFORMED_HISTORY,
  ...MALFORMED_KPIS,
  ...MALFORMED_DFE_IMPORT,
  ...MALFORMED_FIGURES_IMPORT,
  ...MALFORMED_MONEY,
  ...MALFORMED_PACKS,
  ...MALFORMED_SPREADSHEETS,
  ...MALFORMED_BUNDLES,
  ...MALFORMED_BACKUPS,
};

describe('malformed input', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const [method, cases] of Object.entries(MALFORMED)) {
    it(`${method} refuses each malformed input, naming the field, and changes nothing`, async () => {
      const before = databaseBytes(app);
      for (const [input, field] of [...cases, ['not an object', ''] as [unknown, string], [[1, 2], ''] as [unknown, string]]) {
        const answer = await app.send(method, input);
        expect(answer.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (answer.ok) continue;
        expect(answer.error.code).toBe('invalid-input');
        expect(answer.error.message).toMatch(/^Nothing was saved/);
        const paths = (answer.error.details.fields ?? []).map((problem) => problem.path);
        expect(paths).toContain(field);
      }
      expect(databaseBytes(app)).toBe(before);
    });
  }

  it('a plan update that would put the end before the start is refused and changes nothing', async () => {
    await app.call('plans.update', { planId, startDate: '2026-04-01' });
    await expectRefusedAt(app, 'plans.update', { planId, endDate: '2026-03-31' }, 'endDate');
  });

  it('an unknown method is refused with its own code, whatever it is named with', async () => {
    expect(await app.send('plans.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await app.send('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const hostile = { toString: null } as unknown as string;
    expect(await app.send(hostile, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('an edit of a plan that does not exist is refused as not found', async () => {
    const answer = await app.send('plans.update', { planId: '0190a5f4-7b3c-7d2e-8f00-0123456789ab', title: 'Renamed' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
