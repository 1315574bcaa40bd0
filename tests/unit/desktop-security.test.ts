// Electron's security checklist, asserted on the very objects the desktop shell hands to
// Electron (the binary cannot run here, so this is where the settings are proven). The last
// block goes through the shell's security settings as the design lists them, one by one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BRIDGE_NAME, INVOKE_CHANNEL } from '../../electron/desktop/channel';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_REGISTRATION,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  UNAUTHORIZED,
  denyPermissionCheck,
  denyPermissionRequest,
  externalLinkToOpen,
  isAllowedNavigation,
  isAllowedSender,
  isAppUrl,
  isTrustedInvoke,
  webPreferences,
} from '../../electron/desktop/security';
import { printViewAppUrl } from '../../electron/desktop/pack-printer';
import { REACT_ARIA_PRESS_STYLE_HASH } from '../../electron/core/content-security-policy';
import { CONTENT_SECURITY_POLICY as WEB_HOST_POLICY } from '../../electron/web/host';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('web preferences of the app window', () => {
  const preferences = webPreferences('/app/out/electron/preload.cjs', 'linux');

  it('isolates the renderer: context isolation and sandbox on, Node.js off everywhere', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental, insecure and embedding features off', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the given preload and nothing else', () => {
    expect(preferences.preload).toBe('/app/out/electron/preload.cjs');
    expect(preferences).not.toHaveProperty('additionalArguments');
  });

  it('spell checks only on macOS, where no dictionary is downloaded', () => {
    expect(webPreferences('p', 'darwin').spellcheck).toBe(true);
    expect(webPreferences('p', 'win32').spellcheck).toBe(false);
    expect(webPreferences('p', 'linux').spellcheck).toBe(false);
  });

  it('lists exactly the settings reviewed here, so a new one is reviewed too', () => {
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('the app protocol', () => {
  it('serves the app from app://getting-to-good/, not file://', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://getting-to-good');
    expect(APP_ENTRY_URL).toBe('app://getting-to-good/index.html');
    expect(APP_ENTRY_URL.startsWith('file:')).toBe(false);
  });

  it('is a standard, secure scheme that does not bypass the policy or open itself to other origins', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe(APP_SCHEME);
    expect(APP_SCHEME_REGISTRATION.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    const privileges = APP_SCHEME_REGISTRATION.privileges ?? {};
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.corsEnabled).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });
});

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", REACT_ARIA_PRESS_STYLE_HASH]],
    ['connect-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('sets %s to %j', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  it('allows no inline or evaluated code and no remote source anywhere; inline style only by hash', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/unsafe|^\*$|^https?:|^wss?:|^app:|^file:/);
      }
    }
  });

  it('is the same policy the web host sends, so browser-mode tests meet the same rules', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(WEB_HOST_POLICY));
  });

  it('is sent with the other protective headers', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
});

