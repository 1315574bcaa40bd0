// The backups folder beside the database: what is in it (why each copy was taken, when, and
// whether it checks out), which automatic copies are pruned, and putting a backup back in place
// of the database with the one it replaces set aside, never deleted.
//
// What is kept: each kind of automatic backup (scheduled, before an import, before an update)
// is kept to the newest N of its kind, N being the "backups kept" setting; backups taken by
// hand, and any other file put in the folder, are kept until someone deletes them; database
// files set aside in `damaged/` and `replaced/` are never touched.
import fs from 'node:fs';
import path from 'node:path';
import {
  checkDatabaseFile,
  copyBackupIntoPlace,
  migrationsApplied,
  migrationsOf,
  PARTIAL_SUFFIX,
  putDatabaseBack,
  setDatabaseAside,
  type FileCheck,
} from '../../../db/database';
import { describeWriteProblem } from '../../../db/durable';
import type { BackupInfo, BackupReason } from '../../../shared/contract-backups';
import { AppError } from '../../../shared/errors';
import { DATABASE_FILE_NAME } from '../paths';

export const BACKUPS_FOLDER_NAME = 'backups';
export const DAMAGED_FOLDER_NAME = 'damaged';
const REPLACED_FOLDER_NAME = 'replaced';

export const backupsFolder = (dataDirectory: string) => path.join(dataDirectory, BACKUPS_FOLDER_NAME);
export const damagedFolder = (dataDirectory: string) => path.join(dataDirectory, DAMAGED_FOLDER_NAME);
export const replacedFolder = (dataDirectory: string) => path.join(dataDirectory, REPLACED_FOLDER_NAME);

/** The kinds pruned to the configured count; the others are kept until deleted by hand. */
const PRUNED: BackupReason[] = ['scheduled', 'before-import', 'before-update'];

// `before-update` copies are named after the database file; the others after their reason only.
const NAME = /^(?:getting-to-good-)?(scheduled|by-hand|before-import|before-update)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?\.sqlite$/;

const whenFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "21 November 2026 at 14:00", in UK time, as a backup is named to a person. */
export function describeWhen(instant: Date): string {
  const part = (type: string) => whenFormat.formatToParts(instant).find((each) => each.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}

/** "the backup of 21 November 2026 at 14:00". */
export function backupLabel(backup: Pick<BackupInfo, 'takenAt'>): string {
  return `the backup of ${describeWhen(new Date(backup.takenAt))}`;
}

// Checking a large copy takes a moment; a copy not changed since it was checked is not checked again.
const checked = new Map<string, { size: number; modified: number; result: FileCheck }>();

function checkCached(file: string, stat: fs.Stats): FileCheck {
  const known = checked.get(file);
  if (known && known.size === stat.size && known.modified === stat.mtimeMs) return known.result;
  const result = checkDatabaseFile(file);
  checked.set(file, { size: stat.size, modified: stat.mtimeMs, result });
  return result;
}

/** A backup file as its name and the folder say: why and when it was taken, and its size. Not checked. */
type FoundBackup = Omit<BackupInfo, 'good' | 'problem'>;

function foundBackup(file: string, stat: fs.Stats): FoundBackup {
  const fileName = path.basename(file);
  const match = NAME.exec(fileName);
  const takenAt = match?.[2]
    ? new Date(match[2].replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'))
    : stat.mtime;
  return {
    fileName,
    file,
    reason: (match?.[1] as BackupReason | undefined) ?? 'other',
    takenAt: takenAt.toISOString(),
    when: describeWhen(takenAt),
    sizeBytes: stat.size,
  };
}

/** What one backup file is, checked. */
export function describeBackup(file: string): BackupInfo {
  const stat = fs.statSync(file);
  const check = checkCached(file, stat);
  return { ...foundBackup(file, stat), good: check.ok, problem: check.problem };
}

/**
 * A backup just written and checked by `backupDatabase` is known to check out, so listing it
 * does not open and check the copy again.
 */
export function rememberChecked(file: string): void {
  const stat = fs.statSync(file);
  checked.set(file, { size: stat.size, modified: stat.mtimeMs, result: { ok: true, problem: null } });
}

/**
 * Every backup in the folder, newest first, as their names say, without opening them: what the
 * schedule and pruning need. Copies still being written (`.partial`) are not backups.
 */
export function findBackups(dataDirectory: string): FoundBackup[] {
  const folder = backupsFolder(dataDirectory);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: FoundBackup[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite') || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) backups.push(foundBackup(file, stat));
    } catch {
      // A file removed while the folder was read is simply not listed.
    }
  }
  return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.fileName.localeCompare(a.fileName));
}

