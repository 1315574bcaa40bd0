// Making a bundle: the plan's records (or one theme's part), its attachments, the readable
// copies and the README, listed in a manifest signed with this installation's key, and locked
// with a passphrase if one is given. Exporting changes no plan data, so it is no audited change;
// it is logged, and the hash of every record sent is kept as its base for merging what comes back.
import { eq, inArray } from 'drizzle-orm';
import { newId } from '../../../db/ids';
import { attachments as attachmentsTable, auditLog, bundleLog } from '../../../db/schema';
import type { ExportedBundle } from '../../../shared/contract-bundles';
import { londonDate } from '../../../shared/dates';
import type { AppError } from '../../../shared/errors';
import { describeFileSize } from '../../../shared/vocabulary';
import type { ParsedInput } from '../../../shared/contract';
import type { Core } from '../core';
import { ArchiveWriter, BUNDLE_LIMITS, sizeProblem, type ArchiveEntry } from './archive';
import { encryptBundle } from './envelope';
import {
  ATTACHMENTS_FOLDER,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  DATA_ENTRY,
  listFiles,
  MANIFEST_ENTRY,
  PDF_ENTRY,
  README_ENTRY,
  SIGNATURE_ENTRY,
  signManifest,
  XLSX_ENTRY,
  type Manifest,
} from './manifest';
import { basesOf } from './merge';
import { collectPlanData, countRecords } from './plan-data';
import { actionPlanWorkbook, markingOf, planPdf, readmeText, type Marking } from './readable';
import type { BundleRow } from './record-schemas';
import { loadOrCreateInstallationKey } from './signing';
import { holdExport } from './transfers';
import { refusal } from './refusals';

const BATCH = 500;

/** Files that are already compressed gain nothing from deflating again. */
const STORED_TYPES = /pdf|zip|compressed|octet-stream|officedocument|image\/(png|jpe?g|gif|webp)|audio\/|video\//;

/** "Northmoor" of "Northmoor Borough Council", as people name a council in a file name. */
export function councilShortName(name: string): string {
  const short = name
    .replace(/^(London Borough of|Royal Borough of|City of|Borough of|County of)\s+/i, '')
    .replace(/\s+(Metropolitan Borough|Metropolitan District|Borough|City|County|District|Unitary)?\s*Council$/i, '')
    .trim();
  return short || name;
}

