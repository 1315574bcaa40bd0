// Plan bundles through the contract on real SQLite files (DESIGN.md "Plan bundles", DOMAIN.md
// section 8): a plan exported and imported into a fresh data folder comes back record for
// record; a theme's bundle holds only its part; bundles sent back and forth merge without losing
// or doubling anything, and what both sides changed is shown and decided, never guessed.
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../electron/core/bundles/archive';
import { collectPlanData } from '../../electron/core/bundles/plan-data';
import { BUNDLE_TABLES } from '../../electron/core/bundles/record-schemas';
import type { PackPrinter } from '../../electron/core/printing/printer';
import { createRecord } from '../../db/records';
import * as schema from '../../db/schema';
import { serveApp } from '../../electron/web/serve-app';
import { databaseBytes } from '../support/refusals';
import { flat, readPdf } from './pack-pdf-reader';
import { exportAndDownload, importBundle, rawRows, readData, sendBundle } from '../support/malformed-bundles';
import { PlanBuilder } from '../support/plan-builder';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp, type TestApp } from '../support/temp-app';
import { openDatabase } from '../../db/database';

const opened: TestApp[] = [];
function open(options: Parameters<typeof openTestApp>[0] = {}): TestApp {
  const app = openTestApp({ clock: () => new Date('2026-11-22T10:30:00Z'), ...options });
  opened.push(app);
  return app;
}
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

class PrinterDouble implements PackPrinter {
  printed: string[] = [];
  constructor(private readonly app: () => TestApp) {}
  async printPack(packId: string): Promise<Uint8Array> {
    // The print view reads the document the way the page does, through the contract.
    const document = await this.app().call('packs.document', { packId });
    this.printed.push(document.title);
    return new TextEncoder().encode(`%PDF-1.7 ${document.title} ${document.marking} ${document.blocks.length}`);
  }
  async chartImages(): Promise<Map<string, Uint8Array>> {
    return new Map();
  }
  async close(): Promise<void> {}
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Every record of the plan's bundle, straight from SQLite: all columns, tombstones included. */
function planRecords(app: TestApp, planId: string, themeId: string | null = null) {
  const data = collectPlanData(app.core.db, planId, themeId);
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const [table, rows] of data.tables) records[table] = rawRows(app, table, rows.map((row) => row.id));
  records.attachments = rawRows(app, 'attachments', data.attachmentHashes);
  return records;
}

