// The preview beside the editor: the pack's A4 pages, shrunk to the column's width when it is
// narrower than a page, in a box of its own that scrolls (and takes keyboard focus to do so).
import { useEffect, useRef, useState } from 'react';
import type { PackDocument } from '../../../shared/contract-packs';
import { PackSheets } from './pack-sheets';

/** An A4 page's width in CSS pixels, with the grey margin around it. */
const SHEET_WIDTH = (210 / 25.4) * 96 + 32;

export function PackPreview({ document, label }: { document: PackDocument; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? SHEET_WIDTH;
      setZoom(Math.max(0.5, Math.min(1, Math.floor((width / SHEET_WIDTH) * 100) / 100)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="pack-preview-scroll" ref={box} tabIndex={0} role="region" aria-label={label}>
      <PackSheets document={document} zoom={zoom} />
    </div>
  );
}
