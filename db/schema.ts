// The whole data model of Getting to Good. Column names are written in camelCase here and
// stored in snake_case (drizzle's `casing: 'snake_case'`), so one word names one idea from the
// database column to the contract and the screen.
//
// Every table that a bundle can carry has the same record columns: a globally unique id
// (UUID v7, so records made on different laptops never collide when merged), who changed it
// and when, a revision counted up on each change, and `deletedAt` as a tombstone so a merge can
// carry deletions. Dates are ISO 8601 strings (YYYY-MM-DD); instants are ISO timestamps in UTC;
// money is whole pence.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const record = {
  id: text().primaryKey(),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
  updatedBy: text().notNull(),
  revision: integer().notNull().default(1),
  deletedAt: text(),
};

// ---------------------------------------------------------------- authority and people

export const authorities = sqliteTable('authorities', {
  ...record,
  name: text().notNull(),
  oldLaCode: text(),
  newLaCode: text(),
  region: text(),
});

/** Owners and leads of actions: accountable senior officers, heads of service, theme leads. */
export const people = sqliteTable(
  'people',
  {
    ...record,
    authorityId: text()
      .notNull()
      .references(() => authorities.id),
    name: text().notNull(),
    jobTitle: text(),
    email: text(),
  },
  (table) => [index('people_authority').on(table.authorityId)],
);

// ---------------------------------------------------------------- inspections

export const inspections = sqliteTable(
  'inspections',
  {
    ...record,
    authorityId: text()
      .notNull()
      .references(() => authorities.id),
    /** sif | ilacs | focused-visit | jtai */
    framework: text().notNull(),
    startDate: text().notNull(),
    endDate: text(),
    reportReceivedDate: text(),
    reportPublishedDate: text(),
    /** outstanding | good | requires-improvement | inadequate */
    overallJudgement: text(),
    /** A focused visit that found areas for priority action (a draft plan is then due sooner). */
    priorityActionAreas: integer({ mode: 'boolean' }).notNull().default(false),
    notes: text(),
  },
  (table) => [index('inspections_authority').on(table.authorityId)],
);

/** The grade given for each judgement area of the inspection's framework. */
export const inspectionJudgements = sqliteTable(
  'inspection_judgements',
  {
    ...record,
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    /** A judgement-area key of the framework, such as `help-and-protection`. */
    area: text().notNull(),
    judgement: text().notNull(),
  },
  (table) => [uniqueIndex('inspection_judgements_area').on(table.inspectionId, table.area)],
);

/**
 * Overrides of the statutory and expected dates computed for an inspection. The dates
 * themselves are computed from the rules each time; a row here records a date agreed
 * otherwise, with its reason, beside the date the rule gave. Earlier overrides stay in the
 * audit log.
 */
export const deadlines = sqliteTable(
  'deadlines',
  {
    ...record,
    inspectionId: text()
      .notNull()
      .references(() => inspections.id),
    /** The computed date's key, such as `action-plan` or `monitoring-visit-2`. */
    deadlineKey: text().notNull(),
    /** The date as the rules computed it when the override was made. */
    computedDate: text(),
    overrideDate: text(),
    overrideReason: text(),
  },
  (table) => [uniqueIndex('deadlines_key').on(table.inspectionId, table.deadlineKey)],
);

// ---------------------------------------------------------------- plans

/**
 * An improvement plan. Versions of one plan share `seriesId`; a refresh after a monitoring
 * visit makes a new row with `version` one higher and `previousVersionId` pointing back.
 * Sub-plans (a 12-week sprint, a leaving-care service plan) point to their main plan.
 */
export const plans = sqliteTable(
  'plans',
  {
    ...record,
    authorityId: text()
      .notNull()
      .references(() => authorities.id),
    inspectionId: text().references(() => inspections.id),
    seriesId: text().notNull(),
    version: integer().notNull().default(1),
    previousVersionId: text(),
    /** main | sprint | service */
    kind: text().notNull().default('main'),
    parentPlanId: text(),
    title: text().notNull(),
    summary: text(),
    /** draft | active | superseded | closed */
    status: text().notNull().default('active'),
    startDate: text(),
    endDate: text(),
    /** official | official-sensitive */
    classification: text().notNull().default('official'),
    /** What red, amber, green and blue mean in this plan, as JSON { red, amber, green, blue }. */
    ragMeanings: text({ mode: 'json' }).$type<Record<'red' | 'amber' | 'green' | 'blue', string>>().notNull(),
  },
  (table) => [index('plans_series').on(table.seriesId), index('plans_parent').on(table.parentPlanId)],
);

