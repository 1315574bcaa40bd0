// What every g2g command is: its words, its own options, whether it needs the data folder, and
// the two ways it can fail, which the exit code tells apart for scripts.
import type { ParseArgsOptionsConfig } from 'node:util';
import type { OpenedApp } from '../core/app';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  /** The words after the command's name. */
  args: string[];
  /** The command's own options as given (the global ones are handled before it runs). */
  options: OptionValues;
  /** The data folder (--data-dir, or the default). */
  dataDirectory: string;
  json: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface DataCommandContext extends CommandContext {
  app: OpenedApp;
}

interface CommandDescription {
  /** One or two words, as typed: `plans list`. */
  name: string;
  summary: string;
  /** What `g2g NAME --help` prints beneath the summary: arguments, options, exit codes. */
  help?: string;
  /** Options beyond the global ones, in node:util parseArgs form. */
  options?: ParseArgsOptionsConfig;
}

export interface DataCommand extends CommandDescription {
  needsData?: true;
  run(context: DataCommandContext): Promise<number>;
}

/** Works without the data folder, so never opens (or creates, or migrates) a database. */
export interface PlainCommand extends CommandDescription {
  needsData: false;
  run(context: CommandContext): Promise<number>;
}

export type Command = DataCommand | PlainCommand;

/** A problem with the data or a file the command was given: exit code 1. */
export class CommandFailure extends Error {}

/** A mistake in how the command was typed (an argument missing or malformed): exit code 2. */
export class UsageFailure extends Error {}

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0  done',
  '  1  a problem with the data or with a file given (missing, not JSON, or in the wrong format)',
  '  2  a mistake in the command: an unknown command or option, a missing argument, a date that does not exist',
].join('\n');

/** A plain-text table with a header row, columns as wide as their widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
