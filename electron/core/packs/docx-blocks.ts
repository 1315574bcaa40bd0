// The blocks of a pack's document as Word paragraphs, lists, tables and pictures. The services
// decide the numbering and the wording; this only lays them out as a council report sets them.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { PackBlock, PackCell } from '../../../shared/contract-packs';
import { assertNever } from '../../../shared/errors';
import { RAG_DISPLAY, type Rag } from '../../../shared/rag';
import {
  BORDER_COLOUR,
  BULLET_LIST,
  CELL_SIDE_MARGIN,
  CHART_MAX_HEIGHT_PIXELS,
  HEADER_FILL,
  NUMBER_INDENT,
  RAG_CELL,
  RAG_SHAPE_CHARACTER,
  SYMBOL_FONT,
  TABLE_NOTE_STYLE,
  TABLE_TEXT_POINTS,
  TABLE_TEXT_SMALL_POINTS,
  TABLE_TEXT_SMALL_STYLE,
  TABLE_TEXT_STYLE,
  TEXT_WIDTH,
  TEXT_WIDTH_PIXELS,
} from './docx-layout';
import { pngSize } from './docx-png';
import { longestWordEms, shareWidths } from './docx-widths';

type Block<K extends PackBlock['kind']> = Extract<PackBlock, { kind: K }>;

interface Placement {
  /** The block starts a new page (it follows a page break). */
  breakBefore: boolean;
  /** Unnumbered text lines up with the text of numbered paragraphs. */
  indent: number;
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const HANGING = { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT }, tabStops: [{ type: TabStopType.LEFT, position: NUMBER_INDENT }] };
const CELL_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR };
export const TABLE_BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
};
export const CELL_MARGINS = { top: 60, bottom: 60, left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN };

/**
 * Renders the blocks in order. A page-break block makes the next block start a new page, as
 * does `startOnNewPage` for the first (after the cover); breaks in a row make one.
 */
export function renderBlocks(blocks: readonly PackBlock[], charts: ReadonlyMap<string, Uint8Array>, { startOnNewPage }: { startOnNewPage: boolean }): FileChild[] {
  const numbered = blocks.some((block) => (block.kind === 'heading' || block.kind === 'paragraph') && block.number);
  const indent = numbered ? NUMBER_INDENT : 0;
  const children: FileChild[] = [];
  let breakBefore = startOnNewPage;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      breakBefore = true;
      continue;
    }
    const rendered = renderBlock(block, charts, { breakBefore, indent });
    children.push(...rendered);
    if (rendered.length > 0) breakBefore = false;
  }
  return children;
}

function renderBlock(block: Exclude<PackBlock, { kind: 'page-break' }>, charts: ReadonlyMap<string, Uint8Array>, placement: Placement): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block, placement)];
    case 'paragraph':
      return [paragraph(block, placement)];
    case 'list':
      return list(block, placement);
    case 'table':
      return table(block, placement);
    case 'chart':
      return chart(block, charts.get(block.kpiId), placement);
    default:
      return assertNever(block);
  }
}

/** Text with its line breaks kept. */
function lines(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...options }));
}

function numbered(number: string | null, text: string): ParagraphChild[] {
  return number ? [new TextRun({ children: [number, new Tab()] }), ...lines(text)] : lines(text);
}

function heading(block: Block<'heading'>, { breakBefore, indent }: Placement): Paragraph {
  const layout = block.number ? HANGING : { indent: { left: block.level === 1 ? 0 : indent } };
  return new Paragraph({ heading: HEADING_LEVELS[block.level], pageBreakBefore: breakBefore, ...layout, children: numbered(block.number, block.text) });
}

function paragraph(block: Block<'paragraph'>, { breakBefore, indent }: Placement): Paragraph {
  const layout = block.number ? HANGING : { indent: { left: indent } };
  return new Paragraph({ pageBreakBefore: breakBefore, ...layout, children: numbered(block.number, block.text) });
}

function list(block: Block<'list'>, { breakBefore }: Placement): Paragraph[] {
  return block.items.map(
    (item, index) =>
      new Paragraph({
        numbering: { reference: BULLET_LIST, level: 0 },
        pageBreakBefore: breakBefore && index === 0,
        spacing: { after: index === block.items.length - 1 ? 200 : 80 },
        children: lines(item),
      }),
  );
}

/** The RAG as the table cell shows it, one unbreakable word: its shape, then its label. */
function ragBadge(rag: Rag): string {
  const display = RAG_DISPLAY[rag];
  return `${RAG_SHAPE_CHARACTER[display.shape]}\u00A0${display.label}`;
}