export const planStages = sqliteTable(
  'plan_stages',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    name: text().notNull(),
    description: text(),
    startDate: text(),
    endDate: text(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [index('plan_stages_plan').on(table.planId)],
);

export const recommendations = sqliteTable(
  'recommendations',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    inspectionId: text().references(() => inspections.id),
    reviewFindingId: text(),
    number: integer().notNull(),
    text: text().notNull(),
  },
  (table) => [index('recommendations_plan').on(table.planId)],
);

export const themes = sqliteTable(
  'themes',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    reference: text().notNull(),
    title: text().notNull(),
    description: text(),
    leadId: text().references(() => people.id),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [index('themes_plan').on(table.planId)],
);

/** A framework of components a plan can map its themes to, such as the LGA's ten components. */
export const componentFrameworks = sqliteTable('component_frameworks', {
  ...record,
  name: text().notNull(),
  source: text(),
});

export const components = sqliteTable(
  'components',
  {
    ...record,
    frameworkId: text()
      .notNull()
      .references(() => componentFrameworks.id),
    reference: text().notNull(),
    title: text().notNull(),
    description: text(),
  },
  (table) => [index('components_framework').on(table.frameworkId)],
);

export const themeComponents = sqliteTable(
  'theme_components',
  {
    ...record,
    themeId: text()
      .notNull()
      .references(() => themes.id),
    componentId: text()
      .notNull()
      .references(() => components.id),
  },
  (table) => [uniqueIndex('theme_components_pair').on(table.themeId, table.componentId)],
);

export const recommendationThemes = sqliteTable(
  'recommendation_themes',
  {
    ...record,
    recommendationId: text()
      .notNull()
      .references(() => recommendations.id),
    themeId: text()
      .notNull()
      .references(() => themes.id),
  },
  (table) => [uniqueIndex('recommendation_themes_pair').on(table.recommendationId, table.themeId)],
);

// ---------------------------------------------------------------- actions

export const actions = sqliteTable(
  'actions',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    themeId: text().references(() => themes.id),
    /** The plan's reference for the action, such as 2.3.1. Unique among live actions of a plan. */
    reference: text().notNull(),
    title: text().notNull(),
    description: text(),
    ownerId: text().references(() => people.id),
    leadId: text().references(() => people.id),
    startDate: text(),
    baselineDueDate: text(),
    currentDueDate: text(),
    completedDate: text(),
    /** not-started | in-progress | awaiting-evidence | complete | superseded */
    status: text().notNull().default('not-started'),
    /** red | amber | green | blue, or null before the first rating */
    rag: text(),
    measuresOfSuccess: text(),
    sortOrder: integer().notNull().default(0),
    /** The action of the previous plan version this one was carried forward from. */
    carriedFromActionId: text(),
  },
  (table) => [
    index('actions_plan').on(table.planId),
    index('actions_theme').on(table.themeId),
    index('actions_owner').on(table.ownerId),
    index('actions_due').on(table.planId, table.currentDueDate),
    uniqueIndex('actions_reference').on(table.planId, table.reference).where(sql`deleted_at is null`),
  ],
);

/** Every move of an action's due date, with the reason given. Members count the moves. */
export const actionDueDateChanges = sqliteTable(
  'action_due_date_changes',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    fromDate: text(),
    toDate: text().notNull(),
    reason: text().notNull(),
  },
  (table) => [index('action_due_date_changes_action').on(table.actionId, table.deletedAt)],
);

export const actionRecommendations = sqliteTable(
  'action_recommendations',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    recommendationId: text()
      .notNull()
      .references(() => recommendations.id),
  },
  (table) => [
    uniqueIndex('action_recommendations_pair').on(table.actionId, table.recommendationId),
    index('action_recommendations_recommendation').on(table.recommendationId),
  ],
);

