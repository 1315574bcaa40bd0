import { expect, newDataDirectory, startHost, stopHost, test, type RunningHost } from './fixtures';
import { call, expectNoAccessibilityViolations, openDemoPlan } from './support';

const TAB = 'Versions and sub-plans';

// Refreshing changes the demo plan for good, so these tests run on a host of their own rather
// than the worker's, which other files' tests expect to hold the demo plan as seeded.
let host: RunningHost;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  host = await startHost(newDataDirectory());
});
test.afterAll(async () => {
  await stopHost(host);
});

test.describe('versions of a plan', () => {
  test('a refresh after a monitoring visit makes version 2 with only the open actions, and the versions compare', async ({ page, context }) => {
    await openDemoPlan(page, host, TAB);
    await expect(page.getByRole('row', { name: /Version 1 Open now/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Refresh the plan after a monitoring visit' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('The 37 open actions (not started, in progress, or complete awaiting evidence or sign-off)')).toBeVisible();
    await expect(dialog.getByText('The 20 complete actions and 3 superseded actions')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Make version 2' }).click();
    await expect(dialog.getByLabel('Why the plan is refreshed')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Why the plan is refreshed').fill('The second monitoring visit, on the front door, asked for consent to be recorded.');
    await dialog.getByRole('button', { name: 'Make version 2' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(page.getByRole('row', { name: /Version 2 Open now/ })).toContainText('The second monitoring visit, on the front door');
    await expect(page.getByRole('row', { name: /Open version 1/ })).toContainText(/Superseded on \d{1,2} \w+ \d{4}/);
    const comparison = page.getByTestId('comparison');
    await expect(comparison).toContainText('From version 1 to version 2: 0 actions changed, 0 added, 23 not carried forward, and 37 carried forward unchanged.');
    await expect(comparison.getByRole('heading', { name: /Actions not carried forward/ })).toContainText('23');
    await expect(comparison.getByRole('cell', { name: 'Complete, so not carried forward' })).toHaveCount(20);
    await expectNoAccessibilityViolations(page);

    // Only the open actions are in version 2.
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Actions' }).click();
    await expect(page.locator('.result-count')).toContainText('Showing 37 of 37 actions');

    // A change in version 2 shows in the comparison, old → new.
    const planId = new URL(page.url()).hash.split('/')[2] ?? '';
    const actions = await call<{ id: string; reference: string; rag: string | null }[]>(context.request, host, 'actions.list', { planId });
    const amber = actions.find((action) => action.rag === 'amber');
    if (!amber) throw new Error('no amber action carried');
    await call(context.request, host, 'actions.update', { actionId: amber.id, rag: 'red' });
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: TAB }).click();
    const changed = page.getByTestId('comparison').getByRole('row', { name: new RegExp(`^${amber.reference.replace('.', '\\.')} `) });
    await expect(changed).toContainText('RAG: Amber');
    await expect(changed).toContainText('changed to Red');

    // The plans page lists only the current version.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('table')).toContainText('(version 2)');
    await expect(page.getByText('One earlier version is not listed')).toBeVisible();
  });

  test('an earlier version opens read-only with a notice naming the current version', async ({ page }) => {
    await openDemoPlan(page, host, TAB);
    await page.getByRole('link', { name: 'Open version 1' }).click();
    const notice = page.getByTestId('version-notice');
    await expect(notice).toContainText(/This is version 1, superseded on \d{1,2} \w+ \d{4}; the current version is 2\./);
    await expect(page.getByRole('button', { name: 'Refresh the plan after a monitoring visit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add a sprint or service plan' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Actions' }).click();
    await expect(page.locator('.result-count')).toContainText('Showing 60 of 60 actions');
    await expect(notice).toBeVisible();
    // Kept as it was: no control to change it is offered.
    await expect(page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Status of action 1\.1:/ })).toBeDisabled();
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Statutory dates' }).click();
    await expect(page.getByRole('button', { name: /^Change the date/ })).toHaveCount(0);
    await notice.getByRole('link', { name: 'Open the current version (version 2)' }).click();
    await expect(page.getByTestId('version-notice')).toHaveCount(0);
  });
});

test.describe('sub-plans', () => {
  test('a 12-week sprint linked to two actions shows its progress', async ({ page, context }) => {
    await openDemoPlan(page, host, TAB);
    await page.getByRole('button', { name: 'Add a sprint or service plan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Front door sprint');
    const start = await dialog.getByLabel('Starts').inputValue();
    const end = new Date(`${start}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 83);
    await expect(dialog.getByLabel('Ends')).toHaveValue(end.toISOString().slice(0, 10));
    const choices = dialog.getByRole('group', { name: 'Actions of the main plan it serves' }).getByRole('checkbox');
    await choices.nth(0).click({ force: true });
    await choices.nth(1).click({ force: true });
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Add the sub-plan' }).click();
    await expect(dialog).toHaveCount(0);

    const card = page.getByTestId('sub-plan');
    await expect(card.getByRole('heading', { name: /Front door sprint/ })).toBeVisible();
    await expect(card).toContainText('Week 1 of 12, 83 days left');
    await expect(card.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(2);

    // A sub-plan is a plan: its actions are made the usual way.
    const [subPlan] = await call<{ id: string }[]>(context.request, host, 'plans.subPlans', { planId: new URL(page.url()).hash.split('/')[2] });
    await call(context.request, host, 'actions.create', { planId: subPlan?.id, reference: 'S1', title: 'Daily huddle at the front door', status: 'complete', rag: 'blue' });
    await call(context.request, host, 'actions.create', { planId: subPlan?.id, reference: 'S2', title: 'Consent recorded on every contact', status: 'in-progress', rag: 'green' });
    await expect(card.getByRole('progressbar', { name: '50% complete: 1 of 2 actions complete' })).toHaveAttribute('value', '50');
    await expect(card.getByRole('progressbar', { name: 'Time gone: 1 of 84 days' })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await card.getByRole('link', { name: 'Front door sprint' }).click();
    await expect(page.locator('.sub-plan-notice')).toContainText('Sprint of');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    const row = page.getByRole('row', { name: /Front door sprint/ });
    await expect(row).toContainText('Sprint');
    await expect(row).toHaveClass(/sub-plan-row/);
    await expectNoAccessibilityViolations(page);
  });
});
