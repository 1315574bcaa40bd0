// Opens the real application core on a real SQLite file in a fresh temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenAppOptions, type OpenedApp } from '../../electron/core/app';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../db/migrations');

export function makeTempDirectory(prefix = 'g2g-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp extends OpenedApp {
  dataDirectory: string;
  databaseFile: string;
  /** Calls a method through the dispatcher and unwraps the envelope, failing on an error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls a method and returns the raw envelope. */
  send(method: string, input: unknown): Promise<Envelope<unknown>>;
}

export function openTestApp(options: Partial<OpenAppOptions> = {}): TestApp {
  const dataDirectory = options.dataDirectory ?? makeTempDirectory();
  const app = openApp({
    dataDirectory,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    actor: 'test user',
    checkOutputs: true,
    onInternalError: (method, error) => {
      throw new Error(`internal error in ${method}: ${String((error as Error)?.stack ?? error)}`);
    },
    ...options,
  });
  return {
    ...app,
    dataDirectory,
    databaseFile: path.join(dataDirectory, DATABASE_FILE_NAME),
    async call(method, input) {
      const envelope = await app.dispatch(method, input);
      if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as never;
    },
    send: (method, input) => app.dispatch(method, input),
  };
}
