// The narrow bridge and the Electron boundary, checked on the sources: the preload exposes one
// function and never ipcRenderer; only the desktop shell's main.ts and preload.ts load Electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'release', '.git', 'test-results', 'playwright-report']);
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs']);

const renderer = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invocations: [] as unknown[][],
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      renderer.invocations.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => {},
    on: () => {},
    sendSync: () => {},
  };
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (name: string, value: unknown) => renderer.exposed.push([name, value]) },
  };
});

function sourceFiles(folder = ROOT): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE_EXTENSIONS.has(path.extname(entry.name)) ? [full] : [];
  });
}

interface ElectronImports {
  runTime: boolean;
  typeOnly: boolean;
}

/** How a source file imports the 'electron' package: at run time, for its types only, or not at all. */
function electronImports(source: string): ElectronImports {
  const statements = [...source.matchAll(/\b(import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]electron['"]/g)];
  const typeOnly = statements.some((match) => match[2] !== undefined);
  const runTime =
    statements.some((match) => match[2] === undefined) ||
    /\bimport\s*['"]electron['"]/.test(source) ||
    /\b(require|import)\s*\(\s*['"]electron['"]\s*\)/.test(source);
  return { runTime, typeOnly };
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('the Electron boundary', () => {
  it('tells run-time imports from type-only ones', () => {
    expect(electronImports("import { app } from 'electron';")).toEqual({ runTime: true, typeOnly: false });
    expect(electronImports('import {\n  app,\n  type WebContents,\n} from "electron";')).toEqual({ runTime: true, typeOnly: false });
    expect(electronImports("import type { WebPreferences } from 'electron';")).toEqual({ runTime: false, typeOnly: true });
    expect(electronImports("const { app } = require('electron');")).toEqual({ runTime: true, typeOnly: false });
    expect(electronImports("await import('electron');")).toEqual({ runTime: true, typeOnly: false });
    expect(electronImports("import 'electron';")).toEqual({ runTime: true, typeOnly: false });
    expect(electronImports("import { _electron } from '@playwright/test';")).toEqual({ runTime: false, typeOnly: false });
  });

  // The tests are left out: they name 'electron' in examples and replace it with stand-ins.
  const appSources = sourceFiles().filter((file) => !relative(file).startsWith('tests/'));

  it('is crossed at run time only by the desktop shell’s main.ts and preload.ts', () => {
    const loaders = appSources
      .filter((file) => electronImports(fs.readFileSync(file, 'utf8')).runTime)
      .map(relative)
      .sort();
    expect(loaders).toEqual(['electron/desktop/main.ts', 'electron/desktop/preload.ts']);
  });

  it('is not even named for its types outside the desktop shell', () => {
    const namers = appSources
      .filter((file) => electronImports(fs.readFileSync(file, 'utf8')).typeOnly)
      .map(relative)
      .filter((file) => !file.startsWith('electron/desktop/'));
    expect(namers).toEqual([]);
  });
});

describe('the preload', () => {
  const source = fs.readFileSync(path.join(ROOT, 'electron/desktop/preload.ts'), 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it('exposes exactly one object, window.g2g, holding exactly one function', async () => {
    await import('../../electron/desktop/preload');
    expect(renderer.exposed).toHaveLength(1);
    const [name, bridge] = renderer.exposed[0]!;
    expect(name).toBe('g2g');
    expect(Object.keys(bridge as object)).toEqual(['invoke']);
    expect(typeof (bridge as { invoke: unknown }).invoke).toBe('function');
  });

  it('sends only the method and input, on the one channel', async () => {
    await import('../../electron/desktop/preload');
    const bridge = renderer.exposed[0]![1] as { invoke: (...args: unknown[]) => Promise<unknown> };
    await bridge.invoke('plans.list', { a: 1 }, 'an extra argument', () => {});
    expect(renderer.invocations).toEqual([['g2g:invoke', 'plans.list', { a: 1 }]]);
  });

  it('never hands ipcRenderer or any of its functions to the page', async () => {
    const { ipcRenderer } = await import('electron');
    await import('../../electron/desktop/preload');
    const bridge = renderer.exposed[0]![1] as Record<string, unknown>;
    const leaked = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    for (const value of Object.values(bridge)) expect(leaked.has(value)).toBe(false);
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(code.replace(/import[^;]*;/g, '').match(/ipcRenderer(?!\.invoke\()/g)).toBeNull();
  });

  it('imports nothing but electron and the channel names, as a sandboxed preload must', () => {
    const imports = [...source.matchAll(/from\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(imports).toEqual(['electron', './channel']);
    const channel = fs.readFileSync(path.join(ROOT, 'electron/desktop/channel.ts'), 'utf8');
    expect(channel).not.toMatch(/\bimport\b|\brequire\(/);
  });
});
