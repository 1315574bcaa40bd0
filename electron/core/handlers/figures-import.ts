// Imports the performance team's figures from CSV or XLSX: the file is read here, in the main
// process, every time it is sent, mapped column by column, previewed cell by cell, and saved
// whole or not at all through the same checks as every other KPI value.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { kpis, kpiValues } from '../../../db/schema';
import { FIGURES_MAX_ROWS, type figuresImportMethods, type FiguresInspection, type FiguresMapping } from '../../../shared/contract-figures-import';
import type { KpiCell } from '../../../shared/contract-kpis';
import type { Frequency, KpiUnit, SuppressionCode } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { applyRemembered, guessHeaderRow, guessMapping, kpiLabelCount, RememberedMapping, rememberedMappingKey, sheetColumns, toRemembered } from '../figures/mapping';
import { planImport, storedKey, type PlanKpi, type PlannedImport, type StoredValues } from '../figures/preview';
import { cellAt, cellText, columnLetter, type Sheet, type SpreadsheetFile } from '../figures/sheet';
import { writeKpiValues } from '../kpi-values';
import { readSetting, writeSetting } from '../settings';
import { assertPlanExists } from './plans';
import { plural, readFile, readSheet, refusal, refuseProblems, sheetReading } from './spreadsheet-reading';
import type { HandlerGroup } from './types';

const SAMPLE_ROWS = 8;

type Reader = Pick<Core, 'db'>;

function planKpis(reader: Reader, planId: string): PlanKpi[] {
  return reader.db
    .select({ id: kpis.id, reference: kpis.reference, name: kpis.name, unit: kpis.unit, frequency: kpis.frequency })
    .from(kpis)
    .where(and(eq(kpis.planId, planId), isNull(kpis.deletedAt)))
    .orderBy(asc(kpis.sortOrder))
    .all()
    .map((row) => ({ ...row, unit: row.unit as KpiUnit, frequency: row.frequency as Frequency }));
}

function storedValues(reader: Reader, kpiIds: string[]): StoredValues {
  const stored: StoredValues = new Map();
  for (let start = 0; start < kpiIds.length; start += 500) {
    const rows = reader.db
      .select()
      .from(kpiValues)
      .where(and(inArray(kpiValues.kpiId, kpiIds.slice(start, start + 500)), isNull(kpiValues.deletedAt)))
      .all();
    for (const row of rows) {
      const cell: KpiCell = { value: row.value, suppressionCode: row.suppressionCode as SuppressionCode | null, provisional: row.provisional, note: row.note };
      stored.set(storedKey(row.kpiId, row.period), cell);
    }
  }
  return stored;
}

/** Refuses a mapping that names a row or a column the sheet does not have. */
function checkMappingFits(sheet: Sheet, mapping: FiguresMapping, saving: boolean): void {
  if (mapping.headerRow > sheet.rows.length) {
    throw refusal('mapping.headerRow', `The sheet “${sheet.name}” has ${sheet.rows.length} rows, so the headings cannot be in row ${mapping.headerRow}`, saving);
  }
  const named: [string, number | null][] = [
    ['kpiColumn', mapping.kpiColumn],
    ['periodColumn', mapping.layout === 'long' ? mapping.periodColumn : null],
    ['valueColumn', mapping.layout === 'long' ? mapping.valueColumn : null],
    ['provisionalColumn', mapping.layout === 'long' ? mapping.provisionalColumn : null],
    ['noteColumn', mapping.layout === 'long' ? mapping.noteColumn : null],
    ...(mapping.layout === 'wide' ? mapping.periodColumns.map((column, index): [string, number] => [`periodColumns.${index}`, column]) : []),
  ];
  for (const [path, column] of named) {
    if (column !== null && column >= sheet.columnCount) {
      throw refusal(`mapping.${path}`, `The sheet “${sheet.name}” has no column ${columnLetter(column)}: its last column is ${columnLetter(Math.max(0, sheet.columnCount - 1))}`, saving);
    }
  }
}

function rememberedMapping(core: Core, planId: string): RememberedMapping | null {
  return readSetting(core, rememberedMappingKey(planId), RememberedMapping);
}

/** The sheet asked for; else the one used last time; else the one naming the most of the plan's KPIs, the first of equals. */
function chooseSheet(file: SpreadsheetFile, requested: string | undefined, remembered: RememberedMapping | null, planKpiList: PlanKpi[]): string {
  if (requested !== undefined) return requested;
  const filled = file.sheets.filter((sheet) => sheet.rowCount > 0 && sheet.rowCount <= FIGURES_MAX_ROWS);
  const rememberedSheet = remembered && filled.find((sheet) => sheet.name === remembered.sheet);
  if (rememberedSheet) return rememberedSheet.name;
  let best = filled[0]?.name ?? file.sheets.find((sheet) => sheet.rowCount > 0)?.name ?? '';
  let bestCount = 0;
  for (const { name } of filled) {
    const found = kpiLabelCount(file.sheet(name), planKpiList);
    if (found > bestCount) {
      best = name;
      bestCount = found;
    }
  }
  return best;
}

