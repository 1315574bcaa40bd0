// Disk trouble: a bundle, a pack, a spreadsheet or an email draft written where the disk is full,
// where a file may not grow that large, or to a folder that cannot be written fails with a plain
// message naming the file or folder and what is wrong, leaves no partial file behind (nor
// replaces the file that was there), and leaves the database exactly as it was.
//
// The failures are real, made without mocks, and work for root too (chmod would not stop it):
//  - a file too large: the command runs under a limit on the size of a file (`ulimit -f`, or
//    prlimit on the running process), so writing past it fails with EFBIG; Node ignores the
//    SIGXFSZ signal that comes with it, so the command lives to say so;
//  - a folder that cannot be written: /sys refuses new files to everyone (EACCES);
//  - a full disk and a read-only disk: a small tmpfs, then remounted read-only, where mounting is
//    allowed (the tests say why when they are skipped).
// The command-line tests need `npm run build`; printing the issued pack needs Chromium.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { FileNotWritten, writeNewFiles, writeWholeFile, writeWholeFileSync } from '../../electron/core/files';
import { serveApp } from '../../electron/web/serve-app';
import { buildChildScript } from '../support/child-script';
import type { DiskChildConfig, DiskChildReport } from '../support/disk-child';
import { g2g, type Run } from '../support/cli';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes } from '../support/refusals';
import { makeTempDirectory, MIGRATIONS_FOLDER, openTestApp } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const G2G = path.join(ROOT, 'bin/g2g.mjs');
const PRINTING_TIMEOUT_MS = 120_000;
/** Each `g2g` run starts Node and opens the database: a few seconds on a busy machine, and a test runs up to three. */
const COMMANDS_TIMEOUT_MS = 90_000;
/** A folder no one may make files in, root included. */
const REFUSING_FOLDER = '/sys';
/** The limit on a file's size, in KiB, for the commands run under `ulimit -f`: above what opening the database writes, below every file exported. */
const LIMIT_KIB = 40;

/** The files in a folder, partial ones included. */
function filesIn(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

/** Files in the refusing folder that these tests could have left. */
function leftInRefusingFolder(): string[] {
  return fs.readdirSync(REFUSING_FOLDER).filter((name) => /g2g|partial|plan|pack|\.eml$/i.test(name));
}

/** The database of a data folder as the last command left it (the file and any write-ahead log). */
function databaseState(dataFolder: string): string {
  const file = path.join(dataFolder, DATABASE_FILE_NAME);
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file));
  if (fs.existsSync(`${file}-wal`)) hash.update(fs.readFileSync(`${file}-wal`));
  return hash.digest('hex');
}

