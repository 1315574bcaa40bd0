import type { Locator } from '@playwright/test';
import { londonDate } from '../../shared/dates';
import { financialYearPeriod } from '../../shared/periods';
import { financialYearKeys, periodLabel } from '../../shared/periods';
import { expect, test } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, newPlan, openPlanPage } from './support';

/** The text of each cell of a table's row, its heading first, with what only screen readers hear. */
async function rowTexts(row: Locator): Promise<string[]> {
  return (await row.locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

const thisYear = financialYearPeriod(londonDate(new Date())).key;
const [, nextYear = '', yearAfter = ''] = financialYearKeys(thisYear, 3);

test.describe('workforce projection', () => {
  test('the demo plan’s projection is charted, tabled and described, and passes the accessibility checks', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    await openPlanPage(page, host, planId, 'workforce', 'Workforce projection');
    const section = page.getByRole('region', { name: 'Social work workforce: three-year projection' });
    await expect(section.locator('.money-chart[data-chart-drawn="true"]')).toHaveCount(1);
    const chart = section.getByRole('img', { name: /^Line chart of Social work workforce/ });
    await expect(chart).toHaveAccessibleName(/Vacancies fall from 30\.0 \(16\.1% of 186 posts\) now to 6\.7 \(3\.6%\) at the end of/);
    const table = section.getByRole('table');
    await expect(table.getByRole('columnheader', { name: periodLabel(thisYear), exact: true })).toBeVisible();
    expect(await rowTexts(table.getByRole('row', { name: /^Vacancy rate/ }))).toEqual(['Vacancy rate', '16.1%', '11.3%', '7.4%', '3.6%']);
    expect(await rowTexts(table.getByRole('row', { name: /^Leavers in the year/ }))).toEqual(['Leavers in the year', '– not applicable', '29.0', '30.7', '32.0']);
    expect(await rowTexts(table.getByRole('row', { name: /Newly qualified social workers \(ASYE\)/ }))).toEqual([
      'Recruits: Newly qualified social workers (ASYE)',
      '– not applicable',
      '22.0',
      '22.0',
      '24.0',
    ]);
    await page.getByText('How the projection is worked out').click();
    await expect(page.getByText('recruits beyond the vacancies have no post to fill')).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('a projection is made with the keyboard alone, kept over a reload, edited, and refused when it breaks a rule', async ({ page, host, context }) => {
    const { id: planId } = await newPlan(context.request, host, { title: 'Workforce and money plan' });
    await openPlanPage(page, host, planId, 'workforce', 'Workforce projection');
    await expect(page.getByText('No projection yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Add a projection' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a workforce projection' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('Children’s social workers');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: /First financial year/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.type(periodLabel(nextYear));
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: /First financial year/ })).toContainText(periodLabel(nextYear));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: '2 years' }).waitFor();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: /Years to project/ })).toContainText('2 years');
    await expect(dialog.getByRole('columnheader')).toHaveText(['Channel', periodLabel(nextYear), periodLabel(yearAfter), 'Remove']);

    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Posts', { exact: true })).toBeFocused();
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('60');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12.5%');
    // The three channels a projection starts with; the first year of the first is typed in.
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Name of channel 1')).toHaveValue('Newly qualified social workers (ASYE)');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(`Recruits from Newly qualified social workers (ASYE) in ${periodLabel(nextYear)}`)).toBeFocused();
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');

    // More vacancies than posts: refused at the field, nothing saved.
    const vacancies = dialog.getByLabel('Vacant posts now');
    await expect(dialog.getByText('There cannot be more vacancies than posts (50)')).toBeVisible();
    await expect(vacancies).toHaveAttribute('aria-invalid', 'true');
    expect(await call<unknown[]>(context.request, host, 'workforce.list', { planId })).toEqual([]);
    await expectNoAccessibilityViolations(page);

    await vacancies.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('10');
    await dialog.getByLabel(`Recruits from Agency workers converted to permanent in ${periodLabel(nextYear)}`).focus();
    await page.keyboard.type('4');
    // The last channel is removed, and focus goes to the button that adds one.
    await dialog.getByRole('button', { name: 'Remove the channel Experienced social workers' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Name of channel 3')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Add a channel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Save the projection' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    // 40 filled; 12.5% leave (5.0); 8 + 4 join: 47.0 filled, 3.0 vacant (6.0%). Then 5.875 → 5.9
    // leave and 2.5 join: 43.6 filled, 6.4 vacant (12.8%).
    const section = page.getByRole('region', { name: 'Children’s social workers' });
    await expect(section.getByText('Vacancies fall from 10.0 (20.0% of 50 posts) now to')).toBeVisible();
    const table = section.getByRole('table');
    expect(await rowTexts(table.getByRole('row', { name: /^Vacancies/ }))).toEqual(['Vacancies', '10.0', '3.0', '6.4']);
    expect(await rowTexts(table.getByRole('row', { name: /^Vacancy rate/ }))).toEqual(['Vacancy rate', '20.0%', '6.0%', '12.8%']);
    await expect(section.locator('.money-chart[data-chart-drawn="true"]')).toHaveCount(1);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Workforce projection' })).toBeVisible();
    expect(await rowTexts(section.getByRole('table').getByRole('row', { name: /^Vacancy rate/ }))).toEqual(['Vacancy rate', '20.0%', '6.0%', '12.8%']);

    // No one leaves: 12 join 40 and then 2.5 join a full establishment, so 2.0 and then 2.5 recruits
    // have no post to fill, and the table says so.
    await section.getByRole('button', { name: 'Edit the projection “Children’s social workers”' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “Children’s social workers”' });
    await expect(edit.getByLabel('Annual turnover (%)')).toHaveValue('12.5');
    await edit.getByLabel('Annual turnover (%)').fill('0');
    await edit.getByRole('button', { name: 'Save the projection' }).click();
    await expect(edit).toHaveCount(0);
    expect(await rowTexts(section.getByRole('table').getByRole('row', { name: /^Recruits beyond the vacancies/ }))).toEqual([
      'Recruits beyond the vacancies no post to fill: not counted as filled',
      '– not applicable',
      '⚠ 2.0',
      '⚠ 2.5',
    ]);
    await expect(
      section.getByText(`Recruits planned beyond the vacancies, with no post to fill: 2.0 in ${periodLabel(nextYear)}, 2.5 in ${periodLabel(yearAfter)}.`),
    ).toBeVisible();
    await page.reload();
    await expect(section.getByRole('table').getByRole('row', { name: /^Vacancy rate/ })).toContainText('0.0%');
    await expectNoAccessibilityViolations(page);
  });

  test('turnover above 100% and recruits that are not numbers are refused with messages at their fields', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const before = await call<unknown[]>(context.request, host, 'workforce.list', { planId });
    await openPlanPage(page, host, planId, 'workforce', 'Workforce projection');
    await page.getByRole('button', { name: 'Edit the projection “Social work workforce: three-year projection”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Annual turnover (%)').fill('120');
    await dialog.getByLabel(`Recruits from Experienced social workers in ${periodLabel(thisYear)}`).fill('ten');
    await dialog.getByRole('button', { name: 'Save the projection' }).click();
    await expect(dialog.getByText('Turnover cannot be above 100%')).toBeVisible();
    await expect(dialog.getByText('Enter the recruits as a number of posts (FTE), such as 12 or 2.5')).toBeVisible();
    await expect(dialog.getByLabel(`Recruits from Experienced social workers in ${periodLabel(thisYear)}`)).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await call<unknown[]>(context.request, host, 'workforce.list', { planId })).toEqual(before);

    // Deleted, then gone after a reload.
    await page.getByRole('button', { name: 'Delete the projection “Social work workforce: three-year projection”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the projection' }).click();
    await expect(page.getByText('No projection yet.')).toBeVisible();
    await page.reload();
    await expect(page.getByText('No projection yet.')).toBeVisible();
  });
});

