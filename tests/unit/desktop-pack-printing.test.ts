// Printing a pack in the desktop app, wired as main.ts wires it, under plain Node against a
// stand-in for Electron and the real application core: the core's printer opens a hidden,
// hardened window on the print view, the view reads the pack over the same checked IPC channel as
// the main window (and only while it prints), and the PDF goes back through the contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WAIT_FOR_READY_SCRIPT } from '../../electron/core/printing/print-view';
import { electronPrintOptions, printViewAppUrl, printWindowOptions } from '../../electron/desktop/pack-printer';
import { APP_ENTRY_URL, UNAUTHORIZED } from '../../electron/desktop/security';
import type { Envelope } from '../../shared/errors';

type Listener = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  // The stand-in answers the printer's wait with the view's ready signal (set below).
  let waitScript = '';
  const setWaitScript = (script: string) => {
    waitScript = script;
  };
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) (listener as (...values: unknown[]) => unknown)(...args);
    }
  }

  const state = {
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    app: new Emitter(),
    paths: {} as Record<string, string>,
  };

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    readyState: 'true' | 'failed' | null = null;
    private readonly waiting: ((value: string) => void)[] = [];
    readonly printedWith: unknown[] = [];
    title = '';
    constructor(private readonly window: FakeBrowserWindow) {
      super();
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    settle(value: 'true' | 'failed'): void {
      this.readyState = value;
      for (const resolve of this.waiting.splice(0)) resolve(value);
    }
    executeJavaScript(code: string): Promise<unknown> {
      if (code === waitScript) {
        if (this.readyState) return Promise.resolve(this.readyState);
        return new Promise((resolve) => this.waiting.push(resolve));
      }
      return Promise.resolve('');
    }
    async printToPDF(options: unknown): Promise<Buffer> {
      this.printedWith.push(options);
      return Buffer.from(`%PDF-1.7 ${this.title} ${this.window.loadedUrl}`);
    }
  }

  class FakeBrowserWindow extends Emitter {
    readonly webContents: FakeWebContents;
    loadedUrl: string | null = null;
    destroyed = false;
    constructor(readonly options: { show?: boolean; webPreferences: unknown }) {
      super();
      this.webContents = new FakeWebContents(this);
      state.windows.push(this);
      state.app.emit('web-contents-created', {}, this.webContents);
    }
    /** The print view, as the renderer runs it: it asks for the pack's document over IPC. */
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      const route = /#\/print\/packs\/(.+)$/.exec(url);
      if (!route) return;
      const invoke = state.ipcHandlers.get('g2g:invoke')!;
      const event = { sender: this.webContents, senderFrame: { url, parent: null } };
      void Promise.resolve(invoke(event, 'packs.document', { packId: decodeURIComponent(route[1]!) })).then((answer) => {
        const envelope = answer as Envelope<{ title: string }>;
        if (envelope.ok) this.webContents.title = envelope.value.title;
        this.webContents.settle(envelope.ok ? 'true' : 'failed');
      });
    }
    destroy(): void {
      this.destroyed = true;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    show(): void {}
    maximize(): void {}
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1200, height: 800 };
    }
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  const electron = {
    app: Object.assign(state.app, {
      isPackaged: false,
      setName: () => {},
      setPath: (name: string, value: string) => {
        state.paths[name] = value;
      },
      getPath: (name: string) => state.paths[name] ?? `/nowhere/${name}`,
      enableSandbox: () => {},
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: () => {},
    }),
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, handler) },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => {} },
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    dialog: { showMessageBox: () => Promise.resolve({ response: 0 }) },
    shell: { showItemInFolder: () => {}, openExternal: () => Promise.resolve() },
  };
  return { state, electron, setWaitScript };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;
fake.setWaitScript(WAIT_FOR_READY_SCRIPT);
let dataDirectory: string;

beforeEach(() => {
  state.windows = [];
  state.ipcHandlers.clear();
  state.paths = {};
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-desktop-print-'));
  vi.stubEnv('G2G_DATA_DIR', dataDirectory);
});

afterEach(() => {
  state.app.emit('will-quit');
  vi.unstubAllEnvs();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

async function launched() {
  vi.resetModules();
  await import('../../electron/desktop/main');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  const mainWindow = state.windows[0]!;
  const invoke = state.ipcHandlers.get('g2g:invoke')!;
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const envelope = (await invoke({ sender: mainWindow.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } }, method, input)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value;
  };
  return { mainWindow, invoke, call };
}

async function demoPack(call: <T>(method: string, input: unknown) => Promise<T>) {
  const [plan] = await call<{ id: string }[]>('plans.list', {});
  const committees = await call<{ kind: string; meetings: { id: string }[] }[]>('committees.list', { planId: plan!.id });
  const meeting = committees.find((committee) => committee.kind === 'improvement-board')!.meetings.at(-1)!;
  return call<{ id: string; title: string }>('packs.create', {
    planId: plan!.id,
    meetingId: meeting.id,
    template: 'improvement-board',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
  });
}

describe('printing a pack in the desktop app', () => {
  it('prints in a hidden, hardened window on the print view, which reads the pack over the checked IPC channel', async () => {
    const { call } = await launched();
    const pack = await demoPack(call);
    const pdf = await call<{ mediaType: string; base64: string }>('packs.pdf', { packId: pack.id });
    expect(pdf.mediaType).toBe('application/pdf');
    // The print window asked for the document over IPC and was answered: its title is in the PDF.
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe(`%PDF-1.7 ${pack.title} ${printViewAppUrl(pack.id)}`);

    expect(state.windows).toHaveLength(2);
    const printWindow = state.windows[1]!;
    const preload = path.resolve(import.meta.dirname, '../../electron/desktop/preload.cjs');
    expect(printWindow.options).toEqual(printWindowOptions(preload, process.platform));
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.loadedUrl).toBe(`app://getting-to-good/index.html#/print/packs/${pack.id}`);
    expect(printWindow.webContents.printedWith).toEqual([electronPrintOptions()]);
    expect(printWindow.destroyed).toBe(true);
    // The print window got the same navigation and new-window guards as every web contents.
    expect(printWindow.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses the print window’s calls once it has printed, and other windows’ calls always', async () => {
    const { call, invoke } = await launched();
    const pack = await demoPack(call);
    await call('packs.pdf', { packId: pack.id });
    const printWindow = state.windows[1]!;
    const frame = { url: printViewAppUrl(pack.id), parent: null };
    expect(await invoke({ sender: printWindow.webContents, senderFrame: frame }, 'packs.document', { packId: pack.id })).toEqual(UNAUTHORIZED);
    const stranger = new fake.electron.BrowserWindow({ webPreferences: {} });
    expect(await invoke({ sender: stranger.webContents, senderFrame: frame }, 'plans.list', {})).toEqual(UNAUTHORIZED);
  });

  it('issues a pack with the PDF the print window printed', async () => {
    const { call } = await launched();
    const pack = await demoPack(call);
    const issued = await call<{ status: string; hasPdf: boolean }>('packs.issue', { packId: pack.id });
    expect(issued).toMatchObject({ status: 'issued', hasPdf: true });
    expect(state.windows.slice(1).every((window) => window.destroyed)).toBe(true);
  });
});
