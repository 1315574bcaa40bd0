// The sheet of a tracker, the row its headings are in, and which column holds what.
import type { TrackerColumns, TrackerInspection } from '../../../shared/contract-spreadsheets';
import { TRACKER_FIELD_LABELS, TRACKER_FIELDS, type TrackerField } from '../../../shared/spreadsheets';
import { Choice } from './Choice';
import { columnName, SheetAndHeaderRow, type ReadAgain } from './spreadsheet-import';

const NONE = 'none';

export function TrackerColumnsForm({
  inspection,
  mapping,
  onChange,
  ...readAgain
}: ReadAgain & {
  inspection: TrackerInspection;
  mapping: TrackerColumns;
  onChange: (mapping: TrackerColumns) => void;
}) {
  const labels: Record<string, string> = { [NONE]: 'Not in this tracker' };
  for (const column of inspection.columns) labels[String(column.index)] = columnName(column);
  const options = [NONE, ...inspection.columns.map((column) => String(column.index))];

  function choose(field: TrackerField, key: string) {
    const index = key === NONE ? null : Number(key);
    const next: TrackerColumns = { ...mapping, [field]: index };
    // A column holds one thing: choosing it here takes it from wherever it was.
    if (index !== null) for (const other of TRACKER_FIELDS) if (other !== field && next[other] === index) next[other] = null;
    onChange(next);
  }

  return (
    <>
      <SheetAndHeaderRow inspection={inspection} checkAdvice="Check them." {...readAgain} />
      <p className="muted small">
        Rows above the headings (titles, dates, notes) are left out, and so are rows within the table that hold only a heading. Each column is guessed from its heading;
        change any that is wrong.
      </p>
      <div className="tracker-columns">
        {TRACKER_FIELDS.map((field) => (
          <Choice
            key={field}
            label={field === 'title' ? `${TRACKER_FIELD_LABELS[field]} (needed)` : TRACKER_FIELD_LABELS[field]}
            name={`column-${field}`}
            options={options}
            labels={labels}
            value={mapping[field] === null ? NONE : String(mapping[field])}
            onChange={(key) => choose(field, key)}
          />
        ))}
      </div>
    </>
  );
}
