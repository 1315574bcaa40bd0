// The Word file of a committee pack (DOMAIN.md section 6), opened by a real reader: LibreOffice
// converts it to PDF and poppler reads that back, page by page, as a councillor would see it.
// Councils paste these reports into their own Word templates, so the file itself is checked too:
// real headings, header rows that repeat, rows that never split, the charts as pictures.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPackDocx } from '../../electron/core/packs/docx';
import { PackDocument, type PackBlock, type PackCell } from '../../shared/contract-packs';
import type { KpiSeries } from '../../shared/contract-kpis';
import { RAG_VALUES } from '../../shared/rag';
import { makeTempDirectory } from '../support/temp-app';

const CONVERSION_TIMEOUT_MS = 120_000;

const KPI_DRAWN = '0196f1a0-0000-7000-8000-000000000001';
const KPI_MISSING = '0196f1a0-0000-7000-8000-000000000002';
const KPI_NOT_A_PNG = '0196f1a0-0000-7000-8000-000000000003';
const CHART_SIZE = { width: 900, height: 420 };
/** A4 less 2.5 cm margins each side (1418 twips), in points. */
const TEXT_WIDTH_POINTS = (11906 - 2 * 1418) / 20;

// ---------------------------------------------------------------- a chart as a real PNG

/** Encodes RGB pixels as a PNG: signature, IHDR, one IDAT, IEND, each chunk with its CRC. */
function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A trend line rising towards a dashed target, on axes with grid lines. */
function trendChartPng(): Uint8Array {
  const { width, height } = CHART_SIZE;
  const values = [61, 64, 63, 68, 72, 75, 78];
  const left = 70;
  const bottom = height - 50;
  const plotWidth = width - left - 30;
  const plotHeight = bottom - 30;
  const yOf = (value: number) => bottom - ((value - 50) / 50) * plotHeight;
  const lineY = (x: number) => {
    const position = ((x - left) / plotWidth) * (values.length - 1);
    const index = Math.min(values.length - 2, Math.floor(position));
    const [from, to] = [values[index] ?? 0, values[index + 1] ?? 0];
    return yOf(from + (to - from) * (position - index));
  };
  return encodePng(width, height, (x, y) => {
    if (x >= left && x <= left + plotWidth && Math.abs(y - lineY(x)) < 2.5) return [29, 79, 145];
    if (x >= left && Math.abs(y - yOf(85)) < 1.2 && Math.floor(x / 12) % 2 === 0) return [30, 107, 53];
    if ((x === left || y === bottom) && x >= left && y <= bottom) return [80, 90, 100];
    if (x > left && y < bottom && [60, 70, 80, 90].some((value) => Math.abs(y - yOf(value)) < 0.5)) return [225, 228, 232];
    return [255, 255, 255];
  });
}

// ---------------------------------------------------------------- a pack as the services assemble it

/** The item at `index`, going round the list. */
function cycle<T>(list: readonly [T, ...T[]], index: number): T {
  return list[index % list.length] ?? list[0];
}