interface TableLayout {
  style: string;
  /** Each column's width in twips, filling the text width. */
  widths: number[];
}

/**
 * Sizes the columns from the block's relative widths, none narrower than its longest word, at
 * the usual table text size or, where the longest words do not fit across, a point smaller.
 */
function tableLayout(block: Block<'table'>): TableLayout {
  const columns = block.columns.map((column, index) => ({
    weight: column.width,
    texts: [
      { text: column.header, bold: true },
      ...block.rows.map((row) => {
        const cell = row[index] ?? { text: '' };
        return { text: cell.rag ? `${ragBadge(cell.rag)} ${cell.text}` : cell.text, bold: Boolean(cell.rag || cell.strong) };
      }),
    ],
  }));
  const widest = columns.map(longestWordEms);
  const minimums = (points: number) => widest.map((ems) => Math.min(ems * points * 20 + 2 * CELL_SIDE_MARGIN + 20, TEXT_WIDTH * 0.45));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const usual = minimums(TABLE_TEXT_POINTS);
  const [style, minimum] = sum(usual) <= TEXT_WIDTH ? [TABLE_TEXT_STYLE, usual] : [TABLE_TEXT_SMALL_STYLE, minimums(TABLE_TEXT_SMALL_POINTS)];
  return { style, widths: shareWidths(columns.map((column) => column.weight), minimum, TEXT_WIDTH) };
}

function tableCell(cell: PackCell, width: number, alignment: 'left' | 'right', style: string): TableCell {
  const children: ParagraphChild[] = [];
  if (cell.rag) {
    const display = RAG_DISPLAY[cell.rag];
    children.push(
      new TextRun({ text: RAG_SHAPE_CHARACTER[display.shape], font: SYMBOL_FONT, color: RAG_CELL[cell.rag].shapeColour }),
      new TextRun({ text: `\u00A0${display.label}`, bold: true }),
    );
    const rest = cell.text.trim();
    if (rest && rest.toLowerCase() !== display.label.toLowerCase()) children.push(new TextRun(' '), ...lines(rest, { bold: cell.strong }));
  } else {
    children.push(...lines(cell.text, { bold: cell.strong }));
  }
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    shading: cell.rag ? { type: ShadingType.CLEAR, color: 'auto', fill: RAG_CELL[cell.rag].fill } : undefined,
    children: [new Paragraph({ style, alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children })],
  });
}

function caption(text: string, breakBefore: boolean): Paragraph {
  return new Paragraph({ style: 'Caption', pageBreakBefore: breakBefore, children: lines(text) });
}

function table(block: Block<'table'>, { breakBefore }: Placement): FileChild[] {
  const { style, widths } = tableLayout(block);
  const columns = block.columns.map((column, index) => ({ ...column, twips: widths[index] ?? 0 }));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: columns.map(
      (column) =>
        new TableCell({
          width: { size: column.twips, type: WidthType.DXA },
          margins: CELL_MARGINS,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          children: [
            new Paragraph({
              style,
              alignment: column.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: lines(column.header, { bold: true }),
            }),
          ],
        }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((column, index) => tableCell(row[index] ?? { text: '' }, column.twips, column.align, style)),
      }),
  );
  const children: FileChild[] = [];
  if (block.caption) children.push(caption(block.caption, breakBefore));
  else if (breakBefore) children.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }));
  // Word refuses to open a file with a table of no cells.
  if (columns.length > 0) {
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: TABLE_BORDERS,
        rows: [header, ...rows],
      }),
    );
  }
  children.push(block.note ? new Paragraph({ style: TABLE_NOTE_STYLE, children: lines(block.note) }) : new Paragraph({ spacing: { after: 120 } }));
  return children;
}

/** A chart fitted to the text width, never taller than leaves room for its caption. */
function chartSize(size: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(TEXT_WIDTH_PIXELS / size.width, CHART_MAX_HEIGHT_PIXELS / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

function chart(block: Block<'chart'>, image: Uint8Array | undefined, { breakBefore }: Placement): Paragraph[] {
  const size = image ? pngSize(image) : null;
  if (!image || !size) {
    return [
      caption(block.caption, breakBefore),
      new Paragraph({ children: [new TextRun({ text: '(chart not available)', italics: true })] }),
    ];
  }
  return [
    caption(block.caption, breakBefore),
    new Paragraph({
      keepLines: true,
      spacing: { after: 240 },
      children: [
        new ImageRun({
          type: 'png',
          data: image,
          transformation: chartSize(size),
          altText: { name: block.caption, title: block.caption, description: block.description },
        }),
      ],
    }),
  ];
}
