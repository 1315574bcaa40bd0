import { afterEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../db/records';
import { authorities } from '../../db/schema';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
afterEach(() => app?.close());

function addAuthority(target: TestApp, name = 'Northmoor Borough Council'): string {
  return target.core.write(null, (unit) => createRecord(unit, authorities, { name, newLaCode: 'E09000999' }, null).id);
}

describe('plans', () => {
  it('creates a blank plan and lists it with its council and no actions', async () => {
    app = openTestApp();
    const authorityId = addAuthority(app);
    const created = await app.call('plans.create', { title: 'Improvement plan 2025 to 2027', authorityId, startDate: '2025-04-01' });
    expect(created).toMatchObject({ title: 'Improvement plan 2025 to 2027', authorityName: 'Northmoor Borough Council', actionCount: 0, version: 1, classification: 'official' });
    const list = await app.call('plans.list', {});
    expect(list.map((plan) => plan.id)).toEqual([created.id]);
    const overview = await app.call('plans.overview', { planId: created.id });
    expect(overview.plan.title).toBe('Improvement plan 2025 to 2027');
    expect(overview.actions).toEqual([]);
  });

  it('writes the creation to the audit log in a chain that verifies', async () => {
    app = openTestApp();
    const authorityId = addAuthority(app);
    await app.call('plans.create', { title: 'Plan A', authorityId });
    const check = await app.call('db.check', {});
    expect(check.ok).toBe(true);
    expect(check.auditChain.entries).toBe(2);
  });

  it('refuses a plan for a council that does not exist, naming the field', async () => {
    app = openTestApp();
    addAuthority(app);
    const answer = await app.send('plans.create', { title: 'Plan', authorityId: '01936b2e-8f1c-7000-8000-000000000000' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-input');
    expect(answer.error.details.fields).toEqual([{ path: 'authorityId', message: 'This council does not exist' }]);
    expect(await app.call('plans.list', {})).toEqual([]);
  });

  it('keeps the plan’s own meanings of each RAG rating, refusing an empty one', async () => {
    app = openTestApp();
    const authorityId = addAuthority(app);
    const plan = await app.call('plans.create', { title: 'Plan', authorityId });
    const meanings = {
      red: 'Off track: needs the board’s help',
      amber: 'At risk: recoverable by the lead',
      green: 'On track',
      blue: 'Complete and evidenced',
    };
    await app.call('plans.update', { planId: plan.id, ragMeanings: meanings });
    expect((await app.call('plans.overview', { planId: plan.id })).plan.ragMeanings).toEqual(meanings);
    const refused = await app.send('plans.update', { planId: plan.id, ragMeanings: { ...meanings, amber: '  ' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'ragMeanings.amber' }] } } });
    expect((await app.call('plans.overview', { planId: plan.id })).plan.ragMeanings).toEqual(meanings);
  });
});
