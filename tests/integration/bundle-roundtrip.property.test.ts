// For plans generated at random (themes, actions with updates and due dates, KPIs with values
// and links, text in any script, tombstones), a bundle exported and imported into an empty data
// folder reproduces the plan exactly: every record, every column, as SQLite holds it; and a
// theme's bundle reproduces exactly its part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../db/records';
import * as schema from '../../db/schema';
import { collectPlanData } from '../../electron/core/bundles/plan-data';
import { ACTION_STATUSES, FREQUENCIES, KPI_UNITS, POLARITIES } from '../../shared/vocabulary';
import { DEFAULT_RAG_MEANINGS } from '../../shared/rag';
import { exportAndDownload, importBundle, rawRows } from '../support/malformed-bundles';
import { openTestApp, type TestApp } from '../support/temp-app';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const maybeText = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null });
const isoDate = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const maybeDate = fc.option(isoDate, { nil: null });
const rag = fc.constantFrom(null, 'red', 'amber', 'green', 'blue');
const number = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const month = fc.tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([year, m]) => `${year}-${String(m).padStart(2, '0')}`);

const update = fc.record({ date: isoDate, narrative: text, rag, deleted: fc.boolean() });
const action = fc.record({
  theme: fc.nat(),
  title: text,
  description: maybeText,
  due: maybeDate,
  rag,
  status: fc.constantFrom(...ACTION_STATUSES),
  deleted: fc.boolean(),
  updates: fc.array(update, { maxLength: 3 }),
  milestone: fc.option(fc.record({ title: text, due: maybeDate }), { nil: null }),
});
const kpi = fc.record({
  name: text,
  unit: fc.constantFrom(...KPI_UNITS),
  polarity: fc.constantFrom(...POLARITIES),
  frequency: fc.constantFrom(...FREQUENCIES),
  target: fc.option(number, { nil: null }),
  themes: fc.array(fc.nat(), { maxLength: 2 }),
  actions: fc.array(fc.nat(), { maxLength: 2 }),
  values: fc.uniqueArray(fc.record({ period: month, value: fc.option(number, { nil: null }), provisional: fc.boolean(), note: maybeText, deleted: fc.boolean() }), {
    selector: (value) => value.period,
    maxLength: 5,
  }),
  deleted: fc.boolean(),
});
const planShape = fc.record({
  title: text,
  summary: maybeText,
  themes: fc.array(fc.record({ title: text, deleted: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  actions: fc.array(action, { maxLength: 8 }),
  kpis: fc.array(kpi, { maxLength: 3 }),
});
type PlanShape = typeof planShape extends fc.Arbitrary<infer T> ? T : never;

/** Writes the generated plan into the app through the audited writes the services use. */
function build(app: TestApp, shape: PlanShape): { planId: string; themeIds: string[] } {
  return app.core.write(null, (unit) => {
    const authority = createRecord(unit, schema.authorities, { name: 'Northmoor Borough Council' }, null);
    const person = createRecord(unit, schema.people, { authorityId: authority.id, name: 'Dana Hughes' }, null);
    const plan = createRecord(unit, schema.plans, { authorityId: authority.id, seriesId: 'series', title: shape.title, summary: shape.summary, ragMeanings: DEFAULT_RAG_MEANINGS }, null);
    const planId = plan.id;
    const themeIds = shape.themes.map((theme, index) => createRecord(unit, schema.themes, { planId, reference: String(index + 1), title: theme.title, leadId: person.id }, planId).id);
    const actionIds = shape.actions.map((item, index) => {
      const themeId = themeIds[item.theme % themeIds.length] ?? null;
      const row = createRecord(
        unit,
        schema.actions,
        {
          planId,
          themeId,
          reference: `A${index + 1}`,
          title: item.title,
          description: item.description,
          ownerId: person.id,
          baselineDueDate: item.due,
          currentDueDate: item.due,
          rag: item.rag,
          status: item.status,
        },
        planId,
      );
      for (const entry of item.updates) {
        const written = createRecord(unit, schema.progressUpdates, { actionId: row.id, updateDate: entry.date, narrative: entry.narrative, rag: entry.rag, authorName: 'Head of service' }, planId);
        if (entry.deleted) deleteRecord(unit, schema.progressUpdates, written.id, planId);
      }
      if (item.milestone) createRecord(unit, schema.milestones, { actionId: row.id, title: item.milestone.title, dueDate: item.milestone.due }, planId);
      return row.id;
    });
    shape.kpis.forEach((item, index) => {
      const row = createRecord(
        unit,
        schema.kpis,
        { planId, reference: `K${index + 1}`, name: item.name, unit: item.unit, polarity: item.polarity, frequency: item.frequency, targetValue: item.target },
        planId,
      );
      for (const themeId of new Set(item.themes.map((pick) => themeIds[pick % themeIds.length]))) {
        if (themeId) createRecord(unit, schema.kpiThemes, { kpiId: row.id, themeId }, planId);
      }
      for (const actionId of new Set(item.actions.map((pick) => actionIds[pick % Math.max(actionIds.length, 1)]))) {
        if (actionId) createRecord(unit, schema.actionKpis, { actionId, kpiId: row.id }, planId);
      }
      for (const value of item.values) {
        const written = createRecord(
          unit,
          schema.kpiValues,
          { kpiId: row.id, period: value.period, periodEnd: `${value.period}-28`, value: value.value, provisional: value.provisional, note: value.note },
          planId,
        );
        if (value.deleted) deleteRecord(unit, schema.kpiValues, written.id, planId);
      }
      if (item.deleted) deleteRecord(unit, schema.kpis, row.id, planId);
    });
    shape.actions.forEach((item, index) => {
      if (item.deleted) deleteRecord(unit, schema.actions, actionIds[index] ?? '', planId);
    });
    shape.themes.forEach((theme, index) => {
      if (theme.deleted && index > 0) deleteRecord(unit, schema.themes, themeIds[index] ?? '', planId);
    });
    return { planId, themeIds };
  });
}

function records(app: TestApp, planId: string, themeId: string | null) {
  const data = collectPlanData(app.core.db, planId, themeId);
  return Object.fromEntries([...data.tables].map(([table, rows]) => [table, rawRows(app, table, rows.map((row) => row.id))]));
}

describe('export then import into an empty database', () => {
  it('reproduces generated plans exactly, whole and by theme', async () => {
    await fc.assert(
      fc.asyncProperty(planShape, fc.nat(), async (shape, pick) => {
        const a = openTestApp();
        const whole = openTestApp();
        const part = openTestApp();
        try {
          const { planId, themeIds } = build(a, shape);
          const { bytes } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
          await importBundle(whole, bytes);
          expect(records(whole, planId, null)).toEqual(records(a, planId, null));

          // The first theme is never deleted, so a theme's bundle can always be cut.
          const themeId = themeIds[pick % themeIds.length] ?? '';
          const live = rawRows(a, 'themes', [themeId])[0]?.deleted_at === null;
          if (live) {
            const theme = await exportAndDownload(a, { planId, themeId, classification: 'official', withPdf: false });
            await importBundle(part, theme.bytes);
            expect(records(part, planId, themeId)).toEqual(records(a, planId, themeId));
          }
        } finally {
          a.close();
          whole.close();
          part.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
