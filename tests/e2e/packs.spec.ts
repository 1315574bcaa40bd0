import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { addDays, format, parseISO, subMonths } from 'date-fns';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionRow, Committee, Meeting } from '../../shared/contract';
import type { Pack, PackDocument, PackFile } from '../../shared/contract-packs';
import { formatLongDate, londonDate } from '../../shared/dates';
import { expect, test, type RunningHost } from './fixtures';
import { call, demoPlanId, expectNoAccessibilityViolations, openPlanPage } from './support';

const PREVIEW = 'Preview of the pack, page by page';
const SUMMARY = [
  'The plan moved forward in the quarter: the front door now answers within a working day.',
  'The fourth monitoring visit found leaders know the quality of practice well.',
];
const RECOMMENDATION = 'The Board is recommended to note the progress made and to agree the escalation of the red actions.';
const AUTHOR = 'Sam Patel, Improvement Manager';

/** The next meeting of the plan's committee of this kind, and its label in the choice of meetings. */
async function nextMeeting(request: APIRequestContext, host: RunningHost, planId: string, kind: Committee['kind']) {
  const committees = await call<Committee[]>(request, host, 'committees.list', { planId });
  const committee = committees.find((candidate) => candidate.kind === kind);
  const today = londonDate(new Date());
  const meeting = committee?.meetings.filter((candidate) => candidate.meetingDate >= today).sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))[0];
  if (!committee || !meeting) throw new Error(`The demo plan has no meeting to come of a committee of kind ${kind}`);
  const label = `${committee.name}, ${formatLongDate(meeting.meetingDate)}${meeting.agendaItem ? `, agenda item ${meeting.agendaItem}` : ''}`;
  return { committee, meeting, label };
}

/** A draft pack for the meeting, with its written parts, made through the contract. */
async function draftPack(request: APIRequestContext, host: RunningHost, planId: string, meeting: Meeting): Promise<Pack> {
  const meetingDate = parseISO(meeting.meetingDate);
  const pack = await call<Pack>(request, host, 'packs.create', {
    planId,
    meetingId: meeting.id,
    template: 'improvement-board',
    periodStart: format(subMonths(meetingDate, 3), 'yyyy-MM-dd'),
    periodEnd: format(addDays(meetingDate, -1), 'yyyy-MM-dd'),
  });
  return call<Pack>(request, host, 'packs.update', {
    packId: pack.id,
    content: { summary: SUMMARY.join('\n\n'), recommendations: RECOMMENDATION, cover: { author: AUTHOR } },
  });
}

const packDocument = (request: APIRequestContext, host: RunningHost, packId: string) => call<PackDocument>(request, host, 'packs.document', { packId });

