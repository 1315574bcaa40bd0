// Backups from the app: the list, one taken now, the schedule, and restoring one (which the host
// that opened the database carries out, since the database must be closed and reopened).
import type { BackupList } from '../../../shared/contract-backups';
import { AppError } from '../../../shared/errors';
import { backupsIn, pruneBackups } from '../backups/files';
import { BACKUP_SETTINGS_KEY, backupSettings, backupState, nextScheduledAt, takeBackup } from '../backups/schedule';
import type { Core } from '../core';
import { writeSetting } from '../settings';
import type { HandlerGroup } from './types';

function backupListOf(core: Core): BackupList {
  return {
    ...backupsIn(core.dataDirectory),
    settings: backupSettings(core),
    canBackUp: true,
    nextScheduledAt: nextScheduledAt(core).toISOString(),
    lastFailure: backupState(core).lastFailure,
  };
}

export const backupHandlers: HandlerGroup<
  'backups.list' | 'backups.create' | 'backups.updateSettings' | 'backups.restore' | 'recovery.status'
> = {
  'backups.list': (_input, core) => backupListOf(core),

  'backups.create': (_input, core) => takeBackup(core, 'by-hand'),

  'backups.updateSettings': (input, core) => {
    core.write(null, (unit) => writeSetting(unit, BACKUP_SETTINGS_KEY, input));
    pruneBackups(core.dataDirectory, input.keep, core.clock());
    return backupSettings(core);
  },

  'backups.restore': (input, core) => {
    const restore = backupState(core).restore;
    if (!restore) {
      throw new AppError(
        'unavailable',
        'A backup can be restored from the app’s Settings, or with “g2g backup restore” while the app is closed. Nothing was changed.',
      );
    }
    return restore(input.fileName);
  },

  'recovery.status': () => ({ state: 'open' }),
};
