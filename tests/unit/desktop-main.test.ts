// The desktop shell's wiring, run under plain Node against a stand-in for Electron's main-process
// API and the real application core. The Electron binary cannot run here; this proves that
// main.ts hands the checked settings to Electron, checks every IPC sender, and leaves a damaged
// database untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { CONTENT_SECURITY_POLICY, APP_ENTRY_URL, APP_SCHEME_REGISTRATION, UNAUTHORIZED, webPreferences } from '../../electron/desktop/security';

type Listener = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      const wrapped = (...args: never[]) => {
        this.listeners.set(name, (this.listeners.get(name) ?? []).filter((each) => each !== wrapped));
        return listener(...args);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) (listener as (...values: unknown[]) => unknown)(...args);
    }
  }

  interface WindowOpenAnswer {
    action: string;
  }

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => WindowOpenAnswer) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenAnswer): void {
      this.windowOpenHandler = handler;
    }
  }

  const state = {
    calls: [] as string[],
    paths: {} as Record<string, string>,
    ready: false,
    lockGranted: true,
    exitCode: null as number | null,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    menuTemplate: null as unknown,
    windows: [] as FakeBrowserWindow[],
    dialogs: [] as { type?: string; message?: string; detail?: string; buttons?: string[] }[],
    dialogResponse: 0,
    shownItems: [] as string[],
    openedExternally: [] as string[],
    app: new Emitter(),
  };

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    minimised = false;
    maximised = false;
    visible = false;
    focused = false;
    constructor(readonly options: { x?: number; y?: number; width: number; height: number; webPreferences: unknown }) {
      super();
      state.windows.push(this);
      state.app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    maximize(): void {
      this.maximised = true;
    }
    isMaximized(): boolean {
      return this.maximised;
    }
    isMinimized(): boolean {
      return this.minimised;
    }
    restore(): void {
      this.minimised = false;
    }
    getNormalBounds() {
      return { x: this.options.x ?? 40, y: this.options.y ?? 30, width: this.options.width, height: this.options.height };
    }
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

  const electron = {
    app: Object.assign(state.app, {
      isPackaged: false,
      setName: (name: string) => state.calls.push(`setName ${name}`),
      setPath: (name: string, value: string) => {
        state.calls.push(`setPath ${name}`);
        state.paths[name] = value;
      },
      getPath: (name: string) => state.paths[name] ?? `/nowhere/${name}`,
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        state.calls.push('requestSingleInstanceLock');
        return state.lockGranted;
      },
      whenReady: () => {
        state.ready = true;
        return Promise.resolve();
      },
      quit: () => state.calls.push('quit'),
      exit: (code: number) => {
        state.exitCode = code;
      },
    }),
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push(`registerSchemesAsPrivileged ${state.ready ? 'after' : 'before'} ready`);
        state.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => {
          state.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: unknown) => {
          state.permissionCheckHandler = handler;
        },
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => {
        state.menuTemplate = menu.template;
      },
    },
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        state.dialogs.push(args.at(-1) as (typeof state.dialogs)[number]);
        return Promise.resolve({ response: state.dialogResponse });
      },
    },
    shell: {
      showItemInFolder: (file: string) => state.shownItems.push(file),
      openExternal: (url: string) => {
        state.openedExternally.push(url);
        return Promise.resolve();
      },
    },
  };

  return { state, electron, FakeWebContents };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;
let dataDirectory: string;

function resetState(): void {
  state.calls = [];
  state.paths = {};
  state.ready = false;
  state.lockGranted = true;
  state.exitCode = null;
  state.privilegedSchemes = [];
  state.protocolHandlers.clear();
  state.ipcHandlers.clear();
  state.permissionRequestHandler = null;
  state.permissionCheckHandler = null;
  state.menuTemplate = null;
  state.windows = [];
  state.dialogs = [];
  state.dialogResponse = 0;
  state.shownItems = [];
  state.openedExternally = [];
}

async function launch(): Promise<void> {
  vi.resetModules();
  await import('../../electron/desktop/main');
}

async function launched() {
  await launch();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  const window = state.windows[0]!;
  const invoke = state.ipcHandlers.get('g2g:invoke')!;
  return { window, invoke };
}

function eventFrom(sender: unknown, frame: { url: string; parent: unknown } | null) {
  return { sender, senderFrame: frame };
}

beforeEach(() => {
  resetState();
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-desktop-'));
  vi.stubEnv('G2G_DATA_DIR', dataDirectory);
});

