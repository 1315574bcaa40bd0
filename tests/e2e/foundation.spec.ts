import type { Locator, Page } from '@playwright/test';
import { expect, newDataDirectory, openApp, startHost, stopHost, test } from './fixtures';
import { expectNoAccessibilityViolations } from './support';

/** Presses Tab until the target has focus, failing if it is not reached: proves it is reachable by keyboard. */
async function tabUntilFocused(page: Page, target: Locator, limit = 25, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test.describe('the plans list and the demo plan', () => {
  test('the demo plan of the first run opens with its themes, actions and KPIs', async ({ page, host }) => {
    await openApp(page, host);
    await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
    const planLinks = page.getByRole('table').getByRole('link');
    await expect(planLinks).toHaveCount(1);
    const title = (await planLinks.first().textContent()) ?? '';
    await planLinks.first().click();

    // A plan opens on what needs attention; its overview is one tab along.
    await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.locator('.caption')).toHaveText(title);
    await expect(page).toHaveTitle(`Overview – ${title} – Getting to Good`);
    const themes = page.locator('section.theme');
    await expect(themes).toHaveCount(4);
    // 60 actions across the four theme tables, each with a RAG shown as a word.
    await expect(page.locator('section.theme tbody tr')).toHaveCount(60);
    await expect(page.locator('.kpi-tile')).toHaveCount(20);
    await expect(page.getByText('1 with no live action')).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the plans list and the new-plan form meet WCAG 2.2 AA', async ({ page, host }) => {
    await openApp(page, host);
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'New plan' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'New plan' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('creating a plan', () => {
  test('a new plan is saved, opens, and is still there after a reload', async ({ page, host }) => {
    await openApp(page, host, '/plans/new');
    await page.getByLabel('Plan title').fill('Leaving care improvement plan');
    await page.getByLabel('Start date').fill('2026-12-01');
    await page.getByLabel('End date').fill('2027-11-30');
    await page.getByText('OFFICIAL-SENSITIVE', { exact: true }).click();
    await expect(page.getByRole('radio', { name: /OFFICIAL-SENSITIVE/ })).toBeChecked();
    await page.getByLabel('Summary (optional)').fill('A dedicated plan for care leavers, linked to the main plan.');
    await page.getByRole('button', { name: 'Create plan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.locator('.caption')).toHaveText('Leaving care improvement plan');
    await expect(page.getByText('OFFICIAL-SENSITIVE')).toBeVisible();
    await expect(page.getByText('1 December 2026 to 30 November 2027')).toBeVisible();

    await page.reload();
    await expect(page.locator('html[data-app-state="loaded"]')).toHaveCount(1);
    await expect(page.locator('.caption')).toHaveText('Leaving care improvement plan');
    await expect(page.getByText('A dedicated plan for care leavers, linked to the main plan.')).toBeVisible();
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Leaving care improvement plan' })).toBeVisible();
  });

  test('an empty title and an end before the start are refused at the fields, and nothing is saved', async ({ page, host }) => {
    await openApp(page, host);
    const before = await page.getByRole('table').getByRole('link').count();
    await page.getByRole('link', { name: 'New plan' }).first().click();
    await page.getByLabel('Start date').fill('2027-01-01');
    await page.getByLabel('End date').fill('2026-01-01');
    await page.getByRole('button', { name: 'Create plan' }).click();

    await expect(page.getByRole('alert').getByText('The plan was not saved')).toBeVisible();
    await expect(page.getByLabel('Plan title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter the plan title')).toBeVisible();
    await expect(page.getByText('The end date must be on or after the start date')).toBeVisible();

    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await expect(page.getByRole('table').getByRole('link')).toHaveCount(before);
  });

  test('after a refused attempt, the corrected form can be sent again', async ({ page, host }) => {
    await openApp(page, host, '/plans/new');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByText('Enter the plan title')).toBeVisible();
    await page.getByLabel('Plan title').fill('Workforce stability plan');
    await expect(page.getByLabel('Plan title')).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.locator('.caption')).toHaveText('Workforce stability plan');
  });

  test('a plan can be created with the keyboard alone', async ({ page, host }) => {
    await openApp(page, host, '/plans/new');
    // Opening a page puts focus on its heading, so the next Tab lands on its first field.
    const heading = page.getByRole('heading', { level: 1, name: 'New plan' });
    await expect(heading).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Plan title')).toBeFocused();
    await page.keyboard.type('Twelve-week front door sprint');
    // The council is already chosen; reach the marking and choose the second with the arrow keys.
    await tabUntilFocused(page, page.getByRole('radio', { name: /^OFFICIAL The everyday/ }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /OFFICIAL-SENSITIVE/ })).toBeChecked();
    await tabUntilFocused(page, page.getByRole('button', { name: 'Create plan' }));
    await page.keyboard.press('Enter');
    const created = page.getByRole('heading', { level: 1, name: 'Overview' });
    await expect(created).toBeFocused();
    await expect(page.locator('.caption')).toHaveText('Twelve-week front door sprint');
    await expect(page.getByText('OFFICIAL-SENSITIVE')).toBeVisible();
  });

  test('the skip link takes keyboard users past the navigation to the page', async ({ page, host }) => {
    await openApp(page, host);
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await tabUntilFocused(page, skip, 10, 'Shift+Tab');
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'New plan' }).last()).toBeFocused();
  });
});

