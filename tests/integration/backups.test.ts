// Backups and recovery on real files: copies written whole or not at all, checked, pruned to the
// count kept; a damaged database (cut short, garbage pages, not a database at all) detected at
// start, set aside byte for byte, and the latest good backup put in its place with its data.
import Sqlite from 'better-sqlite3';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/database';
import { runApp, type RunningApp } from '../../electron/core/app';
import { listBackups, pruneBackups } from '../../electron/core/backups/files';
import { runScheduledBackup } from '../../electron/core/backups/schedule';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import type { Envelope } from '../../shared/errors';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp, type TestApp } from '../support/temp-app';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const each of opened.splice(0)) each.close();
});

function track<T extends { close(): void }>(app: T): T {
  opened.push(app);
  return app;
}

function running(dataDirectory: string, clock?: () => Date): RunningApp {
  return track(
    runApp({
      dataDirectory,
      migrationsFolder: MIGRATIONS_FOLDER,
      version: '0.0.0-test',
      actor: 'test user',
      checkOutputs: true,
      seedDemo: true,
      recoverWhenDamaged: true,
      clock,
    }),
  );
}

async function value<T>(envelope: Promise<Envelope<unknown>>): Promise<T> {
  const answer = await envelope;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const actionTitles = async (app: RunningApp) => {
  const plans = await value<{ id: string }[]>(app.dispatch('plans.list', {}));
  return (await value<{ title: string }[]>(app.dispatch('actions.list', { planId: plans[0]!.id }))).map((row) => row.title).sort();
};

/** A data folder with the demo plan, a backup of it, then one more action only in the database. */
async function folderWithBackup(): Promise<{ dataDirectory: string; backedUp: string[]; backupFile: string }> {
  const dataDirectory = makeTempDirectory();
  const app = running(dataDirectory);
  const backedUp = await actionTitles(app);
  const backup = await value<{ file: string; good: boolean; reason: string }>(app.dispatch('backups.create', {}));
  expect(backup).toMatchObject({ good: true, reason: 'by-hand' });
  const plans = await value<{ id: string }[]>(app.dispatch('plans.list', {}));
  await value(app.dispatch('actions.create', { planId: plans[0]!.id, reference: '99.1', title: 'Made after the backup' }));
  app.close();
  return { dataDirectory, backedUp, backupFile: backup.file };
}

const DAMAGE: [string, (file: string) => void][] = [
  ['cut short', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3))],
  [
    'garbage pages written over its middle',
    (file) => {
      const content = fs.readFileSync(file);
      const pageSize = content.readUInt16BE(16);
      const start = pageSize * 2;
      crypto.randomFillSync(content, start, Math.min(pageSize * 8, content.length - start));
      fs.writeFileSync(file, content);
    },
  ],
  ['replaced by a text file', (file) => fs.writeFileSync(file, 'Minutes of the improvement board, 4 June 2026.\n'.repeat(100))],
];

