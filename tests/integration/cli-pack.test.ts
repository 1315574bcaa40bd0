// `g2g pack` as a user runs it: the built command in a child process, on a real data folder
// seeded with the demo plan, printing with Debian's Chromium. Needs `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format, parseISO, subMonths } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../shared/contract';
import { formatLongDate } from '../../shared/dates';
import { serveApp } from '../../electron/web/serve-app';
import { edges, flat, readPdf, zipParts } from './pack-pdf-reader';
import { g2g } from '../support/cli';
import { makeTempDirectory, openTestApp } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRINTING_TIMEOUT_MS = 120_000;

let folder: string;
let planId: string;
let committees: Committee[];

/** The first meeting on or after today of the committee of that kind. */
function nextMeeting(kind: Committee['kind']) {
  const committee = committees.find((each) => each.kind === kind)!;
  const today = format(new Date(), 'yyyy-MM-dd');
  return { committee, meeting: committee.meetings.find((meeting) => meeting.meetingDate >= today) ?? committee.meetings.at(-1)! };
}

async function packsOfPlan() {
  const app = openTestApp({ dataDirectory: folder });
  try {
    return await app.call('packs.list', { planId });
  } finally {
    app.close();
  }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('Build the app first (npm run build).');
  folder = makeTempDirectory('g2g-cli-pack-');
  const listed = await g2g(['plans', 'list', '--json', '--data-dir', folder]);
  expect(listed.status).toBe(0);
  planId = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;
  const app = openTestApp({ dataDirectory: folder });
  committees = await app.call('committees.list', { planId });
  app.close();
}, PRINTING_TIMEOUT_MS);

