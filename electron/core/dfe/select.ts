// Picking a council's series out of a published file: the council (by DfE number, ONS code or
// name), the measure column, the filter values and the year reading; and, beside each of its
// figures, England's, its region's and its statistical neighbours' average for the same period.
import { periodRange } from '../../../shared/periods';
import type { DfeFigure, DfeYearReading } from '../../../shared/contract-dfe-import';
import { SUPPRESSION_CODES } from '../../../shared/vocabulary';
import { fieldError } from '../handlers/plan-setup-common';
import { neighbourLabel, neighbourMean, type NeighbourGroupings } from './neighbours';
import { isReportingYear } from './periods';
import { columnIndex, describeColumns, readCell, valueOf, type DfeFile, type DfeRow } from './read';

export interface Council {
  /** The DfE number (old_la_code), or the ONS code where a file gives none. */
  number: string;
  /** As the file writes it in its latest period. */
  name: string;
  /** Newest first. */
  onsCodes: string[];
  region: string | null;
  /** Every name the file gives it, in lower case. */
  names: Set<string>;
}

interface Latest {
  order: number;
  name: string;
  region: string;
}

/** A period's place in time, to find a council's latest name: the year, then the month or quarter. */
function periodOrder(file: DfeFile, row: DfeRow): number {
  const period = file.periods[row.period];
  const reading = period?.readings['year-to-march'];
  const year = Number(/^\d{4}/.exec(row.timePeriod)?.[0] ?? 0);
  const within = reading?.key ? Number(/-(\d{2})$/.exec(reading.key)?.[1] ?? /Q(\d)$/.exec(reading.key)?.[1] ?? 0) : 0;
  return year * 100 + within;
}

function councilKey(file: DfeFile, row: DfeRow): string {
  return valueOf(file, row, 'old_la_code') || valueOf(file, row, 'new_la_code');
}

/** The file's councils by DfE number. */
export function councilsOf(file: DfeFile): Map<string, Council> {
  const councils = new Map<string, Council & { latest: Latest; codes: Map<string, number> }>();
  for (const row of file.rows) {
    if (row.level !== 'council') continue;
    const number = councilKey(file, row);
    if (!number) continue;
    const name = valueOf(file, row, 'la_name');
    const onsCode = valueOf(file, row, 'new_la_code');
    const region = valueOf(file, row, 'region_name');
    const order = periodOrder(file, row);
    let council = councils.get(number);
    if (!council) {
      council = { number, name, onsCodes: [], region: region || null, names: new Set(), latest: { order, name, region }, codes: new Map() };
      councils.set(number, council);
    }
    if (name) council.names.add(name.toLowerCase());
    if (onsCode) council.codes.set(onsCode, Math.max(order, council.codes.get(onsCode) ?? order));
    if (order >= council.latest.order) council.latest = { order, name: name || council.latest.name, region: region || council.latest.region };
  }
  return new Map(
    [...councils].map(([number, { latest, codes, ...council }]) => [
      number,
      {
        ...council,
        name: latest.name || number,
        region: latest.region || null,
        onsCodes: [...codes].sort((a, b) => b[1] - a[1]).map(([code]) => code),
      },
    ]),
  );
}

/** “a”, “b” or “c”. */
function orList(items: string[]): string {
  const shown = items.length > 6 ? [...items.slice(0, 5), `${items.length - 5} more`] : items;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '');
}

function describe(council: Council): string {
  return `${council.name} (${council.number})`;
}

/** The council a person named, by DfE number, ONS code or name in any case; refuses an unknown or ambiguous one at `council`. */
export function resolveCouncil(file: DfeFile, councils: Map<string, Council>, named: string): Council {
  const text = named.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const byNumber = councils.get(text);
  if (byNumber) return byNumber;
  const all = [...councils.values()];
  const byCode = all.filter((council) => council.onsCodes.some((code) => code.toLowerCase() === lower));
  if (byCode.length === 1 && byCode[0]) return byCode[0];
  const byName = all.filter((council) => council.names.has(lower));
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw fieldError('council', `“${text}” is the name of more than one council in “${file.fileName}”: ${byName.sort((a, b) => a.number.localeCompare(b.number)).map(describe).join(' and ')}. Choose one by its DfE number`);
  }
  const near = all.filter((council) => [...council.names].some((name) => name.includes(lower))).slice(0, 3);
  const hint = near.length > 0 ? ` Did you mean ${near.map(describe).join(' or ')}?` : '';
  throw fieldError(
    'council',
    `“${text}” is not a council in “${file.fileName}”: give its DfE number (such as 886), its ONS code (such as E10000016) or its name as the file writes it.${hint}`,
  );
}

export interface Selection {
  council: string;
  measure: string;
  filters: Record<string, string>;
  year?: DfeYearReading;
}

