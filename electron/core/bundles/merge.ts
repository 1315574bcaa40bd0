// The three-way merge of a bundle into the database. Each record is compared by the hash of its
// content (every column but the id and the record stamps; the tombstone counts), with the hash
// the sender last exchanged it at (its base):
//   - not here: added (a tombstone of a record never seen here is kept as a tombstone);
//   - the same on both sides: unchanged;
//   - here as the sender last had it: the incoming record is taken (changed, or deleted);
//   - incoming as the sender last had it: changed here only, kept as it is here;
//   - otherwise both sides changed it: a conflict, for the person to decide.
// Records of tables with a natural key (a KPI's value for a period, a link between two records)
// made separately on both sides are matched by that key and compared the same way. A record
// absent from the bundle is never taken as deleted: a theme's bundle holds a part of the plan.
import { getTableColumns, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import { attachments as attachmentsTable } from '../../../db/schema';
import type { BundleConflict, KindPreview } from '../../../shared/contract-bundles';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { formatPence } from '../../../shared/format';
import { periodLabel } from '../../../shared/periods';
import { RAG_DISPLAY, type Rag } from '../../../shared/rag';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../../shared/vocabulary';
import { canonicalJson, contentHash, STAMPS } from './content-hash';
import { rowsWhere } from './plan-data';
import { BUNDLE_TABLES, BUNDLE_TABLES_BY_NAME, type AttachmentEntry, type BundleRow, type BundleTable } from './record-schemas';

export type Outcome = 'added' | 'tombstone-added' | 'unchanged' | 'changed' | 'deleted' | 'kept-here' | 'conflict';

export interface Decision {
  entry: BundleTable;
  incoming: BundleRow;
  /** The record here it was matched to (by id, or by natural key), or null when new. */
  local: BundleRow | null;
  outcome: Outcome;
}

/** What the merge needs of a bundle once it has been checked. */
export interface MergeInput {
  tables: Map<string, BundleRow[]>;
  bases: Record<string, Record<string, string | null>>;
  attachments: AttachmentEntry[];
  planId: string;
}

export interface MergePlan {
  decisions: Decision[];
  planIsNew: boolean;
  newAttachments: AttachmentEntry[];
}

const BATCH = 500;

const naturalKeyOf = (row: Record<string, unknown>, key: string[]) => JSON.stringify(key.map((column) => row[column] ?? null));

/** Decides, for every record of the bundle, what applying it would do. */
export function planMerge(db: Database, bundle: MergeInput): MergePlan {
  const decisions: Decision[] = [];
  let planIsNew = true;
  for (const entry of BUNDLE_TABLES) {
    const incomingRows = bundle.tables.get(entry.name) ?? [];
    if (incomingRows.length === 0) continue;
    const localById = new Map(rowsWhere(db, entry.table, 'id', incomingRows.map((row) => row.id)).map((row) => [row.id, row]));
    let localByKey = new Map<string, BundleRow>();
    if (entry.naturalKey) {
      const [first] = entry.naturalKey;
      const unmatched = incomingRows.filter((row) => !localById.has(row.id));
      if (first && unmatched.length > 0) {
        const candidates = rowsWhere(db, entry.table, first, unmatched.map((row) => String(row[first])));
        localByKey = new Map(candidates.map((row) => [naturalKeyOf(row, entry.naturalKey as string[]), row]));
      }
    }
    const bases = bundle.bases[entry.name] ?? {};
    const ownBases = basesOf(db, entry.name, [...localById.keys(), ...[...localByKey.values()].map((row) => row.id)]);
    const incomingIds = new Set(incomingRows.map((row) => row.id));
    for (const incoming of incomingRows) {
      let local = localById.get(incoming.id) ?? null;
      if (!local && entry.naturalKey) {
        const match = localByKey.get(naturalKeyOf(incoming, entry.naturalKey));
        // A local record under another id is a match only if the bundle does not also carry it.
        if (match && !incomingIds.has(match.id)) local = match;
      }
      if (entry.name === 'plans' && incoming.id === bundle.planId && local) planIsNew = false;
      decisions.push({ entry, incoming, local, outcome: decide(local, incoming, bases[incoming.id] ?? null, local ? (ownBases.get(local.id) ?? null) : null) });
    }
  }
  const hashes = bundle.attachments.map((attachment) => attachment.hash);
  const have = new Set<string>();
  for (let start = 0; start < hashes.length; start += BATCH) {
    for (const row of db
      .select({ hash: attachmentsTable.hash })
      .from(attachmentsTable)
      .where(inArray(attachmentsTable.hash, hashes.slice(start, start + BATCH)))
      .all()) {
      have.add(row.hash);
    }
  }
  return { decisions, planIsNew, newAttachments: bundle.attachments.filter((attachment) => !have.has(attachment.hash)) };
}

/**
 * What to do with one incoming record, given the two states each side last received: the
 * sender's (carried in the bundle) and this side's (kept in `bundle_bases`). A side that still
 * holds a state it received has changed nothing since, so the other side's version wins.
 */
function decide(local: BundleRow | null, incoming: BundleRow, senderBase: string | null, ownBase: string | null): Outcome {
  if (!local) return incoming.deletedAt === null ? 'added' : 'tombstone-added';
  const here = contentHash(local);
  const there = contentHash(incoming);
  if (here === there) return 'unchanged';
  // Deleted on both sides: deleted is deleted, whenever each side did it.
  if (local.deletedAt !== null && incoming.deletedAt !== null) return 'unchanged';
  const taken = incoming.deletedAt !== null && local.deletedAt === null ? 'deleted' : 'changed';
  // The sender worked on the very state this side still has.
  if (here === senderBase) return taken;
  // The sender has not changed it since a state either side received, while this side has.
  if (there === senderBase || there === ownBase) return 'kept-here';
  // This side has not changed it since it last received it, so nothing here is lost.
  if (here === ownBase) return taken;
  return 'conflict';
}

/** The bases to keep after the bundle is applied: what each record was as it crossed. */
export function basesAfter(plan: MergePlan): { entityType: string; entityId: string; baseHash: string }[] {
  const bases = new Map<string, { entityType: string; entityId: string; baseHash: string }>();
  for (const decision of plan.decisions) {
    const baseHash = contentHash(decision.incoming);
    const ids = new Set([decision.incoming.id, decision.local?.id ?? decision.incoming.id]);
    for (const entityId of ids) bases.set(`${decision.entry.name}\u0000${entityId}`, { entityType: decision.entry.name, entityId, baseHash });
  }
  return [...bases.values()];
}

/** Bases written by one statement: each costs about what a single row does, so rows go in by the hundred. */
const BASES_AT_ONCE = 250;

export function writeBases(db: Database, rows: { entityType: string; entityId: string; baseHash: string }[]): void {
  if (rows.length === 0) return;
  const upsert = (count: number) =>
    db.$client.prepare(
      `insert into bundle_bases (entity_type, entity_id, base_hash) values ${Array.from({ length: count }, () => '(?, ?, ?)').join(', ')} ` +
        'on conflict (entity_type, entity_id) do update set base_hash = excluded.base_hash',
    );
  const full = upsert(Math.min(BASES_AT_ONCE, rows.length));
  db.$client.transaction(() => {
    for (let start = 0; start < rows.length; start += BASES_AT_ONCE) {
      const batch = rows.slice(start, start + BASES_AT_ONCE);
      const values = batch.flatMap((row) => [row.entityType, row.entityId, row.baseHash]);
      (batch.length === BASES_AT_ONCE ? full : upsert(batch.length)).run(values);
    }
  })();
}

/** The base hashes kept for these records of one kind, by record id. */
export function basesOf(db: Database, entityType: string, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare('select entity_id as id, base_hash as hash from bundle_bases where entity_type = ? and entity_id in (select value from json_each(?))')
    .all(entityType, JSON.stringify(ids)) as { id: string; hash: string }[];
  return new Map(rows.map((row) => [row.id, row.hash]));
}


// ---------------------------------------------------------------- saying it in words

const FIELD_LABELS: Record<string, string> = {
  ownerId: 'Owner',
  leadId: 'Lead',
  themeId: 'Theme',
  planId: 'Plan',
  actionId: 'Action',
  kpiId: 'KPI',
  rag: 'RAG',
  deletedAt: 'Deleted',
  attachmentHash: 'File',
  pdfHash: 'PDF',
  url: 'Link',
  dependsOnActionId: 'Depends on',
  recommendationId: 'Recommendation',
  inspectionId: 'Inspection',
  authorityId: 'Council',
  meetingId: 'Meeting',
  committeeId: 'Committee',
  reviewId: 'Visit or review',
  findingId: 'Finding',
  budgetLineId: 'Budget line',
  componentId: 'Component',
  frameworkId: 'Framework',
  subPlanId: 'Sub-plan',
  allocatedPence: 'Allocated',
  spentPence: 'Spent',
  laCode: 'LA code',
  oldLaCode: 'Old LA code',
  newLaCode: 'New LA code',
  kpiLabel: 'KPI',
};

export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shorten(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Describes records in words, looking up the records they name in the bundle first and then
 * here: "Action 2.3: Audit every open CIN case", "KPI value of C1 … for Q1 2025/26".
 */
export class Describer {
  private readonly cache = new Map<string, BundleRow | null>();

  constructor(
    private readonly db: Database,
    private readonly tables: Map<string, BundleRow[]>,
  ) {}

  private find(table: string, id: unknown): BundleRow | null {
    if (typeof id !== 'string') return null;
    const key = `${table}\u0000${id}`;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    let found = this.tables.get(table)?.find((row) => row.id === id) ?? null;
    const entry = BUNDLE_TABLES_BY_NAME.get(table);
    if (!found && entry) [found = null] = rowsWhere(this.db, entry.table, 'id', [id]);
    this.cache.set(key, found);
    return found;
  }

  private named(table: string, id: unknown): string {
    const row = this.find(table, id);
    return row ? this.describe(table, row) : 'a record no longer here';
  }

  private actionRef(id: unknown): string {
    const action = this.find('actions', id);
    return action ? `action ${String(action.reference)}` : 'an action';
  }

  describe(table: string, row: Record<string, unknown>): string {
    const text = (name: string) => shorten(String(row[name] ?? ''));
    switch (table) {
      case 'authorities':
        return text('name');
      case 'people':
        return text('name');
      case 'inspections':
        return `Inspection of ${isDate(row.startDate) ? formatLongDate(row.startDate) : text('startDate')}`;
      case 'inspection_judgements':
        return `Judgement for ${text('area').replace(/-/g, ' ')}`;
      case 'deadlines':
        return `Date agreed for ${text('deadlineKey').replace(/-/g, ' ')}`;
      case 'plans':
        return text('title');
      case 'plan_stages':
        return `Stage: ${text('name')}`;
      case 'recommendations':
        return `Recommendation ${String(row.number)}: ${shorten(String(row.text ?? ''), 60)}`;
      case 'themes':
        return `Theme ${text('reference')}: ${text('title')}`;
      case 'component_frameworks':
        return text('name');
      case 'components':
        return `Component ${text('reference')}: ${text('title')}`;
      case 'actions':
        return `Action ${text('reference')}: ${text('title')}`;
      case 'action_due_date_changes':
        return `Due date of ${this.actionRef(row.actionId)} moved to ${isDate(row.toDate) ? formatLongDate(row.toDate) : text('toDate')}`;
      case 'milestones':
        return `Milestone of ${this.actionRef(row.actionId)}: ${text('title')}`;
      case 'progress_updates':
        return `Update of ${isDate(row.updateDate) ? formatLongDate(row.updateDate) : text('updateDate')} on ${this.actionRef(row.actionId)}`;
      case 'evidence':
        return `Evidence for ${this.actionRef(row.actionId)}: ${text('title')}`;
      case 'kpis':
        return `KPI ${text('reference')}: ${text('name')}`;
      case 'kpi_values':
        return `${this.named('kpis', row.kpiId)}, ${periodLabel(String(row.period))}`;
      case 'kpi_comparators':
        return `${text('label')} for ${this.named('kpis', row.kpiId)}, ${periodLabel(String(row.period))}`;
      case 'reviews':
        return text('title');
      case 'review_findings':
        return `Finding: ${shorten(String(row.text ?? ''), 60)}`;
      case 'committees':
        return text('name');
      case 'meetings': {
        const committee = this.find('committees', row.committeeId);
        return `${committee ? String(committee.name) : 'Meeting'} on ${isDate(row.meetingDate) ? formatLongDate(row.meetingDate) : text('meetingDate')}`;
      }
      case 'packs':
        return `Pack: ${text('title')}`;
      case 'risks':
        return `Risk ${text('reference')}: ${text('title')}`;
      case 'budget_lines':
        return `Budget line: ${text('name')}`;
      case 'budget_entries':
        return `${this.named('budget_lines', row.budgetLineId)}, ${text('financialYear')}`;
      case 'workforce_projections':
        return `Workforce projection: ${text('name')}`;
      case 'saved_views':
        return `Saved view: ${text('name')}`;
      case 'theme_components':
        return `${this.named('themes', row.themeId)} maps to ${this.named('components', row.componentId)}`;
      case 'recommendation_themes':
        return `${this.named('recommendations', row.recommendationId)} in ${this.named('themes', row.themeId)}`;
      case 'action_recommendations':
        return `${this.named('actions', row.actionId)} answers ${this.named('recommendations', row.recommendationId)}`;
      case 'action_dependencies':
        return `${this.named('actions', row.actionId)} depends on ${this.actionRef(row.dependsOnActionId)}`;
      case 'kpi_themes':
        return `${this.named('kpis', row.kpiId)} in ${this.named('themes', row.themeId)}`;
      case 'action_kpis':
        return `${this.named('actions', row.actionId)} measured by ${this.named('kpis', row.kpiId)}`;
      case 'finding_actions':
        return `${this.named('review_findings', row.findingId)} answered by ${this.actionRef(row.actionId)}`;
      case 'sub_plan_links':
        return `${this.named('plans', row.subPlanId)} serves ${this.actionRef(row.actionId)}`;
      default:
        return BUNDLE_TABLES_BY_NAME.get(table)?.label ?? table;
    }
  }

  /** A field's value in words: names for the records it names, dates in words. */
  value(entry: BundleTable, field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return field === 'deletedAt' ? 'Not deleted' : '(empty)';
    if (field === 'deletedAt' && typeof value === 'string') return `Deleted on ${formatLongDate(value.slice(0, 10))}`;
    const reference = entry.references.find((candidate) => candidate.column === field);
    if (reference && reference.table !== 'attachments') return this.named(reference.table, value);
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (field === 'rag' && typeof value === 'string' && value in RAG_DISPLAY) return RAG_DISPLAY[value as Rag].label;
    if (field === 'status' && entry.name === 'actions' && typeof value === 'string' && value in ACTION_STATUS_LABELS) return ACTION_STATUS_LABELS[value as ActionStatus];
    if (field.endsWith('Pence') && typeof value === 'number') return formatPence(value);
    if (isDate(value)) return formatLongDate(value);
    if (typeof value === 'object') return canonicalJson(value);
    return String(value);
  }
}

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false });