/** Letters, digits and the punctuation every file system takes; anything else becomes a space. */
function safeFileName(text: string): string {
  return text.replace(/[^\p{L}\p{N} ,.()’'&-]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

export function bundleTitle(authority: string, plan: { title: string; kind: string; version: number }, theme: { reference: string; title: string } | null): string {
  const base = plan.kind === 'main' ? `${councilShortName(authority)} improvement plan` : `${councilShortName(authority)} ${plan.title}`;
  const version = plan.version > 1 ? ` version ${plan.version}` : '';
  return theme ? `${base}${version}, theme ${theme.reference} ${theme.title}` : `${base}${version}`;
}

/** "Northmoor improvement plan 2026-11-22 OFFICIAL-SENSITIVE.g2g". */
export function bundleFileName(title: string, date: string, marking: Marking): string {
  const name = safeFileName(`${title} ${date} ${marking}`).slice(0, 200);
  return `${name}.g2g`;
}

function readBases(core: Core, tables: Map<string, BundleRow[]>): Record<string, Record<string, string | null>> {
  const bases: Record<string, Record<string, string | null>> = {};
  for (const [table, rows] of tables) {
    if (rows.length === 0) continue;
    const known = basesOf(core.db, table, rows.map((row) => row.id));
    bases[table] = Object.fromEntries(rows.map((row) => [row.id, known.get(row.id) ?? null]));
  }
  return bases;
}

function readAttachments(core: Core, hashes: string[]) {
  const found: (typeof attachmentsTable.$inferSelect)[] = [];
  const sorted = [...hashes].sort();
  for (let start = 0; start < sorted.length; start += BATCH) {
    found.push(...core.db.select().from(attachmentsTable).where(inArray(attachmentsTable.hash, sorted.slice(start, start + BATCH))).all());
  }
  return found.sort((a, b) => (a.hash < b.hash ? -1 : 1));
}

/** The plan's history, for reading: the entries of the records the bundle holds. */
function readAudit(core: Core, planId: string, tables: Map<string, BundleRow[]>) {
  const ids = new Set<string>();
  for (const rows of tables.values()) for (const row of rows) ids.add(row.id);
  return core.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.planId, planId))
    .orderBy(auditLog.sequence)
    .all()
    .filter((entry) => ids.has(entry.entityId));
}

export interface EmailWords {
  subject: string;
  text: string;
}

/** The email a bundle goes with: the marking first, what it is, the fingerprint, how to open it. */
export function emailWords(facts: { marking: Marking; title: string; authority: string; fileName: string; fingerprint: string; encrypted: boolean; readableCopies: string[]; createdBy: string }): EmailWords {
  const copies = facts.readableCopies.map((copy) => (copy === 'plan.pdf' ? 'the plan as a PDF report' : 'the action plan and KPIs as a spreadsheet'));
  const lines = [
    facts.marking,
    '',
    'Hello,',
    '',
    `Attached is ${facts.fileName}, a plan bundle of ${facts.title} (${facts.authority}) from Getting to Good.`,
    '',
    `It holds the plan’s data, for import into Getting to Good${copies.length > 0 ? `, and ${copies.join(' and ')}, for anyone without the app` : ''}.`,
    facts.encrypted
      ? 'It is locked with a passphrase, which I will give you separately (by phone or another message), never in this email.'
      : 'It is not locked with a passphrase.',
    '',
    'To read it without the app: save the attachment, change the end of its name from .g2g to .zip and open it; the readable copies are in the folder “readable”.' +
      (facts.encrypted ? ' As it is locked, it can be opened only in Getting to Good, with the passphrase.' : ''),
    'To import it into Getting to Good: choose Import a bundle and choose the file.',
    '',
    'The bundle is signed. Before importing it, check that the fingerprint the app shows is this one:',
    facts.fingerprint,
    '',
    `This email and its attachment are marked ${facts.marking}; handle them as your organisation’s policy requires.`,
    '',
    facts.createdBy,
    '',
  ];
  return { subject: `[${facts.marking}] ${facts.title}: plan bundle`, text: lines.join('\n') };
}

/** Refuses to make a bundle that an import would refuse for its size, saying what to send instead. */
function tooLargeToSend(entry: string | null, words: string, isTheme: boolean): AppError {
  const advice =
    entry === DATA_ENTRY
      ? isTheme
        ? 'Export its action plan and KPIs as a spreadsheet instead.'
        : 'Send it one theme at a time.'
      : isTheme
        ? 'Move older evidence files out of the plan into links, then send it again.'
        : 'Send it one theme at a time, or move older evidence files into links.';
  return refusal('too-large', entry, `Nothing was made: the ${isTheme ? 'theme' : 'plan'} is too large to send in one bundle (${words}). ${advice}`);
}

/** An entry of a bundle as a person would name it: its records, an evidence file, the spreadsheet copy. */
function entryWords(name: string): string {
  if (name === DATA_ENTRY) return 'records';
  if (name.startsWith(ATTACHMENTS_FOLDER)) return 'evidence file';
  if (name === XLSX_ENTRY) return 'spreadsheet copy';
  if (name === PDF_ENTRY) return 'report copy';
  return name;
}

/** The plan's records as data.json's text, or a refusal when they are more text than one file of a bundle can hold. */
function dataJsonBytes(dataJson: unknown, isTheme: boolean): Buffer {
  try {
    return Buffer.from(JSON.stringify(dataJson), 'utf8');
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw tooLargeToSend(DATA_ENTRY, `its records would be more text than one file of a bundle can hold`, isTheme);
  }
}

/** Makes the bundle, keeps it to be downloaded or written out, and logs it. */
export async function exportBundle(core: Core, input: ParsedInput<'bundles.export'>): Promise<ExportedBundle> {
  // The spreadsheet copy is built in a worker thread while this one gathers and packs the rest.
  const workbook = actionPlanWorkbook(core, { planId: input.planId, themeId: input.themeId });
  // Awaited below; a refusal before then must not leave its failure unheard.
  workbook.catch(() => undefined);
  const data = collectPlanData(core.db, input.planId, input.themeId);
  const plan = data.tables.get('plans')?.[0] as BundleRow & { title: string; kind: string; version: number; authorityId: string; startDate: string | null };
  const authority = data.tables.get('authorities')?.find((row) => row.id === plan.authorityId) as BundleRow & { name: string };
  const theme = input.themeId ? (data.tables.get('themes')?.find((row) => row.id === input.themeId) as BundleRow & { reference: string; title: string }) : null;
  const marking = markingOf(input.classification);
  const key = loadOrCreateInstallationKey(core.dataDirectory);
  const now = core.clock();
  const createdAt = now.toISOString();
  const title = bundleTitle(authority.name, plan, theme);
  const fileName = bundleFileName(title, londonDate(now), marking);
  // The report prints the whole plan, so a theme's bundle leaves it out and keeps to its theme.
  // It is printed by the browser, in its own process, while the rest is made here.
  const withPdf = input.withPdf && input.themeId === null && core.printer !== null;
  const pdf = withPdf ? planPdf(core, { id: plan.id, title: plan.title, startDate: plan.startDate }, marking) : Promise.resolve(null);
  pdf.catch(() => undefined);

  const stored = readAttachments(core, [...data.attachmentHashes]);
  const tablesJson: Record<string, BundleRow[]> = Object.fromEntries(data.tables);
  const dataJson = {
    tables: tablesJson,
    attachments: stored.map(({ hash, size, mediaType, createdAt: made }) => ({ hash, size, mediaType, createdAt: made })),
    bases: readBases(core, data.tables),
    audit: readAudit(core, input.planId, data.tables),
  };

  // The files the manifest lists, in the order they go into the archive: the README first, where
  // a person opening the zip sees it, then the data and attachments (packed while the readable
  // copies are still being made), then those copies.
  const entries: ArchiveEntry[] = [{ name: DATA_ENTRY, data: dataJsonBytes(dataJson, theme !== null) }];
  for (const attachment of stored) {
    entries.push({ name: `${ATTACHMENTS_FOLDER}${attachment.hash}`, data: attachment.content, compress: !STORED_TYPES.test(attachment.mediaType) });
  }
  const readme: ArchiveEntry = {
    name: README_ENTRY,
    data: Buffer.from(
      readmeText({
        marking,
        authority: authority.name,
        planTitle: plan.title,
        themeTitle: theme ? `${theme.reference} ${theme.title}` : null,
        createdAt,
        createdBy: core.actor,
        appVersion: core.version,
        fingerprint: key.fingerprint,
        files: [...entries.map((entry) => entry.name), XLSX_ENTRY, ...(withPdf ? [PDF_ENTRY] : [])],
        attachments: stored.length,
      }),
      'utf8',
    ),
  };
  entries.unshift(readme);
  const tooLargeSoFar = sizeProblem(entries, BUNDLE_LIMITS, entryWords);
  if (tooLargeSoFar) throw tooLargeToSend(tooLargeSoFar.entry, tooLargeSoFar.words, theme !== null);
  const archive = new ArchiveWriter();
  for (const entry of entries) archive.add(entry);
  // Their checksums for the manifest, worked out while the readable copies are still being made.
  const listed = listFiles(entries);

  const readable: ArchiveEntry[] = [{ name: XLSX_ENTRY, data: await workbook }];
  const printed = await pdf;
  if (printed) readable.push({ name: PDF_ENTRY, data: printed, compress: false });
  entries.push(...readable);
  const readableCopies = readable.map((entry) => entry.name.slice(entry.name.lastIndexOf('/') + 1));

  const bundleId = newId();
  const revision = [...data.tables.values()].reduce((sum, rows) => sum + rows.reduce((total, row) => total + row.revision, 0), 0);
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    appVersion: core.version,
    createdAt,
    createdBy: core.actor,
    authority: { id: authority.id, name: authority.name },
    plan: { id: plan.id, title: plan.title, version: plan.version, revision },
    scope: { themeId: theme?.id ?? null, themeTitle: theme ? `${theme.reference} ${theme.title}` : null },
    classification: input.classification,
    files: [...listed, ...listFiles(readable)],
  };
  const { manifestBytes, signatureBytes } = signManifest(manifest, key);
  const signed = [
    { name: MANIFEST_ENTRY, data: manifestBytes },
    { name: SIGNATURE_ENTRY, data: signatureBytes },
  ];
  const tooLarge = sizeProblem([...entries, ...signed], BUNDLE_LIMITS, entryWords);
  if (tooLarge) throw tooLargeToSend(tooLarge.entry, tooLarge.words, theme !== null);
  for (const entry of [...readable, ...signed]) archive.add(entry);
  const inner = await archive.finish();
  const bytes = input.passphrase ? await encryptBundle(inner, input.passphrase) : inner;
  if (bytes.length > BUNDLE_LIMITS.maxArchiveBytes) {
    throw tooLargeToSend(null, `it would be ${describeFileSize(bytes.length)}, more than the ${describeFileSize(BUNDLE_LIMITS.maxArchiveBytes)} a bundle can be`, theme !== null);
  }
  const encrypted = input.passphrase !== null;

  const records = countRecords(data.tables);
  const email = emailWords({
    marking,
    title,
    authority: authority.name,
    fileName,
    fingerprint: key.fingerprint,
    encrypted,
    readableCopies,
    createdBy: core.actor,
  });
  const held = holdExport(
    core,
    { bundleId, fileName, encrypted, fingerprint: key.fingerprint, classification: input.classification, subject: email.subject, emailText: email.text },
    bytes,
  );

  // An export keeps no bases: a bundle made is not a bundle received, and may never be. The
  // bases it carries are the states this side last received (see merge.ts).
  core.db.$client.transaction(() => {
    core.db
      .insert(bundleLog)
      .values({
        id: newId(),
        bundleId,
        direction: 'exported',
        at: createdAt,
        actor: core.actor,
        planId: input.planId,
        themeId: input.themeId,
        fileName,
        fingerprint: key.fingerprint,
        classification: input.classification,
        encrypted,
        bytes: bytes.length,
        summary: { records, attachments: stored.length, readableCopies },
        backupFile: null,
      })
      .run();
  })();

  return {
    exportId: held.id,
    bundleId,
    fileName,
    bytes: bytes.length,
    encrypted,
    fingerprint: key.fingerprint,
    records,
    attachments: stored.length,
    readableCopies,
  };
}

