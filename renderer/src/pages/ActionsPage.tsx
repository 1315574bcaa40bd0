import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Input, Label, SearchField, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { ActionFilters, ActionSort, SortKey } from '../../../shared/action-filters';
import type { ActionRow } from '../../../shared/contract';
import type { SavedView } from '../../../shared/contract-search';
import { formatShortDate, londonDate } from '../../../shared/dates';
import { RAG_DISPLAY, RAG_VALUES } from '../../../shared/rag';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../../shared/vocabulary';
import { useClient, useContractMutation, useContractQuery } from '../client/hooks';
import { MultiChoice } from '../components/Choice';
import { FormDialog } from '../components/FormDialog';
import { ErrorNotice, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { usePlan } from './PlanLayout';

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'reference', label: 'Ref' },
  { key: 'title', label: 'Action' },
  { key: 'owner', label: 'Owner' },
  { key: 'due', label: 'Due' },
  { key: 'status', label: 'Status' },
  { key: 'rag', label: 'RAG' },
  { key: 'lastUpdate', label: 'Last update' },
];

const ROW_HEIGHT = 52;

interface Query {
  filters: ActionFilters;
  sort: ActionSort;
  search: string;
}

const NO_FACETS = { themes: [], owners: [], leads: [] };

const EMPTY_QUERY: Query = { filters: {}, sort: { by: 'reference', direction: 'ascending' }, search: '' };

/** A number field for a filter; empty means the filter is off. */
function DaysFilter({ label, value, onChange }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void }) {
  return (
    <TextField
      className="field filter-field field-narrow"
      type="number"
      value={value === undefined ? '' : String(value)}
      onChange={(text) => onChange(text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Math.max(0, Math.floor(Number(text))))}
    >
      <Label>{label}</Label>
      <Input min={0} />
      <FieldError className="field-error" />
    </TextField>
  );
}

type Facets = { themes: { id: string; label: string }[]; owners: { id: string; label: string }[]; leads: { id: string; label: string }[] };

