import { expect, test } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, newPlan, openPlanPage } from './support';

// Copied from a report's PDF: a heading, a recommendation broken across a page, and the page's footer.
const PASTED = `What needs to improve in this local authority?

The quality and impact of management oversight and supervision of social work practice.

Timely and effective response to children who go missing from home or care, including

the quality of return home interviews.

Inspection of Northmoor Borough Council children’s services 12

The sufficiency of homes for children in care.`;

test.describe('recommendations from the report', () => {
  test('are pasted into a new plan, the split corrected, saved numbered and flagged as not answered, then mapped to a theme', async ({ page, host, context }) => {
    const plan = await newPlan(context.request, host, { title: 'Improvement plan after the 2026 inspection' });
    await call(context.request, host, 'themes.create', { planId: plan.id, reference: '1', title: 'Leadership, management and governance' });
    await openPlanPage(page, host, plan.id, 'recommendations', 'Recommendations');
    await expect(page.getByText('No recommendations yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Add recommendations from the report' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Text of the report’s recommendations').fill(PASTED);
    await dialog.getByRole('button', { name: 'Split into recommendations' }).click();
    const item = (number: number) => dialog.getByRole('textbox', { name: `Recommendation ${number}`, exact: true });
    await expect(dialog.getByRole('heading', { name: 'Check the split: 5 recommendations' })).toBeFocused();
    await expect(item(2)).toHaveValue(
      'Timely and effective response to children who go missing from home or care, including',
    );

    await dialog.getByRole('button', { name: 'Join to recommendation 2' }).click();
    await expect(item(2)).toHaveValue(
      'Timely and effective response to children who go missing from home or care, including the quality of return home interviews.',
    );
    await expect(item(2)).toBeFocused();
    await expect(item(3)).toHaveValue('Inspection of Northmoor Borough Council children’s services 12');
    await dialog.getByRole('button', { name: 'Remove recommendation 3' }).click();
    await item(3).fill('The sufficiency of homes for children in care, close to their families and communities.');
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Save 3 recommendations' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('status')).toHaveText('3 recommendations were added, numbered 1 to 3.');

    for (const number of [1, 2, 3]) {
      await expect(page.getByRole('article', { name: `Recommendation ${number}` })).toContainText('Not answered: no live action');
    }
    await expect(page.getByRole('article', { name: 'Recommendation 3' })).toContainText('close to their families and communities.');
    await expect(page.getByText('3 not answered')).toBeVisible();

    const first = page.getByRole('article', { name: 'Recommendation 1' });
    await first.getByRole('button', { name: 'Choose the themes of recommendation 1' }).click();
    await page.getByRole('dialog').getByText('1. Leadership, management and governance').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save the themes' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(first).toContainText('1. Leadership, management and governance');

    await page.reload();
    await expect(page.getByRole('article', { name: 'Recommendation 1' })).toContainText('1. Leadership, management and governance');
    await expectNoAccessibilityViolations(page);
  });

  test('the demo plan’s recommendation 12, answered only by superseded actions, is flagged', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    await openPlanPage(page, host, planId, 'recommendations', 'Recommendations');
    const twelve = page.getByRole('article', { name: 'Recommendation 12' });
    await expect(twelve).toContainText('Not answered: only superseded actions');
    await expect(twelve.getByRole('link', { name: '2.21' })).toHaveAttribute('href', /#\/plans\/.*\/actions\//);
    await expect(twelve).toContainText('Superseded');
    await expect(page.getByRole('article', { name: 'Recommendation 1', exact: true })).toContainText('Answered');
    await expectNoAccessibilityViolations(page);

    await page.getByText('Show only the recommendations not answered').click();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article')).toHaveAccessibleName('Recommendation 12');
  });
});

test.describe('visits and reviews', () => {
  test('a finding added to a monitoring visit is made into an action with the next free reference in its theme', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    await openPlanPage(page, host, planId, 'reviews', 'Visits and reviews');
    const visit = page.getByRole('region', { name: 'Third monitoring visit' });
    await visit.getByRole('button', { name: 'Add a finding of Third monitoring visit' }).click();
    let dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('What the letter says')
      .fill('Return home interviews are not always offered within 72 hours, and what children say in them is not used to reduce risk.');
    await dialog.getByRole('button', { name: 'Add the finding' }).click();
    await expect(dialog).toHaveCount(0);

    const finding = visit.locator('li.finding').filter({ hasText: 'Return home interviews are not always offered' });
    await expect(finding).toContainText('No action yet');
    await finding.getByRole('button', { name: /^Make an action from this/ }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Title')).toHaveValue('Return home interviews are not always offered within 72 hours');
    await dialog.getByRole('button', { name: /Theme/ }).click();
    await page.getByRole('option', { name: '2. A robust model of social work practice' }).click();
    await expect(dialog.getByLabel('Reference')).toHaveValue('2.23');
    await dialog.getByLabel('Due (optional)').fill('2027-03-31');
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Make the action' }).click();

    await expect(dialog.getByRole('heading', { name: 'Action 2.23 was made' })).toBeVisible();
    const link = dialog.getByRole('link', { name: '2.23' });
    await expect(link).toBeFocused();
    await expect(link).toHaveAttribute('href', new RegExp(`#/plans/${planId}/actions/[0-9a-f-]{36}$`));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(finding.getByRole('link', { name: '2.23' })).toBeVisible();
    await expect(finding).not.toContainText('No action yet');
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('themes and stages', () => {
  test('a theme is added with its lead, and a stage ending before it starts is refused at the end date', async ({ page, host, context }) => {
    const plan = await newPlan(context.request, host, { title: 'Leaving care improvement plan' });
    await call(context.request, host, 'people.create', { planId: plan.id, name: 'Amara Osei', jobTitle: 'Director of Children’s Services' });
    await openPlanPage(page, host, plan.id, 'themes', 'Themes and stages');

    await page.getByRole('button', { name: 'Add a theme' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reference').fill('1');
    await dialog.getByLabel('Title').fill('Leadership, management and governance');
    await dialog.getByRole('button', { name: /Theme lead/ }).click();
    await page.getByRole('option', { name: 'Amara Osei, Director of Children’s Services' }).click();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Add the theme' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Leadership, management and governance/ })).toContainText('Amara Osei');

    await page.getByRole('button', { name: 'Add a theme' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reference').fill('1');
    await dialog.getByLabel('Title').fill('Workforce');
    await dialog.getByRole('button', { name: 'Add the theme' }).click();
    await expect(dialog.getByText('Theme 1 is already “Leadership, management and governance”')).toBeVisible();
    await expect(dialog.getByLabel('Reference')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Add a stage' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Stabilise');
    await dialog.getByLabel('Starts (optional)').fill('2026-06-04');
    await dialog.getByLabel('Ends (optional)').fill('2026-03-31');
    await dialog.getByRole('button', { name: 'Add the stage' }).click();
    await expect(dialog.getByText('The stage cannot end before it starts (4 June 2026)')).toBeVisible();
    await expect(dialog.getByLabel('Ends (optional)')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Ends (optional)').fill('2027-02-28');
    await dialog.getByRole('button', { name: 'Add the stage' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Stabilise/ })).toContainText('4 June 2026 to 28 February 2027');
    await expectNoAccessibilityViolations(page);
  });
});
