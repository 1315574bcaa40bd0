// The words of the spreadsheet export and the tracker import: what each column of a council's
// action plan tracker can be taken as, and the limits of one import.

/** The most rows of actions one tracker import reads: far beyond any council's plan. */
export const TRACKER_MAX_ROWS = 10_000;

/** What a column of a tracker can be taken as. */
export const TRACKER_FIELDS = [
  'reference',
  'title',
  'description',
  'theme',
  'owner',
  'lead',
  'startDate',
  'dueDate',
  'status',
  'rag',
  'update',
  'updateDate',
  'measuresOfSuccess',
] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

export const TRACKER_FIELD_LABELS: Record<TrackerField, string> = {
  reference: 'Reference',
  title: 'Action',
  description: 'Description',
  theme: 'Theme',
  owner: 'Owner',
  lead: 'Lead',
  startDate: 'Start date',
  dueDate: 'Due date',
  status: 'Status',
  rag: 'RAG',
  update: 'Latest update',
  updateDate: 'Date of the update',
  measuresOfSuccess: 'Success measures',
};

/** The formats the export writes. */
export const EXPORT_FORMATS = ['xlsx', 'csv-actions', 'csv-kpi-values'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
