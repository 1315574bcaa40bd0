// The app protocol's handler is the very function Electron calls; it is written against the
// web's Request and Response, so it runs here on a real folder of files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererFileFor, serveAppRequest } from '../../electron/desktop/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/desktop/security';

let base: string;
let renderer: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-protocol-'));
  renderer = path.join(base, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Getting to Good</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'export {};');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'a sibling sharing the folder name as a prefix');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(renderer, new Request(url, { method }));

describe('resolving a request to a renderer file', () => {
  it.each([
    ['app://getting-to-good/', 'index.html'],
    ['app://getting-to-good/index.html', 'index.html'],
    ['app://getting-to-good/index.html?x=1#/plans', 'index.html'],
    ['app://getting-to-good/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://getting-to-good/assets/a%20b.js', 'assets/a b.js'],
  ])('%s is %s', (url, relative) => {
    expect(rendererFileFor(renderer, url)).toBe(path.join(renderer, relative));
  });

  it.each([
    'app://getting-to-good/../secret.txt',
    'app://getting-to-good/assets/../../secret.txt',
    'app://getting-to-good/%2e%2e/secret.txt',
  ])('keeps %s inside the folder, as the URL itself drops dot segments above its root', (url) => {
    expect(rendererFileFor(renderer, url)).toBe(path.join(renderer, 'secret.txt'));
  });

  it.each([
    'app://getting-to-good/..%2fsecret.txt',
    'app://getting-to-good/assets/..%2F..%2Fsecret.txt',
    'app://getting-to-good/..%5csecret.txt',
    'app://getting-to-good/%2e%2e%2f..%2fetc%2fpasswd',
    'app://getting-to-good/..%2frenderer-evil.txt',
    'app://getting-to-good/index.html%00.js',
    'app://getting-to-good/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(renderer, url)).toBeNull();
  });
});

describe('answering requests', () => {
  it('serves the page and its assets with their media types', async () => {
    const page = await get('app://getting-to-good/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Getting to Good</title>');
    expect((await get('app://getting-to-good/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://getting-to-good/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://getting-to-good/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('does not leak a file outside the renderer folder', async () => {
    for (const url of ['app://getting-to-good/..%2fsecret.txt', 'app://getting-to-good/assets/..%2F..%2Fsecret.txt']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('answers a missing file 404 and a write 405', async () => {
    expect((await get('app://getting-to-good/assets/missing.js')).status).toBe(404);
    expect((await get('app://getting-to-good/assets')).status).toBe(404);
    expect((await get('app://getting-to-good/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://getting-to-good/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('sends the Content-Security-Policy and nosniff with every answer, errors included', async () => {
    const answers = await Promise.all([
      get('app://getting-to-good/'),
      get('app://getting-to-good/assets/index-abc.js'),
      get('app://getting-to-good/missing'),
      get('app://getting-to-good/..%2fsecret.txt'),
      get('app://getting-to-good/index.html', 'DELETE'),
    ]);
    for (const response of answers) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
