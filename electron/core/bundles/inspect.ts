// Reading a received bundle without trusting any of it: the archive's limits and paths, the
// passphrase, the signed manifest and every file's checksum, the data as JSON, every record
// against its table's schema, every attachment's size and content, and every record it names
// found in the bundle or already here. Then the preview of what applying it would change.
import fs from 'node:fs';
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import { attachments as attachmentsTable, plans, trustedKeys } from '../../../db/schema';
import type { BundleInspection } from '../../../shared/contract-bundles';
import { AppError } from '../../../shared/errors';
import { describeFileSize, EVIDENCE_FILE_MAX_BYTES } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { assertPlanEditable } from '../handlers/versions-rules';
import { BUNDLE_LIMITS, readArchive } from './archive';
import { decryptBundle, isEncrypted } from './envelope';
import { ATTACHMENTS_FOLDER, checkManifest, DATA_ENTRY, readJson, type Manifest, type Signature } from './manifest';
import { describeConflicts, Describer, planMerge, previewKinds, type MergePlan } from './merge';
import { type AttachmentEntry, BUNDLE_TABLES, BUNDLE_TABLES_BY_NAME, BundleData, type BundleRow, withArticle } from './record-schemas';
import { refusal, refusing } from './refusals';
import { loadOrCreateInstallationKey } from './signing';
import type { IncomingTransfer } from './transfers';

export interface CheckedBundle {
  transfer: IncomingTransfer;
  encrypted: boolean;
  manifest: Manifest;
  signature: Signature;
  tables: Map<string, BundleRow[]>;
  attachments: AttachmentEntry[];
  attachmentBytes: Map<string, Buffer>;
  bases: Record<string, Record<string, string | null>>;
}

/** What was read of each received file, with which passphrase and at which length: more pieces make it read again. */
const readFiles = new WeakMap<IncomingTransfer, { passphrase: string | null; bytes: number; bundle: CheckedBundle }>();

/**
 * Reads and checks a received bundle from end to end; any problem refuses it whole. The file's
 * own checks are made once per passphrase; those against the database every time.
 */
export async function checkBundle(db: Database, transfer: IncomingTransfer, passphrase: string | null): Promise<CheckedBundle> {
  const read = readFiles.get(transfer);
  const bundle = read && read.passphrase === passphrase && read.bytes === transfer.bytes ? read.bundle : await readBundle(transfer, passphrase);
  readFiles.set(transfer, { passphrase, bytes: transfer.bytes, bundle });
  await refusing(() => checkReferences(db, bundle.tables, bundle.attachments));
  return bundle;
}

async function readBundle(transfer: IncomingTransfer, passphrase: string | null): Promise<CheckedBundle> {
  return refusing(async () => {
    const bytes = await fs.promises.readFile(transfer.file);
    let files = await readArchive(bytes, BUNDLE_LIMITS);
    const encrypted = isEncrypted(files);
    if (encrypted) files = await readArchive(await decryptBundle(files, passphrase), BUNDLE_LIMITS);
    const { manifest, signature } = checkManifest(files);
    const dataBytes = files.get(DATA_ENTRY);
    if (!dataBytes) throw refusal('missing-file', DATA_ENTRY, 'The bundle holds no data.json, so there is nothing in it to import. Ask the sender for a fresh copy.');
    const parsed = BundleData.safeParse(readJson(dataBytes, DATA_ENTRY));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw refusal(
        'bad-data',
        DATA_ENTRY,
        `The bundle is damaged: its data.json is not laid out as a bundle’s data must be (${issue ? `${issue.path.join('.') || 'the whole file'}: ${issue.message}` : 'unreadable'}). Ask the sender for a fresh copy.`,
      );
    }
    const data = parsed.data;
    const tables = checkRecords(data.tables);
    checkScope(manifest, tables);
    const attachmentBytes = checkAttachments(files, data.attachments, manifest);
    return { transfer, encrypted, manifest, signature, tables, attachments: data.attachments, attachmentBytes, bases: data.bases };
  });
}

