import type { Page } from '@playwright/test';
import type { Kpi, KpiSeries } from '../../shared/contract-kpis';
import { formatKpiValue } from '../../shared/format';
import { expect, openApp, test, type RunningHost } from './fixtures';
import { call, demoPlan, expectNoAccessibilityViolations, planKpi } from './support';

/** A rating's rule as the page shows it beside the badge, which already says the rating's word. */
const rule = (explanation: string) => explanation.replace(/^(Red|Amber|Green): /, '');

/** Opens a KPI's page and waits for chart.js to have drawn its chart. */
async function openKpi(page: Page, host: RunningHost, planId: string, kpiId: string): Promise<void> {
  await openApp(page, host, `/plans/${planId}/kpis/${kpiId}`);
  await expect(page.locator('.kpi-chart[data-chart-drawn="true"]')).toHaveCount(1);
}

test.describe('a KPI’s page and its chart', () => {
  test('shows the latest value with its rule, the chart named in words, and a table of the same values reached by keyboard', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await planKpi(context.request, host, plan.id, 'K01');
    const before = await call<KpiSeries>(context.request, host, 'kpis.series', { kpiId: kpi.id });
    // One period becomes suppressed: it must read as not published, never as a zero.
    const suppressed = before.points[5];
    if (!suppressed) throw new Error('K01 has too few values');
    await call(context.request, host, 'kpis.setValues', {
      planId: plan.id,
      cells: [{ kpiId: kpi.id, period: suppressed.period, value: null, suppressionCode: 'c', note: 'Fewer than six children' }],
    });
    const series = await call<KpiSeries>(context.request, host, 'kpis.series', { kpiId: kpi.id });
    const latest = series.points.at(-1);
    const previous = series.points.at(-2);
    if (!latest || !previous) throw new Error('K01 has too few values');
    expect(latest.provisional).toBe(true);

    await openKpi(page, host, plan.id, kpi.id);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${kpi.reference} ${kpi.name}`);

    // The latest value, its RAG as word and shape with the rule in words, and the direction of travel.
    const latestSection = page.getByRole('region', { name: `Latest: ${latest.label}` });
    await expect(latestSection).toContainText(formatKpiValue(latest.value, kpi.unit));
    await expect(latestSection).toContainText('Provisional');
    if (latest.rating.rag) await expect(latestSection.locator(`.rag-${latest.rating.rag} svg`)).toHaveCount(1);
    await expect(latestSection).toContainText(rule(latest.rating.explanation));
    await expect(latestSection).toContainText(`from ${formatKpiValue(previous.value, kpi.unit)} in ${previous.label}`);
    await expect(latestSection).toContainText(/Improving|Worsening|No change/);

    // The chart is an image named in words: what it shows, the gap, the target and the comparators.
    const chart = page.getByRole('img', { name: /^Line chart of K01/ });
    await expect(chart).toHaveCount(1);
    const name = (await chart.getAttribute('aria-label')) ?? '';
    expect(name).toContain(`to ${formatKpiValue(latest.value, kpi.unit)} in ${latest.label} (provisional)`);
    expect(name).toContain('1 period is not published and shown as gaps');
    expect(name).toContain('Target band: 18% to 22%');
    for (const comparator of series.comparators) expect(name).toContain(comparator.label);
    expect(series.comparators.length).toBeGreaterThanOrEqual(3);
    const drawn = Number(await page.locator('.kpi-chart').getAttribute('data-chart-points-drawn'));
    expect(drawn).toBe(series.points.length);

    // From the heading, the keyboard reaches the table's disclosure and opens it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const disclosure = page.getByText(/^Show the chart’s values as a table/);
    for (let presses = 0; presses < 30 && !(await disclosure.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(disclosure).toBeFocused();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /K01 .*value, its rating and the comparators/ });
    await expect(table).toBeVisible();

    // Every period of the series has its row with the value as the series gives it.
    const rows = table.locator('tbody tr');
    for (const point of series.points) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name: point.label, exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row.locator('td').nth(0)).toHaveText(formatKpiValue(point.value, kpi.unit, point.suppressionCode));
      await expect(row.locator('td').nth(1)).toHaveText(point.provisional ? 'Provisional' : '');
      if (point.rating.rag) await expect(row.locator('td').nth(2)).toHaveText(`${point.rating.rag[0]?.toUpperCase()}${point.rating.rag.slice(1)}${rule(point.rating.explanation)}`);
    }
    const gapRow = rows.filter({ has: page.getByRole('rowheader', { name: suppressed.label, exact: true }) });
    await expect(gapRow.locator('td').nth(0)).toHaveText('not published (c)');
    await expect(gapRow).toContainText('Fewer than six children');
    await expect(gapRow).toContainText('Not rated');

    // Each comparator's figure sits on the row of the period ending the same day, in its own column.
    const headers = await table.locator('thead th').allTextContents();
    for (const comparator of series.comparators) {
      const column = headers.indexOf(comparator.label);
      expect(column).toBeGreaterThan(0);
      for (const point of comparator.points) {
        const row = rows.filter({ has: page.getByRole('rowheader', { name: series.points.find((own) => own.end === point.end)?.label ?? point.label, exact: true }) });
        await expect(row.locator('th, td').nth(column)).toHaveText(formatKpiValue(point.value, kpi.unit, point.suppressionCode));
      }
    }
    // The monitoring visits are marked on the row of the period they fell in.
    const marked = series.events.filter((event) => event.kind === 'monitoring-visit' && event.date >= (series.points[0]?.start ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    for (const event of marked) await expect(table).toContainText(event.label);

    await expectNoAccessibilityViolations(page);
    await page.screenshot({ path: test.info().outputPath('kpi-page.png'), fullPage: true });
    await page.locator('.kpi-chart-canvas').screenshot({ path: test.info().outputPath('kpi-chart.png') });
  });

  test('links to the actions and themes it serves, the values grid and the definitions', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await planKpi(context.request, host, plan.id, 'K02');
    expect(kpi.actions.length).toBeGreaterThan(0);
    await openKpi(page, host, plan.id, kpi.id);
    const linked = page.getByRole('region', { name: 'What it is linked to' });
    for (const theme of kpi.themes) await expect(linked.getByRole('link', { name: `${theme.reference} ${theme.title}` })).toBeVisible();
    const [first] = kpi.actions;
    if (!first) throw new Error('K02 has no linked action');
    await expect(page.getByRole('region', { name: 'About this KPI' })).toContainText('85%, amber within 5% of it (higher is better)');
    await expect(page.getByRole('link', { name: 'Enter or correct values' })).toHaveAttribute('href', `#/plans/${plan.id}/kpis/values`);
    await expect(page.getByRole('link', { name: 'Change the definition or target' })).toHaveAttribute('href', `#/plans/${plan.id}/kpis/definitions`);
    await linked.getByRole('link', { name: `${first.reference} ${first.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`#/plans/${plan.id}/actions/${first.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(first.title);
  });

  test('prints the chart as a fixed-size image without the app around it', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await planKpi(context.request, host, plan.id, 'K02');
    await openKpi(page, host, plan.id, kpi.id);
    await expect(page.locator('.kpi-chart[data-print-ready="true"]')).toHaveCount(1);
    await page.setViewportSize({ width: 900, height: 1200 });

    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.documentElement.setAttribute('data-printing', 'kpi-chart'));
    const image = page.getByRole('img', { name: /^Line chart of K02/ });
    await expect(image).toHaveJSProperty('tagName', 'IMG');
    await expect(image).toBeVisible();
    // Three image pixels to each CSS pixel of a 17 cm by 8.5 cm picture, whatever the window's size.
    expect(await image.evaluate((element) => [(element as HTMLImageElement).naturalWidth, (element as HTMLImageElement).naturalHeight])).toEqual([643 * 3, 321 * 3]);
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect(page.getByRole('navigation', { name: 'Plan' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print this chart' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Comparators' })).toBeHidden();
    await expect(page.getByRole('region', { name: /^Latest:/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('kpi-print.png'), fullPage: true });

    // Printing the whole page keeps its other sections.
    await page.evaluate(() => document.documentElement.removeAttribute('data-printing'));
    await expect(page.getByRole('region', { name: 'Comparators' })).toBeVisible();
  });

  test('the print control prints and then leaves the page as it was', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await planKpi(context.request, host, plan.id, 'K03');
    await page.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printedWith = document.documentElement.getAttribute('data-printing') ?? 'nothing';
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await openKpi(page, host, plan.id, kpi.id);
    await page.getByRole('button', { name: 'Print this chart' }).click();
    await expect(page.locator('html[data-printed-with="kpi-chart"]')).toHaveCount(1);
    await expect(page.locator('html[data-printing]')).toHaveCount(0);
  });

  test('thins a long series before drawing it, and still marks its gaps and provisional value', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await call<Kpi>(context.request, host, 'kpis.create', {
      planId: plan.id,
      name: 'Contacts with a decision within 24 hours',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      targetValue: 90,
      tolerance: 5,
    });
    const cells = Array.from({ length: 1_000 }, (_, index) => {
      const month = 2025 * 12 + 5 - 999 + index;
      const period = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      const gap = index % 97 === 50;
      return {
        kpiId: kpi.id,
        period,
        value: gap ? null : Math.round((80 + 10 * Math.sin(index / 40) + (index % 7) - 3) * 10) / 10,
        suppressionCode: gap ? 'x' : null,
        provisional: index === 999,
      };
    });
    await call(context.request, host, 'kpis.setValues', { planId: plan.id, cells });
    await openKpi(page, host, plan.id, kpi.id);
    const drawn = Number(await page.locator('.kpi-chart').getAttribute('data-chart-points-drawn'));
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(300);
    const name = (await page.getByRole('img', { name: /^Line chart of/ }).getAttribute('aria-label')) ?? '';
    expect(name).toContain('1,000 periods from');
    expect(name).toContain('10 periods are not published and shown as gaps');
    await expect(page.getByText('Show the chart’s values as a table (1,000 periods)')).toBeVisible();
    await page.locator('.kpi-chart-canvas').screenshot({ path: test.info().outputPath('kpi-long.png') });
  });
});

