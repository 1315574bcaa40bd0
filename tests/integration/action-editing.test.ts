// Editing one action and what hangs off it, through the contract on a real database, with the
// clock fixed on Thursday 4 June 2026.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

const NOW = new Date('2026-06-04T10:00:00Z');
let app: TestApp;

beforeEach(() => {
  app = openTestApp({ clock: () => NOW });
});
afterEach(() => app.close());

function count(table: string): number {
  return app.core.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
}

function situation() {
  const plan = new PlanBuilder(app);
  const owner = plan.person('Rachel Okafor');
  const lead = plan.person('Tom Hughes');
  const theme = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'A robust model of social work practice' });
  return { plan, planId: plan.planId, owner, lead, theme };
}

describe('creating and editing an action', () => {
  it('creates an action with every field; the baseline and current due date are both the date given', async () => {
    const { planId, owner, lead, theme } = situation();
    const created = await app.call('actions.create', {
      planId,
      themeId: theme,
      reference: '2.3',
      title: 'Audit every child protection plan against the practice standards',
      description: 'Monthly audits by team managers, moderated by the quality assurance team.',
      ownerId: owner,
      leadId: lead,
      startDate: '2026-06-04',
      dueDate: '2026-12-31',
      status: 'in-progress',
      rag: 'amber',
      measuresOfSuccess: '80% of audited plans rated good or better.',
    });
    expect(created).toMatchObject({
      planId,
      reference: '2.3',
      theme: { id: theme, reference: '2' },
      owner: { id: owner, name: 'Rachel Okafor' },
      lead: { id: lead, name: 'Tom Hughes' },
      startDate: '2026-06-04',
      baselineDueDate: '2026-12-31',
      currentDueDate: '2026-12-31',
      completedDate: null,
      status: 'in-progress',
      rag: 'amber',
      dueDateMoves: 0,
      dueDateHistory: [],
      milestones: [],
      progressUpdates: [],
      evidence: [],
    });
    expect(created.ragMeanings.amber).toMatch(/^At risk/);
    expect(await app.call('actions.get', { actionId: created.id })).toEqual(created);
    expect((await app.call('actions.list', { planId })).map((row) => row.reference)).toEqual(['2.3']);
  });

  it('refuses a due date before the start, naming the start date, and saves nothing', async () => {
    const { planId } = situation();
    await expectRefusedAt(
      app,
      'actions.create',
      { planId, reference: '2.3', title: 'Audit', startDate: '2026-06-04', dueDate: '2026-06-01' },
      'dueDate',
      'The due date cannot be before the start date (4 June 2026)',
    );
  });

  it('refuses an empty title or reference', async () => {
    const { planId } = situation();
    await expectRefusedAt(app, 'actions.create', { planId, reference: '2.3', title: '  ' }, 'title', 'Enter the title');
    await expectRefusedAt(app, 'actions.create', { planId, reference: '', title: 'Audit' }, 'reference', 'Enter the reference');
  });

  it('refuses an owner or lead who is not one of the council’s people, and a theme of another plan, naming each field', async () => {
    const { planId } = situation();
    const elsewhere = new PlanBuilder(app, { title: 'Another council’s plan' });
    const stranger = elsewhere.person('Someone Elsewhere');
    const foreignTheme = elsewhere.add(schema.themes, { planId: elsewhere.planId, reference: '1', title: 'Leadership' });
    await expectRefusedAt(app, 'actions.create', { planId, reference: '2.3', title: 'Audit', ownerId: stranger }, 'ownerId', 'Choose an owner from the people of this council');
    await expectRefusedAt(app, 'actions.create', { planId, reference: '2.3', title: 'Audit', leadId: stranger }, 'leadId', 'Choose a lead from the people of this council');
    await expectRefusedAt(app, 'actions.create', { planId, reference: '2.3', title: 'Audit', themeId: foreignTheme }, 'themeId', 'Choose one of this plan’s themes');

    const answer = await app.send('actions.create', { planId, reference: '2.3', title: 'Audit', ownerId: stranger, leadId: stranger });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.details.fields?.map((field) => field.path)).toEqual(['ownerId', 'leadId']);
  });

  it('refuses a reference another live action of the plan has, and frees it when that action is deleted', async () => {
    const { plan, planId } = situation();
    const existing = plan.action({ reference: '2.3' });
    await expectRefusedAt(app, 'actions.create', { planId, reference: '2.3', title: 'Audit' }, 'reference', 'Another action already has the reference 2.3');

    // Another plan may use the same reference.
    const other = new PlanBuilder(app, { title: 'Sprint plan' });
    expect((await app.call('actions.create', { planId: other.planId, reference: '2.3', title: 'Audit' })).reference).toBe('2.3');

    await app.call('actions.delete', { actionId: existing });
    const again = await app.call('actions.create', { planId, reference: '2.3', title: 'Audit again' });
    expect(again.reference).toBe('2.3');
  });

  it('edits any field with the same rules, and refuses a start after the current due date', async () => {
    const { plan, owner, lead } = situation();
    plan.action({ reference: '2.4' });
    const actionId = plan.action({ reference: '2.3', startDate: '2026-06-01', baselineDueDate: '2026-09-30', currentDueDate: '2026-09-30' });

    const updated = await app.call('actions.update', {
      actionId,
      title: 'Audit child protection plans',
      ownerId: owner,
      leadId: lead,
      status: 'in-progress',
      rag: 'green',
      measuresOfSuccess: 'Audits show improvement',
    });
    expect(updated).toMatchObject({ title: 'Audit child protection plans', owner: { name: 'Rachel Okafor' }, lead: { name: 'Tom Hughes' }, rag: 'green' });

    await expectRefusedAt(app, 'actions.update', { actionId, startDate: '2026-10-01' }, 'startDate', 'The start date cannot be after the due date (30 September 2026)');
    await expectRefusedAt(app, 'actions.update', { actionId, reference: '2.4' }, 'reference', 'Another action already has the reference 2.4');
    await expectRefusedAt(app, 'actions.update', { actionId, completedDate: '2026-05-01' }, 'completedDate', 'The action cannot be completed before it started (1 June 2026)');

    // Clearing a field is a change; saving what is already there writes nothing.
    expect((await app.call('actions.update', { actionId, leadId: null })).lead).toBeNull();
    const before = databaseBytes(app);
    await app.call('actions.update', { actionId, title: 'Audit child protection plans' });
    expect(databaseBytes(app)).toBe(before);
  });

  it('deletes an action as a tombstone: it leaves the lists and can no longer be read', async () => {
    const { plan, planId } = situation();
    const actionId = plan.action({ reference: '2.3' });
    expect(await app.call('actions.delete', { actionId })).toEqual({ deleted: true });
    expect(await app.call('actions.list', { planId })).toEqual([]);
    expect(await app.send('actions.get', { actionId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const removed = app.core.db.$client.prepare('select deleted_at from actions where id = ?').pluck().get(actionId);
    expect(removed).toBe(NOW.toISOString());
  });
});

describe('moving the due date', () => {
  it('keeps every move with its reason, who and when; the baseline never changes and the moves are counted', async () => {
    const { planId } = situation();
    const { id: actionId } = await app.call('actions.create', { planId, reference: '2.3', title: 'Audit', startDate: '2026-06-01', dueDate: '2026-09-30' });
    await app.call('actions.changeDueDate', { actionId, dueDate: '2026-11-30', reason: 'Audit tool delayed by the case management system upgrade' });
    const moved = await app.call('actions.changeDueDate', { actionId, dueDate: '2026-10-31', reason: 'Two extra auditors agreed by the board' });

    expect(moved).toMatchObject({ baselineDueDate: '2026-09-30', currentDueDate: '2026-10-31', dueDateMoves: 2 });
    expect(moved.dueDateHistory.map((change) => [change.fromDate, change.toDate, change.reason, change.by, change.at])).toEqual([
      ['2026-11-30', '2026-10-31', 'Two extra auditors agreed by the board', 'test user', NOW.toISOString()],
      ['2026-09-30', '2026-11-30', 'Audit tool delayed by the case management system upgrade', 'test user', NOW.toISOString()],
    ]);
    const [row] = await app.call('actions.list', { planId });
    expect(row).toMatchObject({ dueDateMoves: 2, baselineDueDate: '2026-09-30', currentDueDate: '2026-10-31' });
  });

  it('refuses a date before the start, or the date it already has, and saves nothing', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3', startDate: '2026-06-04', baselineDueDate: '2026-09-30', currentDueDate: '2026-09-30' });
    const reason = 'Agreed at the board';
    await expectRefusedAt(app, 'actions.changeDueDate', { actionId, dueDate: '2026-06-03', reason }, 'dueDate', 'The due date cannot be before the start date (4 June 2026)');
    await expectRefusedAt(app, 'actions.changeDueDate', { actionId, dueDate: '2026-09-30', reason }, 'dueDate', 'The due date is already 30 September 2026; choose the new date');
    await expectRefusedAt(app, 'actions.changeDueDate', { actionId, dueDate: '2026-10-30', reason: '' }, 'reason', /^Give the reason/);
  });

  it('the first date given to an action without one becomes its baseline, not a move', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const dated = await app.call('actions.changeDueDate', { actionId, dueDate: '2026-09-30', reason: 'Date agreed with the lead' });
    expect(dated).toMatchObject({ baselineDueDate: '2026-09-30', currentDueDate: '2026-09-30', dueDateMoves: 0 });
  });

  it('does not let an edit change the due dates: they move only with a reason', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const answer = await app.send('actions.update', { actionId, currentDueDate: '2026-09-30' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('changing many actions at once', () => {
  it('changes owner, RAG, status and due date of every action chosen in one transaction, with a history row each', async () => {
    const { plan, planId, owner } = situation();
    const ids = ['1.1', '1.2', '1.3'].map((reference) =>
      plan.action({ reference, startDate: '2026-04-01', baselineDueDate: '2026-09-30', currentDueDate: '2026-09-30' }),
    );
    const result = await app.call('actions.bulkUpdate', {
      planId,
      actionIds: ids,
      ownerId: owner,
      rag: 'red',
      status: 'in-progress',
      dueDate: '2026-12-31',
      reason: 'Recruitment of the quality assurance team delayed',
    });
    expect(result).toEqual({ updated: 3 });
    const rows = await app.call('actions.list', { planId });
    expect(rows.map((row) => [row.reference, row.ownerName, row.rag, row.status, row.currentDueDate, row.baselineDueDate, row.dueDateMoves])).toEqual([
      ['1.1', 'Rachel Okafor', 'red', 'in-progress', '2026-12-31', '2026-09-30', 1],
      ['1.2', 'Rachel Okafor', 'red', 'in-progress', '2026-12-31', '2026-09-30', 1],
      ['1.3', 'Rachel Okafor', 'red', 'in-progress', '2026-12-31', '2026-09-30', 1],
    ]);
    // One change in the audit log, so it can be read (and undone) as one.
    const changes = app.core.db.$client.prepare("select count(distinct change_id) from audit_log where entity_type = 'actions' and operation = 'update'").pluck().get();
    expect(changes).toBe(1);
  });

  it('saves nothing when one id in the list is not a live action of the plan, and says how many', async () => {
    const { plan, planId } = situation();
    const live = plan.action({ reference: '1.1' });
    const deleted = plan.action({ reference: '1.2' });
    await app.call('actions.delete', { actionId: deleted });
    const other = new PlanBuilder(app, { title: 'Sprint plan' });
    const foreign = other.action({ reference: '1.1' });

    for (const bad of [deleted, foreign, '0190a5f4-7b3c-7d2e-8f00-0123456789ab']) {
      await expectRefusedAt(app, 'actions.bulkUpdate', { planId, actionIds: [live, bad], rag: 'red' }, 'actionIds', /^1 of the 2 actions chosen is no longer in this plan/);
    }
    expect((await app.call('actions.get', { actionId: live })).rag).toBeNull();
  });

  it('refuses a due date before the start of any action chosen, naming it, and saves nothing', async () => {
    const { plan, planId } = situation();
    const early = plan.action({ reference: '1.1', startDate: '2026-04-01', currentDueDate: '2026-09-30', baselineDueDate: '2026-09-30' });
    const late = plan.action({ reference: '1.2', startDate: '2026-08-01', currentDueDate: '2026-09-30', baselineDueDate: '2026-09-30' });
    await expectRefusedAt(
      app,
      'actions.bulkUpdate',
      { planId, actionIds: [early, late], dueDate: '2026-07-31', reason: 'Brought forward by the board' },
      'dueDate',
      'The due date 31 July 2026 is before the start of 1.2 (1 August 2026)',
    );
  });

  it('needs at least one change, and a reason for a due date', async () => {
    const { plan, planId } = situation();
    const actionId = plan.action({ reference: '1.1' });
    await expectRefusedAt(app, 'actions.bulkUpdate', { planId, actionIds: [actionId] }, '', /^Choose at least one change/);
    await expectRefusedAt(app, 'actions.bulkUpdate', { planId, actionIds: [actionId], dueDate: '2026-12-31' }, 'reason', /^Give the reason/);
  });

  it('changes five thousand actions in one call', async () => {
    const { planId } = situation();
    const ids = app.core.write(planId, (unit) =>
      Array.from({ length: 5000 }, (_, index) =>
        unit.db
          .insert(schema.actions)
          .values({ id: crypto.randomUUID(), planId, reference: `9.${index}`, title: 'Generated', createdAt: unit.now, updatedAt: unit.now, updatedBy: 'test' })
          .returning({ id: schema.actions.id })
          .get().id,
      ),
    );
    expect(await app.call('actions.bulkUpdate', { planId, actionIds: ids, rag: 'green' })).toEqual({ updated: 5000 });
  });
});

describe('progress updates and milestones', () => {
  it('records dated updates with the RAG at the time and who wrote them, newest first; edits and removes them', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const first = await app.call('progressUpdates.create', { actionId, updateDate: '2026-04-30', narrative: 'Audit tool drafted.', rag: 'amber', authorName: 'Tom Hughes' });
    await app.call('progressUpdates.create', { actionId, updateDate: '2026-05-29', narrative: 'First 40 audits done.', rag: 'green', authorName: 'Tom Hughes' });
    let detail = await app.call('actions.get', { actionId });
    expect(detail.progressUpdates.map((update) => [update.updateDate, update.rag, update.authorName])).toEqual([
      ['2026-05-29', 'green', 'Tom Hughes'],
      ['2026-04-30', 'amber', 'Tom Hughes'],
    ]);
    expect((await app.call('actions.list', { planId: plan.planId }))[0]?.lastUpdateDate).toBe('2026-05-29');

    expect(await app.call('progressUpdates.update', { progressUpdateId: first.id, narrative: 'Audit tool drafted and agreed.' })).toMatchObject({ narrative: 'Audit tool drafted and agreed.', rag: 'amber' });
    await expectRefusedAt(app, 'progressUpdates.create', { actionId, updateDate: '2026-06-04', narrative: ' ', authorName: 'Tom Hughes' }, 'narrative', 'Enter the progress made');
    await app.call('progressUpdates.delete', { progressUpdateId: first.id });
    detail = await app.call('actions.get', { actionId });
    expect(detail.progressUpdates.map((update) => update.updateDate)).toEqual(['2026-05-29']);
  });

  it('keeps milestones in date order, the undated last; edits and removes them', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    await app.call('milestones.create', { actionId, title: 'Report to the board' });
    const tool = await app.call('milestones.create', { actionId, title: 'Audit tool agreed', dueDate: '2026-07-31' });
    await app.call('milestones.create', { actionId, title: 'First audits', dueDate: '2026-06-30' });
    expect((await app.call('actions.get', { actionId })).milestones.map((milestone) => milestone.title)).toEqual(['First audits', 'Audit tool agreed', 'Report to the board']);

    expect(await app.call('milestones.update', { milestoneId: tool.id, completedDate: '2026-06-02' })).toMatchObject({ title: 'Audit tool agreed', completedDate: '2026-06-02' });
    await app.call('milestones.delete', { milestoneId: tool.id });
    expect((await app.call('actions.get', { actionId })).milestones).toHaveLength(2);
  });
});

describe('dependencies', () => {
  it('shows a dependency from both sides, with the other action’s reference and title', async () => {
    const { plan } = situation();
    const audit = plan.action({ reference: '2.3', title: 'Audit plans' });
    const tool = plan.action({ reference: '1.4', title: 'Agree the audit tool' });
    const added = await app.call('dependencies.add', { actionId: audit, dependsOnActionId: tool, note: 'Audits need the tool' });
    expect(added).toMatchObject({ actionId: tool, reference: '1.4', title: 'Agree the audit tool', note: 'Audits need the tool' });
    expect((await app.call('actions.get', { actionId: audit })).dependsOn.map((dependency) => dependency.reference)).toEqual(['1.4']);
    expect((await app.call('actions.get', { actionId: tool })).dependents.map((dependency) => [dependency.id, dependency.reference, dependency.title])).toEqual([
      [added.id, '2.3', 'Audit plans'],
    ]);

    await app.call('dependencies.remove', { dependencyId: added.id });
    expect((await app.call('actions.get', { actionId: audit })).dependsOn).toEqual([]);
    // Adding it again brings the same record back.
    expect((await app.call('dependencies.add', { actionId: audit, dependsOnActionId: tool })).id).toBe(added.id);
  });

  it('refuses itself, an action of another plan, a duplicate and a cycle, saying which actions', async () => {
    const { plan } = situation();
    const a14 = plan.action({ reference: '1.4' });
    const a19 = plan.action({ reference: '1.9' });
    const a21 = plan.action({ reference: '2.1' });
    const a22 = plan.action({ reference: '2.2' });
    const foreign = new PlanBuilder(app, { title: 'Sprint plan' }).action({ reference: '3.1' });
    await app.call('dependencies.add', { actionId: a21, dependsOnActionId: a19 });
    await app.call('dependencies.add', { actionId: a19, dependsOnActionId: a14 });
    await app.call('dependencies.add', { actionId: a22, dependsOnActionId: a21 });

    const field = 'dependsOnActionId';
    await expectRefusedAt(app, 'dependencies.add', { actionId: a14, dependsOnActionId: a14 }, field, '1.4 cannot depend on itself');
    await expectRefusedAt(app, 'dependencies.add', { actionId: a14, dependsOnActionId: foreign }, field, 'Choose an action of this plan: 3.1 belongs to another plan');
    await expectRefusedAt(app, 'dependencies.add', { actionId: a21, dependsOnActionId: a19 }, field, '2.1 already depends on 1.9');
    await expectRefusedAt(app, 'dependencies.add', { actionId: a19, dependsOnActionId: a21 }, field, '2.1 already depends on 1.9, so 1.9 cannot depend on 2.1');
    await expectRefusedAt(app, 'dependencies.add', { actionId: a14, dependsOnActionId: a21 }, field, '2.1 already depends on 1.4 through 1.9, so 1.4 cannot depend on 2.1');
    await expectRefusedAt(app, 'dependencies.add', { actionId: a14, dependsOnActionId: a22 }, field, '2.2 already depends on 1.4 through 2.1 and 1.9, so 1.4 cannot depend on 2.2');

    // A deleted action in the chain no longer ties the others.
    await app.call('actions.delete', { actionId: a19 });
    expect((await app.call('dependencies.add', { actionId: a14, dependsOnActionId: a21 })).reference).toBe('2.1');
  });
});

describe('evidence', () => {
  it('adds links (web addresses only) and notes, and removes them', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const link = await app.call('evidence.addLink', { actionId, title: 'Audit report', url: 'https://northmoor.example/audit-2026-05.pdf' });
    await app.call('evidence.addNote', { actionId, title: 'Board minute', note: 'The board noted the audit findings on 2 June.' });
    await expectRefusedAt(app, 'evidence.addLink', { actionId, title: 'Local copy', url: 'file:///C:/audit.pdf' }, 'url', 'Enter a web address starting with http:// or https://');
    expect((await app.call('actions.get', { actionId })).evidence.map((item) => [item.kind, item.title, item.file])).toEqual([
      ['link', 'Audit report', null],
      ['note', 'Board minute', null],
    ]);
    await app.call('evidence.remove', { evidenceId: link.id });
    expect((await app.call('actions.get', { actionId })).evidence.map((item) => item.kind)).toEqual(['note']);
  });

  it('stores a file once by its SHA-256, however many times it is attached, and gives it back byte for byte', async () => {
    const { plan } = situation();
    const audit = plan.action({ reference: '2.3' });
    const board = plan.action({ reference: '1.1' });
    const bytes = crypto.randomBytes(70_000);
    const contentBase64 = bytes.toString('base64');
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');

    const first = await app.call('evidence.addFile', { actionId: audit, fileName: 'audit-findings.pdf', mediaType: 'application/pdf', contentBase64 });
    const second = await app.call('evidence.addFile', { actionId: board, title: 'Audit findings for the board', fileName: 'findings.pdf', mediaType: 'application/pdf', contentBase64 });
    expect(first).toMatchObject({ kind: 'file', title: 'audit-findings.pdf', file: { fileName: 'audit-findings.pdf', hash, size: 70_000, mediaType: 'application/pdf' } });
    expect(second.file?.hash).toBe(hash);
    expect(count('attachments')).toBe(1);
    expect(count('evidence')).toBe(2);

    const stored = await app.call('attachments.get', { hash });
    expect(stored).toMatchObject({ mediaType: 'application/pdf', size: 70_000 });
    expect(Buffer.from(stored.contentBase64, 'base64').equals(bytes)).toBe(true);
    expect(await app.send('attachments.get', { hash: '0'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a file over 20 MB, naming the file, its size and the limit, and saves nothing', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const contentBase64 = Buffer.alloc(Math.round(21.5 * 1024 * 1024), 1).toString('base64');
    await expectRefusedAt(
      app,
      'evidence.addFile',
      { actionId, fileName: 'case-file-audit.pdf', mediaType: 'application/pdf', contentBase64 },
      'contentBase64',
      /^“case-file-audit.pdf” is 21.5 MB, larger than the 20 MB a file of evidence can be/,
    );
    const justOver = Buffer.alloc(20 * 1024 * 1024 + 1, 1).toString('base64');
    await expectRefusedAt(
      app,
      'evidence.addFile',
      { actionId, fileName: 'scan.pdf', mediaType: 'application/pdf', contentBase64: justOver },
      'contentBase64',
      /^“scan.pdf” is 20,971,521 bytes, larger than the 20 MB \(20,971,520 bytes\)/,
    );
    const atLimit = Buffer.alloc(20 * 1024 * 1024, 1).toString('base64');
    expect((await app.call('evidence.addFile', { actionId, fileName: 'scan.pdf', mediaType: 'application/pdf', contentBase64: atLimit })).file?.size).toBe(20 * 1024 * 1024);
  });
});

describe('linked recommendations and KPIs', () => {
  it('replaces the links with the ones chosen, bringing back a removed link rather than adding another', async () => {
    const { plan, planId } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const [r1, r2, r3] = [1, 2, 3].map((number) => plan.add(schema.recommendations, { planId, number, text: `Recommendation ${number}` }));
    const kpi = plan.add(schema.kpis, { planId, reference: 'K1', name: 'Re-referrals', unit: 'percentage', polarity: 'lower-is-better', frequency: 'monthly' });
    if (!r1 || !r2 || !r3) throw new Error('expected recommendations');

    await app.call('actions.setRecommendations', { actionId, recommendationIds: [r2, r1] });
    let detail = await app.call('actions.setRecommendations', { actionId, recommendationIds: [r3, r2] });
    expect(detail.recommendations.map((recommendation) => recommendation.number)).toEqual([2, 3]);
    detail = await app.call('actions.setRecommendations', { actionId, recommendationIds: [r1, r2, r3] });
    expect(detail.recommendations.map((recommendation) => [recommendation.number, recommendation.text])).toEqual([
      [1, 'Recommendation 1'],
      [2, 'Recommendation 2'],
      [3, 'Recommendation 3'],
    ]);
    expect(count('action_recommendations')).toBe(3);

    expect((await app.call('actions.setKpis', { actionId, kpiIds: [kpi] })).kpis).toEqual([{ id: kpi, reference: 'K1', name: 'Re-referrals' }]);
    expect((await app.call('actions.setKpis', { actionId, kpiIds: [] })).kpis).toEqual([]);

    const choices = await app.call('actions.choices', { actionId });
    expect(choices.recommendations.map((recommendation) => recommendation.number)).toEqual([1, 2, 3]);
    expect(choices.kpis.map((item) => item.reference)).toEqual(['K1']);
  });

  it('refuses recommendations and KPIs of another plan', async () => {
    const { plan } = situation();
    const actionId = plan.action({ reference: '2.3' });
    const other = new PlanBuilder(app, { title: 'Sprint plan' });
    const foreign = other.add(schema.recommendations, { planId: other.planId, number: 1, text: 'Elsewhere' });
    const foreignKpi = other.add(schema.kpis, { planId: other.planId, reference: 'K1', name: 'Elsewhere', unit: 'count', polarity: 'higher-is-better', frequency: 'monthly' });
    await expectRefusedAt(app, 'actions.setRecommendations', { actionId, recommendationIds: [foreign] }, 'recommendationIds', /^1 of the chosen recommendations is not among this plan’s/);
    await expectRefusedAt(app, 'actions.setKpis', { actionId, kpiIds: [foreignKpi] }, 'kpiIds', /^1 of the chosen KPIs is not among this plan’s/);
  });
});

describe('people', () => {
  it('lists and adds the people of the plan’s council only', async () => {
    const { planId } = situation();
    new PlanBuilder(app, { title: 'Another plan' }).person('Someone Elsewhere');
    const added = await app.call('people.create', { planId, name: 'Priya Shah', jobTitle: 'Head of quality assurance', email: 'priya.shah@northmoor.example' });
    expect(added).toMatchObject({ name: 'Priya Shah', jobTitle: 'Head of quality assurance' });
    expect((await app.call('people.list', { planId })).map((person) => person.name)).toEqual(['Priya Shah', 'Rachel Okafor', 'Tom Hughes']);
  });
});

it('leaves the audit chain whole after every kind of edit', async () => {
  const { plan, planId, owner } = situation();
  const actionId = plan.action({ reference: '2.3', baselineDueDate: '2026-09-30', currentDueDate: '2026-09-30' });
  const other = plan.action({ reference: '2.4' });
  await app.call('actions.update', { actionId, ownerId: owner, rag: 'amber' });
  await app.call('actions.changeDueDate', { actionId, dueDate: '2026-10-30', reason: 'Agreed at the board' });
  await app.call('actions.bulkUpdate', { planId, actionIds: [actionId, other], status: 'in-progress' });
  await app.call('progressUpdates.create', { actionId, updateDate: '2026-06-01', narrative: 'Started', authorName: 'Tom Hughes' });
  await app.call('milestones.create', { actionId, title: 'Tool agreed' });
  await app.call('dependencies.add', { actionId, dependsOnActionId: other });
  await app.call('evidence.addFile', { actionId, fileName: 'note.txt', mediaType: 'text/plain', contentBase64: Buffer.from('minutes').toString('base64') });
  await app.call('actions.delete', { actionId: other });
  const check = await app.call('db.check', {});
  expect(check.ok).toBe(true);
  expect(check.auditChain.entries).toBeGreaterThan(10);
});
