// Electron's security checklist, asserted on the very objects the desktop shell hands to
// Electron (the binary cannot run here, so this is where the settings are proven).
import { describe, expect, it } from 'vitest';
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
  isTrustedInvoke,
  webPreferences,
} from '../../electron/desktop/security';
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
