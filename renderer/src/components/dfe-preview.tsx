// The preview of a published-statistics import: for each period, the council's figure and its
// comparators as they will be stored, what each replaces, and gaps where a figure is suppressed.
import type { DfeFigure, DfePreview, DfePreviewCell } from '../../../shared/contract-dfe-import';
import { formatKpiValue } from '../../../shared/format';
import { SUPPRESSION_CODE_MEANINGS, type KpiUnit } from '../../../shared/vocabulary';

/** What DfE's codes mean, as its statistics guidance gives them. */
function figureText(figure: DfeFigure, unit: KpiUnit): string {
  if (figure.value !== null) return formatKpiValue(figure.value, unit);
  return figure.suppressionCode ? `Gap: ${figure.suppressionCode}, ${SUPPRESSION_CODE_MEANINGS[figure.suppressionCode]}` : 'Gap';
}

function Figure({ cell, unit, gap, extra }: { cell: DfePreviewCell & { label?: string | null }; unit: KpiUnit; gap: string; extra?: string }) {
  const shown = cell.figure ? figureText(cell.figure, unit) : gap;
  const isGap = !cell.figure || cell.figure.value === null;
  let was: string | null = null;
  if ((cell.change === 'changed' || cell.change === 'removed') && cell.stored) {
    const relabelled = cell.storedLabel && cell.label && cell.storedLabel !== cell.label ? ` as “${cell.storedLabel}”` : '';
    was = `${cell.change === 'removed' ? 'removed; ' : ''}was ${figureText(cell.stored, unit)}${relabelled}`;
  }
  return (
    <>
      <span className={isGap ? 'dfe-gap' : undefined}>{shown}</span>
      {extra ? <span className="dfe-extra"> {extra}</span> : null}
      {was ? (
        <>
          {' '}
          <span className="dfe-was">{was}</span>
        </>
      ) : null}
    </>
  );
}

type Row = DfePreview['rows'][number];

/** The row's change in a word: new, changed, or no change. */
function rowChange(row: Row): 'new' | 'changed' | 'same' {
  const changes = [row.value, row.england, row.region, row.neighbours].map((cell) => cell.change).filter((change) => change !== 'none');
  if (changes.length > 0 && changes.every((change) => change === 'new')) return 'new';
  if (changes.every((change) => change === 'unchanged')) return 'same';
  return 'changed';
}

const CHANGE_WORDS = { new: 'New', changed: 'Changed', same: 'No change' } as const;

export function DfePreviewTable({ preview }: { preview: DfePreview }) {
  const unit = preview.kpi.unit;
  const region = preview.council.region ?? 'Region';
  const hasNeighbours = preview.neighbours.length > 0;
  return (
    <div className="table-scroll">
      <table className="data-table dfe-preview-table">
        <caption>
          {preview.kpi.reference} {preview.kpi.name}: {preview.council.name}’s figures from column {preview.measure}, with comparators
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="numeric">
              {preview.council.name}
            </th>
            <th scope="col" className="numeric">
              England
            </th>
            <th scope="col" className="numeric">
              {region}
            </th>
            <th scope="col" className="numeric">
              Statistical neighbours
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => {
            const change = rowChange(row);
            const neighboursExtra = row.neighbours.figure && row.neighbours.count < row.neighbours.of ? `(mean of ${row.neighbours.count})` : undefined;
            return (
              <tr key={row.period}>
                <th scope="row">
                  {row.periodLabel}
                  <span className="dfe-line"> line {row.line.toLocaleString('en-GB')}</span>
                </th>
                <td className="numeric">
                  <Figure cell={row.value} unit={unit} gap="Gap: the cell is empty" />
                </td>
                <td className="numeric">
                  <Figure cell={row.england} unit={unit} gap="Gap: not in the file" />
                </td>
                <td className="numeric">
                  <Figure cell={row.region} unit={unit} gap="Gap: not in the file" />
                </td>
                <td className="numeric">
                  <Figure cell={row.neighbours} unit={unit} gap={hasNeighbours ? 'Gap: no neighbour has a figure' : 'Gap: no neighbours listed'} extra={neighboursExtra} />
                </td>
                <td>
                  <span className={`dfe-change dfe-change-${change}`}>{CHANGE_WORDS[change]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The counts of what importing will do, in a sentence. */
export function previewSummary(preview: DfePreview): string {
  const { values, comparators } = preview.counts;
  const count = (number: number, one: string, many: string) => `${number.toLocaleString('en-GB')} ${number === 1 ? one : many}`;
  const parts = [
    values.new + values.changed > 0
      ? `${count(values.new + values.changed, 'value', 'values')} to save (${[values.new > 0 ? `${values.new} new` : '', values.changed > 0 ? `${values.changed} changed` : ''].filter(Boolean).join(', ')})`
      : null,
    comparators.new + comparators.changed > 0 ? `${count(comparators.new + comparators.changed, 'comparator', 'comparators')} to save` : null,
    comparators.removed > 0 ? `${count(comparators.removed, 'comparator', 'comparators')} to remove, as the file no longer gives them` : null,
  ].filter((part): part is string => part !== null);
  const same = values.unchanged + comparators.unchanged;
  if (parts.length === 0) return `Nothing to change: ${preview.kpi.reference} already holds these ${count(same, 'figure', 'figures')} as published.`;
  return `${parts.join('; ')}.${same > 0 ? ` ${count(same, 'figure is', 'figures are')} already stored as published.` : ''}`;
}
