// A committee pack printed for real: the demo plan on a real data folder, the real browser-mode
// host serving the built print view, and Debian's Chromium printing it, through the contract as
// the app calls it. The PDF is read back with poppler: every section and the cover, "Page N of M"
// and the plan's marking on every page, a tagged PDF with an outline, header rows repeated, each
// chart drawn whole on one page. Needs `npm run build` (the print view) and Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackDocument } from '../../shared/contract-packs';
import { PACK_SECTIONS } from '../../shared/vocabulary';
import { CLASSIFICATION_LABELS } from '../../shared/vocabulary';
import { serveApp, type ServedApp } from '../../electron/web/serve-app';
import { edges, flat, readPdf, type PdfReading } from './pack-pdf-reader';
import { openTestApp, type TestApp } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(ROOT, 'out/renderer');
const PRINTING_TIMEOUT_MS = 120_000;

const COVER = {
  author: 'Priya Shah, Head of Improvement',
  authorContact: 'priya.shah@northmoor.gov.uk',
  leadOfficer: 'Dr Anne Hollis, Director of Children’s Services',
  wardsAffected: 'All wards',
  keyDecision: true,
};
const SUMMARY = 'Practice is improving steadily. Caseloads in the assessment teams have fallen for the third quarter running.';

let app: TestApp;
let served: ServedApp;
let planId: string;
let packId: string;
let document: PackDocument;
let printed: PdfReading;

async function printPdf(id: string): Promise<PdfReading> {
  const file = await app.call('packs.pdf', { packId: id });
  expect(file.mediaType).toBe('application/pdf');
  expect(file.fileName).toMatch(/\.pdf$/);
  return readPdf(Buffer.from(file.base64, 'base64'));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the app first (npm run build): the print view is served from out/renderer.');
  app = openTestApp({ seedDemo: true });
  served = await serveApp(app, { rendererDirectory: RENDERER });
  const [plan] = await app.call('plans.list', {});
  planId = plan!.id;
  const committees = await app.call('committees.list', { planId });
  const board = committees.find((committee) => committee.kind === 'improvement-board')!;
  const meeting = board.meetings.at(-1)!;
  const pack = await app.call('packs.create', {
    planId,
    meetingId: meeting.id,
    template: 'improvement-board',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
  });
  packId = pack.id;
  await app.call('packs.update', { packId, content: { cover: COVER, summary: SUMMARY, sections: [...PACK_SECTIONS] } });
  document = await app.call('packs.document', { packId });
  printed = await printPdf(packId);
}, PRINTING_TIMEOUT_MS);

afterAll(async () => {
  await served?.close();
  app?.close();
});

const pageOf = (reading: PdfReading, text: string) => reading.pages.findIndex((page) => flat(page).includes(text)) + 1;

