import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Input, Label, SearchField, TextField } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import type { ActionFilters, ActionSort, SortKey } from '../../../shared/action-filters';
import type { ActionRow } from '../../../shared/contract';
import type { SavedView } from '../../../shared/contract-search';
import { formatShortDate, londonDate } from '../../../shared/dates';
import { RAG_DISPLAY, RAG_VALUES, type Rag } from '../../../shared/rag';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../../shared/vocabulary';
import { useClient, useContractMutation, useContractQuery } from '../client/hooks';
import { Choice, InlineChoice, MultiChoice } from '../components/Choice';
import { FormDialog, formText } from '../components/FormDialog';
import { ErrorNotice, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { SpreadsheetDownloads } from '../components/tracker-downloads';
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

type RagChoice = Rag | 'unrated';
const RAG_CHOICES: readonly RagChoice[] = [...RAG_VALUES, 'unrated'];
const RAG_CHOICE_LABELS: Record<RagChoice, string> = {
  red: RAG_DISPLAY.red.label,
  amber: RAG_DISPLAY.amber.label,
  green: RAG_DISPLAY.green.label,
  blue: RAG_DISPLAY.blue.label,
  unrated: 'Not rated',
};

function ActionTable({
  planId,
  rows,
  sort,
  onSort,
  chosen,
  onChoose,
}: {
  planId: string;
  rows: ActionRow[];
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
  chosen: ReadonlySet<string>;
  onChoose: (chosen: Set<string>) => void;
}) {
  const update = useContractMutation('actions.update');
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
    <>
      {update.error ? <ErrorNotice error={update.error} title="The action was not changed" /> : null}
    <div ref={scroller} className="table-scroll action-table-scroll" tabIndex={0} aria-label="Actions, scrollable">
      <table className="data-table action-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">Actions of the plan, {rows.length} shown</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="choose-column">
              <Checkbox
                className="checkbox"
                aria-label={`Choose all ${rows.length} actions shown`}
                isSelected={rows.length > 0 && rows.every((row) => chosen.has(row.id))}
                isIndeterminate={chosen.size > 0 && !rows.every((row) => chosen.has(row.id))}
                onChange={(all) => onChoose(all ? new Set(rows.map((row) => row.id)) : new Set())}
              >
                <span className="checkbox-box" aria-hidden="true" />
              </Checkbox>
            </th>
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
              <td colSpan={COLUMNS.length + 1} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const action = rows[item.index];
            if (!action) return null;
            const overdue = action.currentDueDate !== null && action.currentDueDate < today && (action.status === 'not-started' || action.status === 'in-progress');
            return (
              <tr key={action.id} aria-rowindex={item.index + 2} data-index={item.index} ref={virtualizer.measureElement}>
                <td>
                  <Checkbox
                    className="checkbox"
                    aria-label={`Choose action ${action.reference}`}
                    isSelected={chosen.has(action.id)}
                    onChange={(isChosen) => {
                      const next = new Set(chosen);
                      if (isChosen) next.add(action.id);
                      else next.delete(action.id);
                      onChoose(next);
                    }}
                  >
                    <span className="checkbox-box" aria-hidden="true" />
                  </Checkbox>
                </td>
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
                <td>
                  <InlineChoice
                    label={`Status of action ${action.reference}`}
                    options={ACTION_STATUSES}
                    labels={ACTION_STATUS_LABELS}
                    value={action.status}
                    onChange={(status) => update.mutate({ actionId: action.id, status })}
                  />
                </td>
                <td>
                  <InlineChoice
                    label={`RAG of action ${action.reference}`}
                    options={RAG_CHOICES}
                    labels={RAG_CHOICE_LABELS}
                    value={action.rag ?? 'unrated'}
                    renderOption={(rag) => <RagBadge rag={rag === 'unrated' ? null : rag} />}
                    onChange={(rag) => update.mutate({ actionId: action.id, rag: rag === 'unrated' ? null : rag })}
                  />
                </td>
                <td className="nowrap">{action.lastUpdateDate ? formatShortDate(action.lastUpdateDate) : 'None yet'}</td>
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length + 1} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
    </>
  );
}

const NONE = 'none';

function AddAction({ planId, facets }: { planId: string; facets: Facets }) {
  const create = useContractMutation('actions.create');
  const people = useContractQuery('people.list', { planId });
  const navigate = useNavigate();
  const [themeId, setThemeId] = useState<string>(NONE);
  const [ownerId, setOwnerId] = useState<string>(NONE);
  const themeLabels = Object.fromEntries([[NONE, 'No theme yet'], ...facets.themes.map((theme) => [theme.id, theme.label])]) as Record<string, string>;
  const ownerLabels = Object.fromEntries([[NONE, 'No owner yet'], ...(people.data ?? []).map((person) => [person.id, person.name])]) as Record<string, string>;
  return (
    <FormDialog
      trigger="Add an action"
      triggerClassName="button button-primary"
      title="Add an action"
      submitLabel="Add the action"
      mutation={create}
      onSubmit={(form) =>
        create.mutate(
          {
            planId,
            themeId: themeId === NONE ? null : themeId,
            ownerId: ownerId === NONE ? null : ownerId,
            reference: String(form.get('reference') ?? ''),
            title: String(form.get('title') ?? ''),
            startDate: formText(form, 'startDate') ?? null,
            dueDate: formText(form, 'dueDate') ?? null,
          },
          { onSuccess: (action) => navigate(`/plans/${planId}/actions/${action.id}`) },
        )
      }
    >
      <Choice label="Theme" name="themeId" options={Object.keys(themeLabels)} labels={themeLabels} value={themeId} onChange={setThemeId} />
      <TextField name="reference" className="field field-narrow" isRequired>
        <Label>Reference</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="title" className="field" isRequired>
        <Label>Title</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <Choice label="Owner" name="ownerId" options={Object.keys(ownerLabels)} labels={ownerLabels} value={ownerId} onChange={setOwnerId} />
      <div className="field-row">
        <TextField name="startDate" type="date" className="field">
          <Label>Start date</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField name="dueDate" type="date" className="field">
          <Label>Due date</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
    </FormDialog>
  );
}