/** Runs `g2g` under a limit on the size of any file it writes. */
function g2gLimited(limitKib: number, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `ulimit -f ${limitKib} && exec "$0" "$@"`, process.execPath, G2G, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe('writing a file whole or not at all (electron/core/files.ts)', () => {
  it('writes the file, replacing the one there, and leaves nothing else in the folder', async () => {
    const folder = makeTempDirectory('g2g-files-');
    const file = path.join(folder, 'plan.xlsx');
    fs.writeFileSync(file, 'the older copy');
    writeWholeFileSync(file, Buffer.from('the new copy'), { what: 'spreadsheet' });
    expect(fs.readFileSync(file, 'utf8')).toBe('the new copy');
    await writeWholeFile(file, 'newer still', { what: 'spreadsheet', mode: 0o600 });
    expect(fs.readFileSync(file, 'utf8')).toBe('newer still');
    expect(filesIn(folder)).toEqual(['plan.xlsx']);
  });

  it('says which folder cannot be written, and leaves nothing there', async () => {
    const file = path.join(REFUSING_FOLDER, 'g2g-plan.g2g');
    let thrown: unknown;
    try {
      writeWholeFileSync(file, Buffer.alloc(1000), { what: 'bundle' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FileNotWritten);
    expect((thrown as Error).message).toBe(
      `The bundle could not be written to ${file}: the folder ${REFUSING_FOLDER} cannot be written to: you do not have permission to write there. ` +
        'Nothing was left there; choose another folder.',
    );
    await expect(writeWholeFile(file, 'x', { what: 'bundle' })).rejects.toThrow(`the folder ${REFUSING_FOLDER} cannot be written to`);
    expect(leftInRefusingFolder()).toEqual([]);
  });

  it('says so when the folder does not exist, or the name is a folder, and leaves no partial file', () => {
    const folder = makeTempDirectory('g2g-files-');
    expect(() => writeWholeFileSync(path.join(folder, 'missing', 'pack.pdf'), 'x', { what: 'PDF' })).toThrow(
      `The PDF could not be written to ${path.join(folder, 'missing', 'pack.pdf')}: the folder ${path.join(folder, 'missing')} does not exist.`,
    );
    fs.mkdirSync(path.join(folder, 'pack.pdf'));
    expect(() => writeWholeFileSync(path.join(folder, 'pack.pdf'), 'x', { what: 'PDF' })).toThrow(`${path.join(folder, 'pack.pdf')} is a folder`);
    expect(filesIn(folder)).toEqual(['pack.pdf']);
    expect(filesIn(path.join(folder, 'pack.pdf'))).toEqual([]);
  });

  it('never replaces a file when told not to, and writes files that belong together all or none', async () => {
    const folder = makeTempDirectory('g2g-files-');
    const key = path.join(folder, 'key.pem');
    fs.writeFileSync(key, 'the key made first');
    expect(() => writeWholeFileSync(key, 'another key', { what: 'signing key', exclusive: true })).toThrow(/appeared there while it was being written/);
    expect(fs.readFileSync(key, 'utf8')).toBe('the key made first');

    // The email's name is taken: the bundle, written first, is taken away again.
    fs.writeFileSync(path.join(folder, 'plan.eml'), 'someone else’s draft');
    await expect(
      writeNewFiles(
        [
          { file: path.join(folder, 'plan.g2g'), bytes: Buffer.alloc(5000, 1) },
          { file: path.join(folder, 'plan.eml'), bytes: 'the draft' },
        ],
        { what: 'bundle and its email draft' },
      ),
    ).rejects.toThrow(FileNotWritten);
    expect(filesIn(folder)).toEqual(['key.pem', 'plan.eml']);
    expect(fs.readFileSync(path.join(folder, 'plan.eml'), 'utf8')).toBe('someone else’s draft');
  });
});

describe('email drafts (bundles.prepareEmail) where they cannot be written', () => {
  it('refuses a folder that cannot be written, at the folder, leaving nothing there and the database as it was', async () => {
    const app = openTestApp();
    try {
      const plan = new PlanBuilder(app);
      plan.action({ reference: '1.1', title: 'Audit supervision' });
      const exported = await app.call('bundles.export', { planId: plan.planId, classification: 'official', withPdf: false });
      const before = databaseBytes(app);
      const answer = await app.send('bundles.prepareEmail', { exportId: exported.exportId, folder: REFUSING_FOLDER });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'folder' }] } } });
      expect(answer.ok ? '' : answer.error.message).toBe(
        `Nothing was saved: the bundle and the email draft could not be written to ${REFUSING_FOLDER}: ` +
          `the folder ${REFUSING_FOLDER} cannot be written to: you do not have permission to write there; choose another folder.`,
      );
      const inside = await app.send('bundles.prepareEmail', { exportId: exported.exportId, folder: path.join(REFUSING_FOLDER, 'g2g-outgoing') });
      expect(inside.ok ? '' : inside.error.message).toContain(`the folder ${path.join(REFUSING_FOLDER, 'g2g-outgoing')} could not be made`);
      expect(leftInRefusingFolder()).toEqual([]);
      expect(databaseBytes(app)).toBe(before);
      // The bundle still waits to be saved elsewhere.
      const elsewhere = makeTempDirectory('g2g-drafts-');
      const draft = await app.call('bundles.prepareEmail', { exportId: exported.exportId, folder: elsewhere });
      expect(filesIn(elsewhere)).toEqual([path.basename(draft.bundlePath), path.basename(draft.emailPath)].sort());
    } finally {
      app.close();
    }
  });

  it('writes neither file when the email draft is too large for the disk, though the bundle fitted; keeps nothing of a bundle too large to receive', async (context) => {
    try {
      execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    } catch {
      console.log('Skipped: prlimit (util-linux) is not installed, so the limit on a file’s size cannot be lowered in a running process.');
      context.skip();
    }
    const work = makeTempDirectory('g2g-disk-child-');
    const child = await buildChildScript('disk-child', work);
    const dataDirectory = path.join(work, 'data');
    openTestApp({ dataDirectory, seedDemo: true }).close();
    const folder = path.join(work, 'drafts');
    const config: DiskChildConfig = { dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, folder };
    const run = await new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => {
      const started = spawn(process.execPath, [child.file, JSON.stringify(config)], { env: child.env });
      let stdout = '';
      let stderr = '';
      started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      started.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    });
    // The process was not killed by SIGXFSZ: it answered, and ended normally.
    expect(run.stderr).toBe('');
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    const report = JSON.parse(run.stdout) as DiskChildReport;
    expect(report.limitBytes).toBeGreaterThan(report.bundleBytes);
    expect(report.answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { fields: [{ path: 'folder' }] } } });
    expect((report.answer as { error: { message: string } }).error.message).toBe(
      `Nothing was saved: the bundle and the email draft could not be written to ${folder}: ` +
        'the file is larger than that disk, or this computer, allows one file to be; choose another disk.',
    );
    expect(filesIn(folder)).toEqual([]);
    // A bundle sent in to be imported, too large to be kept while it is checked.
    expect(report.received).toMatchObject({ ok: false, error: { code: 'not-written' } });
    expect((report.received as { error: { message: string } }).error.message).toBe(
      `The bundle “plan.g2g” being imported could not be kept in the data folder (${path.join(dataDirectory, 'incoming')}): ` +
        'the file is larger than that disk, or this computer, allows one file to be. Nothing of it was left there; ' +
        'the data folder must be on a disk that can hold files this large.',
    );
    expect(report.incoming).toEqual([]);
    // Only the exported bundle still waits in the data folder, whole, to be saved elsewhere.
    expect(report.outgoing).toEqual([expect.stringMatching(/^[0-9a-f-]+\.g2g$/)]);
    expect(filesIn(path.join(dataDirectory, 'incoming'))).toEqual([]);
    expect(filesIn(path.join(dataDirectory, 'outgoing'))).toEqual([]);
    expect(report.rowsAfter).toBe(report.rowsBefore);
    fs.rmSync(work, { recursive: true, force: true });
  }, COMMANDS_TIMEOUT_MS);
});

