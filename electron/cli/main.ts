// The `g2g` command: automation and headless work on the same data folder as the app, through
// the same contract and dispatcher.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type OpenedApp } from '../core/app';
import { defaultDataDirectory, findUp } from '../core/paths';
import { describeStartupError } from '../core/startup-error';
import { appVersion } from '../core/version';
import { commands, type Command } from './commands';

const here = import.meta.dirname;

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
    '  -h, --help         show this help',
    '  -v, --version      show the version',
  ].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    const parts = command.name.split(' ');
    if (parts.every((part, index) => words[index] === part)) return { command, rest: words.slice(parts.length) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    console.log(appVersion(here));
    return 0;
  }
  if (values.help || positionals.length === 0) {
    console.log(usage());
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const found = findCommand(positionals);
  if (!found) {
    console.error(`g2g does not know the command “${positionals.join(' ')}”.\n\n${usage()}`);
    return 2;
  }
  let app: OpenedApp;
  try {
    app = openApp({
      dataDirectory: path.resolve(values['data-dir'] ?? defaultDataDirectory()),
      migrationsFolder: findUp(here, 'db/migrations'),
      version: appVersion(here),
      seedDemo: true,
    });
  } catch (error) {
    console.error(describeStartupError(error));
    return 1;
  }
  try {
    return await found.command.run({ app, args: found.rest, json: values.json ?? false, out: console.log, err: console.error });
  } finally {
    app.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
