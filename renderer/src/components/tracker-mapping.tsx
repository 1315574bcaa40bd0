// The sheet of a tracker, the row its headings are in, and which column holds what.
import { useState } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import type { TrackerColumns, TrackerInspection } from '../../../shared/contract-spreadsheets';
import { formatLongDate } from '../../../shared/dates';
import { TRACKER_FIELD_LABELS, TRACKER_FIELDS, type TrackerField } from '../../../shared/spreadsheets';
import { Choice } from './Choice';

const NONE = 'none';

export function TrackerColumnsForm({
  inspection,
  mapping,
  isReading,
  onSheet,
  onHeaderRow,
  onChange,
}: {
  inspection: TrackerInspection;
  mapping: TrackerColumns;
  isReading: boolean;
  onSheet: (sheet: string) => void;
  onHeaderRow: (row: number) => void;
  onChange: (mapping: TrackerColumns) => void;
}) {
  const [headerRow, setHeaderRow] = useState(String(inspection.headerRow));
  const [headerRowProblem, setHeaderRowProblem] = useState<string | null>(null);
  const labels: Record<string, string> = { [NONE]: 'Not in this tracker' };
  for (const column of inspection.columns) labels[String(column.index)] = `${column.letter}: ${column.header === '' ? '(no heading)' : column.header}`;
  const options = [NONE, ...inspection.columns.map((column) => String(column.index))];

  function readHeadings() {
    const row = Number(headerRow);
    if (!Number.isInteger(row) || row < 1 || row > inspection.rowCount) {
      setHeaderRowProblem(`Give a row from 1 to ${inspection.rowCount.toLocaleString('en-GB')}`);
      return;
    }
    setHeaderRowProblem(null);
    onHeaderRow(row);
  }

  function choose(field: TrackerField, key: string) {
    const index = key === NONE ? null : Number(key);
    const next: TrackerColumns = { ...mapping, [field]: index };
    // A column holds one thing: choosing it here takes it from wherever it was.
    if (index !== null) for (const other of TRACKER_FIELDS) if (other !== field && next[other] === index) next[other] = null;
    onChange(next);
  }

  return (
    <>
      {inspection.remembered ? (
        <p className="notice" role="status">
          The columns chosen last time, for “{inspection.remembered.fileName}” on {formatLongDate(inspection.remembered.savedAt.slice(0, 10))}, are chosen again. Check them.
        </p>
      ) : null}
      {inspection.rememberedNotUsed ? (
        <p className="notice" role="status">
          {inspection.rememberedNotUsed}
        </p>
      ) : null}
      <div className="field-row">
        {inspection.sheets.length > 1 ? (
          <Choice
            label="Sheet"
            name="sheet"
            options={inspection.sheets.map((sheet) => sheet.name)}
            labels={Object.fromEntries(inspection.sheets.map((sheet) => [sheet.name, `${sheet.name} (${sheet.rowCount.toLocaleString('en-GB')} ${sheet.rowCount === 1 ? 'row' : 'rows'})`]))}
            value={inspection.sheet}
            onChange={onSheet}
          />
        ) : (
          <p className="tracker-sheet-name">
            Sheet: <strong>{inspection.sheet}</strong> ({inspection.rowCount.toLocaleString('en-GB')} {inspection.rowCount === 1 ? 'row' : 'rows'})
          </p>
        )}
        <div className="tracker-header-row">
          <TextField className="field field-narrow" name="headerRow" type="number" value={headerRow} onChange={setHeaderRow} isInvalid={headerRowProblem !== null} validationBehavior="aria">
            <Label>Headings are in row</Label>
            <Input />
            <FieldError className="field-error">{headerRowProblem}</FieldError>
          </TextField>
          <Button className="button" onPress={readHeadings} isDisabled={isReading}>
            Read the headings from this row
          </Button>
        </div>
      </div>
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
