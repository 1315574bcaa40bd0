// Backups of the database and recovery from a damaged one: the list of backups with why each
// was taken and whether it checked out, a backup taken on demand, the schedule and how many are
// kept, restoring one, and what a host that could not open the database offers instead.
import * as z from 'zod';
import { Empty, Instant, method } from './contract-kit';

export const BACKUP_REASONS = ['scheduled', 'by-hand', 'before-import', 'before-update', 'other'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How often a scheduled backup is taken, in hours: hourly to weekly. */
export const BACKUP_INTERVALS = [1, 4, 12, 24, 168] as const;
export const DEFAULT_BACKUP_SETTINGS = { intervalHours: 24, keep: 14 } as const;

export const BackupInfo = z.object({
  /** The file's name in the backups folder. */
  fileName: z.string(),
  file: z.string(),
  reason: z.enum(BACKUP_REASONS),
  takenAt: Instant,
  /** When it was taken, in words and UK time: "21 November 2026 at 14:00". */
  when: z.string(),
  sizeBytes: z.number().int(),
  /** Whether the copy passed SQLite's check and is a database of this app. */
  good: z.boolean(),
  problem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z
  .object({
    intervalHours: z
      .number({ message: 'Choose how often a backup is taken' })
      .int()
      .refine((hours) => (BACKUP_INTERVALS as readonly number[]).includes(hours), 'Choose every hour, every 4 or 12 hours, daily or weekly'),
    keep: z
      .number({ message: 'Enter how many backups to keep' })
      .int('Enter a whole number of backups to keep')
      .min(2, 'Keep at least 2 backups')
      .max(365, 'Keep at most 365 backups'),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupList = z.object({
  folder: z.string(),
  /** Where damaged database files are set aside. */
  damagedFolder: z.string(),
  /** Where a database replaced by a restore is set aside. */
  replacedFolder: z.string(),
  settings: BackupSettings,
  /** False while the database itself cannot be opened: backups can be listed and restored, not taken. */
  canBackUp: z.boolean(),
  nextScheduledAt: Instant.nullable(),
  lastFailure: z.object({ at: Instant, message: z.string() }).nullable(),
  backups: z.array(BackupInfo),
});
export type BackupList = z.infer<typeof BackupList>;

/** A backup's file name in the backups folder: no folders, no hidden files. */
const BackupFileName = z
  .string({ message: 'Choose a backup' })
  .min(1, 'Choose a backup')
  .max(255, 'A backup’s name is at most 255 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'Choose one of the backups listed (a file name ending .sqlite, without a folder)');

export const RestoreResult = z.object({
  restoredFrom: BackupInfo,
  /** Where the database that was replaced now is (the file, then its -wal and -shm if any). */
  setAside: z.array(z.string()),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const RecoveryStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({
    state: z.literal('damaged'),
    message: z.string(),
    databaseFile: z.string(),
    backupsFolder: z.string(),
    damagedFolder: z.string(),
    /** The latest backup that checks out, offered for restoring; null when there is none. */
    offer: BackupInfo.nullable(),
  }),
]);
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const backupMethods = {
  'backups.list': method(Empty, BackupList),
  'backups.create': method(Empty, BackupInfo),
  'backups.updateSettings': method(BackupSettings, BackupSettings, true),
  'backups.restore': method(
    z.object({ fileName: BackupFileName, confirm: z.literal(true, { message: 'Confirm that the database is to be replaced' }) }).strict(),
    RestoreResult,
    true,
  ),
  'recovery.status': method(Empty, RecoveryStatus),
};
