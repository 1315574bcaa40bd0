// The g2g command as a user runs it: the built bundle in a child process, on real data folders.
import Sqlite from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { makeTempDirectory } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const G2G = path.join(ROOT, 'bin/g2g.mjs');

function g2g(...args: string[]) {
  const result = spawnSync(process.execPath, [G2G, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('g2g', () => {
  it('prints its help and lists its commands', () => {
    const help = g2g('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: g2g');
    expect(help.stdout).toContain('plans list');
    expect(help.stdout).toContain('db check');
  });

  it('refuses an unknown command with usage and exit code 2', () => {
    const answer = g2g('plans', 'explode');
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('does not know the command “plans explode”');
  });

  it('lists the plans of a data folder as a table and as JSON', () => {
    const folder = makeTempDirectory();
    const table = g2g('--data-dir', folder, 'plans', 'list');
    expect(table.status).toBe(0);
    const json = g2g('plans', 'list', '--json', '--data-dir', folder);
    expect(json.status).toBe(0);
    const plans = JSON.parse(json.stdout) as { title: string; actionCount: number; authorityName: string }[];
    expect(plans).toHaveLength(1);
    expect(plans[0]?.actionCount).toBe(60);
    expect(table.stdout).toContain(plans[0]?.title);
    expect(table.stdout).toContain(plans[0]?.authorityName);
  });

  it('checks a sound database with exit code 0, and a tampered audit log with exit code 1', () => {
    const folder = makeTempDirectory();
    const sound = g2g('db', 'check', '--data-dir', folder);
    expect(sound.status).toBe(0);
    expect(sound.stdout).toContain('The database is sound.');

    const sqlite = new Sqlite(path.join(folder, DATABASE_FILE_NAME));
    sqlite.prepare("update audit_log set actor = 'someone else' where sequence = 5").run();
    sqlite.close();
    const tampered = g2g('db', 'check', '--data-dir', folder);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('Audit chain:  BROKEN at entry 5');
  });

  it('reports a damaged database plainly, with exit code 1, and leaves it untouched', () => {
    const folder = makeTempDirectory();
    const file = path.join(folder, DATABASE_FILE_NAME);
    fs.writeFileSync(file, 'this is not a database');
    const answer = g2g('plans', 'list', '--data-dir', folder);
    expect(answer.status).toBe(1);
    // Not SQLite at all under the app's own name: damaged, so a backup can be restored over it.
    expect(answer.stderr).toContain('is damaged: it is not a database file at all');
    expect(answer.stderr).toContain('g2g backup restore --latest --yes');
    expect(fs.readFileSync(file, 'utf8')).toBe('this is not a database');
  });

  it('runs under npx from the checkout', () => {
    const output = execFileSync('npx', ['--no-install', 'g2g', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
