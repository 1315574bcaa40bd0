import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Link, useSearchParams } from 'react-router';
import type { MethodInput } from '../../../shared/contract';
import type { DfeLayout, DfeYearReading } from '../../../shared/contract-dfe-import';
import type { Kpi } from '../../../shared/contract-kpis';
import { catalogueEntry } from '../../../shared/kpi-catalogue';
import { FREQUENCY_LABELS } from '../../../shared/vocabulary';
import { ContractError } from '../client/client';
import { useClient, useContractMutation, useContractQuery } from '../client/hooks';
import { CouncilChoice, DfeSelect, kpiTakes, shapesOf, YearReadingChoice } from '../components/dfe-fields';
import { DfePreviewTable, previewSummary } from '../components/dfe-preview';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { usePlan } from './PlanLayout';

/** As the services check it. */
const MAX_FILE_BYTES = 25_000_000;

interface Choices {
  kpiId: string | null;
  council: string | null;
  measure: string | null;
  filters: Record<string, string>;
  year: DfeYearReading | null;
}

const NOTHING_CHOSEN: Choices = { kpiId: null, council: null, measure: null, filters: {}, year: null };

/** The catalogue's reading of a KPI that came from it: its column, filters and year reading, where the file has them. */
function fromCatalogue(layout: DfeLayout, kpi: Kpi | undefined): Partial<Choices> {
  const published = kpi?.catalogueKey ? catalogueEntry(kpi.catalogueKey)?.published : null;
  if (!published) return {};
  const measure = layout.measures.find((candidate) => candidate.column.toLowerCase() === published.measure.toLowerCase())?.column;
  if (!measure) return {};
  const filters: Record<string, string> = {};
  for (const [column, value] of Object.entries(published.filters)) {
    const filter = layout.filters.find((candidate) => candidate.column.toLowerCase() === column.toLowerCase());
    if (filter?.values.includes(value)) filters[filter.column] = value;
  }
  return { measure, filters, ...(layout.needsYear ? { year: published.year } : {}) };
}

/** A field's message as a sentence of its own. */
const asSentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** The field messages of a refusal, by the services' field names. */
function fieldsOf(error: Error | null): { path: string; message: string }[] {
  return error instanceof ContractError ? (error.body.details.fields ?? []) : [];
}

const CHOICE_FIELDS = new Set(['kpiId', 'council', 'measure', 'year']);
const FIELD_NAMES: Record<string, string> = { kpiId: 'KPI to load into', council: 'Council', measure: 'Column to import', year: 'How the file’s years read' };
const isChoiceField = (path: string) => CHOICE_FIELDS.has(path) || path.startsWith('filters.');

function FileSummary({ layout }: { layout: DfeLayout }) {
  const times = layout.periods.map((period) => period.timePeriod);
  const first = times.at(-1);
  const last = times[0];
  return (
    <p role="status" className="dfe-file-summary">
      Read “{layout.fileName}”: {layout.rowCount.toLocaleString('en-GB')} rows, {layout.councils.length.toLocaleString('en-GB')} councils and{' '}
      {layout.periods.length.toLocaleString('en-GB')} {layout.periods.length === 1 ? 'period' : 'periods'}
      {first && last && first !== last ? `, from ${first} to ${last}` : first ? `, ${first}` : ''}.
      {layout.suggestion
        ? ` DfE publishes ${layout.suggestion.indicators.map((indicator) => `${indicator.name.charAt(0).toLowerCase()}${indicator.name.slice(1)} (column ${indicator.measure})`).join('; ')} in files of this name.`
        : ''}
    </p>
  );
}