const KEEP = 'keep';

function ChangeChosen({ planId, chosen, onDone }: { planId: string; chosen: ReadonlySet<string>; onDone: () => void }) {
  const bulk = useContractMutation('actions.bulkUpdate');
  const people = useContractQuery('people.list', { planId });
  const [ownerId, setOwnerId] = useState<string>(KEEP);
  const [rag, setRag] = useState<string>(KEEP);
  const [status, setStatus] = useState<string>(KEEP);
  const ownerLabels = Object.fromEntries([[KEEP, 'Keep as it is'], [NONE, 'No owner'], ...(people.data ?? []).map((person) => [person.id, person.name])]) as Record<string, string>;
  const ragLabels = Object.fromEntries([[KEEP, 'Keep as it is'], ...RAG_CHOICES.map((choice) => [choice, RAG_CHOICE_LABELS[choice]])]) as Record<string, string>;
  const statusLabels = Object.fromEntries([[KEEP, 'Keep as it is'], ...ACTION_STATUSES.map((choice) => [choice, ACTION_STATUS_LABELS[choice]])]) as Record<string, string>;
  return (
    <FormDialog
      trigger={`Change the ${chosen.size} chosen`}
      triggerClassName="button"
      title={`Change the ${chosen.size} chosen actions`}
      submitLabel="Change them"
      mutation={bulk}
      onSubmit={(form, close) =>
        bulk.mutate(
          {
            planId,
            actionIds: [...chosen],
            ownerId: ownerId === KEEP ? undefined : ownerId === NONE ? null : ownerId,
            rag: rag === KEEP ? undefined : rag === 'unrated' ? null : (rag as Rag),
            status: status === KEEP ? undefined : (status as (typeof ACTION_STATUSES)[number]),
            dueDate: formText(form, 'dueDate'),
            reason: formText(form, 'reason'),
          },
          {
            onSuccess: () => {
              close();
              onDone();
            },
          },
        )
      }
    >
      <p>All of them change together, or none does. Leave a choice as it is to keep each action’s own.</p>
      <Choice label="Owner" name="ownerId" options={Object.keys(ownerLabels)} labels={ownerLabels} value={ownerId} onChange={setOwnerId} />
      <Choice label="RAG" name="rag" options={Object.keys(ragLabels)} labels={ragLabels} value={rag} onChange={setRag} />
      <Choice label="Status" name="status" options={Object.keys(statusLabels)} labels={statusLabels} value={status} onChange={setStatus} />
      <TextField name="dueDate" type="date" className="field">
        <Label>New due date (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="reason" className="field">
        <Label>Reason for a new due date</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

export function ActionsPage() {
  const plan = usePlan();
  const client = useClient();
  const [query, setQuery] = useState<Query>(EMPTY_QUERY);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const result = useQuery({
    queryKey: ['actions.query', plan.id, query],
    queryFn: () => client.call('actions.query', { planId: plan.id, ...query }),
    // Keep the rows on screen while a new filter is applied, rather than flashing a blank table.
    placeholderData: keepPreviousData,
  });
  const shown = result.data?.rows.length ?? 0;
  const ragSummary = RAG_VALUES.map((rag) => `${RAG_DISPLAY[rag].label} ${(result.data?.rows ?? []).filter((row) => row.rag === rag).length}`).join(', ');

  return (
    <Page
      title="Actions"
      caption={plan.title}
      actions={
        <>
          <SpreadsheetDownloads planId={plan.id} what="action plan" csv="csv-actions" />
          <AddAction planId={plan.id} facets={result.data?.facets ?? NO_FACETS} />
        </>
      }
    >
      <SavedViews planId={plan.id} query={query} onApply={setQuery} />
      <Filters facets={result.data?.facets ?? NO_FACETS} query={query} onChange={setQuery} />
      {result.error ? <ErrorNotice error={result.error} title="The actions could not be listed" /> : null}
      <p className="result-count" role="status" aria-live="polite">
        {result.data ? `Showing ${shown} of ${result.data.total} actions. ${ragSummary}.` : 'Loading the actions…'}
      </p>
      {result.data && shown === 0 ? <p>No action matches these filters.</p> : null}
      {chosen.size > 0 ? (
        <div className="bulk-bar" role="region" aria-label="Chosen actions">
          <p>
            {chosen.size} {chosen.size === 1 ? 'action' : 'actions'} chosen.
          </p>
          <ChangeChosen planId={plan.id} chosen={chosen} onDone={() => setChosen(new Set())} />
          <Button className="button" onPress={() => setChosen(new Set())}>
            Choose none
          </Button>
        </div>
      ) : null}
      {result.data && shown > 0 ? (
        <ActionTable
          planId={plan.id}
          rows={result.data.rows}
          sort={query.sort}
          onSort={(sort) => setQuery({ ...query, sort })}
          chosen={chosen}
          onChoose={setChosen}
        />
      ) : null}
    </Page>
  );
}
