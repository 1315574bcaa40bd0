// Prints packs in the desktop app: the pack's print view in a hidden window on the app's own
// protocol, printed with Electron's printToPDF and the same Chrome print options as the Chromium
// printer of browser mode and the command line. It imports Electron's types only; main.ts hands
// it the BrowserWindow constructor, and unit tests hand it a stand-in.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebPreferences } from 'electron';
import { AppError } from '../../shared/errors';
import type { PackPrinter } from '../core/printing/printer';
import {
  CHART_IMAGES_SCRIPT,
  decodeChartImages,
  notReadyError,
  PACK_PRINT_OPTIONS,
  PAGE_ALERT_SCRIPT,
  PRINT_READY_TIMEOUT_MS,
  printViewRoute,
  viewFailedError,
  WAIT_FOR_READY_SCRIPT,
} from '../core/printing/print-view';
import { APP_ENTRY_URL, webPreferences } from './security';

/** A CSS length of the shared options ("0", "12mm", "1in") in inches, as Electron takes margins. */
export function inches(length: string): number {
  const match = /^(-?\d+(?:\.\d+)?)(px|in|cm|mm)?$/.exec(length.trim());
  if (!match) throw new Error(`“${length}” is not a length the printer understands.`);
  const value = Number(match[1]);
  if (match[2] === undefined) {
    if (value !== 0) throw new Error(`“${length}” needs a unit (px, in, cm or mm).`);
    return 0;
  }
  const perInch: Record<string, number> = { px: 96, in: 1, cm: 2.54, mm: 25.4 };
  return value / (perInch[match[2]] ?? 1);
}

/** The shared print options in Electron's names for them. */
export function electronPrintOptions(options: typeof PACK_PRINT_OPTIONS = PACK_PRINT_OPTIONS): PrintToPDFOptions {
  return {
    pageSize: options.format,
    printBackground: options.printBackground,
    preferCSSPageSize: options.preferCSSPageSize,
    generateTaggedPDF: options.tagged,
    generateDocumentOutline: options.outline,
    displayHeaderFooter: false,
    margins: {
      top: inches(options.margin.top),
      right: inches(options.margin.right),
      bottom: inches(options.margin.bottom),
      left: inches(options.margin.left),
    },
  };
}

/**
 * The hidden print window: never shown, and hardened exactly as the main window is (the same
 * web preferences, with the same preload, because the print view reads the pack through the
 * contract). The one addition, `backgroundThrottling: false`, keeps a window nobody sees from
 * having its timers and drawing slowed, so the charts draw at full speed.
 */
export function printWindowOptions(preload: string, platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  const preferences: WebPreferences = { ...webPreferences(preload, platform), backgroundThrottling: false };
  return {
    show: false,
    paintWhenInitiallyHidden: true,
    skipTaskbar: true,
    width: 1024,
    height: 1400,
    title: 'Printing',
    webPreferences: preferences,
  };
}

/** The address of a pack's print view on the app protocol. */
export function printViewAppUrl(packId: string): string {
  return `${APP_ENTRY_URL}#${printViewRoute(packId)}`;
}

/** What the printer uses of a BrowserWindow. */
export interface PrintWindow {
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface ElectronPrinterOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  preload: string;
  platform: NodeJS.Platform;
  readyTimeoutMs?: number;
}

export class ElectronPackPrinter implements PackPrinter {
  /** The windows printing now, each with how to stop waiting on it when the app quits. */
  private readonly windows = new Map<PrintWindow, () => void>();
  private closed = false;
  private readonly readyTimeoutMs: number;

  constructor(private readonly options: ElectronPrinterOptions) {
    this.readyTimeoutMs = options.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS;
  }

  /** Whether these web contents belong to one of this printer's windows (their contract calls are the app's own). */
  owns(contents: unknown): boolean {
    for (const window of this.windows.keys()) if (!window.isDestroyed() && window.webContents === contents) return true;
    return false;
  }

  async printPack(packId: string): Promise<Uint8Array> {
    return this.withPrintView(packId, async (window) => {
      const pdf = await window.webContents.printToPDF(electronPrintOptions());
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    });
  }

  async chartImages(packId: string): Promise<Map<string, Uint8Array>> {
    return this.withPrintView(packId, async (window) => decodeChartImages(await window.webContents.executeJavaScript(CHART_IMAGES_SCRIPT)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [window, stop] of this.windows) {
      stop();
      if (!window.isDestroyed()) window.destroy();
    }
    this.windows.clear();
  }

  private async withPrintView<T>(packId: string, work: (window: PrintWindow) => Promise<T>): Promise<T> {
    if (this.closed) throw new AppError('unavailable', 'The printer has been shut down with the app; start the app again to print.');
    const window = this.options.createWindow(printWindowOptions(this.options.preload, this.options.platform));
    let stop = () => {};
    const stopped = new Promise<never>((_resolve, reject) => {
      stop = () => reject(new AppError('unavailable', 'The app closed before the pack was printed.'));
    });
    stopped.catch(() => {});
    this.windows.set(window, stop);
    try {
      try {
        await Promise.race([window.loadURL(printViewAppUrl(packId)), stopped]);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('internal', `The pack’s print view could not be opened: ${firstLine(error)}.`);
      }
      await Promise.race([this.untilReady(window), stopped]);
      return await Promise.race([work(window), stopped]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('internal', `The pack could not be printed: ${firstLine(error)}.`);
    } finally {
      this.windows.delete(window);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  private async untilReady(window: PrintWindow): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), this.readyTimeoutMs);
    });
    try {
      const outcome = await Promise.race([window.webContents.executeJavaScript(WAIT_FOR_READY_SCRIPT), timedOut]);
      if (outcome === 'true') return;
      const alert = window.isDestroyed() ? '' : await window.webContents.executeJavaScript(PAGE_ALERT_SCRIPT).catch(() => '');
      const pageSaid = typeof alert === 'string' ? alert : '';
      throw outcome === 'timed out' ? notReadyError(this.readyTimeoutMs, pageSaid) : viewFailedError(pageSaid);
    } finally {
      clearTimeout(timer);
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}