export interface SeriesRow {
  period: string;
  periodEnd: string;
  timePeriod: string;
  line: number;
  /** The council's figure, or null where its cell is empty. */
  value: DfeFigure | null;
  england: DfeFigure | null;
  region: { label: string; figure: DfeFigure | null } | null;
  neighbours: { label: string; value: number | null; count: number; of: number } | null;
}

export interface Series {
  council: Council;
  measure: string;
  filters: Record<string, string>;
  year: DfeYearReading | null;
  neighbours: { number: string; name: string }[];
  rows: SeriesRow[];
  notes: string[];
}

const CODE_LIST = SUPPRESSION_CODES.join(', ');

function figureOf(text: string | undefined): DfeFigure | null {
  const cell = readCell(text);
  if (cell.kind === 'number') return { value: cell.value, suppressionCode: null };
  if (cell.kind === 'code') return { value: null, suppressionCode: cell.code };
  return null;
}

function where(file: DfeFile, row: DfeRow): string {
  if (row.level === 'council') return valueOf(file, row, 'la_name') || valueOf(file, row, 'old_la_code');
  if (row.level === 'regional') return valueOf(file, row, 'region_name') || 'a region';
  return 'England';
}

/**
 * The council's series with its comparators. Refuses, at the field to change, a measure that is
 * not a column of figures or holds a value that is neither a number nor a code, a filter or value
 * the file does not have, rows the filters leave ambiguous, and a missing year reading.
 */