async function inspect(core: Core, input: { planId: string; fileName: string; contentBase64: string; sheet?: string; headerRow?: number }): Promise<FiguresInspection> {
  assertPlanExists(core, input.planId);
  const file = await readFile(input, false);
  const remembered = rememberedMapping(core, input.planId);
  const planKpiList = planKpis(core, input.planId);
  const sheet = readSheet(file, chooseSheet(file, input.sheet, remembered, planKpiList), false);
  if (input.headerRow !== undefined && input.headerRow > sheet.rows.length) {
    throw refusal('headerRow', `The sheet “${sheet.name}” has ${sheet.rows.length} rows, so the headings cannot be in row ${input.headerRow}`, false);
  }

  let mapping: FiguresMapping | null = null;
  let usedRemembered: RememberedMapping | null = null;
  let rememberedNotUsed: string | null = null;
  if (remembered && (input.headerRow === undefined || input.headerRow === remembered.headerRow)) {
    if (remembered.headerRow > sheet.rows.length) {
      rememberedNotUsed = `The columns chosen last time (for “${remembered.fileName}”) are not set again: their headings were in row ${remembered.headerRow}, and this sheet has ${sheet.rows.length} rows.`;
    } else {
      const applied = applyRemembered(sheet, remembered);
      if ('mapping' in applied) {
        mapping = applied.mapping;
        usedRemembered = remembered;
      } else rememberedNotUsed = applied.notUsed;
    }
  }
  const headerRow = mapping?.headerRow ?? input.headerRow ?? guessHeaderRow(sheet);
  mapping ??= guessMapping(sheet, headerRow, planKpiList);

  const sample = sheet.rows.slice(headerRow, headerRow + SAMPLE_ROWS).map((cells, offset) => ({
    row: headerRow + 1 + offset,
    cells: Array.from({ length: sheet.columnCount }, (_, column) => cellText(cellAt(sheet, headerRow + 1 + offset, column))),
  }));
  return { ...sheetReading(file, sheet, headerRow, usedRemembered, rememberedNotUsed), columns: sheetColumns(sheet, headerRow), sample, mapping };
}

interface SheetInput {
  planId: string;
  fileName: string;
  contentBase64: string;
  sheet: string;
  mapping: FiguresMapping;
}

async function plan(core: Core, input: SheetInput, saving: boolean): Promise<{ sheet: Sheet; planned: PlannedImport }> {
  assertPlanExists(core, input.planId);
  const file = await readFile(input, saving);
  const sheet = readSheet(file, input.sheet, saving);
  checkMappingFits(sheet, input.mapping, saving);
  const planKpiList = planKpis(core, input.planId);
  const planned = planImport(sheet, input.mapping, planKpiList, storedValues(core, planKpiList.map((kpi) => kpi.id)));
  return { sheet, planned };
}

/** Where a problem stands, as the refusal names it: its row and column, or the file. */
function problemPath(problem: { row: number | null; column: string | null }): string {
  return problem.row === null ? 'file' : `rows.${problem.row}${problem.column ? `.${problem.column}` : ''}`;
}

export const figuresImportHandlers: HandlerGroup<keyof typeof figuresImportMethods> = {
  'figures.inspect': (input, core) => inspect(core, input),

  'figures.preview': async (input, core) => (await plan(core, input, false)).planned.preview,

  'figures.import': async (input, core) => {
    const { sheet, planned } = await plan(core, input, true);
    const { preview, writes } = planned;
    if (preview.problemCount > 0) refuseProblems('the file', preview.problems, preview.problemCount, problemPath);
    if (preview.unmatchedRowCount > 0 && !input.leaveOutUnmatched) {
      const labels = preview.unmatched.map((entry) => `“${entry.label}” (${entry.rows.length === 1 ? 'row' : 'rows'} ${entry.rows.slice(0, 5).join(', ')}${entry.rows.length > 5 ? ' …' : ''})`);
      throw refusal(
        'leaveOutUnmatched',
        `${plural(preview.unmatchedRowCount, 'row names a KPI', 'rows name KPIs')} this plan does not have: ${labels.slice(0, 5).join('; ')}${labels.length > 5 ? '; …' : ''}. Correct the file, or choose to leave those rows out`,
        true,
      );
    }
    if (writes.length === 0) {
      throw refusal('mapping', 'The file has no figures for this plan’s KPIs under the columns chosen: check the columns, or the row the headings are in', true);
    }
    core.write(input.planId, (unit) => {
      // The same checks as the preview ran: a KPI deleted meanwhile is refused here, and nothing is saved.
      writeKpiValues(unit, input.planId, writes, 'cells');
      writeSetting(unit, rememberedMappingKey(input.planId), toRemembered(sheet, input.mapping, input.fileName, unit.now), input.planId);
    });
    return {
      added: preview.counts.new,
      changed: preview.counts.changed,
      unchanged: preview.counts.same,
      blank: preview.counts.blank,
      rowsLeftOut: preview.unmatchedRowCount,
    };
  },
};
