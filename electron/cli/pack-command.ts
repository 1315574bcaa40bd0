// `g2g pack`: a meeting's committee pack to PDF, and to Word, from the command line. The pack is
// printed exactly as the app prints it: the command serves the app to itself on 127.0.0.1 (a
// random port and a fresh token, for as long as it prints) and Chromium prints the pack's print
// view from there.
import path from 'node:path';
import { format, parseISO, subDays, subMonths } from 'date-fns';
import type { Committee } from '../../shared/contract';
import type { Pack } from '../../shared/contract-packs';
import { formatLongDate, londonDate } from '../../shared/dates';
import { describeFileSize, PACK_TEMPLATE_OF_COMMITTEE, type CommitteeKind, type PackTemplate } from '../../shared/vocabulary';
import { findUp } from '../core/paths';
import { findChromium } from '../core/printing/find-chromium';
import { serveApp, type ServedApp } from '../web/serve-app';
import { CommandFailure, EXIT_CODES_HELP, formatTable, UsageFailure, type DataCommand } from './command';
import { call, checkWritable, requiredOption, writeWhole } from './command-files';

/** The kind of report a committee receives; a committee of another kind gets the improvement board's. */
export function templateForCommittee(kind: CommitteeKind): PackTemplate {
  return PACK_TEMPLATE_OF_COMMITTEE[kind];
}

/** The three months before the meeting: from the same day three months earlier to the day before. */
export function periodBeforeMeeting(meetingDate: string): { periodStart: string; periodEnd: string } {
  const meeting = parseISO(meetingDate);
  return { periodStart: format(subMonths(meeting, 3), 'yyyy-MM-dd'), periodEnd: format(subDays(meeting, 1), 'yyyy-MM-dd') };
}

/** The pack a meeting has: the issued one if there is one, otherwise the draft worked on last. */
export function packForMeeting(packs: readonly Pack[], meetingId: string): Pack | null {
  const theirs = packs.filter((pack) => pack.meetingId === meetingId);
  const issued = theirs.filter((pack) => pack.status === 'issued').sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? ''));
  if (issued[0]) return issued[0];
  return [...theirs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}

/** Whom each kind of report goes to, as a sentence names them. */
const REPORT_TO: Record<PackTemplate, string> = {
  'improvement-board': 'an improvement board',
  cabinet: 'Cabinet',
  scrutiny: 'an overview and scrutiny committee',
  'corporate-parenting': 'a corporate parenting board',
};

const MEETINGS_LISTED = 10;