describe('a pack printed to PDF', () => {
  it('prints every section the pack includes, numbered and in order, each in the outline at its page', () => {
    const sections = document.blocks.filter((block) => block.kind === 'heading' && block.level === 1);
    expect(sections.map((heading) => heading.kind === 'heading' && heading.text)).toEqual([
      'Summary',
      'Recommendations',
      'Progress by theme',
      'Performance against the KPIs',
      'KPI trends',
      'Monitoring visits and reviews',
      'Workforce',
      'Finance',
      'Next steps',
      'Implications',
      'Appendix A: the action plan',
    ]);
    let previousPage = 1;
    for (const heading of sections) {
      if (heading.kind !== 'heading') continue;
      const printedAs = heading.number ? `${heading.number} ${heading.text}` : heading.text;
      const page = pageOf(printed, printedAs);
      expect(page, `“${printedAs}” is printed`).toBeGreaterThan(1);
      expect(page, `“${printedAs}” comes after the section before it`).toBeGreaterThanOrEqual(previousPage);
      previousPage = page;
      const inOutline = printed.outline.find((item) => item.title.replace(/\s+/g, '') === printedAs.replace(/\s+/g, ''));
      expect(inOutline, `“${printedAs}” is in the outline`).toMatchObject({ level: 1, page });
    }
    expect(flat(printed.pages.join('\n'))).toContain(SUMMARY);
  });

  it('prints the cover: council, meeting, date, agenda item, title, reporting period and every field', () => {
    const cover = flat(printed.pages[0]!);
    expect(cover).toContain(document.authority);
    expect(cover).toContain(document.cover.committee);
    expect(cover).toContain(document.cover.meetingDate);
    expect(document.cover.agendaItem).not.toBeNull();
    expect(cover).toContain(`Agenda item ${document.cover.agendaItem}`);
    expect(cover).toContain(document.period);
    for (const field of document.cover.fields) expect(cover, field.label).toContain(`${field.label} ${field.value}`);
    // What was written on the cover is printed, not only what the app filled in.
    for (const value of [COVER.author, COVER.authorContact, COVER.leadOfficer]) expect(cover).toContain(value);
    expect(cover).toMatch(/Key decision Yes/);
    expect(printed.info.Title).toContain(document.title);
  });

  it('numbers every page "Page N of M" at its foot and marks every page at its head with the plan’s classification', async () => {
    const [plan] = await app.call('plans.list', {});
    const marking = CLASSIFICATION_LABELS[plan!.classification];
    expect(document.marking).toBe(marking);
    const count = printed.pageCount;
    expect(printed.pages).toHaveLength(count);
    printed.pages.forEach((page, index) => {
      expect(edges(page), `page ${index + 1}`).toEqual({ top: marking, bottom: `Page ${index + 1} of ${count}` });
    });
  });

  it('is A4, tagged, with an outline and a sane number of pages', () => {
    expect(printed.info['Page size']).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(printed.info.Tagged).toBe('yes');
    expect(fs.readFileSync(printed.file).includes('/Outlines')).toBe(true);
    const pageBreaks = document.blocks.filter((block) => block.kind === 'page-break').length;
    const charts = document.blocks.filter((block) => block.kind === 'chart').length;
    // The cover, each forced break, and charts two or three to a page at most; never a runaway.
    expect(printed.pageCount).toBeGreaterThanOrEqual(1 + pageBreaks + Math.ceil(charts / 3));
    expect(printed.pageCount).toBeLessThanOrEqual(60);
    for (const [index, page] of printed.pages.entries()) expect(flat(page).length, `page ${index + 1} has content`).toBeGreaterThan(40);
  });

  it('repeats the action plan’s header row on every page it runs onto, and draws each chart whole on one page', () => {
    const appendix = document.blocks.find((block) => block.kind === 'table' && block.caption.toLowerCase().includes('action plan'));
    expect(appendix?.kind).toBe('table');
    const firstHeader = appendix?.kind === 'table' ? appendix.columns[0]!.header : '';
    const lastHeader = appendix?.kind === 'table' ? appendix.columns.at(-1)!.header : '';
    const start = pageOf(printed, 'Appendix A: the action plan');
    const appendixPages = printed.pages.slice(start - 1);
    expect(appendixPages.length).toBeGreaterThan(1);
    // The header row as it prints where the table starts, then the same line atop every page after.
    const headerLines = (page: string) =>
      page
        .split('\n')
        .map(flat)
        .filter((line) => line.startsWith(`${firstHeader} `) && line.endsWith(` ${lastHeader}`));
    const [headerRow] = headerLines(appendixPages[0]!);
    expect(headerRow).toBeDefined();
    for (const [index, page] of appendixPages.entries()) expect(headerLines(page), `appendix page ${index + 1}`).toEqual([headerRow]);

    const charts = document.blocks.filter((block) => block.kind === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    // A chart split across a page break would be drawn once on each page.
    expect(printed.images).toHaveLength(charts.length);
    for (const chart of charts) {
      if (chart.kind !== 'chart') continue;
      const page = pageOf(printed, chart.caption);
      expect(page, chart.caption).toBeGreaterThan(0);
      expect(printed.images.some((image) => image.page === page || image.page === page - 1), chart.caption).toBe(true);
    }
  });

  it('hands the Word file the chart images the print view drew: one PNG for each chart', async () => {
    const images = await served.printer.chartImages(packId);
    const charted = document.blocks.flatMap((block) => (block.kind === 'chart' ? [block.kpiId] : []));
    expect([...images.keys()].sort()).toEqual([...charted].sort());
    for (const png of images.values()) expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const docx = await app.call('packs.docx', {
      packId,
      charts: Object.fromEntries([...images].map(([kpiId, png]) => [kpiId, Buffer.from(png).toString('base64')])),
    });
    expect(docx.fileName).toMatch(/\.docx$/);
  }, PRINTING_TIMEOUT_MS);

  it('marks every page OFFICIAL-SENSITIVE once the plan is classified so', async () => {
    await app.call('plans.update', { planId, classification: 'official-sensitive' });
    const sensitive = await printPdf(packId);
    sensitive.pages.forEach((page, index) => {
      expect(edges(page), `page ${index + 1}`).toEqual({ top: 'OFFICIAL-SENSITIVE', bottom: `Page ${index + 1} of ${sensitive.pageCount}` });
    });
    await app.call('plans.update', { planId, classification: 'official' });
  }, PRINTING_TIMEOUT_MS);

  it('issues the pack with the PDF it printed, and answers that same file afterwards, whatever changes in the plan', async () => {
    const issued = await app.call('packs.issue', { packId });
    expect(issued).toMatchObject({ status: 'issued', hasPdf: true });
    const first = await app.call('packs.pdf', { packId });
    const reading = readPdf(Buffer.from(first.base64, 'base64'));
    expect(flat(reading.pages[0]!)).toContain(document.cover.committee);
    expect(edges(reading.pages[0]!).bottom).toBe(`Page 1 of ${reading.pageCount}`);
    await app.call('plans.update', { planId, title: 'A new title for the plan' });
    const again = await app.call('packs.pdf', { packId });
    expect(again.base64).toBe(first.base64);
  }, PRINTING_TIMEOUT_MS);
});