/** Every backup in the folder, newest first, each checked (a copy unchanged since its last check is not checked again). */
export function listBackups(dataDirectory: string): BackupInfo[] {
  const backups: BackupInfo[] = [];
  for (const found of findBackups(dataDirectory)) {
    try {
      backups.push(describeBackup(found.file));
    } catch {
      // A file removed since the folder was read is simply not listed.
    }
  }
  return backups;
}

/** The backups of a data folder, checked, and the folders a restore sets files aside in: what the Backups list shows. */
export function backupsIn(dataDirectory: string) {
  return {
    folder: backupsFolder(dataDirectory),
    damagedFolder: damagedFolder(dataDirectory),
    replacedFolder: replacedFolder(dataDirectory),
    backups: listBackups(dataDirectory),
  };
}

/** The newest backup that checks out, or null. */
export function latestGoodBackup(dataDirectory: string): BackupInfo | null {
  return listBackups(dataDirectory).find((backup) => backup.good) ?? null;
}

/**
 * Deletes automatic backups beyond the newest `keep` of their kind, oldest first, and copies
 * left half-written by an interrupted backup more than an hour ago. Returns the files deleted.
 */
export function pruneBackups(dataDirectory: string, keep: number, now: Date): string[] {
  const removed: string[] = [];
  const backups = findBackups(dataDirectory);
  for (const reason of PRUNED) {
    for (const backup of backups.filter((each) => each.reason === reason).slice(keep)) {
      fs.rmSync(backup.file, { force: true });
      checked.delete(backup.file);
      removed.push(backup.file);
    }
  }
  const folder = backupsFolder(dataDirectory);
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = path.join(folder, name);
    if (now.getTime() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) {
      fs.rmSync(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

/** The backup named, from the backups folder only; refused with a plain reason when it is not there or not usable. */
export function findBackup(dataDirectory: string, fileName: string): BackupInfo {
  const file = path.join(backupsFolder(dataDirectory), fileName);
  if (path.dirname(file) !== backupsFolder(dataDirectory) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError('not-found', `There is no backup called “${fileName}” in ${backupsFolder(dataDirectory)}. Nothing was changed.`, {
      fileName,
    });
  }
  return describeBackup(file);
}

/** Refuses a backup that cannot be restored: damaged, of another program, or made by a newer version of the app. */
export function assertRestorable(backup: BackupInfo, migrationsFolder: string): void {
  const label = backupLabel(backup);
  if (!backup.good) {
    throw new AppError('database-damaged', `${capitalise(label)} cannot be restored: ${backup.problem}. Nothing was changed. Choose another backup.`, {
      file: backup.file,
    });
  }
  const known = new Set(migrationsOf(migrationsFolder).map((migration) => migration.folderMillis));
  if (migrationsApplied(backup.file).some((createdAt) => !known.has(createdAt))) {
    throw new AppError(
      'database-newer',
      `${capitalise(label)} was made by a newer version of Getting to Good and cannot be restored by this one. Nothing was changed.`,
      { file: backup.file },
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RestoreFilesOptions {
  dataDirectory: string;
  backup: BackupInfo;
  migrationsFolder: string;
  /** Why the database in place is set aside: it is damaged, or a person chose to replace it. */
  setAsideAs: 'damaged' | 'replaced';
  now: Date;
}

/**
 * With the database closed: checks the backup, moves the database file (and its -wal and -shm)
 * into `damaged/` or `replaced/` under a timestamped name, then copies the backup into place
 * (through a temporary file). If the copy fails the files set aside are put back as they were.
 */
export function restoreFiles(options: RestoreFilesOptions): { setAside: string[] } {
  assertRestorable(options.backup, options.migrationsFolder);
  const file = path.join(options.dataDirectory, DATABASE_FILE_NAME);
  const folder = options.setAsideAs === 'damaged' ? damagedFolder(options.dataDirectory) : replacedFolder(options.dataDirectory);
  let moved: string[];
  try {
    moved = setDatabaseAside(file, folder, options.setAsideAs, options.now).moved;
  } catch (error) {
    throw new AppError(
      'not-written',
      `The database could not be moved aside into ${folder}: ${describeWriteProblem(error, path.join(folder, DATABASE_FILE_NAME)).reason}. Nothing was restored and nothing was changed.`,
      { folder },
    );
  }
  try {
    copyBackupIntoPlace(options.backup.file, file);
  } catch (error) {
    putDatabaseBack(moved, file);
    throw error;
  }
  return { setAside: moved };
}