/** Every record against its table's schema; no table the app does not know; no id twice. */
function checkRecords(raw: Record<string, unknown[]>): Map<string, BundleRow[]> {
  const tables = new Map<string, BundleRow[]>();
  for (const name of Object.keys(raw)) {
    if (!BUNDLE_TABLES_BY_NAME.has(name)) {
      throw refusal('invalid-record', DATA_ENTRY, `The bundle holds records of a kind this app does not know (“${name.slice(0, 80)}”). Ask the sender for a fresh copy.`);
    }
  }
  for (const entry of BUNDLE_TABLES) {
    const rows = raw[entry.name] ?? [];
    const checked: BundleRow[] = [];
    const ids = new Set<string>();
    const keys = new Set<string>();
    rows.forEach((row, index) => {
      const result = entry.schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        const id = typeof (row as { id?: unknown })?.id === 'string' ? ` (id ${String((row as { id: string }).id).slice(0, 40)})` : '';
        const field = issue ? `${issue.path.join('.') || 'the record'} ${issue.message.replace(/^Invalid input: /, '')}` : 'it is unreadable';
        throw refusal(
          'invalid-record',
          DATA_ENTRY,
          `The bundle holds ${withArticle(entry.label)} that is not valid: record ${index + 1} of ${entry.name}${id}: ${field}. Nothing in it was imported; ask the sender for a fresh copy.`,
        );
      }
      const record = result.data;
      if (ids.has(record.id)) {
        throw refusal('invalid-record', DATA_ENTRY, `The bundle holds the ${entry.label} ${record.id} twice. Ask the sender for a fresh copy.`);
      }
      ids.add(record.id);
      if (entry.naturalKey) {
        const key = JSON.stringify(entry.naturalKey.map((column) => record[column]));
        if (keys.has(key)) {
          throw refusal('invalid-record', DATA_ENTRY, `The bundle holds two records of the same ${entry.label} (${entry.name} ${record.id}). Ask the sender for a fresh copy.`);
        }
        keys.add(key);
      }
      checked.push(record);
    });
    tables.set(entry.name, checked);
  }
  return tables;
}

/** The manifest's plan and theme are in the data, and nothing in it belongs to another plan. */
function checkScope(manifest: Manifest, tables: Map<string, BundleRow[]>): void {
  const plan = tables.get('plans')?.find((row) => row.id === manifest.plan.id);
  if (!plan) {
    throw refusal('bad-data', DATA_ENTRY, 'The bundle is damaged: its data does not hold the plan its manifest names. Ask the sender for a fresh copy.');
  }
  if (manifest.scope.themeId !== null && !tables.get('themes')?.some((row) => row.id === manifest.scope.themeId)) {
    throw refusal('bad-data', DATA_ENTRY, 'The bundle is damaged: its data does not hold the theme its manifest names. Ask the sender for a fresh copy.');
  }
  const outside = (entry: string, row: BundleRow) =>
    refusal(
      'invalid-record',
      DATA_ENTRY,
      `The bundle holds ${withArticle(BUNDLE_TABLES_BY_NAME.get(entry)?.label ?? entry)} (${row.id}) that does not belong to “${manifest.plan.title}”, the plan it is a bundle of. A bundle can change only its own plan; ask the sender for a fresh copy.`,
    );
  const ids = (table: string) => new Set((tables.get(table) ?? []).map((row) => row.id));
  for (const row of tables.get('plans') ?? []) if (row.id !== manifest.plan.id) throw outside('plans', row);
  for (const entry of BUNDLE_TABLES) {
    const rows = tables.get(entry.name) ?? [];
    if (rows.length === 0) continue;
    const owner = OWNERS[entry.name];
    if (owner === undefined) continue;
    if (owner === 'plan') {
      for (const row of rows) {
        if (row.planId !== manifest.plan.id && !(entry.name === 'committees' && row.planId === null)) throw outside(entry.name, row);
      }
      continue;
    }
    const parents = ids(owner.table);
    for (const row of rows) if (!parents.has(row[owner.column] as string)) throw outside(entry.name, row);
  }
}

/**
 * What each kind of record belongs to: the plan itself, or a parent record that must be in the
 * bundle too. The council, its people, inspections and component frameworks are shared frame.
 */
const OWNERS: Record<string, 'plan' | { column: string; table: string }> = {
  plan_stages: 'plan',
  recommendations: 'plan',
  themes: 'plan',
  actions: 'plan',
  kpis: 'plan',
  reviews: 'plan',
  committees: 'plan',
  packs: 'plan',
  risks: 'plan',
  budget_lines: 'plan',
  workforce_projections: 'plan',
  saved_views: 'plan',
  inspection_judgements: { column: 'inspectionId', table: 'inspections' },
  deadlines: { column: 'inspectionId', table: 'inspections' },
  components: { column: 'frameworkId', table: 'component_frameworks' },
  theme_components: { column: 'themeId', table: 'themes' },
  recommendation_themes: { column: 'recommendationId', table: 'recommendations' },
  action_due_date_changes: { column: 'actionId', table: 'actions' },
  action_recommendations: { column: 'actionId', table: 'actions' },
  milestones: { column: 'actionId', table: 'actions' },
  action_dependencies: { column: 'actionId', table: 'actions' },
  progress_updates: { column: 'actionId', table: 'actions' },
  evidence: { column: 'actionId', table: 'actions' },
  kpi_values: { column: 'kpiId', table: 'kpis' },
  kpi_comparators: { column: 'kpiId', table: 'kpis' },
  kpi_themes: { column: 'kpiId', table: 'kpis' },
  action_kpis: { column: 'actionId', table: 'actions' },
  review_findings: { column: 'reviewId', table: 'reviews' },
  finding_actions: { column: 'findingId', table: 'review_findings' },
  meetings: { column: 'committeeId', table: 'committees' },
  budget_entries: { column: 'budgetLineId', table: 'budget_lines' },
  sub_plan_links: { column: 'actionId', table: 'actions' },
};

