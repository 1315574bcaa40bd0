// What the person sees when the data folder cannot be opened at start: a native dialog in plain
// words. The core has already refused to touch the file. When the database is damaged and a
// backup checks out, the first button restores the latest such backup (the damaged file is moved
// aside, never deleted); otherwise the dialog offers to show where the file is and closes the app.
// A file of another program, or one written by a newer version, is never replaced from here.
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import type { BackupInfo } from '../../shared/contract-backups';
import { AppError } from '../../shared/errors';
import { backupLabel, DAMAGED_FOLDER_NAME } from '../core/backups/files';
import { describeStartupError } from '../core/startup-error';

export type StartupChoice = 'restore' | 'show-file' | 'close';

export interface StartupDialog {
  options: MessageBoxOptions;
  /** The file to show in the system's file manager when "Show the file" is chosen. */
  fileToShow: string | null;
  /** The backup the first button restores, when one is offered. */
  offer: BackupInfo | null;
  /** What the button at this index does. */
  choiceFor(response: number): StartupChoice;
}

function titleFor(error: unknown): string {
  if (!(error instanceof AppError)) return 'Getting to Good could not start';
  switch (error.code) {
    case 'database-damaged':
      return 'The database is damaged';
    case 'database-foreign':
      return 'This file is not a Getting to Good database';
    case 'database-newer':
      return 'A newer version of Getting to Good is needed';
    default:
      return 'Getting to Good could not start';
  }
}

/**
 * The dialog for a failure to start. `latestGoodBackup` is the newest backup that checks out; it
 * is offered only for a damaged database.
 */
export function startupDialog(error: unknown, latestGoodBackup: BackupInfo | null = null): StartupDialog {
  const file = error instanceof AppError && typeof error.details.file === 'string' ? error.details.file : null;
  const damaged = error instanceof AppError && error.code === 'database-damaged';
  const offer = damaged && file !== null ? latestGoodBackup : null;
  const choices: { label: string; choice: StartupChoice }[] = [
    ...(offer ? [{ label: `Restore ${backupLabel(offer)}`, choice: 'restore' as const }] : []),
    ...(file !== null ? [{ label: 'Show the file', choice: 'show-file' as const }] : []),
    { label: 'Close', choice: 'close' },
  ];
  let detail = describeStartupError(error);
  if (offer && file !== null) {
    detail +=
      `\n\nRestoring ${backupLabel(offer)} moves the damaged file into the folder ${path.join(path.dirname(file), DAMAGED_FOLDER_NAME)}` +
      ' (it is kept, not deleted), puts the backup in its place and opens the app. Changes made after the backup was taken are not in it.';
  } else if (damaged && file !== null) {
    detail += '\n\nThere is no backup that checks out to restore.';
  }
  return {
    options: {
      type: 'error',
      title: 'Getting to Good',
      message: titleFor(error),
      detail,
      buttons: choices.map((each) => each.label),
      defaultId: offer ? 0 : choices.length - 1,
      cancelId: choices.length - 1,
      noLink: true,
    },
    fileToShow: file,
    offer,
    choiceFor: (response) => choices[response]?.choice ?? 'close',
  };
}
