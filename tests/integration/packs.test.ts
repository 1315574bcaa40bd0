// Committee packs through the contract on a real database (DOMAIN.md section 6): the document
// every output renders, numbered as councils number reports; what the app fills from the plan;
// and issuing, which freezes the pack as it went to the meeting. The printer here stands in for
// Chromium (its real output is tested in pack-pdf.test.ts and the end-to-end tests).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { PackBlock, PackDocument } from '../../shared/contract-packs';
import type { PackPrinter } from '../../electron/core/printing/printer';
import { PlanBuilder } from '../support/plan-builder';
import { openTestApp, type TestApp } from '../support/temp-app';

let app: TestApp;
let plan: PlanBuilder;
let meetingId: string;
let actionIds: Record<string, string>;

class PrinterDouble implements PackPrinter {
  printed: string[] = [];
  failWith: string | null = null;
  /** Runs while the pack is being printed, as the print view would read it. */
  during: ((packId: string) => Promise<void>) | null = null;
  async printPack(packId: string): Promise<Uint8Array> {
    await this.during?.(packId);
    if (this.failWith) throw new Error(this.failWith);
    this.printed.push(packId);
    return new TextEncoder().encode(`%PDF-1.7 pack ${packId} print ${this.printed.length}`);
  }
  async chartImages(): Promise<Map<string, Uint8Array>> {
    return new Map();
  }
  async close(): Promise<void> {}
}

beforeEach(async () => {
  app = openTestApp({ clock: () => new Date('2026-07-20T09:00:00Z') });
  plan = new PlanBuilder(app);
  const lead = plan.person('Dana Hughes');
  const practice = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice', leadId: lead });
  const workforce = plan.add(schema.themes, { planId: plan.planId, reference: '2', title: 'Workforce' });
  actionIds = {
    '1.1': plan.action({ reference: '1.1', themeId: practice, title: 'Audit supervision', rag: 'red', status: 'in-progress' }),
    '1.2': plan.action({ reference: '1.2', themeId: practice, title: 'Refresh the practice model', rag: 'green', status: 'in-progress' }),
    '2.1': plan.action({ reference: '2.1', themeId: workforce, title: 'Recruit ASYEs', rag: 'amber', status: 'in-progress' }),
  };
  plan.update(actionIds['1.1'] ?? '', '2026-05-10', 'red', 'Audit found gaps in supervision records.');
  plan.update(actionIds['1.1'] ?? '', '2026-06-20', 'red', 'Second audit planned for July.');
  plan.update(actionIds['2.1'] ?? '', '2026-03-01', 'amber', 'Before the period: not reported.');
  const committee = await app.call('committees.create', {
    planId: plan.planId,
    name: 'Improvement Board',
    kind: 'improvement-board',
    cadence: 'monthly',
    firstMeetingDate: '2026-07-14',
    scheduleUntil: '2026-09-30',
  });
  meetingId = committee.meetings[0]?.id ?? '';
});
afterEach(() => app.close());

const newPack = () => app.call('packs.create', { planId: plan.planId, meetingId, template: 'improvement-board', periodStart: '2026-04-01', periodEnd: '2026-06-30' });

const headings = (document: PackDocument) =>
  document.blocks.filter((block): block is Extract<PackBlock, { kind: 'heading' }> => block.kind === 'heading' && block.level === 1).map((block) => [block.number, block.text]);

const paragraphs = (document: PackDocument) =>
  document.blocks.filter((block): block is Extract<PackBlock, { kind: 'paragraph' }> => block.kind === 'paragraph');

const tables = (document: PackDocument) => document.blocks.filter((block): block is Extract<PackBlock, { kind: 'table' }> => block.kind === 'table');

