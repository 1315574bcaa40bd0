// Serves the built renderer on the app protocol. Written against the web's Request and Response,
// which Node provides, so the very function Electron calls is tested under plain Node.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAppUrl, SECURITY_HEADERS } from './security';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The file inside the renderer folder that a request URL names, or null when the URL is not the
 * app's or would reach outside the folder (`..`, encoded separators, backslashes, NUL).
 */
export function rendererFileFor(rendererFolder: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererFolder);
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}

function answer(status: number, body: string | Uint8Array<ArrayBuffer> | null, contentType: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

function refusal(status: number, message: string): Response {
  return answer(status, message, 'text/plain; charset=utf-8');
}

/** Answers one request of the app protocol; every answer, errors too, carries the security headers. */
export async function serveAppRequest(rendererFolder: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Only reading is allowed.');
  const file = rendererFileFor(rendererFolder, request.url);
  if (file === null) return refusal(404, 'Not found.');
  let content: Uint8Array<ArrayBuffer>;
  try {
    content = await fs.readFile(file);
  } catch {
    return refusal(404, 'Not found.');
  }
  const contentType = MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return answer(200, request.method === 'HEAD' ? null : content, contentType);
}
