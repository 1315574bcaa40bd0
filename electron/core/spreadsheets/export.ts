// The action plan and KPIs exported from a plan: an Excel workbook (built in the worker thread,
// see ../threads/) or a CSV file of its actions or KPI values.
import { londonDate } from '../../../shared/dates';
import type { SpreadsheetFile } from '../../../shared/contract-spreadsheets';
import type { ExportFormat } from '../../../shared/spreadsheets';
import type { Core } from '../core';
import { readPlanTables, type PlanTables } from './plan-tables';
import { ACTION_COLUMNS, csvOf, VALUE_COLUMNS } from './workbook';
import { runTask } from '../threads/worker-thread';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'csv-actions': 'text/csv; charset=utf-8',
  'csv-kpi-values': 'text/csv; charset=utf-8',
};

/** A file name every system accepts: the plan's title without the characters Windows refuses. */
function fileNameOf(tables: PlanTables, what: string, day: string, extension: string): string {
  const title = tables.plan.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  const theme = tables.theme ? ` theme ${tables.theme.reference.replace(/[\\/:*?"<>|]+/g, ' ')}` : '';
  return `${title}${theme} ${what} ${day}.${extension}`;
}

export async function exportPlan(core: Core, input: { planId: string; themeId: string | null; format: ExportFormat }): Promise<SpreadsheetFile> {
  const tables = readPlanTables(core, input.planId, input.themeId);
  const now = core.clock();
  const day = londonDate(now);
  let bytes: Buffer;
  let fileName: string;
  switch (input.format) {
    case 'xlsx':
      bytes = (await runTask('workbook', { tables, actor: core.actor, now, deflated: true })).value;
      fileName = fileNameOf(tables, 'action plan and KPIs', day, 'xlsx');
      break;
    case 'csv-actions':
      bytes = csvOf(ACTION_COLUMNS, tables.actions);
      fileName = fileNameOf(tables, 'action plan', day, 'csv');
      break;
    case 'csv-kpi-values':
      bytes = csvOf(VALUE_COLUMNS, tables.values);
      fileName = fileNameOf(tables, 'KPI values', day, 'csv');
      break;
  }
  return { fileName, mediaType: MEDIA_TYPES[input.format], base64: bytes.toString('base64') };
}
