// The parts of a bundle for people without the app: the plan printed as a committee-style
// report, the action plan and KPIs as a spreadsheet, and a README saying what the files are,
// how the bundle is marked, and the fingerprint to check with the sender.
import { newId } from '../../../db/ids';
import type { packs } from '../../../db/schema';
import { formatLongDate, londonDate } from '../../../shared/dates';
import type { PackContent, PackDocument } from '../../../shared/contract-packs';
import { PACK_SECTIONS } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { CLASSIFICATION_LABELS, type Classification } from '../../../shared/vocabulary';
import { holdPackDocument } from '../handlers/packs';
import { buildPackDocument, defaultContent } from '../packs/document';
import { readPlanTables } from '../spreadsheets/plan-tables';
import { runTask } from '../threads/worker-thread';
import { PDF_ENTRY, XLSX_ENTRY } from './manifest';

export type Marking = (typeof CLASSIFICATION_LABELS)[Classification];

/** The marking printed for a classification, as the app prints it everywhere. */
export function markingOf(classification: Classification): Marking {
  return CLASSIFICATION_LABELS[classification];
}

/**
 * The plan as an improvement board report (every section and the action plan as an appendix),
 * printed to PDF. The document is held in memory under an id of its own while it prints, so the
 * print view shows it as it would a pack; nothing of it is saved.
 */
export async function planPdf(core: Core, plan: { id: string; title: string; startDate: string | null }, marking: Marking): Promise<Buffer | null> {
  const printer = core.printer;
  if (!printer) return null;
  const now = core.clock().toISOString();
  const today = londonDate(core.clock());
  const content: PackContent = {
    ...defaultContent('improvement-board'),
    sections: [...PACK_SECTIONS],
    summary: `This report sets out ${plan.title} as it stood on ${formatLongDate(today)}, for readers of the plan bundle it came with.`,
    recommendations: 'Readers are asked to note the plan and its progress as set out below. This copy was not written for a meeting and asks for no decision.',
    nextSteps: 'The next steps are the plan’s open actions, with their owners and due dates, in Appendix A.',
    implications: {
      financial: 'The plan’s budget lines and spend are set out in the finance section above.',
      legal: 'Not covered by this copy of the plan; see the plan’s committee reports.',
      equalities: 'Not covered by this copy of the plan; see the plan’s committee reports.',
      risk: 'Not covered by this copy of the plan; see the plan’s committee reports.',
    },
  };
  const row: typeof packs.$inferSelect = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    updatedBy: core.actor,
    revision: 1,
    deletedAt: null,
    planId: plan.id,
    meetingId: null,
    template: 'improvement-board',
    title: `${plan.title}: improvement plan`,
    periodStart: plan.startDate && plan.startDate <= today ? plan.startDate : today,
    periodEnd: today,
    status: 'draft',
    content: content as unknown as Record<string, unknown>,
    issuedAt: null,
    issuedBy: null,
    issuedSnapshot: null,
    pdfHash: null,
  };
  const built = buildPackDocument(core, row);
  const period = built.cover.fields.find((field) => field.label === 'Reporting period');
  const document: PackDocument = {
    ...built,
    marking,
    cover: {
      // A copy of the plan, not a report to a meeting: the cover names no committee or meeting.
      committee: '',
      meetingDate: '',
      agendaItem: null,
      fields: [
        { label: 'What this is', value: 'A copy of the plan sent with a plan bundle, not a report to a meeting' },
        ...(period ? [period] : []),
        { label: 'Copy made on', value: formatLongDate(today) },
        { label: 'Made by', value: core.actor },
        { label: 'Classification', value: marking === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE: not for publication' : 'OFFICIAL' },
      ],
    },
  };
  const release = holdPackDocument(core, document);
  try {
    return Buffer.from(await printer.printPack(row.id));
  } finally {
    release();
  }
}

/**
 * The action plan and KPIs of the bundle's scope as a workbook for Excel, its parts left for the
 * bundle to pack. The tables are read now; the workbook is built on another thread, so the bundle
 * goes on with its own work meanwhile.
 */
export function actionPlanWorkbook(core: Core, scope: { planId: string; themeId: string | null }): Promise<Buffer> {
  const tables = readPlanTables(core, scope.planId, scope.themeId);
  return runTask('workbook', { tables, actor: core.actor, now: core.clock(), deflated: false }).then((built) => built.value);
}

export interface ReadmeFacts {
  marking: Marking;
  authority: string;
  planTitle: string;
  themeTitle: string | null;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  fingerprint: string;
  files: string[];
  attachments: number;
}

/** README.txt: what the bundle is and how to read it without the app. */
export function readmeText(facts: ReadmeFacts): string {
  const made = new Date(facts.createdAt);
  const what = facts.themeTitle ? `the part of ${facts.planTitle} for the theme “${facts.themeTitle}”` : facts.planTitle;
  const lines = [
    facts.marking,
    '',
    `${facts.authority}: ${what}`,
    `A plan bundle made on ${formatLongDate(londonDate(made))} by ${facts.createdBy}, with Getting to Good ${facts.appVersion}.`,
    '',
    'WHAT THE FILES ARE',
    ...(facts.files.includes(PDF_ENTRY) ? [`${PDF_ENTRY}: the plan as a report, to read or print.`] : []),
    ...(facts.files.includes(XLSX_ENTRY) ? [`${XLSX_ENTRY}: the action plan and KPIs as a spreadsheet, for Excel or any spreadsheet program.`] : []),
    'data.json: every record of the plan, for another copy of Getting to Good to import.',
    ...(facts.attachments > 0 ? [`attachments/: the ${facts.attachments === 1 ? 'file' : `${facts.attachments} files`} of evidence, each named by its SHA-256 checksum.`] : []),
    'manifest.json and signature.json: the list of files with their sizes and checksums, signed by the installation that made the bundle.',
    '',
    'HANDLING',
    `This bundle is marked ${facts.marking}. Store, send and share it as your organisation’s policy for information marked ${facts.marking} requires.` +
      (facts.marking === 'OFFICIAL-SENSITIVE' ? ' Do not forward it beyond the people it was meant for.' : ''),
    '',
    'CHECKING WHO MADE IT',
    'The bundle is signed with the key of the installation that made it. Its fingerprint is:',
    '',
    `    ${facts.fingerprint}`,
    '',
    'Before importing it, check this fingerprint with the sender by phone or in person. Getting to Good shows it when it opens the bundle.',
    '',
    'OPENING IT WITHOUT THE APP',
    'The bundle is a zip archive. Save it, change the end of its name from .g2g to .zip, then open it (in Windows, right-click it and choose Extract All). The readable copies are in the folder “readable”.',
    '',
    'IMPORTING IT INTO GETTING TO GOOD',
    'Choose Import a bundle and choose this file. The app checks the signature and every file, shows what would change, takes a backup, and only then imports it.',
    '',
  ];
  return lines.join('\r\n');
}
