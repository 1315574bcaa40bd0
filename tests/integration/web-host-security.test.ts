// Browser mode is private to the person who started it. The real web host, on a real database,
// asked the way another local user, another web page or a DNS-rebinding attack would ask it:
// it listens on 127.0.0.1 only, answers only requests addressed to itself, refuses other
// origins, and serves nothing (page, files, contract calls, the change feed) without this
// launch's secret token.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { newToken, startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web/host';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let app: TestApp;
let host: WebHost;
let secretFileName: string;
const INDEX = '<!doctype html><title>Getting to Good</title>';
const SCRIPT = 'console.log("the app");';

beforeAll(async () => {
  app = openTestApp({ seedDemo: true });
  const renderer = makeTempDirectory('g2g-renderer-');
  fs.mkdirSync(path.join(renderer, 'assets'));
  fs.writeFileSync(path.join(renderer, 'index.html'), INDEX);
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), SCRIPT);
  // A file beside the renderer folder that must never be served.
  secretFileName = `${path.basename(renderer)}-secret.txt`;
  fs.writeFileSync(path.join(renderer, '..', secretFileName), 'secret');
  host = await startWebHost({ dispatch: app.dispatch, rendererDirectory: renderer });
});

afterAll(async () => {
  await host.close();
  app.close();
});

/** One raw HTTP request to the host, every header exactly as given (Host included). */
function request(
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; address?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: options.address ?? '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
        setHost: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** A contract call as the app's page makes it: POST, JSON, the token in its header. */
function call(method: string, headers: Record<string, string> = {}, body = '{}'): Promise<Answer> {
  return request({ method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body });
}

const withToken = () => ({ [TOKEN_HEADER]: host.token });

/** Whether anything accepts a TCP connection at this address and the host's port. */
function connects(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port: host.port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The local addresses the kernel lists as listening on a TCP port (Linux only; null elsewhere). */
function listeningAddresses(port: number): string[] | null {
  if (!fs.existsSync('/proc/net/tcp')) return null;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [address, localPort] = local.split(':');
      if (localPort !== hexPort || !address) continue;
      found.push(
        address.length === 8
          ? (address.match(/../g) ?? []).reverse().map((byte) => parseInt(byte, 16)).join('.')
          : `ipv6:${address}`,
      );
    }
  }
  return found;
}

describe('where the web host listens', () => {
  it('is bound to the loopback address 127.0.0.1, and to no other address', async () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    const listening = listeningAddresses(host.port);
    if (listening !== null) expect(listening).toEqual(['127.0.0.1']);
    expect(await connects('127.0.0.1')).toBe(true);
    // A server on every address would also answer these.
    const elsewhere = Object.values(os.networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal)
      .map((entry) => entry?.address.split('%')[0] ?? '');
    for (const address of ['::1', ...(process.platform === 'linux' ? ['127.0.0.2'] : []), ...elsewhere]) {
      expect(await connects(address), address).toBe(false);
    }
  });
});