afterEach(() => {
  state.app.emit('will-quit');
  vi.unstubAllEnvs();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

describe('starting the desktop app', () => {
  it('uses G2G_DATA_DIR as its data folder, and prepares protocol and sandbox before the app is ready', async () => {
    await launched();
    expect(state.paths.userData).toBe(dataDirectory);
    expect(state.calls.slice(0, 5)).toEqual([
      'setName Getting to Good',
      'setPath userData',
      'enableSandbox',
      'registerSchemesAsPrivileged before ready',
      'requestSingleInstanceLock',
    ]);
    expect(state.privilegedSchemes).toEqual([APP_SCHEME_REGISTRATION]);
    expect(fs.existsSync(path.join(dataDirectory, DATABASE_FILE_NAME))).toBe(true);
  });

  it('opens one window with the checked web preferences on the app protocol', async () => {
    const { window } = await launched();
    const preload = path.resolve(import.meta.dirname, '../../electron/desktop/preload.cjs');
    expect(window.options.webPreferences).toEqual(webPreferences(preload, process.platform));
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('serves the app protocol with the Content-Security-Policy', async () => {
    await launched();
    const handler = state.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://getting-to-good/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses every permission', async () => {
    await launched();
    const answers: boolean[] = [];
    (state.permissionRequestHandler as (w: unknown, p: string, c: (granted: boolean) => void) => void)(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect((state.permissionCheckHandler as () => boolean)()).toBe(false);
  });

  it('sets a native menu', async () => {
    await launched();
    expect((state.menuTemplate as { label: string }[]).map((menu) => menu.label)).toContain('Help');
  });

  it('quits at once when another copy is running, and that copy’s window comes forward', async () => {
    const { window } = await launched();
    window.minimised = true;
    state.app.emit('second-instance');
    expect(window.minimised).toBe(false);
    expect(window.focused).toBe(true);

    resetState();
    state.lockGranted = false;
    await launch();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.calls).toContain('quit');
    expect(state.windows).toEqual([]);
    expect(state.ipcHandlers.size).toBe(0);
  });
});

describe('contract calls over IPC', () => {
  it('answers a call from the app page in the app window through the real dispatcher', async () => {
    const { window, invoke } = await launched();
    const answer = await invoke(eventFrom(window.webContents, { url: APP_ENTRY_URL, parent: null }), 'app.info', {});
    expect(answer).toMatchObject({
      ok: true,
      value: { name: 'Getting to Good', dataDirectory, databaseFile: path.join(dataDirectory, DATABASE_FILE_NAME) },
    });
  });

  it('passes untrusted input to the dispatcher, which refuses what the contract does not know', async () => {
    const { window, invoke } = await launched();
    const answer = await invoke(eventFrom(window.webContents, { url: APP_ENTRY_URL, parent: null }), { toString: null }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses a call from any other sender with the unauthorized envelope', async () => {
    const { window, invoke } = await launched();
    const otherContents = new fake.FakeWebContents();
    const refused = [
      eventFrom(otherContents, { url: APP_ENTRY_URL, parent: null }),
      eventFrom(window.webContents, { url: 'https://example.com/', parent: null }),
      eventFrom(window.webContents, { url: 'file:///app/out/renderer/index.html', parent: null }),
      eventFrom(window.webContents, { url: APP_ENTRY_URL, parent: {} }),
      eventFrom(window.webContents, null),
      {
        sender: window.webContents,
        get senderFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ];
    for (const event of refused) expect(await invoke(event, 'plans.list', {})).toEqual(UNAUTHORIZED);
  });
});

describe('navigation and new windows', () => {
  it('refuses to navigate away from the app, in every frame', async () => {
    const { window } = await launched();
    for (const name of ['will-navigate', 'will-frame-navigate']) {
      const away = { url: 'https://example.com/', preventDefault: vi.fn() };
      window.webContents.emit(name, away);
      expect(away.preventDefault).toHaveBeenCalled();
      const within = { url: 'app://getting-to-good/index.html', preventDefault: vi.fn() };
      window.webContents.emit(name, within);
      expect(within.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('opens no new window; a web link goes to the system browser instead', async () => {
    const { window } = await launched();
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.gov.uk/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://getting-to-good/index.html' })).toEqual({ action: 'deny' });
    expect(state.openedExternally).toEqual(['https://www.gov.uk/']);
  });
});

describe('the window’s place', () => {
  it('is saved on close and restored, maximised, at the next start', async () => {
    const first = (await launched()).window;
    first.maximised = true;
    first.emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(dataDirectory, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: first.getNormalBounds(), maximised: true });

    state.app.emit('will-quit');
    resetState();
    const second = (await launched()).window;
    expect(second.options).toMatchObject(saved.bounds);
    second.emit('ready-to-show');
    expect(second.maximised).toBe(true);
  });
});

describe('a database that cannot be opened', () => {
  it.each([
    ['a file of another kind', Buffer.from('These are meeting notes, not a database.\n'.repeat(200)), 'The database is damaged'],
    ['a damaged SQLite file', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8176, 0xa5)]), 'The database is damaged'],
  ])('is reported in plain words for %s and left exactly as it was', async (_what, content, title) => {
    const file = path.join(dataDirectory, DATABASE_FILE_NAME);
    fs.writeFileSync(file, content);
    const before = fs.statSync(file).mtimeMs;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    await launch();
    await vi.waitFor(() => expect(state.exitCode).toBe(1));

    expect(state.windows).toEqual([]);
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0]).toMatchObject({ type: 'error', message: title, buttons: ['Show the file', 'Close'] });
    expect(state.dialogs[0]?.detail).toContain('left exactly as it was');
    expect(state.shownItems).toEqual([file]);
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readdirSync(dataDirectory)).toEqual([DATABASE_FILE_NAME]);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
