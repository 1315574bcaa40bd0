// What many end-to-end tests share: axe checks, calls to the contract as another client would
// make them, and finding and opening the demo plan's pages.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, openApp, type RunningHost } from './fixtures';

export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Calls the contract as another client would, with this launch's token. */
export async function call<T>(request: APIRequestContext, host: RunningHost, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/${method}`, { headers: { 'x-g2g-token': host.token }, data: input });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.message}`);
  return envelope.value;
}

export async function demoPlanId(request: APIRequestContext, host: RunningHost): Promise<string> {
  const plans = await call<{ id: string; title: string }[]>(request, host, 'plans.list', {});
  const demo = plans.find((plan) => plan.title.startsWith('Children’s Services Improvement Plan'));
  if (!demo) throw new Error('The demo plan is missing');
  return demo.id;
}

/** Opens one of a plan's pages by its address and waits for its heading. */
export async function openPlanPage(page: Page, host: RunningHost, planId: string, path: string, heading: string): Promise<void> {
  await openApp(page, host, `/plans/${planId}/${path}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