describe('g2g pack', () => {
  it('is listed in the help, and explains its options', async () => {
    expect((await g2g(['--help'])).stdout).toMatch(/^ {2}pack +print the committee pack for a meeting to PDF, and to Word$/m);
    const help = await g2g(['pack', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: g2g pack --plan ID --meeting ID --pdf FILE [--docx FILE] [--json]');
  });

  it('makes a draft for a meeting with no pack, says so, and writes the PDF and the Word file', async () => {
    const { committee, meeting } = nextMeeting('cabinet');
    const out = makeTempDirectory('g2g-cli-pack-out-');
    const pdfFile = path.join(out, 'cabinet.pdf');
    const docxFile = path.join(out, 'cabinet.docx');
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', pdfFile, '--docx', docxFile]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const start = format(subMonths(parseISO(meeting.meetingDate), 3), 'yyyy-MM-dd');
    const end = format(addDays(parseISO(meeting.meetingDate), -1), 'yyyy-MM-dd');
    expect(run.stdout).toContain(
      `The Cabinet meeting on ${formatLongDate(meeting.meetingDate)} had no pack, so a draft was made with the usual contents of a report to Cabinet: “Children’s services improvement: progress report to Cabinet”, covering ${formatLongDate(start)} to ${formatLongDate(end)}.`,
    );
    expect(run.stdout).toContain(`  PDF:  ${pdfFile} (`);
    expect(run.stdout).toContain(`  Word: ${docxFile} (`);

    const packs = await packsOfPlan();
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ meetingId: meeting.id, template: 'cabinet', periodStart: start, periodEnd: end, status: 'draft' });

    const pdf = readPdf(pdfFile);
    expect(flat(pdf.pages[0]!)).toContain(committee.name);
    expect(flat(pdf.pages[0]!)).toContain(formatLongDate(meeting.meetingDate));
    expect(pdf.pageCount).toBeGreaterThan(2);
    pdf.pages.forEach((page, index) => expect(edges(page)).toEqual({ top: 'OFFICIAL', bottom: `Page ${index + 1} of ${pdf.pageCount}` }));

    const app = openTestApp({ dataDirectory: folder });
    const document = await app.call('packs.document', { packId: packs[0]!.id });
    app.close();
    const charts = document.blocks.filter((block) => block.kind === 'chart').length;
    expect(charts).toBeGreaterThan(0);
    const parts = zipParts(fs.readFileSync(docxFile));
    expect(parts.get('word/document.xml')?.toString('utf8')).toContain('Children’s services improvement: progress report to Cabinet');
    const pictures = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    expect(pictures).toHaveLength(charts);
    for (const name of pictures) expect(parts.get(name)!.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  }, PRINTING_TIMEOUT_MS);

  it('prints the meeting’s draft again rather than making another', async () => {
    const { meeting } = nextMeeting('cabinet');
    const before = await packsOfPlan();
    const pdfFile = path.join(makeTempDirectory('g2g-cli-pack-out-'), 'again.pdf');
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', pdfFile, '--json']);
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { packId: string; made: boolean; status: string; pdf: string; docx: string | null };
    expect(answer).toMatchObject({ packId: before[0]!.id, made: false, status: 'draft', pdf: pdfFile, docx: null });
    expect(await packsOfPlan()).toHaveLength(before.length);
    expect(readPdf(pdfFile).info.Tagged).toBe('yes');
  }, PRINTING_TIMEOUT_MS);

  it('writes an issued pack’s PDF as it was issued, needing no browser for it', async () => {
    const { meeting } = nextMeeting('improvement-board');
    const app = openTestApp({ dataDirectory: folder });
    const served = await serveApp(app, { rendererDirectory: path.join(ROOT, 'out/renderer') });
    let issuedPdf: Buffer;
    let packId: string;
    try {
      const pack = await app.call('packs.create', { planId, meetingId: meeting.id, template: 'improvement-board', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
      packId = pack.id;
      await app.call('packs.issue', { packId });
      issuedPdf = Buffer.from((await app.call('packs.pdf', { packId })).base64, 'base64');
      // A newer draft for the same meeting does not displace the issued pack.
      await app.call('packs.create', { planId, meetingId: meeting.id, template: 'improvement-board', periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    } finally {
      await served.close();
      app.close();
    }
    const pdfFile = path.join(makeTempDirectory('g2g-cli-pack-out-'), 'issued.pdf');
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', pdfFile], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(issued on \d{1,2} \w+ \d{4}\) for the Children’s Services Improvement Board on /);
    expect(fs.readFileSync(pdfFile).equals(issuedPdf)).toBe(true);
    expect(packId).toBeDefined();
  }, PRINTING_TIMEOUT_MS);
});

describe('g2g pack refuses, plainly and changing nothing,', () => {
  it('a plan id this folder does not have', async () => {
    const run = await g2g(['pack', '--data-dir', folder, '--plan', 'not-a-plan', '--meeting', 'x', '--pdf', path.join(makeTempDirectory(), 'a.pdf')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`There is no plan with the id “not-a-plan” in ${folder}. “g2g plans list” shows each plan and its id.`);
  });

  it('a meeting id the plan does not have, listing its next meetings', async () => {
    const before = await packsOfPlan();
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', 'no-such-meeting', '--pdf', path.join(makeTempDirectory(), 'a.pdf')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('“Children’s Services Improvement Plan 2025 to 2028” has no meeting with the id “no-such-meeting”. Its committees’ next meetings are:');
    const { meeting } = nextMeeting('cabinet');
    expect(run.stderr).toContain(meeting.id);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(13);
    expect(await packsOfPlan()).toEqual(before);
  });

  it('a folder it cannot write the PDF or the Word file to', async () => {
    const before = await packsOfPlan();
    const { meeting } = nextMeeting('corporate-parenting');
    const missing = path.join(makeTempDirectory(), 'no such folder', 'pack.pdf');
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`The PDF cannot be written to ${missing}: the folder ${path.dirname(missing)} does not exist.`);

    const aFile = path.join(makeTempDirectory(), 'notes.txt');
    fs.writeFileSync(aFile, 'notes');
    const underFile = path.join(aFile, 'pack.docx');
    const docx = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', path.join(makeTempDirectory(), 'ok.pdf'), '--docx', underFile]);
    expect(docx.status).toBe(1);
    expect(docx.stderr.trim()).toBe(`The Word file cannot be written to ${underFile}: ${aFile} is a file, not a folder.`);
    expect(await packsOfPlan()).toEqual(before);
  });

  it('a machine without Chromium, before making a draft', async () => {
    const before = await packsOfPlan();
    const { meeting } = nextMeeting('scrutiny');
    const out = makeTempDirectory();
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', meeting.id, '--pdf', path.join(out, 'a.pdf')], {
      CHROMIUM_PATH: '/nowhere/chromium',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CHROMIUM_PATH names “/nowhere/chromium”, which is not a program on this computer');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await packsOfPlan()).toEqual(before);
  });

  it('a command missing what it needs, with exit code 2', async () => {
    const run = await g2g(['pack', '--data-dir', folder, '--plan', planId]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('“g2g pack” needs --meeting ID');
    const same = await g2g(['pack', '--data-dir', folder, '--plan', planId, '--meeting', 'm', '--pdf', 'a.pdf', '--docx', 'a.pdf']);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('The PDF and the Word file must be written to different files.');
  });
});
