// The fixed vocabularies of the domain (DOMAIN.md), each with the words shown to users.
import type { BackupReason } from './contract-backups';

export const FRAMEWORKS = ['sif', 'ilacs', 'focused-visit', 'jtai'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const FRAMEWORK_LABELS: Record<Framework, string> = {
  sif: 'Single inspection framework (SIF)',
  ilacs: 'Inspection of local authority children’s services (ILACS)',
  'focused-visit': 'Focused visit',
  jtai: 'Joint targeted area inspection (JTAI)',
};

/** The judgement areas of each framework (DOMAIN.md section 1), graded separately. */
export const JUDGEMENT_AREAS: Record<Framework, readonly { key: string; label: string }[]> = {
  sif: [
    { key: 'help-and-protection', label: 'Children who need help and protection' },
    { key: 'looked-after-and-permanence', label: 'Children looked after and achieving permanence' },
    { key: 'adoption', label: 'Adoption performance' },
    { key: 'care-leavers', label: 'Experiences and progress of care leavers' },
    { key: 'leadership', label: 'Leadership, management and governance' },
    { key: 'lscb', label: 'Review of the Local Safeguarding Children Board' },
  ],
  ilacs: [
    { key: 'impact-of-leaders', label: 'The impact of leaders on social work practice with children and families' },
    { key: 'help-and-protection', label: 'The experiences and progress of children who need help and protection' },
    { key: 'children-in-care', label: 'The experiences and progress of children in care' },
    { key: 'care-leavers', label: 'The experiences and progress of care leavers (graded separately since January 2023)' },
  ],
  'focused-visit': [],
  jtai: [],
};

export const JUDGEMENTS = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

export const ACTION_STATUSES = ['not-started', 'in-progress', 'awaiting-evidence', 'complete', 'superseded'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'awaiting-evidence': 'Complete, awaiting evidence or sign-off',
  complete: 'Complete',
  superseded: 'Superseded',
};

export const CLASSIFICATIONS = ['official', 'official-sensitive'] as const;
/** A bundle's passphrase must be at least this long (it reaches the recipient by another channel). */
export const PASSPHRASE_MIN_LENGTH = 12;
/** The largest plan bundle file the app reads. */
export const BUNDLE_MAX_BYTES = 1024 * 1024 * 1024;
/** The largest piece of a file, in base64 characters, one call carries. */
export const BUNDLE_CHUNK_BASE64 = 8 * 1024 * 1024;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  official: 'OFFICIAL',
  'official-sensitive': 'OFFICIAL-SENSITIVE',
};

