// How the preview divides a pack into A4 pages, from the measured heights of its blocks, with
// the rules the print CSS gives the printer: a page break where the document asks for one,
// headings kept with what follows, figures and paragraphs never split, tables split between
// rows with the header row repeated.
import type { TablePart } from './pack-document';

/** A block as measured, in CSS pixels. */
export type MeasuredBlock =
  | { kind: 'page-break' }
  | { kind: 'whole'; height: number; keepWithNext: boolean }
  /** `head`: the caption and header row; `repeatedHead`: the header row alone; `tail`: the note. */
  | { kind: 'table'; head: number; repeatedHead: number; rows: number[]; tail: number };

export interface PagePiece {
  index: number;
  part?: TablePart;
}

/** The least room a block needs at the foot of a page: a heading with its next block's start. */
function leastRoom(blocks: MeasuredBlock[], index: number): number {
  const block = blocks[index];
  if (!block || block.kind === 'page-break') return 0;
  if (block.kind === 'table') return block.head + (block.rows[0] ?? block.tail);
  return block.height + (block.keepWithNext ? leastRoom(blocks, index + 1) : 0);
}

/** The pieces of each page, in order. A block taller than a page has a page to itself. */
export function paginate(blocks: MeasuredBlock[], pageHeight: number): PagePiece[][] {
  const pages: PagePiece[][] = [[]];
  let used = 0;
  const current = () => pages[pages.length - 1] as PagePiece[];
  const newPage = () => {
    if (current().length === 0) return;
    pages.push([]);
    used = 0;
  };

  blocks.forEach((block, index) => {
    if (block.kind === 'page-break') {
      newPage();
      return;
    }
    if (block.kind === 'whole' || block.rows.length === 0) {
      const height = block.kind === 'whole' ? block.height : block.head + block.tail;
      if (used > 0 && used + leastRoom(blocks, index) > pageHeight) newPage();
      current().push({ index });
      used += height;
      return;
    }
    if (used > 0 && used + leastRoom(blocks, index) > pageHeight) newPage();
    let from = 0;
    used += block.head;
    block.rows.forEach((height, row) => {
      if (row > from && used + height > pageHeight) {
        current().push({ index, part: { from, to: row, caption: from === 0, note: false } });
        newPage();
        used = block.repeatedHead;
        from = row;
      }
      used += height;
    });
    const end = block.rows.length;
    if (block.tail > 0 && used + block.tail > pageHeight) {
      current().push({ index, part: { from, to: end, caption: from === 0, note: false } });
      newPage();
      current().push({ index, part: { from: end, to: end, caption: false, note: true } });
      used = block.tail;
      return;
    }
    current().push(from === 0 ? { index } : { index, part: { from, to: end, caption: false, note: true } });
    used += block.tail;
  });
  return pages.filter((page) => page.length > 0);
}
