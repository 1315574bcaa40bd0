import { AppError } from '../../shared/errors';

/** The words for a failure to open the data folder, for a terminal or a dialog. */
export function describeStartupError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return `Getting to Good could not start: ${(error as Error)?.message ?? String(error)}`;
}
