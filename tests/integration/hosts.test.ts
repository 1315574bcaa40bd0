// Starting the app as `npm start` and `npm run web` do: the built launchers in child processes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { makeTempDirectory } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts a launcher, waits for the line that gives the address, then stops it. */
async function startAndStop(script: string, args: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 20_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Open this address in your browser: \S+/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
  return output;
}

describe('starting the app', () => {
  // With an Electron binary, npm start opens the window instead; the Electron smoke test covers that.
  const hasElectron = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));
  it.skipIf(hasElectron)('npm start says in one sentence that there is no desktop shell here, and serves browser mode', async () => {
    const output = await startAndStop('out/launch.mjs', ['--data-dir', makeTempDirectory()]);
    const [first] = output.split('\n');
    expect(first).toBe(
      'The Electron desktop shell is not installed on this machine and cannot be downloaded here, so Getting to Good is starting in browser mode instead.',
    );
    expect(output).toMatch(/Open this address in your browser: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}/);
  });

  it('browser mode takes a port and a data folder, and says where the data is', async () => {
    const folder = makeTempDirectory();
    const output = await startAndStop('out/web.mjs', ['--data-dir', folder, '--port', '0']);
    expect(output).toContain(`with its data in ${folder}`);
    expect(fs.existsSync(path.join(folder, DATABASE_FILE_NAME))).toBe(true);
  });

  it('browser mode refuses a port that is not a number', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'out/web.mjs'), '--port', 'eighty'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The port must be a whole number from 0 to 65535, not “eighty”.');
  });
});

describe('starting on a damaged database', () => {
  it('browser mode starts in its recovery state, says plainly what is wrong and where the backups are, and leaves the file untouched', async () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0xab)]);
    fs.writeFileSync(file, garbage);
    const output = await startAndStop('out/web.mjs', ['--data-dir', folder, '--port', '0']);
    expect(output).toMatch(/is damaged|failed its integrity check|could not be opened/);
    expect(output).toContain('left exactly as it was');
    expect(output).toContain(`Backups of the database are kept in ${path.join(folder, 'backups')}`);
    expect(output).toContain('Open the address below to restore the latest good backup');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'damaged'))).toBe(false);
  });

  it('browser mode still refuses another program’s database and exits, offering no restore', () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    const result = spawnSync(
      process.execPath,
      ['-e', `const S=require('better-sqlite3'); const d=new S(${JSON.stringify(file)}); d.exec('create table budget (item text)'); d.close();`],
      { cwd: ROOT },
    );
    expect(result.status).toBe(0);
    const before = fs.readFileSync(file);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'out/web.mjs'), '--data-dir', folder], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('another program');
    expect(run.stderr).toContain(`Backups of the database are kept in ${path.join(folder, 'backups')}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