const PRACTICE = ['front door', 'supervision', 'care planning', 'return home interview', 'case audit'] as const;
const LEADS = ['Head of Service, Children in Need', 'Principal Social Worker', 'Service Manager, MASH', 'Head of Corporate Parenting'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const actionRows = Array.from({ length: 70 }, (_, index) => ({
  reference: `AP-${String(index + 1).padStart(3, '0')}`,
  action: `Embed the revised ${cycle(PRACTICE, index)} practice standard across every team, with monthly audit of a sample of ${5 + (index % 7)} cases and feedback to practitioners through supervision`,
  updated: `${(index % 28) + 1} ${cycle(MONTHS, Math.floor(index / 28) + 1)} 2026`,
}));

function ragCell(index: number, text = ''): PackCell {
  return { rag: cycle(RAG_VALUES, index), text };
}

function series(id: string, reference: string, name: string): KpiSeries {
  return {
    kpi: {
      id,
      reference,
      name,
      definition: null,
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'quarterly',
      source: 'Local case management system',
      catalogueKey: null,
      baselineValue: 61,
      baselinePeriod: '2024-Q3',
      targetValue: 85,
      targetLower: null,
      targetUpper: null,
      tolerance: 5,
      themes: [],
      actions: [],
      valueCount: 2,
    },
    points: [
      { period: '2025-Q3', label: 'Q3 2025/26', start: '2025-10-01', end: '2025-12-31', value: 75, suppressionCode: null, provisional: false, note: null, rating: { rag: 'amber', explanation: '75% is within 10 points of the 85% target' } },
      { period: '2025-Q4', label: 'Q4 2025/26', start: '2026-01-01', end: '2026-03-31', value: 78, suppressionCode: null, provisional: false, note: null, rating: { rag: 'amber', explanation: '78% is within 10 points of the 85% target' } },
    ],
    comparators: [],
    events: [],
  };
}

const MONEY_ROWS = [
  ['2024/25', '£2,330,000', '£2,209,390', '£2,020,000', '£2,257,200', '£4,350,000', '£4,466,590'],
  ['2025/26', '£3,460,000', '£3,283,600', '£1,390,000', '£1,534,600', '£4,850,000', '£4,818,200'],
  ['All years', '£12,920,000', '£6,511,637', '£3,990,000', '£3,983,024', '£16,910,000', '£10,494,661'],
];

const blocks: PackBlock[] = [
  { kind: 'heading', level: 1, number: '1', text: 'Summary' },
  { kind: 'paragraph', number: '1.1', text: 'This report sets out progress against the improvement plan agreed after the Ofsted inspection of children’s services in November 2025, for the quarter to 31 March 2026.' },
  { kind: 'paragraph', number: '1.2', text: 'Of the 70 actions in the plan, 18 are complete, 34 are on track, 12 are at risk and 6 are off track. The Board’s attention is drawn to the actions on the front door, where recruitment has slipped.' },
  { kind: 'heading', level: 1, number: '2', text: 'Recommendations' },
  { kind: 'paragraph', number: '2.1', text: 'The Board is recommended to:' },
  { kind: 'list', items: ['note the progress made in the quarter;', 'agree the revised dates for the six actions off track;', 'ask for an update on front door recruitment at its next meeting.'] },
  { kind: 'heading', level: 1, number: '3', text: 'Progress by theme' },
  {
    kind: 'table',
    caption: 'Actions by theme and rating',
    columns: [
      { header: 'Theme', align: 'left', width: 4 },
      ...['Red', 'Amber', 'Green', 'Blue', 'Not rated'].map((header) => ({ header, align: 'right' as const, width: 1 })),
      { header: 'Since the last report', align: 'left', width: 3 },
    ],
    rows: [
      [{ text: '1. The front door' }, { text: '2' }, { text: '3' }, { text: '6' }, { text: '1' }, { text: '0' }, { text: 'One more off track' }],
      [{ text: '2. Quality of practice' }, { text: '1' }, { text: '4' }, { text: '9' }, { text: '5' }, { text: '0' }, { text: 'No change' }],
    ],
    note: null,
  },
  { kind: 'heading', level: 2, number: null, text: 'Theme 1: The front door' },
  { kind: 'paragraph', number: '3.1', text: 'The multi-agency safeguarding hub now screens every contact within one working day. Threshold decisions are audited weekly by the service manager.' },
  { kind: 'heading', level: 3, number: null, text: 'Actions due this quarter' },
  {
    kind: 'table',
    caption: 'Table 1: Front door actions due this quarter',
    columns: [
      { header: 'Ref', align: 'left', width: 1 },
      { header: 'Action', align: 'left', width: 4 },
      { header: 'Rating', align: 'left', width: 1.6 },
    ],
    rows: [
      [{ text: 'FD-01' }, { text: 'Recruit four permanent MASH social workers' }, ragCell(0, 'Two posts still vacant')],
      [{ text: 'FD-02' }, { text: 'Publish the revised threshold document with partners' }, ragCell(1)],
      [{ text: 'FD-03' }, { text: 'Weekly threshold audit by the service manager' }, ragCell(2)],
      [{ text: 'FD-04' }, { text: 'Train call handlers in the new screening tool' }, ragCell(3)],
    ],
    note: null,
  },
  { kind: 'paragraph', number: '3.2', text: 'Recruitment to the hub remains the main risk: two of the four posts are filled by agency staff until May.' },
  { kind: 'heading', level: 1, number: '4', text: 'Performance: the KPI scorecard' },
  {
    kind: 'table',
    caption: 'Table 2: KPI scorecard, Quarter 4 2025/26',
    columns: [
      { header: 'KPI', align: 'left', width: 4 },
      { header: 'Latest', align: 'right', width: 1.3 },
      { header: 'Target', align: 'right', width: 1.3 },
      { header: 'England', align: 'right', width: 1.3 },
      { header: 'Rating', align: 'left', width: 1.8 },
    ],
    rows: [
      [{ text: 'K01 Contacts screened within one working day' }, { text: '78%' }, { text: '85%' }, { text: '81%' }, ragCell(1)],
      [{ text: 'K02 Re-referrals within 12 months' }, { text: '24.5%' }, { text: '20%' }, { text: '22.4%' }, ragCell(0)],
      [{ text: 'K03 Children in care with a current plan', strong: true }, { text: '1,234' }, { text: '1,200' }, { text: '–' }, ragCell(2)],
    ],
    note: 'England figures are for the year to March 2025, the latest published.',
  },
  { kind: 'heading', level: 1, number: '5', text: 'Performance: trend charts' },
  { kind: 'chart', kpiId: KPI_DRAWN, caption: 'Chart 1: K01 Contacts screened within one working day', description: 'Line chart: rising from 61% in Quarter 3 2024/25 to 78% in Quarter 4 2025/26, below the target of 85%.' },
  { kind: 'chart', kpiId: KPI_MISSING, caption: 'Chart 2: K02 Re-referrals within 12 months', description: 'Line chart of re-referrals.' },
  { kind: 'chart', kpiId: KPI_NOT_A_PNG, caption: 'Chart 3: K03 Children in care with a current plan', description: 'Line chart of plans.' },
  { kind: 'heading', level: 1, number: '6', text: 'Implications' },
  { kind: 'heading', level: 2, number: null, text: 'Financial' },
  { kind: 'paragraph', number: '6.1', text: 'The agency cover for the hub costs £184,500 to the end of May, met from the improvement reserve.' },
  {
    kind: 'table',
    caption: 'Allocation and spend by financial year',
    columns: ['Financial year', 'Recurrent allocated', 'Recurrent spent', 'One-off allocated', 'One-off spent', 'Total allocated', 'Total spent'].map((header, index) => ({
      header,
      align: index === 0 ? ('left' as const) : ('right' as const),
      width: 2,
    })),
    rows: MONEY_ROWS.map((row) => row.map((text) => ({ text, strong: row[0] === 'All years' }))),
    note: null,
  },
  { kind: 'paragraph', number: null, text: 'Finance has reviewed this section.' },
  { kind: 'page-break' },
  { kind: 'heading', level: 1, number: null, text: 'Appendix: the action plan' },
  {
    kind: 'table',
    caption: 'Appendix table: every action with its rating',
    columns: [
      { header: 'Ref', align: 'left', width: 1.4 },
      { header: 'Action', align: 'left', width: 4.4 },
      { header: 'Lead', align: 'left', width: 2.2 },
      { header: 'Rating', align: 'left', width: 1.6 },
      { header: 'Last update', align: 'right', width: 2.5 },
    ],
    rows: actionRows.map((row, index) => [{ text: row.reference }, { text: row.action }, { text: cycle(LEADS, index) }, ragCell(index), { text: row.updated }]),
    note: 'Ratings are as at the last progress update.',
  },
];

const packDocument: PackDocument = PackDocument.parse({
  packId: '0196f1a0-0000-7000-8000-0000000000aa',
  marking: 'OFFICIAL-SENSITIVE',
  title: 'Improvement plan: progress report',
  authority: 'Northmoor Borough Council',
  cover: {
    committee: 'Children’s Services Improvement Board',
    meetingDate: '16 April 2026',
    agendaItem: '7',
    fields: [
      { label: 'Report title', value: 'Improvement plan: progress report' },
      { label: 'Reporting period', value: '1 January to 31 March 2026 (Quarter 4 2025/26)' },
      { label: 'Report author', value: 'Sam Okafor, Improvement Manager' },
      { label: 'Contact', value: 'sam.okafor@northmoor.example.gov.uk, 01632 960 412' },
      { label: 'Lead officer', value: 'Director of Children’s Services' },
      { label: 'Wards affected', value: 'All wards' },
      { label: 'Key decision', value: 'No' },
      { label: 'Classification', value: 'Public' },
    ],
  },
  period: 'Reporting period: 1 January to 31 March 2026 (Quarter 4 2025/26)',
  blocks,
  charts: [series(KPI_DRAWN, 'K01', 'Contacts screened within one working day')],
  facts: { ragCounts: { red: 6, amber: 12, green: 34, blue: 18 }, themes: {} },
  madeAt: '2026-04-02T09:00:00.000Z',
  issued: false,
});

// ---------------------------------------------------------------- the reader

let folder: string;
let docxFile: string;
let pdfFile: string;
let pages: string[];
let pageCount: number;
let chartPng: Uint8Array;

/** The Debian package each reader comes in. */
const PACKAGES: Record<string, string> = {
  soffice: 'libreoffice-writer-nogui',
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfimages: 'poppler-utils',
  pdftohtml: 'poppler-utils',
  unzip: 'unzip',
};

function run(command: string, args: string[], timeout = 30_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed, and the Word file is checked with it as a reader would open it: install the ${PACKAGES[command] ?? command} package.`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

function unzipped(entry: string): string {
  return run('unzip', ['-p', docxFile, entry]);
}

/** The words of a page with where poppler found them, in points from the top. */
function words(page: number): { text: string; top: number; bottom: number }[] {
  const boxes = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfFile, '-']);
  return [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    top: Number(match[1]),
    bottom: Number(match[2]),
    text: match[3] ?? '',
  }));
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textOf(page: number): string {
  return pages[page - 1] ?? '';
}

function pageOf(text: string): number {
  return pages.findIndex((page) => page.includes(text)) + 1;
}

beforeAll(async () => {
  folder = makeTempDirectory('g2g-pack-docx-');
  chartPng = trendChartPng();
  const charts = new Map<string, Uint8Array>([
    [KPI_DRAWN, chartPng],
    [KPI_NOT_A_PNG, new TextEncoder().encode('this is not a picture')],
  ]);
  docxFile = path.join(folder, 'pack.docx');
  fs.writeFileSync(docxFile, await renderPackDocx(packDocument, charts));
});

afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('a committee pack as a Word file, opened in LibreOffice', () => {
  beforeAll(() => {
    // A profile of its own, so runs side by side do not wait on one another's lock.
    const profile = path.join(folder, 'libreoffice-profile');
    run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', folder, docxFile],
      CONVERSION_TIMEOUT_MS,
    );
    pdfFile = path.join(folder, 'pack.pdf');
    expect(fs.existsSync(pdfFile), 'LibreOffice wrote no PDF').toBe(true);
    pageCount = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdfFile]))?.[1]);
    pages = run('pdftotext', ['-layout', pdfFile, '-']).split('\f').slice(0, pageCount);
  }, CONVERSION_TIMEOUT_MS + 30_000);

  it('has a sane number of A4 pages, each with the marking and "Page X of N"', () => {
    expect(pageCount).toBeGreaterThanOrEqual(6);
    expect(pageCount).toBeLessThanOrEqual(14);
    expect(pages).toHaveLength(pageCount);
    expect(run('pdfinfo', [pdfFile])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    pages.forEach((page, index) => {
      const lines = page.split('\n').map((line) => line.trim()).filter(Boolean);
      expect(lines[0], `the top of page ${index + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `the foot of page ${index + 1}`).toBe(`Page ${index + 1} of ${pageCount}`);
    });
  });

  it('prints the cover sheet on a page of its own', () => {
    const cover = textOf(1);
    for (const text of [
      'Northmoor Borough Council',
      'Children’s Services Improvement Board',
      'Date of meeting: 16 April 2026',
      'Agenda item: 7',
      'Improvement plan: progress report',
    ]) {
      expect(cover).toContain(text);
    }
    for (const field of packDocument.cover.fields) expect(cover).toMatch(new RegExp(`${field.label}\\s+${escaped(field.value.split(' ')[0] ?? '')}`));
    expect(cover).not.toContain('Summary');
    expect(pageOf('Summary')).toBe(2);
  });

  it('prints every heading with its number and every numbered paragraph with its number', () => {
    const text = pages.join('\n');
    for (const block of packDocument.blocks) {
      if (block.kind === 'heading') expect(text).toMatch(new RegExp(`^\\s*${block.number ? `${escaped(block.number)}\\s+` : ''}${escaped(block.text)}\\s*$`, 'm'));
      if (block.kind === 'paragraph') {
        const opening = block.text.split(' ').slice(0, 4).map(escaped).join('\\s+');
        expect(text).toMatch(new RegExp(`^\\s*${block.number ? `${escaped(block.number)}\\s+` : ''}${opening}`, 'm'));
      }
    }
    for (const item of ['note the progress made in the quarter;', 'agree the revised dates for the six actions off track;']) {
      expect(text).toMatch(new RegExp(`•\\s+${escaped(item)}`));
    }
  });

  it('starts the appendix on a new page after its page break', () => {
    const appendix = pageOf('Appendix: the action plan');
    expect(textOf(appendix)).not.toContain('Finance has reviewed this section.');
    expect(textOf(appendix - 1)).toContain('Finance has reviewed this section.');
  });

  it('repeats the long table’s header on every page it runs over and splits no row', () => {
    const first = pageOf('AP-001');
    const last = pageOf(`AP-${actionRows.length.toString().padStart(3, '0')}`);
    expect(last, 'the action plan runs over more than one page').toBeGreaterThan(first);
    for (let page = first; page <= last; page += 1) {
      const lines = textOf(page).split('\n').filter((line) => line.trim());
      const header = lines.findIndex((line) => /Ref\s+Action\s+Lead\s+Rating\s+Last update/.test(line));
      expect(header, `the header on page ${page}`).toBeGreaterThanOrEqual(0);
      // A row carried over from the page before would show its words with no reference.
      if (page > first) expect(lines[header + 1], `the first row on page ${page}`).toMatch(/^\s*AP-\d{3}\s/);
    }
    expect(pages.join('\n').match(/^\s*AP-\d{3}\s/gm)).toHaveLength(actionRows.length);
  });

  it('gives narrow columns room for their longest word, so no word is broken', () => {
    const text = pages.join('\n');
    expect(text).toMatch(/Theme\s+Red\s+Amber\s+Green\s+Blue\s+Not\s/);
    for (const value of MONEY_ROWS.flat()) expect(text).toMatch(new RegExp(`(^|\\s)${escaped(value)}(\\s|$)`, 'm'));
    expect(text).toMatch(/Financial\s+Recurrent\s+Recurrent\s+One-off\s+One-off\s+Total\s+Total spent/);
  });

  it('shows each RAG as its shape and its word, never colour alone', () => {
    const text = pages.join('\n');
    expect(text).toMatch(/■\s*Red\s+Two posts still/);
    expect(text).toMatch(/▲\s*Amber/);
    expect(text).toMatch(/●\s*Green/);
    expect(text).toMatch(/★\s*Blue/);
  });

  it('draws the chart it was given and says which charts are not available', () => {
    const images = run('pdfimages', ['-list', pdfFile]).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(new RegExp(`\\s${CHART_SIZE.width}\\s+${CHART_SIZE.height}\\s`));
    const text = pages.join('\n');
    expect(text).toContain('Chart 1: K01 Contacts screened within one working day');
    expect(text).toMatch(/Chart 2: K02 Re-referrals within 12 months\s+\(chart not available\)/);
    expect(text).toMatch(/Chart 3: K03 Children in care with a current plan\s+\(chart not available\)/);
    // Drawn at full size, not squeezed into a line of text: the next caption sits below it.
    const page = pageOf('Chart 1: K01');
    expect(pageOf('Chart 2: K02')).toBe(page);
    const placed = words(page);
    const captionOf = (number: string) => placed.find((word, index) => word.text === `${number}:` && placed[index - 1]?.text === 'Chart');
    const drawnHeight = (TEXT_WIDTH_POINTS * CHART_SIZE.height) / CHART_SIZE.width;
    expect(captionOf('2')!.top - captionOf('1')!.bottom).toBeGreaterThan(drawnHeight);
  });

  it('gives the PDF an outline from the Word headings', () => {
    const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdfFile]);
    const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((match) => match[1]);
    expect(outline).toEqual(expect.arrayContaining(['1 Summary', '3 Progress by theme', 'Theme 1: The front door', 'Actions due this quarter', 'Appendix: the action plan']));
  });
});

