// The form of a workforce projection: its starting position, the turnover rate and a grid of the
// recruits planned per channel per year, whose columns follow the years chosen.
import { useRef, useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { CreateProjectionInput, WorkforceProjection } from '../../../shared/contract-money';
import { londonDate } from '../../../shared/dates';
import { financialYearKeys, financialYearPeriod, periodLabel } from '../../../shared/periods';
import {
  DEFAULT_RECRUITMENT_CHANNELS,
  MAX_PROJECTION_YEARS,
  MAX_RECRUITMENT_CHANNELS,
} from '../../../shared/workforce';
import { Choice } from './Choice';

interface ChannelRow {
  /** Keeps a row's inputs when rows above it are removed. */
  key: number;
  channel: string;
  /** The counts as typed, one per year; kept beyond the years shown, so shortening and lengthening loses nothing. */
  counts: string[];
}

export interface ProjectionDraft {
  startYear: string;
  years: string;
  channels: ChannelRow[];
  nextKey: number;
}

const thisFinancialYear = () => financialYearPeriod(londonDate(new Date())).key;

export function draftFrom(projection?: WorkforceProjection): ProjectionDraft {
  const channels = projection
    ? projection.recruits.map((channel, index) => ({ key: index, channel: channel.channel, counts: channel.counts.map(String) }))
    : DEFAULT_RECRUITMENT_CHANNELS.map((channel, index) => ({ key: index, channel, counts: [] }));
  return { startYear: projection?.startYear ?? thisFinancialYear(), years: String(projection?.years ?? 3), channels, nextKey: channels.length };
}

/**
 * A number as typed: thousands separators and a trailing % are allowed. Anything else is sent as
 * it is not a number, so the services refuse it with a message at the field.
 */
function readNumber(text: FormDataEntryValue | string | null, blank: number | null = null): number {
  const trimmed = String(text ?? '')
    .trim()
    .replace(/%$/, '')
    .trim();
  if (trimmed === '') return blank ?? Number.NaN;
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The fields of the contract from the form and the draft. */
export function projectionValues(form: FormData, draft: ProjectionDraft): Omit<CreateProjectionInput, 'planId'> {
  const years = Number(draft.years);
  return {
    name: String(form.get('name') ?? ''),
    startYear: draft.startYear,
    years,
    totalPosts: readNumber(form.get('totalPosts')),
    currentVacancies: readNumber(form.get('currentVacancies')),
    annualTurnoverRate: readNumber(form.get('annualTurnoverRate')),
    recruits: draft.channels.map((row) => ({
      channel: row.channel,
      counts: Array.from({ length: years }, (_, index) => readNumber(row.counts[index] ?? '', 0)),
    })),
  };
}

function NumberField({ name, label, description, defaultValue }: { name: string; label: string; description: string; defaultValue: string }) {
  return (
    <TextField name={name} className="field field-narrow" defaultValue={defaultValue} isRequired>
      <Label>{label}</Label>
      <Text slot="description">{description}</Text>
      <Input inputMode="decimal" />
      <FieldError className="field-error" />
    </TextField>
  );
}

export function ProjectionFields({
  projection,
  draft,
  onDraft,
}: {
  projection?: WorkforceProjection;
  draft: ProjectionDraft;
  onDraft: (draft: ProjectionDraft) => void;
}) {
  // Years to start from: five either side of this one, and the projection's own.
  const [startChoices] = useState(() => {
    const fiveYearsAgo = financialYearPeriod(`${Number(thisFinancialYear().slice(0, 4)) - 5}-04-01`).key;
    return [...new Set([...financialYearKeys(fiveYearsAgo, 11), draft.startYear])].sort();
  });
  // A channel just added takes focus; when one is removed, focus goes to the button that adds one.
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const years = Number(draft.years);
  const yearKeys = financialYearKeys(draft.startYear, years);
  const yearOptions = Array.from({ length: MAX_PROJECTION_YEARS }, (_, index) => String(index + 1));

  const setChannel = (key: number, change: Partial<ChannelRow>) =>
    onDraft({ ...draft, channels: draft.channels.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  const setCount = (row: ChannelRow, index: number, value: string) => {
    const counts = [...row.counts];
    while (counts.length < index) counts.push('');
    counts[index] = value;
    setChannel(row.key, { counts });
  };

  return (
    <div className="money-form-wide">
      <TextField name="name" className="field" defaultValue={projection?.name ?? ''} isRequired>
        <Label>Name</Label>
        <Text slot="description">Such as “Social work workforce: three-year projection”.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <div className="field-row">
        <Choice
          label="First financial year"
          name="startYear"
          options={startChoices}
          labels={Object.fromEntries(startChoices.map((key) => [key, periodLabel(key)]))}
          value={draft.startYear}
          onChange={(startYear) => onDraft({ ...draft, startYear })}
        />
        <Choice
          label="Years to project"
          name="years"
          options={yearOptions}
          labels={Object.fromEntries(yearOptions.map((count) => [count, count === '1' ? '1 year' : `${count} years`]))}
          value={draft.years}
          onChange={(count) => onDraft({ ...draft, years: count })}
        />
      </div>
      <div className="field-row">
        <NumberField
          name="totalPosts"
          label="Posts"
          description="Every post in the establishment, filled or not, in whole posts."
          defaultValue={projection ? String(projection.totalPosts) : ''}
        />
        <NumberField
          name="currentVacancies"
          label="Vacant posts now"
          description="Posts with no permanent holder, at the start of the first year."
          defaultValue={projection ? String(projection.currentVacancies) : ''}
        />
        <NumberField
          name="annualTurnoverRate"
          label="Annual turnover (%)"
          description="The share of filled posts whose holders leave in a year, such as 18.6."
          defaultValue={projection ? String(projection.annualTurnoverRate) : ''}
        />
      </div>

      <fieldset className="money-recruits">
        <legend>Recruits planned in each year (FTE)</legend>
        <p className="muted small">One row for each way the service recruits. Counts may have one decimal place; a blank counts as none.</p>
        <div className="table-scroll">
          <table className="money-grid">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                {yearKeys.map((key) => (
                  <th scope="col" key={key} className="numeric">
                    {periodLabel(key)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.channels.map((row, rowIndex) => {
                const name = row.channel.trim() || `channel ${rowIndex + 1}`;
                return (
                  <tr key={row.key}>
                    <td>
                      <TextField
                        name={`recruits.${rowIndex}.channel`}
                        className="field money-grid-field"
                        aria-label={`Name of channel ${rowIndex + 1}`}
                        value={row.channel}
                        onChange={(channel) => setChannel(row.key, { channel })}
                      >
                        <Input autoFocus={row.key === focusKey} />
                        <FieldError className="field-error" />
                      </TextField>
                    </td>
                    {yearKeys.map((key, index) => (
                      <td key={key} className="money-grid-count">
                        <TextField
                          name={`recruits.${rowIndex}.counts.${index}`}
                          className="field money-grid-field money-grid-number"
                          aria-label={`Recruits from ${name} in ${periodLabel(key)}`}
                          value={row.counts[index] ?? ''}
                          onChange={(value) => setCount(row, index, value)}
                        >
                          <Input inputMode="decimal" />
                          <FieldError className="field-error" />
                        </TextField>
                      </td>
                    ))}
                    <td>
                      <Button
                        className="button button-small"
                        aria-label={`Remove the channel ${name}`}
                        onPress={() => {
                          onDraft({ ...draft, channels: draft.channels.filter((other) => other.key !== row.key) });
                          requestAnimationFrame(() => addButton.current?.focus());
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {draft.channels.length < MAX_RECRUITMENT_CHANNELS ? (
          <Button
            ref={addButton}
            className="button button-small"
            onPress={() => {
              setFocusKey(draft.nextKey);
              onDraft({ ...draft, nextKey: draft.nextKey + 1, channels: [...draft.channels, { key: draft.nextKey, channel: '', counts: [] }] });
            }}
          >
            Add a channel
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}
