// Plan bundles through the screens, between two real installations (two hosts on two data
// folders, each with its own signing key): send the plan out, prepare the email, import it
// elsewhere, change it there, send it back, and merge it, deciding a conflict side by side.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ActionRow } from '../../shared/contract-kit';
import { expect, newDataDirectory, openApp, startHost, stopHost, test, type RunningHost } from './fixtures';
import { call, demoPlan, expectNoAccessibilityViolations, openPlanPage } from './support';

const PASSPHRASE = 'correct horse battery staple';

/** Makes a bundle of the plan on the Send page and downloads it; returns the downloaded file. */
async function sendFromPage(page: Page, host: RunningHost, planId: string, options: { passphrase?: string; theme?: string } = {}): Promise<string> {
  await openPlanPage(page, host, planId, 'send', 'Send the plan');
  if (options.theme) await page.getByLabel('What goes in').selectOption({ label: options.theme });
  await page.getByLabel('Include the plan as a PDF').uncheck();
  const lock = page.getByLabel('Lock the bundle with a passphrase');
  if (options.passphrase) {
    await lock.check();
    await page.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
    await page.getByLabel('Passphrase again').fill(options.passphrase);
  } else {
    await lock.uncheck();
  }
  await page.getByRole('button', { name: 'Make the bundle' }).click();
  await expect(page.getByRole('heading', { name: 'The bundle is ready' })).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the bundle' }).click();
  const download = await downloading;
  const file = path.join(host.dataDirectory, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function chooseBundle(page: Page, host: RunningHost, file: string): Promise<void> {
  await openApp(page, host, '/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import a plan bundle' })).toBeVisible();
  await page.getByLabel('Plan bundle').setInputFiles(file);
}

