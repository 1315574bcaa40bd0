import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAccessibilityViolations, openDemoPlan } from './support';

const count = (page: Page) => page.locator('.result-count');
const bodyRows = (page: Page) => page.locator('.action-table tbody tr[data-index]');

test.describe('the action table', () => {
  test('lists every action, drawing only the rows in view, and filters, searches and sorts them', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Actions');
    await expect(count(page)).toContainText('Showing 60 of 60 actions');
    const drawn = await bodyRows(page).count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    await expectNoAccessibilityViolations(page);

    // The last action is reached by scrolling the table.
    await page.locator('.action-table-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(page.getByRole('rowheader', { name: /./ }).last()).toBeVisible();
    await expect(bodyRows(page).last().locator('td').nth(1)).toHaveText('4.15');

    await page.getByRole('checkbox', { name: /Red/ }).click({ force: true });
    await expect(count(page)).toContainText('Showing 5 of 60 actions');
    for (const cell of await page.locator('.action-table tbody tr[data-index] td:nth-child(7)').all()) await expect(cell).toContainText('Red');

    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Search the actions and their updates').fill('supervision');
    await expect(count(page)).toContainText('Showing 6 of 60 actions');
    await expect(page.getByRole('link', { name: 'Rewrite the supervision policy and audit supervision' })).toBeVisible();

    await page.getByRole('button', { name: 'Due', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('button', { name: 'Due', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'descending');
    await expect(bodyRows(page).first().locator('td').nth(1)).toHaveText('2.4');
  });

  test('a saved view keeps its filters and order across a reload', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Actions');
    await page.getByRole('checkbox', { name: /Amber/ }).click({ force: true });
    await page.getByRole('button', { name: 'RAG', exact: true }).click();
    await expect(count(page)).toContainText('Showing 9 of 60 actions');
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.getByRole('dialog').getByLabel('Name of the view').fill('Amber, worst first');
    await page.getByRole('dialog').getByRole('button', { name: 'Save the view' }).click();
    await expect(page.getByRole('button', { name: 'Amber, worst first', exact: true })).toBeVisible();

    await page.reload();
    await expect(count(page)).toContainText('Showing 60 of 60 actions');
    await page.getByRole('button', { name: 'Amber, worst first', exact: true }).click();
    await expect(count(page)).toContainText('Showing 9 of 60 actions');
    await expect(page.getByRole('columnheader', { name: 'RAG' })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('button', { name: 'Delete the saved view Amber, worst first' }).click();
    await expect(page.getByRole('button', { name: 'Amber, worst first', exact: true })).toHaveCount(0);
  });
});

test.describe('searching the plan', () => {
  test('finds actions, updates and recommendations, marking the words found', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Search');
    await page.getByLabel('Search the actions, progress updates, recommendations and review findings').fill('missing');
    await expect(page.locator('.result-count')).toContainText('found for “missing”');
    await expect(page.locator('.search-results mark').first()).toHaveText(/missing/i);
    await expect(page.locator('.search-results .tag', { hasText: 'Recommendation' }).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('editing from the table', () => {
  test('an action is added (a used reference refused at the field), rated inline, and several changed at once, then undone', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Actions');
    await page.getByRole('button', { name: 'Add an action' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reference').fill('1.1');
    await dialog.getByLabel('Title').fill('Audit the quality of return home interviews');
    await dialog.getByRole('button', { name: 'Add the action' }).click();
    await expect(dialog.getByText('Another action already has the reference 1.1')).toBeVisible();
    await dialog.getByLabel('Reference').fill('1.13');
    await dialog.getByRole('button', { name: 'Add the action' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Audit the quality of return home interviews');

    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Actions' }).click();
    await expect(count(page)).toContainText('Showing 61 of 61 actions');
    await page.getByRole('button', { name: /RAG of action 1\.13/ }).click();
    await page.getByRole('option', { name: 'Amber' }).click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(count(page)).toContainText('Amber 10');

    // Rows are chosen with the keyboard: Space on the focused checkbox.
    for (const reference of ['1.5', '1.8']) {
      await page.getByRole('checkbox', { name: `Choose action ${reference}` }).focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('checkbox', { name: `Choose action ${reference}` })).toBeChecked();
    }
    await page.getByRole('button', { name: 'Change the 2 chosen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Complete, awaiting evidence or sign-off' }).click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Change them' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Status of action 1.5' })).toContainText('awaiting evidence');
    await expect(page.getByRole('button', { name: 'Status of action 1.8' })).toContainText('awaiting evidence');

    await page.getByRole('button', { name: 'Undo the change to the chosen actions' }).click();
    await expect(page.getByRole('button', { name: 'Status of action 1.5' })).toHaveText(/In progress/);
    await expect(page.getByRole('button', { name: 'Status of action 1.8' })).toHaveText(/In progress/);
    await expectNoAccessibilityViolations(page);
  });
});
