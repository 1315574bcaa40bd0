import { expect, test } from './fixtures';
import { expectNoAccessibilityViolations, openDemoPlan } from './support';

test('a change is undone and redone, by button and by keyboard, and the history records each step', async ({ page, host }) => {
  await openDemoPlan(page, host, 'Statutory dates', 'Statutory and expected dates');
  const row = page.getByRole('row', { name: /Publish the written statement of proposed action/ });
  const computed = (await row.locator('td').first().textContent()) ?? '';

  await row.getByRole('button', { name: /^Change the date/ }).click();
  await page.getByRole('dialog').getByLabel('Agreed date').fill('2025-08-29');
  await page.getByRole('dialog').getByLabel('Reason').fill('Agreed with the lead inspector');
  await page.getByRole('dialog').getByRole('button', { name: 'Save the date' }).click();
  await expect(row).toContainText('29 August 2025');

  await page.getByRole('button', { name: 'Undo the agreed date' }).click();
  await expect(row.locator('td').first()).toHaveText(computed);
  await page.getByRole('button', { name: 'Redo the agreed date' }).click();
  await expect(row).toContainText('29 August 2025');

  // Ctrl+Z undoes when the focus is not in a text field.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Control+z');
  await expect(row.locator('td').first()).toHaveText(computed);

  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'Changes to the plan, newest first' });
  // Newest first: the keyboard undo removed the agreed date, the redo restored it, the first
  // undo removed it, and it was added.
  await expect(history.getByRole('listitem').nth(0)).toContainText('Removed statutory date');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Restored statutory date');
  await expect(history.getByRole('listitem').nth(2)).toContainText('Removed statutory date');
  await expect(history.getByRole('listitem').nth(3)).toContainText('Added statutory date');
  await page.getByRole('button', { name: 'Check the history is intact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The history is intact' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
