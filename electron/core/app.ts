// Opens the whole application core on a data folder: the database (checked, migrated, seeded
// with the demo plan on first run), the change feed, and the dispatcher that transports call.
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/database';
import { ChangeFeed } from './change-feed';
import { Core } from './core';
import { seedDemoPlan } from './demo/seed';
import { createDispatcher, type Dispatch } from './dispatcher';
import { DATABASE_FILE_NAME } from './paths';

export interface OpenAppOptions {
  dataDirectory: string;
  migrationsFolder: string;
  version: string;
  /** Seed the demo plan when the database is new. On for the app, off for most tests. */
  seedDemo?: boolean;
  actor?: string;
  checkOutputs?: boolean;
  /** Notice commits made by other processes (on for long-running hosts). */
  watchExternalChanges?: boolean;
  clock?: () => Date;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface OpenedApp {
  core: Core;
  dispatch: Dispatch;
  createdDatabase: boolean;
  close(): void;
}

export function currentActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown user';
  }
}

export function openApp(options: OpenAppOptions): OpenedApp {
  const opened = openDatabase({
    file: path.join(options.dataDirectory, DATABASE_FILE_NAME),
    migrationsFolder: options.migrationsFolder,
  });
  const feed = new ChangeFeed();
  const core = new Core({
    db: opened.db,
    feed,
    actor: options.actor ?? currentActor(),
    dataDirectory: path.resolve(options.dataDirectory),
    databaseFile: opened.file,
    schemaVersion: opened.schemaVersion,
    version: options.version,
    clock: options.clock,
  });
  try {
    if (opened.created && options.seedDemo) seedDemoPlan(core);
  } catch (error) {
    opened.sqlite.close();
    throw error;
  }
  if (options.watchExternalChanges) feed.watchExternalChanges(opened.sqlite);
  const dispatch = createDispatcher(core, {
    checkOutputs: options.checkOutputs,
    onInternalError: options.onInternalError,
  });
  return {
    core,
    dispatch,
    createdDatabase: opened.created,
    close() {
      core.close();
      feed.close();
      if (opened.sqlite.open) opened.sqlite.close();
    },
  };
}
