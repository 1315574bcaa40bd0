// The choices of a published-statistics import: the KPI, the council (searchable), the column,
// the filter values and how the file's years read. Each is named as the services name the field,
// so a refusal shows beside the choice it is about.
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  useFilter,
  type Key,
} from 'react-aria-components';
import type { DfeLayout, DfeYearReading } from '../../../shared/contract-dfe-import';
import type { Kpi } from '../../../shared/contract-kpis';
import { PERIOD_SHAPES } from '../../../shared/kpi-cells';
import type { PeriodShape } from '../../../shared/periods';

/** The kinds of period in the file, under the year reading chosen (or either, before one is). */
export function shapesOf(layout: DfeLayout, year: DfeYearReading | null): Set<PeriodShape> {
  const readings: DfeYearReading[] = year ? [year] : ['year-to-march', 'census-year'];
  return new Set(layout.periods.flatMap((period) => readings.map((reading) => period.readings[reading].shape)));
}

/** Whether a KPI can hold the file's periods. */
export function kpiTakes(kpi: Pick<Kpi, 'frequency'>, shapes: Set<PeriodShape>): boolean {
  return [...shapes].every((shape) => PERIOD_SHAPES[kpi.frequency].includes(shape));
}

/** A labelled choice of one option, empty until chosen. */
export function DfeSelect({
  name,
  label,
  description,
  placeholder,
  options,
  value,
  onChange,
  isDisabled,
}: {
  name: string;
  label: string;
  description?: string;
  placeholder: string;
  options: readonly { id: string; label: string }[];
  value: string | null;
  onChange: (value: string) => void;
  isDisabled?: boolean;
}) {
  return (
    <Select
      name={name}
      className="field dfe-field"
      placeholder={placeholder}
      selectedKey={value}
      isDisabled={isDisabled}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key))}
    >
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

type Council = DfeLayout['councils'][number];

/** How a council reads in the list and in the field: its name, DfE number and ONS codes, so typing any of them finds it. */
export function councilText(council: Council): string {
  return `${council.name} (${[council.number, ...council.onsCodes].join(', ')})`;
}

/** The council, searched by name, DfE number or ONS code. */
export function CouncilChoice({ councils, value, onChange }: { councils: readonly Council[]; value: string | null; onChange: (number: string | null) => void }) {
  const { contains } = useFilter({ sensitivity: 'base' });
  return (
    <ComboBox
      name="council"
      className="field dfe-field dfe-council"
      defaultItems={councils.map((council) => ({ ...council, id: council.number }))}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      defaultFilter={contains}
      menuTrigger="focus"
    >
      <Label>Council</Label>
      <Text slot="description">Type its name, its DfE number (such as 886) or its ONS code (such as E10000016), then choose it from the list.</Text>
      <div className="dfe-combo">
        <Input className="dfe-combo-input" />
        <Button className="dfe-combo-button" aria-label="Show the councils">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error" />
      <Popover className="popover dfe-popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="dfe-empty">No council in the file matches.</p>}>
          {(council: Council & { id: string }) => (
            <ListBoxItem id={council.id} className="listbox-item" textValue={councilText(council)}>
              {council.name} <span className="dfe-codes">({[council.number, ...council.onsCodes].join(', ')})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** How the file's reporting years read; the first year of the file is the example. */
export function YearReadingChoice({ layout, value, onChange }: { layout: DfeLayout; value: DfeYearReading | null; onChange: (value: DfeYearReading) => void }) {
  const example = layout.periods.find((period) => period.timeIdentifier.toLowerCase() === 'reporting year');
  const suggested = layout.suggestion?.year;
  const hint = (reading: DfeYearReading) => (suggested === reading ? ' The catalogue gives this reading for files of this name.' : '');
  return (
    <RadioGroup name="year" className="field dfe-field" value={value} onChange={(next) => onChange(next as DfeYearReading)}>
      <Label>How the file’s years read</Label>
      <Text slot="description">
        The file gives its years as reporting years{example ? `, such as ${example.timePeriod}` : ''}, which DfE writes both for years to 31 March and for census years to 30
        September.
      </Text>
      <Radio value="year-to-march" className="radio">
        <span className="radio-label">Years to 31 March</span>
        <span className="muted small">
          Children in need and children looked after. {example ? `${example.timePeriod} is ${example.readings['year-to-march'].label}, April to March.` : ''}
          {hint('year-to-march')}
        </span>
      </Radio>
      <Radio value="census-year" className="radio">
        <span className="radio-label">Workforce census years to 30 September</span>
        <span className="muted small">
          The children’s social work workforce. {example ? `${example.timePeriod} is the year to 30 September ${example.timePeriod}.` : ''}
          {hint('census-year')}
        </span>
      </Radio>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