describe('a whole plan', () => {
  let a: TestApp;
  let planId: string;

  beforeEach(async () => {
    a = open({ seedDemo: true });
    const [plan] = await a.call('plans.list', {});
    planId = plan?.id ?? '';
    const actions = await a.call('actions.list', { planId });
    const [first, second, third] = actions;
    if (!first || !second || !third) throw new Error('the demo plan has actions');
    await a.call('evidence.addFile', { actionId: first.id, fileName: 'audit.png', mediaType: 'image/png', contentBase64: PNG.toString('base64') });
    await a.call('evidence.addFile', {
      actionId: second.id,
      fileName: 'minutes.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('Minutes of the board, 4 June 2026.\n'.repeat(50)).toString('base64'),
    });
    await a.call('actions.delete', { actionId: third.id });
    // What the demo plan has none of: a date agreed with inspectors, components, an issued pack, a saved view.
    await a.call('deadlines.override', { planId, key: 'action-plan', date: '2025-07-31', reason: 'Agreed with the lead inspector' });
    const [theme] = await a.call('themes.list', { planId });
    a.core.write(planId, (unit) => {
      const framework = createRecord(unit, schema.componentFrameworks, { name: 'LGA ten components', source: 'LGA' }, planId);
      const component = createRecord(unit, schema.components, { frameworkId: framework.id, reference: 'C1', title: 'Leadership' }, planId);
      createRecord(unit, schema.themeComponents, { themeId: theme?.id ?? '', componentId: component.id }, planId);
    });
    await a.call('views.save', { planId, name: 'Red actions', query: { filters: { rags: ['red'] } } });
    a.core.printer = new PrinterDouble(() => a);
    const [committee] = await a.call('committees.list', { planId });
    const meeting = committee?.meetings[0];
    const pack = await a.call('packs.create', { planId, meetingId: meeting?.id ?? '', template: 'cabinet', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
    await a.call('packs.issue', { packId: pack.id });
    a.core.printer = null;
  });

  it('is exported with its data, attachments, readable copies and README, and imported into a fresh folder record for record', async () => {
    a.core.printer = new PrinterDouble(() => a);
    const { exported, bytes } = await exportAndDownload(a, { planId, classification: 'official-sensitive' });
    expect(exported.fileName).toBe('Northmoor improvement plan 2026-11-22 OFFICIAL-SENSITIVE.g2g');
    expect(exported.encrypted).toBe(false);
    expect(exported.readableCopies).toEqual(['action-plan.xlsx', 'plan.pdf']);
    expect(exported.attachments).toBe(3);
    expect(exported.records.actions).toBe((await a.call('actions.list', { planId })).length);
    expect(bytes.length).toBe(exported.bytes);

    const files = await readArchive(bytes);
    // The README first, for a person opening the zip; the signed list of files last, once every file is made.
    const names = [...files.keys()];
    expect(names[0]).toBe('README.txt');
    expect(names.slice(-4)).toEqual(['readable/action-plan.xlsx', 'readable/plan.pdf', 'manifest.json', 'signature.json']);
    const readme = files.get('README.txt')?.toString('utf8') ?? '';
    expect(readme).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(readme).toContain(exported.fingerprint);
    expect(readme).toContain('readable/plan.pdf');
    expect(files.get('readable/plan.pdf')?.toString('utf8')).toMatch(/^%PDF-1\.7 .*: improvement plan OFFICIAL-SENSITIVE/);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest).toMatchObject({ format: 'getting-to-good-bundle', formatVersion: 1, classification: 'official-sensitive', plan: { id: planId } });
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual([...files.keys()].filter((name) => !name.endsWith('manifest.json') && name !== 'signature.json').sort());
    // The plan PDF was held only while it printed: nothing of it was saved as a pack.
    expect(rawRows(a, 'packs').filter((row) => String(row.title).endsWith(': improvement plan'))).toEqual([]);

    const expected = planRecords(a, planId);
    expect(expected.actions?.some((row) => row.deleted_at !== null)).toBe(true);
    // Every kind of record is in it, but the links of sub-plans, which need another plan.
    expect(BUNDLE_TABLES.filter((entry) => (expected[entry.name]?.length ?? 0) === 0).map((entry) => entry.name)).toEqual(['sub_plan_links']);
    expect(expected.attachments).toHaveLength(3);

    const b = open();
    const before = fs.readdirSync(path.join(b.dataDirectory));
    const { inspection, applied } = await importBundle(b, bytes);
    expect(inspection).toMatchObject({ planIsNew: true, classification: 'official-sensitive', signer: { trust: 'unknown', fingerprint: exported.fingerprint }, conflicts: [], hasChanges: true });
    expect(inspection.kinds.find((kind) => kind.kind === 'actions')).toMatchObject({ kindLabel: 'action', added: exported.records.actions, changed: 0, deleted: 0 });
    expect(applied.planId).toBe(planId);

    expect(planRecords(b, planId)).toEqual(expected);
    // Nothing else arrived: the fresh folder holds the bundle's records and no more.
    for (const entry of BUNDLE_TABLES) expect(rawRows(b, entry.name).length, entry.name).toBe(expected[entry.name]?.length ?? 0);
    expect((await b.call('db.check', {})).ok).toBe(true);
    // Everything searchable there is searchable here, the deleted action left out.
    const searchIndex = (app: TestApp) =>
      ['search_actions', 'search_updates', 'search_recommendations', 'search_findings'].map((table) => app.core.db.$client.prepare(`select * from ${table} order by 1`).all());
    expect(searchIndex(b)).toEqual(searchIndex(a));
    const live = (await a.call('actions.list', { planId }))[0]!;
    const found = await b.call('search.plan', { planId, query: live.title.split(' ').slice(0, 3).join(' ') });
    expect(found.results.map((result) => result.id)).toContain(live.id);

    // A backup was taken first, and it opens as a database (of the folder before the import).
    expect(before).not.toContain('backups');
    const backup = new Sqlite(applied.backupFile, { readonly: true });
    expect(backup.prepare('select count(*) from plans').pluck().get()).toBe(0);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    // The file received was let go once applied.
    expect(fs.readdirSync(path.join(b.dataDirectory, 'incoming'))).toEqual([]);
    const log = rawRows(b, 'bundle_log');
    expect(log).toMatchObject([{ direction: 'imported', plan_id: planId, fingerprint: exported.fingerprint, backup_file: applied.backupFile }]);
  });

  it('imported again changes nothing, and is said to change nothing', async () => {
    const { bytes } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
    const before = databaseBytes(a);
    const b = open();
    await importBundle(b, bytes);
    const transferId = await sendBundle(a, bytes);
    const inspection = await a.call('bundles.inspect', { transferId, passphrase: null });
    expect(inspection.hasChanges).toBe(false);
    expect(inspection.signer.trust).toBe('this-installation');
    expect(inspection.kinds.every((kind) => kind.added + kind.changed + kind.deleted + kind.conflicts === 0)).toBe(true);
    expect(databaseBytes(a)).toBe(before);
  });

  it('leaves the PDF out when no browser can print, and says so', async () => {
    const { exported, bytes } = await exportAndDownload(a, { planId, classification: 'official' });
    expect(exported.readableCopies).not.toContain('plan.pdf');
    expect((await readArchive(bytes)).has('readable/plan.pdf')).toBe(false);
  });

  it('locked with a passphrase, opens only with it', async () => {
    const { exported, bytes } = await exportAndDownload(a, { planId, classification: 'official-sensitive', passphrase: 'correct horse battery staple', withPdf: false });
    expect(exported.encrypted).toBe(true);
    const outer = await readArchive(bytes);
    expect([...outer.keys()].sort()).toEqual(['README.txt', 'bundle.encrypted', 'encryption.json']);
    const b = open();
    const transferId = await sendBundle(b, bytes);
    expect(await b.send('bundles.inspect', { transferId, passphrase: null })).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'passphrase-needed' } } });
    const { inspection } = await importBundle(b, bytes, { passphrase: 'correct horse battery staple' });
    expect(inspection.encrypted).toBe(true);
    expect(planRecords(b, planId)).toEqual(planRecords(a, planId));
  });

  it('logs the export without touching the plan, its history or the merge bases', async () => {
    const history = rawRows(a, 'audit_log').length;
    const plans = rawRows(a, 'plans');
    const { exported } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
    expect(rawRows(a, 'audit_log').length).toBe(history);
    expect(rawRows(a, 'plans')).toEqual(plans);
    expect(rawRows(a, 'bundle_log')).toMatchObject([{ direction: 'exported', bundle_id: exported.bundleId, file_name: exported.fileName }]);
    // A bundle made is not a bundle received: an export keeps no bases (see merge.ts).
    expect(rawRows(a, 'bundle_bases')).toEqual([]);
  });

  it('is downloaded in pieces of at most 8 MB of base64, and let go when forgotten', async () => {
    const { exported } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
    const first = await a.call('bundles.download', { exportId: exported.exportId, offset: 0 });
    expect(first.chunkBase64.length).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(fs.readdirSync(path.join(a.dataDirectory, 'outgoing'))).toHaveLength(1);
    await a.call('bundles.forgetExport', { exportId: exported.exportId });
    expect(fs.readdirSync(path.join(a.dataDirectory, 'outgoing'))).toEqual([]);
    expect(await a.send('bundles.download', { exportId: exported.exportId, offset: 0 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('deletes the files it holds when the app closes', async () => {
    const { bytes } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
    await sendBundle(a, bytes);
    expect(fs.readdirSync(path.join(a.dataDirectory, 'incoming'))).toHaveLength(1);
    a.core.close();
    expect(fs.readdirSync(path.join(a.dataDirectory, 'incoming'))).toEqual([]);
    expect(fs.readdirSync(path.join(a.dataDirectory, 'outgoing'))).toEqual([]);
  });

  it('removes bundle files a process left behind a day ago, and leaves younger ones to the process holding them', async () => {
    const incoming = path.join(a.dataDirectory, 'incoming');
    fs.mkdirSync(incoming, { recursive: true });
    const old = path.join(incoming, 'left-by-a-killed-process.g2g');
    const young = path.join(incoming, 'another-process-is-receiving.g2g');
    fs.writeFileSync(old, 'plan data');
    fs.writeFileSync(young, 'plan data');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    const fresh = open({ dataDirectory: a.dataDirectory });
    await fresh.call('bundles.defaultFolder', {});
    await sendBundle(fresh, (await exportAndDownload(fresh, { planId, classification: 'official', withPdf: false })).bytes);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(young)).toBe(true);
  });

  it('names the data it holds by table, each row with every column', async () => {
    const { bytes } = await exportAndDownload(a, { planId, classification: 'official', withPdf: false });
    const data = await readData(bytes);
    const action = data.tables.actions?.[0];
    expect(Object.keys(action ?? {}).sort()).toEqual(Object.keys(schema.actions).filter((key) => !key.startsWith('_') && key !== 'enableRLS').sort());
    expect(data.audit.length).toBeGreaterThan(0);
    expect(Object.values(data.bases.actions ?? {}).every((base) => base === null)).toBe(true);
  });
});

describe('merging what comes back', () => {
  let a: TestApp;
  let b: TestApp;
  let plan: PlanBuilder;
  let ids: Record<string, string>;
  const kpiId = () => ids.kpi ?? '';

  /** A's plan, sent to B: two themes, three actions with updates, a KPI with two values. */
  beforeEach(async () => {
    a = open();
    plan = new PlanBuilder(a, { title: 'Children’s services improvement plan' });
    const lead = plan.person('Dana Hughes');
    const practice = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice', leadId: lead });
    const workforce = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Workforce' });
    ids = {
      lead,
      practice,
      workforce,
      '1.1': plan.action({ reference: '1.1', themeId: practice, title: 'Audit supervision', rag: 'red', status: 'in-progress' }),
      '1.2': plan.action({ reference: '1.2', themeId: practice, title: 'Refresh the practice model', rag: 'green' }),
      '2.1': plan.action({ reference: '2.1', themeId: workforce, title: 'Recruit ASYEs', rag: 'amber' }),
    };
    plan.update(ids['1.1'] ?? '', '2026-10-01', 'red', 'Audit found gaps in supervision records.');
    plan.update(ids['2.1'] ?? '', '2026-10-03', 'amber', 'Twelve offers made.');
    const kpi = await a.call('kpis.create', {
      planId: plan.planId,
      reference: 'K1',
      name: 'Re-referrals within 12 months',
      unit: 'percentage',
      polarity: 'lower-is-better',
      frequency: 'monthly',
      targetValue: 20,
      tolerance: 2,
    });
    ids.kpi = kpi.id;
    await a.call('kpis.setLinks', { kpiId: kpi.id, themeIds: [practice], actionIds: [] });
    await a.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpi.id, period: '2026-08', value: 24.5 }, { kpiId: kpi.id, period: '2026-09', value: 23 }] });
    b = open();
    await importBundle(b, (await exportAndDownload(a, { planId: plan.planId, classification: 'official', withPdf: false })).bytes);
  });

  const back = async (from: TestApp, to: TestApp, options: Parameters<typeof importBundle>[2] = {}) =>
    importBundle(to, (await exportAndDownload(from, { planId: plan.planId, classification: 'official', withPdf: false })).bytes, options);

  it('takes what was changed over there, loses nothing, doubles nothing and carries deletions', async () => {
    const added = await b.call('actions.create', { planId: plan.planId, reference: '1.3', themeId: ids.practice, title: 'Introduce group supervision', dueDate: '2027-01-31' });
    await b.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision in every team', rag: 'amber' });
    await b.call('actions.delete', { actionId: ids['1.2'] ?? '' });
    await b.call('progressUpdates.create', { actionId: ids['2.1'] ?? '', updateDate: '2026-11-15', narrative: 'Nine ASYEs started.', rag: 'green', authorName: 'Head of workforce' });
    await b.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpiId(), period: '2026-09', value: 22.5, provisional: true }, { kpiId: kpiId(), period: '2026-10', value: 21 }] });
    await b.call('evidence.addFile', { actionId: added.id, fileName: 'terms of reference.txt', mediaType: 'text/plain', contentBase64: Buffer.from('Group supervision: terms of reference').toString('base64') });
    await b.call('evidence.addNote', { actionId: ids['1.1'] ?? '', title: 'Audit tool', note: 'Uses the regional audit tool.' });

    const { inspection, applied } = await back(b, a);
    expect(inspection.conflicts).toEqual([]);
    const kind = (name: string) => inspection.kinds.find((entry) => entry.kind === name);
    expect(kind('actions')).toMatchObject({ added: 1, changed: 1, deleted: 1, conflicts: 0 });
    expect(kind('actions')?.examples).toEqual(
      expect.arrayContaining([
        { change: 'added', description: 'Action 1.3: Introduce group supervision' },
        { change: 'changed', description: 'Action 1.1: Audit supervision in every team' },
        { change: 'deleted', description: 'Action 1.2: Refresh the practice model' },
      ]),
    );
    expect(kind('kpi_values')).toMatchObject({ kindLabel: 'KPI value', added: 1, changed: 1, unchanged: 1 });
    expect(kind('kpi_values')?.examples).toContainEqual({ change: 'changed', description: 'KPI K1: Re-referrals within 12 months, September 2026' });
    expect(inspection.attachments).toMatchObject({ added: 1 });
    expect(applied).toMatchObject({ deleted: 1 });

    // Both copies now hold exactly the same records, column for column.
    expect(planRecords(a, plan.planId)).toEqual(planRecords(b, plan.planId));
    const actions = await a.call('actions.list', { planId: plan.planId });
    expect(actions.map((action) => action.reference).sort()).toEqual(['1.1', '1.3', '2.1']);
    expect(rawRows(a, 'actions').filter((row) => row.id === ids['1.2'])).toMatchObject([{ deleted_at: expect.any(String) }]);
    expect(rawRows(a, 'kpi_values')).toHaveLength(3);
    // The import is one audited change, and the history is still whole.
    const changes = new Set(rawRows(a, 'audit_log').filter((row) => row.actor === 'test user' && row.at === '2026-11-22T10:30:00.000Z').map((row) => row.change_id));
    expect(changes.size).toBeGreaterThanOrEqual(1);
    expect((await a.call('db.check', {})).ok).toBe(true);

    // Sent back again, nothing changes on either side.
    const again = await back(a, b);
    expect(again.inspection.hasChanges).toBe(false);
    expect(planRecords(a, plan.planId)).toEqual(planRecords(b, plan.planId));
  });

  it('is undone as one change, putting back what was here', async () => {
    await b.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision in every team' });
    await b.call('actions.delete', { actionId: ids['1.2'] ?? '' });
    const added = await b.call('actions.create', { planId: plan.planId, reference: '1.3', title: 'Introduce group supervision' });
    const gone = await b.call('actions.create', { planId: plan.planId, reference: '1.4', title: 'Made and deleted over there' });
    await b.call('actions.delete', { actionId: gone.id });
    const before = (await a.call('actions.list', { planId: plan.planId })).map(({ id, title }) => ({ id, title }));
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    const transferId = await sendBundle(a, bytes);
    await a.call('bundles.inspect', { transferId, passphrase: null });
    const applied = await a.send('bundles.apply', { transferId, passphrase: null });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.changes).toHaveLength(1);
    await a.call('changes.undo', { changeId: applied.changes?.[0] ?? '' });
    expect((await a.call('actions.list', { planId: plan.planId })).map(({ id, title }) => ({ id, title }))).toEqual(before);
    expect(rawRows(a, 'actions', [added.id])).toMatchObject([{ deleted_at: expect.any(String) }]);
    expect((await a.call('db.check', {})).ok).toBe(true);
  });

  it('merges changes to different records on both sides on their own', async () => {
    await a.call('actions.update', { actionId: ids['1.1'] ?? '', status: 'awaiting-evidence' });
    await b.call('actions.update', { actionId: ids['2.1'] ?? '', title: 'Recruit and keep ASYEs' });
    await a.call('actions.delete', { actionId: ids['1.2'] ?? '' });
    const { inspection } = await back(b, a);
    expect(inspection.conflicts).toEqual([]);
    expect(inspection.kinds.find((kind) => kind.kind === 'actions')).toMatchObject({ changed: 1, keptHere: 2, deleted: 0 });
    const actions = await a.call('actions.list', { planId: plan.planId });
    expect(actions.find((action) => action.id === ids['1.1'])?.status).toBe('awaiting-evidence');
    expect(actions.find((action) => action.id === ids['2.1'])?.title).toBe('Recruit and keep ASYEs');
    expect(actions.find((action) => action.id === ids['1.2'])).toBeUndefined();
  });

  it('plans the import afresh when the plan here changed after the preview was shown', async () => {
    await b.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision quarterly' });
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    const transferId = await sendBundle(a, bytes);
    const preview = await a.call('bundles.inspect', { transferId, passphrase: null });
    expect(preview.conflicts).toEqual([]);

    // Someone edits the same action here while the preview is on screen: applying now would
    // overwrite that edit, so the import must see it and stop at the conflict.
    await a.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision monthly' });
    const before = databaseBytes(a);
    const refused = await a.send('bundles.apply', { transferId, passphrase: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'unresolved-conflicts' } } });
    expect(databaseBytes(a)).toBe(before);
    expect((await a.call('actions.get', { actionId: ids['1.1'] ?? '' })).title).toBe('Audit supervision monthly');
  });

  it('shows a field changed on both sides side by side, refuses to apply until it is decided, then applies either side', async () => {
    await a.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision monthly', ownerId: ids.lead });
    await b.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision quarterly' });
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });

    const transferId = await sendBundle(a, bytes);
    const inspection = await a.call('bundles.inspect', { transferId, passphrase: null });
    expect(inspection.conflicts).toEqual([
      {
        kind: 'actions',
        kindLabel: 'action',
        id: ids['1.1'],
        description: 'Action 1.1: Audit supervision monthly',
        deletedHere: false,
        deletedIncoming: false,
        fields: [
          { field: 'title', label: 'Title', here: 'Audit supervision monthly', incoming: 'Audit supervision quarterly' },
          { field: 'ownerId', label: 'Owner', here: 'Dana Hughes', incoming: '(empty)' },
        ],
        hereChangedBy: 'test user',
        hereChangedAt: '22 November 2026 at 10:30',
        incomingChangedBy: 'test user',
        incomingChangedAt: '22 November 2026 at 10:30',
      },
    ]);
    expect(inspection.kinds.find((kind) => kind.kind === 'actions')?.conflicts).toBe(1);

    const before = databaseBytes(a);
    const refused = await a.send('bundles.apply', { transferId, passphrase: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'unresolved-conflicts' } } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^Nothing was saved: one record was changed both here and in the bundle/);
    expect(databaseBytes(a)).toBe(before);

    await a.call('bundles.apply', { transferId, passphrase: null, resolutions: { [ids['1.1'] ?? '']: 'here' } });
    expect((await a.call('actions.get', { actionId: ids['1.1'] ?? '' })).title).toBe('Audit supervision monthly');

    // The same bundle again asks nothing: that version was decided on already.
    const { inspection: again } = await importBundle(a, bytes);
    expect(again.conflicts).toEqual([]);
    expect((await a.call('actions.get', { actionId: ids['1.1'] ?? '' })).title).toBe('Audit supervision monthly');

    // Changed there once more, it is a conflict again, and this time the bundle's side is taken.
    await b.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision quarterly in every team' });
    const { inspection: second } = await back(b, a, { resolve: 'incoming' });
    expect(second.conflicts).toHaveLength(1);
    const taken = await a.call('actions.get', { actionId: ids['1.1'] ?? '' });
    expect(taken.title).toBe('Audit supervision quarterly in every team');
    expect(taken.owner).toBeNull();
  });

  it('takes a change sent in a later bundle when an earlier one was made and never imported', async () => {
    await a.call('actions.update', { actionId: ids['1.1'] ?? '', title: 'Audit supervision in every team' });
    // A bundle made and put aside (a wrong marking, say), then the one that is sent.
    await a.call('bundles.forgetExport', { exportId: (await exportAndDownload(a, { planId: plan.planId, classification: 'official-sensitive', withPdf: false })).exported.exportId });
    const { inspection } = await back(a, b);
    expect(inspection.conflicts).toEqual([]);
    expect(inspection.kinds.find((kind) => kind.kind === 'actions')).toMatchObject({ changed: 1, keptHere: 0 });
    expect((await b.call('actions.get', { actionId: ids['1.1'] ?? '' })).title).toBe('Audit supervision in every team');
  });

  it('a record deleted on one side and changed on the other is a conflict that says so', async () => {
    await a.call('actions.delete', { actionId: ids['1.2'] ?? '' });
    await b.call('actions.update', { actionId: ids['1.2'] ?? '', rag: 'red' });
    const { inspection } = await back(b, a, { resolve: 'incoming' });
    expect(inspection.conflicts).toMatchObject([{ id: ids['1.2'], deletedHere: true, deletedIncoming: false }]);
    expect(inspection.conflicts[0]?.fields.map((field) => field.field).sort()).toEqual(['deletedAt', 'rag']);
    expect((await a.call('actions.list', { planId: plan.planId })).find((action) => action.id === ids['1.2'])?.rag).toBe('red');
  });

  it('matches a KPI value entered for the same period on both sides: the same figure merges, a different one is a conflict', async () => {
    await a.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpiId(), period: '2026-10', value: 21 }, { kpiId: kpiId(), period: '2026-11', value: 19.5 }] });
    await b.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: kpiId(), period: '2026-10', value: 21 }, { kpiId: kpiId(), period: '2026-11', value: 18 }] });
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    const transferId = await sendBundle(a, bytes);
    const inspection = await a.call('bundles.inspect', { transferId, passphrase: null });
    expect(inspection.kinds.find((kind) => kind.kind === 'kpi_values')).toMatchObject({ added: 0, unchanged: 3, conflicts: 1 });
    const [conflict] = inspection.conflicts;
    expect(conflict).toMatchObject({ kindLabel: 'KPI value', description: 'KPI K1: Re-referrals within 12 months, November 2026', fields: [{ field: 'value', here: '19.5', incoming: '18' }] });
    await a.call('bundles.apply', { transferId, passphrase: null, resolutions: { [conflict?.id ?? '']: 'incoming' } });
    const values = rawRows(a, 'kpi_values').filter((row) => row.period === '2026-11');
    expect(values).toMatchObject([{ value: 18 }]);
    expect(rawRows(a, 'kpi_values')).toHaveLength(4);
  });

  it('refuses two different actions given the same number on each side, naming both, and changes nothing', async () => {
    await a.call('actions.create', { planId: plan.planId, reference: '2.2', title: 'Open an academy' });
    await b.call('actions.create', { planId: plan.planId, reference: '2.2', title: 'Cut agency use' });
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    const transferId = await sendBundle(a, bytes);
    const before = databaseBytes(a);
    const answer = await a.send('bundles.apply', { transferId, passphrase: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'reference-clash' } } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/action 2\.2 is “Open an academy” here but “Cut agency use” in the bundle/);
    expect(databaseBytes(a)).toBe(before);
  });

  it('trusts the signer when asked, and knows the key next time', async () => {
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    const first = await importBundle(a, bytes, { trustSignerAs: 'Practice theme lead' });
    expect(first.inspection.signer.trust).toBe('unknown');
    const key = await b.call('bundles.signingKey', {});
    expect(await a.call('bundles.trustedKeys', {})).toEqual([{ fingerprint: key.fingerprint, label: 'Practice theme lead', addedAt: '2026-11-22T10:30:00.000Z' }]);
    const transferId = await sendBundle(a, bytes);
    expect((await a.call('bundles.inspect', { transferId, passphrase: null })).signer).toEqual({ fingerprint: key.fingerprint, trust: 'trusted', label: 'Practice theme lead' });
    await a.call('bundles.forgetKey', { fingerprint: key.fingerprint });
    expect(await a.call('bundles.trustedKeys', {})).toEqual([]);
    expect(await a.send('bundles.forgetKey', { fingerprint: key.fingerprint })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses changes to a version of the plan superseded here, saying so', async () => {
    const { bytes } = await exportAndDownload(b, { planId: plan.planId, classification: 'official', withPdf: false });
    a.core.db.$client.prepare("update plans set status = 'superseded' where id = ?").run(plan.planId);
    const transferId = await sendBundle(a, bytes);
    const answer = await a.send('bundles.inspect', { transferId, passphrase: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'superseded-plan' } } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/superseded here: this is version 1 of “Children’s services improvement plan”, superseded/);
  });
});

