// The records a plan bundle carries: which tables, in the order they are written (a record's
// parents before it), what each is called in words, the columns that name other records, the
// natural keys of the tables that have one, and a schema per table that every record of a
// bundle must pass before anything is compared or saved.
import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { createSelectSchema } from 'drizzle-zod';
import * as z from 'zod';
import type { RecordTable } from '../../../db/records';
import * as schema from '../../../db/schema';
import { BUDGET_KINDS } from '../../../shared/budget';
import { RAG_VALUES } from '../../../shared/rag';
import { RECORD_KIND_LABELS } from '../../../shared/record-kinds';
import {
  ACTION_STATUSES,
  CADENCES,
  CLASSIFICATIONS,
  COMMITTEE_KINDS,
  EVIDENCE_KINDS,
  FINDING_KINDS,
  FRAMEWORKS,
  FREQUENCIES,
  JUDGEMENTS,
  KPI_UNITS,
  PACK_STATUSES,
  PACK_TEMPLATES,
  PLAN_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  REVIEW_KINDS,
  SUPPRESSION_CODES,
} from '../../../shared/vocabulary';

/** A record as drizzle reads it: camelCase columns, JSON columns parsed, flags as booleans. */
export type BundleRow = Record<string, unknown> & {
  id: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  revision: number;
  deletedAt: string | null;
};

export interface BundleTable {
  /** The SQL name, as data.json and the audit log name the table. */
  name: string;
  table: RecordTable;
  /** The kind as people say it: "action", "KPI value". */
  label: string;
  /** Columns naming another record: the column, and the table (or `attachments`) it names. */
  references: { column: string; table: string }[];
  /** Columns that identify a record apart from its id (a unique index), or null. */
  naturalKey: string[] | null;
  schema: z.ZodType<BundleRow>;
}

const uuid = z.uuid({ message: 'must be a record identifier' });
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time in ISO 8601' });
const date = z.iso.date({ message: 'must be a real date written as YYYY-MM-DD' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });
const jsonObject = z.record(z.string(), z.unknown());

/** Column refinements shared by every table: identifiers, stamps, dates. */
const RECORD_COLUMNS = {
  id: uuid,
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string().max(500),
  revision: z.number().int().min(1),
  deletedAt: instant.nullable(),
};

/** Date columns (YYYY-MM-DD) by name, wherever they occur. */
const DATE_COLUMNS = new Set([
  'startDate',
  'endDate',
  'reportReceivedDate',
  'reportPublishedDate',
  'computedDate',
  'overrideDate',
  'baselineDueDate',
  'currentDueDate',
  'completedDate',
  'fromDate',
  'toDate',
  'dueDate',
  'updateDate',
  'periodEnd',
  'visitStartDate',
  'visitEndDate',
  'letterDate',
  'meetingDate',
  'periodStart',
]);

/** Words each table's rows take a value from, so a record the screens cannot show is refused. */
const VOCABULARY: Record<string, Record<string, z.ZodType>> = {
  inspections: { framework: oneOf(FRAMEWORKS), overallJudgement: oneOf(JUDGEMENTS).nullable() },
  inspection_judgements: { judgement: oneOf(JUDGEMENTS) },
  plans: {
    kind: oneOf(PLAN_KINDS),
    status: oneOf(PLAN_STATUSES),
    classification: oneOf(CLASSIFICATIONS),
    ragMeanings: z.object({ red: z.string(), amber: z.string(), green: z.string(), blue: z.string() }).strict(),
    previousVersionId: uuid.nullable(),
    parentPlanId: uuid.nullable(),
    seriesId: z.string().min(1).max(100),
    version: z.number().int().min(1),
  },
  actions: { status: oneOf(ACTION_STATUSES), rag: oneOf(RAG_VALUES).nullable(), carriedFromActionId: uuid.nullable() },
  progress_updates: { rag: oneOf(RAG_VALUES).nullable() },
  evidence: { kind: oneOf(EVIDENCE_KINDS) },
  kpis: { unit: oneOf(KPI_UNITS), polarity: oneOf(POLARITIES), frequency: oneOf(FREQUENCIES) },
  kpi_values: { suppressionCode: oneOf(SUPPRESSION_CODES).nullable() },
  kpi_comparators: {
    kind: oneOf(['england', 'region', 'statistical-neighbours', 'other']),
    suppressionCode: oneOf(SUPPRESSION_CODES).nullable(),
  },
  recommendations: { reviewFindingId: uuid.nullable() },
  reviews: { kind: oneOf(REVIEW_KINDS) },
  review_findings: { kind: oneOf(FINDING_KINDS) },
  committees: { kind: oneOf(COMMITTEE_KINDS), cadence: oneOf(CADENCES) },
  packs: { template: oneOf(PACK_TEMPLATES), status: oneOf(PACK_STATUSES), content: jsonObject, issuedSnapshot: jsonObject.nullable() },
  risks: { rag: oneOf(RAG_VALUES).nullable(), likelihood: z.number().int().min(1).max(5).nullable(), impact: z.number().int().min(1).max(5).nullable() },
  budget_lines: { kind: oneOf(BUDGET_KINDS) },
  workforce_projections: { recruits: z.record(z.string(), z.array(z.number())) },
  saved_views: { query: jsonObject },
};