test('a plan goes out signed and locked, with an email draft, and opens on another computer', async ({ page, host, request }) => {
  const plan = await demoPlan(request, host);
  const key = await call<{ fingerprint: string }>(request, host, 'bundles.signingKey', {});

  await openPlanPage(page, host, plan.id, 'send', 'Send the plan');
  await expect(page.getByText(key.fingerprint).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // A passphrase too short, then two that differ, are refused at the field.
  await page.getByLabel('Lock the bundle with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Make the bundle' }).click();
  await expect(page.getByText('A passphrase must be at least 12 characters')).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Make the bundle' }).click();
  await expect(page.getByText('The two passphrases are not the same')).toBeVisible();
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByLabel('OFFICIAL-SENSITIVE', { exact: true }).check();
  await page.getByLabel('Include the plan as a PDF').uncheck();
  await page.getByRole('button', { name: 'Make the bundle' }).click();
  await expect(page.getByRole('heading', { name: 'The bundle is ready' })).toBeFocused();
  await expect(page.getByText('Locked with a passphrase')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // The email draft: a folder of this computer, with the bundle and an unsent email beside it.
  const folder = path.join(host.dataDirectory, 'to-send');
  await page.getByLabel('Folder').fill(folder);
  await page.getByRole('button', { name: 'Write the bundle and the email draft' }).click();
  await expect(page.getByText('the email draft,')).toBeVisible();
  const written = fs.readdirSync(folder).sort();
  const bundleName = written.find((name) => name.endsWith('.g2g'));
  const emailName = written.find((name) => name.endsWith('.eml'));
  expect(bundleName).toBeTruthy();
  expect(emailName).toBeTruthy();
  const email = fs.readFileSync(path.join(folder, emailName!), 'latin1');
  expect(email).toMatch(/^X-Unsent: 1/im);
  expect(email).toMatch(/^Subject: .*OFFICIAL-SENSITIVE/im);
  expect(email).toContain(bundleName!.slice(0, 20));
  const bundleBytes = fs.readFileSync(path.join(folder, bundleName!));
  expect(bundleBytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Another computer: its own data folder, its own key.
  const other = await startHost(newDataDirectory());
  try {
    await chooseBundle(page, other, path.join(folder, bundleName!));
    await expect(page.getByRole('heading', { name: 'This bundle is locked with a passphrase' })).toBeVisible();
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Open the bundle' }).click();
    await expect(page.getByText('That passphrase does not open this bundle')).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open the bundle' }).click();
    await expect(page.getByRole('heading', { name: /A plan new to this computer/ })).toBeFocused();
    await expect(page.getByText('You have not trusted that key before')).toBeVisible();
    await expect(page.getByText(key.fingerprint).first()).toBeVisible();
    const changes = page.getByRole('table', { name: 'What importing would change' });
    const actions = await call<ActionRow[]>(request, host, 'actions.list', { planId: plan.id });
    await expect(changes.getByRole('row', { name: /^Actions \d/ })).toContainText(String(actions.length));
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Trust this key from now on').check();
    await page.getByLabel('Whose key it is').fill('Northmoor improvement manager');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await expect(page.getByText(/A copy of the database as it was before is kept at/)).toBeVisible();

    // The plan is there with every action, and the key is trusted in the settings.
    const copied = await call<ActionRow[]>(request, other, 'actions.list', { planId: plan.id });
    expect(copied.map((row) => [row.id, row.reference, row.title, row.rag]).sort()).toEqual(actions.map((row) => [row.id, row.reference, row.title, row.rag]).sort());
    await openApp(page, other, '/settings');
    await expect(page.getByRole('row', { name: /Northmoor improvement manager/ })).toContainText(key.fingerprint);
    // Trust can be taken back, after a question.
    await page.getByRole('button', { name: 'Remove Northmoor improvement manager’s key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop trusting Northmoor improvement manager’s key?' });
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Stop trusting it' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('None yet. When you import a bundle from another computer')).toBeVisible();
  } finally {
    await stopHost(other);
  }
});

test('a theme lead’s changes come back and merge, and a record changed on both sides is decided side by side', async ({ page, host, request }) => {
  const plan = await demoPlan(request, host);
  const actions = await call<ActionRow[]>(request, host, 'actions.list', { planId: plan.id });
  const themes = await call<{ id: string; reference: string; title: string }[]>(request, host, 'themes.list', { planId: plan.id });
  const theme = themes[0]!;
  const theirs = actions.filter((action) => action.themeId === theme.id);
  expect(theirs.length).toBeGreaterThanOrEqual(2);
  const [both, leadOnly] = theirs;

  const outgoing = await sendFromPage(page, host, plan.id, { theme: `Theme ${theme.reference}: ${theme.title}` });

  const lead = await startHost(newDataDirectory());
  try {
    await chooseBundle(page, lead, outgoing);
    await expect(page.getByRole('heading', { name: /A plan new to this computer/ })).toBeFocused();
    await expect(page.getByText(/^The theme “.*”, with the plan around it$/)).toContainText(theme.title);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    // Only the theme's actions went to the lead.
    const leadActions = await call<ActionRow[]>(request, lead, 'actions.list', { planId: plan.id });
    expect(leadActions.map((row) => row.id).sort()).toEqual(theirs.map((row) => row.id).sort());

    // The lead changes two actions; the manager meanwhile changes one of the same, differently.
    await call(request, lead, 'actions.update', { actionId: both!.id, title: 'Audit every open child in need case (lead’s wording)' });
    await call(request, lead, 'actions.update', { actionId: leadOnly!.id, title: 'Weekly huddles in every assessment team' });
    await call(request, host, 'actions.update', { actionId: both!.id, title: 'Audit every open child in need case (manager’s wording)' });

    const returned = await sendFromPage(page, lead, plan.id);
    await chooseBundle(page, host, returned);
    await expect(page.getByRole('heading', { name: /Updates to a plan already here/ })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'One record was changed both here and in the bundle' })).toBeVisible();
    const conflict = page.getByRole('group', { name: new RegExp(`^Action ${both!.reference}: `) });
    await expect(conflict).toContainText('(manager’s wording)');
    await expect(conflict).toContainText('(lead’s wording)');
    await expectNoAccessibilityViolations(page);

    // Importing without deciding is stopped at the conflict.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText('One record changed on both sides needs a choice before importing.')).toBeVisible();
    await conflict.getByLabel('Take the version in the bundle').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();

    const merged = await call<ActionRow[]>(request, host, 'actions.list', { planId: plan.id });
    expect(merged).toHaveLength(actions.length);
    expect(merged.find((row) => row.id === both!.id)?.title).toBe('Audit every open child in need case (lead’s wording)');
    expect(merged.find((row) => row.id === leadOnly!.id)?.title).toBe('Weekly huddles in every assessment team');
  } finally {
    await stopHost(lead);
  }
});

test('a file that is not a bundle is refused with what is wrong, and nothing changes', async ({ page, host, request }) => {
  const plan = await demoPlan(request, host);
  const before = await call<ActionRow[]>(request, host, 'actions.list', { planId: plan.id });
  const notABundle = path.join(host.dataDirectory, 'minutes.g2g');
  fs.writeFileSync(notABundle, '%PDF-1.7\nThese are the minutes of the board, not a plan bundle.\n');
  await chooseBundle(page, host, notABundle);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('“minutes.g2g” was not imported');
  await expect(refusal).toContainText(/not a plan bundle|not a zip/i);
  await expectNoAccessibilityViolations(page);
  expect(await call<ActionRow[]>(request, host, 'actions.list', { planId: plan.id })).toEqual(before);
});