test.describe('the scorecard’s sparklines', () => {
  test('say the trend in words and leave a gap for a value not published', async ({ page, host, context }) => {
    const plan = await demoPlan(context.request, host);
    const kpi = await planKpi(context.request, host, plan.id, 'K02');
    const series = await call<KpiSeries>(context.request, host, 'kpis.series', { kpiId: kpi.id });
    const gap = series.points.at(-4);
    if (!gap) throw new Error('K02 has too few values');
    await call(context.request, host, 'kpis.setValues', { planId: plan.id, cells: [{ kpiId: kpi.id, period: gap.period, value: null, suppressionCode: 'x' }] });
    type Row = { id: string; sparkline: (number | null)[] };
    const scorecard = await call<{ groups: { rows: Row[] }[] }>(context.request, host, 'kpis.scorecard', { planId: plan.id });
    const values = scorecard.groups.flatMap((group) => group.rows).find((row) => row.id === kpi.id)?.sparkline ?? [];
    expect(values.at(-4)).toBeNull();
    const known = values.filter((value): value is number => value !== null);

    await openApp(page, host, `/plans/${plan.id}/kpis`);
    await expect(page.locator('[data-scorecard-drawn="true"]')).toHaveCount(1);
    const expected =
      `Trend over the last ${values.length} periods: from ${formatKpiValue(known[0] ?? null, kpi.unit)} to ${formatKpiValue(known.at(-1) ?? null, kpi.unit)}, ` +
      'higher is better; 1 period not published';
    const sparkline = page.getByRole('img', { name: expected, exact: true }).first();
    await expect(sparkline).toBeVisible();
    // The line breaks at the gap into two runs, and the latest value is marked.
    await expect(sparkline.locator('polyline')).toHaveCount(2);
    await expect(sparkline.locator('.sparkline-last')).toHaveCount(1);
    await sparkline.screenshot({ path: test.info().outputPath('sparkline.png') });
  });
});