export const milestones = sqliteTable(
  'milestones',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    title: text().notNull(),
    dueDate: text(),
    completedDate: text(),
  },
  (table) => [index('milestones_action').on(table.actionId)],
);

export const actionDependencies = sqliteTable(
  'action_dependencies',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    dependsOnActionId: text()
      .notNull()
      .references(() => actions.id),
    note: text(),
  },
  (table) => [uniqueIndex('action_dependencies_pair').on(table.actionId, table.dependsOnActionId)],
);

export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    updateDate: text().notNull(),
    narrative: text().notNull(),
    /** The action's RAG at the time of the update. */
    rag: text(),
    authorName: text().notNull(),
  },
  (table) => [index('progress_updates_action').on(table.actionId, table.deletedAt, table.updateDate)],
);

/** File contents, stored once by SHA-256 whatever the number of records that cite them. */
export const attachments = sqliteTable('attachments', {
  hash: text().primaryKey(),
  size: integer().notNull(),
  mediaType: text().notNull(),
  content: blob({ mode: 'buffer' }).notNull(),
  createdAt: text().notNull(),
});

export const evidence = sqliteTable(
  'evidence',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    /** file | link | note */
    kind: text().notNull(),
    title: text().notNull(),
    url: text(),
    note: text(),
    fileName: text(),
    attachmentHash: text().references(() => attachments.hash),
  },
  (table) => [index('evidence_action').on(table.actionId)],
);

// ---------------------------------------------------------------- KPIs

export const kpis = sqliteTable(
  'kpis',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    reference: text().notNull(),
    name: text().notNull(),
    definition: text(),
    /** percentage | count | rate-per-10000 | days | ratio */
    unit: text().notNull(),
    /** higher-is-better | lower-is-better */
    polarity: text().notNull(),
    /** weekly | monthly | quarterly | annual */
    frequency: text().notNull(),
    source: text(),
    /** The key of the built-in DfE catalogue entry the KPI came from, if any. */
    catalogueKey: text(),
    baselineValue: real(),
    baselinePeriod: text(),
    targetValue: real(),
    targetLower: real(),
    targetUpper: real(),
    /** How far short of target still counts as amber, in the KPI's unit. */
    tolerance: real(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [index('kpis_plan').on(table.planId)],
);

export const kpiValues = sqliteTable(
  'kpi_values',
  {
    ...record,
    kpiId: text()
      .notNull()
      .references(() => kpis.id),
    /** The period's key: 2024-03 (month), 2024-25-Q1, 2024-25 (financial year), 2024-W07 ... */
    period: text().notNull(),
    periodEnd: text().notNull(),
    value: real(),
    /** A published suppression code (c, x, u, z, low, k) in place of a value. Never a zero. */
    suppressionCode: text(),
    provisional: integer({ mode: 'boolean' }).notNull().default(false),
    note: text(),
  },
  (table) => [
    uniqueIndex('kpi_values_period').on(table.kpiId, table.period),
    // The latest values of a KPI are read on every overview and scorecard.
    index('kpi_values_latest').on(table.kpiId, table.periodEnd),
  ],
);

export const kpiComparators = sqliteTable(
  'kpi_comparators',
  {
    ...record,
    kpiId: text()
      .notNull()
      .references(() => kpis.id),
    /** england | region | statistical-neighbours | other */
    kind: text().notNull(),
    label: text().notNull(),
    period: text().notNull(),
    periodEnd: text().notNull(),
    value: real(),
    suppressionCode: text(),
  },
  (table) => [uniqueIndex('kpi_comparators_period').on(table.kpiId, table.kind, table.label, table.period)],
);

export const kpiThemes = sqliteTable(
  'kpi_themes',
  {
    ...record,
    kpiId: text()
      .notNull()
      .references(() => kpis.id),
    themeId: text()
      .notNull()
      .references(() => themes.id),
  },
  (table) => [uniqueIndex('kpi_themes_pair').on(table.kpiId, table.themeId)],
);

export const actionKpis = sqliteTable(
  'action_kpis',
  {
    ...record,
    actionId: text()
      .notNull()
      .references(() => actions.id),
    kpiId: text()
      .notNull()
      .references(() => kpis.id),
  },
  (table) => [uniqueIndex('action_kpis_pair').on(table.actionId, table.kpiId)],
);

// ---------------------------------------------------------------- monitoring and reviews

export const reviews = sqliteTable(
  'reviews',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    /** monitoring-visit | focused-visit | dfe-review | peer-review | improvement-partner | other */
    kind: text().notNull(),
    title: text().notNull(),
    focus: text(),
    visitStartDate: text(),
    visitEndDate: text(),
    letterDate: text(),
    letterPublished: integer({ mode: 'boolean' }).notNull().default(false),
    summary: text(),
  },
  (table) => [index('reviews_plan').on(table.planId)],
);

