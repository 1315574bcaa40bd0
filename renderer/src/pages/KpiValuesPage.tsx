import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Label, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { londonDate } from '../../../shared/dates';
import { periodsBetween } from '../../../shared/periods';
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from '../../../shared/vocabulary';
import { ContractError } from '../client/client';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from '../components/Choice';
import { KpiValuesGrid, SuppressionCodeList, cellKey, cellsToSave, useChangedCount, useGridState, type Draft } from '../components/kpi-grid';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { usePlan } from './PlanLayout';

/** How far back the grid reaches by default: a year of months, two of quarters, five of years. */
const DEFAULT_SPAN: Record<Frequency, number> = { weekly: 12, monthly: 12, quarterly: 8, annual: 5 };

function defaultRange(frequency: Frequency): { from: string; to: string } {
  const today = londonDate(new Date());
  const periods = periodsBetween(frequency, '1990-01-01', today).slice(-DEFAULT_SPAN[frequency]);
  return { from: periods[0]?.start ?? today, to: today };
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

export function KpiValuesPage() {
  const plan = usePlan();
  const readOnly = useReadOnly();
  const kpis = useContractQuery('kpis.list', { planId: plan.id });
  const frequencies = useMemo(() => FREQUENCIES.filter((frequency) => kpis.data?.some((kpi) => kpi.frequency === frequency)), [kpis.data]);
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [range, setRange] = useState(() => defaultRange('monthly'));
  const [rangeText, setRangeText] = useState(range);
  useEffect(() => {
    if (frequencies.length > 0 && !frequencies.includes(frequency)) {
      const first = frequencies[0] ?? 'monthly';
      setFrequency(first);
      setRange(defaultRange(first));
      setRangeText(defaultRange(first));
    }
  }, [frequencies, frequency]);

  const grid = useContractQuery('kpis.grid', { planId: plan.id, frequency, ...range });
  const state = useGridState();
  const changed = useChangedCount(grid.data, state.drafts);
  const save = useContractMutation('kpis.setValues');
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ key: string; message: string }[]>([]);

  const focusedRow = grid.data?.rows[state.focused.row];
  const focusedPeriod = grid.data?.periods[state.focused.column];
  const focusedKey = focusedRow && focusedPeriod ? cellKey(focusedRow.id, focusedPeriod.key) : null;
  const focusedStored = focusedRow && focusedPeriod ? focusedRow.cells[focusedPeriod.key] : undefined;
  const focusedDraft: Draft | undefined = focusedKey ? state.drafts.get(focusedKey) : undefined;

  const patchFocused = (patch: Draft) => {
    if (!focusedKey) return;
    state.setDrafts((current) => new Map(current).set(focusedKey, { ...current.get(focusedKey), ...patch }));
  };

  const focusCell = (key: string) => {
    const [kpiId, period] = key.split('|');
    const row = grid.data?.rows.findIndex((candidate) => candidate.id === kpiId) ?? -1;
    const column = grid.data?.periods.findIndex((candidate) => candidate.key === period) ?? -1;
    if (row < 0 || column < 0) return;
    state.setFocused({ row, column });
    document.querySelector<HTMLInputElement>(`.kpi-grid tbody tr:nth-child(${row + 1}) td:nth-of-type(${column + 1}) input`)?.focus();
  };

  const describe = (key: string) => {
    const [kpiId, period] = key.split('|');
    const row = grid.data?.rows.find((candidate) => candidate.id === kpiId);
    const column = grid.data?.periods.find((candidate) => candidate.key === period);
    return `${row?.reference ?? ''}, ${column?.label ?? ''}`;
  };

  const onSave = () => {
    if (!grid.data) return;
    const { cells, keys, problems: local } = cellsToSave(grid.data, state.drafts);
    if (local.size > 0) {
      setProblems([...local].map(([key, message]) => ({ key, message: `${describe(key)}: ${message}` })));
      setStatus('');
      return;
    }
    if (cells.length === 0) return;
    setProblems([]);
    save.mutate(
      { planId: plan.id, cells },
      {
        onSuccess: ({ saved, cleared }) => {
          state.reset();
          const parts = [saved ? `Saved ${saved} ${saved === 1 ? 'value' : 'values'}` : null, cleared ? `cleared ${cleared}` : null].filter(Boolean);
          setStatus(parts.length ? `${parts.join(' and ')}.` : 'Nothing had changed.');
        },
        onError: (error) => {
          const fields = error instanceof ContractError ? (error.body.details.fields ?? []) : [];
          const found = new Map<string, string>();
          for (const field of fields) {
            const index = Number(/^cells\.(\d+)\./.exec(field.path)?.[1]);
            const key = keys[index];
            if (key !== undefined) found.set(key, field.message);
          }
          state.setServerErrors(found);
          setProblems([...found].map(([key, message]) => ({ key, message })));
          setStatus('');
        },
      },
    );
  };

  if (kpis.isPending) return <Loading what="the KPIs" />;
  if (kpis.error) return <ErrorNotice error={kpis.error} title="The KPIs could not be read" />;

  return (
    <Page title="Enter KPI values" caption={plan.title}>
      {kpis.data.length === 0 ? (
        <p>
          No KPIs yet. <Link to={`/plans/${plan.id}/kpis/definitions`}>Define KPIs or add them from the DfE catalogue</Link> first.
        </p>
      ) : (
        <>
          <div className="grid-toolbar">
            <Choice
              label="KPIs measured"
              name="frequency"
              options={frequencies}
              labels={FREQUENCY_LABELS}
              value={frequency}
              onChange={(next) => {
                setFrequency(next);
                setRange(defaultRange(next));
                setRangeText(defaultRange(next));
                state.reset();
              }}
            />
            {(['from', 'to'] as const).map((end) => (
              <TextField
                key={end}
                type="date"
                className="field"
                value={rangeText[end]}
                onChange={(value) => {
                  setRangeText((current) => ({ ...current, [end]: value }));
                  const next = { ...range, [end]: value };
                  if (isDate(value) && next.from <= next.to) setRange(next);
                }}
              >
                <Label>{end === 'from' ? 'Periods from' : 'Periods to'}</Label>
                <Input />
              </TextField>
            ))}
          </div>
          <details className="grid-help">
            <summary>How to enter values</summary>
            <p>
              Type a number in a cell, or paste a block copied from a spreadsheet: it fills from the chosen cell rightwards and down. Arrow keys, Enter and Shift+Enter move between
              cells; Escape undoes what you typed in a cell. A percentage is written 85 or 85%. Where a figure is suppressed, enter its code instead of a number; it will show as a gap,
              never as a zero:
            </p>
            <SuppressionCodeList />
            <p>Mark a value provisional or add a note in the panel beside the grid. Nothing is saved until you save, and then all of it is saved, or none if a cell is wrong.</p>
          </details>

          {problems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              <h2>
                Nothing was saved: {problems.length === 1 ? '1 cell needs' : `${problems.length} cells need`} correcting
              </h2>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.key}>
                    <button type="button" className="link-button" onClick={() => focusCell(problem.key)}>
                      {problem.message}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {save.error && problems.length === 0 ? <ErrorNotice error={save.error} title="Nothing was saved" /> : null}

          <div className="grid-layout">
            {grid.isPending ? <Loading what="the values" /> : null}
            {grid.error ? <ErrorNotice error={grid.error} title="The values could not be read" /> : null}
            {grid.data ? (
              grid.data.rows.length === 0 || grid.data.periods.length === 0 ? (
                <p>No KPIs measured {FREQUENCY_LABELS[frequency].toLowerCase()} in these periods.</p>
              ) : (
                <KpiValuesGrid grid={grid.data} state={state} readOnly={readOnly} onPasteOutside={setStatus} />
              )
            ) : null}
            {grid.data && focusedRow && focusedPeriod && !readOnly ? (
              <aside className="cell-panel" aria-labelledby="cell-panel-heading">
                <h2 id="cell-panel-heading">
                  {focusedRow.reference}, {focusedPeriod.label}
                </h2>
                <p className="small muted">{focusedRow.name}</p>
                <Checkbox
                  className="checkbox"
                  isSelected={focusedDraft?.provisional ?? focusedStored?.provisional ?? false}
                  onChange={(provisional) => patchFocused({ provisional })}
                >
                  <span className="checkbox-box" aria-hidden="true" />
                  <span>Provisional: the figure may change once it is validated</span>
                </Checkbox>
                <TextField
                  className="field"
                  value={focusedDraft?.note === undefined ? (focusedStored?.note ?? '') : (focusedDraft.note ?? '')}
                  onChange={(note) => patchFocused({ note: note.trim() === '' ? null : note })}
                >
                  <Label>Note on this value</Label>
                  <TextArea rows={3} />
                </TextField>
              </aside>
            ) : null}
          </div>

          {readOnly ? null : (
            <div className="form-actions grid-actions">
              <Button className="button button-primary" isDisabled={changed === 0 || save.isPending} onPress={onSave}>
                {changed === 0 ? 'No changes to save' : `Save ${changed} ${changed === 1 ? 'change' : 'changes'}`}
              </Button>
              <Button
                className="button"
                isDisabled={changed === 0}
                onPress={() => {
                  state.reset();
                  setProblems([]);
                  setStatus('Your changes were discarded.');
                }}
              >
                Discard changes
              </Button>
            </div>
          )}
          <p role="status" className="grid-status">
            {status}
          </p>
        </>
      )}
    </Page>
  );
}
