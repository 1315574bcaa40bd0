// KPIs as a user meets them: defining them or adding them from the DfE catalogue, entering values
// in the grid (typing, pasting a block from a spreadsheet, provisional marks, notes, suppression
// codes), and reading the scorecard with every RAG explained in words.
import type { Kpi } from '../../shared/contract-kpis';
import { expect, test } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, newPlan, openPlanPage } from './support';

async function newPlanWithTheme(request: Parameters<typeof call>[0], host: Parameters<typeof call>[1]) {
  const plan = await newPlan(request, host, { title: 'Improvement plan 2026' });
  const theme = await call<{ id: string }>(request, host, 'themes.create', { planId: plan.id, reference: '3', title: 'A sufficient and skilled workforce' });
  return { planId: plan.id, themeId: theme.id };
}

test.describe('KPI definitions', () => {
  test('are typed in or added from the catalogue, linked to a theme, and grouped by it on the scorecard', async ({ page, host, context }) => {
    const { planId } = await newPlanWithTheme(context.request, host);
    await openPlanPage(page, host, planId, 'kpis/definitions', 'KPI definitions and targets');
    await expect(page.getByText('No KPIs yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Define a KPI' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Assessments completed within 45 working days');
    await dialog.getByText('A band between a lower and an upper target').click();
    await expect(dialog.getByRole('radio', { name: /A band between/ })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Lower target' }).fill('85');
    await dialog.getByRole('textbox', { name: 'Upper target' }).fill('eighty');
    await expect(dialog.getByText('Enter a number, such as 85 or 12.5')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Add the KPI' }).click();
    // Nothing is sent while a number field holds words.
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Upper target' }).fill('80');
    await dialog.getByRole('button', { name: 'Add the KPI' }).click();
    await expect(dialog.getByText('The upper target cannot be below the lower target')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Upper target' }).fill('90');
    await dialog.getByRole('button', { name: 'Add the KPI' }).click();
    await expect(dialog).toHaveCount(0);
    const row = page.getByRole('row', { name: /K01 Assessments completed within 45 working days/ });
    await expect(row.getByRole('cell', { name: '85% to 90%' })).toBeVisible();

    await page.getByRole('button', { name: 'Add from the DfE catalogue' }).click();
    dialog = page.getByRole('dialog');
    for (const name of [/Social worker turnover rate/, /Agency social worker rate/]) {
      await dialog.getByRole('checkbox', { name }).focus();
      await page.keyboard.press('Space');
    }
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Add 2 indicators' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /K02 Social worker turnover rate/ })).toContainText('Lower is better');
    await expect(page.getByRole('row', { name: /K03 Agency social worker rate/ })).toBeVisible();
    await page.getByRole('button', { name: 'Add from the DfE catalogue' }).click();
    await expect(page.getByRole('dialog').getByRole('checkbox', { name: /Social worker turnover rate/ })).toBeDisabled();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Link K02 to themes and actions' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Themes/ }).click();
    await page.getByRole('option', { name: '3. A sufficient and skilled workforce' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save the links' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /K02 Social worker turnover rate/ }).getByRole('cell', { name: '3', exact: true })).toBeVisible();

    await page.reload();
    await page.getByRole('link', { name: 'Scorecard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'KPI scorecard' })).toBeVisible();
    const themed = page.getByRole('region', { name: '3. A sufficient and skilled workforce' });
    await expect(themed.getByRole('rowheader')).toHaveText(['K02 Social worker turnover rate']);
    const unthemed = page.getByRole('region', { name: 'Not linked to a theme' });
    await expect(unthemed.getByRole('rowheader')).toHaveText(['K01 Assessments completed within 45 working days', 'K03 Agency social worker rate']);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('the values grid', () => {
  test('takes typing and a block pasted from a spreadsheet, marks, notes and codes; saves all or nothing', async ({ page, host, context }) => {
    const { planId } = await newPlanWithTheme(context.request, host);
    const assessments = await call<Kpi>(context.request, host, 'kpis.create', {
      planId,
      name: 'Assessments completed within 45 working days',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      targetLower: 85,
      targetUpper: 90,
    });
    await call<Kpi>(context.request, host, 'kpis.create', { planId, name: 'Children in care', unit: 'count', polarity: 'lower-is-better', frequency: 'monthly' });
    await openPlanPage(page, host, planId, 'kpis/values', 'Enter KPI values');
    await page.getByLabel('Periods from').fill('2026-01-01');
    await page.getByLabel('Periods to').fill('2026-06-30');
    await expect(page.getByRole('columnheader')).toHaveText(['KPI', 'January 2026', 'February 2026', 'March 2026', 'April 2026', 'May 2026', 'June 2026']);

    const cell = (reference: string, month: string) => page.getByRole('textbox', { name: new RegExp(`^${reference} .*, ${month}`) });

    // A block copied from Excel: two rows of three months, tab-separated, ending in a line break.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('81.5\t83\t86.4\r\n412\t405\t398\r\n'));
    await cell('K01', 'January 2026').click();
    await page.keyboard.press('Control+V');
    await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toHaveText('Pasted 6 cells. Check them, then save.');
    await expect(cell('K01', 'March 2026')).toHaveValue('86.4');
    await expect(cell('K02', 'January 2026')).toHaveValue('412');

    // Typing, moving with the keyboard, a suppression code, a provisional mark and a note.
    await cell('K01', 'March 2026').click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect(cell('K01', 'April 2026')).toBeFocused();
    await page.keyboard.type('88');
    await page.keyboard.press('Enter');
    await expect(cell('K02', 'April 2026')).toBeFocused();
    await page.keyboard.type('c');
    await cell('K01', 'April 2026').click();
    await page.getByRole('checkbox', { name: /Provisional/ }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: /Provisional/ })).toBeChecked();
    await page.getByRole('textbox', { name: 'Note on this value' }).fill('Before the month-end validation');

    // A percentage over 100 is refused at the cell, and blocks the whole save.
    await cell('K01', 'May 2026').fill('104');
    await expect(cell('K01', 'May 2026')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: /^Save 9 changes$/ }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was saved: 1 cell needs correcting');
    await alert.getByRole('button', { name: 'K01, May 2026: A percentage cannot be over 100 (104 was entered)' }).click();
    await expect(cell('K01', 'May 2026')).toBeFocused();
    const nothingYet = await call<{ rows: { cells: Record<string, unknown> }[] }>(context.request, host, 'kpis.grid', { planId, frequency: 'monthly', from: '2026-01-01', to: '2026-06-30' });
    expect(nothingYet.rows.map((row) => Object.keys(row.cells).length)).toEqual([0, 0]);

    await page.keyboard.press('Escape');
    await expect(cell('K01', 'May 2026')).toHaveValue('');
    await page.getByRole('button', { name: /^Save 8 changes$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved 8 values.');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Enter KPI values' })).toBeVisible();
    await page.getByLabel('Periods from').fill('2026-01-01');
    await page.getByLabel('Periods to').fill('2026-06-30');
    await expect(cell('K01', 'April 2026')).toHaveValue('88');
    await expect(page.getByRole('textbox', { name: 'K01 Assessments completed within 45 working days, April 2026 (provisional, has a note)' })).toBeVisible();
    await expect(cell('K02', 'April 2026')).toHaveValue('c');
    await expect(cell('K02', 'March 2026')).toHaveValue('398');

    const series = await call<{ points: { label: string; value: number | null; suppressionCode: string | null; provisional: boolean; note: string | null }[] }>(
      context.request,
      host,
      'kpis.series',
      { kpiId: assessments.id },
    );
    expect(series.points.map((point) => [point.label, point.value, point.provisional, point.note])).toEqual([
      ['January 2026', 81.5, false, null],
      ['February 2026', 83, false, null],
      ['March 2026', 86.4, false, null],
      ['April 2026', 88, true, 'Before the month-end validation'],
    ]);
  });
});

test.describe('the scorecard', () => {
  test('explains each RAG in words, shows the direction of travel and comparators, and a suppressed figure as a gap', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const kpis = await call<(Kpi & { valueCount: number })[]>(context.request, host, 'kpis.list', { planId });
    const k01 = kpis.find((kpi) => kpi.reference === 'K01');
    if (!k01) throw new Error('The demo plan has no K01');
    const grid = await call<{ periods: { key: string; label: string }[] }>(context.request, host, 'kpis.grid', { planId, frequency: 'monthly', from: '2026-01-01', to: '2026-12-31' });
    const scorecardBefore = await call<{ groups: { rows: { id: string; latest: { period: string } | null }[] }[] }>(context.request, host, 'kpis.scorecard', { planId });
    const latest = scorecardBefore.groups.flatMap((group) => group.rows).find((row) => row.id === k01.id)?.latest?.period;
    if (!latest || !grid.periods.some((period) => period.key === latest)) throw new Error('K01 has no value this year');
    await call(context.request, host, 'kpis.setValues', { planId, cells: [{ kpiId: k01.id, period: latest, value: null, suppressionCode: 'c' }] });

    await openPlanPage(page, host, planId, 'kpis', 'KPI scorecard');
    await expect(page.locator('[data-scorecard-drawn="true"]')).toHaveCount(1);
    const row = page.getByRole('row', { name: /K01 Re-referrals within 12 months/ });
    await expect(row).toContainText('not published (c)');
    await expect(row).toContainText(/Not rated: the figure for .* is not published \(c\)\./);
    await expect(row).toContainText('Not known');

    const k03 = page.getByRole('row', { name: /K03 Child protection plans that are a second or subsequent plan/ }).first();
    await expect(k03).toContainText('18% to 23%');
    await expect(k03).toContainText(/(Green|Amber|Red): [\d.]+% is /);
    await expect(k03).toContainText(/(Improving|Worsening|No change)/);
    await expect(k03.getByRole('cell').nth(5)).toContainText('2024/25');
    await expect(k03.getByRole('img')).toHaveAttribute('aria-label', /.+/);
    await expectNoAccessibilityViolations(page);
  });
});
