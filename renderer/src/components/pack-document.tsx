// A committee pack as it prints: the cover sheet and the numbered blocks of the document the
// services put together. The print view (which the PDF printer loads) and the preview's pages
// both draw the pack with these components, so they show the same words, numbers and pictures;
// nothing here adds wording of its own beyond the labels of the cover sheet's first rows.
import { createElement, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { KpiSeries } from '../../../shared/contract-kpis';
import type { PackBlock, PackCell, PackDocument } from '../../../shared/contract-packs';
import { PRINT_SIZE } from './kpi-chart';
import { kpiChartPng } from './kpi-chart-png';
import { RagBadge } from './RagBadge';

type TableBlock = Extract<PackBlock, { kind: 'table' }>;
type ChartBlock = Extract<PackBlock, { kind: 'chart' }>;

/**
 * How the document's heading levels map to HTML: 0 in the print view, where the sections are
 * h1 (the PDF's outline is made from them); 1 inside a page of the app, which has its own h1.
 */
export type HeadingOffset = 0 | 1;

function Heading({ level, offset, className, children }: { level: 1 | 2 | 3; offset: HeadingOffset; className: string; children: ReactNode }) {
  return createElement(`h${level + offset}`, { className }, children);
}

/** A part of a table: rows [from, to), and whether its caption and its note print with it. */
export interface TablePart {
  from: number;
  to: number;
  caption: boolean;
  note: boolean;
}

function Cell({ cell }: { cell: PackCell }) {
  const text = cell.strong ? <strong>{cell.text}</strong> : cell.text;
  if (!cell.rag) return <>{text}</>;
  return (
    <span className="pack-cell-rag">
      <RagBadge rag={cell.rag} />
      {cell.text ? <span>{text}</span> : null}
    </span>
  );
}

function TableView({ block, part }: { block: TableBlock; part?: TablePart }) {
  const from = part?.from ?? 0;
  const to = part?.to ?? block.rows.length;
  const withCaption = part?.caption ?? true;
  const withNote = (part?.note ?? true) && block.note !== null;
  // The note alone, when the table's last rows filled a page and the note went over.
  const noteOnly = part !== undefined && part.from === part.to;
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const alignment = (index: number) => (block.columns[index]?.align === 'right' ? 'pack-cell-right' : undefined);
  return (
    <>
      {noteOnly ? null : (
        <table className="pack-table" aria-label={withCaption ? undefined : `${block.caption} (continued)`}>
          {withCaption ? <caption>{block.caption}</caption> : null}
          <colgroup>
            {block.columns.map((column, index) => (
              <col key={index} style={{ width: `${((column.width / total) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((column, index) => (
                <th key={index} scope="col" className={alignment(index)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.slice(from, to).map((row, rowIndex) => (
              <tr key={from + rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} className={alignment(index)}>
                    <Cell cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {withNote ? <p className="pack-table-note">{block.note}</p> : null}
    </>
  );
}

/** Chart images are made once per series and authority, however often the pack redraws. */
function useChartImage(series: KpiSeries | undefined, authority: string, draw: boolean): string | null {
  return useMemo(() => (series && draw ? kpiChartPng(series, authority, PRINT_SIZE) : null), [series, authority, draw]);
}

function ChartView({ block, series, authority, measuring }: { block: ChartBlock; series: KpiSeries | undefined; authority: string; measuring: boolean }) {
  const image = useChartImage(series, authority, !measuring);
  return (
    <figure className="pack-figure">
      {measuring ? (
        <div className="pack-chart" />
      ) : image ? (
        <img className="pack-chart" src={image} alt={block.description} data-kpi-id={block.kpiId} width={PRINT_SIZE.width} height={PRINT_SIZE.height} />
      ) : (
        <p className="pack-chart pack-chart-missing">{block.description}</p>
      )}
      <figcaption>{block.caption}</figcaption>
    </figure>
  );
}

function Numbered({ number, children, className }: { number: string | null; children: ReactNode; className: string }) {
  return (
    <div className={`pack-numbered ${className}`}>
      <span className="pack-number">{number ?? ''}</span>
      <div className="pack-numbered-text">{children}</div>
    </div>
  );
}

export interface BlockViewProps {
  document: PackDocument;
  block: PackBlock;
  /** The block's place in the document, carried on its element for the preview's page layout. */
  index: number;
  offset: HeadingOffset;
  /** For a table split across the preview's pages, the part on this page. */
  part?: TablePart;
  /** Laid out to be measured, off screen: charts are empty boxes of their printed size. */
  measuring?: boolean;
}

/** One block of the document. Its outer element carries `data-block` with the block's index. */
export function BlockView({ document, block, index, offset, part, measuring = false }: BlockViewProps) {
  switch (block.kind) {
    case 'heading':
      return (
        <div className={`pack-block pack-heading-block pack-heading-block-${block.level}`} data-block={index}>
          <Heading level={block.level} offset={offset} className={`pack-heading pack-heading-${block.level}`}>
            {block.number ? (
              <>
                <span className="pack-number">{block.number}</span>{' '}
              </>
            ) : (
              <span className="pack-number" />
            )}
            <span className="pack-heading-text">{block.text}</span>
          </Heading>
        </div>
      );
    case 'paragraph':
      return (
        <div className="pack-block" data-block={index}>
          <Numbered number={block.number} className="pack-paragraph">
            <p>{block.text}</p>
          </Numbered>
        </div>
      );
    case 'list':
      return (
        <div className="pack-block" data-block={index}>
          <Numbered number={null} className="pack-list">
            <ul>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{item}</li>
              ))}
            </ul>
          </Numbered>
        </div>
      );
    case 'table':
      return (
        <div className="pack-block pack-table-block" data-block={index}>
          <TableView block={block} part={part} />
        </div>
      );
    case 'chart':
      return (
        <div className="pack-block pack-chart-block" data-block={index}>
          <ChartView block={block} series={document.charts.find((series) => series.kpi.id === block.kpiId)} authority={document.authority} measuring={measuring} />
        </div>
      );
    case 'page-break':
      return <div className="pack-block pack-page-break" data-block={index} />;
  }
}

/**
 * The front sheet, as councils head a committee report: the council, the report's title, and a
 * bordered table of the meeting and the report's particulars. A copy of the plan made for a
 * bundle has no meeting, and its cover says what it is instead.
 */
export function PackCoverSheet({ document, offset }: { document: PackDocument; offset: HeadingOffset }) {
  const { cover } = document;
  return (
    <div className="pack-cover">
      <p className="pack-cover-authority">{document.authority}</p>
      <Heading level={1} offset={offset} className="pack-title">
        {document.title}
      </Heading>
      <table className="pack-cover-table">
        <tbody>
          {cover.committee ? (
            <tr>
              <th scope="row">Committee</th>
              <td>{cover.committee}</td>
            </tr>
          ) : null}
          {cover.meetingDate ? (
            <tr>
              <th scope="row">Date of meeting</th>
              <td>{cover.meetingDate}</td>
            </tr>
          ) : null}
          {cover.agendaItem ? (
            <tr>
              <th scope="row">Agenda item</th>
              <td>{cover.agendaItem}</td>
            </tr>
          ) : null}
          {cover.fields.map((field, index) => (
            <tr key={index}>
              <th scope="row">{field.label}</th>
              <td>{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The whole pack as one flow, for the print view: the cover sheet, then every block, paginated
 * by the printer with the print CSS. `onReady` is called once every chart image has decoded and
 * the fonts are ready, so what prints is complete.
 */
export function PackDocumentView({ document, offset, onReady }: { document: PackDocument; offset: HeadingOffset; onReady?: () => void }) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element || !onReady) return;
    let cancelled = false;
    const images = [...element.querySelectorAll<HTMLImageElement>('img[data-kpi-id]')];
    void Promise.all(images.map((image) => image.decode().catch(() => undefined)))
      .then(() => window.document.fonts.ready)
      .then(() => {
        if (!cancelled) onReady();
      });
    return () => {
      cancelled = true;
    };
  }, [document, onReady]);
  return (
    <article className="pack-document" ref={root}>
      <PackCoverSheet document={document} offset={offset} />
      <div className="pack-body">
        {document.blocks.map((block, index) => (
          <BlockView key={index} document={document} block={block} index={index} offset={offset} />
        ))}
      </div>
    </article>
  );
}
