// Smoke tests of the real desktop app, for machines that have the Electron binary. Where it is
// absent (it cannot be downloaded where this project is usually built) they are skipped and say
// why. The binary is looked for on disk: loading the `electron` package would try to download it.
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'out/electron/main.cjs');

function findElectronBinary(): { binary: string } | { missing: string } {
  const packageFolder = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(packageFolder, 'path.txt');
  if (!fs.existsSync(pathFile)) return { missing: `${path.relative(ROOT, pathFile)} does not exist` };
  const binary = path.join(packageFolder, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { missing: `${path.relative(ROOT, binary)} does not exist` };
  return { binary };
}

const found = findElectronBinary();
const skipReason = 'missing' in found ? `Electron binary not installed: ${found.missing}` : null;
// The list reporter does not print skip reasons, so the reason is said once, where the log shows it.
if (skipReason && process.env.TEST_WORKER_INDEX === undefined) console.log(`Electron smoke tests skipped. ${skipReason}.`);

interface Bridge {
  g2g?: Record<string, unknown> & { invoke(method: string, input: unknown): Promise<unknown> };
  require?: unknown;
  process?: unknown;
}

test.describe('the desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let dataDirectory: string;
  let app: ElectronApplication;
  let window: Page;

  test.beforeEach(async () => {
    if (!('binary' in found)) return;
    dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-electron-'));
    app = await _electron.launch({
      executablePath: found.binary,
      args: [MAIN],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), G2G_DATA_DIR: dataDirectory },
    });
    window = await app.firstWindow();
  });

  test.afterEach(async () => {
    await app?.close();
    if (dataDirectory) fs.rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('opens the plans list from the app protocol, on the data folder it was given', async () => {
    await expect(window.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/getting-to-good\//);
    const info = await window.evaluate(() => (globalThis as Bridge).g2g?.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { dataDirectory } });
  });

  test('gives the page exactly one function and no Node.js', async () => {
    await expect(window.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
    const page = await window.evaluate(() => {
      const scope = globalThis as Bridge;
      return {
        keys: Object.keys(scope.g2g ?? {}),
        kinds: Object.values(scope.g2g ?? {}).map((value) => typeof value),
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(page).toEqual({ keys: ['invoke'], kinds: ['function'], require: 'undefined', process: 'undefined' });
  });

  test('enforces the Content-Security-Policy and opens no new windows', async () => {
    await expect(window.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
    const outcome = await window.evaluate(() => {
      let evaluation: string;
      try {
        evaluation = String(globalThis.eval('"ran"'));
      } catch {
        evaluation = 'blocked';
      }
      const opened = (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/');
      return { evaluation, opened: opened === null };
    });
    expect(outcome).toEqual({ evaluation: 'blocked', opened: true });
    expect(app.windows()).toHaveLength(1);
  });

  test('a second launch on the same data folder hands over to the first and exits', async () => {
    if (!('binary' in found)) return;
    const second = spawn(found.binary, [MAIN], { cwd: ROOT, env: { ...process.env, G2G_DATA_DIR: dataDirectory }, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  });
});
