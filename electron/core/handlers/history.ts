// The history of a plan: every audited change, listed with what it changed; a check of the hash
// chain; and undo, which reverses a change as a new change, so nothing is ever erased and an undo
// can itself be undone (a redo).
import { eq } from 'drizzle-orm';
import { verifyAuditChain, type AuditEntry } from '../../../db/audit';
import { deleteRecord, rewriteRecord, type UnitOfWork } from '../../../db/records';
import { TABLES_BY_NAME } from '../../../db/tables';
import type { AuditEntryView, historyMethods } from '../../../shared/contract-history';
import { AppError } from '../../../shared/errors';
import { changesOfThisCall, type Core } from '../core';
import { deleteSetting, writeSetting } from '../settings';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

/** An entry as stored, with its place in the chain. */
interface AuditRow extends AuditEntry {
  sequence: number;
}

const AUDIT_COLUMNS = `sequence, change_id as changeId, at, actor, entity_type as entityType, entity_id as entityId,
  plan_id as planId, operation, before, after`;

export const ENTITY_LABELS: Record<string, string> = {
  actions: 'action',
  action_due_date_changes: 'due date',
  progress_updates: 'progress update',
  milestones: 'milestone',
  action_dependencies: 'dependency',
  evidence: 'evidence',
  action_recommendations: 'link to a recommendation',
  action_kpis: 'link to a KPI',
  recommendations: 'recommendation',
  recommendation_themes: 'recommendation’s theme',
  themes: 'theme',
  plan_stages: 'stage',
  plans: 'plan',
  inspections: 'inspection',
  inspection_judgements: 'judgement',
  deadlines: 'statutory date',
  committees: 'committee',
  meetings: 'meeting',
  reviews: 'review',
  review_findings: 'finding',
  finding_actions: 'action made from a finding',
  kpis: 'KPI',
  kpi_values: 'KPI value',
  people: 'person',
  saved_views: 'saved view',
  settings: 'setting',
  authorities: 'council',
  kpi_comparators: 'KPI comparator',
  kpi_themes: 'KPI’s theme',
  budget_lines: 'budget line',
  budget_entries: 'budget for a year',
  workforce_projections: 'workforce projection',
  risks: 'risk',
  packs: 'committee pack',
  sub_plan_links: 'sub-plan’s link to an action',
  component_frameworks: 'components framework',
  components: 'component',
  theme_components: 'theme’s component',
};

/** Fields that every record has; a change to them alone says nothing to a reader. */
const STAMP_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'revision']);
/** Not listed as a changed field: the summary already says Removed or Restored. */
const SHOWN_IN_SUMMARY = new Set(['deletedAt']);

