// A committee pack as a Word file (DOMAIN.md section 6), for councils that paste reports into
// their own templates: real headings (the navigation pane and a PDF's outline come from them),
// numbered paragraphs, real tables whose header row repeats on each page, charts as pictures.
// It renders the same document as the print view, so both say the same thing with the same
// numbering.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { PackDocument } from '../../../shared/contract-packs';
import { CELL_MARGINS, renderBlocks, TABLE_BORDERS } from './docx-blocks';
import {
  COVER_AUTHORITY_STYLE,
  COVER_MEETING_STYLE,
  HEADER_DISTANCE,
  HEADER_FILL,
  MARGIN,
  PACK_NUMBERING,
  PACK_STYLES,
  PAGE,
  TEXT_WIDTH,
} from './docx-layout';

/**
 * The pack as a .docx file. `charts` holds each chart's PNG by KPI id, as the print view drew
 * it; a chart without one prints its caption with "(chart not available)".
 */
export async function renderPackDocx(document: PackDocument, charts: Map<string, Uint8Array>): Promise<Uint8Array> {
  const file = new Document({
    title: document.title,
    subject: [document.cover.committee, document.cover.meetingDate].filter(Boolean).join(', '),
    creator: document.authority,
    lastModifiedBy: document.authority,
    description: document.period,
    styles: PACK_STYLES,
    numbering: PACK_NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: HEADER_DISTANCE, footer: HEADER_DISTANCE },
          },
        },
        headers: { default: markingHeader(document.marking) },
        footers: { default: pageNumberFooter() },
        children: [...coverSheet(document), ...renderBlocks(document.blocks, charts, { startOnNewPage: true })],
      },
    ],
  });
  const bytes = await Packer.toBuffer(file);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function markingHeader(marking: string): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [new TextRun({ text: marking, bold: true })] })],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [new TextRun({ size: 20, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** The front sheet councils put on every report; the report itself starts on the next page. */
function coverSheet(document: PackDocument): FileChild[] {
  const { cover } = document;
  const meeting = [
    cover.committee && new TextRun({ text: cover.committee, bold: true }),
    cover.meetingDate && new TextRun(`Date of meeting: ${cover.meetingDate}`),
    cover.agendaItem && new TextRun(`Agenda item: ${cover.agendaItem}`),
  ]
    .filter((line) => line instanceof TextRun)
    .map((line) => new Paragraph({ style: COVER_MEETING_STYLE, children: [line] }));
  const children: FileChild[] = [
    new Paragraph({ style: COVER_AUTHORITY_STYLE, children: [new TextRun(document.authority)] }),
    ...meeting,
    new Paragraph({ style: 'Title', children: [new TextRun(document.title)] }),
  ];
  if (cover.fields.length > 0) children.push(coverTable(cover.fields));
  return children;
}

function coverTable(fields: PackDocument['cover']['fields']): Table {
  const labelWidth = Math.round(TEXT_WIDTH * 0.35);
  const valueWidth = TEXT_WIDTH - labelWidth;
  const cell = (text: string, width: number, label: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: CELL_MARGINS,
      shading: label ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      children: text.split(/\r?\n/).map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, bold: label })] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: fields.map((field) => new TableRow({ cantSplit: true, children: [cell(field.label, labelWidth, true), cell(field.value, valueWidth, false)] })),
  });
}
