// The action table in Chromium on a large plan: from the request to the rows drawn, for opening
// the table, filtering, sorting and searching. Then the KPI screens: the scorecard of every KPI
// with its sparkline, and a KPI's chart of 1,000 values. Run against the real web host and renderer.
import { chromium, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../electron/core/paths';
import { WEB_HOST } from './common';
import { addLongKpi } from './generate';
import type { Figure } from './services';
import { stats } from './timing';

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
  performance: { getEntriesByName(name: string): { duration: number }[] };
}


async function startHost(dataDirectory: string) {
  const child = spawn(process.execPath, [WEB_HOST, '--port', '0', '--data-dir', dataDirectory], {
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
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

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function measureActionTable(dataDirectory: string, planId: string, actionCount: number, runs: number): Promise<UiTimings> {
  const host = await startHost(dataDirectory);
  const browser = await launchChromium();
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
    await host.stop();
  }
  return timings;
}

export interface KpiUiTimings {
  runs: number;
  /** The scorecard by a fresh load of its page: the app starting in the browser, then every KPI's row and sparkline. */
  openScorecard: number[];
  /** Clicking the KPIs tab from another page of the running app. */
  switchToScorecard: number[];
  /** chart.js alone: from `new Chart` to the first draw of the 1,000 values, as the page measures it. */
  drawLongChart: number[];
  /** A fresh load of the long KPI's page, to its chart drawn. */
  openLongChart: number[];
  /** Clicking the long KPI in the scorecard, to its chart drawn. */
  longChartFromScorecard: number[];
  /** Rows the scorecard drew, and the trend points drawn of the long series' values after thinning. */
  scorecardRows: number;
  longSeriesValues: number;
  longSeriesPointsDrawn: number;
}

const CHART_DRAW_MEASURE = 'kpi-chart-draw';

/**
 * The KPI screens in Chromium on the generated plan: the scorecard of its KPIs first, as
 * generated, then, with one KPI of 1,000 monthly values added, that KPI's page and chart.
 */
export async function measureKpiScreens(dataDirectory: string, planId: string, kpiCount: number, runs: number): Promise<KpiUiTimings> {
  const timings: KpiUiTimings = {
    runs,
    openScorecard: [],
    switchToScorecard: [],
    drawLongChart: [],
    openLongChart: [],
    longChartFromScorecard: [],
    scorecardRows: 0,
    longSeriesValues: 0,
    longSeriesPointsDrawn: 0,
  };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    const scorecardUrl = (url: string) => `${url}#/plans/${planId}/kpis`;
    const scorecardDrawn = () => page.waitForSelector('[data-scorecard-drawn="true"]', { timeout: 60_000 });
    const nav = () => page.getByRole('navigation', { name: 'Plan' });

    let host = await startHost(dataDirectory);
    try {
      for (let round = 0; round <= runs; round += 1) {
        await page.goto('about:blank');
        const started = performance.now();
        await page.goto(scorecardUrl(host.url));
        await scorecardDrawn();
        const opened = performance.now() - started;
        if (round === 0) {
          timings.scorecardRows = await page.locator('svg.sparkline').count();
          if (timings.scorecardRows < kpiCount) throw new Error(`The scorecard drew ${timings.scorecardRows} sparklines for ${kpiCount} KPIs.`);
        }
        await nav().getByRole('link', { name: 'Search' }).click();
        await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
        const switchStarted = performance.now();
        await nav().getByRole('link', { name: 'KPIs' }).click();
        await scorecardDrawn();
        const switched = performance.now() - switchStarted;
        if (round === 0) continue;
        timings.openScorecard.push(opened);
        timings.switchToScorecard.push(switched);
      }
    } finally {
      await host.stop();
    }

    // The long KPI is written while no host has the file open, as generatePlan's rows were.
    const sqlite = new Database(path.join(dataDirectory, DATABASE_FILE_NAME));
    let long: ReturnType<typeof addLongKpi>;
    try {
      sqlite.pragma('foreign_keys = ON');
      long = addLongKpi(sqlite, planId);
    } finally {
      sqlite.close();
    }
    timings.longSeriesValues = long.values;

    host = await startHost(dataDirectory);
    try {
      const kpiUrl = `${host.url}#/plans/${planId}/kpis/${long.kpiId}`;
      const chartDrawn = () => page.waitForSelector('.kpi-chart[data-chart-drawn="true"]', { timeout: 60_000 });
      const drawTime = () =>
        page.evaluate((name) => {
          const entries = (globalThis as unknown as PageGlobals).performance.getEntriesByName(name);
          return entries[entries.length - 1]?.duration ?? Number.NaN;
        }, CHART_DRAW_MEASURE);
      for (let round = 0; round <= runs; round += 1) {
        await page.goto('about:blank');
        const started = performance.now();
        await page.goto(kpiUrl);
        await chartDrawn();
        const opened = performance.now() - started;
        const drawn = await drawTime();
        if (round === 0) {
          timings.longSeriesPointsDrawn = Number(await page.locator('.kpi-chart').getAttribute('data-chart-points-drawn'));
        }

        await page.goto(scorecardUrl(host.url));
        await scorecardDrawn();
        const clickStarted = performance.now();
        await page.getByRole('link', { name: /K-LONG/ }).first().click();
        await chartDrawn();
        const fromScorecard = performance.now() - clickStarted;
        if (round === 0) continue;
        timings.openLongChart.push(opened);
        timings.drawLongChart.push(drawn);
        timings.longChartFromScorecard.push(fromScorecard);
      }
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
  }
  return timings;
}

/**
 * The screens in Chromium as rows of a report: the action table, then the KPI screens (which add
 * the long KPI to the plan, after the scorecard has been timed).
 */
export async function measureUi(dataDirectory: string, planId: string, size: { actions: number; kpis: number }, runs: number): Promise<Record<string, Figure>> {
  const table = await measureActionTable(dataDirectory, planId, size.actions, runs);
  const kpi = await measureKpiScreens(dataDirectory, planId, size.kpis, runs);
  const row = (label: string, samples: number[]): Figure => ({ label, ours: stats(samples) });
  return {
    'ui.table-open': row('open the action table by a fresh page load (app start included)', table.openTable),
    'ui.table-switch': row('open the action table from another page of the app', table.switchToTable),
    'ui.table-filter': row('filter the table by RAG', table.filterByRag),
    'ui.table-sort': row('sort the table by due date', table.sortByDue),
    'ui.table-search': row('search the actions and their updates (after the 250 ms pause)', table.search),
    'ui.scorecard-open': row(`open the KPI scorecard (${kpi.scorecardRows.toLocaleString('en-GB')} rows) by a fresh page load`, kpi.openScorecard),
    'ui.scorecard-switch': row('open the KPI scorecard from another page of the app', kpi.switchToScorecard),
    'ui.chart-draw': row(`draw a KPI chart of ${kpi.longSeriesValues.toLocaleString('en-GB')} values (${kpi.longSeriesPointsDrawn} points drawn)`, kpi.drawLongChart),
    'ui.chart-open': row(`open a KPI page of ${kpi.longSeriesValues.toLocaleString('en-GB')} values by a fresh page load`, kpi.openLongChart),
    'ui.chart-from-scorecard': row('open that KPI page from the scorecard', kpi.longChartFromScorecard),
  };
}
