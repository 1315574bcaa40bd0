// Prints packs with the system's Chromium, driven by playwright-core: the printer of browser
// mode, the command line and the tests. It opens the pack's print view on the running host, as
// the person's own browser would (the per-launch token in the address), waits for the view's
// ready signal and prints with the shared print options. One browser is started on the first
// print and kept for the next; each print has its own short-lived browser context.
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../shared/errors';
import { findChromium } from './find-chromium';
import type { PackPrinter } from './printer';
import {
  CHART_IMAGES_SCRIPT,
  decodeChartImages,
  notReadyError,
  PACK_PRINT_OPTIONS,
  PAGE_ALERT_SCRIPT,
  PRINT_READY_SELECTOR,
  PRINT_READY_TIMEOUT_MS,
  PRINT_SETTLED_SELECTOR,
  printViewRoute,
  viewFailedError,
} from './print-view';

/** Chromium stays offline and quiet: nothing of it reaches the network or updates itself. */
const CHROMIUM_ARGUMENTS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

export interface ChromiumPrinterOptions {
  /** The running host's origin, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** The host's per-launch secret token. */
  token: string;
  /** The browser to use; found with findChromium() when left out. */
  executablePath?: string;
  readyTimeoutMs?: number;
}

export class ChromiumPackPrinter implements PackPrinter {
  private browser: Promise<Browser> | null = null;
  private closed = false;
  private readonly readyTimeoutMs: number;

  constructor(private readonly options: ChromiumPrinterOptions) {
    this.readyTimeoutMs = options.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS;
  }

  /** The address of a pack's print view on the host, with the token that lets it in. */
  printViewUrl(packId: string): string {
    return `${this.options.origin}/?token=${encodeURIComponent(this.options.token)}#${printViewRoute(packId)}`;
  }

  async printPack(packId: string): Promise<Uint8Array> {
    const pdf = await this.withPrintView(packId, (page) => page.pdf(PACK_PRINT_OPTIONS));
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  async chartImages(packId: string): Promise<Map<string, Uint8Array>> {
    return decodeChartImages(await this.withPrintView(packId, (page) => page.evaluate(CHART_IMAGES_SCRIPT)));
  }

  async close(): Promise<void> {
    this.closed = true;
    const starting = this.browser;
    this.browser = null;
    if (starting === null) return;
    const browser = await starting.catch(() => null);
    await browser?.close().catch(() => {});
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'The printer has been shut down with the app; start the app again to print.'));
    if (this.browser === null) {
      const launching = (async () => {
        const executablePath = this.options.executablePath ?? findChromium();
        // Loaded on the first print, so commands and hosts that never print do not pay for it.
        const { chromium } = await import('playwright-core');
        let browser: Browser;
        try {
          browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGUMENTS, timeout: 30_000 });
        } catch (error) {
          throw new AppError(
            'unavailable',
            `Chromium (${executablePath}) could not be started to print the pack: ${firstLine(error)}. Check that it runs, or set CHROMIUM_PATH to another Chromium or Chrome.`,
            { chromiumPath: executablePath },
          );
        }
        // A browser that crashes or is closed from outside is started afresh by the next print.
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = null;
        });
        return browser;
      })();
      this.browser = launching;
      // A failed start is not kept: the next print tries again (Chromium may have been installed since).
      launching.catch(() => {
        if (this.browser === launching) this.browser = null;
      });
    }
    return this.browser;
  }

  private async withPrintView<T>(packId: string, work: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 1400 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      const response = await page.goto(this.printViewUrl(packId), { waitUntil: 'domcontentloaded', timeout: this.readyTimeoutMs });
      if (response !== null && !response.ok()) {
        const said = (await response.text().catch(() => '')).trim().slice(0, 300);
        throw new AppError('internal', `The pack’s print view could not be opened (the app answered ${response.status()}${said ? `: ${said}` : ''}).`, {
          status: response.status(),
        });
      }
      const pageSaid = async () => {
        const alert = await page.evaluate(PAGE_ALERT_SCRIPT).catch(() => '');
        return typeof alert === 'string' && alert !== '' ? alert : (problems[0] ?? '');
      };
      try {
        await page.waitForSelector(PRINT_SETTLED_SELECTOR, { state: 'attached', timeout: this.readyTimeoutMs });
      } catch (error) {
        const { errors } = await import('playwright-core');
        if (!(error instanceof errors.TimeoutError)) throw error;
        throw notReadyError(this.readyTimeoutMs, await pageSaid());
      }
      if ((await page.$(PRINT_READY_SELECTOR)) === null) throw viewFailedError(await pageSaid());
      return await work(page);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('internal', `The pack could not be printed: ${firstLine(error)}.`);
    } finally {
      await context.close().catch(() => {});
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}
