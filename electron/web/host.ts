// Browser mode: a node:http server on 127.0.0.1 that serves the built renderer and the same
// dispatcher the desktop app uses. It is reachable only by the person who started it:
//   - it binds the loopback address only;
//   - the Host header must name this server (defeats DNS rebinding);
//   - every request must carry the per-launch secret token: the page is opened with
//     `?token=…`, which sets a strict same-site cookie for its assets, and every contract call
//     sends the token in a header (a page on another origin can neither read the cookie nor
//     send the header without a preflight, which is refused);
//   - a request whose Origin or Sec-Fetch-Site says it comes from another site is refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import type { Dispatch } from '../core/dispatcher';

export const TOKEN_HEADER = 'x-g2g-token';
const TOKEN_COOKIE = 'g2g-token';
// A file of evidence (up to 20 MB, shared/vocabulary.ts) arrives as base64, a third larger,
// inside the JSON of its contract call: 30 MiB holds the largest with room to spare.
const MAX_BODY_BYTES = 30 * 1024 * 1024;

export { CONTENT_SECURITY_POLICY };

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The folder holding the built renderer (index.html and assets/). */
  rendererDirectory: string;
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: http.IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(message);
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const rendererDirectory = path.resolve(options.rendererDirectory);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, 'The app could not answer this request.');
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return refuse(response, 421, 'This server only answers requests addressed to itself.');
    }
    const origin = request.headers.origin;
    if ((origin !== undefined && !allowedOrigins.has(origin)) || request.headers['sec-fetch-site'] === 'cross-site') {
      return refuse(response, 403, 'Requests from other sites are refused.');
    }
    const url = new URL(request.url ?? '/', 'http://placeholder');

    if (url.pathname.startsWith('/api/')) {
      if (!sameSecret(request.headers[TOKEN_HEADER] as string | undefined, token)) {
        return refuse(response, 401, 'This request did not carry the secret token of this session.');
      }
      const method = url.pathname.slice('/api/'.length);
      if (request.method !== 'POST') return refuse(response, 405, 'Contract calls are made with POST.');
      let input: unknown;
      try {
        const body = await readBody(request);
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (error) {
        const message =
          error instanceof RangeError ? 'The request is larger than the app accepts.' : 'The request body is not valid JSON.';
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message, details: {} } });
      }
      const envelope = await options.dispatch(method, input);
      return sendJson(response, 200, envelope);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Only GET is served here.');
    const fromQuery = url.searchParams.get('token');
    const authorisedByQuery = sameSecret(fromQuery, token);
    if (!authorisedByQuery && !sameSecret(cookieToken(request), token)) {
      return refuse(
        response,
        401,
        'Open Getting to Good with the full address printed when it started, including its token.',
      );
    }
    return serveFile(url.pathname, response, authorisedByQuery);
  }

  function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
    const body = JSON.stringify(value);
    response.writeHead(status, {
      ...securityHeaders(),
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(body);
  }

  function serveFile(pathname: string, response: http.ServerResponse, setCookie: boolean): void {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      return refuse(response, 400, 'The address is not valid.');
    }
    if (relative === '/' || relative === '') relative = '/index.html';
    const file = path.resolve(rendererDirectory, `.${relative}`);
    if (file !== rendererDirectory && !file.startsWith(rendererDirectory + path.sep)) {
      return refuse(response, 404, 'Not found.');
    }
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      return refuse(response, 404, 'Not found.');
    }
    const headers: Record<string, string> = {
      ...securityHeaders(),
      'content-type': MEDIA_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': relative.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
    };
    if (setCookie) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    response.writeHead(200, headers);
    response.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
