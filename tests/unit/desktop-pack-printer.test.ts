// The desktop app's pack printer, run under plain Node against a stand-in for the hidden
// BrowserWindow it prints in (the Electron binary cannot run here): the window is hardened as the
// main window is, opens the print view on the app protocol, is printed only once the view says it
// is ready, with the shared print options in Electron's names, and is always destroyed after.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { PACK_PRINT_OPTIONS, WAIT_FOR_READY_SCRIPT, CHART_IMAGES_SCRIPT, PAGE_ALERT_SCRIPT } from '../../electron/core/printing/print-view';
import {
  electronPrintOptions,
  ElectronPackPrinter,
  inches,
  printViewAppUrl,
  printWindowOptions,
  type PrintWindow,
} from '../../electron/desktop/pack-printer';
import { isAllowedNavigation, webPreferences } from '../../electron/desktop/security';
import { AppError } from '../../shared/errors';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==', 'base64');

interface Behaviour {
  /** Whether the view becomes ready, and after how many milliseconds. */
  readyAfterMs: number | null;
  /** The view gives up instead ("failed"). */
  fails?: boolean;
  loadFails?: string;
  alert?: string;
  images?: unknown;
}

class FakePrintWindow implements PrintWindow {
  loadedUrl: string | null = null;
  destroyed = false;
  ready = false;
  readonly events: string[] = [];
  readonly printedWith: PrintToPDFOptions[] = [];
  readonly webContents = {
    executeJavaScript: (code: string): Promise<unknown> => {
      if (this.destroyed) return Promise.reject(new Error('Object has been destroyed'));
      if (code === WAIT_FOR_READY_SCRIPT) {
        this.events.push('wait');
        if (this.behaviour.readyAfterMs === null) return new Promise(() => {});
        return new Promise((resolve) =>
          setTimeout(() => {
            this.ready = !this.behaviour.fails;
            this.events.push(this.behaviour.fails ? 'failed' : 'ready');
            resolve(this.behaviour.fails ? 'failed' : 'true');
          }, this.behaviour.readyAfterMs ?? 0),
        );
      }
      if (code === PAGE_ALERT_SCRIPT) return Promise.resolve(this.behaviour.alert ?? '');
      if (code === CHART_IMAGES_SCRIPT) {
        this.events.push('images');
        return Promise.resolve(this.behaviour.images ?? []);
      }
      return Promise.reject(new Error(`unexpected script ${code}`));
    },
    printToPDF: async (options: PrintToPDFOptions): Promise<Uint8Array> => {
      this.events.push(this.ready ? 'print' : 'print before ready');
      this.printedWith.push(options);
      return Buffer.from(`%PDF-1.7 ${this.loadedUrl}`);
    },
  };

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly behaviour: Behaviour,
  ) {}

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.events.push('load');
    if (this.behaviour.loadFails) throw new Error(this.behaviour.loadFails);
  }
  destroy(): void {
    this.destroyed = true;
    this.events.push('destroy');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function setUp(behaviour: Behaviour, readyTimeoutMs = 5_000) {
  const windows: FakePrintWindow[] = [];
  const printer = new ElectronPackPrinter({
    createWindow: (options) => {
      const window = new FakePrintWindow(options, behaviour);
      windows.push(window);
      return window;
    },
    preload: '/app/out/electron/preload.cjs',
    platform: 'linux',
    readyTimeoutMs,
  });
  return { printer, windows };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the print options in Electron’s names', () => {
  it('are the shared options, one for one, with no header or footer', () => {
    expect(electronPrintOptions()).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: false,
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
    });
  });

  it('follow the shared options when they change', () => {
    const changed = { ...PACK_PRINT_OPTIONS, printBackground: false, tagged: false, margin: { top: '1in', right: '25.4mm', bottom: '96px', left: '2.54cm' } };
    expect(electronPrintOptions(changed as unknown as typeof PACK_PRINT_OPTIONS)).toMatchObject({
      printBackground: false,
      generateTaggedPDF: false,
      margins: { top: 1, right: 1, bottom: 1, left: 1 },
    });
  });

  it('convert lengths to inches and refuse what they cannot read', () => {
    expect(inches('0')).toBe(0);
    expect(inches('12.7mm')).toBeCloseTo(0.5);
    expect(() => inches('12')).toThrow('needs a unit');
    expect(() => inches('1em')).toThrow('is not a length');
  });
});