describe('g2g commands writing where the disk refuses', { timeout: COMMANDS_TIMEOUT_MS }, () => {
  let dataFolder: string;
  let planId: string;
  let issuedPackMeeting: string;
  let issuedPdfBytes: number;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('Build the app first (npm run build).');
    dataFolder = makeTempDirectory('g2g-disk-trouble-');
    const listed = await g2g(['plans', 'list', '--json', '--data-dir', dataFolder]);
    expect(listed.status).toBe(0);
    planId = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;
    // An issued pack: its PDF is kept with it, so writing it out needs no browser.
    const app = openTestApp({ dataDirectory: dataFolder });
    const served = await serveApp(app, { rendererDirectory: path.join(ROOT, 'out/renderer') });
    try {
      const committees = await app.call('committees.list', { planId });
      const meeting = committees.find((each) => each.kind === 'improvement-board')!.meetings[0]!;
      const pack = await app.call('packs.create', { planId, meetingId: meeting.id, template: 'improvement-board', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
      await app.call('packs.issue', { packId: pack.id });
      issuedPdfBytes = Buffer.from((await app.call('packs.pdf', { packId: pack.id })).base64, 'base64').length;
      issuedPackMeeting = meeting.id;
    } finally {
      await served.close();
      app.close();
    }
  }, PRINTING_TIMEOUT_MS);

  it('g2g xlsx export: a file too large for the disk fails plainly, and the copy there before is kept whole', async () => {
    const out = makeTempDirectory('g2g-disk-out-');
    const file = path.join(out, 'plan.xlsx');
    fs.writeFileSync(file, 'last month’s copy');
    const before = databaseState(dataFolder);
    const run = await g2gLimited(LIMIT_KIB, ['xlsx', 'export', '--plan', planId, '--out', file, '--data-dir', dataFolder]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The spreadsheet could not be written to ${file}: the file is larger than that disk, or this computer, allows one file to be. Nothing was left there; choose another disk.`,
    );
    expect(filesIn(out)).toEqual(['plan.xlsx']);
    expect(fs.readFileSync(file, 'utf8')).toBe('last month’s copy');
    expect(databaseState(dataFolder)).toBe(before);
  });

  it('g2g xlsx export and g2g bundle export: a folder that cannot be written fails plainly, leaving nothing', async () => {
    const before = databaseState(dataFolder);
    const xlsx = await g2g(['xlsx', 'export', '--plan', planId, '--out', path.join(REFUSING_FOLDER, 'g2g-plan.xlsx'), '--data-dir', dataFolder]);
    expect(xlsx.status).toBe(1);
    expect(xlsx.stderr).toContain(`${path.join(REFUSING_FOLDER, 'g2g-plan.xlsx')}: the folder ${REFUSING_FOLDER} cannot be written to`);
    const bundle = await g2g(['bundle', 'export', '--plan', planId, '--out', path.join(REFUSING_FOLDER, 'g2g-plan.g2g'), '--without-pdf', '--data-dir', dataFolder]);
    expect(bundle.status).toBe(1);
    expect(bundle.stderr.trim()).toBe(
      `The bundle cannot be written to ${path.join(REFUSING_FOLDER, 'g2g-plan.g2g')}: the folder ${REFUSING_FOLDER} cannot be written to: ` +
        'you do not have permission to write there. Nothing was written; choose another folder.',
    );
    expect(leftInRefusingFolder()).toEqual([]);
    expect(filesIn(path.join(dataFolder, 'outgoing'))).toEqual([]);
    expect(databaseState(dataFolder)).toBe(before);
  });

  it('g2g bundle export: a bundle too large to be kept in the data folder fails plainly, leaving nothing', async () => {
    const out = makeTempDirectory('g2g-disk-out-');
    const before = databaseState(dataFolder);
    const run = await g2gLimited(LIMIT_KIB, ['bundle', 'export', '--plan', planId, '--out', path.join(out, 'plan.g2g'), '--without-pdf', '--data-dir', dataFolder]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The exported bundle could not be kept in the data folder (${path.join(dataFolder, 'outgoing')}): the file is larger than that disk, or this computer, ` +
        'allows one file to be. Nothing of it was left there; the data folder must be on a disk that can hold files this large.',
    );
    expect(filesIn(out)).toEqual([]);
    expect(filesIn(path.join(dataFolder, 'outgoing'))).toEqual([]);
    expect(databaseState(dataFolder)).toBe(before);
  });

  it('g2g pack: an issued pack’s PDF too large for the disk, or for a folder that cannot be written, fails plainly, leaving nothing', async () => {
    expect(issuedPdfBytes).toBeGreaterThan(LIMIT_KIB * 1024);
    const out = makeTempDirectory('g2g-disk-out-');
    const pdfFile = path.join(out, 'board.pdf');
    const before = databaseState(dataFolder);
    const noBrowser = { CHROMIUM_PATH: '/nowhere/chromium' };
    const tooLarge = await g2gLimited(LIMIT_KIB, ['pack', '--plan', planId, '--meeting', issuedPackMeeting, '--pdf', pdfFile, '--data-dir', dataFolder], noBrowser);
    expect(tooLarge.signal).toBeNull();
    expect(tooLarge.status).toBe(1);
    expect(tooLarge.stderr.trim()).toBe(
      `The PDF could not be written to ${pdfFile}: the file is larger than that disk, or this computer, allows one file to be. Nothing was left there; choose another disk.`,
    );
    expect(filesIn(out)).toEqual([]);
    const refused = await g2g(['pack', '--plan', planId, '--meeting', issuedPackMeeting, '--pdf', path.join(REFUSING_FOLDER, 'g2g-pack.pdf'), '--data-dir', dataFolder], noBrowser);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`the folder ${REFUSING_FOLDER} cannot be written to`);
    expect(leftInRefusingFolder()).toEqual([]);
    expect(databaseState(dataFolder)).toBe(before);
  });

  describe('on a small disk that fills up, then is made read-only', () => {
    let disk: string | null = null;
    let whyNot = '';

    beforeAll(() => {
      const folder = makeTempDirectory('g2g-small-disk-');
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32k,mode=0755', 'tmpfs', folder], { stdio: 'pipe' });
        disk = folder;
      } catch (error) {
        whyNot = `a small disk could not be mounted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
      }
    });

    afterAll(() => {
      if (disk) execFileSync('umount', [disk]);
    });

    it('g2g xlsx export to a full disk says the disk is full, leaving nothing', async (context) => {
      if (!disk) {
        console.log(`Skipped: ${whyNot}.`);
        return context.skip();
      }
      const file = path.join(disk, 'plan.xlsx');
      const before = databaseState(dataFolder);
      const run = await g2g(['xlsx', 'export', '--plan', planId, '--out', file, '--data-dir', dataFolder]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `The spreadsheet could not be written to ${file}: the disk is full. Nothing was left there; free some space on that disk, or choose another place.`,
      );
      expect(filesIn(disk)).toEqual([]);
      expect(databaseState(dataFolder)).toBe(before);
    });

    it('g2g bundle export to a read-only disk says so, leaving nothing', async (context) => {
      if (!disk) {
        console.log(`Skipped: ${whyNot}.`);
        return context.skip();
      }
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const file = path.join(disk, 'plan.g2g');
      expect(() => writeWholeFileSync(file, 'x', { what: 'bundle' })).toThrow(`the folder ${disk} cannot be written to, because it is on a read-only disk`);
      const before = databaseState(dataFolder);
      const run = await g2g(['bundle', 'export', '--plan', planId, '--out', file, '--without-pdf', '--data-dir', dataFolder]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `The bundle cannot be written to ${file}: the folder ${disk} cannot be written to, because it is on a read-only disk. Nothing was written; choose another folder.`,
      );
      expect(filesIn(disk)).toEqual([]);
      expect(databaseState(dataFolder)).toBe(before);
    });
  });
});
