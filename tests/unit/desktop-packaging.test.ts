// The installers' configuration: fuses, targets, output folder and what goes into the archive.
// electron-builder cannot run here (it needs the Electron binary), so its configuration is read
// as it would be and checked against electron-builder's own schema.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface BuilderConfiguration {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  extraMetadata?: Record<string, unknown>;
}

const config = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfiguration;
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; productName: string };

/** Whether electron-builder's `files` patterns take a path into the app, the last match deciding. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (path.matchesGlob(file, pattern.slice(1))) included = false;
    } else if (path.matchesGlob(file, pattern)) {
      included = true;
    }
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('is valid against the schema of the installed electron-builder', async () => {
    // Not a public entry point, but the very check `electron-builder` runs before building.
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js' as string)) as {
      validateConfiguration: (configuration: unknown, logger: { isEnabled: boolean }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, { isEnabled: false })).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('uk.gettingtogood.app');
    expect(config.productName).toBe('Getting to Good');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('writes installers to release/ and takes only resources from build/', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    const compiled = fs.readdirSync(path.join(ROOT, 'build'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(c|m)?js$/.test(file));
    expect(compiled).toEqual([]);
  });

  it('flips the fuses that stop the installed app being used as a Node.js runtime or loading other code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS for Windows, a DMG for macOS, and AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs the app into an asar archive with the main bundle, preload, renderer and migrations', () => {
    expect(config.asar).toBe(true);
    expect(packageJson.main).toBe('out/electron/main.cjs');
    for (const file of [
      packageJson.main,
      'out/electron/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'db/migrations/0000_initial.sql',
      'db/migrations/meta/_journal.json',
      'package.json',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of ['electron/desktop/main.ts', 'tests/unit/desktop-packaging.test.ts', 'out/web.mjs', 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c']) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('unpacks every better-sqlite3 binary from the archive and does not try to rebuild them', () => {
    const binaries = fs.readdirSync(path.join(ROOT, 'node_modules/better-sqlite3/prebuilds')).filter((file) => file.endsWith('.node'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const binary of binaries) {
      const file = `node_modules/better-sqlite3/prebuilds/${binary}`;
      expect(config.asarUnpack.some((pattern) => path.matchesGlob(file, pattern)), file).toBe(true);
    }
    expect(config.npmRebuild).toBe(false);
  });
});

describe('the app icon', () => {
  it('is a 512 by 512 PNG in build/', () => {
    const png = fs.readFileSync(path.join(ROOT, 'build/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