describe('a theme’s bundle, for its lead', () => {
  it('holds the plan’s frame and only the theme’s actions, KPIs and links, and merges back without touching the rest', async () => {
    const a = open();
    const plan = new PlanBuilder(a);
    const practice = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice' });
    const workforce = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Workforce' });
    const mine = plan.action({ reference: '1.1', themeId: practice, title: 'Audit supervision' });
    const other = plan.action({ reference: '2.1', themeId: workforce, title: 'Recruit ASYEs' });
    plan.add(schema.actionDependencies, { actionId: mine, dependsOnActionId: other });
    plan.update(mine, '2026-10-01', 'amber');
    plan.update(other, '2026-10-02', 'red');
    const linkedByTheme = await a.call('kpis.create', { planId: plan.planId, reference: 'K1', name: 'Supervision on time', unit: 'percentage', polarity: 'higher-is-better', frequency: 'monthly' });
    const linkedByAction = await a.call('kpis.create', { planId: plan.planId, reference: 'K2', name: 'Audits graded good', unit: 'percentage', polarity: 'higher-is-better', frequency: 'monthly' });
    const otherKpi = await a.call('kpis.create', { planId: plan.planId, reference: 'K3', name: 'Agency workers', unit: 'count', polarity: 'lower-is-better', frequency: 'monthly' });
    await a.call('kpis.setLinks', { kpiId: linkedByTheme.id, themeIds: [practice, workforce], actionIds: [] });
    await a.call('kpis.setLinks', { kpiId: linkedByAction.id, themeIds: [], actionIds: [mine] });
    await a.call('kpis.setLinks', { kpiId: otherKpi.id, themeIds: [workforce], actionIds: [other] });
    await a.call('kpis.setValues', { planId: plan.planId, cells: [linkedByTheme, linkedByAction, otherKpi].map((kpi) => ({ kpiId: kpi.id, period: '2026-09', value: 50 })) });
    plan.add(schema.budgetLines, { planId: plan.planId, name: 'Academy', kind: 'one-off' });

    const { exported, bytes } = await exportAndDownload(a, { planId: plan.planId, themeId: practice, classification: 'official', withPdf: true });
    expect(exported.fileName).toBe('Northmoor improvement plan, theme 1 Practice 2026-11-22 OFFICIAL.g2g');
    const data = await readData(bytes);
    const idsOf = (table: string) => (data.tables[table] ?? []).map((row) => row.id).sort();
    expect(idsOf('themes')).toEqual([practice, workforce].sort());
    expect(idsOf('actions')).toEqual([mine]);
    expect(idsOf('kpis')).toEqual([linkedByTheme.id, linkedByAction.id].sort());
    expect(data.tables.kpi_values).toHaveLength(2);
    expect(data.tables.kpi_themes?.map((row) => row.themeId).sort()).toEqual([practice, workforce].sort());
    expect(data.tables.action_dependencies).toEqual([]);
    expect(data.tables.progress_updates?.map((row) => row.actionId)).toEqual([mine]);
    for (const table of ['budget_lines', 'packs', 'committees', 'workforce_projections', 'reviews', 'risks']) expect(data.tables[table] ?? [], table).toEqual([]);
    const manifest = JSON.parse((await readArchive(bytes)).get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.scope).toEqual({ themeId: practice, themeTitle: '1 Practice' });

    const b = open();
    const { inspection } = await importBundle(b, bytes);
    expect(inspection.themeTitle).toBe('1 Practice');
    await b.call('actions.update', { actionId: mine, rag: 'green', status: 'complete', completedDate: '2026-11-20' });
    await b.call('progressUpdates.create', { actionId: mine, updateDate: '2026-11-20', narrative: 'Audit complete.', rag: 'green', authorName: 'Practice lead' });
    await b.call('kpis.setValues', { planId: plan.planId, cells: [{ kpiId: linkedByAction.id, period: '2026-10', value: 64 }] });

    const untouched = rawRows(a, 'actions', [other]);
    const returned = await importBundle(a, (await exportAndDownload(b, { planId: plan.planId, themeId: practice, classification: 'official' })).bytes);
    expect(returned.inspection.conflicts).toEqual([]);
    expect(returned.applied).toMatchObject({ added: 2, changed: 1, deleted: 0 });
    expect(rawRows(a, 'actions', [other])).toEqual(untouched);
    expect((await a.call('actions.get', { actionId: mine })).status).toBe('complete');
    expect(rawRows(a, 'budget_lines')).toHaveLength(1);
    expect(rawRows(a, 'action_dependencies')).toHaveLength(1);
  });
});

