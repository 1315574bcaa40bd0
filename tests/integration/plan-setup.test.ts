// Setting a plan up from an Ofsted report and keeping it answerable, through the contract on a
// real database: recommendations and their coverage (DOMAIN.md section 3: an uncovered
// recommendation is a defect to flag), themes, stages, and monitoring visits whose areas to
// improve become actions (section 5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteRecord, type RecordTable } from '../../db/records';
import * as schema from '../../db/schema';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes, expectRefused, expectRefusedAt } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;

beforeEach(() => {
  app = openTestApp({ clock: () => new Date('2026-06-04T09:00:00Z') });
});
afterEach(() => app.close());

function tombstone(plan: PlanBuilder, table: RecordTable, id: string): void {
  app.core.write(plan.planId, (unit) => deleteRecord(unit, table, id, plan.planId));
}

const REPORT = `What needs to improve in this local authority?
• The quality and impact of management oversight and supervision of social
work practice.
• Timely and effective response to children who go missing from home or care,
including the quality of return home interviews.
• The sufficiency of homes for children in care.`;

describe('recommendations', () => {
  it('splits the pasted report without touching the database', async () => {
    const before = databaseBytes(app);
    expect(await app.call('recommendations.split', { text: REPORT })).toEqual([
      'The quality and impact of management oversight and supervision of social work practice.',
      'Timely and effective response to children who go missing from home or care, including the quality of return home interviews.',
      'The sufficiency of homes for children in care.',
    ]);
    expect(databaseBytes(app)).toBe(before);
  });

  it('adds recommendations numbered on from the last, tied to the plan’s inspection, none yet covered', async () => {
    const plan = new PlanBuilder(app);
    const texts = await app.call('recommendations.split', { text: REPORT });
    const first = await app.call('recommendations.add', { planId: plan.planId, texts: texts.slice(0, 2) });
    expect(first.map((recommendation) => recommendation.number)).toEqual([1, 2]);
    const more = await app.call('recommendations.add', { planId: plan.planId, texts: texts.slice(2) });
    expect(more).toMatchObject([{ number: 3, text: 'The sufficiency of homes for children in care.', themes: [], actions: [], covered: false }]);

    const listed = await app.call('recommendations.list', { planId: plan.planId });
    expect(listed.map((recommendation) => [recommendation.number, recommendation.covered])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const inspectionId = app.core.db.$client.prepare('select inspection_id from plans where id = ?').pluck().get(plan.planId);
    const stored = app.core.db.$client.prepare('select distinct inspection_id from recommendations where plan_id = ?').pluck().all(plan.planId);
    expect(stored).toEqual([inspectionId]);
    expect(await app.call('plans.overview', { planId: plan.planId })).toMatchObject({ recommendationCount: 3, uncoveredRecommendationCount: 3 });
  });

  it('counts a recommendation covered only by a live action that is not superseded', async () => {
    const plan = new PlanBuilder(app);
    const [answered, onlySuperseded, onlyDeleted, linkRemoved] = await app.call('recommendations.add', {
      planId: plan.planId,
      texts: ['Management oversight.', 'Return home interviews.', 'Sufficiency of homes.', 'Pathway plans for care leavers.'],
    });
    if (!answered || !onlySuperseded || !onlyDeleted || !linkRemoved) throw new Error('expected four recommendations');
    const link = (actionId: string, recommendationId: string) => plan.add(schema.actionRecommendations, { actionId, recommendationId });

    const live = plan.action({ reference: '1.1', status: 'in-progress', rag: 'amber' });
    const replaced = plan.action({ reference: '1.2', status: 'superseded' });
    link(live, answered.id);
    link(replaced, answered.id);
    link(replaced, onlySuperseded.id);
    const deleted = plan.action({ reference: '1.3', status: 'complete' });
    link(deleted, onlyDeleted.id);
    tombstone(plan, schema.actions, deleted);
    tombstone(plan, schema.actionRecommendations, link(live, linkRemoved.id));

    const listed = await app.call('recommendations.list', { planId: plan.planId });
    expect(listed.map((recommendation) => [recommendation.number, recommendation.covered])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
    ]);
    // A superseded action still shows beside what it answered, so the gap it left is visible.
    expect(listed[0]?.actions.map((action) => [action.reference, action.status])).toEqual([
      ['1.1', 'in-progress'],
      ['1.2', 'superseded'],
    ]);
    expect(listed[1]?.actions.map((action) => action.reference)).toEqual(['1.2']);
    expect(listed[2]?.actions).toEqual([]);
    expect(listed[3]?.actions).toEqual([]);
    // The overview and the needs-attention list count the same way.
    expect(await app.call('plans.overview', { planId: plan.planId })).toMatchObject({ uncoveredRecommendationCount: 3 });
  });

  it('edits the text and number, refusing a number another recommendation has', async () => {
    const plan = new PlanBuilder(app);
    const [first, second] = await app.call('recommendations.add', { planId: plan.planId, texts: ['Management oversight.', 'Return home interviews.'] });
    if (!first || !second) throw new Error('expected two recommendations');
    await expectRefusedAt(app, 'recommendations.update', { recommendationId: second.id, number: 1 }, 'number', /Recommendation 1 is already “Management oversight”/);
    const edited = await app.call('recommendations.update', {
      recommendationId: second.id,
      number: 7,
      text: 'Timely and effective response to children who go missing from home or care.',
    });
    expect(edited).toMatchObject({ number: 7, text: 'Timely and effective response to children who go missing from home or care.' });
  });

  it('maps a recommendation to the plan’s themes, restoring a link made again, and refuses another plan’s theme', async () => {
    const plan = new PlanBuilder(app);
    const leadership = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Leadership, management and governance' });
    const practice = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'A robust model of social work practice' });
    const elsewhere = new PlanBuilder(app, { title: 'Another plan' });
    const foreign = elsewhere.add(schema.themes, { planId: elsewhere.planId, reference: '9', title: 'Another plan’s theme' });
    const [recommendation] = await app.call('recommendations.add', { planId: plan.planId, texts: ['Management oversight.'] });
    if (!recommendation) throw new Error('expected a recommendation');

    let mapped = await app.call('recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [practice, leadership] });
    expect(mapped.themes.map((theme) => theme.reference)).toEqual(['1', '2']);
    mapped = await app.call('recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [practice] });
    expect(mapped.themes.map((theme) => theme.reference)).toEqual(['2']);
    mapped = await app.call('recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [practice, leadership] });
    expect(mapped.themes.map((theme) => theme.reference)).toEqual(['1', '2']);
    const rows = app.core.db.$client.prepare('select count(*) from recommendation_themes where recommendation_id = ?').pluck().get(recommendation.id);
    expect(rows).toBe(2);

    await expectRefusedAt(app, 'recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [foreign] }, 'themeIds');
    expect(await app.call('recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [] })).toMatchObject({ themes: [] });
  });

  it('deletes a recommendation that actions answer: the links go with it, the actions stay and answer nothing', async () => {
    const plan = new PlanBuilder(app);
    const theme = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Leadership' });
    const [kept, removed] = await app.call('recommendations.add', { planId: plan.planId, texts: ['Management oversight.', 'Pasted twice by mistake.'] });
    if (!kept || !removed) throw new Error('expected two recommendations');
    const action = plan.action({ reference: '1.1', themeId: theme });
    plan.add(schema.actionRecommendations, { actionId: action, recommendationId: removed.id });
    await app.call('recommendations.setThemes', { recommendationId: removed.id, themeIds: [theme] });

    expect(await app.call('recommendations.delete', { recommendationId: removed.id })).toEqual({ deleted: true });
    expect((await app.call('recommendations.list', { planId: plan.planId })).map((recommendation) => recommendation.number)).toEqual([1]);
    const live = (table: string) =>
      app.core.db.$client.prepare(`select count(*) from ${table} where recommendation_id = ? and deleted_at is null`).pluck().get(removed.id);
    expect([live('action_recommendations'), live('recommendation_themes')]).toEqual([0, 0]);
    const tombstone = app.core.db.$client.prepare('select deleted_at from recommendations where id = ?').pluck().get(removed.id);
    expect(tombstone).toBe('2026-06-04T09:00:00.000Z');
    expect(await app.call('actions.list', { planId: plan.planId })).toHaveLength(1);
    expect((await app.call('themes.list', { planId: plan.planId }))[0]).toMatchObject({ recommendationCount: 0 });
    const refused = await app.send('recommendations.update', { recommendationId: removed.id, text: 'Back again.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});

describe('themes', () => {
  it('creates themes with a lead from the council’s people, in order, with their counts', async () => {
    const plan = new PlanBuilder(app);
    const dcs = plan.person('Amara Osei');
    const second = await app.call('themes.create', { planId: plan.planId, reference: '2', title: 'A robust model of social work practice' });
    const first = await app.call('themes.create', {
      planId: plan.planId,
      reference: '1',
      title: 'Leadership, management and governance',
      description: 'Permanent, visible leadership with an accurate view of practice.',
      leadId: dcs,
    });
    expect(first).toMatchObject({ leadId: dcs, leadName: 'Amara Osei', actionCount: 0, recommendationCount: 0 });
    plan.action({ reference: '2.1', themeId: second.id });
    plan.action({ reference: '2.2', themeId: second.id, status: 'superseded' });
    // Listed in the order they were added: a plan's themes keep the order the plan gives them.
    expect((await app.call('themes.list', { planId: plan.planId })).map((theme) => [theme.reference, theme.actionCount])).toEqual([
      ['2', 2],
      ['1', 0],
    ]);
  });

  it('refuses a reference another live theme has, and a lead who is not one of the council’s people', async () => {
    const plan = new PlanBuilder(app);
    const theme = await app.call('themes.create', { planId: plan.planId, reference: '1', title: 'Leadership, management and governance' });
    await app.call('themes.create', { planId: plan.planId, reference: '2', title: 'Workforce' });
    await expectRefusedAt(app, 'themes.create', { planId: plan.planId, reference: ' 1 ', title: 'Leadership again' }, 'reference', /Theme 1 is already “Leadership, management and governance”/);
    await expectRefusedAt(app, 'themes.update', { themeId: theme.id, reference: '2' }, 'reference');
    expect(await app.call('themes.update', { themeId: theme.id, reference: '1', title: 'Leadership and governance' })).toMatchObject({ title: 'Leadership and governance' });

    const stranger = new PlanBuilder(app, { title: 'Another council’s plan' }).person('Someone Elsewhere');
    await expectRefusedAt(app, 'themes.create', { planId: plan.planId, reference: '3', title: 'Quality assurance', leadId: stranger }, 'leadId');
    await expectRefusedAt(app, 'themes.update', { themeId: theme.id, leadId: stranger }, 'leadId');

    // A deleted theme's reference is free again.
    const workforce = (await app.call('themes.list', { planId: plan.planId })).find((candidate) => candidate.reference === '2');
    await app.call('themes.delete', { themeId: workforce?.id ?? '' });
    expect(await app.call('themes.create', { planId: plan.planId, reference: '2', title: 'A sufficient and skilled workforce' })).toMatchObject({ reference: '2' });
  });

  it('refuses to delete a theme that still has actions, saying how many; otherwise deletes it and its links', async () => {
    const plan = new PlanBuilder(app);
    const practice = await app.call('themes.create', { planId: plan.planId, reference: '2', title: 'A robust model of social work practice' });
    const quality = await app.call('themes.create', { planId: plan.planId, reference: '4', title: 'Quality assurance and audit' });
    plan.action({ reference: '2.1', themeId: practice.id });
    plan.action({ reference: '2.2', themeId: practice.id, status: 'complete' });
    tombstone(plan, schema.actions, plan.action({ reference: '2.3', themeId: practice.id }));
    const [recommendation] = await app.call('recommendations.add', { planId: plan.planId, texts: ['The quality assurance framework.'] });
    if (!recommendation) throw new Error('expected a recommendation');
    await app.call('recommendations.setThemes', { recommendationId: recommendation.id, themeIds: [practice.id, quality.id] });

    const before = databaseBytes(app);
    const refused = await app.send('themes.delete', { themeId: practice.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { actionCount: 2 } } });
    if (!refused.ok) expect(refused.error.message).toContain('2 actions are still in theme 2, “A robust model of social work practice”');
    expect(databaseBytes(app)).toBe(before);

    expect(await app.call('themes.delete', { themeId: quality.id })).toEqual({ deleted: true });
    const [listed] = await app.call('recommendations.list', { planId: plan.planId });
    expect(listed?.themes.map((theme) => theme.reference)).toEqual(['2']);
    expect((await app.call('themes.list', { planId: plan.planId })).map((theme) => theme.reference)).toEqual(['2']);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});

describe('stages', () => {
  it('creates, edits and deletes stages, in the order given', async () => {
    const plan = new PlanBuilder(app);
    const stabilise = await app.call('stages.create', { planId: plan.planId, name: 'Stabilise', startDate: '2026-06-04', endDate: '2027-02-28' });
    const embed = await app.call('stages.create', { planId: plan.planId, name: 'Embed', description: 'One model of practice in every team.', startDate: '2027-03-01' });
    expect(embed).toMatchObject({ name: 'Embed', description: 'One model of practice in every team.', startDate: '2027-03-01', endDate: null });
    expect(await app.call('stages.update', { stageId: embed.id, endDate: '2028-02-29' })).toMatchObject({ endDate: '2028-02-29' });
    expect((await app.call('stages.list', { planId: plan.planId })).map((stage) => stage.name)).toEqual(['Stabilise', 'Embed']);
    expect((await app.call('plans.overview', { planId: plan.planId })).stages.map((stage) => stage.name)).toEqual(['Stabilise', 'Embed']);
    await app.call('stages.delete', { stageId: stabilise.id });
    expect((await app.call('stages.list', { planId: plan.planId })).map((stage) => stage.name)).toEqual(['Embed']);
  });

  it('refuses an end before the start at the end date, naming the start, also when only one date changes', async () => {
    const plan = new PlanBuilder(app);
    await expectRefusedAt(
      app,
      'stages.create',
      { planId: plan.planId, name: 'Stabilise', startDate: '2026-06-04', endDate: '2026-06-03' },
      'endDate',
      'The stage cannot end before it starts (4 June 2026)',
    );
    const stage = await app.call('stages.create', { planId: plan.planId, name: 'Stabilise', startDate: '2026-06-04', endDate: '2027-02-28' });
    await expectRefusedAt(app, 'stages.update', { stageId: stage.id, endDate: '2026-05-31' }, 'endDate', 'The stage cannot end before it starts (4 June 2026)');
    await expectRefusedAt(app, 'stages.update', { stageId: stage.id, startDate: '2027-03-01' }, 'endDate');
    expect(await app.call('stages.update', { stageId: stage.id, startDate: '2027-03-01', endDate: null })).toMatchObject({ endDate: null });
  });
});

describe('reviews and findings', () => {
  async function monitoringVisit(planId: string, title = 'First monitoring visit', visitStartDate = '2026-03-10') {
    return app.call('reviews.create', {
      planId,
      kind: 'monitoring-visit',
      title,
      focus: 'The front door',
      visitStartDate,
      visitEndDate: visitStartDate.replace(/-(\d\d)$/, (_match, day: string) => `-${String(Number(day) + 1).padStart(2, '0')}`),
    });
  }

  it('records a visit with its strengths and areas to improve, edits and removes them', async () => {
    const plan = new PlanBuilder(app);
    const visit = await monitoringVisit(plan.planId);
    expect(visit).toMatchObject({ kind: 'monitoring-visit', letterPublished: false, findings: [] });
    const strength = await app.call('findings.add', { reviewId: visit.id, kind: 'strength', text: 'Contacts now receive a timely decision by a qualified manager.' });
    const area = await app.call('findings.add', {
      reviewId: visit.id,
      kind: 'area-to-improve',
      text: 'Strategy discussions do not consistently include health and education.',
    });
    await app.call('findings.update', { findingId: area.id, text: 'Strategy discussions do not consistently include health and education, and the rationale for their outcome is not always recorded.' });
    const updated = await app.call('reviews.update', { reviewId: visit.id, letterDate: '2026-04-07', letterPublished: true, summary: 'Steady progress.' });
    expect(updated).toMatchObject({ letterDate: '2026-04-07', letterPublished: true, summary: 'Steady progress.' });
    expect(updated.findings.map((finding) => [finding.kind, finding.text.slice(0, 20)])).toEqual([
      ['strength', 'Contacts now receive'],
      ['area-to-improve', 'Strategy discussions'],
    ]);
    await app.call('findings.delete', { findingId: strength.id });
    const [listed] = await app.call('reviews.list', { planId: plan.planId });
    expect(listed?.findings.map((finding) => finding.id)).toEqual([area.id]);
  });

  it('refuses a letter dated before the visit ended, also when only the letter date changes', async () => {
    const plan = new PlanBuilder(app);
    const visit = await monitoringVisit(plan.planId, 'First monitoring visit', '2026-06-09');
    await expectRefusedAt(app, 'reviews.update', { reviewId: visit.id, letterDate: '2026-06-09' }, 'letterDate', 'The letter cannot be dated before the visit ended (10 June 2026)');
    await expectRefusedAt(app, 'reviews.update', { reviewId: visit.id, visitEndDate: '2026-06-01' }, 'visitEndDate', 'The visit cannot end before it started (9 June 2026)');
  });

  it('makes an action from an area to improve in one step: the next reference in the theme, a short title, the full text, linked', async () => {
    const plan = new PlanBuilder(app);
    const owner = plan.person('Rachel Okafor');
    const workforce = plan.add(schema.themes, { planId: plan.planId, reference: '3', title: 'A sufficient and skilled workforce' });
    for (let number = 1; number <= 11; number += 1) plan.action({ reference: `3.${number}`, themeId: workforce });
    plan.action({ reference: '3.4.1', themeId: workforce });
    const visit = await monitoringVisit(plan.planId);
    const text = 'Management oversight is recorded more often but does not always give clear direction or timescales for the next steps, so plans drift.';
    const area = await app.call('findings.add', { reviewId: visit.id, kind: 'area-to-improve', text });

    expect(await app.call('findings.nextReference', { findingId: area.id, themeId: workforce })).toEqual({ reference: '3.12' });
    const made = await app.call('findings.toAction', { findingId: area.id, themeId: workforce, ownerId: owner, dueDate: '2026-09-30' });
    expect(made.action).toMatchObject({
      reference: '3.12',
      title: 'Management oversight is recorded more often but does not always give clear direction or timescales…',
      status: 'not-started',
      rag: null,
    });
    expect(made.finding.actions.map((action) => action.id)).toEqual([made.action.id]);

    const stored = app.core.db.$client.prepare('select * from actions where id = ?').get(made.action.id) as Record<string, unknown>;
    expect(stored).toMatchObject({
      plan_id: plan.planId,
      theme_id: workforce,
      description: text,
      owner_id: owner,
      baseline_due_date: '2026-09-30',
      current_due_date: '2026-09-30',
    });
    // One user action, one transaction: the action and its link share the change in the audit log.
    const changes = app.core.db.$client
      .prepare(`select entity_type as entityType, change_id as changeId from audit_log where entity_id in (?, (select id from finding_actions where action_id = ?))`)
      .all(made.action.id, made.action.id) as { entityType: string; changeId: string }[];
    expect(changes.map((change) => change.entityType).sort()).toEqual(['actions', 'finding_actions']);
    expect(new Set(changes.map((change) => change.changeId)).size).toBe(1);

    const [listed] = await app.call('reviews.list', { planId: plan.planId });
    expect(listed?.findings[0]?.actions.map((action) => action.reference)).toEqual(['3.12']);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });

  it('numbers an action made without a theme after the visit: MV1.1, then MV2.1 and MV2.2 for the second visit', async () => {
    const plan = new PlanBuilder(app);
    // Recorded out of order: the visits are numbered by when they happened.
    const second = await monitoringVisit(plan.planId, 'Second monitoring visit', '2026-05-12');
    const first = await monitoringVisit(plan.planId, 'First monitoring visit', '2026-02-10');
    const peer = await app.call('reviews.create', { planId: plan.planId, kind: 'peer-review', title: 'LGA peer review of the front door', visitStartDate: '2026-04-01' });
    const area = (reviewId: string, text: string) => app.call('findings.add', { reviewId, kind: 'area-to-improve', text });

    const fromFirst = await app.call('findings.toAction', { findingId: (await area(first.id, 'Chronologies are often missing.')).id });
    const fromSecond = await app.call('findings.toAction', { findingId: (await area(second.id, 'Plans are not specific.')).id });
    const secondArea = await area(second.id, 'Too many children return to a child protection plan.');
    expect(await app.call('findings.nextReference', { findingId: secondArea.id })).toEqual({ reference: 'MV2.2' });
    const again = await app.call('findings.toAction', { findingId: secondArea.id });
    const fromPeer = await app.call('findings.toAction', { findingId: (await area(peer.id, 'Thresholds are not shared by partners.')).id });
    expect([fromFirst, fromSecond, again, fromPeer].map((made) => made.action.reference)).toEqual(['MV1.1', 'MV2.1', 'MV2.2', 'PR1.1']);
    expect(fromFirst.action.title).toBe('Chronologies are often missing');
  });

  it('takes a given reference and title, refusing a reference already used, another council’s owner, and a strength', async () => {
    const plan = new PlanBuilder(app);
    plan.action({ reference: '2.3', title: 'Strategy discussions with health and education' });
    const visit = await monitoringVisit(plan.planId);
    const area = await app.call('findings.add', { reviewId: visit.id, kind: 'area-to-improve', text: 'Strategy discussions do not include health.' });
    const strength = await app.call('findings.add', { reviewId: visit.id, kind: 'strength', text: 'Caseloads are falling.' });

    await expectRefusedAt(app, 'findings.toAction', { findingId: area.id, reference: '2.3' }, 'reference', /Action 2\.3 is already “Strategy discussions with health and education”/);
    const stranger = new PlanBuilder(app, { title: 'Elsewhere' }).person('Someone Elsewhere');
    await expectRefusedAt(app, 'findings.toAction', { findingId: area.id, ownerId: stranger }, 'ownerId');
    const otherTheme = new PlanBuilder(app, { title: 'Elsewhere' });
    const foreignTheme = otherTheme.add(schema.themes, { planId: otherTheme.planId, reference: '1', title: 'Theirs' });
    await expectRefusedAt(app, 'findings.toAction', { findingId: area.id, themeId: foreignTheme }, 'themeId');

    await expectRefused(app, 'findings.toAction', { findingId: strength.id }, { code: 'invalid-input', message: /a strength needs no action/ });

    const made = await app.call('findings.toAction', { findingId: area.id, reference: '2.3a', title: 'Health and education in every strategy discussion' });
    expect(made.action).toMatchObject({ reference: '2.3a', title: 'Health and education in every strategy discussion' });
    // An area to improve that has an action cannot quietly become a strength.
    await expectRefusedAt(app, 'findings.update', { findingId: area.id, kind: 'strength' }, 'kind', /An action was made from this area to improve/);
  });

  it('deletes a finding or a whole review with its findings; the actions made from them stay in the plan', async () => {
    const plan = new PlanBuilder(app);
    const visit = await monitoringVisit(plan.planId);
    const area = await app.call('findings.add', { reviewId: visit.id, kind: 'area-to-improve', text: 'Plans are not specific.' });
    await app.call('findings.add', { reviewId: visit.id, kind: 'strength', text: 'Caseloads are falling.' });
    const made = await app.call('findings.toAction', { findingId: area.id });

    expect(await app.call('reviews.delete', { reviewId: visit.id })).toEqual({ deleted: true });
    expect(await app.call('reviews.list', { planId: plan.planId })).toEqual([]);
    const live = (table: string) => app.core.db.$client.prepare(`select count(*) from ${table} where deleted_at is null`).pluck().get();
    expect([live('review_findings'), live('finding_actions')]).toEqual([0, 0]);
    expect((await app.call('actions.list', { planId: plan.planId })).map((action) => action.id)).toEqual([made.action.id]);
    expect((await app.call('db.check', {})).ok).toBe(true);
  });
});