export const reviewFindings = sqliteTable(
  'review_findings',
  {
    ...record,
    reviewId: text()
      .notNull()
      .references(() => reviews.id),
    /** strength | area-to-improve */
    kind: text().notNull(),
    text: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [index('review_findings_review').on(table.reviewId)],
);

/** The actions that answer a finding, kept when a finding is turned into an action. */
export const findingActions = sqliteTable(
  'finding_actions',
  {
    ...record,
    findingId: text()
      .notNull()
      .references(() => reviewFindings.id),
    actionId: text()
      .notNull()
      .references(() => actions.id),
  },
  (table) => [uniqueIndex('finding_actions_pair').on(table.findingId, table.actionId)],
);

// ---------------------------------------------------------------- governance and packs

export const committees = sqliteTable(
  'committees',
  {
    ...record,
    authorityId: text()
      .notNull()
      .references(() => authorities.id),
    planId: text().references(() => plans.id),
    name: text().notNull(),
    /** improvement-board | operational-group | cabinet | scrutiny | corporate-parenting | other */
    kind: text().notNull(),
    chair: text(),
    /** monthly | every-two-months | quarterly | ad-hoc */
    cadence: text().notNull(),
  },
  (table) => [index('committees_authority').on(table.authorityId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    ...record,
    committeeId: text()
      .notNull()
      .references(() => committees.id),
    meetingDate: text().notNull(),
    agendaItem: text(),
    location: text(),
    notes: text(),
  },
  (table) => [index('meetings_committee').on(table.committeeId, table.meetingDate)],
);

/** A committee report. Once issued, its PDF and the data it showed are frozen as a record. */
export const packs = sqliteTable(
  'packs',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    meetingId: text().references(() => meetings.id),
    /** improvement-board | cabinet | scrutiny | corporate-parenting */
    template: text().notNull(),
    title: text().notNull(),
    periodStart: text(),
    periodEnd: text(),
    /** draft | issued */
    status: text().notNull().default('draft'),
    /** The sections chosen and the words only a person can write, as JSON. */
    content: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    issuedAt: text(),
    issuedBy: text(),
    /** The frozen data the issued pack showed, as JSON. */
    issuedSnapshot: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    pdfHash: text().references(() => attachments.hash),
  },
  (table) => [index('packs_plan').on(table.planId)],
);

export const risks = sqliteTable(
  'risks',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    reference: text().notNull(),
    title: text().notNull(),
    description: text(),
    ownerId: text().references(() => people.id),
    /** 1 to 5 each */
    likelihood: integer(),
    impact: integer(),
    mitigation: text(),
    rag: text(),
  },
  (table) => [index('risks_plan').on(table.planId)],
);

export const budgetLines = sqliteTable(
  'budget_lines',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    name: text().notNull(),
    /** recurrent | one-off */
    kind: text().notNull(),
    description: text(),
  },
  (table) => [index('budget_lines_plan').on(table.planId)],
);

/** Allocation and spend of a budget line in one UK financial year (2024-25), in pence. */
export const budgetEntries = sqliteTable(
  'budget_entries',
  {
    ...record,
    budgetLineId: text()
      .notNull()
      .references(() => budgetLines.id),
    financialYear: text().notNull(),
    allocatedPence: integer().notNull().default(0),
    spentPence: integer().notNull().default(0),
  },
  (table) => [uniqueIndex('budget_entries_year').on(table.budgetLineId, table.financialYear)],
);

