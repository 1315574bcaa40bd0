import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { FiguresColumn, FiguresInspection, FiguresLayout, FiguresMapping } from '../../../shared/contract-figures-import';
import { Choice } from './Choice';
import { columnName, ImportTable, SheetAndHeaderRow, type ReadAgain } from './spreadsheet-import';

const NONE = 'none';

export const LAYOUT_LABELS: Record<FiguresLayout, { label: string; hint: string }> = {
  long: { label: 'One row for each KPI and period', hint: 'A column for the KPI, one for the period and one for the figure.' },
  wide: { label: 'One row for each KPI, periods across', hint: 'A column for the KPI, then a column of figures for each period.' },
};

/** A choice of one of the sheet's columns, or none when the column is optional. */
function ColumnChoice({
  label,
  name,
  columns,
  value,
  optional,
  error,
  onChange,
}: {
  label: string;
  name: string;
  columns: FiguresColumn[];
  value: number | null;
  optional?: boolean;
  error?: string;
  onChange: (value: number | null) => void;
}) {
  const options = [...(optional || value === null ? [NONE] : []), ...columns.map((column) => String(column.index))];
  const labels: Record<string, string> = { [NONE]: optional ? 'None' : 'Choose a column' };
  for (const column of columns) labels[String(column.index)] = columnName(column);
  return (
    <div className="figures-column-choice">
      <Choice label={label} name={name} options={options} labels={labels} value={value === null ? NONE : String(value)} onChange={(key) => onChange(key === NONE ? null : Number(key))} />
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface MappingErrors {
  [path: string]: string;
}

/** The sheet, the row of headings, the layout and which columns hold what, with the first rows beneath. */
export function FiguresMappingForm({
  inspection,
  mapping,
  errors,
  onChange,
  ...readAgain
}: ReadAgain & {
  inspection: FiguresInspection;
  mapping: FiguresMapping;
  errors: MappingErrors;
  onChange: (mapping: FiguresMapping) => void;
}) {
  const columns = inspection.columns;
  const set = (change: Partial<FiguresMapping>) => onChange({ ...mapping, ...change });
  const others = columns.filter((column) => column.index !== mapping.kpiColumn);

  return (
    <>
      <SheetAndHeaderRow inspection={inspection} checkAdvice="Check them before previewing." {...readAgain} />

      <RadioGroup className="field" value={mapping.layout} onChange={(value) => set({ layout: value as FiguresLayout })} name="layout">
        <Label>How the sheet is laid out</Label>
        {(['long', 'wide'] as const).map((layout) => (
          <Radio key={layout} value={layout} className="radio">
            <span className="radio-label">{LAYOUT_LABELS[layout].label}</span>
            <span className="muted small">{LAYOUT_LABELS[layout].hint}</span>
          </Radio>
        ))}
      </RadioGroup>

      <div className="field-row">
        <ColumnChoice
          label="KPI (its reference or name)"
          name="kpiColumn"
          columns={columns}
          value={mapping.kpiColumn}
          error={errors['mapping.kpiColumn']}
          onChange={(value) => set({ kpiColumn: value ?? 0, periodColumns: mapping.periodColumns.filter((column) => column !== value) })}
        />
        {mapping.layout === 'long' ? (
          <>
            <ColumnChoice label="Period" name="periodColumn" columns={others} value={mapping.periodColumn} error={errors['mapping.periodColumn']} onChange={(value) => set({ periodColumn: value })} />
            <ColumnChoice label="Figure" name="valueColumn" columns={others} value={mapping.valueColumn} error={errors['mapping.valueColumn']} onChange={(value) => set({ valueColumn: value })} />
            <ColumnChoice
              label="Provisional (optional)"
              name="provisionalColumn"
              columns={others}
              value={mapping.provisionalColumn}
              optional
              error={errors['mapping.provisionalColumn']}
              onChange={(value) => set({ provisionalColumn: value })}
            />
            <ColumnChoice label="Note (optional)" name="noteColumn" columns={others} value={mapping.noteColumn} optional error={errors['mapping.noteColumn']} onChange={(value) => set({ noteColumn: value })} />
          </>
        ) : null}
      </div>

      {mapping.layout === 'wide' ? (
        <CheckboxGroup
          className="field checkbox-list figures-period-columns"
          name="periodColumns"
          value={mapping.periodColumns.map(String)}
          onChange={(values) => set({ periodColumns: values.map(Number).sort((a, b) => a - b) })}
          isInvalid={Boolean(errors['mapping.periodColumns'])}
          validationBehavior="aria"
        >
          <Label>Columns of figures</Label>
          <Text slot="description" className="muted small">
            Each column’s heading is read as its period; check the reading beside it. A day (such as a heading formatted as a date) stands for the month, quarter, year or week
            holding it, by each KPI’s frequency.
          </Text>
          {others.map((column) => (
            <Checkbox key={column.index} value={String(column.index)} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              <span>
                {columnName(column)}{' '}
                {column.period ? (
                  <span className="figures-reading">reads as {column.period}</span>
                ) : (
                  <span className="figures-reading figures-reading-none">{column.periodProblem ?? 'not a period'}</span>
                )}
              </span>
            </Checkbox>
          ))}
          <FieldError className="field-error">{errors['mapping.periodColumns']}</FieldError>
        </CheckboxGroup>
      ) : null}

      <FiguresSample inspection={inspection} mapping={mapping} />
    </>
  );
}

function roleOf(mapping: FiguresMapping, index: number): string | null {
  if (index === mapping.kpiColumn) return 'KPI';
  if (mapping.layout === 'wide') return mapping.periodColumns.includes(index) ? 'Figures' : null;
  if (index === mapping.periodColumn) return 'Period';
  if (index === mapping.valueColumn) return 'Figure';
  if (index === mapping.provisionalColumn) return 'Provisional';
  if (index === mapping.noteColumn) return 'Note';
  return null;
}

/** The first rows of the sheet under their headings, each column marked with what it is taken as. */
function FiguresSample({ inspection, mapping }: { inspection: FiguresInspection; mapping: FiguresMapping }) {
  return (
    <ImportTable
      captionId="figures-sample-caption"
      caption={`The first rows of “${inspection.sheet}”, under the headings in row ${inspection.headerRow}`}
      compact
    >
      <thead>
        <tr>
          <th scope="col">Row</th>
          {inspection.columns.map((column) => {
            const role = roleOf(mapping, column.index);
            return (
              <th key={column.index} scope="col">
                <span className="figures-letter">{column.letter}</span> {column.header || <span className="muted">(no heading)</span>}
                {role ? <span className="tag figures-role">{role}</span> : null}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {inspection.sample.map((row) => (
          <tr key={row.row}>
            <th scope="row">{row.row}</th>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ImportTable>
  );
}