/** "3 Progress by theme": each numbered section's heading as it prints. */
function sectionHeadings(report: PackDocument): string[] {
  return report.blocks.flatMap((block) => (block.kind === 'heading' && block.level === 1 ? [block.number ? `${block.number} ${block.text}` : block.text] : []));
}

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, presses = 120): Promise<void> {
  for (let pressed = 0; pressed < presses; pressed += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()}`);
}

/** Ticks or clears a checkbox by clicking its label, as a person does. */
async function setChecked(checkbox: Locator, checked: boolean): Promise<void> {
  if ((await checkbox.isChecked()) !== checked) await checkbox.locator('xpath=ancestor::label').click();
  if (checked) await expect(checkbox).toBeChecked();
  else await expect(checkbox).not.toBeChecked();
}

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ');

function pdfText(file: string): string {
  return oneSpaced(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

function pdfInfo(file: string): { pages: number; tagged: boolean } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0), tagged: /^Tagged:\s+yes/m.test(info) };
}

/** What every printed copy of the pack must show: its sections, its cover, the marking and page numbers. */
function expectPrintedPack(text: string, report: PackDocument, committeeName: string): void {
  for (const heading of sectionHeadings(report)) expect(text).toContain(oneSpaced(heading));
  expect(text).toContain(committeeName);
  expect(text).toContain(report.cover.meetingDate);
  expect(text).toContain(AUTHOR);
  expect(text).toContain(SUMMARY[0]);
  expect(text).toContain(report.marking);
  expect(text).toMatch(/Page 1 of \d+/);
}

test.describe('committee packs', () => {
  test('a pack is built for a meeting, written, its sections chosen, and previewed with its cover and numbered sections', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const board = await nextMeeting(context.request, host, planId, 'improvement-board');
    const cabinet = await nextMeeting(context.request, host, planId, 'cabinet');
    await openPlanPage(page, host, planId, 'packs', 'Committee packs');
    await expect(page.getByText('No packs yet.')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Build a pack' }).click();
    const dialog = page.getByRole('dialog', { name: 'Build a committee pack' });
    // The kind of report follows the committee's kind, and the period the meeting's date.
    await dialog.getByRole('button', { name: /Meeting/ }).click();
    await page.getByRole('option', { name: cabinet.label, exact: true }).click();
    await expect(dialog.getByRole('button', { name: /Kind of report/ })).toContainText('Cabinet');
    await dialog.getByRole('button', { name: /Meeting/ }).click();
    await page.getByRole('option', { name: board.label, exact: true }).click();
    await expect(dialog.getByRole('button', { name: /Kind of report/ })).toContainText('Improvement board');
    const meetingDate = parseISO(board.meeting.meetingDate);
    await expect(dialog.getByLabel('Reporting period from')).toHaveValue(format(subMonths(meetingDate, 3), 'yyyy-MM-dd'));
    await expect(dialog.getByLabel('to', { exact: true })).toHaveValue(format(addDays(meetingDate, -1), 'yyyy-MM-dd'));
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Build the pack' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/#\/plans\/[^/]+\/packs\/[^/]+$/);
    const packId = page.url().split('/').at(-1) ?? '';
    const preview = page.getByRole('region', { name: PREVIEW });
    await expect(preview.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible();

    await page.getByLabel('Summary', { exact: true }).fill(SUMMARY.join('\n\n'));
    await page.getByLabel('Recommendations', { exact: true }).fill(RECOMMENDATION);
    await page.getByLabel('Report author').fill(AUTHOR);
    await setChecked(page.getByRole('checkbox', { name: 'Finance' }), false);
    await setChecked(page.getByRole('checkbox', { name: /Appendix A: the action plan/ }), true);
    await page.getByRole('button', { name: 'Save and update the preview' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. The preview shows the pack as it now prints.' })).toBeVisible();

    const report = await packDocument(context.request, host, packId);
    const headings = sectionHeadings(report);
    expect(headings.some((heading) => heading.includes('Finance'))).toBe(false);
    expect(headings.some((heading) => heading.includes('Appendix'))).toBe(true);
    // Every section's heading shows, numbered, and nothing of the left-out finance section.
    for (const heading of headings) await expect(preview.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(preview.getByRole('heading', { name: /Finance$/ })).toHaveCount(0);
    // The written summary prints as numbered paragraphs under its numbered heading.
    const summary = report.blocks.find((block) => block.kind === 'heading' && block.text === 'Summary');
    const number = summary?.kind === 'heading' ? summary.number : null;
    expect(number).toMatch(/^\d+$/);
    for (const [index, paragraph] of SUMMARY.entries()) {
      await expect(preview.locator('.pack-paragraph', { hasText: paragraph })).toHaveText(`${number}.${index + 1}${paragraph}`);
    }
    await expect(preview.locator('.pack-paragraph', { hasText: RECOMMENDATION })).toContainText(/^\d+\.1/);
    // The cover sheet: the meeting and the report's particulars.
    const cover = preview.getByRole('group', { name: /^Page 1 of \d+$/ });
    await expect(cover.getByRole('row', { name: `Committee ${board.committee.name}` })).toBeVisible();
    await expect(cover.getByRole('row', { name: `Date of meeting ${formatLongDate(board.meeting.meetingDate)}` })).toBeVisible();
    await expect(cover.getByRole('row', { name: `Agenda item ${board.meeting.agendaItem}` })).toBeVisible();
    await expect(cover.getByRole('row', { name: `Report author ${AUTHOR}` })).toBeVisible();
    await expect(cover).toContainText(report.marking);
    // Each page says which page of how many it is.
    const pages = await preview.getByRole('group', { name: /^Page \d+ of \d+$/ }).count();
    expect(pages).toBeGreaterThan(3);
    await expect(preview.getByRole('group', { name: `Page ${pages} of ${pages}` })).toContainText(`Page ${pages} of ${pages}`);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Committee packs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Committee packs' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(board.committee.name) });
    await expect(row).toContainText(formatLongDate(board.meeting.meetingDate));
    await expect(row).toContainText('Improvement board');
    await expect(row).toContainText('Draft');
    await expectNoAccessibilityViolations(page);
  });

  test('a pack is built and written with the keyboard alone', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    await openPlanPage(page, host, planId, 'packs', 'Committee packs');
    await tabTo(page, page.getByRole('button', { name: 'Build a pack' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Build a committee pack' });
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('button', { name: 'Build the pack' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: PREVIEW })).toBeVisible();

    const summary = page.getByLabel('Summary', { exact: true });
    await tabTo(page, summary);
    await page.keyboard.type('Written without a mouse.');
    await tabTo(page, page.getByRole('button', { name: 'Save and update the preview' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: PREVIEW }).locator('.pack-paragraph', { hasText: 'Written without a mouse.' })).toBeVisible();

    // The issue dialog opens from the keyboard, and Escape closes it with nothing changed.
    const issue = page.getByRole('button', { name: 'Issue the pack' });
    await tabTo(page, issue);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Issue this pack to the meeting?' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(issue).toBeFocused();
    // The preview scrolls from the keyboard.
    await tabTo(page, page.getByRole('region', { name: PREVIEW }));
  });

  test('a period that ends before it starts is refused at its field, and nothing is saved', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const { meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);
    await page.getByLabel('Summary', { exact: true }).fill('A summary that must not be saved.');
    await page.getByLabel('to', { exact: true }).fill(format(addDays(parseISO(pack.periodStart), -1), 'yyyy-MM-dd'));
    await page.getByRole('button', { name: 'Save and update the preview' }).click();
    const field = page.getByLabel('to', { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('The reporting period cannot end before it starts').first()).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved');
    expect(await call<Pack>(context.request, host, 'packs.get', { packId: pack.id })).toEqual(pack);
    await expectNoAccessibilityViolations(page);
  });

  test('Print opens the print view alone, which draws the pack and opens the print dialog', async ({ page, host, context }) => {
    await context.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printed = String(Number(document.documentElement.dataset.printed ?? '0') + 1);
      };
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective}`));
    });
    const problems: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error' && message.page() !== page) problems.push(message.text());
    });
    const planId = await demoPlanId(context.request, host);
    const { meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    const report = await packDocument(context.request, host, pack.id);
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);

    const opening = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    const view = await opening;
    view.on('pageerror', (error) => problems.push(error.message));
    await expect(view.locator('html[data-pack-ready="true"]')).toHaveCount(1);
    await expect(view.locator('html[data-printed="1"]')).toHaveCount(1);
    await expect(view).toHaveURL(new RegExp(`#/print/packs/${pack.id}\\?print=true$`));
    // The report alone: no header, navigation, footer or control.
    await expect(view.getByRole('navigation')).toHaveCount(0);
    await expect(view.getByRole('button')).toHaveCount(0);
    await expect(view.getByRole('contentinfo')).toHaveCount(0);
    // Real headings, the sections as h1, for the PDF's outline.
    await expect(view.getByRole('heading', { level: 1, name: pack.title })).toBeVisible();
    for (const heading of sectionHeadings(report)) await expect(view.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(view.getByText(report.marking, { exact: true })).toBeVisible();
    // Every chart as an image of its KPI, named by its description, its caption beneath.
    const charts = report.blocks.filter((block) => block.kind === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    await expect(view.locator('img[data-kpi-id]')).toHaveCount(charts.length);
    for (const chart of charts) {
      const image = view.locator(`img[data-kpi-id="${chart.kpiId}"]`);
      await expect(image).toHaveAttribute('alt', chart.description);
      await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
      expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(1000);
      await expect(view.locator('figure', { has: image }).locator('figcaption')).toHaveText(chart.caption);
    }
    // A RAG in a table is its word and its shape.
    await expect(view.locator('.pack-table .rag-red').first()).toContainText('Red');
    await expect(view.locator('.pack-table .rag-red svg').first()).toBeAttached();
    await expectNoAccessibilityViolations(view);
    expect(problems).toEqual([]);
  });

  test('where no window may open, as in the desktop app, Print shows the print view in the same window and comes back', async ({ page, host, context }) => {
    await context.addInitScript(() => {
      window.open = () => null;
      window.print = () => {
        document.documentElement.dataset.printed = 'true';
      };
    });
    const planId = await demoPlanId(context.request, host);
    const { meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);
    const printed = page.waitForURL(new RegExp(`#/print/packs/${pack.id}\\?print=true&back=true$`));
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await printed;
    await expect(page.locator('html[data-printed="true"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1, name: pack.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/packs/${pack.id}$`));
    await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  });

  test('an issued pack is frozen: no edits, and its document and PDF stay as issued when the plan changes', async ({ page, host, context }) => {
    test.setTimeout(180_000);
    const planId = await demoPlanId(context.request, host);
    const { committee, meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);

    await page.getByRole('button', { name: 'Issue the pack' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue this pack to the meeting?' });
    await expect(dialog).toContainText('its PDF and the figures it shows are kept exactly as they are now');
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Issue the pack' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 90_000 });
    const issued = page.getByRole('heading', { name: 'Issued', exact: true });
    await expect(issued).toBeVisible();
    await expect(page.getByText(/^Issued on \d{1,2} \w+ \d{4}/)).toBeVisible();
    // Only downloads are offered: no field, no save, no issue, no delete.
    await expect(page.getByRole('textbox')).toHaveCount(0);
    for (const name of ['Save and update the preview', 'Issue the pack', /^Delete/]) await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Download PDF' })).toBeEnabled();
    await expectNoAccessibilityViolations(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await download.path();
    const frozen = await packDocument(context.request, host, pack.id);
    expect(frozen.issued).toBe(true);
    expectPrintedPack(pdfText(pdf), frozen, committee.name);
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(3);
    expect(info.pages).toBeLessThan(80);
    expect(info.tagged).toBe(true);
    // The preview's pages are the printed pages, give or take a break the printer makes differently.
    const previewPages = await page.getByRole('region', { name: PREVIEW }).getByRole('group', { name: /^Page \d+ of \d+$/ }).count();
    expect(Math.abs(previewPages - info.pages)).toBeLessThanOrEqual(1);

    // A draft for the same meeting shows the plan as it is now, so a change to the plan shows there.
    const draft = await draftPack(context.request, host, planId, meeting);
    const draftBefore = await packDocument(context.request, host, draft.id);
    const actions = await call<ActionRow[]>(context.request, host, 'actions.list', { planId });
    const green = actions.find((action) => action.rag === 'green');
    if (!green) throw new Error('The demo plan has no green action');
    await call(context.request, host, 'actions.update', { actionId: green.id, rag: 'red' });
    const draftAfter = await packDocument(context.request, host, draft.id);
    expect({ ...draftAfter, madeAt: '' }).not.toEqual({ ...draftBefore, madeAt: '' });

    expect(await packDocument(context.request, host, pack.id)).toEqual(frozen);
    const again = await call<PackFile>(context.request, host, 'packs.pdf', { packId: pack.id });
    expect(Buffer.from(again.base64, 'base64').equals(fs.readFileSync(pdf))).toBe(true);
    await page.reload();
    await expect(issued).toBeVisible();
    await expect(page.getByRole('region', { name: PREVIEW }).getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible();

    // The committee's next pack reports from where the issued one ended.
    const following = committee.meetings.filter((candidate) => candidate.meetingDate > meeting.meetingDate).sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))[0];
    if (!following) throw new Error('The board has no later meeting');
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Committee packs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Committee packs' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(pack.title) }).filter({ hasText: 'Issued' })).toContainText(/Issued \d{1,2} \w+ \d{4}/);
    await page.getByRole('button', { name: 'Build a pack' }).click();
    const build = page.getByRole('dialog', { name: 'Build a committee pack' });
    await build.getByRole('button', { name: /Meeting/ }).click();
    await page.getByRole('option', { name: `${committee.name}, ${formatLongDate(following.meetingDate)}, agenda item ${following.agendaItem}`, exact: true }).click();
    await expect(build.getByLabel('Reporting period from')).toHaveValue(format(addDays(parseISO(pack.periodEnd), 1), 'yyyy-MM-dd'));
    await expect(build.getByLabel('to', { exact: true })).toHaveValue(format(addDays(parseISO(following.meetingDate), -1), 'yyyy-MM-dd'));
  });

  test('a superseded version’s packs offer no edit controls, only printing and downloads', async ({ page, host, context }) => {
    const planId = await demoPlanId(context.request, host);
    const { meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    await call(context.request, host, 'plans.refresh', { planId, reason: 'Refreshed after the fourth monitoring visit.' });
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);
    await expect(page.getByRole('region', { name: PREVIEW }).getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible();
    await expect(page.getByText('This version of the plan has been superseded')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    for (const name of ['Save and update the preview', 'Issue the pack', /^Delete/]) await expect(page.getByRole('button', { name })).toHaveCount(0);
    for (const name of ['Print', 'Download PDF', 'Download Word']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Committee packs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Committee packs' })).toBeVisible();
    await expect(page.getByRole('link', { name: pack.title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Build a pack' })).toHaveCount(0);
  });

  test('the Word file has the pack’s headings, cover and charts, and prints in LibreOffice', async ({ page, host, context }) => {
    test.setTimeout(180_000);
    const planId = await demoPlanId(context.request, host);
    const { committee, meeting } = await nextMeeting(context.request, host, planId, 'improvement-board');
    const pack = await draftPack(context.request, host, planId, meeting);
    const report = await packDocument(context.request, host, pack.id);
    await openPlanPage(page, host, planId, `packs/${pack.id}`, pack.title);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Word' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await expect(page.getByRole('status').filter({ hasText: `Downloaded “${download.suggestedFilename()}”.` })).toBeVisible();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-docx-'));
    const docx = path.join(folder, 'pack.docx');
    await download.saveAs(docx);
    const listing = execFileSync('unzip', ['-l', docx], { encoding: 'utf8' });
    const charts = report.blocks.filter((block) => block.kind === 'chart').length;
    expect(charts).toBeGreaterThan(0);
    expect(listing.match(/word\/media\/\S+\.png/g)?.length ?? 0).toBeGreaterThanOrEqual(charts);

    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(folder, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const printed = path.join(folder, 'pack.pdf');
    expectPrintedPack(pdfText(printed), report, committee.name);
    expect(pdfInfo(printed).pages).toBeGreaterThan(3);
  });
});