describe('the hidden print window', () => {
  const options = printWindowOptions('/app/out/electron/preload.cjs', 'linux');
  const main = webPreferences('/app/out/electron/preload.cjs', 'linux');

  it('is never shown', () => {
    expect(options.show).toBe(false);
    expect(options.skipTaskbar).toBe(true);
  });

  it('has every hardened web preference of the main window, with the same value', () => {
    for (const [name, value] of Object.entries(main)) expect(options.webPreferences, name).toHaveProperty(name, value);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('adds only that its drawing is not slowed for being hidden', () => {
    const extra = Object.keys(options.webPreferences ?? {}).filter((name) => !(name in main));
    expect(extra).toEqual(['backgroundThrottling']);
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });

  it('opens the print view on the app protocol, where navigation is allowed', () => {
    expect(printViewAppUrl('0192-abc')).toBe('app://getting-to-good/index.html#/print/packs/0192-abc');
    expect(printViewAppUrl('a/b?c')).toBe('app://getting-to-good/index.html#/print/packs/a%2Fb%3Fc');
    expect(isAllowedNavigation(printViewAppUrl('0192-abc'))).toBe(true);
  });
});

describe('printing a pack in the desktop app', () => {
  it('loads the view, waits for its ready signal, prints with the shared options, and destroys the window', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 50 });
    const pdf = await printer.printPack('pack-1');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 app://getting-to-good/index.html#/print/packs/pack-1');
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.options).toEqual(printWindowOptions('/app/out/electron/preload.cjs', 'linux'));
    expect(window!.events).toEqual(['load', 'wait', 'ready', 'print', 'destroy']);
    expect(window!.printedWith).toEqual([electronPrintOptions()]);
  });

  it('trusts the print window’s contract calls only while it prints', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 30 });
    const printing = printer.printPack('pack-1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const contents = windows[0]!.webContents;
    expect(printer.owns(contents)).toBe(true);
    expect(printer.owns({})).toBe(false);
    await printing;
    expect(printer.owns(contents)).toBe(false);
  });

  it('reads the chart images once the view is ready', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 10, images: [['kpi-1', `data:image/png;base64,${PNG.toString('base64')}`]] });
    const images = await printer.chartImages('pack-1');
    expect(Buffer.from(images.get('kpi-1')!).equals(PNG)).toBe(true);
    expect(windows[0]!.events).toEqual(['load', 'wait', 'ready', 'images', 'destroy']);
  });

  it('gives up on a view that never becomes ready, says what the page said, and closes the window', async () => {
    const { printer, windows } = setUp({ readyAfterMs: null, alert: 'That pack no longer exists.' }, 300);
    const error = await refusal(printer.printPack('gone'));
    expect(error.code).toBe('internal');
    expect(error.message).toBe(
      'The pack’s print view did not finish drawing within 1 second, so nothing was printed. The page said: “That pack no longer exists.”',
    );
    expect(windows[0]!.events).toEqual(['load', 'wait', 'destroy']);
  });

  it('stops at once when the view says it cannot show the pack, with what it said', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 10, fails: true, alert: 'The pack could not be shown. That pack no longer exists.' }, 10_000);
    const started = Date.now();
    const error = await refusal(printer.printPack('gone'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe(
      'The pack’s print view could not show the pack, so nothing was printed: “The pack could not be shown. That pack no longer exists.”',
    );
    expect(windows[0]!.events).toEqual(['load', 'wait', 'failed', 'destroy']);
  });

  it('says so when the view cannot be loaded, and closes the window', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 0, loadFails: "ERR_FILE_NOT_FOUND (-6) loading 'app://getting-to-good/index.html'" });
    const error = await refusal(printer.printPack('pack-1'));
    expect(error.message).toBe("The pack’s print view could not be opened: ERR_FILE_NOT_FOUND (-6) loading 'app://getting-to-good/index.html'.");
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('prints packs side by side, each in its own window', async () => {
    const { printer, windows } = setUp({ readyAfterMs: 20 });
    const [one, two] = await Promise.all([printer.printPack('one'), printer.printPack('two')]);
    expect(Buffer.from(one).toString()).toContain('/print/packs/one');
    expect(Buffer.from(two).toString()).toContain('/print/packs/two');
    expect(windows.map((window) => window.destroyed)).toEqual([true, true]);
  });

  it('closes every print window when the app quits, and prints no more', async () => {
    const { printer, windows } = setUp({ readyAfterMs: null }, 10_000);
    const printing = refusal(printer.printPack('pack-1'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await printer.close();
    expect(windows[0]!.destroyed).toBe(true);
    const interrupted = await printing;
    expect(interrupted.code).toBe('unavailable');
    expect(interrupted.message).toBe('The app closed before the pack was printed.');
    const closed = await refusal(printer.printPack('pack-2'));
    expect(closed.code).toBe('unavailable');
    expect(windows).toHaveLength(1);
  });
});