describe('sending it by email', () => {
  it('writes the bundle and an unsent email with it attached into the folder, making the folder', async () => {
    const a = open();
    const plan = new PlanBuilder(a);
    plan.action({ reference: '1.1', title: 'Audit supervision' });
    const { exported, bytes } = await exportAndDownload(a, { planId: plan.planId, classification: 'official-sensitive', passphrase: 'correct horse battery staple' });
    const folder = path.join(a.dataDirectory, 'mail', 'drafts');
    const draft = await a.call('bundles.prepareEmail', { exportId: exported.exportId, folder });
    expect(draft).toEqual({
      bundlePath: path.join(folder, 'Northmoor improvement plan 2026-11-22 OFFICIAL-SENSITIVE.g2g'),
      emailPath: path.join(folder, 'Northmoor improvement plan 2026-11-22 OFFICIAL-SENSITIVE.eml'),
      subject: '[OFFICIAL-SENSITIVE] Northmoor improvement plan: plan bundle',
    });
    expect(fs.readFileSync(draft.bundlePath).equals(bytes)).toBe(true);
    const email = fs.readFileSync(draft.emailPath, 'utf8');
    expect(email).toMatch(/^X-Unsent: 1\r?$/m);
    expect(email).toMatch(/^Subject: \[OFFICIAL-SENSITIVE\] Northmoor improvement plan: plan bundle\r?$/m);
    expect(email).not.toMatch(/^To:/m);
    // The words are quoted-printable: soft line breaks joined, escaped bytes read as UTF-8.
    const quoted = /Content-Transfer-Encoding: quoted-printable\r\n\r\n([\s\S]*?)\r\n----/.exec(email)?.[1] ?? '';
    const joined = quoted.replace(/=\r\n/g, '');
    const body = Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    expect(body).toMatch(/^OFFICIAL-SENSITIVE\r\n/);
    expect(body).toContain(exported.fingerprint);
    expect(body).toContain('a passphrase, which I will give you separately');
    expect(body).toContain('change the end of its name from .g2g to .zip');
    // The attachment is the bundle, byte for byte.
    const attached = /Content-Disposition: attachment;[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(email)?.[1]?.replace(/\s+/g, '') ?? '';
    expect(Buffer.from(attached, 'base64').equals(bytes)).toBe(true);

    // A second draft of the same bundle does not overwrite the first.
    const second = await a.call('bundles.prepareEmail', { exportId: exported.exportId, folder });
    expect(path.basename(second.bundlePath)).toBe('Northmoor improvement plan 2026-11-22 OFFICIAL-SENSITIVE (2).g2g');
  });

  it('says plainly when the folder named is a file, without codes a person cannot read', async () => {
    const a = open();
    const plan = new PlanBuilder(a);
    const { exported } = await exportAndDownload(a, { planId: plan.planId, classification: 'official', withPdf: false });
    const notAFolder = path.join(a.dataDirectory, 'minutes.txt');
    fs.writeFileSync(notAFolder, 'Minutes of the board.');
    const answer = await a.send('bundles.prepareEmail', { exportId: exported.exportId, folder: notAFolder });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'folder' }] } } });
    expect(answer.ok ? '' : answer.error.message).toContain('that is a file, not a folder');
    expect(answer.ok ? '' : answer.error.message).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(fs.readFileSync(notAFolder, 'utf8')).toBe('Minutes of the board.');
  });

  it('refuses a folder given without its full path', async () => {
    const a = open();
    const plan = new PlanBuilder(a);
    const { exported } = await exportAndDownload(a, { planId: plan.planId, classification: 'official' });
    const answer = await a.send('bundles.prepareEmail', { exportId: exported.exportId, folder: 'Documents/Outgoing' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'folder' }] } } });
  });

  it('suggests Documents/Getting to Good/Outgoing, or a folder in the data folder when there are no Documents', async () => {
    const a = open();
    const { defaultEmailFolder } = await import('../../electron/core/handlers/bundles');
    const home = path.join(a.dataDirectory, 'home');
    expect(defaultEmailFolder(a.core, home)).toBe(path.join(a.dataDirectory, 'outgoing-email'));
    fs.mkdirSync(path.join(home, 'Documents'), { recursive: true });
    expect(defaultEmailFolder(a.core, home)).toBe(path.join(home, 'Documents', 'Getting to Good', 'Outgoing'));
    expect((await a.call('bundles.defaultFolder', {})).folder).toMatch(/(Getting to Good.Outgoing|outgoing-email)$/);
  });
});