describe('the per-launch secret token', () => {
  it('is 256 random bits, written in 43 URL-safe characters, and new at every launch', async () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
    const tokens = Array.from({ length: 2000 }, () => newToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every character position takes many values across launches: nothing fixed or counted.
    for (let position = 0; position < 42; position += 1) {
      expect(new Set(tokens.map((token) => token[position])).size, `position ${position}`).toBeGreaterThan(50);
    }
    const other = await startWebHost({ dispatch: app.dispatch, rendererDirectory: makeTempDirectory() });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });

  it('is required in its header for every contract call, and nothing else stands in for it', async () => {
    const refused = [
      await call('plans.list'),
      await call('plans.list', { [TOKEN_HEADER]: '' }),
      await call('plans.list', { [TOKEN_HEADER]: 'not-the-token' }),
      await call('plans.list', { [TOKEN_HEADER]: host.token.slice(0, -1) }),
      await call('plans.list', { [TOKEN_HEADER]: `${host.token}x` }),
      await call('plans.list', { [TOKEN_HEADER]: host.token.toUpperCase() === host.token ? host.token.toLowerCase() : host.token.toUpperCase() }),
      await call('plans.list', { [TOKEN_HEADER]: newToken() }),
      // In the address or in the page's cookie it admits the page's files, not the data.
      await request({ method: 'POST', path: `/api/plans.list?token=${host.token}`, body: '{}' }),
      await call('plans.list', { cookie: `g2g-token=${host.token}` }),
      await call('plans.list', { authorization: `Bearer ${host.token}` }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(answer.body).not.toContain('Northmoor');
    }
    const allowed = await call('plans.list', withToken());
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.body)).toMatchObject({ ok: true });
    expect(allowed.body).toContain('Northmoor');
  });

  it('is required on the change feed too, which refuses at once rather than waiting', async () => {
    const started = Date.now();
    const answer = await call('events.next', {}, JSON.stringify({ after: 0, waitMs: 25_000 }));
    expect(answer.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(5000);
    const allowed = await call('events.next', withToken(), JSON.stringify({ after: 0, waitMs: 0 }));
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.body)).toMatchObject({ ok: true });
  });

  it('is required for the page and its files: in the address once, then in a strict same-site cookie only the host can read', async () => {
    for (const file of ['/', '/index.html', '/assets/index-abc.js']) {
      expect((await request({ path: file })).status, file).toBe(401);
      expect((await request({ path: file, headers: { cookie: 'g2g-token=wrong' } })).status, file).toBe(401);
      expect((await request({ path: `${file}?token=wrong` })).status, file).toBe(401);
      expect((await request({ path: file, headers: { [TOKEN_HEADER]: 'wrong' } })).status, file).toBe(401);
    }
    const page = await request({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect(page.headers['set-cookie']).toEqual([`g2g-token=${host.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const script = await request({ path: '/assets/index-abc.js', headers: { cookie: `g2g-token=${host.token}` } });
    expect(script.status).toBe(200);
    expect(script.body).toBe(SCRIPT);
    expect(script.headers['set-cookie']).toBeUndefined();
  });

  it('admits no file outside the renderer folder, even with the token', async () => {
    const cookie = { cookie: `g2g-token=${host.token}` };
    for (const folder of ['/../', '/%2e%2e/', '/assets/../../', '/assets/%2e%2e/%2e%2e/', '/..%2f', '/%2e%2e%2f']) {
      const answer = await request({ path: `${folder}${secretFileName}`, headers: cookie });
      expect(answer.status, folder).toBe(404);
      expect(answer.body).not.toContain('secret');
    }
    const listing = await request({ path: '/assets/', headers: cookie });
    expect(listing.status).toBe(404);
  });
});

describe('requests not addressed to this host', () => {
  it.each([
    ['a foreign name (DNS rebinding)', 'attacker.example'],
    ['a foreign name with the port', 'attacker.example:PORT'],
    ['a name that only starts like it', 'localhost.attacker.example:PORT'],
    ['the right address on another port', '127.0.0.1:1'],
    ['the right address without the port', '127.0.0.1'],
    ['another loopback address', '127.0.0.2:PORT'],
    ['IPv6 loopback', '[::1]:PORT'],
    ['an empty Host', ''],
  ])('are refused with %s, token or not', async (_case, hostHeader) => {
    const headers = { host: hostHeader.replace('PORT', String(host.port)) };
    const api = await call('plans.list', { ...withToken(), ...headers });
    expect(api.status).toBe(421);
    expect(api.body).not.toContain('Northmoor');
    expect((await request({ path: `/?token=${host.token}`, headers })).status).toBe(421);
  });

  it('are answered when addressed to 127.0.0.1 or localhost on its port', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      expect((await call('plans.list', { ...withToken(), host: `${name}:${host.port}` })).status).toBe(200);
    }
  });

  it('are refused when the Host header is missing altogether', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: host.port }, () => {
        socket.write(`POST /api/plans.list HTTP/1.0\r\n${TOKEN_HEADER}: ${host.token}\r\ncontent-length: 2\r\n\r\n{}`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(Number(/^HTTP\/1\.\d (\d+)/.exec(text)?.[1])));
      socket.on('error', reject);
    });
    expect(answer).toBe(421);
  });
});

describe('requests from another origin', () => {
  it.each([
    'http://attacker.example',
    'https://attacker.example',
    'null',
    'http://127.0.0.1:1',
    'https://127.0.0.1:PORT',
    'http://127.0.0.1:PORT.attacker.example',
    'http://localhost:PORT@attacker.example',
  ])('are refused from Origin %s, even carrying the token', async (origin) => {
    const headers = { ...withToken(), origin: origin.replace('PORT', String(host.port)) };
    const answer = await call('plans.list', headers);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Northmoor');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request({ path: `/?token=${host.token}`, headers })).status).toBe(403);
  });

  it('are refused when the browser says the request is cross-site, though it sends no Origin', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', cookie: `g2g-token=${host.token}` };
    expect((await request({ path: '/assets/index-abc.js', headers: crossSite })).status).toBe(403);
    expect((await request({ path: `/?token=${host.token}`, headers: crossSite })).status).toBe(403);
    expect((await call('plans.list', { ...withToken(), ...crossSite })).status).toBe(403);
  });

  it('get no CORS preflight approval, so a page elsewhere can never send the token header', async () => {
    const preflight = await request({
      method: 'OPTIONS',
      path: '/api/plans.list',
      headers: {
        origin: 'http://attacker.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': `content-type, ${TOKEN_HEADER}`,
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(preflight.status).toBe(403);
    for (const name of Object.keys(preflight.headers)) expect(name).not.toMatch(/^access-control-/);
  });

  it('are allowed from the app’s own page, whose Origin is the host itself', async () => {
    for (const origin of [host.origin, `http://localhost:${host.port}`]) {
      const answer = await call('plans.list', { ...withToken(), origin, 'sec-fetch-site': 'same-origin' });
      expect(answer.status).toBe(200);
    }
  });
});

describe('every answer', () => {
  it('carries the Content-Security-Policy and the headers that keep other origins out, and never a CORS grant', async () => {
    const answers = [
      await call('plans.list', withToken()),
      await request({ path: `/?token=${host.token}` }),
      await request({ path: '/assets/index-abc.js', headers: { cookie: `g2g-token=${host.token}` } }),
    ];
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
    const refusals = [await call('plans.list'), await call('plans.list', { ...withToken(), origin: 'http://attacker.example' })];
    for (const answer of [...answers, ...refusals]) {
      for (const name of Object.keys(answer.headers)) expect(name).not.toMatch(/^access-control-/);
    }
  });

  it('takes contract calls by POST only, so no link or image can make one', async () => {
    const answer = await request({ path: '/api/plans.list', headers: withToken() });
    expect(answer.status).toBe(405);
  });
});
