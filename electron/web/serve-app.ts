// Browser mode on an open application core: the web host, and the printer that prints packs
// through that host's own print view. Used by `npm run web` and by the command line, which
// serves the app to itself for as long as it prints.
import type { OpenedApp, RunningApp } from '../core/app';
import { ChromiumPackPrinter } from '../core/printing/chromium-printer';
import type { PackPrinter } from '../core/printing/printer';
import { startWebHost, type WebHost } from './host';

export interface ServeAppOptions {
  /** The folder holding the built renderer (index.html and assets/). */
  rendererDirectory: string;
  port?: number;
  token?: string;
  /** How the printer is made once the host knows its address; Chromium by default. */
  makePrinter?: (host: WebHost) => PackPrinter;
}

export interface ServedApp {
  host: WebHost;
  printer: PackPrinter;
  /** Stops printing, then serving; the core is left open for its owner to close. */
  close(): Promise<void>;
}

/**
 * Serves an open app, or a running one (browser mode), which may be in its recovery state and
 * may open its database again after a restore: the printer is then set on each one it opens.
 */
export async function serveApp(app: OpenedApp | RunningApp, options: ServeAppOptions): Promise<ServedApp> {
  const host = await startWebHost({
    dispatch: app.dispatch,
    rendererDirectory: options.rendererDirectory,
    port: options.port,
    token: options.token,
  });
  const printer = options.makePrinter?.(host) ?? new ChromiumPackPrinter({ origin: host.origin, token: host.token });
  const cores: OpenedApp['core'][] = [];
  if ('onOpen' in app) {
    app.onOpen((opened) => {
      opened.core.printer = printer;
      cores.push(opened.core);
    });
  } else {
    app.core.printer = printer;
    cores.push(app.core);
  }
  let closing: Promise<void> | null = null;
  return {
    host,
    printer,
    close() {
      closing ??= (async () => {
        for (const core of cores) if (core.printer === printer) core.printer = null;
        await printer.close();
        await host.close();
      })();
      return closing;
    },
  };
}
