// The `g2g` command: automation and headless work on the same data folder as the app, through
// the same contract and dispatcher.
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { openApp, type OpenedApp } from '../core/app';
import { defaultDataDirectory, findUp } from '../core/paths';
import { describeStartupError } from '../core/startup-error';
import { appVersion } from '../core/version';
import { AppError } from '../../shared/errors';
import { CommandFailure, EXIT_CODES_HELP, UsageFailure, type Command, type CommandContext, type OptionValues } from './command';
import { commands } from './commands';

const here = import.meta.dirname;

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsOptionsConfig;

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: g2g [--data-dir FOLDER] COMMAND [options]',
    '',
    'Getting to Good from the command line, on the same data as the app.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    `  --data-dir FOLDER  the data folder (default: ${defaultDataDirectory()})`,
    '  --json             print machine-readable JSON (where the command offers it)',
    '  -h, --help         show this help, or a command’s own: g2g COMMAND --help',
    '  -v, --version      show the version',
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

function commandUsage(command: Command): string {
  return [`g2g ${command.name}: ${command.summary}`, ...(command.help ? ['', command.help] : [])].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    const parts = command.name.split(' ');
    if (parts.every((part, index) => words[index] === part)) return { command, rest: words.slice(parts.length) };
  }
  return null;
}

// parseArgs reads "-5" as a short option; a leading space keeps a negative number a word.
const NEGATIVE_NUMBER = /^-\d+$/;
const protect = (arg: string) => (NEGATIVE_NUMBER.test(arg) ? ` ${arg}` : arg);
const unprotect = (word: string) => (NEGATIVE_NUMBER.test(word.slice(1)) && word.startsWith(' ') ? word.slice(1) : word);

function parse(argv: string[], options: ParseArgsOptionsConfig, strict: boolean) {
  const { values, positionals } = parseArgs({ args: argv.map(protect), options, allowPositionals: true, strict });
  return { values: values as OptionValues, positionals: positionals.map(unprotect) };
}

/** parseArgs's own words, except for the commonest mistake, which it explains in terms of "--". */
function describeParseError(error: unknown, what: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
  return unknown ? `“${what}” has no option “${unknown[1]}”.` : (error as Error).message;
}

// Options are per command, but may come before the command's words ("g2g --json plans list"):
// a lenient first reading, knowing every command's options, finds the command; the strict
// second reading then accepts only the global options and that command's own.
const EVERY_OPTION: ParseArgsOptionsConfig = Object.assign({}, ...commands.map((command) => command.options ?? {}), GLOBAL_OPTIONS);

async function main(argv: string[]): Promise<number> {
  let first;
  try {
    first = parse(argv, EVERY_OPTION, false);
  } catch (error) {
    console.error(`${describeParseError(error, 'g2g')}\n\n${usage()}`);
    return 2;
  }
  if (first.values.version === true) {
    console.log(appVersion(here));
    return 0;
  }
  const found = findCommand(first.positionals);
  if (!found) {
    if (first.values.help === true) {
      console.log(usage());
      return 0;
    }
    if (first.positionals.length > 0) {
      console.error(`g2g does not know the command “${first.positionals.join(' ')}”.\n\n${usage()}`);
      return 2;
    }
    try {
      parse(argv, GLOBAL_OPTIONS, true);
    } catch (error) {
      console.error(`${describeParseError(error, 'g2g')}\n\n${usage()}`);
      return 2;
    }
    console.log(usage());
    return 2;
  }
  const { command } = found;
  if (first.values.help === true) {
    console.log(commandUsage(command));
    return 0;
  }
  let values: OptionValues;
  try {
    values = parse(argv, { ...command.options, ...GLOBAL_OPTIONS }, true).values;
  } catch (error) {
    console.error(`${describeParseError(error, `g2g ${command.name}`)}\nSee “g2g ${command.name} --help”.`);
    return 2;
  }
  const { 'data-dir': dataDirectoryGiven, json, help: _help, version: _version, ...options } = values;
  const dataDirectory = path.resolve(typeof dataDirectoryGiven === 'string' ? dataDirectoryGiven : defaultDataDirectory());
  const context: CommandContext = { args: found.rest, options, dataDirectory, json: json === true, out: console.log, err: console.error };
  try {
    if (command.needsData === false) return await command.run(context);
    let app: OpenedApp;
    try {
      app = openApp({
        dataDirectory,
        migrationsFolder: findUp(here, 'db/migrations'),
        version: appVersion(here),
        seedDemo: true,
      });
    } catch (error) {
      console.error(describeStartupError(error));
      if (error instanceof AppError && error.code === 'database-damaged') {
        console.error('To see the backups: g2g backup list. To restore the newest that checks out (the damaged file is kept in damaged/): g2g backup restore --latest --yes.');
      }
      return 1;
    }
    try {
      return await command.run({ ...context, app });
    } finally {
      app.close();
    }
  } catch (error) {
    if (error instanceof UsageFailure) {
      console.error(`${error.message}\nSee “g2g ${command.name} --help”.`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
