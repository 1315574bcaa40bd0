// `npm run web`: the app in browser mode. Serves the built renderer and the contract on
// 127.0.0.1 and prints the address (with this launch's secret token) to open.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runApp } from '../core/app';
import { defaultDataDirectory, findUp } from '../core/paths';
import { describeStartupError } from '../core/startup-error';
import { appVersion } from '../core/version';
import { serveApp } from './serve-app';

const USAGE = `Usage: npm run web -- [--port N] [--data-dir FOLDER]

Serves Getting to Good in browser mode on 127.0.0.1 and prints the address to open.
  --port N           the port to listen on (default: any free port)
  --data-dir FOLDER  the data folder (default: ${defaultDataDirectory()})`;

export async function runWebHost(argv: string[]): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The port must be a whole number from 0 to 65535, not “${values.port}”.`);
    process.exit(2);
  }
  const here = import.meta.dirname;
  const dataDirectory = path.resolve(values['data-dir'] ?? defaultDataDirectory());
  let app;
  let damage: unknown = null;
  try {
    app = runApp({
      dataDirectory,
      migrationsFolder: findUp(here, 'db/migrations'),
      version: appVersion(here),
      seedDemo: true,
      watchExternalChanges: true,
      scheduleBackups: true,
      recoverWhenDamaged: true,
      host: 'browser',
      onInternalError: (method, error) => console.error(`Internal error in ${method}:`, error),
    });
    // A damaged database starts the page on its recovery screen, which offers the latest good backup.
    if (app.current() === null) {
      damage = (await app.dispatch('recovery.status', {}));
    }
  } catch (error) {
    console.error(describeStartupError(error));
    process.exit(1);
  }
  // Packs print through this host's own print view, so the printer is set once it listens.
  const served = await serveApp(app, {
    rendererDirectory: findUp(here, 'out/renderer'),
    port,
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use. Choose another with --port, or leave it out to use any free port.`
        : `The browser-mode server could not start: ${error.message}`,
    );
    process.exit(1);
  });
  if (damage !== null) {
    const status = damage as { ok: boolean; value?: { message: string; backupsFolder: string } };
    console.error(
      `${status.value?.message ?? 'The database is damaged.'} Backups of the database are kept in ${status.value?.backupsFolder ?? 'the backups folder'}.`,
    );
    console.error('Open the address below to restore the latest good backup; the damaged file is kept, not deleted.');
  }
  console.log(`Getting to Good is running in browser mode, with its data in ${dataDirectory}`);
  console.log(`Open this address in your browser: ${served.host.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void served.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
