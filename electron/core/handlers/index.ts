import { actionEditingHandlers } from './action-editing';
import { actionHandlers } from './actions';
import { attentionHandlers } from './attention';
import { authorityHandlers } from './authorities';
import { backupHandlers } from './backups';
import { bankHolidayHandlers } from './bank-holidays';
import { bundleHandlers } from './bundles';
import { committeeHandlers } from './committees';
import { deadlineHandlers } from './deadlines';
import { dfeImportHandlers } from './dfe-import';
import { figuresImportHandlers } from './figures-import';
import { historyHandlers } from './history';
import { inspectionHandlers } from './inspections';
import { kpiReadingHandlers } from './kpi-reading';
import { kpiHandlers } from './kpis';
import { moneyHandlers } from './money';
import { packHandlers } from './packs';
import { planSetupHandlers } from './plan-setup';
import { planHandlers } from './plans';
import { searchHandlers } from './search';
import { spreadsheetHandlers } from './spreadsheets';
import { systemHandlers } from './system';
import { timelineHandlers } from './timeline';
import { versionHandlers } from './versions';
import type { Handlers } from './types';

/** Every contract method's handler; the type fails to compile if one is missing. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authorityHandlers,
  ...planHandlers,
  ...actionHandlers,
  ...inspectionHandlers,
  ...deadlineHandlers,
  ...timelineHandlers,
  ...committeeHandlers,
  ...attentionHandlers,
  ...bankHolidayHandlers,
  ...actionEditingHandlers,
  ...planSetupHandlers,
  ...searchHandlers,
  ...versionHandlers,
  ...historyHandlers,
  ...kpiHandlers,
  ...kpiReadingHandlers,
  ...dfeImportHandlers,
  ...figuresImportHandlers,
  ...moneyHandlers,
  ...packHandlers,
  ...spreadsheetHandlers,
  ...bundleHandlers,
  ...backupHandlers,
};
