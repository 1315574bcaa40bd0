import type { APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import { expect, openApp, test, type RunningHost } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations } from './support';

interface DemoAction {
  planId: string;
  id: string;
  reference: string;
  startDate: string;
  currentDueDate: string;
}

/** An action of the demo plan still in progress with a start date, found through the web host's API. */
async function demoAction(request: APIRequestContext, host: RunningHost): Promise<DemoAction> {
  const planId = await demoPlanId(request, host);
  const rows = await call<{ id: string; status: string; currentDueDate: string | null }[]>(request, host, 'actions.list', { planId });
  for (const row of rows.filter((candidate) => candidate.status === 'in-progress' && candidate.currentDueDate)) {
    const detail = await call<{ reference: string; startDate: string | null; currentDueDate: string }>(request, host, 'actions.get', { actionId: row.id });
    if (detail.startDate) return { planId, id: row.id, reference: detail.reference, startDate: detail.startDate, currentDueDate: detail.currentDueDate };
  }
  throw new Error('The demo plan has no action in progress with a start date');
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

test.describe('an action’s page', () => {
  test('the due date moves with a reason and its history, an update is added, and a file is attached and saved back', async ({ page, host, context }) => {
    const action = await demoAction(context.request, host);
    await openApp(page, host, `/plans/${action.planId}/actions/${action.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(action.reference);
    await expect(page.getByRole('heading', { level: 2, name: 'Due date' })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // A date before the start is refused at the field, naming the start date.
    const moves = page.getByTestId('due-date-moves');
    const movesBefore = Number(/Moved (\d+)/.exec((await moves.textContent()) ?? '')?.[1] ?? 0);
    await page.getByRole('button', { name: 'Change the due date' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Change the due date of action ${action.reference}` })).toBeVisible();
    await dialog.getByLabel('New due date').fill(dayBefore(action.startDate));
    await dialog.getByLabel('Reason').fill('Agreed with the lead at supervision');
    await dialog.getByRole('button', { name: 'Save the new date' }).click();
    await expect(dialog.getByText(`The due date cannot be before the start date (${longDate(action.startDate)})`)).toBeVisible();
    await expect(dialog.getByLabel('New due date')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(page);

    const newDate = action.currentDueDate === '2031-03-14' ? '2031-03-21' : '2031-03-14';
    await dialog.getByLabel('New due date').fill(newDate);
    await dialog.getByRole('button', { name: 'Save the new date' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(moves).toContainText(`Moved ${movesBefore + 1} ${movesBefore + 1 === 1 ? 'time' : 'times'}`);
    const history = page.getByRole('table', { name: 'History of the due date, newest first' });
    await expect(history.getByRole('row').nth(1)).toContainText(longDate(newDate));
    await expect(history.getByRole('row').nth(1)).toContainText('Agreed with the lead at supervision');
    await expect(history.getByRole('row').nth(1)).toContainText(longDate(action.currentDueDate));

    // A progress update, with the RAG at the time and who wrote it.
    await page.getByRole('button', { name: 'Add a progress update' }).click();
    const update = page.getByRole('dialog');
    await update.getByRole('button', { name: /RAG at the time/ }).click();
    await page.getByRole('option', { name: 'Red' }).click();
    await update.getByLabel('Progress made').fill('Recruitment paused by the budget review; two posts held vacant.');
    await update.getByLabel('Written by').fill('Priya Shah');
    await update.getByRole('button', { name: 'Save the update' }).click();
    await expect(update).toHaveCount(0);
    const newest = page.getByRole('region', { name: 'Progress updates' }).getByRole('listitem').first();
    await expect(newest).toContainText('Recruitment paused by the budget review');
    await expect(newest).toContainText('Red');
    await expect(newest).toContainText('Written by Priya Shah');

    // A small file is attached, then saved back byte for byte.
    const content = Buffer.from('Minutes of the improvement board, item 5: the board noted the audit.\n');
    await page.getByLabel('Attach a file').setInputFiles({ name: 'board-minutes.txt', mimeType: 'text/plain', buffer: content });
    await expect(page.getByRole('status').filter({ hasText: 'Attached “board-minutes.txt”' })).toBeVisible();
    const evidence = page.getByRole('list', { name: `Evidence for action ${action.reference}` });
    await expect(evidence).toContainText('board-minutes.txt');
    const downloading = page.waitForEvent('download');
    await evidence.getByRole('button', { name: 'Open or save board-minutes.txt' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('board-minutes.txt');
    expect(fs.readFileSync(await download.path()).equals(content)).toBe(true);

    // A file over the limit is refused with the services' words, naming the file, its size and the limit; so is an empty one.
    await page.getByLabel('Attach a file').setInputFiles({ name: 'scanned-case-files.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 1) });
    await expect(page.getByRole('alert')).toContainText('“scanned-case-files.pdf” is 21 MB, larger than the 20 MB a file of evidence can be');
    await page.getByLabel('Attach a file').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('alert')).toContainText('“empty.txt” is empty, so it was not attached');
    await expect(evidence).not.toContainText('scanned-case-files.pdf');

    await page.reload();
    await expect(page.getByTestId('due-date-moves')).toContainText(`Moved ${movesBefore + 1}`);
    await expectNoAccessibilityViolations(page);
  });
});
