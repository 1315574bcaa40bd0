// Imports published DfE statistics as KPI values and comparators.
import type { ParsedInput } from '../../../shared/contract';
import type { DfeLayout, dfeImportMethods } from '../../../shared/contract-dfe-import';
import { KPI_CATALOGUE } from '../../../shared/kpi-catalogue';
import type { Core } from '../core';
import { applyImport, assertSeriesFits, kpiOfPlan, previewImport } from '../dfe/import';
import { bundledNeighbourGroupings, type NeighbourGroupings } from '../dfe/neighbours';
import { isReportingYear } from '../dfe/periods';
import { describeColumns, readDfeFile, type DfeFile } from '../dfe/read';
import { councilsOf, selectSeries, type Series } from '../dfe/select';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

/** The catalogue's indicators published in files of this name (DfE names its files by what they hold). */
function catalogueSuggestion(fileName: string): DfeLayout['suggestion'] {
  const name = (fileName.split(/[\\/]/).at(-1) ?? fileName).toLowerCase();
  const indicators = KPI_CATALOGUE.flatMap((entry) =>
    entry.published && name.startsWith(entry.published.file.toLowerCase()) ? [{ entry, published: entry.published }] : [],
  );
  const [first] = indicators;
  if (!first) return null;
  return {
    year: first.published.year,
    indicators: indicators.map(({ entry, published }) => ({ key: entry.key, name: entry.name, measure: published.measure, filters: published.filters })),
  };
}

function layoutOf(file: DfeFile, groupings: NeighbourGroupings): DfeLayout {
  const { measures, filters } = describeColumns(file);
  const councils = [...councilsOf(file).values()]
    .map((council) => ({
      number: council.number,
      name: council.name,
      onsCodes: council.onsCodes,
      region: council.region,
      hasNeighbours: groupings.has(council.number),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.number.localeCompare(b.number));
  const periods = file.periods
    .map((period) => ({ timePeriod: period.timePeriod, timeIdentifier: period.timeIdentifier, readings: period.readings }))
    .sort((a, b) => b.timePeriod.localeCompare(a.timePeriod) || a.timeIdentifier.localeCompare(b.timeIdentifier));
  return {
    fileName: file.fileName,
    rowCount: file.rows.length,
    measures: measures.map((measure) => ({
      column: measure.column,
      numbers: measure.numbers,
      codes: measure.codes,
      problem: measure.unknown ? `has “${measure.unknown.text}” on line ${measure.unknown.line}, which is neither a number nor a suppression code` : null,
    })),
    filters: filters.map((filter) => ({ column: filter.column, values: filter.values.slice(0, 500) })),
    councils,
    periods,
    needsYear: file.periods.some((period) => isReportingYear(period.timeIdentifier)),
    suggestion: catalogueSuggestion(file.fileName),
  };
}

/** The file is read and the series picked before the plan is looked at: the file is the first thing chosen. */
async function seriesOf(input: ParsedInput<'dfe.preview'>): Promise<Series> {
  const file = readDfeFile(input.fileName, input.content);
  return selectSeries(file, await bundledNeighbourGroupings(), {
    council: input.council,
    measure: input.measure,
    filters: input.filters,
    year: input.year,
  });
}

export const dfeImportHandlers: HandlerGroup<keyof typeof dfeImportMethods> = {
  'dfe.inspect': async (input) => layoutOf(readDfeFile(input.fileName, input.content), await bundledNeighbourGroupings()),
  'dfe.preview': async (input, core: Core) => {
    const series = await seriesOf(input);
    assertPlanExists(core, input.planId);
    const kpi = kpiOfPlan(core, input.planId, input.kpiId);
    assertSeriesFits(kpi, series);
    return previewImport(core, kpi, series, input.fileName);
  },
  'dfe.import': async (input, core: Core) => {
    const series = await seriesOf(input);
    assertPlanExists(core, input.planId);
    return core.write(input.planId, (unit) => applyImport(unit, input.planId, kpiOfPlan(unit, input.planId, input.kpiId), series));
  },
};