export function DfeImportPage() {
  const plan = usePlan();
  const client = useClient();
  const readOnly = useReadOnly();
  const [searchParams] = useSearchParams();
  const kpis = useContractQuery('kpis.list', { planId: plan.id });
  const authorities = useContractQuery('authorities.list', {});
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choices>(NOTHING_CHOSEN);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [previewNumber, setPreviewNumber] = useState(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const inspect = useMutation({ mutationFn: (input: MethodInput<'dfe.inspect'>) => client.call('dfe.inspect', input) });
  const preview = useMutation({ mutationFn: (input: MethodInput<'dfe.preview'>) => client.call('dfe.preview', input) });
  const save = useContractMutation('dfe.import');
  const layout = inspect.data ?? null;

  useEffect(() => {
    if (preview.isSuccess) previewHeading.current?.focus();
  }, [preview.isSuccess, previewNumber]);
  useEffect(() => {
    if (save.isSuccess) resultHeading.current?.focus();
  }, [save.isSuccess]);

  const plansKpis = useMemo(() => kpis.data ?? [], [kpis.data]);
  const shapes = layout ? shapesOf(layout, choices.year) : new Set<never>();
  const offered = plansKpis.filter((kpi) => kpiTakes(kpi, shapes));
  const notOffered = plansKpis.filter((kpi) => !kpiTakes(kpi, shapes));
  const kpi = plansKpis.find((candidate) => candidate.id === choices.kpiId);

  function forget() {
    preview.reset();
    save.reset();
    setMissing({});
  }

  function firstChoices(read: DfeLayout): Choices {
    const wanted = plansKpis.find((candidate) => candidate.id === searchParams.get('kpi'));
    const ownCode = authorities.data?.find((authority) => authority.id === plan.authorityId)?.oldLaCode;
    const council = read.councils.find((candidate) => candidate.number === ownCode)?.number ?? null;
    const year = read.needsYear ? (read.suggestion?.year ?? null) : null;
    const kpiId = wanted && kpiTakes(wanted, shapesOf(read, year)) ? wanted.id : null;
    return { ...NOTHING_CHOSEN, kpiId, council, year, ...fromCatalogue(read, wanted) };
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    forget();
    inspect.reset();
    setFile(null);
    setFileProblem(null);
    setChoices(NOTHING_CHOSEN);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileProblem(
        `“${chosen.name}” is ${(chosen.size / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB, over the 25 MB a published statistics file can be here. Download the file for the one indicator from Explore Education Statistics.`,
      );
      return;
    }
    let content: string;
    try {
      content = await chosen.text();
    } catch {
      setFileProblem(`“${chosen.name}” could not be read from the disk. Check that it is not open elsewhere and choose it again.`);
      return;
    }
    const next = { fileName: chosen.name, content };
    setFile(next);
    inspect.mutate(next, { onSuccess: (read) => setChoices(firstChoices(read)) });
  }

  function change(next: Partial<Choices>) {
    forget();
    setChoices((current) => ({ ...current, ...next }));
  }

  function chooseKpi(kpiId: string) {
    const chosen = plansKpis.find((candidate) => candidate.id === kpiId);
    forget();
    setChoices((current) => ({ ...current, kpiId, ...(layout ? fromCatalogue(layout, chosen) : {}) }));
  }

  function selection(): MethodInput<'dfe.preview'> | null {
    if (!file || !layout) return null;
    const absent: Record<string, string> = {};
    if (!choices.kpiId) absent.kpiId = 'Choose the KPI to load the figures into';
    if (!choices.council) absent.council = 'Choose the council from the list';
    if (!choices.measure) absent.measure = 'Choose the column to import';
    if (layout.needsYear && !choices.year) absent.year = 'Say how the file’s years read';
    setMissing(absent);
    if (!choices.kpiId || !choices.council || !choices.measure || Object.keys(absent).length > 0) return null;
    return {
      planId: plan.id,
      kpiId: choices.kpiId,
      ...file,
      council: choices.council,
      measure: choices.measure,
      filters: choices.filters,
      ...(choices.year ? { year: choices.year } : {}),
    };
  }

  function showPreview() {
    save.reset();
    const input = selection();
    if (input) preview.mutate(input, { onSuccess: () => setPreviewNumber((count) => count + 1) });
  }

  function runImport() {
    const input = selection();
    if (input) save.mutate(input);
  }

  const refusal = save.error ?? preview.error;
  const refusedFields = fieldsOf(refusal);
  const validationErrors = { ...missing, ...Object.fromEntries(refusedFields.filter((field) => isChoiceField(field.path)).map((field) => [field.path, field.message])) };
  const fileRefusal = fieldsOf(inspect.error).find((field) => field.path === 'content' || field.path === 'fileName') ?? refusedFields.find((field) => field.path === 'content');
  const otherRefusal = refusal && !refusedFields.some((field) => isChoiceField(field.path) || field.path === 'content') ? refusal : null;

  if (kpis.isPending || authorities.isPending) return <Loading what="the plan’s KPIs" />;
  if (kpis.error) return <ErrorNotice error={kpis.error} />;

  return (
    <Page title="Import published figures" caption={plan.title}>
      <p className="lead">
        Load a council’s figures from a DfE statistics file into one of the plan’s KPIs, with England, the council’s region and its statistical neighbours’ average as
        comparators. Use the CSV files Explore Education Statistics publishes. Nothing is saved until you import.
      </p>
      {readOnly ? (
        <p className="notice">This version of the plan is kept as it was reported, so figures cannot be imported into it.</p>
      ) : (
        <>
          <section aria-labelledby="dfe-file-heading" className="dfe-step">
            <h2 id="dfe-file-heading">1. Choose the file</h2>
            <label className="file-label" htmlFor="dfe-file">
              Published statistics file
            </label>
            <p className="muted small" id="dfe-file-hint">
              A CSV file downloaded from Explore Education Statistics, such as c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv; at most 25 MB.
            </p>
            <input
              id="dfe-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="dfe-file-hint"
              aria-invalid={fileProblem || fileRefusal ? true : undefined}
              onChange={(event) => void chooseFile(event)}
            />
            {inspect.isPending ? (
              <p role="status" className="loading">
                Reading “{file?.fileName}”…
              </p>
            ) : null}
            {fileProblem || fileRefusal ? (
              <div className="notice notice-error" role="alert">
                <h3 className="dfe-notice-heading">The file cannot be imported</h3>
                <p>{asSentence(fileProblem ?? fileRefusal?.message ?? '')}</p>
              </div>
            ) : null}
            {inspect.error && !fileRefusal ? <ErrorNotice error={inspect.error} title="The file was not read" /> : null}
            {layout ? <FileSummary layout={layout} /> : null}
          </section>

          {layout && file ? (
            <section aria-labelledby="dfe-choices-heading" className="dfe-step">
              <h2 id="dfe-choices-heading">2. Choose what to import</h2>
              {plansKpis.length === 0 ? (
                <p className="notice">
                  This plan has no KPIs yet. <Link to={`/plans/${plan.id}/kpis/definitions`}>Add a KPI</Link>, then come back to load its published figures.
                </p>
              ) : (
                <Form
                  className="form dfe-form"
                  validationErrors={validationErrors}
                  validationBehavior="aria"
                  onSubmit={(event) => {
                    event.preventDefault();
                    showPreview();
                  }}
                >
                  <DfeSelect
                    name="kpiId"
                    label="KPI to load into"
                    placeholder="Choose a KPI"
                    description={
                      notOffered.length > 0
                        ? `Not offered, as the file’s periods do not fit how they are measured: ${notOffered.map((one) => `${one.reference} (${FREQUENCY_LABELS[one.frequency].toLowerCase()})`).join(', ')}.`
                        : undefined
                    }
                    options={offered.map((one) => ({ id: one.id, label: `${one.reference} ${one.name}` }))}
                    value={choices.kpiId}
                    onChange={chooseKpi}
                  />
                  <CouncilChoice councils={layout.councils} value={choices.council} onChange={(council) => change({ council })} />
                  <DfeSelect
                    name="measure"
                    label="Column to import"
                    placeholder="Choose a column"
                    description={kpi?.catalogueKey && catalogueEntry(kpi.catalogueKey)?.published ? `DfE publishes ${kpi.reference} in column ${catalogueEntry(kpi.catalogueKey)?.published?.measure}.` : undefined}
                    options={layout.measures.map((measure) => ({ id: measure.column, label: measure.column }))}
                    value={choices.measure}
                    onChange={(measure) => change({ measure })}
                  />
                  {layout.filters
                    .filter((filter) => filter.values.length > 1)
                    .map((filter) => (
                      <DfeSelect
                        key={filter.column}
                        name={`filters.${filter.column}`}
                        label={filter.column}
                        description="The file has a row for each of these; choose the one to import."
                        placeholder="Choose a value"
                        options={filter.values.map((value) => ({ id: value, label: value }))}
                        value={choices.filters[filter.column] ?? null}
                        onChange={(value) => change({ filters: { ...choices.filters, [filter.column]: value } })}
                      />
                    ))}
                  {layout.needsYear ? <YearReadingChoice layout={layout} value={choices.year} onChange={(year) => change({ year })} /> : null}
                  {otherRefusal && !save.error ? <ErrorNotice error={otherRefusal} title="The preview could not be made" /> : null}
                  {Object.keys(validationErrors).length > 0 ? (
                    <p className="field-error" role="alert">
                      {Object.keys(validationErrors).length === 1 ? 'One choice needs' : 'Some choices need'} attention before the preview: see the{' '}
                      {Object.keys(validationErrors).length === 1 ? 'message' : 'messages'} under{' '}
                      {Object.keys(validationErrors)
                        .map((path) => `“${FIELD_NAMES[path] ?? path.replace(/^filters\./, '')}”`)
                        .join(', ')}
                      .
                    </p>
                  ) : null}
                  {fileRefusal && refusal ? (
                    <p className="field-error" role="alert">
                      The file cannot be imported as it is: see the message under “1. Choose the file”.
                    </p>
                  ) : null}
                  <div className="form-actions">
                    <Button type="submit" className="button button-primary" isDisabled={preview.isPending}>
                      Preview the import
                    </Button>
                  </div>
                  {preview.isPending ? (
                    <p role="status" className="loading">
                      Picking out the figures…
                    </p>
                  ) : null}
                </Form>
              )}
            </section>
          ) : null}

          {preview.data && !save.isSuccess ? (
            <section aria-labelledby="dfe-preview-heading" className="dfe-step">
              <h2 id="dfe-preview-heading" ref={previewHeading} tabIndex={-1}>
                3. Check what will be loaded
              </h2>
              <p>
                {preview.data.council.name} ({preview.data.council.number}
                {preview.data.council.onsCodes.length > 0 ? `, ${preview.data.council.onsCodes.join(', ')}` : ''}){preview.data.council.region ? `, ${preview.data.council.region}` : ''},
                into {preview.data.kpi.reference} {preview.data.kpi.name}. {previewSummary(preview.data)}
              </p>
              {preview.data.notes.length > 0 ? (
                <ul className="dfe-notes">
                  {preview.data.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
              <DfePreviewTable preview={preview.data} />
              {preview.data.neighbours.length > 0 ? (
                <p className="muted small">
                  Statistical neighbours of {preview.data.council.name} (DfE groupings of April 2021):{' '}
                  {preview.data.neighbours.map((neighbour) => `${neighbour.name} (${neighbour.number})`).join(', ')}. Their average is the mean of those with a figure for the
                  period; suppressed figures are left out, never counted as zeros.
                </p>
              ) : null}
              {save.error ? <ErrorNotice error={save.error} title="Nothing was imported" /> : null}
              <div className="form-actions">
                <Button className="button button-primary" onPress={runImport} isDisabled={save.isPending}>
                  Import into {preview.data.kpi.reference}
                </Button>
              </div>
              {save.isPending ? (
                <p role="status" className="loading">
                  Importing…
                </p>
              ) : null}
            </section>
          ) : null}

          {save.data ? (
            <section aria-labelledby="dfe-result-heading" className="notice dfe-result">
              <h2 id="dfe-result-heading" ref={resultHeading} tabIndex={-1}>
                Imported from “{file?.fileName}”
              </h2>
              <p role="status">{save.data.summary}</p>
              <p>
                <Link to={`/plans/${plan.id}/kpis/${save.data.kpiId}`}>Open {kpi ? `${kpi.reference} ${kpi.name}` : 'the KPI'}</Link>
              </p>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
