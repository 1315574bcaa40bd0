// The measurements, colours and styles of a committee pack in Word: A4, Arial, dark text, the
// plain look councils' own report templates have, so a report pasted into one does not clash.
import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import type { Rag } from '../../../shared/rag';

/** Twips (twentieths of a point) throughout, as Word measures; 567 to the centimetre. */
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = 1418;
export const HEADER_DISTANCE = 709;
export const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
/** Where the text of a numbered paragraph starts: "3.12" fits before it. */
export const NUMBER_INDENT = 851;
const BULLET_HANGING = 360;

/** Images are sized in pixels at 96 to the inch, 15 twips each. */
export const TEXT_WIDTH_PIXELS = Math.floor(TEXT_WIDTH / 15);
/** Leaves room on the page for the chart's caption, the marking and the page number. */
export const CHART_MAX_HEIGHT_PIXELS = 560;

export const TEXT_COLOUR = '1B1F24';
export const MUTED_COLOUR = '505A64';
export const BORDER_COLOUR = '808080';
export const HEADER_FILL = 'E7E9EC';

/**
 * Light fills keep black text readable and come out as pale greys in greyscale print; the word
 * and the shape carry the rating, the fill only helps the eye.
 */
export const RAG_CELL: Record<Rag, { fill: string; shapeColour: string }> = {
  red: { fill: 'F9DEDC', shapeColour: 'B3261E' },
  amber: { fill: 'FCE9C5', shapeColour: '8A5300' },
  green: { fill: 'DDEFE1', shapeColour: '1E6B35' },
  blue: { fill: 'DDE7F4', shapeColour: '1D4F91' },
};
export const RAG_SHAPE_CHARACTER = { square: '\u25A0', triangle: '\u25B2', circle: '\u25CF', star: '\u2605' } as const;
/** Has all four shapes on Windows; elsewhere the reader falls back to a font that has them. */
export const SYMBOL_FONT = 'Segoe UI Symbol';

export const TABLE_TEXT_STYLE = 'TableText';
/** For a table whose columns' longest words do not fit across the page at the usual size. */
export const TABLE_TEXT_SMALL_STYLE = 'TableTextSmall';
export const TABLE_TEXT_POINTS = 10;
export const TABLE_TEXT_SMALL_POINTS = 9;
export const CELL_SIDE_MARGIN = 100;
export const TABLE_NOTE_STYLE = 'TableNote';
export const COVER_AUTHORITY_STYLE = 'CoverAuthority';
export const COVER_MEETING_STYLE = 'CoverMeeting';
export const BULLET_LIST = 'pack-bullet';

const points = (size: number) => size * 2;

export const PACK_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: 'Arial', size: points(12), color: TEXT_COLOUR, language: { value: 'en-GB' } },
      paragraph: { spacing: { after: 200, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: 'Arial', size: points(20), bold: true, color: TEXT_COLOUR },
      paragraph: { spacing: { before: 480, after: 240 }, keepNext: true },
    },
    heading1: {
      run: { font: 'Arial', size: points(14), bold: true, color: TEXT_COLOUR },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: 'Arial', size: points(12), bold: true, color: TEXT_COLOUR },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    heading3: {
      run: { font: 'Arial', size: points(12), bold: true, italics: true, color: TEXT_COLOUR },
      paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 2 },
    },
    caption: {
      run: { font: 'Arial', size: points(11), bold: true, italics: false, color: TEXT_COLOUR },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: TABLE_TEXT_STYLE,
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: points(TABLE_TEXT_POINTS) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: TABLE_TEXT_SMALL_STYLE,
      name: 'Table Text Small',
      basedOn: TABLE_TEXT_STYLE,
      run: { size: points(TABLE_TEXT_SMALL_POINTS) },
    },
    {
      id: TABLE_NOTE_STYLE,
      name: 'Table Note',
      basedOn: 'Normal',
      run: { size: points(9), color: MUTED_COLOUR },
      paragraph: { spacing: { before: 80, after: 200, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: COVER_AUTHORITY_STYLE,
      name: 'Cover Authority',
      basedOn: 'Normal',
      run: { size: points(14), bold: true },
      paragraph: { spacing: { before: 0, after: 480 } },
    },
    {
      id: COVER_MEETING_STYLE,
      name: 'Cover Meeting',
      basedOn: 'Normal',
      run: { size: points(13) },
      paragraph: { spacing: { before: 0, after: 80 } },
    },
  ],
};

/** One bulleted list, its text aligned with the text of numbered paragraphs. */
export const PACK_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLET_LIST,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: NUMBER_INDENT + BULLET_HANGING, hanging: BULLET_HANGING } } },
        },
      ],
    },
  ],
};
