// Saving a pack's PDF or Word file where the browser saves downloads, and the chart pictures
// the Word file carries: the same images the print view draws.
import type { PackDocument, PackFile } from '../../../shared/contract-packs';
import { PRINT_SIZE } from './kpi-chart';
import { base64Bytes, saveBlob } from './files';
import { kpiChartPng } from './kpi-chart-png';

/** Hands the file to the browser's downloads, named as the services named it. */
export function saveFile(file: PackFile): void {
  saveBlob(new Blob([base64Bytes(file.base64)], { type: file.mediaType }), file.fileName);
}

const PNG_PREFIX = 'data:image/png;base64,';

/** Each chart of the document as a PNG in base64, by KPI id. */
export function chartImages(document: PackDocument): Record<string, string> {
  const images: Record<string, string> = {};
  for (const series of document.charts) {
    const url = kpiChartPng(series, document.authority, PRINT_SIZE);
    images[series.kpi.id] = url.startsWith(PNG_PREFIX) ? url.slice(PNG_PREFIX.length) : url;
  }
  return images;
}
