// What both pack printers share: the Chrome print options every pack PDF is made with, the
// address of the print view, the signal it gives once the document and its chart images are
// drawn, and how the chart images are read off the page. Page size, margins, the marking at the
// top of every page and "Page N of M" at the bottom come from the print view's own CSS (@page and
// its margin boxes), so no header or footer template is passed here.
import { AppError } from '../../../shared/errors';

/**
 * The options, in the names of Playwright's `page.pdf()`; the desktop printer maps each one to
 * Electron's name for it. Margins are zero so that the print view's @page margins alone decide
 * them, whichever printer is used (Electron's own default would otherwise be a centimetre).
 */
export const PACK_PRINT_OPTIONS = Object.freeze({
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  margin: Object.freeze({ top: '0', right: '0', bottom: '0', left: '0' }),
} as const);

/**
 * The print view sets `data-pack-ready="true"` on <html> once the document and its charts are
 * drawn, or `"failed"` when it cannot show the pack; either settles the wait.
 */
export const PRINT_READY_SELECTOR = 'html[data-pack-ready="true"]';
export const PRINT_SETTLED_SELECTOR = 'html[data-pack-ready="true"], html[data-pack-ready="failed"]';

/** How long a print view may take to draw before printing gives up. */
export const PRINT_READY_TIMEOUT_MS = 60_000;

/** The route of a pack's print view, as the part of the address after `#`. */
export function printViewRoute(packId: string): string {
  return `/print/packs/${encodeURIComponent(packId)}`;
}

/**
 * A script for the page, run as an expression, that settles with "true" or "failed" once the
 * print view has either drawn the pack or given up. It answers at once when the signal is already
 * there, and otherwise watches <html> for it, so nothing is polled and nothing waits longer than
 * it must.
 */
export const WAIT_FOR_READY_SCRIPT = `new Promise((resolve) => {
  const root = document.documentElement;
  const settled = () => root.dataset.packReady === 'true' || root.dataset.packReady === 'failed';
  if (settled()) return resolve(root.dataset.packReady);
  const observer = new MutationObserver(() => {
    if (settled()) { observer.disconnect(); resolve(root.dataset.packReady); }
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-pack-ready'] });
})`;

/** A script for the page, run as an expression: each chart image as [KPI id, src]. */
export const CHART_IMAGES_SCRIPT = `Array.from(document.querySelectorAll('img[data-kpi-id]'), (image) => [image.getAttribute('data-kpi-id'), image.getAttribute('src')])`;

/** A script for the page, run as an expression: the text of any alert the print view shows instead of the pack. */
export const PAGE_ALERT_SCRIPT = `Array.from(document.querySelectorAll('[role="alert"]'), (alert) => (alert.innerText || alert.textContent || '').replace(/\\s+/g, ' ').trim()).filter(Boolean).join(' ')`;

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The chart images read off the page, as PNG bytes by KPI id; anything but a PNG is refused. */
export function decodeChartImages(found: unknown): Map<string, Uint8Array> {
  const images = new Map<string, Uint8Array>();
  if (!Array.isArray(found)) throw new Error('The print view’s chart images could not be read.');
  for (const entry of found) {
    const [kpiId, source] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (typeof kpiId !== 'string' || kpiId === '' || typeof source !== 'string') continue;
    const match = PNG_DATA_URL.exec(source);
    const bytes = match?.[1] ? Buffer.from(match[1], 'base64') : null;
    if (bytes === null || !PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
      throw new AppError('internal', `The chart of KPI ${kpiId} in the print view is not a PNG image, so it cannot go into the Word file.`, {
        kpiId,
      });
    }
    images.set(kpiId, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return images;
}

/** The refusal when the print view says it cannot show the pack. */
export function viewFailedError(pageSaid: string): AppError {
  const said = pageSaid.trim() === '' ? '.' : `: “${pageSaid.trim().slice(0, 300)}”`;
  return new AppError('internal', `The pack’s print view could not show the pack, so nothing was printed${said}`);
}

/** The refusal when the print view never signals that it is ready. */
export function notReadyError(timeoutMs: number, pageSaid: string): AppError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const said = pageSaid.trim() === '' ? '' : ` The page said: “${pageSaid.trim().slice(0, 300)}”`;
  return new AppError(
    'internal',
    `The pack’s print view did not finish drawing within ${seconds} second${seconds === 1 ? '' : 's'}, so nothing was printed.${said}`,
    { timeoutMs },
  );
}