/** Every table a bundle carries, parents first, with its label and natural key. */
const TABLES: [RecordTable, string, string[] | null][] = [
  [schema.authorities, 'council', null],
  [schema.people, 'person', null],
  [schema.inspections, 'inspection', null],
  [schema.inspectionJudgements, 'inspection judgement', ['inspectionId', 'area']],
  [schema.deadlines, 'statutory date', ['inspectionId', 'deadlineKey']],
  [schema.plans, 'plan', null],
  [schema.planStages, 'stage', null],
  [schema.recommendations, 'recommendation', null],
  [schema.themes, 'theme', null],
  [schema.componentFrameworks, 'component framework', null],
  [schema.components, 'component', null],
  [schema.themeComponents, 'theme’s component', ['themeId', 'componentId']],
  [schema.recommendationThemes, 'recommendation’s theme', ['recommendationId', 'themeId']],
  [schema.actions, 'action', null],
  [schema.actionDueDateChanges, 'due date change', null],
  [schema.actionRecommendations, 'action’s recommendation', ['actionId', 'recommendationId']],
  [schema.milestones, 'milestone', null],
  [schema.actionDependencies, 'dependency', ['actionId', 'dependsOnActionId']],
  [schema.progressUpdates, 'progress update', null],
  [schema.evidence, 'evidence', null],
  [schema.kpis, 'KPI', null],
  [schema.kpiValues, 'KPI value', ['kpiId', 'period']],
  [schema.kpiComparators, 'KPI comparator', ['kpiId', 'kind', 'label', 'period']],
  [schema.kpiThemes, 'KPI’s theme', ['kpiId', 'themeId']],
  [schema.actionKpis, 'action’s KPI', ['actionId', 'kpiId']],
  [schema.reviews, 'visit or review', null],
  [schema.reviewFindings, 'review finding', null],
  [schema.findingActions, 'finding’s action', ['findingId', 'actionId']],
  [schema.committees, 'committee', null],
  [schema.meetings, 'meeting', null],
  [schema.packs, 'committee pack', null],
  [schema.risks, 'risk', null],
  [schema.budgetLines, 'budget line', null],
  [schema.budgetEntries, 'budget entry', ['budgetLineId', 'financialYear']],
  [schema.workforceProjections, 'workforce projection', null],
  [schema.savedViews, 'saved view', null],
  [schema.subPlanLinks, 'sub-plan link', ['subPlanId', 'actionId']],
];

function referencesOf(table: RecordTable): { column: string; table: string }[] {
  const columns = getTableColumns(table);
  const keyOf = new Map(Object.entries(columns).map(([key, column]) => [column, key]));
  return getTableConfig(table).foreignKeys.map((foreignKey) => {
    const reference = foreignKey.reference();
    const [column] = reference.columns;
    const key = column ? keyOf.get(column as never) : undefined;
    if (!key) throw new Error(`A reference of ${getTableName(table)} names no column.`);
    return { column: key, table: getTableName(reference.foreignTable) };
  });
}

function schemaOf(table: RecordTable, references: { column: string; table: string }[]): z.ZodType<BundleRow> {
  const name = getTableName(table);
  const columns = getTableColumns(table) as Record<string, { notNull: boolean }>;
  const refinements: Record<string, z.ZodType> = { ...RECORD_COLUMNS };
  for (const [key, column] of Object.entries(columns)) {
    if (DATE_COLUMNS.has(key)) refinements[key] = column.notNull ? date : date.nullable();
  }
  for (const reference of references) {
    const kind = reference.table === 'attachments' ? hash : uuid;
    refinements[reference.column] = columns[reference.column]?.notNull ? kind : kind.nullable();
  }
  Object.assign(refinements, VOCABULARY[name] ?? {});
  return createSelectSchema(table).extend(refinements).strict() as unknown as z.ZodType<BundleRow>;
}

export const BUNDLE_TABLES: readonly BundleTable[] = TABLES.map(([table, label, naturalKey]) => {
  const references = referencesOf(table);
  const name = getTableName(table);
  // The screens' word for the kind wins, so the preview and the page name it alike.
  return { name, table, label: RECORD_KIND_LABELS[name]?.one ?? label, references, naturalKey, schema: schemaOf(table, references) };
});

/** "an action", "a KPI value". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

export const BUNDLE_TABLES_BY_NAME: ReadonlyMap<string, BundleTable> = new Map(BUNDLE_TABLES.map((entry) => [entry.name, entry]));

/** An attachment as data.json lists it; its bytes are the entry `attachments/<hash>`. */
export const AttachmentEntry = z
  .object({
    hash,
    size: z.number().int().min(0),
    mediaType: z.string().min(1).max(200),
    createdAt: instant,
  })
  .strict();
export type AttachmentEntry = z.infer<typeof AttachmentEntry>;

/** An audit entry as the bundle carries it, for reading only: it is never written back. */
export const AuditEntryRow = createSelectSchema(schema.auditLog).strict();

/**
 * data.json: the records by table, the attachments, the sender's last exchanged hash of each
 * record, and the plan's history. Records are checked table by table afterwards, so that a
 * refusal can name the table and the record.
 */
export const BundleData = z
  .object({
    tables: z.record(z.string(), z.array(z.unknown())),
    attachments: z.array(AttachmentEntry),
    bases: z.record(z.string(), z.record(z.string(), hash.nullable())),
    audit: z.array(z.unknown()),
  })
  .strict();
export type BundleData = z.infer<typeof BundleData>;
