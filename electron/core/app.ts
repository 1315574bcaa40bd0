// Opens the whole application core on a data folder: the database (checked, migrated, seeded
// with the demo plan on first run), the change feed, and the dispatcher that transports call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForCheckpoints } from '../../db/checkpoint';
import { openDatabase } from '../../db/database';
import type { RestoreResult } from '../../shared/contract-backups';
import { AppError } from '../../shared/errors';
import { describeBackup, findBackup, restoreFiles, assertRestorable } from './backups/files';
import { createRecoveryDispatch } from './backups/recovery';
import { markRunning } from './backups/running';
import { backupState, startBackupSchedule } from './backups/schedule';
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
      waitForCheckpoints(opened.sqlite);
      if (opened.sqlite.open) opened.sqlite.close();
    },
  };
}

// ---------------------------------------------------------------- a long-running host's app

export interface RunAppOptions extends OpenAppOptions {
  /** Take scheduled backups while running (the desktop app and browser mode). */
  scheduleBackups?: boolean;
  /** When the database is damaged, answer in a recovery state (restore a backup) instead of failing. */
  recoverWhenDamaged?: boolean;
  /** Mark the data folder as in use by this host while it runs, naming it: `desktop`, `browser`. */
  host?: string;
}

export interface RunningApp {
  /** The same function throughout: it answers from whichever database is open now. */
  dispatch: Dispatch;
  /** The app on the open database; null while in the recovery state. */
  current(): OpenedApp | null;
  /** Calls `listener` with the app now (if open) and each time it is opened again after a restore. */
  onOpen(listener: (app: OpenedApp) => void): void;
  /**
   * Restores a backup in place of the database (closing and reopening it): `damaged` when the
   * database could not be opened, `replaced` when a person chose to replace a working one.
   */
  restore(backupFile: string): RestoreResult;
  close(): void;
}

/**
 * Opens the app as a host runs it: with scheduled backups, and able to restore a backup in place
 * of the database and carry on without restarting. A damaged database (with
 * `recoverWhenDamaged`) starts it in the recovery state, where only the recovery methods answer.
 */
export function runApp(options: RunAppOptions): RunningApp {
  const dataDirectory = path.resolve(options.dataDirectory);
  const listeners: ((app: OpenedApp) => void)[] = [];
  let opened: OpenedApp | null = null;
  let stopSchedule: (() => void) | null = null;
  let recoveryDispatch: Dispatch | null = null;
  const unmark = options.host ? markRunning(dataDirectory, options.host, new Date()) : () => {};
  const clock = options.clock ?? (() => new Date());

  function open(): void {
    const app = openApp({ ...options, dataDirectory });
    opened = app;
    recoveryDispatch = null;
    backupState(app.core).restore = (fileName) => restore(findBackup(dataDirectory, fileName).file);
    if (options.scheduleBackups) {
      stopSchedule = startBackupSchedule(app.core, {
        onError: (error) => console.error(`The scheduled backup failed: ${(error as Error).message}`),
      });
    }
    for (const listener of listeners) listener(app);
  }

  function shut(): void {
    stopSchedule?.();
    stopSchedule = null;
    opened?.close();
    opened = null;
  }

  function restore(backupFile: string): RestoreResult {
    const backup = describeBackup(backupFile);
    assertRestorable(backup, options.migrationsFolder);
    const damaged = opened === null;
    const databaseFile = path.join(dataDirectory, DATABASE_FILE_NAME);
    if (!damaged) {
      shut();
      // The last connection to close folds the write-ahead log into the file and removes it; a
      // log still there means another program (such as g2g) has the database open.
      if (fs.existsSync(`${databaseFile}-wal`) && fs.statSync(`${databaseFile}-wal`).size > 0) {
        open();
        throw new AppError(
          'unavailable',
          'Another program (such as the g2g command) has the database open, so the backup was not restored. Close it and try again. Nothing was changed.',
        );
      }
    }
    let setAside: string[];
    try {
      ({ setAside } = restoreFiles({ dataDirectory, backup, migrationsFolder: options.migrationsFolder, setAsideAs: damaged ? 'damaged' : 'replaced', now: clock() }));
    } catch (error) {
      if (!damaged) open();
      throw error;
    }
    try {
      open();
    } catch (error) {
      enterRecovery(error);
      throw error;
    }
    return { restoredFrom: describeBackup(backupFile), setAside };
  }

  function enterRecovery(error: unknown): void {
    if (!(error instanceof AppError) || error.code !== 'database-damaged' || !options.recoverWhenDamaged) throw error;
    recoveryDispatch = createRecoveryDispatch({
      dataDirectory,
      error,
      restore: (fileName) => restore(findBackup(dataDirectory, fileName).file),
      checkOutputs: options.checkOutputs,
      onInternalError: options.onInternalError,
    });
  }

  try {
    open();
  } catch (error) {
    try {
      enterRecovery(error);
    } catch (refused) {
      unmark();
      throw refused;
    }
  }

  return {
    dispatch: (method, input) => {
      if (opened) return opened.dispatch(method, input);
      if (recoveryDispatch) return recoveryDispatch(method, input);
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'The app is closing.', details: {} } });
    },
    current: () => opened,
    onOpen(listener) {
      listeners.push(listener);
      if (opened) listener(opened);
    },
    restore,
    close() {
      shut();
      recoveryDispatch = null;
      unmark();
    },
  };
}
