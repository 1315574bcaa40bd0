// Stable error codes that cross the contract. The codes never change meaning once released;
// the messages are written for the person using the app.

export const ERROR_CODES = {
  'invalid-input': 'The request was not valid; details name each field at fault.',
  'unknown-method': 'The contract has no method of that name.',
  'not-found': 'The record asked for does not exist, or has been deleted.',
  conflict: 'The change clashes with the data as it now stands (for example a duplicate reference).',
  unauthorized: 'The request did not carry this session’s secret token.',
  'database-damaged': 'The database file failed its integrity check.',
  'database-foreign': 'The file is not a Getting to Good database.',
  'database-newer': 'The database was written by a newer version of the app.',
  'not-written': 'A file could not be written (the disk is full, or the folder is read-only or refused it); nothing partial was left there and no data changed.',
  unavailable: 'Something the app needs for this is not on this computer (such as a browser to print with).',
  'bundle-refused': 'A plan bundle was refused: it is damaged, changed since it was signed, too large, or does not fit this database; nothing was saved.',
  internal: 'Something went wrong inside the app; nothing was saved.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldProblem {
  /** The field's path, joined with dots: `title`, `actions.2.dueDate`. */
  path: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldProblem[];
  [key: string]: unknown;
}

/** An error the app means to report to the user, carrying a stable code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

/**
 * What every contract call answers; thrown errors lose their fields across processes. A call
 * that saved something also names the changes it made, so the client can offer to undo them.
 */
export type Envelope<T> = { ok: true; value: T; changes?: string[] } | { ok: false; error: ErrorBody };

/** Fails to compile when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