/** The refusal for a meeting id the plan does not have, with the meetings it does have next. */
function noSuchMeeting(planTitle: string, meetingId: string, committees: readonly Committee[], today: string): string {
  const known = committees
    .flatMap((committee) => committee.meetings.map((meeting) => ({ date: meeting.meetingDate, committee: committee.name, id: meeting.id })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.committee.localeCompare(b.committee));
  if (known.length === 0) return `“${planTitle}” has no meeting with the id “${meetingId}”: none of its committees has any meetings yet.`;
  const coming = known.filter((meeting) => meeting.date >= today);
  const listed = coming.length > 0 ? coming.slice(0, MEETINGS_LISTED) : known.slice(-MEETINGS_LISTED);
  const which = coming.length > 0 ? 'Its committees’ next meetings are' : 'Its committees’ last meetings were';
  const table = formatTable(
    ['Date', 'Committee', 'Meeting id'],
    listed.map((meeting) => [formatLongDate(meeting.date), meeting.committee, meeting.id]),
  );
  return `“${planTitle}” has no meeting with the id “${meetingId}”. ${which}:\n${table}`;
}

export const packCommand: DataCommand = {
  name: 'pack',
  summary: 'print the committee pack for a meeting to PDF, and to Word',
  options: { plan: { type: 'string' }, meeting: { type: 'string' }, pdf: { type: 'string' }, docx: { type: 'string' } },
  help: [
    'Usage: g2g pack --plan ID --meeting ID --pdf FILE [--docx FILE] [--json]',
    '',
    'Options:',
    '  --plan ID     the plan (g2g plans list shows each plan’s id)',
    '  --meeting ID  the meeting the pack goes to, one of the plan’s committees’ meetings',
    '  --pdf FILE    where to write the PDF',
    '  --docx FILE   also write the Word file here',
    '',
    'The pack printed is the meeting’s issued pack if it has one (its PDF as it was issued), otherwise',
    'its draft worked on last. A meeting with no pack gets a new draft, with the usual contents of the',
    'report its committee receives and the three months before the meeting as its reporting period.',
    'Printing needs Chromium (CHROMIUM_PATH to choose which).',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    if (context.args.length > 0) throw new UsageFailure(`“g2g pack” takes no further words, but was given “${context.args.join(' ')}”.`);
    const planId = requiredOption(context, 'pack', 'plan', 'ID (the plan’s id, from g2g plans list)');
    const meetingId = requiredOption(context, 'pack', 'meeting', 'ID (the meeting’s id)');
    const pdfFile = path.resolve(requiredOption(context, 'pack', 'pdf', 'FILE (where to write the PDF)'));
    const docxOption = context.options.docx;
    if (docxOption !== undefined && (typeof docxOption !== 'string' || docxOption.trim() === '')) {
      throw new UsageFailure('“g2g pack” needs a file name after --docx.');
    }
    const docxFile = typeof docxOption === 'string' ? path.resolve(docxOption.trim()) : null;
    if (docxFile === pdfFile) throw new UsageFailure('The PDF and the Word file must be written to different files.');
    checkWritable(pdfFile, 'PDF');
    if (docxFile) checkWritable(docxFile, 'Word file');

    const plans = await call(context, 'plans.list', {});
    const plan = plans.find((each) => each.id === planId);
    if (!plan) {
      throw new CommandFailure(
        `There is no plan with the id “${planId}” in ${context.app.core.dataDirectory}. “g2g plans list” shows each plan and its id.`,
      );
    }
    const committees = await call(context, 'committees.list', { planId });
    const committee = committees.find((each) => each.meetings.some((meeting) => meeting.id === meetingId));
    const meeting = committee?.meetings.find((each) => each.id === meetingId);
    if (!committee || !meeting) throw new CommandFailure(noSuchMeeting(plan.title, meetingId, committees, londonDate(context.app.core.clock())));

    let pack = packForMeeting(await call(context, 'packs.list', { planId }), meetingId);
    // An issued pack's PDF is kept with it; anything else needs Chromium, which is looked for
    // before a draft is made, so a machine without it is told so and left as it was.
    if (pack?.status !== 'issued' || docxFile) {
      try {
        findChromium();
      } catch (error) {
        throw new CommandFailure((error as Error).message);
      }
    }
    let made = false;
    if (!pack) {
      const template = templateForCommittee(committee.kind);
      const period = periodBeforeMeeting(meeting.meetingDate);
      pack = await call(context, 'packs.create', { planId, meetingId, template, ...period });
      made = true;
      if (!context.json) {
        context.out(
          `The ${committee.name} meeting on ${formatLongDate(meeting.meetingDate)} had no pack, so a draft was made with the usual contents ` +
            `of a report to ${REPORT_TO[template]}: ` +
            `“${pack.title}”, covering ${formatLongDate(period.periodStart)} to ${formatLongDate(period.periodEnd)}.`,
        );
      }
    }

    let rendererDirectory: string;
    try {
      rendererDirectory = findUp(import.meta.dirname, 'out/renderer');
    } catch {
      throw new CommandFailure('The app’s pages have not been built here, so the pack cannot be printed. Run “npm run build” first.');
    }
    let served: ServedApp;
    try {
      served = await serveApp(context.app, { rendererDirectory, port: 0 });
    } catch (error) {
      throw new CommandFailure(`The pack could not be printed, because the app could not be served to the printer on 127.0.0.1: ${(error as Error).message}`);
    }
    try {
      const pdf = await call(context, 'packs.pdf', { packId: pack.id });
      const pdfBytes = Buffer.from(pdf.base64, 'base64');
      writeWhole(pdfFile, pdfBytes, 'PDF');
      let docxBytes: Buffer | null = null;
      if (docxFile) {
        const images = await served.printer.chartImages(pack.id);
        const charts = Object.fromEntries([...images].map(([kpiId, png]) => [kpiId, Buffer.from(png).toString('base64')]));
        const docx = await call(context, 'packs.docx', { packId: pack.id, charts });
        docxBytes = Buffer.from(docx.base64, 'base64');
        writeWhole(docxFile, docxBytes, 'Word file');
      }
      if (context.json) {
        context.out(
          JSON.stringify(
            { packId: pack.id, title: pack.title, status: pack.status, made, meetingId, pdf: pdfFile, docx: docxFile },
            null,
            2,
          ),
        );
      } else {
        const state = pack.status === 'issued' && pack.issuedAt ? `issued on ${formatLongDate(londonDate(new Date(pack.issuedAt)))}` : 'draft';
        context.out(`“${pack.title}” (${state}) for the ${committee.name} on ${formatLongDate(meeting.meetingDate)}:`);
        context.out(`  PDF:  ${pdfFile} (${describeFileSize(pdfBytes.length)})`);
        if (docxFile && docxBytes) context.out(`  Word: ${docxFile} (${describeFileSize(docxBytes.length)})`);
      }
      return 0;
    } finally {
      await served.close();
    }
  },
};
