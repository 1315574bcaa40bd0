// What the person sees when the data folder cannot be opened at start: a native dialog in plain
// words. The core has already refused to touch the file, so the dialog offers to show where it
// is (to move it away or restore a backup) and then closes the app; it never offers to replace it.
import type { MessageBoxOptions } from 'electron';
import { describeStartupError } from '../core/startup-error';
import { AppError } from '../../shared/errors';

export interface StartupDialog {
  options: MessageBoxOptions;
  /** The file to show in the system's file manager when the first button is chosen. */
  fileToShow: string | null;
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

export function startupDialog(error: unknown): StartupDialog {
  const file = error instanceof AppError && typeof error.details.file === 'string' ? error.details.file : null;
  const buttons = file === null ? ['Close'] : ['Show the file', 'Close'];
  return {
    options: {
      type: 'error',
      title: 'Getting to Good',
      message: titleFor(error),
      detail: describeStartupError(error),
      buttons,
      defaultId: buttons.length - 1,
      cancelId: buttons.length - 1,
      noLink: true,
    },
    fileToShow: file,
  };
}
