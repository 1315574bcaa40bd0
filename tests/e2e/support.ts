// What many end-to-end tests share: axe checks, calls to the contract as another client would
// make them, and finding and opening the demo plan, its KPIs and its pages.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import type { PlanSummary } from '../../shared/contract';
import type { Kpi } from '../../shared/contract-kpis';
import { expect, openApp, type RunningHost } from './fixtures';

/** Checks the page against WCAG 2.2 AA with axe, listing each violation with where it is. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Calls the contract as another client would, with this launch's token. */
export async function call<T>(request: APIRequestContext, host: RunningHost, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/${method}`, { headers: { 'x-g2g-token': host.token }, data: input });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.message}`);
  return envelope.value;
}

/** The demo plan of Northmoor Borough Council, as the plans list gives it. */
export async function demoPlan(request: APIRequestContext, host: RunningHost): Promise<PlanSummary> {
  const plans = await call<PlanSummary[]>(request, host, 'plans.list', {});
  const demo = plans.find((plan) => plan.title.startsWith('Children’s Services Improvement Plan'));
  if (!demo) throw new Error('The demo plan is missing');
  return demo;
}

export async function demoPlanId(request: APIRequestContext, host: RunningHost): Promise<string> {
  return (await demoPlan(request, host)).id;
}

/** One of a plan's KPIs by its reference, such as K01. */
export async function planKpi(request: APIRequestContext, host: RunningHost, planId: string, reference: string): Promise<Kpi> {
  const kpis = await call<Kpi[]>(request, host, 'kpis.list', { planId });
  const kpi = kpis.find((candidate) => candidate.reference === reference);
  if (!kpi) throw new Error(`The plan has no KPI ${reference}`);
  return kpi;
}

/** Creates an empty plan for the first council the app knows (Northmoor on a fresh data folder). */
export async function newPlan(request: APIRequestContext, host: RunningHost, input: { title: string } & Record<string, unknown>): Promise<PlanSummary> {
  const [authority] = await call<{ id: string }[]>(request, host, 'authorities.list', {});
  return call<PlanSummary>(request, host, 'plans.create', { authorityId: authority?.id, ...input });
}

/** Opens one of a plan's pages by its address and waits for its heading. */
export async function openPlanPage(page: Page, host: RunningHost, planId: string, path: string, heading: string): Promise<void> {
  await openApp(page, host, `/plans/${planId}/${path}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/**
 * Opens the demo plan as a person would, from the plans list: on what needs attention, or, given a
 * tab, on that tab of the plan's navigation, waiting for its heading (the tab's name unless said).
 */
export async function openDemoPlan(page: Page, host: RunningHost, tab?: string, heading = tab): Promise<void> {
  await openApp(page, host);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
  if (tab) {
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: tab }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
}