describe('the plan as a PDF, printed for real', () => {
  it('prints the whole plan as an improvement board report with the bundle’s marking on every page, saving nothing', async () => {
    const renderer = path.resolve(import.meta.dirname, '../../out/renderer');
    if (!fs.existsSync(path.join(renderer, 'index.html'))) throw new Error('Build the app first (npm run build): the print view is served from out/renderer.');
    const a = open({ seedDemo: true });
    const served = await serveApp(a, { rendererDirectory: renderer });
    try {
      const [plan] = await a.call('plans.list', {});
      const packs = rawRows(a, 'packs').length;
      const { exported, bytes } = await exportAndDownload(a, { planId: plan?.id ?? '', classification: 'official-sensitive' });
      expect(exported.readableCopies).toContain('plan.pdf');
      const pdf = (await readArchive(bytes)).get('readable/plan.pdf');
      const reading = readPdf(new Uint8Array(pdf ?? Buffer.alloc(0)));
      expect(reading.pageCount).toBeGreaterThan(3);
      expect(flat(reading.pages[0] ?? '')).toContain(`${plan?.title}: improvement plan`);
      for (const page of reading.pages) expect(page).toContain('OFFICIAL-SENSITIVE');
      expect(flat(reading.pages.join(' '))).toContain('Appendix A: the action plan');
      expect(rawRows(a, 'packs')).toHaveLength(packs);
    } finally {
      await served.close();
    }
  }, 120_000);
});