test.describe('money', () => {
  test('the demo plan’s budget shows each line by year with the totals a board asks for', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const budget = await call<{ totals: { estimatedCostPence: number } }>(context.request, host, 'budget.list', { planId });
    await openPlanPage(page, host, planId, 'finance', 'Money');
    const summary = page.getByRole('list', { name: 'The budget in brief' });
    const pounds = `£${(budget.totals.estimatedCostPence / 100).toLocaleString('en-GB')}`;
    await expect(summary.getByRole('listitem').first()).toContainText(`${pounds}Estimated cost of the plan`);
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Recurrent growth' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'One-off investment' })).toBeVisible();
    const academy = table.getByRole('row', { name: /^Social Work Academy/ });
    await expect(academy.locator('td').first()).toContainText('Allocated £260,000');
    await expect(table.getByRole('row', { name: /^The whole plan/ })).toContainText(pounds);
    await expectNoAccessibilityViolations(page);
  });

  test('a budget line is added with its amounts by keyboard, kept over a reload, its amounts changed, and bad amounts refused', async ({ page, host, context }) => {
    const { id: planId } = await newPlan(context.request, host, { title: 'Workforce and money plan', startDate: '2026-04-01', endDate: '2028-03-31' });
    await openPlanPage(page, host, planId, 'finance', 'Money');
    await expect(page.getByText('No budget lines yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Add a budget line' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a budget line' });
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('Agency premium while permanent recruitment completes');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'One-off' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Investment for the plan’s years only')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Description (optional)')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Allocated in 2026/27')).toBeFocused();
    await page.keyboard.type('£1,200,000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12,50,000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('800000.50');
    await page.keyboard.press('Enter');

    // The spend is not an amount: held back at its field, nothing saved.
    const spent = dialog.getByLabel('Spent in 2026/27');
    await expect(dialog.getByText('“12,50,000” is not an amount in pounds: write it like £1,250,000 or 1250000.50')).toBeVisible();
    await expect(spent).toHaveAttribute('aria-invalid', 'true');
    await expect(spent).toBeFocused();
    expect((await call<{ lines: unknown[] }>(context.request, host, 'budget.list', { planId })).lines).toEqual([]);
    await expectNoAccessibilityViolations(page);

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1,392,000');
    await dialog.getByRole('button', { name: 'Add the line' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    const table = page.getByRole('table');
    const line = table.getByRole('row', { name: /^Agency premium/ });
    // Spend above the allocation is said in words and a shape as well as colour.
    expect((await rowTexts(line)).slice(0, -1)).toEqual([
      'Agency premium while permanent recruitment completes (One-off)',
      'Allocated £1,200,000 spent £1,392,000 ▲ over',
      'Allocated £800,000.50 spent £0',
      'Allocated £2,000,000.50 spent £1,392,000',
    ]);
    const summary = page.getByRole('list', { name: 'The budget in brief' });
    await expect(summary).toContainText('£2,000,000.50Estimated cost of the plan, 2026/27 to 2027/28');
    await expect(summary).toContainText('£608,000.50Left of £2,000,000.50 one-off investment');

    await page.reload();
    await expect(page.getByRole('table').getByRole('row', { name: /^Agency premium/ })).toContainText('Allocated £800,000.50');

    // The amounts: the second year emptied, a year added after it.
    await line.getByRole('button', { name: 'Amounts of “Agency premium while permanent recruitment completes”' }).click();
    const amounts = page.getByRole('dialog', { name: 'Amounts of “Agency premium while permanent recruitment completes”' });
    await expect(amounts.getByLabel('Allocated in 2027/28')).toHaveValue('800,000.50');
    await amounts.getByLabel('Allocated in 2027/28').fill('');
    await amounts.getByRole('button', { name: 'Add 2028/29' }).click();
    await amounts.getByLabel('Allocated in 2028/29').fill('-300000');
    await amounts.getByRole('button', { name: 'Save the amounts' }).click();
    await expect(amounts.getByText('An amount cannot be negative')).toBeVisible();
    await amounts.getByLabel('Allocated in 2028/29').fill('300000');
    await amounts.getByRole('button', { name: 'Save the amounts' }).click();
    await expect(amounts).toHaveCount(0);

    await expect(table.getByRole('columnheader', { name: '2028/29' })).toBeVisible();
    expect((await rowTexts(table.getByRole('row', { name: /^Agency premium/ }))).slice(0, -1)).toEqual([
      'Agency premium while permanent recruitment completes (One-off)',
      'Allocated £1,200,000 spent £1,392,000 ▲ over',
      '– nothing budgeted',
      'Allocated £300,000 spent £0',
      'Allocated £1,500,000 spent £1,392,000',
    ]);
    await page.reload();
    await expect(page.getByRole('list', { name: 'The budget in brief' })).toContainText('£108,000Left of £1,500,000 one-off investment');
    await expectNoAccessibilityViolations(page);
  });

  test('a line changes kind and is deleted with its amounts', async ({ page, host, context }) => {
    const { id: planId } = await newPlan(context.request, host, { title: 'Workforce and money plan', startDate: '2026-04-01', endDate: '2027-03-31' });
    await call(context.request, host, 'budget.createLine', {
      planId,
      name: 'Market supplement',
      kind: 'one-off',
      entries: [{ financialYear: '2026-27', allocatedPence: 42_000_000, spentPence: 0 }],
    });
    await openPlanPage(page, host, planId, 'finance', 'Money');
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'One-off investment' })).toBeVisible();

    await page.getByRole('button', { name: 'Edit the budget line “Market supplement”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('');
    await dialog.getByRole('button', { name: /Kind/ }).click();
    await page.getByRole('option', { name: 'Recurrent' }).click();
    await dialog.getByRole('button', { name: 'Save the line' }).click();
    await expect(dialog.getByText('Enter the budget line’s name')).toBeVisible();
    await dialog.getByLabel('Name', { exact: true }).fill('Market supplement for hard-to-fill posts');
    await dialog.getByRole('button', { name: 'Save the line' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: 'Recurrent growth' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'One-off investment' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'The budget in brief' })).toContainText('£420,000 a year by 2026/27');

    await page.getByRole('button', { name: 'Delete the budget line “Market supplement for hard-to-fill posts”' }).click();
    await expect(page.getByRole('dialog')).toContainText('The line and its amounts in one year leave the plan’s budget.');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the line' }).click();
    await expect(page.getByText('No budget lines yet.')).toBeVisible();
    await page.reload();
    await expect(page.getByText('No budget lines yet.')).toBeVisible();
    expect((await call<{ totals: { estimatedCostPence: number } }>(context.request, host, 'budget.list', { planId })).totals.estimatedCostPence).toBe(0);
  });
});