describe('the pack document', () => {
  it('numbers the sections and their paragraphs as council reports do, with the appendix unnumbered', async () => {
    const pack = await newPack();
    expect(pack.title).toBe('Children’s services improvement plan: progress report');
    await app.call('packs.update', {
      packId: pack.id,
      content: {
        sections: ['summary', 'recommendations', 'progress', 'next-steps', 'action-plan'],
        summary: 'Progress has been steady.\n\nSupervision remains the main risk.',
        cover: { author: 'Sam Patel, Improvement Manager', keyDecision: true },
      },
    });
    const document = await app.call('packs.document', { packId: pack.id });
    expect(headings(document)).toEqual([
      ['1', 'Summary'],
      ['2', 'Recommendations'],
      ['3', 'Progress by theme'],
      ['4', 'Next steps'],
      [null, 'Appendix A: the action plan'],
    ]);
    expect(paragraphs(document).map((paragraph) => [paragraph.number, paragraph.text.slice(0, 30)])).toEqual([
      ['1.1', 'Progress has been steady.'],
      ['1.2', 'Supervision remains the main r'],
      ['2.1', 'The Board is recommended to no'],
      ['3.1', 'At the end of the reporting pe'],
      ['3.2', 'Lead: Dana Hughes. 2 actions ('],
      ['3.3', '1 action (0 red, 1 amber, 0 gr'],
      ['4.1', 'To be written.'],
    ]);
    expect(document.marking).toBe('OFFICIAL');
    expect(document.period).toBe('1 April 2026 to 30 June 2026 (Quarter 1 2026/27)');
    expect(document.cover).toMatchObject({ committee: 'Improvement Board', meetingDate: '14 July 2026' });
    expect(document.cover.fields).toContainEqual({ label: 'Report author', value: 'Sam Patel, Improvement Manager' });
    expect(document.cover.fields).toContainEqual({ label: 'Key decision', value: 'Yes' });
    expect(document.cover.fields).toContainEqual({ label: 'Classification', value: 'Public' });
    const appendix = tables(document).at(-1);
    expect(appendix?.rows.map((row) => [row[0]?.text, row[6]?.rag])).toEqual([
      ['1.1', 'red'],
      ['1.2', 'green'],
      ['2.1', 'amber'],
    ]);
  });

  it('lists each theme’s actions off track with their latest update inside the period only', async () => {
    const pack = await newPack();
    const document = await app.call('packs.document', { packId: pack.id });
    const practice = tables(document).find((table) => table.caption === 'Theme 1: actions rated red or amber');
    expect(practice?.rows.map((row) => [row[0]?.text, row[4]?.rag, row[5]?.text])).toEqual([['1.1', 'red', '20 Jun 2026: Second audit planned for July.']]);
    const workforce = tables(document).find((table) => table.caption === 'Theme 2: actions rated red or amber');
    expect(workforce?.rows.map((row) => [row[0]?.text, row[5]?.text])).toEqual([['2.1', 'No update in the period.']]);
    const byTheme = tables(document).find((table) => table.caption === 'Actions by theme and RAG rating');
    expect(byTheme?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['1. Practice', '1', '0', '1', '0', '0', 'Not reported before'],
      ['2. Workforce', '0', '1', '0', '0', '0', 'Not reported before'],
    ]);
  });

  it('marks every page OFFICIAL-SENSITIVE when the plan is, and says when a pack is exempt', async () => {
    app.core.write(plan.planId, (unit) => unit.db.update(schema.plans).set({ classification: 'official-sensitive' }).run());
    const pack = await newPack();
    await app.call('packs.update', { packId: pack.id, content: { cover: { exempt: true, exemptReason: 'Paragraph 2: information likely to identify an individual' } } });
    const document = await app.call('packs.document', { packId: pack.id });
    expect(document.marking).toBe('OFFICIAL-SENSITIVE');
    expect(document.cover.fields).toContainEqual({ label: 'Classification', value: 'Exempt from publication: Paragraph 2: information likely to identify an individual' });
  });

  it('refuses a meeting of another council, and a period that ends before it starts', async () => {
    const other = new PlanBuilder(app, { title: 'Another council' });
    const elsewhere = await app.call('committees.create', { planId: other.planId, name: 'Cabinet', kind: 'cabinet', cadence: 'quarterly', firstMeetingDate: '2026-07-01' });
    const answer = await app.send('packs.create', {
      planId: plan.planId,
      meetingId: elsewhere.meetings[0]?.id,
      template: 'cabinet',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'meetingId' }] } } });
    const pack = await newPack();
    const backwards = await app.send('packs.update', { packId: pack.id, periodEnd: '2026-03-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'periodEnd' }] } } });
  });
});

