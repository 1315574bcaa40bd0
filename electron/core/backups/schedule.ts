// Backups taken while the app runs: one on start when the newest scheduled backup is older than
// the interval, then whenever the interval has passed again (checked every few minutes, so a
// laptop that slept catches up when it wakes). Each is followed by pruning to the count kept.
import type * as z from 'zod';
import { backupDatabase } from '../../../db/database';
import {
  BackupSettings,
  DEFAULT_BACKUP_SETTINGS,
  type BackupInfo,
  type BackupReason,
  type RestoreResult,
} from '../../../shared/contract-backups';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { readSetting } from '../settings';
import { backupsFolder, describeBackup, findBackups, pruneBackups, rememberChecked } from './files';

export const BACKUP_SETTINGS_KEY = 'backups.schedule';

const HOUR = 60 * 60 * 1000;

/** What the running app knows about its backups beyond the files: the last failure, and how to restore. */
interface BackupState {
  lastFailure: { at: string; message: string } | null;
  /** Set by the host that can close and reopen the database; absent where restoring is not possible. */
  restore?: (fileName: string) => RestoreResult;
}

const states = new WeakMap<Core, BackupState>();

export function backupState(core: Core): BackupState {
  let state = states.get(core);
  if (!state) {
    state = { lastFailure: null };
    states.set(core, state);
  }
  return state;
}

export function backupSettings(core: Core): BackupSettings {
  return readSetting(core, BACKUP_SETTINGS_KEY, BackupSettings as z.ZodType<BackupSettings>) ?? { ...DEFAULT_BACKUP_SETTINGS };
}

/** Takes a backup now, checks it, and prunes the automatic ones beyond the count kept. */
export function takeBackup(core: Core, reason: Exclude<BackupReason, 'other'>): BackupInfo {
  const now = core.clock();
  const file = backupDatabase(core.db.$client, backupsFolder(core.dataDirectory), reason, now);
  rememberChecked(file);
  pruneBackups(core.dataDirectory, backupSettings(core).keep, now);
  return describeBackup(file);
}

/** When the next scheduled backup is due: now if there has never been one. */
export function nextScheduledAt(core: Core): Date {
  const newest = findBackups(core.dataDirectory).find((backup) => backup.reason === 'scheduled');
  const interval = backupSettings(core).intervalHours * HOUR;
  return newest ? new Date(new Date(newest.takenAt).getTime() + interval) : core.clock();
}

/**
 * Takes a scheduled backup if one is due, and prunes. A failure is remembered (the Backups
 * section shows it) and handed to `onError`; it never stops the app.
 */
export function runScheduledBackup(core: Core, onError?: (error: unknown) => void): BackupInfo | null {
  if (nextScheduledAt(core).getTime() > core.clock().getTime()) {
    pruneBackups(core.dataDirectory, backupSettings(core).keep, core.clock());
    return null;
  }
  const state = backupState(core);
  try {
    const backup = takeBackup(core, 'scheduled');
    state.lastFailure = null;
    return backup;
  } catch (error) {
    const message = error instanceof AppError ? error.message : `The scheduled backup failed: ${(error as Error).message}`;
    state.lastFailure = { at: core.clock().toISOString(), message };
    onError?.(error);
    return null;
  }
}

export interface ScheduleOptions {
  /** How soon after start the first check runs, so the window opens first. */
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
  onError?: (error: unknown) => void;
}

/** Starts the schedule; the function returned stops it. */
export function startBackupSchedule(core: Core, options: ScheduleOptions = {}): () => void {
  const check = () => {
    try {
      runScheduledBackup(core, options.onError);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const first = setTimeout(check, options.firstCheckAfterMs ?? 5_000);
  const every = setInterval(check, options.checkEveryMs ?? 5 * 60 * 1000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
