// Starts the real browser-mode host (out/web.mjs, as `npm run web` does) on a fresh data folder
// for each worker, and hands tests its address with the per-launch token.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDirectory: string;
  process: ChildProcess;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function startHost(dataDirectory: string): Promise<RunningHost> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/web.mjs'), '--port', '0', '--data-dir', dataDirectory], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start in time:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open this address in your browser: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', dataDirectory, process: child };
}

export async function stopHost(host: RunningHost): Promise<void> {
  if (host.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    host.process.once('exit', () => resolve());
    host.process.kill('SIGTERM');
  });
}

export function newDataDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-e2e-'));
}

/** Opens the app and waits for its named ready state, never for a fixed delay. */
export async function openApp(page: Page, host: RunningHost, route = '/'): Promise<void> {
  await page.goto(`${host.url}#${route}`);
  await expect(page.locator('html[data-app-state="loaded"]')).toHaveCount(1);
}

// Each test gets its own host on a fresh data folder, so no test sees another's edits to the
// demo plan, whatever order the tests run in.
export const test = base.extend<{ failOnPageErrors: void; host: RunningHost }>({
  // Every page of every test fails on a Content-Security-Policy violation or an uncaught error.
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline content'} (${event.sample})`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().startsWith('CSP violation')) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`Uncaught error: ${error.message}`));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
  host: async ({}, use) => {
    const host = await startHost(newDataDirectory());
    await use(host);
    await stopHost(host);
  },
});

export { expect };
