import { Checkbox } from 'react-aria-components';
import type { FiguresPreview, FiguresPreviewCell, FiguresStatus } from '../../../shared/contract-figures-import';
import type { KpiUnit } from '../../../shared/vocabulary';
import { ImportStats, ImportTable, MoreRows, plural, ShownChoice, useListing } from './spreadsheet-import';

const STATUS_LABELS: Record<FiguresStatus, string> = { new: 'New', changed: 'Changed', same: 'The same' };
/** A mark beside each word, so the status never rests on colour. */
const STATUS_MARKS: Record<FiguresStatus, string> = { new: '+', changed: '≠', same: '=' };

const figureFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A figure as the preview shows it: every decimal the file gave, so a change is never hidden by rounding. */
function figureText(cell: { value: number | null; suppressionCode: string | null; provisional: boolean | null }, unit: KpiUnit): string {
  const shown = cell.value === null ? (cell.suppressionCode ? `suppressed (${cell.suppressionCode})` : 'nothing') : `${figureFormat.format(cell.value)}${unit === 'percentage' ? '%' : ''}`;
  return cell.provisional ? `${shown}, provisional` : shown;
}

/** What the import will do, cell by cell: the KPI, the period, what is stored now and what the file gives. */
function PreviewTable({ cells }: { cells: FiguresPreviewCell[] }) {
  const listing = useListing<'changes' | 'all'>(cells.some((cell) => cell.status !== 'same') ? 'changes' : 'all');
  const listed = listing.shown === 'all' ? cells : cells.filter((cell) => cell.status !== 'same');
  return (
    <>
      <ShownChoice listing={listing} options={['changes', 'all'] as const} labels={{ changes: 'New and changed figures', all: 'Every figure' }} />
      <ImportTable
        captionId="figures-preview-caption"
        caption={`${listing.shown === 'all' ? 'Every figure in the file' : 'New and changed figures'}, ${plural(listed.length, 'figure', 'figures')}`}
        className="figures-preview-table"
      >
        <thead>
          <tr>
            <th scope="col">Row and column</th>
            <th scope="col">KPI</th>
            <th scope="col">Period</th>
            <th scope="col">Stored now</th>
            <th scope="col">From the file</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {listed.slice(0, listing.limit).map((cell) => (
            <tr key={`${cell.kpiId} ${cell.period}`}>
              <td className="nowrap">
                {cell.row}, {cell.column}
              </td>
              <th scope="row">
                <strong>{cell.reference}</strong> {cell.name}
              </th>
              <td className="nowrap">{cell.periodLabel}</td>
              <td>
                {cell.current ? figureText(cell.current, cell.unit) : <span className="muted">nothing</span>}
                {cell.current?.note ? <span className="figures-note">Note: {cell.current.note}</span> : null}
              </td>
              <td>
                {figureText(cell.incoming, cell.unit)}
                {cell.incoming.note ? <span className="figures-note">Note: {cell.incoming.note}</span> : null}
              </td>
              <td className={`nowrap figures-status figures-status-${cell.status}`}>
                <span aria-hidden="true">{STATUS_MARKS[cell.status]} </span>
                {STATUS_LABELS[cell.status]}
              </td>
            </tr>
          ))}
        </tbody>
      </ImportTable>
      <MoreRows listing={listing} count={listed.length} />
    </>
  );
}

/** The preview: counts, the problems to correct first, the rows naming KPIs the plan does not have, then each figure. */
export function FiguresPreviewPanel({
  preview,
  leaveOutUnmatched,
  onLeaveOutUnmatched,
}: {
  preview: FiguresPreview;
  leaveOutUnmatched: boolean;
  onLeaveOutUnmatched: (value: boolean) => void;
}) {
  const { counts } = preview;
  const figures = counts.new + counts.changed + counts.same;
  return (
    <>
      <ImportStats
        items={[
          [counts.new, `new ${counts.new === 1 ? 'figure' : 'figures'}`],
          [counts.changed, 'changed'],
          [counts.same, 'the same as stored'],
          [counts.blank, 'blank, left out'],
        ]}
      />
      <p className="muted small">A blank cell or a dash is left out: it never clears a figure already stored. A blank note keeps the note stored.</p>

      {preview.problemCount > 0 ? (
        <section className="notice notice-error figures-problems" aria-labelledby="figures-problems-heading">
          <h3 id="figures-problems-heading">
            {plural(preview.problemCount, 'problem', 'problems')} to correct in the file before anything can be imported
          </h3>
          <p>Correct these in the spreadsheet, save it, then choose it again.</p>
          <ul>
            {preview.problems.map((problem, index) => (
              <li key={index}>{problem.text}</li>
            ))}
          </ul>
          {preview.problemCount > preview.problems.length ? <p>…and {plural(preview.problemCount - preview.problems.length, 'more', 'more')}.</p> : null}
        </section>
      ) : null}

      {preview.unmatched.length > 0 ? (
        <section className="notice figures-unmatched" aria-labelledby="figures-unmatched-heading">
          <h3 id="figures-unmatched-heading">{plural(preview.unmatchedRowCount, 'row names a KPI', 'rows name KPIs')} this plan does not have</h3>
          <p>KPIs are matched by their reference or their name. Correct the file, or leave these rows out.</p>
          <ul>
            {preview.unmatched.map((entry) => (
              <li key={entry.label}>
                “{entry.label}”: {entry.rows.length === 1 ? 'row' : 'rows'} {entry.rows.slice(0, 20).join(', ')}
                {entry.rows.length > 20 ? ` and ${entry.rows.length - 20} more` : ''}
              </li>
            ))}
          </ul>
          <Checkbox className="checkbox" isSelected={leaveOutUnmatched} onChange={onLeaveOutUnmatched}>
            <span className="checkbox-box" aria-hidden="true" />
            <span>Leave these rows out of the import</span>
          </Checkbox>
        </section>
      ) : null}

      {figures > 0 ? <PreviewTable cells={preview.cells} /> : <p>The file has no figures for this plan’s KPIs under the columns chosen.</p>}
    </>
  );
}