describe('migration 0003_bundles', () => {
  it('adds the bundle tables to a populated database without losing a row', async () => {
    const folder = path.join(makeTempDirectory('g2g-migrations-'), 'migrations');
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((entry) => entry.tag === '0003_bundles');
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const earlier = openTestApp({ seedDemo: true, migrationsFolder: folder });
    earlier.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    earlier.close();
    const counts = (sqlite: Sqlite.Database) => ['plans', 'actions', 'kpi_values', 'audit_log', 'trusted_keys'].map((table) => sqlite.prepare(`select count(*) from ${table}`).pluck().get());
    const before = new Sqlite(earlier.databaseFile, { readonly: true });
    const countsBefore = counts(before);
    expect(before.prepare("select count(*) from sqlite_master where name in ('bundle_bases', 'bundle_log')").pluck().get()).toBe(0);
    before.close();

    const opened = openDatabase({ file: earlier.databaseFile, migrationsFolder: MIGRATIONS_FOLDER });
    expect(opened.preMigrationBackup).not.toBeNull();
    expect(counts(opened.sqlite)).toEqual(countsBefore);
    expect(opened.sqlite.prepare('select count(*) from bundle_bases').pluck().get()).toBe(0);
    expect(opened.sqlite.prepare('select count(*) from bundle_log').pluck().get()).toBe(0);
    opened.sqlite.close();
  });
});

describe('the action plan as a spreadsheet', () => {
  it('holds the action plan of the bundle’s scope as a workbook for Excel, named in the README', async () => {
    const a = open();
    const plan = new PlanBuilder(a);
    const practice = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice' });
    const workforce = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Workforce' });
    plan.action({ reference: '1.1', themeId: practice, title: 'Audit supervision' });
    plan.action({ reference: '2.1', themeId: workforce, title: 'Recruit ASYEs' });
    const texts = async (themeId: string | null) => {
      const { exported, bytes } = await exportAndDownload(a, { planId: plan.planId, themeId, classification: 'official', withPdf: false });
      expect(exported.readableCopies).toEqual(['action-plan.xlsx']);
      const files = await readArchive(bytes);
      expect(files.get('README.txt')?.toString('utf8')).toContain('readable/action-plan.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(files.get('readable/action-plan.xlsx') as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
      return cells;
    };
    const whole = await texts(null);
    expect(whole).toEqual(expect.arrayContaining(['Audit supervision', 'Recruit ASYEs']));
    const theme = await texts(practice);
    expect(theme).toContain('Audit supervision');
    expect(theme).not.toContain('Recruit ASYEs');
  });
});
