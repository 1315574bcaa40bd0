// The preview of a pack as the A4 pages it prints on: white sheets on grey, each with the
// marking at its head and "Page N of M" at its foot. The blocks are the print view's own; they
// are measured off screen at the printed width and divided into pages by the print CSS's rules.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PackDocument } from '../../../shared/contract-packs';
import { BlockView, PackCoverSheet } from './pack-document';
import { paginate, type MeasuredBlock, type PagePiece } from './pack-pagination';

function measureBlocks(flow: HTMLElement): MeasuredBlock[] {
  const elements = [...flow.querySelectorAll<HTMLElement>(':scope > [data-block]')];
  const flowBottom = flow.getBoundingClientRect().bottom;
  const tops = elements.map((element) => element.getBoundingClientRect().top);
  return elements.map((element, index): MeasuredBlock => {
    const top = tops[index] ?? 0;
    const next = tops[index + 1] ?? flowBottom;
    if (element.classList.contains('pack-page-break')) return { kind: 'page-break' };
    const rows = [...element.querySelectorAll<HTMLElement>('tbody > tr')].map((row) => row.getBoundingClientRect());
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first && last) {
      const head = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      return {
        kind: 'table',
        head: first.top - top,
        repeatedHead: head,
        rows: rows.map((row, rowIndex) => (rows[rowIndex + 1]?.top ?? last.bottom) - row.top),
        tail: next - last.bottom,
      };
    }
    return { kind: 'whole', height: next - top, keepWithNext: element.classList.contains('pack-heading-block') };
  });
}

interface Layout {
  document: PackDocument;
  pages: PagePiece[][];
}

/** The pack's pages; `zoom` shrinks them to fit a narrow column without changing the layout. */
export function PackSheets({ document, zoom = 1 }: { document: PackDocument; zoom?: number }) {
  const [layout, setLayout] = useState<Layout | null>(null);
  const measurer = useRef<HTMLDivElement>(null);
  const stale = layout?.document !== document;

  useLayoutEffect(() => {
    const element = measurer.current;
    if (!stale || !element) return;
    const flow = element.querySelector<HTMLElement>('.pack-measure-flow');
    const page = element.querySelector<HTMLElement>('.pack-measure-page');
    if (!flow || !page) return;
    setLayout({ document, pages: paginate(measureBlocks(flow), page.getBoundingClientRect().height) });
  }, [document, stale]);

  const pages = layout?.pages ?? [];
  const total = pages.length + 1;
  const shown = layout?.document ?? document;
  return (
    <>
      {stale ? (
        <div className="pack-measure" ref={measurer} aria-hidden="true">
          <div className="pack-measure-page" />
          <div className="pack-document pack-measure-flow">
            {document.blocks.map((block, index) => (
              <BlockView key={index} document={document} block={block} index={index} offset={1} measuring />
            ))}
          </div>
        </div>
      ) : null}
      {layout ? (
        <div className="pack-sheets" style={{ zoom }} data-pages={total}>
          <Sheet marking={shown.marking} number={1} total={total}>
            <PackCoverSheet document={shown} offset={1} />
          </Sheet>
          {pages.map((pieces, pageIndex) => (
            <Sheet key={pageIndex} marking={shown.marking} number={pageIndex + 2} total={total}>
              {pieces.map((piece) => {
                const block = shown.blocks[piece.index];
                return block ? (
                  <BlockView
                    key={`${piece.index}-${piece.part?.from ?? 0}`}
                    document={shown}
                    block={block}
                    index={piece.index}
                    offset={1}
                    part={piece.part}
                  />
                ) : null;
              })}
            </Sheet>
          ))}
        </div>
      ) : null}
    </>
  );
}

function Sheet({ marking, number, total, children }: { marking: string; number: number; total: number; children: ReactNode }) {
  return (
    <div className="pack-sheet" role="group" aria-label={`Page ${number} of ${total}`}>
      <p className="pack-sheet-marking">{marking}</p>
      <div className="pack-document pack-sheet-body">{children}</div>
      <p className="pack-sheet-number">
        Page {number} of {total}
      </p>
    </div>
  );
}
