// The desktop shell: one window onto the application core. The settings it applies are decided in
// neighbouring modules that import nothing of Electron at run time, where unit tests assert them;
// this file wires them to Electron's APIs and holds no decisions of its own.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { runApp, type RunningApp } from '../core/app';
import { latestGoodBackup, restoreFiles } from '../core/backups/files';
import type { Dispatch } from '../core/dispatcher';
import { defaultDataDirectory, findUp, PRODUCT_NAME } from '../core/paths';
import { appVersion } from '../core/version';
import { serveAppRequest } from './app-protocol';
import { INVOKE_CHANNEL } from './channel';
import { menuTemplate } from './menu';
import { ElectronPackPrinter } from './pack-printer';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_REGISTRATION,
  denyPermissionCheck,
  denyPermissionRequest,
  externalLinkToOpen,
  isAllowedNavigation,
  isTrustedInvoke,
  UNAUTHORIZED,
  type InvokeSender,
  webPreferences,
} from './security';
import { startupDialog } from './startup-dialog';
import { MINIMUM_SIZE, placeWindow, readWindowState, WINDOW_STATE_FILE_NAME, writeWindowState } from './window-state';

// Electron names its data folder after the package it was started from, which differs between a
// development launch and an installed app. The web host and the command line compute this same
// folder, so all three share one database, and G2G_DATA_DIR moves all of them together.
app.setName(PRODUCT_NAME);
app.setPath('userData', defaultDataDirectory());
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);

let mainWindow: BrowserWindow | null = null;
let opened: RunningApp | null = null;
let printer: ElectronPackPrinter | null = null;

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void printer?.close();
    opened?.close();
  });
  app.whenReady().then(startOrReport);
} else {
  app.quit();
}

function startOrReport(): void {
  try {
    start();
  } catch (error) {
    failToStart(error);
  }
}

function start(): void {
  const dataDirectory = app.getPath('userData');
  const version = appVersion(__dirname);
  opened = runApp({
    dataDirectory,
    migrationsFolder: findUp(__dirname, 'db/migrations'),
    version,
    seedDemo: true,
    watchExternalChanges: true,
    scheduleBackups: true,
    host: 'desktop',
    onInternalError: (method, error) => console.error(`Internal error in ${method}:`, error),
  });
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  const rendererFolder = path.join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererFolder, request));
  listenForContractCalls(opened.dispatch);
  // Packs print from their print view in a hidden window of the app's own, on the app protocol.
  printer = new ElectronPackPrinter({
    createWindow: (options) => new BrowserWindow(options),
    preload: path.join(__dirname, 'preload.cjs'),
    platform: process.platform,
  });
  // Set again on the database opened after a backup is restored from Settings.
  opened.onOpen((app) => {
    app.core.printer = printer;
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        productName: PRODUCT_NAME,
        developerTools: !app.isPackaged,
        showAbout: () => void showAbout(version, dataDirectory),
      }),
    ),
  );
  mainWindow = createMainWindow();
}

/**
 * Reports a failure to open the data folder. A damaged database with a backup that checks out can
 * be restored from the dialog (the damaged file moved aside, never deleted) and the app started
 * on it; otherwise the app closes, leaving every file as it was.
 */
function failToStart(error: unknown): void {
  console.error(error);
  const dataDirectory = app.getPath('userData');
  const { options, fileToShow, offer, choiceFor } = startupDialog(error, offeredBackup(dataDirectory));
  void dialog.showMessageBox(options).then(({ response }) => {
    const choice = choiceFor(response);
    if (choice === 'restore' && offer !== null) {
      try {
        restoreFiles({
          dataDirectory,
          backup: offer,
          migrationsFolder: findUp(__dirname, 'db/migrations'),
          setAsideAs: 'damaged',
          now: new Date(),
        });
      } catch (failure) {
        failToStart(failure);
        return;
      }
      startOrReport();
      return;
    }
    if (choice === 'show-file' && fileToShow !== null) shell.showItemInFolder(fileToShow);
    // exit() skips will-quit, so the database (if it did open) is closed here.
    opened?.close();
    app.exit(1);
  });
}

function offeredBackup(dataDirectory: string) {
  try {
    return latestGoodBackup(dataDirectory);
  } catch {
    return null;
  }
}

function senderOf(event: IpcMainInvokeEvent): InvokeSender {
  const fromAppWindow =
    (mainWindow !== null && event.sender === mainWindow.webContents) || (printer !== null && printer.owns(event.sender));
  try {
    const frame = event.senderFrame;
    return { fromAppWindow, frameUrl: frame?.url ?? null, isTopFrame: frame?.parent === null };
  } catch {
    // Reading a frame that navigated away or closed throws; such a sender is not trusted.
    return { fromAppWindow, frameUrl: null, isTopFrame: false };
  }
}

function listenForContractCalls(dispatch: Dispatch): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedInvoke(senderOf(event))) return UNAUTHORIZED;
    // Structured clone can deliver any value here, even one that String() cannot convert.
    return dispatch(typeof method === 'string' ? method : `(${typeof method})`, input);
  });
}

/** Applied to every web contents the app ever creates, not only the main window's. */
function harden(contents: WebContents): void {
  const refuseNavigation = (event: Electron.Event<{ url: string }>) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLinkToOpen(url);
    if (link !== null) void shell.openExternal(link);
    return { action: 'deny' };
  });
}

function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE_NAME);
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const placement = placeWindow(readWindowState(stateFile), workAreas);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(path.join(__dirname, 'preload.cjs'), process.platform),
  });
  window.once('ready-to-show', () => {
    if (placement.maximised) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    try {
      writeWindowState(stateFile, {
        bounds: {
          x: Math.round(bounds.x),
          y: Math.round(bounds.y),
          width: Math.round(bounds.width),
          height: Math.round(bounds.height),
        },
        maximised: window.isMaximized(),
      });
    } catch (error) {
      console.error('The window size and position could not be saved:', error);
    }
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function showAbout(version: string, dataDirectory: string): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `About ${PRODUCT_NAME}`,
    message: PRODUCT_NAME,
    detail: `Version ${version}\n\nYour data is kept in:\n${dataDirectory}`,
    buttons: ['OK'],
    noLink: true,
  };
  await (mainWindow === null ? dialog.showMessageBox(options) : dialog.showMessageBox(mainWindow, options));
}
