// Work done in the worker thread: the worker (from the sources, and as the build makes it) gives
// the same workbook as this thread would; and a worker that cannot start, or dies at its work,
// leaves the task to this thread rather than failing it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPlanTables, type PlanTables } from '../../electron/core/spreadsheets/plan-tables';
import type { TaskInput } from '../../electron/core/threads/tasks';
import { defaultWorkerScript, endWorkerThreads, runTask, type WorkerScript } from '../../electron/core/threads/worker-thread';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-11-22T10:00:00Z');

function buildWorkbook(tables: PlanTables, options: { worker: WorkerScript | false; deflated?: boolean }) {
  const input: TaskInput<'workbook'> = { tables, actor: 'test user', now: NOW, deflated: options.deflated ?? true };
  return runTask('workbook', input, { worker: options.worker }).then((result) => ({ bytes: result.value, inWorker: result.inWorker }));
}

/** Every sheet's name and the value of each of its cells, row by row. */
async function contentOf(bytes: Buffer): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow((row) => rows.push(JSON.parse(JSON.stringify(row.values))));
    return { name: sheet.name, rows, title: book.title, marking: sheet.headerFooter.oddHeader };
  });
}

describe('the workbook built in the worker thread', () => {
  let app: TestApp;
  let tables: PlanTables;
  let here: unknown;
  let folder: string;

  beforeAll(async () => {
    app = openTestApp({ seedDemo: true });
    const planId = (await app.call('plans.list', {}))[0]!.id;
    tables = readPlanTables(app.core, planId, null);
    const built = await buildWorkbook(tables, { worker: false });
    expect(built.inWorker).toBe(false);
    here = await contentOf(built.bytes);
    folder = makeTempDirectory('g2g-workbook-thread-');
  });
  afterEach(async () => {
    await endWorkerThreads();
  });
  afterAll(() => {
    app.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('is the workbook this thread makes, from the sources', async () => {
    const built = await buildWorkbook(tables, { worker: defaultWorkerScript() });
    expect(built.inWorker).toBe(true);
    expect(await contentOf(built.bytes)).toEqual(here);
    expect((here as { rows: unknown[] }[])[0]!.rows.length).toBeGreaterThan(10);
  });

  it('is the workbook this thread makes, from the worker the build makes', async () => {
    const file = path.join(ROOT, 'out/electron/worker.cjs');
    if (!fs.existsSync(file)) throw new Error('Build the app first (npm run build).');
    const [first, second] = await Promise.all([
      buildWorkbook(tables, { worker: { file } }),
      buildWorkbook(tables, { worker: { file }, deflated: false }),
    ]);
    expect([first.inWorker, second.inWorker]).toEqual([true, true]);
    expect(await contentOf(first.bytes)).toEqual(here);
    expect(await contentOf(second.bytes)).toEqual(here);
    // Left unpacked for a bundle to pack: larger than the packed one.
    expect(second.bytes.length).toBeGreaterThan(first.bytes.length);
  });

  it('can be built by every program the build makes: each is told where the worker is, and it is there', () => {
    for (const program of ['out/web.mjs', 'out/g2g.mjs', 'out/launch.mjs', 'out/electron/main.cjs']) {
      const text = fs.readFileSync(path.join(ROOT, program), 'utf8');
      const named = /new URL\("([^"]*worker\.cjs)"/.exec(text)?.[1];
      expect(named, program).toBeDefined();
      expect(fs.existsSync(path.resolve(path.dirname(path.join(ROOT, program)), named!)), program).toBe(true);
    }
  });

  it('is made on this thread when the worker cannot start', async () => {
    const broken: WorkerScript = { file: path.join(folder, 'broken-worker.cjs') };
    fs.writeFileSync(broken.file, "throw new Error('cannot load');\n");
    for (const script of [broken, { file: path.join(folder, 'no-such-worker.cjs') }]) {
      const built = await buildWorkbook(tables, { worker: script });
      expect(built.inWorker).toBe(false);
      expect(await contentOf(built.bytes)).toEqual(here);
    }
  });

  it('is made on this thread when the worker dies at its work, and a new worker takes the next', async () => {
    const dying: WorkerScript = { file: path.join(folder, 'dying-worker.cjs') };
    const marker = path.join(folder, 'died-once');
    fs.writeFileSync(
      dying.file,
      `const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
parentPort.postMessage({ ready: true });
parentPort.on('message', (request) => {
  if (!fs.existsSync(${JSON.stringify(marker)})) {
    fs.writeFileSync(${JSON.stringify(marker)}, '');
    process.exit(3);
  }
  parentPort.postMessage({ id: request.id, value: Buffer.from('made by the second worker') });
});
`,
    );
    const first = await buildWorkbook(tables, { worker: dying });
    expect(first.inWorker).toBe(false);
    expect(await contentOf(first.bytes)).toEqual(here);
    const second = await buildWorkbook(tables, { worker: dying });
    expect(second).toEqual({ inWorker: true, bytes: Buffer.from('made by the second worker') });
  });
});

