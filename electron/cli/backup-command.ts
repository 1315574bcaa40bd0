// Backups from the command line: the list (which works even when the database is damaged), one
// taken now, and restoring one in place of the database while the app is closed. The database
// replaced is moved aside into `damaged/` or `replaced/`, never deleted.
import fs from 'node:fs';
import path from 'node:path';
import { checkDatabaseFile } from '../../db/database';
import type { BackupInfo } from '../../shared/contract-backups';
import { AppError } from '../../shared/errors';
import { BACKUP_REASON_LABELS, describeFileSize } from '../../shared/vocabulary';
import { backupLabel, backupsFolder, describeBackup, latestGoodBackup, listBackups, restoreFiles } from '../core/backups/files';
import { runningApp } from '../core/backups/running';
import { DATABASE_FILE_NAME, findUp } from '../core/paths';
import { CommandFailure, formatTable, UsageFailure, type Command, type CommandContext, type DataCommand, type PlainCommand } from './command';
import { call, rejectExtraArguments } from './command-files';

function checkWords(backup: BackupInfo): string {
  return backup.good ? 'good' : `NOT GOOD: ${backup.problem}`;
}

function rejectWords(context: CommandContext, command: string): void {
  if (context.args.length > 0) throw new UsageFailure(`“g2g ${command}” takes no further words, but was given “${context.args.join(' ')}”.`);
}

const backupList: PlainCommand = {
  name: 'backup list',
  summary: 'list the backups of the database, newest first, with why each was taken and whether it checks out',
  needsData: false,
  async run(context) {
    rejectWords(context, 'backup list');
    const dataDirectory = context.dataDirectory;
    const backups = listBackups(dataDirectory);
    if (context.json) {
      context.out(JSON.stringify({ folder: backupsFolder(dataDirectory), backups }, null, 2));
      return 0;
    }
    context.out(`Backups in ${backupsFolder(dataDirectory)}`);
    if (backups.length === 0) {
      context.out('There are no backups yet.');
      return 0;
    }
    context.out(
      formatTable(
        ['Taken', 'Why', 'Size', 'Check', 'File'],
        backups.map((backup) => [backup.when, BACKUP_REASON_LABELS[backup.reason].toLowerCase(), describeFileSize(backup.sizeBytes), checkWords(backup), backup.fileName]),
      ),
    );
    return 0;
  },
};

const backupCreate: DataCommand = {
  name: 'backup create',
  summary: 'take a backup of the database now, into the backups folder, and check it',
  async run(context) {
    rejectExtraArguments(context, 'backup create');
    const backup = await call(context, 'backups.create', {});
    if (context.json) {
      context.out(JSON.stringify(backup, null, 2));
      return 0;
    }
    context.out(`Backed up to ${backup.file} (${describeFileSize(backup.sizeBytes)}); the copy checks out.`);
    return 0;
  },
};

const backupRestore: PlainCommand = {
  name: 'backup restore',
  summary: 'put a backup in place of the database (the app must be closed); the database replaced is kept aside',
  help: [
    'Options:',
    '  --latest   restore the newest backup that checks out',
    '  --file F   restore this backup file (from the backups folder or anywhere else)',
    '  --yes      go ahead: without it, the command only says what it would do',
    '  --json     print what was done as JSON',
    '',
    'The database in place is moved, with its -wal and -shm files, into the folder “damaged” (when it',
    'is damaged) or “replaced” beside it, under a name with the date and time; it is never deleted.',
    'Close Getting to Good first: restoring while it runs would lose what it writes afterwards.',
  ].join('\n'),
  needsData: false,
  options: { latest: { type: 'boolean' }, file: { type: 'string' }, yes: { type: 'boolean' } },
  async run(context) {
    rejectWords(context, 'backup restore');
    const dataDirectory = context.dataDirectory;
    const given = context.options.file;
    const latest = context.options.latest === true;
    if ((typeof given === 'string') === latest) throw new UsageFailure('“g2g backup restore” needs either --latest or --file F (one of them).');
    let backup: BackupInfo | null;
    if (typeof given === 'string') {
      const file = path.resolve(given);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CommandFailure(`There is no backup file ${file}. Nothing was changed.`);
      backup = describeBackup(file);
    } else {
      backup = latestGoodBackup(dataDirectory);
      if (backup === null) throw new CommandFailure(`There is no backup that checks out in ${backupsFolder(dataDirectory)}. Nothing was changed.`);
    }
    const running = runningApp(dataDirectory);
    if (running) {
      throw new CommandFailure(
        `Getting to Good is running on this data folder (${running.host === 'browser' ? 'in browser mode' : 'the desktop app'}, process ${running.pid}). ` +
          'Close it, then restore again; or restore from Settings in the app. Nothing was changed.',
      );
    }
    const databaseFile = path.join(dataDirectory, DATABASE_FILE_NAME);
    const exists = fs.existsSync(databaseFile);
    const damaged = exists && !checkDatabaseFile(databaseFile).ok;
    const aside = damaged ? 'damaged' : 'replaced';
    if (context.options.yes !== true) {
      throw new UsageFailure(
        `This would restore ${backupLabel(backup)} (${backup.file}) in place of ${databaseFile}` +
          (exists ? `, moving the ${damaged ? 'damaged ' : ''}database now there into ${path.join(dataDirectory, aside)} (kept, not deleted)` : '') +
          '. Make sure Getting to Good is closed, then add --yes to go ahead.',
      );
    }
    let setAside: string[];
    try {
      ({ setAside } = restoreFiles({
        dataDirectory,
        backup,
        migrationsFolder: findUp(import.meta.dirname, 'db/migrations'),
        setAsideAs: aside,
        now: new Date(),
      }));
    } catch (error) {
      if (error instanceof AppError) throw new CommandFailure(error.message);
      throw error;
    }
    if (context.json) {
      context.out(JSON.stringify({ restoredFrom: backup, setAside }, null, 2));
      return 0;
    }
    context.out(`Restored ${backupLabel(backup)} from ${backup.file}.`);
    if (setAside.length > 0) context.out(`The database it replaced was moved to ${setAside[0]} (kept, not deleted).`);
    return 0;
  },
};

export const backupCommands: Command[] = [backupList, backupCreate, backupRestore];