function Filters({ facets, query, onChange }: { facets: Facets; query: Query; onChange: (query: Query) => void }) {
  const [search, setSearch] = useState(query.search);
  // Typing waits for a pause before searching, so each keystroke does not query the database.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== query.search) onChange({ ...query, search });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, query, onChange]);
  useEffect(() => setSearch(query.search), [query.search]);

  const { themes, owners, leads } = facets;
  const set = (filters: Partial<ActionFilters>) => onChange({ ...query, filters: { ...query.filters, ...filters } });

  return (
    <section aria-labelledby="filters-heading" className="filters-panel no-print">
      <h2 id="filters-heading" className="visually-hidden">
        Filters
      </h2>
      <SearchField className="field search-field" value={search} onChange={setSearch} aria-describedby="search-hint">
        <Label>Search the actions and their updates</Label>
        <Input placeholder="For example: return home interviews" />
        <Button className="button button-small">Clear</Button>
      </SearchField>
      <p id="search-hint" className="visually-hidden">
        Finds every word typed, in titles, descriptions, measures of success and progress updates.
      </p>
      <div className="filter-row">
        <MultiChoice label="Theme" options={themes} value={query.filters.themeIds ?? []} onChange={(themeIds) => set({ themeIds })} />
        <MultiChoice label="Owner" options={owners} value={query.filters.ownerIds ?? []} onChange={(ownerIds) => set({ ownerIds })} />
        <MultiChoice label="Lead" options={leads} value={query.filters.leadIds ?? []} onChange={(leadIds) => set({ leadIds })} />
        <MultiChoice
          label="Status"
          options={ACTION_STATUSES.map((status) => ({ id: status, label: ACTION_STATUS_LABELS[status] }))}
          value={query.filters.statuses ?? []}
          onChange={(statuses) => set({ statuses: statuses as ActionFilters['statuses'] })}
        />
      </div>
      <CheckboxGroup
        className="filters"
        value={query.filters.rags ?? []}
        onChange={(rags) => set({ rags: rags as ActionFilters['rags'] })}
      >
        <Label>RAG</Label>
        <div className="filter-options">
          {[...RAG_VALUES, 'unrated' as const].map((rag) => (
            <Checkbox key={rag} value={rag} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {rag === 'unrated' ? 'Not rated' : <RagBadge rag={rag} />}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      <div className="filter-row">
        <Checkbox className="checkbox filter-check" isSelected={query.filters.overdue ?? false} onChange={(overdue) => set({ overdue: overdue || undefined })}>
          <span className="checkbox-box" aria-hidden="true" />
          Overdue only
        </Checkbox>
        <DaysFilter label="Due within (days)" value={query.filters.dueWithinDays} onChange={(dueWithinDays) => set({ dueWithinDays })} />
        <DaysFilter label="Not updated for (days)" value={query.filters.notUpdatedForDays} onChange={(notUpdatedForDays) => set({ notUpdatedForDays })} />
        <DaysFilter label="Date moved more than (times)" value={query.filters.movedMoreThan} onChange={(movedMoreThan) => set({ movedMoreThan })} />
        <Button className="button filter-clear" onPress={() => onChange({ ...EMPTY_QUERY, sort: query.sort })}>
          Clear the filters
        </Button>
      </div>
    </section>
  );
}

function SavedViews({ planId, query, onApply }: { planId: string; query: Query; onApply: (query: Query) => void }) {
  const views = useContractQuery('views.list', { planId });
  const save = useContractMutation('views.save');
  const remove = useContractMutation('views.delete');
  return (
    <section aria-labelledby="views-heading" className="saved-views no-print">
      <h2 id="views-heading">Saved views</h2>
      <ul className="view-list">
        <li>
          <Button className="button button-small" onPress={() => onApply(EMPTY_QUERY)}>
            All actions
          </Button>
        </li>
        {(views.data ?? []).map((view: SavedView) => (
          <li key={view.id}>
            <Button
              className="button button-small"
              onPress={() => onApply({ filters: view.query.filters, sort: view.query.sort, search: view.query.search })}
            >
              {view.name}
            </Button>
            <Button className="button button-small button-quiet" aria-label={`Delete the saved view ${view.name}`} onPress={() => remove.mutate({ viewId: view.id })}>
              ×
            </Button>
          </li>
        ))}
      </ul>
      <FormDialog
        trigger="Save this view"
        triggerClassName="button button-small"
        title="Save the current filters and order as a view"
        submitLabel="Save the view"
        mutation={save}
        onSubmit={(form, close) => save.mutate({ planId, name: String(form.get('name') ?? ''), query }, { onSuccess: close })}
      >
        <TextField name="name" className="field" isRequired>
          <Label>Name of the view</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </FormDialog>
    </section>
  );
}

function ActionTable({ planId, rows, sort, onSort }: { planId: string; rows: ActionRow[]; sort: ActionSort; onSort: (sort: ActionSort) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const today = londonDate(new Date());
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  useEffect(() => {
    // Tests and the benchmark wait for these signals rather than for a delay: how many rows the
    // table holds, and a count that moves each time a new set of rows has been drawn.
    const root = document.documentElement;
    root.dataset.actionsRendered = String(rows.length);
    root.dataset.actionsDrawn = String(Number(root.dataset.actionsDrawn ?? '0') + 1);
  }, [rows]);

  return (
    <div ref={scroller} className="table-scroll action-table-scroll" tabIndex={0} aria-label="Actions, scrollable">
      <table className="data-table action-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">Actions of the plan, {rows.length} shown</caption>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.by === column.key;
              return (
                <th key={column.key} scope="col" aria-sort={active ? sort.direction : 'none'}>
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort({ by: column.key, direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending' })}
                  >
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const action = rows[item.index];
            if (!action) return null;
            const overdue = action.currentDueDate !== null && action.currentDueDate < today && (action.status === 'not-started' || action.status === 'in-progress');
            return (
              <tr key={action.id} aria-rowindex={item.index + 2} data-index={item.index} ref={virtualizer.measureElement}>
                <td className="nowrap">{action.reference}</td>
                <th scope="row" className="action-title">
                  <Link to={`/plans/${planId}/actions/${action.id}`}>{action.title}</Link>
                </th>
                <td>{action.ownerName ?? 'No owner'}</td>
                <td className="nowrap">
                  {action.currentDueDate ? formatShortDate(action.currentDueDate) : 'Not set'}
                  {overdue ? <span className="tag tag-warning">Overdue</span> : null}
                  {action.dueDateMoves > 0 ? <span className="muted small"> moved {action.dueDateMoves}×</span> : null}
                </td>
                <td>{ACTION_STATUS_LABELS[action.status]}</td>
                <td>
                  <RagBadge rag={action.rag} />
                </td>
                <td className="nowrap">{action.lastUpdateDate ? formatShortDate(action.lastUpdateDate) : 'None yet'}</td>
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export function ActionsPage() {
  const plan = usePlan();
  const client = useClient();
  const [query, setQuery] = useState<Query>(EMPTY_QUERY);
  const result = useQuery({
    queryKey: ['actions.query', plan.id, query],
    queryFn: () => client.call('actions.query', { planId: plan.id, ...query }),
    // Keep the rows on screen while a new filter is applied, rather than flashing a blank table.
    placeholderData: keepPreviousData,
  });
  const shown = result.data?.rows.length ?? 0;
  const ragSummary = RAG_VALUES.map((rag) => `${RAG_DISPLAY[rag].label} ${(result.data?.rows ?? []).filter((row) => row.rag === rag).length}`).join(', ');

  return (
    <Page title="Actions" caption={plan.title}>
      <SavedViews planId={plan.id} query={query} onApply={setQuery} />
      <Filters facets={result.data?.facets ?? NO_FACETS} query={query} onChange={setQuery} />
      {result.error ? <ErrorNotice error={result.error} title="The actions could not be listed" /> : null}
      <p className="result-count" role="status" aria-live="polite">
        {result.data ? `Showing ${shown} of ${result.data.total} actions. ${ragSummary}.` : 'Loading the actions…'}
      </p>
      {result.data && shown === 0 ? <p>No action matches these filters.</p> : null}
      {result.data && shown > 0 ? (
        <ActionTable planId={plan.id} rows={result.data.rows} sort={query.sort} onSort={(sort) => setQuery({ ...query, sort })} />
      ) : null}
    </Page>
  );
}
