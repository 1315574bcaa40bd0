import fs from 'node:fs';
import path from 'node:path';
import { expect, newDataDirectory, openApp, startHost, stopHost, test } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations } from './support';

test.describe('backups in Settings', () => {
  test('are taken on demand, listed with why and whether they check out, and one is restored after a confirmation', async ({ page, host, context }) => {
    // Two backups, two axe checks, a restore that closes and reopens the database and a reload of
    // the page: more than most tests, and on a busy two-core machine more than the default minute.
    test.setTimeout(120_000);
    await openApp(page, host, '/settings');
    const section = page.getByRole('region', { name: 'Backups', exact: true });
    await expect(section.getByText('taken every day while the app is open')).toBeVisible();

    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect(section.getByRole('status')).toContainText(/Backed up: the backup of \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} \(.+\) checks out\./);
    const row = section.getByRole('row').filter({ hasText: 'By hand' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Checks out');
    const when = (await row.getByRole('rowheader').textContent()) ?? '';

    // A change made after the backup, which the restore takes away.
    const planId = await demoPlanId(context.request, host);
    await call(context.request, host, 'actions.create', { planId, reference: '99.1', title: 'Made after the backup' });

    await section.getByLabel('Backups kept of each automatic kind').fill('7');
    await section.getByRole('button', { name: 'Save the schedule' }).click();
    await expect(section.getByText('Saved: a backup is taken every day, and the newest 7 of each automatic kind are kept.')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await row.getByRole('button', { name: `Restore the backup of ${when}` }).press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Restore the backup of ${when}?` })).toBeVisible();
    await expect(dialog).toContainText('is not deleted: it is moved to the folder');
    await expect(dialog).toContainText(path.join(host.dataDirectory, 'replaced'));
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.locator('html[data-app-state="loaded"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    const titles = (await call<{ title: string }[]>(context.request, host, 'actions.list', { planId })).map((action) => action.title);
    expect(titles).not.toContain('Made after the backup');
    expect(fs.readdirSync(path.join(host.dataDirectory, 'replaced')).some((name) => name.endsWith('.sqlite'))).toBe(true);
  });
});

test.describe('a damaged database in browser mode', () => {
  test('shows a plain recovery screen offering the latest good backup; restoring it opens the app', async ({ page }) => {
    // A data folder with a backup, then its database written over.
    const folder = newDataDirectory();
    const first = await startHost(folder);
    const backup = await (
      await page.request.post(`${first.origin}/api/backups.create`, { headers: { 'x-g2g-token': first.token }, data: {} })
    ).json();
    await stopHost(first);
    const file = path.join(folder, 'getting-to-good.sqlite');
    fs.writeFileSync(file, 'This is not a database any more.\n'.repeat(50));
    const damaged = fs.readFileSync(file);

    const host = await startHost(folder);
    try {
      await page.goto(host.url);
      await expect(page.locator('html[data-app-state="recovery"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { name: 'The database is damaged', level: 1 })).toBeFocused();
      await expect(page.getByText('left exactly as it was')).toBeVisible();
      await expect(page.getByText(path.join(folder, 'damaged'))).toBeVisible();
      await expectNoAccessibilityViolations(page);

      const restore = page.getByRole('button', { name: `Restore the backup of ${backup.value.when}` });
      await restore.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('html[data-app-state="loaded"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { name: 'Plans', level: 1 })).toBeVisible();
      await expect(page.getByText('Northmoor Borough Council').first()).toBeVisible();
      const aside = fs.readdirSync(path.join(folder, 'damaged'));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(folder, 'damaged', aside[0]!)).equals(damaged)).toBe(true);
    } finally {
      await stopHost(host);
    }
  });
});
