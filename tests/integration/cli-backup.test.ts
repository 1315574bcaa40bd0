// `g2g backup list|create|restore` as a user types them, on real data folders. Needs `npm run build`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { g2g } from '../support/cli';
import { makeTempDirectory } from '../support/temp-app';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function folderWithBackup(): Promise<{ folder: string; backup: { file: string; fileName: string; when: string } }> {
  const folder = makeTempDirectory();
  const created = await g2g(['--data-dir', folder, 'backup', 'create', '--json']);
  expect(created.status, created.stderr).toBe(0);
  return { folder, backup: JSON.parse(created.stdout) };
}

// Each test runs g2g several times, each a fresh Node process that loads the whole app.
describe('g2g backup', { timeout: 180_000 }, () => {
  it('create takes a checked backup by hand, and list shows it with why and whether it checks out', async () => {
    const { folder, backup } = await folderWithBackup();
    expect(path.dirname(backup.file)).toBe(path.join(folder, 'backups'));
    const listed = await g2g(['--data-dir', folder, 'backup', 'list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`Backups in ${path.join(folder, 'backups')}`);
    expect(listed.stdout).toMatch(new RegExp(`${backup.when}\\s+by hand\\s+\\S+ (KB|MB)\\s+good\\s+${backup.fileName}`));
    const json = JSON.parse((await g2g(['--data-dir', folder, 'backup', 'list', '--json'])).stdout);
    expect(json.backups).toEqual([expect.objectContaining({ fileName: backup.fileName, reason: 'by-hand', good: true })]);
  });

  it('restore --latest on a damaged database needs --yes, then sets the damaged file aside byte for byte and puts the backup in place', async () => {
    const { folder, backup } = await folderWithBackup();
    const file = path.join(folder, DATABASE_FILE_NAME);
    fs.writeFileSync(file, 'written over\n');
    const damagedHash = sha(file);
    const list = await g2g(['--data-dir', folder, 'backup', 'list']);
    expect(list.status).toBe(0);

    const asked = await g2g(['--data-dir', folder, 'backup', 'restore', '--latest']);
    expect(asked.status).toBe(2);
    expect(asked.stderr).toContain(`This would restore the backup of ${backup.when}`);
    expect(asked.stderr).toContain(`moving the damaged database now there into ${path.join(folder, 'damaged')} (kept, not deleted)`);
    expect(asked.stderr).toContain('add --yes');
    expect(sha(file)).toBe(damagedHash);

    const done = await g2g(['--data-dir', folder, 'backup', 'restore', '--latest', '--yes']);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain(`Restored the backup of ${backup.when}`);
    const aside = fs.readdirSync(path.join(folder, 'damaged'));
    expect(aside).toHaveLength(1);
    expect(sha(path.join(folder, 'damaged', aside[0]!))).toBe(damagedHash);
    expect(sha(file)).toBe(sha(backup.file));
    const plans = await g2g(['--data-dir', folder, 'plans', 'list', '--json']);
    expect(plans.status, plans.stderr).toBe(0);
    expect(JSON.parse(plans.stdout)).toHaveLength(1);
  });

  it('restore refuses while the app is running on the data folder, and changes nothing', async () => {
    const { folder } = await folderWithBackup();
    const file = path.join(folder, DATABASE_FILE_NAME);
    const before = sha(file);
    // This test's own process stands in for the running app.
    fs.writeFileSync(path.join(folder, 'running.json'), JSON.stringify({ pid: process.pid, host: 'browser', startedAt: new Date().toISOString() }));
    const refused = await g2g(['--data-dir', folder, 'backup', 'restore', '--latest', '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Getting to Good is running on this data folder (in browser mode, process ${process.pid})`);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(folder, 'replaced'))).toBe(false);
  });

  it('restore refuses a file that is not a good backup, and needs one of --latest and --file', async () => {
    const { folder } = await folderWithBackup();
    const bad = path.join(makeTempDirectory(), 'notes.sqlite');
    fs.writeFileSync(bad, 'not a database');
    const refused = await g2g(['--data-dir', folder, 'backup', 'restore', '--file', bad, '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot be restored: it is not a database file. Nothing was changed.');
    const neither = await g2g(['--data-dir', folder, 'backup', 'restore', '--yes']);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('needs either --latest or --file F');
    expect(fs.existsSync(path.join(folder, 'replaced'))).toBe(false);
  });
});
