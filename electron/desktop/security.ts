// Every security decision of the desktop shell, in one module that imports nothing of Electron at
// run time (types only). The Electron binary cannot run where this project is built and tested,
// so these settings are proven by unit tests under plain Node that assert on these very objects;
// main.ts only hands them to Electron.
import type { CustomScheme, WebPreferences } from 'electron';
import type { Envelope } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

/** The renderer is served from `app://getting-to-good/`, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'getting-to-good';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme real origins (so 'self' and relative URLs work) and `secure` makes
 * the page a secure context. Left off on purpose: `bypassCSP` (the policy below must apply),
 * `corsEnabled` (other origins must not read the app's files), `allowServiceWorkers`, `stream`
 * and `allowExtensions`.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The app's one policy, shared with the browser-mode host. */
export { CONTENT_SECURITY_POLICY };

/** Headers sent with every response of the app protocol, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The renderer runs as a web page with no Node.js, in Chromium's sandbox, isolated from the
 * preload. Spell checking is left to macOS, whose checker is the system's: on Windows and Linux
 * Chromium would download dictionaries from Google, and this app promises to work offline.
 */
export function webPreferences(preload: string, platform: NodeJS.Platform): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: platform === 'darwin',
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL is one of the app's own pages. Compared part by part rather than by `origin`,
 * because the WHATWG URL parser gives custom schemes an opaque origin ("null").
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether an IPC message from a frame at this URL may reach the application services. */
export function isAllowedSender(frameUrl: string): boolean {
  return isAppUrl(frameUrl);
}

/** Whether a window may navigate to this URL: only to the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export interface InvokeSender {
  /** Whether the message came from the web contents of one of the app's own windows: the main window or a hidden print window. */
  fromAppWindow: boolean;
  /** The URL of the frame that sent it, or null when the frame is gone. */
  frameUrl: string | null;
  /** Whether that frame is the top frame of its page. */
  isTopFrame: boolean;
}

/** Every check a contract call over IPC must pass before it reaches the dispatcher. */
export function isTrustedInvoke(sender: InvokeSender): boolean {
  return sender.fromAppWindow && sender.isTopFrame && sender.frameUrl !== null && isAllowedSender(sender.frameUrl);
}

export const UNAUTHORIZED: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'unauthorized',
    message: 'The request was refused because it did not come from the Getting to Good window.',
    details: Object.freeze({}),
  }),
});

/**
 * Links that leave the app open in the person's own browser instead of a new app window, and
 * only web addresses: a file:, smb: or custom-scheme link could start a program.
 */
export function externalLinkToOpen(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** Every permission request (camera, notifications, location and the rest) is refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every permission check is answered no, so pages cannot use what was never requested. */
export function denyPermissionCheck(): boolean {
  return false;
}
