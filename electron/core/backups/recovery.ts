// What a host answers while the database cannot be opened because it is damaged: the same
// contract and the same dispatcher (so input is parsed and refused alike), with only what needs
// no open database answered — what is wrong, the backups, and restoring one. Every other method
// is refused with the reason.
import path from 'node:path';
import { contract, type MethodName } from '../../../shared/contract';
import { DEFAULT_BACKUP_SETTINGS, type RecoveryStatus, type RestoreResult } from '../../../shared/contract-backups';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { createDispatcher, type Dispatch } from '../dispatcher';
import type { Handler, Handlers } from '../handlers/types';
import { DATABASE_FILE_NAME } from '../paths';
import { backupsFolder, backupsIn, damagedFolder, latestGoodBackup } from './files';

export interface RecoveryOptions {
  dataDirectory: string;
  /** Why the database could not be opened. */
  error: AppError;
  /** Restores the named backup and opens the app on it. */
  restore: (fileName: string) => RestoreResult;
  checkOutputs?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

function recoveryStatus(dataDirectory: string, error: AppError): RecoveryStatus {
  const file = typeof error.details.file === 'string' ? error.details.file : path.join(dataDirectory, DATABASE_FILE_NAME);
  return {
    state: 'damaged',
    message: error.message,
    databaseFile: file,
    backupsFolder: backupsFolder(dataDirectory),
    damagedFolder: damagedFolder(dataDirectory),
    offer: latestGoodBackup(dataDirectory),
  };
}

export function createRecoveryDispatch(options: RecoveryOptions): Dispatch {
  const refuse: Handler<MethodName> = () => {
    throw new AppError('database-damaged', `${options.error.message} Until a backup is restored, nothing else can be done.`, {
      file: options.error.details.file,
    });
  };
  const answered: Partial<Handlers> = {
    'recovery.status': () => recoveryStatus(options.dataDirectory, options.error),
    'backups.list': () => ({
      ...backupsIn(options.dataDirectory),
      settings: { ...DEFAULT_BACKUP_SETTINGS },
      canBackUp: false,
      nextScheduledAt: null,
      lastFailure: null,
    }),
    'backups.restore': (input) => options.restore(input.fileName),
  };
  const handlers = Object.fromEntries(
    Object.keys(contract).map((name) => [name, answered[name as MethodName] ?? refuse]),
  ) as unknown as Handlers;
  // No handler here reads the core: there is none while the database cannot be opened.
  return createDispatcher(null as unknown as Core, {
    handlers,
    checkOutputs: options.checkOutputs,
    onInternalError: options.onInternalError,
  });
}
