import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { MethodInput } from '../../../shared/contract';
import type { FiguresMapping } from '../../../shared/contract-figures-import';
import { ContractError } from '../client/client';
import { useClient, useContractMutation } from '../client/hooks';
import { FiguresMappingForm, type MappingErrors } from '../components/figures-mapping';
import { FiguresPreviewPanel } from '../components/figures-preview';
import { ErrorNotice, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { usePlan } from './PlanLayout';

/** As the services check it: 20 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The services' messages by field, for a refusal about the mapping. */
function fieldErrors(error: Error | null): MappingErrors {
  if (!(error instanceof ContractError)) return {};
  return Object.fromEntries((error.body.details.fields ?? []).map((field) => [field.path, field.message]));
}

/** A refusal that is about the file itself (unreadable, a sheet that cannot be used) rather than a column. */
function isAboutTheFile(error: Error | null): boolean {
  const fields = error instanceof ContractError ? (error.body.details.fields ?? []) : [];
  return fields.length === 0 || fields.some((field) => !field.path.startsWith('mapping.'));
}

export function FiguresImportPage() {
  const plan = usePlan();
  const client = useClient();
  const readOnly = useReadOnly();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<FiguresMapping | null>(null);
  const [leaveOutUnmatched, setLeaveOutUnmatched] = useState(false);
  const [previewNumber, setPreviewNumber] = useState(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const inspect = useMutation({ mutationFn: (input: MethodInput<'figures.inspect'>) => client.call('figures.inspect', input) });
  const preview = useMutation({ mutationFn: (input: MethodInput<'figures.preview'>) => client.call('figures.preview', input) });
  const save = useContractMutation('figures.import');
  const inspection = inspect.data;

  useEffect(() => {
    if (preview.isSuccess) previewHeading.current?.focus();
  }, [preview.isSuccess, previewNumber]);
  useEffect(() => {
    if (save.isSuccess) resultHeading.current?.focus();
  }, [save.isSuccess]);

  function startOver() {
    inspect.reset();
    preview.reset();
    save.reset();
    setMapping(null);
    setLeaveOutUnmatched(false);
  }

  function read(chosen: ChosenFile, extra: { sheet?: string; headerRow?: number } = {}) {
    preview.reset();
    save.reset();
    inspect.mutate({ planId: plan.id, ...chosen, ...extra }, { onSuccess: (result) => setMapping(result.mapping) });
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    // Cleared, so that the same file chosen again once corrected is read again.
    event.target.value = '';
    startOver();
    setFile(null);
    setFileProblem(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileProblem(`“${chosen.name}” is larger than 20 MB, the largest file the import reads. Save the sheet of figures on its own and choose that.`);
      return;
    }
    if (chosen.size === 0) {
      setFileProblem(`“${chosen.name}” is empty: choose the spreadsheet the performance team sent.`);
      return;
    }
    try {
      const next = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) };
      setFile(next);
      read(next);
    } catch {
      setFileProblem(`“${chosen.name}” could not be read from the disk. Check that it is not open elsewhere and choose it again.`);
    }
  }

  function changeMapping(next: FiguresMapping) {
    setMapping(next);
    preview.reset();
    save.reset();
  }

  function showPreview() {
    if (!file || !inspection || !mapping) return;
    save.reset();
    preview.mutate({ planId: plan.id, ...file, sheet: inspection.sheet, mapping }, { onSuccess: () => setPreviewNumber((count) => count + 1) });
  }

  function runImport() {
    if (!file || !inspection || !mapping) return;
    save.mutate({ planId: plan.id, ...file, sheet: inspection.sheet, mapping, leaveOutUnmatched });
  }

  const previewErrors = fieldErrors(preview.error);
  const inspectAboutFile = inspect.error && isAboutTheFile(inspect.error);

  return (
    <Page title="Import the performance team’s figures" caption={plan.title}>
      <p className="lead">
        Import the month’s figures from the spreadsheet the performance team sends, as an Excel workbook (.xlsx) or a CSV file. Choose the file, say which columns hold what,
        check the preview, then import. Nothing is saved until you import, and a file with any problem is not imported at all.
      </p>
      {readOnly ? (
        <p className="notice">This version of the plan is kept as it was reported, so figures cannot be imported into it.</p>
      ) : (
        <>
          <section aria-labelledby="figures-file-heading" className="figures-step">
            <h2 id="figures-file-heading">1. Choose the file</h2>
            <label className="file-label" htmlFor="figures-file">
              Spreadsheet of figures
            </label>
            <p className="muted small" id="figures-file-hint">
              An Excel workbook (.xlsx) or a CSV file, at most 20 MB.
            </p>
            <input
              id="figures-file"
              type="file"
              accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="figures-file-hint"
              onChange={(event) => void choose(event)}
            />
            {file ? (
              <p className="figures-chosen">
                Chosen: <strong>{file.fileName}</strong>. If you correct the file, choose it again to read the corrected copy.
              </p>
            ) : null}
            {fileProblem ? (
              <div className="notice notice-error" role="alert">
                <p>{fileProblem}</p>
              </div>
            ) : null}
            {inspect.isPending ? (
              <p role="status" className="loading">
                Reading “{file?.fileName}”…
              </p>
            ) : null}
            {inspectAboutFile ? <ErrorNotice error={inspect.error} title={`“${file?.fileName ?? 'The file'}” was not read`} /> : null}
          </section>

          {inspection && mapping && file ? (
            <section aria-labelledby="figures-mapping-heading" className="figures-step">
              <h2 id="figures-mapping-heading">2. Say which columns hold what</h2>
              <FiguresMappingForm
                key={`${inspection.sheet} ${inspection.headerRow}`}
                inspection={inspection}
                mapping={mapping}
                errors={previewErrors}
                isReading={inspect.isPending}
                onSheet={(sheet) => read(file, { sheet })}
                onHeaderRow={(headerRow) => read(file, { sheet: inspection.sheet, headerRow })}
                onChange={changeMapping}
              />
              {preview.error && isAboutTheFile(preview.error) ? <ErrorNotice error={preview.error} title="The preview could not be made" /> : null}
              {preview.error && !isAboutTheFile(preview.error) ? (
                <p className="field-error" role="alert">
                  Some columns need choosing again: see the messages beside them.
                </p>
              ) : null}
              <div className="form-actions">
                <Button className="button button-primary" onPress={showPreview} isDisabled={preview.isPending || inspect.isPending}>
                  Preview the import
                </Button>
              </div>
              {preview.isPending ? (
                <p role="status" className="loading">
                  Checking every figure…
                </p>
              ) : null}
            </section>
          ) : null}

          {preview.data && !save.isSuccess ? (
            <section aria-labelledby="figures-preview-heading" className="figures-step">
              <h2 id="figures-preview-heading" ref={previewHeading} tabIndex={-1}>
                3. Check the preview
              </h2>
              <FiguresPreviewPanel key={previewNumber} preview={preview.data} leaveOutUnmatched={leaveOutUnmatched} onLeaveOutUnmatched={setLeaveOutUnmatched} />
              {save.error ? <ErrorNotice error={save.error} title="Nothing was imported" /> : null}
              <div className="form-actions">
                <Button className="button button-primary" onPress={runImport} isDisabled={save.isPending}>
                  Import the figures
                </Button>
              </div>
            </section>
          ) : null}

          {save.data ? (
            <section aria-labelledby="figures-result-heading" className="notice figures-result">
              <h2 id="figures-result-heading" ref={resultHeading} tabIndex={-1}>
                Figures imported from “{file?.fileName}”
              </h2>
              <p role="status">
                {save.data.added.toLocaleString('en-GB')} new, {save.data.changed.toLocaleString('en-GB')} changed and {save.data.unchanged.toLocaleString('en-GB')} the same as
                before.
                {save.data.blank > 0 ? ` ${save.data.blank.toLocaleString('en-GB')} blank ${save.data.blank === 1 ? 'cell was' : 'cells were'} left out.` : ''}
                {save.data.rowsLeftOut > 0 ? ` ${save.data.rowsLeftOut.toLocaleString('en-GB')} ${save.data.rowsLeftOut === 1 ? 'row' : 'rows'} naming KPIs this plan does not have ${save.data.rowsLeftOut === 1 ? 'was' : 'were'} left out.` : ''}{' '}
                The columns chosen are remembered for next month’s file.
              </p>
              <p>
                <Link to={`/plans/${plan.id}/kpis`}>See the KPIs</Link>
              </p>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