export function selectSeries(file: DfeFile, groupings: NeighbourGroupings, selection: Selection): Series {
  const { measures, filters } = describeColumns(file);

  const measureAt = columnIndex(file, selection.measure);
  const measure = measures.find((candidate) => candidate.index === measureAt);
  if (!measure) {
    const choices = measures.map((candidate) => candidate.column);
    const known = measureAt >= 0 ? `“${file.columns[measureAt]}” holds names or codes, not figures` : `“${selection.measure}” is not a column of “${file.fileName}”`;
    throw fieldError('measure', `${known}: choose one of its columns of figures (${choices.slice(0, 12).join(', ')}${choices.length > 12 ? ' …' : ''})`);
  }
  if (measure.unknown) {
    const row = file.rows.find((candidate) => candidate.line === measure.unknown?.line);
    const place = row ? ` (${where(file, row)}, ${row.timePeriod})` : '';
    throw fieldError(
      'measure',
      `Column “${measure.column}” has “${measure.unknown.text}” on line ${measure.unknown.line}${place}, which is neither a number nor one of DfE’s codes for a figure not published (${CODE_LIST}). Nothing from the file can be imported until it is corrected`,
    );
  }

  const chosen = new Map<number, string>();
  const chosenFilters: Record<string, string> = {};
  for (const [name, value] of Object.entries(selection.filters)) {
    const at = columnIndex(file, name);
    const filter = filters.find((candidate) => candidate.index === at);
    if (!filter) {
      const names = filters.map((candidate) => candidate.column);
      throw fieldError(`filters.${name}`, `“${name}” is not a filter column of “${file.fileName}”${names.length > 0 ? `: its filters are ${names.join(', ')}` : ': it has none'}`);
    }
    if (!filter.values.includes(value.trim())) {
      throw fieldError(`filters.${name}`, `“${value}” is not a value of ${filter.column} in “${file.fileName}”: it has ${filter.values.slice(0, 10).map((one) => `“${one}”`).join(', ')}`);
    }
    chosen.set(filter.index, value.trim());
    chosenFilters[filter.column] = value.trim();
  }
  for (const filter of filters) {
    if (filter.values.length === 1 && !chosen.has(filter.index) && filter.values[0] !== undefined) {
      chosen.set(filter.index, filter.values[0]);
      chosenFilters[filter.column] = filter.values[0];
    }
  }

  const needsYear = file.periods.some((period) => isReportingYear(period.timeIdentifier));
  if (needsYear && !selection.year) {
    throw fieldError('year', 'Say how the file’s reporting years read: years to 31 March (children in need, children looked after) or workforce census years to 30 September');
  }
  const year: DfeYearReading = selection.year ?? 'year-to-march';

  const councils = councilsOf(file);
  const council = resolveCouncil(file, councils, selection.council);

  const picked = (row: DfeRow) => [...chosen].every(([index, value]) => (row.cells[index] ?? '').trim() === value);
  const national = new Map<number, DfeRow[]>();
  const regional = new Map<string, DfeRow[]>();
  const local = new Map<string, DfeRow[]>();
  const push = <K>(map: Map<K, DfeRow[]>, key: K, row: DfeRow) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  for (const row of file.rows) {
    if (!picked(row)) continue;
    if (row.level === 'national') push(national, row.period, row);
    else if (row.level === 'regional') push(regional, `${row.period}\u0000${valueOf(file, row, 'region_name').toLowerCase()}`, row);
    else if (row.level === 'council') push(local, `${row.period}\u0000${councilKey(file, row)}`, row);
  }

  /** The one row left for a geography in a period; more than one means a filter is still to choose. */
  const single = (rows: DfeRow[] | undefined, who: string, periodLabel: string): DfeRow | null => {
    if (!rows || rows.length === 0) return null;
    const [first] = rows;
    if (rows.length === 1 || !first) return first ?? null;
    const differing = filters.find((filter) => !chosen.has(filter.index) && new Set(rows.map((row) => (row.cells[filter.index] ?? '').trim())).size > 1);
    if (differing) {
      const values = [...new Set(rows.map((row) => (row.cells[differing.index] ?? '').trim()))];
      throw fieldError(
        `filters.${differing.column}`,
        `Choose a value for ${differing.column}: ${who} has ${rows.length} rows for ${periodLabel}, whose ${differing.column} is ${orList(values.map((value) => `“${value}”`))}`,
      );
    }
    throw fieldError('content', `“${file.fileName}” has ${rows.length} rows for ${who} in ${periodLabel} with the same filters (lines ${rows.map((row) => row.line).join(', ')}), so which to import is not known`);
  };

  const grouping = groupings.get(council.number) ?? null;
  const neighbourNames = (grouping?.neighbours ?? []).map((number) => ({ number, name: councils.get(number)?.name ?? groupings.get(number)?.name ?? number }));
  const notes: string[] = [];
  if (!grouping) notes.push(`DfE’s statistical-neighbour groupings of April 2021 do not list ${describe(council)}, so no neighbours’ average is imported.`);

  const rows: SeriesRow[] = [];
  const byKey = new Map<string, SeriesRow>();
  const leftOut: string[] = [];
  let councilRows = 0;
  file.periods.forEach((period, index) => {
    const reading = period.readings[year];
    const own = single(local.get(`${index}\u0000${council.number}`), council.name, reading.label);
    if (!own) return;
    councilRows += 1;
    if (reading.key === null) {
      leftOut.push(reading.label);
      return;
    }
    const earlier = byKey.get(reading.key);
    if (earlier) {
      throw fieldError('content', `“${file.fileName}” gives ${council.name} two figures for ${reading.label} (lines ${earlier.line} and ${own.line})`);
    }
    const englandRow = single(national.get(index), 'England', reading.label);
    const regionName = valueOf(file, own, 'region_name');
    const regionRow = regionName ? single(regional.get(`${index}\u0000${regionName.toLowerCase()}`), regionName, reading.label) : null;
    let neighbours: SeriesRow['neighbours'] = null;
    if (grouping) {
      const values = grouping.neighbours.map((number) => {
        const row = single(local.get(`${index}\u0000${number}`), councils.get(number)?.name ?? number, reading.label);
        return row ? (figureOf(row.cells[measure.index])?.value ?? null) : null;
      });
      const mean = neighbourMean(values);
      neighbours = { label: neighbourLabel(mean.count, grouping.neighbours.length), value: mean.value, count: mean.count, of: grouping.neighbours.length };
    }
    const row: SeriesRow = {
      period: reading.key,
      periodEnd: periodRange(reading.key).end,
      timePeriod: period.timePeriod,
      line: own.line,
      value: figureOf(own.cells[measure.index]),
      england: englandRow ? figureOf(englandRow.cells[measure.index]) : null,
      region: regionName ? { label: valueOf(file, regionRow ?? own, 'region_name'), figure: regionRow ? figureOf(regionRow.cells[measure.index]) : null } : null,
      neighbours,
    };
    byKey.set(reading.key, row);
    rows.push(row);
  });

  if (councilRows === 0) {
    const [firstFilter] = Object.keys(chosenFilters).filter((name) => Object.keys(selection.filters).some((given) => given.toLowerCase() === name.toLowerCase()));
    const shown = Object.entries(chosenFilters)
      .map(([name, value]) => `${name} “${value}”`)
      .join(' and ');
    throw fieldError(firstFilter ? `filters.${firstFilter}` : 'council', `${describe(council)} has no rows${shown ? ` with ${shown}` : ''} in “${file.fileName}”`);
  }
  if (leftOut.length > 0) {
    notes.push(
      `${leftOut.length === 1 ? `${leftOut[0]} is` : `${leftOut.length} years (${leftOut.join(', ')}) are`} left out: years to March before 2012/13 cannot be kept apart from months (2011/12 would read as December 2011).`,
    );
  }
  rows.sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
  return { council, measure: measure.column, filters: chosenFilters, year: needsYear ? year : null, neighbours: neighbourNames, rows, notes };
}
