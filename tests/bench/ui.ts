// The action table in Chromium on a large plan: from the request to the rows drawn, for opening
// the table, filtering, sorting and searching. Run against the real web host and renderer.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface UiTimings {
  runs: number;
  /** A fresh load of the page: the app starting in the browser, then the table. */
  openTable: number[];
  /** Clicking the Actions tab from another page of the running app. */
  switchToTable: number[];
  filterByRag: number[];
  sortByDue: number[];
  search: number[];
}

interface PageGlobals {
  document: { documentElement: { dataset: Record<string, string | undefined> } };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

async function startHost(dataDirectory: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/web.mjs'), '--port', '0', '--data-dir', dataDirectory], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open this address in your browser: (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`The web host stopped:\n${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Milliseconds from `act` to the table having drawn a new set of rows. */
async function timeToRedraw(page: Page, act: () => Promise<void>): Promise<number> {
  // Functions, not source text: the page's CSP forbids evaluating strings. This file is type-checked
  // without the DOM, hence the small local type for the page's globals.
  const drawn = () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.actionsDrawn ?? '0';
  const before = await page.evaluate(drawn);
  const started = performance.now();
  await act();
  await page.waitForFunction(
    (previous) => ((globalThis as unknown as PageGlobals).document.documentElement.dataset.actionsDrawn ?? '0') !== previous,
    before,
    { polling: 'raf' },
  );
  return performance.now() - started;
}

export async function measureActionTable(dataDirectory: string, planId: string, actionCount: number, runs: number): Promise<UiTimings> {
  const host = await startHost(dataDirectory);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const timings: UiTimings = { runs, openTable: [], switchToTable: [], filterByRag: [], sortByDue: [], search: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    const tableUrl = `${host.url}#/plans/${planId}/actions`;
    for (let round = 0; round <= runs; round += 1) {
      // A fresh load each round: the table is opened from nothing, as a user opening the page.
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(tableUrl);
      await page.waitForSelector(`html[data-actions-rendered="${actionCount}"]`, { timeout: 60_000 });
      const opened = performance.now() - started;

      const red = page.getByRole('checkbox', { name: /Red/ });
      const filtered = await timeToRedraw(page, () => red.click({ force: true }));
      await timeToRedraw(page, () => red.click({ force: true }));
      const sorted = await timeToRedraw(page, () => page.getByRole('button', { name: 'Due', exact: true }).click());
      const searched = await timeToRedraw(page, () => page.getByLabel('Search the actions and their updates').fill('Review'));

      await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Search' }).click();
      await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
      const switched = await timeToRedraw(page, () => page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Actions' }).click());
      // The first round warms the browser and the statement caches; it is not counted.
      if (round === 0) continue;
      timings.openTable.push(opened);
      timings.switchToTable.push(switched);
      timings.filterByRag.push(filtered);
      timings.sortByDue.push(sorted);
      // Typing waits 250 ms for a pause before searching, as it does for a person; the figure is what follows.
      timings.search.push(searched - 250);
    }
  } finally {
    await browser.close();
    host.stop();
  }
  return timings;
}