export const PLAN_KINDS = ['main', 'sprint', 'service'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'active', 'superseded', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const KPI_UNITS = ['percentage', 'count', 'rate-per-10000', 'days', 'ratio'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const POLARITIES = ['higher-is-better', 'lower-is-better'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Codes DfE writes in place of a published value. A code is never a zero. */
export const SUPPRESSION_CODES = ['c', 'x', 'u', 'z', 'low', 'k'] as const;
export type SuppressionCode = (typeof SUPPRESSION_CODES)[number];

export const KPI_UNIT_LABELS: Record<KpiUnit, string> = {
  percentage: 'Percentage',
  count: 'Count',
  'rate-per-10000': 'Rate per 10,000 children',
  days: 'Days',
  ratio: 'Ratio or average',
};

export const POLARITY_LABELS: Record<Polarity, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

/** What each code means where DfE publishes it in place of a figure. */
export const SUPPRESSION_CODE_MEANINGS: Record<SuppressionCode, string> = {
  c: 'confidential, a small count',
  x: 'not available',
  u: 'low reliability',
  z: 'not applicable',
  low: 'rounds to zero',
  k: 'less than 0.5',
};

export const REVIEW_KINDS = [
  'monitoring-visit',
  'focused-visit',
  'dfe-review',
  'peer-review',
  'improvement-partner',
  'other',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const COMMITTEE_KINDS = [
  'improvement-board',
  'operational-group',
  'cabinet',
  'scrutiny',
  'corporate-parenting',
  'other',
] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  'improvement-board': 'Improvement board',
  'operational-group': 'Operational improvement group',
  cabinet: 'Cabinet',
  scrutiny: 'Overview and scrutiny committee',
  'corporate-parenting': 'Corporate parenting board',
  other: 'Other',
};

export const CADENCES = ['monthly', 'every-two-months', 'quarterly', 'ad-hoc'] as const;
export type Cadence = (typeof CADENCES)[number];

export const TIMELINE_EVENT_KINDS = ['inspection', 'deadline', 'stage', 'review', 'meeting', 'action-due'] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export const EVIDENCE_KINDS = ['file', 'link', 'note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  file: 'File',
  link: 'Link',
  note: 'Note',
};

/**
 * The largest file kept as evidence: the size most council mail systems accept, so anything
 * stored can still be sent on. Larger documents are better linked from where they are kept.
 */
export const EVIDENCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** A file size as people read it: "850 KB", "23.4 MB", "1.5 GB". */
export function describeFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1).replace(/\.0$/, '')} GB`;
}

/** The one message for a file over the limit, given by the services and by the page alike. */
export function evidenceFileTooLarge(fileName: string, bytes: number): string {
  const limit = describeFileSize(EVIDENCE_FILE_MAX_BYTES);
  const rounded = describeFileSize(bytes);
  // Just over the limit rounds to the limit itself; exact counts then show the difference.
  const [size, exactLimit] =
    rounded === limit
      ? [`${bytes.toLocaleString('en-GB')} bytes`, ` (${EVIDENCE_FILE_MAX_BYTES.toLocaleString('en-GB')} bytes)`]
      : [rounded, ''];
  return (
    `“${fileName}” is ${size}, larger than the ${limit}${exactLimit} a file of evidence can be, ` +
    'so it was not attached. Save a smaller copy (a compressed PDF, or fewer pages), or add a link to where the file is kept.'
  );
}

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  'dfe-review': 'DfE review',
  'peer-review': 'LGA peer review',
  'improvement-partner': 'Improvement partner’s report',
  other: 'Other review',
};

/** The start of an action's reference made from a review's finding with no theme: MV2.1 is the first from the second monitoring visit. */
export const REVIEW_KIND_REFERENCE_PREFIXES: Record<ReviewKind, string> = {
  'monitoring-visit': 'MV',
  'focused-visit': 'FV',
  'dfe-review': 'DFE',
  'peer-review': 'PR',
  'improvement-partner': 'IP',
  other: 'R',
};

/** What a monitoring letter or review reports: a strength, or an area to improve that the council answers with actions. */
export const FINDING_KINDS = ['strength', 'area-to-improve'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  strength: 'Strength',
  'area-to-improve': 'Area to improve',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  main: 'Main plan',
  sprint: 'Sprint',
  service: 'Service plan',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  superseded: 'Superseded',
  closed: 'Closed',
};

/** The statuses of an action still to be delivered: a refresh carries these into the new version. */
export const OPEN_ACTION_STATUSES = ['not-started', 'in-progress', 'awaiting-evidence'] as const satisfies readonly ActionStatus[];

/** A sub-plan: a time-boxed sprint, or a dedicated plan for a weak service (DOMAIN.md section 3). */
export const SUB_PLAN_KINDS = ['sprint', 'service'] as const satisfies readonly PlanKind[];
export type SubPlanKind = (typeof SUB_PLAN_KINDS)[number];
export const SUB_PLAN_KIND_LABELS: Record<SubPlanKind, string> = {
  sprint: 'Sprint (time-boxed, monitored fortnightly)',
  service: 'Service plan (such as leaving care)',
};

/** The usual length of an improvement sprint: 12 weeks, monitored fortnightly. */
export const SPRINT_WEEKS = 12;

/** The fields of an action a comparison of two versions reports as changed. */
export const ACTION_CHANGE_FIELDS = [
  'reference',
  'title',
  'theme',
  'owner',
  'lead',
  'startDate',
  'currentDueDate',
  'status',
  'rag',
  'completedDate',
  'description',
  'measuresOfSuccess',
] as const;
export type ActionChangeField = (typeof ACTION_CHANGE_FIELDS)[number];
export const ACTION_CHANGE_FIELD_LABELS: Record<ActionChangeField, string> = {
  reference: 'Reference',
  title: 'Title',
  theme: 'Theme',
  owner: 'Owner',
  lead: 'Lead',
  startDate: 'Start date',
  currentDueDate: 'Due date',
  status: 'Status',
  rag: 'RAG',
  completedDate: 'Completed',
  description: 'Description',
  measuresOfSuccess: 'Measures of success',
};

/** Why an action of an earlier version is not in a later one. */
export const NOT_CARRIED_REASONS = ['complete', 'superseded', 'deleted'] as const;
export type NotCarriedReason = (typeof NOT_CARRIED_REASONS)[number];
export const NOT_CARRIED_REASON_LABELS: Record<NotCarriedReason, string> = {
  complete: 'Complete, so not carried forward',
  superseded: 'Superseded, so not carried forward',
  deleted: 'Deleted after it was carried forward',
};

// ---------------------------------------------------------------- committee packs

export const PACK_TEMPLATES = ['improvement-board', 'cabinet', 'scrutiny', 'corporate-parenting'] as const;
export type PackTemplate = (typeof PACK_TEMPLATES)[number];
export const PACK_TEMPLATE_LABELS: Record<PackTemplate, string> = {
  'improvement-board': 'Improvement board',
  cabinet: 'Cabinet',
  scrutiny: 'Overview and scrutiny committee',
  'corporate-parenting': 'Corporate parenting board',
};

/** The parts of a pack, in the order they print. */
export const PACK_SECTIONS = [
  'summary',
  'recommendations',
  'progress',
  'kpis',
  'kpi-charts',
  'monitoring',
  'workforce',
  'finance',
  'next-steps',
  'implications',
  'action-plan',
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];
/** Each part as the pack's editor lists it; the printed headings are these words too. */
export const PACK_SECTION_LABELS: Record<PackSection, string> = {
  summary: 'Summary',
  recommendations: 'Recommendations',
  progress: 'Progress by theme',
  kpis: 'Performance against the KPIs',
  'kpi-charts': 'KPI trends',
  monitoring: 'Monitoring visits and reviews',
  workforce: 'Workforce',
  finance: 'Finance',
  'next-steps': 'Next steps',
  implications: 'Implications',
  'action-plan': 'Appendix A: the action plan',
};
/** The parts a person writes; the app fills the rest from the plan. */
export const WRITTEN_SECTIONS: readonly PackSection[] = ['summary', 'recommendations', 'next-steps', 'implications'];

export const PACK_STATUSES = ['draft', 'issued'] as const;

/** The kind of report each kind of committee takes; a committee of another kind gets the board's. */
export const PACK_TEMPLATE_OF_COMMITTEE: Record<CommitteeKind, PackTemplate> = {
  'improvement-board': 'improvement-board',
  'operational-group': 'improvement-board',
  cabinet: 'cabinet',
  scrutiny: 'scrutiny',
  'corporate-parenting': 'corporate-parenting',
  other: 'improvement-board',
};

/** Why a backup was taken, as the Backups list and `g2g backup list` say it. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  scheduled: 'Scheduled',
  'by-hand': 'By hand',
  'before-import': 'Before an import',
  'before-update': 'Before an update',
  other: 'Put here by someone',
};
