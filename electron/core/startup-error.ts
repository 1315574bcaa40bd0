import path from 'node:path';
import { AppError } from '../../shared/errors';
import { BACKUPS_FOLDER_NAME } from './backups/files';

/** The folder of backups beside the database an opening error names, if it names one. */
function backupsFolderFor(error: unknown): string | null {
  if (!(error instanceof AppError) || typeof error.details.file !== 'string') return null;
  if (!['database-damaged', 'database-foreign', 'database-newer'].includes(error.code)) return null;
  return path.join(path.dirname(error.details.file), BACKUPS_FOLDER_NAME);
}

/** The words for a failure to open the data folder, for a terminal or a dialog: what is wrong, and where the backups are. */
export function describeStartupError(error: unknown): string {
  if (!(error instanceof AppError)) return `Getting to Good could not start: ${(error as Error)?.message ?? String(error)}`;
  const folder = backupsFolderFor(error);
  return folder === null ? error.message : `${error.message} Backups of the database are kept in ${folder}.`;
}