/** "22 November 2026 at 10:30", in England's time. */
function when(instant: string): string {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) return instant;
  return `${formatLongDate(londonDate(moment))} at ${londonTime.format(moment)}`;
}

/** Each conflict as the preview shows it: the fields the two sides disagree on, side by side. */
export function describeConflicts(plan: MergePlan, describer: Describer): BundleConflict[] {
  const conflicts: BundleConflict[] = [];
  for (const decision of plan.decisions) {
    if (decision.outcome !== 'conflict' || !decision.local) continue;
    const { entry, local, incoming } = decision;
    const columns = Object.keys(getTableColumns(entry.table)).filter((column) => !STAMPS.has(column));
    const fields = columns
      .filter((column) => canonicalJson(local[column]) !== canonicalJson(incoming[column]))
      .map((column) => ({
        field: column,
        label: fieldLabel(column),
        here: describer.value(entry, column, local[column]),
        incoming: describer.value(entry, column, incoming[column]),
      }));
    conflicts.push({
      kind: entry.name,
      kindLabel: entry.label,
      id: local.id,
      description: describer.describe(entry.name, local.deletedAt === null ? local : incoming),
      deletedHere: local.deletedAt !== null,
      deletedIncoming: incoming.deletedAt !== null,
      fields,
      hereChangedBy: local.updatedBy,
      hereChangedAt: when(local.updatedAt),
      incomingChangedBy: incoming.updatedBy,
      incomingChangedAt: when(incoming.updatedAt),
    });
  }
  return conflicts;
}

const EXAMPLES = 20;

/** Counts by kind, with up to 20 examples of what is added, changed and deleted. */
export function previewKinds(plan: MergePlan, describer: Describer): KindPreview[] {
  const kinds = new Map<string, KindPreview>();
  for (const decision of plan.decisions) {
    const { entry, outcome } = decision;
    if (outcome === 'tombstone-added') continue;
    let kind = kinds.get(entry.name);
    if (!kind) {
      kind = { kind: entry.name, kindLabel: entry.label, added: 0, changed: 0, deleted: 0, keptHere: 0, unchanged: 0, conflicts: 0, examples: [] };
      kinds.set(entry.name, kind);
    }
    switch (outcome) {
      case 'added':
      case 'changed':
      case 'deleted':
        kind[outcome] += 1;
        if (kind.examples.length < EXAMPLES) {
          kind.examples.push({ change: outcome, description: describer.describe(entry.name, outcome === 'deleted' && decision.local ? decision.local : decision.incoming) });
        }
        break;
      case 'kept-here':
        kind.keptHere += 1;
        break;
      case 'unchanged':
        kind.unchanged += 1;
        break;
      case 'conflict':
        kind.conflicts += 1;
        break;
    }
  }
  return [...kinds.values()];
}