test.describe('views stay current', () => {
  test('a plan created by another process on the same data appears without a reload', async ({ page, browser }) => {
    const dataDirectory = newDataDirectory();
    const first = await startHost(dataDirectory);
    const second = await startHost(dataDirectory);
    try {
      await openApp(page, first);
      await expect(page.getByRole('table').getByRole('link')).toHaveCount(1);
      const context = await browser.newContext();
      const api = context.request;
      const authorities = await api.post(`${second.origin}/api/authorities.list`, { headers: { 'x-g2g-token': second.token }, data: {} });
      const [authority] = (await authorities.json()).value as { id: string }[];
      const created = await api.post(`${second.origin}/api/plans.create`, {
        headers: { 'x-g2g-token': second.token },
        data: { title: 'Plan made elsewhere', authorityId: authority?.id },
      });
      expect((await created.json()).ok).toBe(true);
      await expect(page.getByRole('link', { name: 'Plan made elsewhere' })).toBeVisible();
      await context.close();
    } finally {
      await stopHost(first);
      await stopHost(second);
    }
  });
});

test.describe('the web host admits only its own page', () => {
  test('requests without the token, with a foreign Host or from another origin are refused', async ({ host, playwright }) => {
    const api = await playwright.request.newContext();
    const list = (headers: Record<string, string>) => api.post(`${host.origin}/api/plans.list`, { headers, data: {} });

    expect((await list({})).status()).toBe(401);
    expect((await list({ 'x-g2g-token': 'not-the-token' })).status()).toBe(401);
    expect((await list({ 'x-g2g-token': host.token, host: 'attacker.example:80' })).status()).toBe(421);
    expect((await list({ 'x-g2g-token': host.token, origin: 'http://attacker.example' })).status()).toBe(403);
    expect((await api.get(`${host.origin}/`)).status()).toBe(401);

    const allowed = await list({ 'x-g2g-token': host.token });
    expect(allowed.status()).toBe(200);
    expect((await allowed.json()).ok).toBe(true);
    await api.dispose();
  });

  test('a page on another origin cannot read the plans, even knowing the token', async ({ page, host }) => {
    await page.goto('about:blank');
    await page.setContent('<p>another site</p>');
    const outcome = await page.evaluate(
      async ({ origin, token }) => {
        try {
          const response = await fetch(`${origin}/api/plans.list`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-g2g-token': token },
            body: '{}',
          });
          return `read ${response.status}`;
        } catch {
          return 'blocked';
        }
      },
      { origin: host.origin, token: host.token },
    );
    expect(outcome).toBe('blocked');
  });
});
