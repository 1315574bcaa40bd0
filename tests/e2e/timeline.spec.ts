import { expect, openApp, test } from './fixtures';
import { expectNoAccessibilityViolations, openDemoPlan } from './support';

test.describe('what needs attention', () => {
  test('the demo plan opens on its dashboard, each list with its reasons', async ({ page, host }) => {
    await openDemoPlan(page, host);
    for (const heading of ['Overdue actions', 'KPIs red or worsening', 'Recommendations with no live action']) {
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(heading) })).toBeVisible();
    }
    const overdue = page.getByRole('table', { name: 'Overdue actions' });
    await expect(overdue.getByRole('row').nth(1)).toContainText(/Was due .* ago\./);
    // Every RAG against target says the threshold behind it.
    await expect(page.getByRole('table', { name: 'KPIs red or worsening' }).getByText(/^Red: .* target of/).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the rules of the dashboard can be changed and are kept', async ({ page, host }) => {
    await openDemoPlan(page, host);
    await page.getByText('Change what counts as needing attention').click();
    await page.getByLabel('Chase after (days without an update)').fill('200');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Actions not updated for 200 days/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /Actions not updated for 200 days/ })).toBeVisible();
  });
});

test.describe('statutory and expected dates', () => {
  test('a date is changed with a reason, the history is kept, and a missing reason is refused at the field', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Statutory dates', 'Statutory and expected dates');
    const row = page.getByRole('row', { name: /Publish the written statement of proposed action/ });
    await expect(row.getByText('Statutory')).toBeVisible();
    await expect(row).toContainText('70 working days after the report was received');

    await row.getByRole('button', { name: /^Change the date: Publish the written statement/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: /Change the date: Publish the written statement/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await dialog.getByLabel('Agreed date').fill('2025-08-22');
    await dialog.getByRole('button', { name: 'Save the date' }).click();
    await expect(dialog.getByText('Give the reason for the change')).toBeVisible();
    await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Reason').fill('Agreed with the lead inspector at the action-planning visit');
    await dialog.getByRole('button', { name: 'Save the date' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText('22 August 2025');
    await expect(row).toContainText('Reason: Agreed with the lead inspector at the action-planning visit');

    await page.reload();
    await expect(row).toContainText('22 August 2025');
    await row.getByText('History (1)').click();
    await expect(row.getByRole('listitem')).toContainText('set to 22 August 2025');
  });
});

test.describe('the timeline', () => {
  test('shows today among the plan’s dates, filters by kind, and offers to print', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Timeline');
    await expect(page.locator('#today')).toContainText('Today');
    await expect(page.locator('.timeline-meeting').first()).toBeVisible();
    await expect(page.locator('.timeline-deadline').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('checkbox', { name: 'Meetings' }).click({ force: true });
    await expect(page.locator('.timeline-meeting')).toHaveCount(0);
    await expect(page.locator('.timeline-deadline').first()).toBeVisible();
    await page.getByRole('checkbox', { name: 'Meetings' }).click({ force: true });
    await expect(page.locator('.timeline-meeting').first()).toBeVisible();
  });
});

test.describe('the meetings calendar', () => {
  test('a committee is added with its meetings, one is moved and one removed', async ({ page, host }) => {
    await openDemoPlan(page, host, 'Meetings');
    await page.getByRole('button', { name: 'Add a committee or board' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Care Leavers Partnership Board');
    await dialog.getByRole('button', { name: /Meets/ }).click();
    await page.getByRole('option', { name: 'Quarterly' }).click();
    await dialog.getByLabel('First meeting').fill('2027-01-12');
    await dialog.getByLabel('Schedule meetings until (optional)').fill('2027-12-31');
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Add and schedule its meetings' }).click();
    await expect(dialog).toHaveCount(0);

    const section = page.getByRole('region', { name: 'Care Leavers Partnership Board' });
    const table = section.getByRole('table');
    // The second Tuesday of each quarter's first month.
    await expect(table.getByRole('rowheader')).toHaveText(['12 January 2027', '13 April 2027', '13 July 2027', '12 October 2027']);

    await section.getByRole('button', { name: 'Edit the Care Leavers Partnership Board meeting of 13 April 2027' }).click();
    await page.getByRole('dialog').getByLabel('Date').fill('2027-04-20');
    await page.getByRole('dialog').getByRole('button', { name: 'Save the meeting' }).click();
    await section.getByRole('button', { name: 'Remove the Care Leavers Partnership Board meeting of 13 July 2027' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the meeting' }).click();
    await expect(table.getByRole('rowheader')).toHaveText(['12 January 2027', '20 April 2027', '12 October 2027']);

    await page.reload();
    await expect(page.getByRole('region', { name: 'Care Leavers Partnership Board' }).getByRole('rowheader')).toHaveText([
      '12 January 2027',
      '20 April 2027',
      '12 October 2027',
    ]);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('bank holidays', () => {
  test('a newer GOV.UK file is loaded in settings, and a wrong one is refused with the reason', async ({ page, host }) => {
    await openApp(page, host, '/settings');
    await expect(page.getByText(/from 2012 to 2027/)).toBeVisible();
    const input = page.getByLabel('Load a bank-holidays file');

    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"scotland": {"events": []}}') });
    await expect(page.getByRole('alert')).toContainText('The file was not loaded');
    await expect(page.getByRole('alert')).toContainText('england-and-wales');

    const newer = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true },
          { title: 'Good Friday', date: '2028-04-14', notes: '', bunting: false },
        ],
      },
    };
    await input.setInputFiles({ name: 'bank-holidays.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await expect(page.getByRole('main').getByRole('status')).toContainText('Bank holidays are now known to the end of 2028');
    await expect(page.getByText(/including the list loaded from “bank-holidays.json”/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('recording the inspection', () => {
  test('a new plan gets its statutory dates once its inspection is recorded; a report before the inspection is refused', async ({ page, host }) => {
    await openApp(page, host, '/plans/new');
    await page.getByLabel('Plan title').fill('Improvement plan after the 2026 inspection');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Statutory dates' }).click();
    await expect(page.getByText('No inspection is recorded for this plan yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Record the inspection' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Inspection started').fill('2026-09-07');
    await dialog.getByLabel('Inspection ended').fill('2026-09-18');
    await dialog.getByLabel('Report received').fill('2026-09-01');
    await dialog.getByRole('button', { name: /Overall effectiveness/ }).click();
    await page.getByRole('option', { name: 'Inadequate' }).click();
    await dialog.getByRole('button', { name: /The experiences and progress of children in care/ }).click();
    await page.getByRole('option', { name: 'Requires improvement to be good' }).click();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Save the inspection' }).click();
    await expect(dialog.getByText('The report cannot have been received before the inspection started (7 September 2026)')).toBeVisible();
    await expect(dialog.getByLabel('Report received')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Report received').fill('2026-10-23');
    await dialog.getByRole('button', { name: 'Save the inspection' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Publish the written statement of proposed action/ })).toBeVisible();
    await expect(page.getByText('Requires improvement to be good')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('row', { name: /Monitoring visit 1 \(expected window\)/ })).toBeVisible();
  });
});
