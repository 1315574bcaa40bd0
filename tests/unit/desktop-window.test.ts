// The desktop window's remembered place and its native menu.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/desktop/menu';
import {
  DEFAULT_SIZE,
  MINIMUM_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Bounds,
  type WindowState,
} from '../../electron/desktop/window-state';

const laptop: Bounds = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorToTheRight: Bounds = { x: 1920, y: 0, width: 2560, height: 1400 };

const state = (bounds: Bounds, maximised = false): WindowState => ({ bounds, maximised });

describe('where the window opens', () => {
  it('opens at the default size, centred by the system, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximised: false });
  });

  it('restores a saved place that is on a display', () => {
    const saved = state({ x: 100, y: 80, width: 1200, height: 700 }, true);
    expect(placeWindow(saved, [laptop, monitorToTheRight])).toEqual(saved);
  });

  it('restores a place on the second display while it is connected', () => {
    const saved = state({ x: 2200, y: 100, width: 1600, height: 900 });
    expect(placeWindow(saved, [laptop, monitorToTheRight])).toEqual(saved);
  });

  it('falls back to the default when the display it was on is gone', () => {
    const saved = state({ x: 2200, y: 100, width: 1600, height: 900 }, true);
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximised: true });
  });

  it('moves a window hanging off the edge fully onto the display', () => {
    const placed = placeWindow(state({ x: 1500, y: -50, width: 1000, height: 700 }), [laptop]);
    expect(placed.bounds).toEqual({ x: 920, y: 0, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display to fit it', () => {
    const small: Bounds = { x: 0, y: 0, width: 1366, height: 728 };
    const placed = placeWindow(state({ x: 0, y: 0, width: 2400, height: 1300 }), [small]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('never restores a window smaller than the minimum', () => {
    const placed = placeWindow(state({ x: 10, y: 10, width: 200, height: 100 }), [laptop]);
    expect(placed.bounds.width).toBe(MINIMUM_SIZE.width);
    expect(placed.bounds.height).toBe(MINIMUM_SIZE.height);
  });

  it('keeps the default within a display smaller than the default', () => {
    const small: Bounds = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow(null, [small]).bounds).toEqual({ width: 1024, height: 700 });
  });
});

describe('the window state file', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('round-trips through a small JSON file', () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-window-'));
    const file = path.join(folder, 'window-state.json');
    const saved = state({ x: -1200, y: 40, width: 1100, height: 760 }, true);
    writeWindowState(file, saved);
    expect(readWindowState(file)).toEqual(saved);
    expect(fs.readdirSync(folder)).toEqual(['window-state.json']);
  });

  it.each([
    ['a missing file', null],
    ['not JSON', 'not json'],
    ['the wrong shape', JSON.stringify({ bounds: { x: 0, y: 0, width: 'wide', height: 10 }, maximised: false })],
    ['a zero size', JSON.stringify({ bounds: { x: 0, y: 0, width: 0, height: 10 }, maximised: false })],
  ])('ignores %s', (_what, content) => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-window-'));
    const file = path.join(folder, 'window-state.json');
    if (content !== null) fs.writeFileSync(file, content);
    expect(readWindowState(file)).toBeNull();
  });
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function labelsOf(menu: MenuItemConstructorOptions | undefined): (string | undefined)[] {
  return Array.isArray(menu?.submenu) ? menu.submenu.filter((item) => item.type !== 'separator').map((item) => item.label) : [];
}

describe('the application menu', () => {
  const options = { productName: 'Getting to Good', developerTools: false, showAbout: () => {} };

  it.each(['win32', 'linux', 'darwin'] as const)('labels every item itself, in sentence case, on %s', (platform) => {
    // Electron's own labels for roles are American title case ("Toggle Full Screen").
    for (const item of items(menuTemplate({ ...options, platform }))) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toMatch(/\S/);
      const laterWords = (item.label ?? '').replace('Getting to Good', '').split(' ').slice(1);
      for (const word of laterWords) expect(word, item.label).toBe(word.toLowerCase());
    }
  });

  it('has File, Edit, View and Help on Windows and Linux, with Quit under File', () => {
    const template = menuTemplate({ ...options, platform: 'win32' });
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labelsOf(template[0])).toEqual(['Quit']);
    expect(labelsOf(template[1])).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select all']);
    expect(labelsOf(template[2])).toEqual(['Reload', 'Actual size', 'Zoom in', 'Zoom out', 'Full screen']);
    expect(labelsOf(template[3])).toEqual(['About Getting to Good']);
  });

  it('puts the app menu first on macOS, as the platform expects', () => {
    const template = menuTemplate({ ...options, platform: 'darwin' });
    expect(template.map((menu) => menu.label)).toEqual(['Getting to Good', 'File', 'Edit', 'View', 'Help']);
    expect(labelsOf(template[0])).toContain('Quit Getting to Good');
  });

  it('uses standard roles for editing, zoom and full screen so the shortcuts work', () => {
    const roles = items(menuTemplate({ ...options, platform: 'linux' })).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('offers developer tools only when asked to', () => {
    const roles = (developerTools: boolean) => items(menuTemplate({ ...options, platform: 'linux', developerTools })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('opens the About box from Help', () => {
    let shown = 0;
    const template = menuTemplate({ ...options, platform: 'linux', showAbout: () => (shown += 1) });
    const help = template.at(-1);
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    (about?.click as (() => void) | undefined)?.();
    expect(shown).toBe(1);
  });
});