/** Every attachment listed has its file, of its size, hashing to its name, within the limit. */
function checkAttachments(files: Map<string, Buffer>, listed: AttachmentEntry[], manifest: Manifest): Map<string, Buffer> {
  // Every file's SHA-256 has already been checked against the signed manifest, so an
  // attachment's content hashes to its name exactly when the manifest's hash for it is its name.
  const signedHashes = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  const bytes = new Map<string, Buffer>();
  for (const attachment of listed) {
    const name = `${ATTACHMENTS_FOLDER}${attachment.hash}`;
    if (bytes.has(attachment.hash)) throw refusal('bad-data', DATA_ENTRY, `The bundle lists the attachment ${name} twice. Ask the sender for a fresh copy.`);
    const data = files.get(name);
    if (!data) throw refusal('missing-file', name, `The bundle is incomplete: the attachment ${name} is missing. Ask the sender for a fresh copy.`);
    if (data.length > EVIDENCE_FILE_MAX_BYTES) {
      throw refusal(
        'oversized-attachment',
        name,
        `The bundle holds an attachment larger than a file of evidence can be (${name}, ${describeFileSize(data.length)}; at most ${describeFileSize(EVIDENCE_FILE_MAX_BYTES)}). Ask the sender to replace it with a smaller copy or a link.`,
      );
    }
    if (data.length !== attachment.size || signedHashes.get(name) !== attachment.hash) {
      throw refusal('checksum', name, `The bundle is damaged: ${name} does not match its checksum. Ask the sender for a fresh copy.`);
    }
    bytes.set(attachment.hash, data);
  }
  for (const name of files.keys()) {
    if (name.startsWith(ATTACHMENTS_FOLDER) && !bytes.has(name.slice(ATTACHMENTS_FOLDER.length))) {
      throw refusal('unlisted-file', name, `The bundle holds an attachment its data does not list (${name}). Ask the sender for a fresh copy.`);
    }
  }
  return bytes;
}

const BATCH = 500;

/** Every record a record names is in the bundle or already here. */
function checkReferences(db: Database, tables: Map<string, BundleRow[]>, attachments: AttachmentEntry[]): void {
  const inBundle = new Map<string, Set<string>>();
  for (const [name, rows] of tables) inBundle.set(name, new Set(rows.map((row) => row.id)));
  inBundle.set('attachments', new Set(attachments.map((attachment) => attachment.hash)));

  // What each table is asked for that the bundle does not hold, and by whom.
  const wanted = new Map<string, Map<string, { table: string; row: BundleRow; column: string }>>();
  for (const entry of BUNDLE_TABLES) {
    for (const row of tables.get(entry.name) ?? []) {
      for (const reference of entry.references) {
        const value = row[reference.column];
        if (typeof value !== 'string' || inBundle.get(reference.table)?.has(value)) continue;
        let missing = wanted.get(reference.table);
        if (!missing) wanted.set(reference.table, (missing = new Map()));
        if (!missing.has(value)) missing.set(value, { table: entry.name, row, column: reference.column });
      }
    }
  }
  for (const [table, missing] of wanted) {
    const ids = [...missing.keys()];
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      if (table === 'attachments') {
        for (const row of db.select({ hash: attachmentsTable.hash }).from(attachmentsTable).where(inArray(attachmentsTable.hash, batch)).all()) found.add(row.hash);
      } else {
        const target = BUNDLE_TABLES_BY_NAME.get(table);
        if (!target) continue;
        const idColumn = getTableColumns(target.table).id;
        if (!idColumn) continue;
        for (const row of db.select({ id: idColumn }).from(target.table).where(inArray(idColumn, batch)).all() as { id: string }[]) found.add(row.id);
      }
    }
    for (const [id, by] of missing) {
      if (found.has(id)) continue;
      const entry = BUNDLE_TABLES_BY_NAME.get(by.table);
      const targetLabel = table === 'attachments' ? 'attachment' : (BUNDLE_TABLES_BY_NAME.get(table)?.label ?? table);
      throw refusal(
        'dangling-reference',
        DATA_ENTRY,
        `The bundle’s ${entry?.label ?? by.table} ${by.row.id} names ${withArticle(targetLabel)} (${id}) that is neither in the bundle nor on this computer, so it cannot be imported. ` +
          'Ask the sender for a bundle of the whole plan.',
      );
    }
  }
}

