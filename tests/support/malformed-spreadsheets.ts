import type { spreadsheetMethods } from '../../shared/contract-spreadsheets';
import { malformedFileCases, TOO_BIG } from './malformed-spreadsheet-file';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const CSV = Buffer.from('Ref,Action,Owner,Due date\n1.1,Audit supervision,Jo Bloggs,30/09/2025\n').toString('base64');
const FILE = { planId: ID, fileName: 'tracker.csv', contentBase64: CSV };
const COLUMNS = {
  reference: 0,
  title: 1,
  description: null,
  theme: null,
  owner: 2,
  lead: null,
  startDate: null,
  dueDate: 3,
  status: null,
  rag: null,
  update: null,
  updateDate: null,
  measuresOfSuccess: null,
};

/** Malformed inputs for these methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_SPREADSHEETS: Record<keyof typeof spreadsheetMethods, [unknown, string][]> = {
  'spreadsheets.exportPlan': [
    [{ planId: ID, format: 'xlsx' }, 'themeId'],
    [{ planId: ID, themeId: null, format: 'pdf' }, 'format'],
    [{ planId: 'Northmoor', themeId: null, format: 'xlsx' }, 'planId'],
    [{ planId: ID, themeId: 'Theme 1', format: 'csv-actions' }, 'themeId'],
    [{ planId: ID, themeId: null, format: 'xlsx', marking: 'secret' }, ''],
  ],
  'spreadsheets.inspectTracker': [
    ...malformedFileCases(FILE),
    [{ ...FILE, headerRow: 2.5 }, 'headerRow'],
    [{ ...FILE, mapping: { ...COLUMNS, title: null } }, 'mapping.title'],
    [{ ...FILE, mapping: { ...COLUMNS, owner: 1 } }, 'mapping.owner'],
    [{ ...FILE, mapping: { ...COLUMNS, dueDate: -1 } }, 'mapping.dueDate'],
    [{ ...FILE, mapping: { ...COLUMNS, colour: 4 } }, 'mapping'],
    [{ ...FILE, fixes: [{ row: 0, field: 'dueDate', text: '30/09/2025' }] }, 'fixes.0.row'],
    [{ ...FILE, fixes: [{ row: 2, field: 'when', text: '30/09/2025' }] }, 'fixes.0.field'],
    [{ ...FILE, newPeople: [''] }, 'newPeople.0'],
    [{ ...FILE, newThemes: 'Workforce' }, 'newThemes'],
  ],
  'spreadsheets.importTracker': [
    [{ ...FILE, planId: undefined }, 'planId'],
    [{ ...FILE, contentBase64: TOO_BIG }, 'contentBase64'],
    [{ ...FILE, mapping: { ...COLUMNS, reference: 20_000 } }, 'mapping.reference'],
    [{ ...FILE, fixes: [{ row: 2, field: 'dueDate', text: 'x'.repeat(20_001) }] }, 'fixes.0.text'],
    [{ ...FILE, newPeople: ['x'.repeat(301)] }, 'newPeople.0'],
    [{ ...FILE, dryRun: true }, ''],
  ],
};