describe('a backup', () => {
  let app: TestApp;
  afterEach(() => app?.close());

  it('is a checked, complete copy, listed with why it was taken, and no partial file is left', async () => {
    app = openTestApp({ seedDemo: true });
    const backup = await app.call('backups.create', {});
    expect(backup).toMatchObject({ reason: 'by-hand', good: true, problem: null });
    expect(backup.when).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/);
    const list = await app.call('backups.list', {});
    expect(list.backups.map((each) => each.fileName)).toEqual([backup.fileName]);
    expect(fs.readdirSync(list.folder).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
  });

  it('to a folder that cannot be written fails with the folder and the reason, leaves no .sqlite file, and changes nothing', async () => {
    app = openTestApp({ seedDemo: true });
    // Root may write anywhere a mode allows, but not into the kernel's own folders.
    fs.symlinkSync('/sys/kernel', path.join(app.dataDirectory, 'backups'));
    app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(app.databaseFile);
    const answer = await app.send('backups.create', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-written' } });
    if (answer.ok) return;
    expect(answer.error.message).toContain(`The backup could not be written to the folder “${path.join(app.dataDirectory, 'backups')}”`);
    expect(answer.error.message).toMatch(/cannot be written|could not be made/);
    expect(answer.error.message).toContain('The database itself has not been changed.');
    app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha(app.databaseFile)).toBe(before);
    expect(fs.readdirSync('/sys/kernel').filter((name) => name.includes('sqlite'))).toEqual([]);
  });

  /** Runs backupDatabase in a child whose files may grow to a third of the database, as on a nearly full disk. */
  function backupInSmallChild(dieBeforeTidying: boolean) {
    const dataDirectory = makeTempDirectory();
    const app = openTestApp({ dataDirectory, seedDemo: true });
    app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    const size = fs.statSync(path.join(dataDirectory, DATABASE_FILE_NAME)).size;
    const folder = path.join(dataDirectory, 'backups');
    const script = `
      const Sqlite = require('better-sqlite3');
      ${dieBeforeTidying ? "require('node:fs').rmSync = () => process.kill(process.pid, 'SIGKILL');" : ''}
      const sqlite = new Sqlite(${JSON.stringify(path.join(dataDirectory, DATABASE_FILE_NAME))}, { readonly: true });
      import(${JSON.stringify(path.resolve('db/database.ts'))}).then(({ backupDatabase }) => {
        try { backupDatabase(sqlite, ${JSON.stringify(folder)}, 'scheduled', new Date()); console.log('WRITTEN'); }
        catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message })); }
      });`;
    const limitKb = Math.max(8, Math.floor(size / 3 / 1024));
    // With SIGXFSZ ignored a write past the limit fails with EFBIG, as on a full disk. When asked,
    // the process dies the moment the write has failed, before it can tidy up, as when the power goes.
    const result = spawnSync('sh', ['-c', `trap '' XFSZ; ulimit -f ${limitKb * 2}; exec "$0" --import tsx -e "$1"`, process.execPath, script], {
      encoding: 'utf8',
      cwd: path.resolve('.'),
    });
    return { dataDirectory, folder, result };
  }

  it('to a disk that fills up fails clearly and leaves no .sqlite or partial file behind', () => {
    const { folder, result } = backupInSmallChild(false);
    expect(result.stdout, result.stderr).not.toContain('WRITTEN');
    const failure = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { code: string; message: string };
    expect(failure.code).toBe('not-written');
    expect(failure.message).toContain(`“${folder}”`);
    expect(failure.message).toMatch(/disk (is|may be) full, or the file (would be )?larger than the system allows there/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('interrupted in the middle of writing leaves nothing that looks like a backup', () => {
    const { dataDirectory, folder, result } = backupInSmallChild(true);
    expect(result.signal, result.stdout + result.stderr).toBe('SIGKILL');
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.sqlite'))).toEqual([]);
    expect(listBackups(dataDirectory)).toEqual([]);
  });

  it('of each automatic kind is kept to the count set, oldest pruned first; by hand and set-aside files are kept', async () => {
    app = openTestApp({ seedDemo: true });
    await app.call('backups.updateSettings', { intervalHours: 24, keep: 3 });
    const sqlite = app.core.db.$client;
    const folder = path.join(app.dataDirectory, 'backups');
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 14));
    const scheduled = [1, 2, 3, 4, 5].map((day) => backupDatabase(sqlite, folder, 'scheduled', at(day)));
    const imports = [1, 2, 3, 4].map((day) => backupDatabase(sqlite, folder, 'before-import', at(day)));
    const byHand = [1, 2, 3, 4].map((day) => backupDatabase(sqlite, folder, 'by-hand', at(day)));
    fs.mkdirSync(path.join(app.dataDirectory, 'damaged'));
    fs.writeFileSync(path.join(app.dataDirectory, 'damaged', 'getting-to-good-damaged-2026.sqlite'), 'kept');

    pruneBackups(app.dataDirectory, 3, at(6));
    const left = new Set(fs.readdirSync(folder).map((name) => path.join(folder, name)));
    expect(scheduled.filter((file) => left.has(file))).toEqual(scheduled.slice(2));
    expect(imports.filter((file) => left.has(file))).toEqual(imports.slice(1));
    expect(byHand.filter((file) => left.has(file))).toEqual(byHand);
    expect(fs.readdirSync(path.join(app.dataDirectory, 'damaged'))).toHaveLength(1);
    const list = await app.call('backups.list', {});
    expect(list.backups[0]).toMatchObject({ when: '5 November 2026 at 14:00', reason: 'scheduled' });
  });

  it('on the schedule is taken when none is newer than the interval, and not again until it has passed', async () => {
    let now = new Date(Date.UTC(2026, 10, 21, 14));
    app = openTestApp({ seedDemo: true, clock: () => now });
    expect(runScheduledBackup(app.core)?.when).toBe('21 November 2026 at 14:00');
    now = new Date(Date.UTC(2026, 10, 21, 20));
    expect(runScheduledBackup(app.core)).toBeNull();
    now = new Date(Date.UTC(2026, 10, 22, 14, 1));
    expect(runScheduledBackup(app.core)?.when).toBe('22 November 2026 at 14:01');
    expect((await app.call('backups.list', {})).backups.map((each) => each.reason)).toEqual(['scheduled', 'scheduled']);
  });
});

describe('a damaged database at start', () => {
  for (const [what, damage] of DAMAGE) {
    it(`${what}: is detected, the latest good backup offered, and restoring it keeps the damaged file byte for byte`, async () => {
      const { dataDirectory, backedUp, backupFile } = await folderWithBackup();
      const file = path.join(dataDirectory, DATABASE_FILE_NAME);
      damage(file);
      const damagedHash = sha(file);

      const app = running(dataDirectory);
      expect(app.current()).toBeNull();
      const status = await value<{ state: string; message: string; offer: { file: string } | null }>(app.dispatch('recovery.status', {}));
      expect(status.state).toBe('damaged');
      expect(status.message).toContain('left exactly as it was');
      expect(status.offer?.file).toBe(backupFile);
      expect(await app.dispatch('plans.list', {})).toMatchObject({ ok: false, error: { code: 'database-damaged' } });
      expect(sha(file)).toBe(damagedHash);

      const restored = await value<{ setAside: string[] }>(
        app.dispatch('backups.restore', { fileName: path.basename(backupFile), confirm: true }),
      );
      expect(path.dirname(restored.setAside[0]!)).toBe(path.join(dataDirectory, 'damaged'));
      expect(sha(restored.setAside[0]!)).toBe(damagedHash);
      expect(app.current()).not.toBeNull();
      expect(await value(app.dispatch('recovery.status', {}))).toEqual({ state: 'open' });
      expect(await actionTitles(app)).toEqual(backedUp);
    });
  }

  it('without a good backup is still detected, and nothing is offered', async () => {
    const dataDirectory = makeTempDirectory();
    fs.writeFileSync(path.join(dataDirectory, DATABASE_FILE_NAME), 'not a database\n');
    fs.mkdirSync(path.join(dataDirectory, 'backups'));
    fs.writeFileSync(path.join(dataDirectory, 'backups', 'scheduled-2026-11-21T14-00-00-000Z.sqlite'), 'not a database either\n');
    const app = running(dataDirectory);
    const status = await value<{ offer: unknown }>(app.dispatch('recovery.status', {}));
    expect(status.offer).toBeNull();
    const list = await value<{ backups: { good: boolean; problem: string }[] }>(app.dispatch('backups.list', {}));
    expect(list.backups).toEqual([expect.objectContaining({ good: false, problem: 'it is not a database file' })]);
    const refused = await app.dispatch('backups.restore', { fileName: 'scheduled-2026-11-21T14-00-00-000Z.sqlite', confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database-damaged' } });
    expect(fs.readFileSync(path.join(dataDirectory, DATABASE_FILE_NAME), 'utf8')).toBe('not a database\n');
    expect(fs.existsSync(path.join(dataDirectory, 'damaged'))).toBe(false);
  });

  it('of another program is refused, not offered a restore', () => {
    const dataDirectory = makeTempDirectory();
    const foreign = new Sqlite(path.join(dataDirectory, DATABASE_FILE_NAME));
    foreign.exec('create table budget (item text)');
    foreign.close();
    expect(() => running(dataDirectory)).toThrow(/another program/);
  });
});

describe('restoring from the app', () => {
  it('sets the working database aside in replaced/, puts the backup in place, and carries on with its data', async () => {
    const { dataDirectory, backedUp, backupFile } = await folderWithBackup();
    const app = running(dataDirectory);
    expect(await actionTitles(app)).toContain('Made after the backup');
    const before = await value<{ backups: unknown[] }>(app.dispatch('backups.list', {}));
    const restored = await value<{ setAside: string[] }>(app.dispatch('backups.restore', { fileName: path.basename(backupFile), confirm: true }));
    expect(path.dirname(restored.setAside[0]!)).toBe(path.join(dataDirectory, 'replaced'));
    expect(await actionTitles(app)).toEqual(backedUp);
    expect((await value<{ backups: unknown[] }>(app.dispatch('backups.list', {}))).backups).toHaveLength(before.backups.length);
    // The database set aside is whole, with the change made after the backup.
    const aside = new Sqlite(restored.setAside[0]!, { readonly: true });
    expect(aside.prepare("select count(*) from actions where title = 'Made after the backup'").pluck().get()).toBe(1);
    aside.close();
  });

  it('refuses a backup that is not in the backups folder, and changes nothing', async () => {
    const app = running(makeTempDirectory());
    const answer = await app.dispatch('backups.restore', { fileName: 'scheduled-2020-01-01T00-00-00-000Z.sqlite', confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(app.current()).not.toBeNull();
  });
});