function parse(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

function recordName(state: Record<string, unknown> | null): string {
  if (!state) return '';
  const text = (key: string) => (typeof state[key] === 'string' ? (state[key] as string) : null);
  const name =
    [text('reference'), text('title') ?? text('name')].filter(Boolean).join(' ') ||
    text('text') ||
    text('narrative') ||
    text('label') ||
    // Records that are a value for a period or a date are named by it.
    text('financialYear') ||
    text('period') ||
    text('meetingDate') ||
    text('area');
  if (!name) return '';
  return ` “${name.length > 80 ? `${name.slice(0, 79)}…` : name}”`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function describe(row: AuditRow): AuditEntryView {
  const before = parse(row.before);
  const after = parse(row.after);
  const label = ENTITY_LABELS[row.entityType] ?? row.entityType.replaceAll('_', ' ');
  const restored = row.operation === 'update' && before?.deletedAt && !after?.deletedAt;
  const removed = row.operation === 'delete' || (row.operation === 'update' && !before?.deletedAt && after?.deletedAt);
  const issued = row.entityType === 'packs' && before?.status === 'draft' && after?.status === 'issued';
  const verb = row.operation === 'create' ? 'Added' : removed ? 'Removed' : restored ? 'Restored' : issued ? 'Issued' : 'Changed';
  const fields =
    row.operation === 'update' && before && after && row.entityType !== 'settings'
      ? Object.keys(after)
          .filter((key) => !STAMP_FIELDS.has(key) && !SHOWN_IN_SUMMARY.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
      : row.entityType === 'settings' && row.operation === 'update'
        ? [{ field: row.entityId, before: show(before), after: show(after) }]
        : [];
  return {
    sequence: row.sequence,
    changeId: row.changeId,
    at: row.at,
    actor: row.actor,
    entityType: row.entityType,
    entityId: row.entityId,
    operation: row.operation,
    summary: `${verb} ${row.entityType === 'settings' ? `the setting ${row.entityId}` : `${label}${recordName(after ?? before)}`}`,
    fields,
  };
}

function entriesOf(core: Core, changeId: string): AuditRow[] {
  return core.db.$client.prepare(`select ${AUDIT_COLUMNS} from audit_log where change_id = ? order by sequence`).all(changeId) as AuditRow[];
}

/** Reverses one audited write, refusing if the record has moved on since. */
function revert(unit: UnitOfWork, entry: AuditRow): void {
  const before = parse(entry.before);
  const after = parse(entry.after);
  if (entry.entityType === 'settings') {
    if (entry.before === null) deleteSetting(unit, entry.entityId, entry.planId);
    else writeSetting(unit, entry.entityId, before, entry.planId);
    return;
  }
  const table = TABLES_BY_NAME.get(entry.entityType);
  if (!table) throw new AppError('conflict', 'This change cannot be undone: it touched records the app no longer keeps.');
  const current = unit.db.select().from(table).where(eq(table.id, entry.entityId)).get() as Record<string, unknown> | undefined;
  if (entry.entityType === 'packs' && current?.status === 'issued') {
    throw new AppError('conflict', 'This change cannot be undone: the pack has been issued, and is kept as it went to the meeting.');
  }
  // The record must still be as this change left it; an undo in between that put it back counts.
  const unchangedSince =
    current !== undefined && after !== null && Object.keys(after).every((key) => STAMP_FIELDS.has(key) || JSON.stringify(current[key]) === JSON.stringify(after[key]));
  if (!unchangedSince) {
    const label = ENTITY_LABELS[entry.entityType] ?? entry.entityType;
    throw new AppError(
      'conflict',
      `This change cannot be undone: the ${label}${recordName(after ?? before)} has been changed since` +
        (current ? ` (by ${String(current.updatedBy)})` : '') +
        '. Nothing was changed. Make the correction by hand instead.',
    );
  }
  if (entry.operation === 'create') deleteRecord(unit, table, entry.entityId, entry.planId);
  else if (before) rewriteRecord(unit, table, entry.entityId, before, entry.planId);
}

export const historyHandlers: HandlerGroup<keyof typeof historyMethods> = {
  'audit.list': (input, core) => {
    assertPlanExists(core, input.planId);
    const rows = core.db.$client
      .prepare(
        `select ${AUDIT_COLUMNS} from audit_log
         where plan_id = @planId and (@entityId is null or entity_id = @entityId) and (@before is null or sequence < @before)
         order by sequence desc limit @limit`,
      )
      .all({ planId: input.planId, entityId: input.entityId ?? null, before: input.before ?? null, limit: input.limit + 1 }) as AuditRow[];
    return { entries: rows.slice(0, input.limit).map(describe), more: rows.length > input.limit };
  },

  'audit.verify': (_input, core) => verifyAuditChain(core.db.$client),

  'changes.undo': (input, core) => {
    const entries = entriesOf(core, input.changeId);
    if (entries.length === 0) throw new AppError('not-found', 'There is no such change to undo.', { changeId: input.changeId });
    const planId = entries.find((entry) => entry.planId)?.planId ?? null;
    // The refresh that superseded a version may be undone, bringing that version back; any other
    // change to a superseded version stays as it was.
    const undoesRefresh = entries.some((entry) => entry.entityType === 'plans' && parse(entry.after)?.status === 'superseded');
    core.write(
      planId,
      (unit) => {
        for (const entry of [...entries].reverse()) revert(unit, entry);
      },
      { evenIfSuperseded: undoesRefresh },
    );
    const changeId = changesOfThisCall.getStore()?.at(-1) ?? '';
    const first = entries[0];
    const described = first ? describe(first).summary : 'the change';
    return { changeId, summary: `Undid: ${described.charAt(0).toLowerCase()}${described.slice(1)}${entries.length > 1 ? ` and ${entries.length - 1} related records` : ''}` };
  },
};