/** Refuses a bundle that would change a superseded version of a plan here. */
export function assertNotSuperseded(core: Core, bundle: CheckedBundle): void {
  const plan = core.db.select().from(plans).where(eq(plans.id, bundle.manifest.plan.id)).get();
  if (!plan) return;
  try {
    assertPlanEditable(core, plan);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw refusal(
      'superseded-plan',
      null,
      `This bundle holds changes to version ${plan.version} of “${plan.title}”, which is superseded here: ${error.message.replace(/^Nothing was saved: /, '')} Ask the sender to make their changes in the current version and send a new bundle.`,
    );
  }
}

/** Who signed it: this installation, a key trusted here (with its label), or a key not known. */
export function signerTrust(core: Core, signature: Signature): BundleInspection['signer'] {
  const own = loadOrCreateInstallationKey(core.dataDirectory);
  if (own.publicKey === signature.publicKey) return { fingerprint: signature.fingerprint, trust: 'this-installation', label: null };
  const trusted = core.db.select().from(trustedKeys).where(eq(trustedKeys.fingerprint, signature.fingerprint)).get();
  if (trusted && trusted.publicKey === signature.publicKey) return { fingerprint: signature.fingerprint, trust: 'trusted', label: trusted.label };
  return { fingerprint: signature.fingerprint, trust: 'unknown', label: null };
}

interface Inspected {
  bundle: CheckedBundle;
  plan: MergePlan;
  inspection: BundleInspection;
}

/**
 * The last preview of each received file, with the state of the database it was made against:
 * the import that follows a preview reuses it while nothing at all has been written since, by
 * this connection (`total_changes()`) or by any other (`data_version`).
 */
const previews = new WeakMap<IncomingTransfer, { bytes: number; passphrase: string | null; database: string; inspected: Inspected }>();

function databaseState(core: Core): string {
  const sqlite = core.db.$client;
  return `${String(sqlite.pragma('data_version', { simple: true }))}/${String(sqlite.prepare('select total_changes()').pluck().get())}`;
}

export async function inspectBundle(core: Core, transfer: IncomingTransfer, passphrase: string | null): Promise<Inspected> {
  const database = databaseState(core);
  const known = previews.get(transfer);
  if (known && known.bytes === transfer.bytes && known.passphrase === passphrase && known.database === database) return known.inspected;
  const inspected = await inspectAfresh(core, transfer, passphrase);
  previews.set(transfer, { bytes: transfer.bytes, passphrase, database, inspected });
  return inspected;
}

/** Checks a received bundle and works out what applying it would change. */
async function inspectAfresh(core: Core, transfer: IncomingTransfer, passphrase: string | null): Promise<Inspected> {
  const bundle = await checkBundle(core.db, transfer, passphrase);
  assertNotSuperseded(core, bundle);
  const plan = planMerge(core.db, { tables: bundle.tables, bases: bundle.bases, attachments: bundle.attachments, planId: bundle.manifest.plan.id });
  const describer = new Describer(core.db, bundle.tables);
  const kinds = previewKinds(plan, describer);
  const conflicts = describeConflicts(plan, describer);
  const hasChanges =
    plan.newAttachments.length > 0 || plan.decisions.some((decision) => !['unchanged', 'kept-here'].includes(decision.outcome));
  const { manifest } = bundle;
  const inspection: BundleInspection = {
    transferId: transfer.id,
    bundleId: manifest.bundleId,
    fileName: transfer.fileName,
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    authority: manifest.authority.name,
    planId: manifest.plan.id,
    planTitle: manifest.plan.title,
    themeTitle: manifest.scope.themeTitle,
    classification: manifest.classification,
    encrypted: bundle.encrypted,
    signer: signerTrust(core, bundle.signature),
    planIsNew: plan.planIsNew,
    kinds,
    conflicts,
    attachments: { added: plan.newAttachments.length, bytes: plan.newAttachments.reduce((sum, attachment) => sum + attachment.size, 0) },
    hasChanges,
  };
  return { bundle, plan, inspection };
}