describe('issuing a pack', () => {
  it('freezes the document and the PDF: later edits to the plan never change it, and it cannot be edited or deleted', async () => {
    const printer = new PrinterDouble();
    app.core.printer = printer;
    const pack = await newPack();
    const issued = await app.call('packs.issue', { packId: pack.id });
    expect(issued).toMatchObject({ status: 'issued', hasPdf: true, issuedAt: '2026-07-20T09:00:00.000Z' });
    const frozen = await app.call('packs.document', { packId: pack.id });
    expect(frozen.issued).toBe(true);

    await app.call('actions.update', { actionId: actionIds['1.1'] ?? '', rag: 'green' });
    expect(await app.call('packs.document', { packId: pack.id })).toEqual(frozen);
    const pdf = await app.call('packs.pdf', { packId: pack.id });
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe(`%PDF-1.7 pack ${pack.id} print 1`);
    expect(pdf.fileName).toBe('Children’s services improvement plan progress report 2026-07-14.pdf');
    expect(printer.printed).toHaveLength(1);

    for (const [method, input] of [
      ['packs.update', { packId: pack.id, title: 'A new title' }],
      ['packs.delete', { packId: pack.id }],
      ['packs.issue', { packId: pack.id }],
    ] as const) {
      const answer = await app.send(method, input);
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }

    // The next pack reports the change since this one.
    const next = await app.call('packs.create', { planId: plan.planId, meetingId, template: 'improvement-board', periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    const document = await app.call('packs.document', { packId: next.id });
    expect(paragraphs(document).find((paragraph) => paragraph.number === '3.2')?.text).toBe(
      'Since the last report (Improvement Board, 14 July 2026), red actions have gone from 1 to 0, green from 1 to 2.',
    );
  });

  it('prints exactly the document it freezes, and saves the freeze and the PDF as one change', async () => {
    const printer = new PrinterDouble();
    let seenWhilePrinting: PackDocument | null = null;
    printer.during = async (packId) => {
      seenWhilePrinting = await app.call('packs.document', { packId });
      expect((await app.call('packs.get', { packId })).status).toBe('draft');
    };
    app.core.printer = printer;
    const pack = await newPack();
    await app.call('packs.issue', { packId: pack.id });
    expect(seenWhilePrinting).toEqual(await app.call('packs.document', { packId: pack.id }));
    const history = await app.call('audit.list', { planId: plan.planId, entityId: pack.id });
    expect(history.entries.map((entry) => entry.summary)).toEqual([
      'Issued committee pack “Children’s services improvement plan: progress report”',
      'Added committee pack “Children’s services improvement plan: progress report”',
    ]);
  });

  it('stays a draft, saying why, when it cannot be printed; and says so when there is no printer at all', async () => {
    const pack = await newPack();
    const none = await app.send('packs.issue', { packId: pack.id });
    expect(none).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const printer = new PrinterDouble();
    printer.failWith = 'Chromium closed unexpectedly';
    app.core.printer = printer;
    const failed = await app.send('packs.issue', { packId: pack.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: 'The pack was not issued, because it could not be printed: Chromium closed unexpectedly' } });
    expect(await app.call('packs.get', { packId: pack.id })).toMatchObject({ status: 'draft', issuedAt: null, hasPdf: false });
    expect((await app.call('packs.document', { packId: pack.id })).issued).toBe(false);
  });
});

describe('an issued pack in the plan’s history', () => {
  it('is listed as issued, and its issue cannot be undone', async () => {
    app.core.printer = new PrinterDouble();
    const pack = await newPack();
    await app.call('packs.issue', { packId: pack.id });
    const history = await app.call('audit.list', { planId: plan.planId });
    expect(history.entries.map((entry) => entry.summary)).toContain('Issued committee pack “Children’s services improvement plan: progress report”');
    const issue = history.entries.find((entry) => entry.summary.startsWith('Issued committee pack'));
    const undo = await app.send('changes.undo', { changeId: issue?.changeId });
    expect(undo).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await app.call('packs.get', { packId: pack.id })).status).toBe('issued');
  });
});

describe('a large plan', () => {
  it('lists at most 15 off-track actions a theme, red and soonest due first, and says where the rest are', async () => {
    const theme = plan.add(schema.themes, { planId: plan.planId, reference: '3', title: 'Sufficiency' });
    for (let index = 1; index <= 20; index += 1) {
      plan.action({ reference: `3.${index}`, themeId: theme, rag: index % 4 === 0 ? 'red' : 'amber', currentDueDate: `2026-08-${String(index).padStart(2, '0')}`, status: 'in-progress' });
    }
    const pack = await newPack();
    const document = await app.call('packs.document', { packId: pack.id });
    const table = tables(document).find((candidate) => candidate.caption === 'Theme 3: actions rated red or amber');
    expect(table?.rows).toHaveLength(15);
    expect(table?.rows.slice(0, 6).map((row) => row[0]?.text)).toEqual(['3.4', '3.8', '3.12', '3.16', '3.20', '3.1']);
    expect(table?.note).toBe('The 15 most pressing of 20 actions rated red or amber (red first); every action is in the action plan in Appendix A.');
  });
});