describe('senders and navigation', () => {
  it.each([
    'app://getting-to-good/index.html',
    'app://getting-to-good/',
    'app://getting-to-good/index.html#/plans/1',
  ])('trusts the app page %s', (url) => {
    expect(isAllowedSender(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://getting-to-good.evil/index.html',
    'app://getting-to-good:8080/index.html',
    'app://user:secret@getting-to-good/index.html',
    'file:///app/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    'https://getting-to-good/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedSender(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('lets a contract call through only from the app window, its top frame, on the app page', () => {
    const good = { fromAppWindow: true, isTopFrame: true, frameUrl: APP_ENTRY_URL };
    expect(isTrustedInvoke(good)).toBe(true);
    expect(isTrustedInvoke({ ...good, fromAppWindow: false })).toBe(false);
    expect(isTrustedInvoke({ ...good, isTopFrame: false })).toBe(false);
    expect(isTrustedInvoke({ ...good, frameUrl: null })).toBe(false);
    expect(isTrustedInvoke({ ...good, frameUrl: 'https://example.com/' })).toBe(false);
  });

  it('answers a refused call with the stable unauthorized code', () => {
    expect(UNAUTHORIZED.ok).toBe(false);
    expect(!UNAUTHORIZED.ok && UNAUTHORIZED.error.code).toBe('unauthorized');
    expect(Object.isFrozen(UNAUTHORIZED)).toBe(true);
  });

  it('hands only plain https links to the system browser', () => {
    expect(externalLinkToOpen('https://www.gov.uk/government/publications')).toBe('https://www.gov.uk/government/publications');
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id',
      'app://getting-to-good/index.html',
      'javascript:alert(1)',
      'https://user:pass@example.com/',
      'nonsense',
    ]) {
      expect(externalLinkToOpen(url), url).toBeNull();
    }
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('refuses a request for %s', (permission) => {
    const answers: boolean[] = [];
    denyPermissionRequest(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('answers every permission check no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('the IPC bridge names', () => {
  it('uses one channel and exposes the bridge as window.g2g', () => {
    expect(INVOKE_CHANNEL).toBe('g2g:invoke');
    expect(BRIDGE_NAME).toBe('g2g');
  });
});

describe('the design’s security settings for the shell, one by one', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const shellSources = fs
    .readdirSync(path.join(ROOT, 'electron/desktop'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [file, fs.readFileSync(path.join(ROOT, 'electron/desktop', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')] as const);
  const preferences = webPreferences('/app/out/electron/preload.cjs', 'win32');

  it('context isolation on, sandbox on, Node.js integration off', () => {
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
    const main = new Map(shellSources).get('main.ts') ?? '';
    expect(main).toMatch(/app\.enableSandbox\(\)/);
  });

  it('a strict Content-Security-Policy: own scripts only, nothing inline, no plugins, no framing, no base or form targets', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|strict-dynamic|\*/);
    // The page itself needs no exception: no inline script, style or event handler.
    const page = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
  });

  it('the app comes from its own protocol, never from file://', () => {
    expect(new URL(APP_ENTRY_URL).protocol).toBe('app:');
    for (const [file, code] of shellSources) {
      expect(code, file).not.toMatch(/\bloadFile\(|['"`]file:/);
    }
    // Every page any window loads is one of the app's own.
    const loads = shellSources.flatMap(([file, code]) => [...code.matchAll(/\.loadURL\((\w+(?:\(\w+\))?)\)/g)].map((match) => `${file} ${match[1]}`));
    expect(loads.sort()).toEqual(['main.ts APP_ENTRY_URL', 'pack-printer.ts printViewAppUrl(packId)']);
    expect(isAppUrl(printViewAppUrl('0190a5f4-7b3c-7d2e-8f00-0123456789ab'))).toBe(true);
  });

  it('navigation and new windows denied', () => {
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    const main = new Map(shellSources).get('main.ts') ?? '';
    expect(main).toMatch(/'will-navigate', refuseNavigation/);
    expect(main).toMatch(/'will-frame-navigate', refuseNavigation/);
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    // Applied to every web contents the app creates, not only the first window's.
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => harden\(contents\)\)/);
  });

  it('every IPC message’s sender checked: one handler on one channel, and it checks before anything else', () => {
    const uses = shellSources.flatMap(([file, code]) => [...code.matchAll(/ipcMain\.(\w+)\(/g)].map((match) => `${file} ${match[1]}`));
    expect(uses).toEqual(['main.ts handle']);
    const main = new Map(shellSources).get('main.ts') ?? '';
    const handler = /ipcMain\.handle\(INVOKE_CHANNEL, \(event[^)]*\) => \{\s*([^\n]*)/.exec(main);
    expect(handler?.[1]).toBe('if (!isTrustedInvoke(senderOf(event))) return UNAUTHORIZED;');
  });

  it('the preload exposes one narrow function and never ipcRenderer', () => {
    const preload = new Map(shellSources).get('preload.ts') ?? '';
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/invoke: \(method: string, input: unknown\) => ipcRenderer\.invoke\(INVOKE_CHANNEL, method, input\)/);
    expect(preload.replace(/import[^;]*;/g, '').match(/ipcRenderer(?!\.invoke\()/g)).toBeNull();
  });

  it('fuses set in the packaged binary: runAsNode, NODE_OPTIONS and --inspect off; asar integrity and only-load-from-asar on', () => {
    const builder = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { asar: boolean; electronFuses: Record<string, boolean> };
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The integrity fuse checks an archive, so the app must be packed into one.
    expect(builder.asar).toBe(true);
  });
});