export const workforceProjections = sqliteTable(
  'workforce_projections',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    name: text().notNull(),
    /** The first financial year projected, such as 2024-25. */
    startYear: text().notNull(),
    years: integer().notNull(),
    totalPosts: integer().notNull(),
    currentVacancies: integer().notNull(),
    /** Annual turnover as a percentage of filled posts. */
    annualTurnoverRate: real().notNull(),
    /** Planned recruits per channel per year: { channel: [year1, year2, ...] }. */
    recruits: text({ mode: 'json' }).$type<Record<string, number[]>>().notNull(),
  },
  (table) => [index('workforce_projections_plan').on(table.planId)],
);

/** A named set of filters and sorting of the action table. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    ...record,
    planId: text()
      .notNull()
      .references(() => plans.id),
    name: text().notNull(),
    query: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('saved_views_plan').on(table.planId)],
);

// ---------------------------------------------------------------- trust, audit and settings

/** Public keys of other installations whose signed bundles the user has chosen to trust. */
export const trustedKeys = sqliteTable('trusted_keys', {
  fingerprint: text().primaryKey(),
  publicKey: text().notNull(),
  label: text().notNull(),
  addedAt: text().notNull(),
});

/**
 * What each record was when it last crossed between installations in a plan bundle: the hash of
 * its content as exported from here or imported here. A bundle carries the sender's hash of each
 * record, so the receiver can tell a record changed on one side since from one changed on both.
 */
export const bundleBases = sqliteTable(
  'bundle_bases',
  {
    /** The record's table, by its SQL name (`actions`). */
    entityType: text().notNull(),
    entityId: text().notNull(),
    baseHash: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.entityType, table.entityId] })],
);

/** Every plan bundle made or applied here: when, by whom, what it held and who signed it. */
export const bundleLog = sqliteTable(
  'bundle_log',
  {
    id: text().primaryKey(),
    /** The bundle's own id, as its manifest names it. */
    bundleId: text().notNull(),
    /** exported | imported */
    direction: text().notNull(),
    at: text().notNull(),
    actor: text().notNull(),
    planId: text().notNull(),
    /** The theme the bundle was cut to, or null for the whole plan. */
    themeId: text(),
    fileName: text().notNull(),
    /** The fingerprint of the key that signed it. */
    fingerprint: text().notNull(),
    classification: text().notNull(),
    encrypted: integer({ mode: 'boolean' }).notNull(),
    bytes: integer().notNull(),
    /** Counts of records by kind, and for an import what was added, changed and deleted, as JSON. */
    summary: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The copy of the database taken before an import. */
    backupFile: text(),
  },
  (table) => [index('bundle_log_plan').on(table.planId, table.at)],
);

/**
 * Every change made through the services, written in the same transaction as the change.
 * Each entry's hash covers its content and the previous entry's hash, so altering or removing
 * an entry breaks the chain from that point on.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    sequence: integer().primaryKey({ autoIncrement: true }),
    /** The one user action (transaction) the entry belongs to; undo reverses a whole change. */
    changeId: text().notNull(),
    at: text().notNull(),
    actor: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    /** The plan the entity belongs to, so a plan's whole history can be read. */
    planId: text(),
    /** create | update | delete */
    operation: text().notNull(),
    before: text(),
    after: text(),
    previousHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [
    index('audit_log_entity').on(table.entityType, table.entityId),
    index('audit_log_plan').on(table.planId),
    index('audit_log_change').on(table.changeId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).notNull(),
  updatedAt: text().notNull(),
});

// ---------------------------------------------------------------- sub-plans

/**
 * The actions of a main plan that a sub-plan serves: a 12-week sprint or a service plan (such
 * as leaving care) is its own plan with its own actions, and these rows say which main-plan
 * actions it exists to move. When the main plan is refreshed, the links follow the carried
 * actions into the new version.
 */
export const subPlanLinks = sqliteTable(
  'sub_plan_links',
  {
    ...record,
    subPlanId: text()
      .notNull()
      .references(() => plans.id),
    actionId: text()
      .notNull()
      .references(() => actions.id),
  },
  (table) => [
    uniqueIndex('sub_plan_links_pair').on(table.subPlanId, table.actionId),
    index('sub_plan_links_action').on(table.actionId),
  ],
);