describe('the Word file itself', () => {
  it('marks header rows to repeat and rows not to split, and uses Word’s heading styles', () => {
    const document = unzipped('word/document.xml');
    const tables = packDocument.blocks.filter((block) => block.kind === 'table');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(tables.length);
    const rows = tables.reduce((sum, table) => sum + 1 + table.rows.length, packDocument.cover.fields.length);
    expect(document.match(/<w:cantSplit\/>/g)).toHaveLength(rows);
    for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(document).toContain(`<w:pStyle w:val="${style}"/>`);
    const styles = unzipped('word/styles.xml');
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
    expect(heading1).toContain('w:ascii="Arial"');
  });

  it('embeds the chart at the text width, keeping its shape, with the description as alt text', () => {
    const document = unzipped('word/document.xml');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document);
    expect(extent).not.toBeNull();
    const [width, height] = [Number(extent![1]), Number(extent![2])];
    expect(width / height).toBeCloseTo(CHART_SIZE.width / CHART_SIZE.height, 2);
    const textWidthEmu = TEXT_WIDTH_POINTS * 12700;
    expect(width).toBeLessThanOrEqual(textWidthEmu);
    expect(width).toBeGreaterThan(textWidthEmu * 0.95);
    expect(document).toContain('descr="Line chart: rising from 61% in Quarter 3 2024/25 to 78% in Quarter 4 2025/26, below the target of 85%."');
    const media = run('unzip', ['-Z1', docxFile]).split('\n').filter((entry) => entry.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(execFileSync('unzip', ['-p', docxFile, media[0] ?? '']).equals(Buffer.from(chartPng))).toBe(true);
  });

  it('carries the title and the authority in its properties, and page number fields in the footer', () => {
    const core = unzipped('docProps/core.xml');
    expect(core).toContain('<dc:title>Improvement plan: progress report</dc:title>');
    expect(core).toContain('<dc:creator>Northmoor Borough Council</dc:creator>');
    const footers = run('unzip', ['-Z1', docxFile]).split('\n').filter((entry) => /^word\/footer\d*\.xml$/.test(entry));
    const footer = footers.map(unzipped).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });
});
