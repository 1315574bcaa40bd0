import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { MethodInput } from '../../../shared/contract';
import type { FiguresMapping } from '../../../shared/contract-figures-import';
import { ContractError } from '../client/client';
import { useClient, useContractMutation } from '../client/hooks';
import { FiguresMappingForm, type MappingErrors } from '../components/figures-mapping';
import { FiguresPreviewPanel } from '../components/figures-preview';
import { ErrorNotice, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { SpreadsheetFileStep, type ChosenFile } from '../components/spreadsheet-file-step';
import { ImportResult, ImportStep } from '../components/spreadsheet-import';
import { usePlan } from './PlanLayout';

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
          <ImportStep id="figures-file-heading" title="1. Choose the file">
            <SpreadsheetFileStep
              label="Spreadsheet of figures"
              hint="An Excel workbook (.xlsx) or a CSV file, at most 20 MB."
              emptyAdvice="choose the spreadsheet the performance team sent"
              sheetToSave="the sheet of figures"
              chosen={file}
              onClear={() => {
                startOver();
                setFile(null);
              }}
              onChoose={(chosen) => {
                setFile(chosen);
                read(chosen);
              }}
            />
            {inspect.isPending ? (
              <p role="status" className="loading">
                Reading “{file?.fileName}”…
              </p>
            ) : null}
            {inspectAboutFile ? <ErrorNotice error={inspect.error} title={`“${file?.fileName ?? 'The file'}” was not read`} /> : null}
          </ImportStep>

          {inspection && mapping && file ? (
            <ImportStep id="figures-mapping-heading" title="2. Say which columns hold what">
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
            </ImportStep>
          ) : null}

          {preview.data && !save.isSuccess ? (
            <ImportStep id="figures-preview-heading" title="3. Check the preview" headingRef={previewHeading}>
              <FiguresPreviewPanel key={previewNumber} preview={preview.data} leaveOutUnmatched={leaveOutUnmatched} onLeaveOutUnmatched={setLeaveOutUnmatched} />
              {save.error ? <ErrorNotice error={save.error} title="Nothing was imported" /> : null}
              <div className="form-actions">
                <Button className="button button-primary" onPress={runImport} isDisabled={save.isPending}>
                  Import the figures
                </Button>
              </div>
            </ImportStep>
          ) : null}

          {save.data ? (
            <ImportResult id="figures-result-heading" title={`Figures imported from “${file?.fileName ?? ''}”`} headingRef={resultHeading} link={`/plans/${plan.id}/kpis`} linkText="See the KPIs">
              {save.data.added.toLocaleString('en-GB')} new, {save.data.changed.toLocaleString('en-GB')} changed and {save.data.unchanged.toLocaleString('en-GB')} the same as
              before.
              {save.data.blank > 0 ? ` ${save.data.blank.toLocaleString('en-GB')} blank ${save.data.blank === 1 ? 'cell was' : 'cells were'} left out.` : ''}
              {save.data.rowsLeftOut > 0 ? ` ${save.data.rowsLeftOut.toLocaleString('en-GB')} ${save.data.rowsLeftOut === 1 ? 'row' : 'rows'} naming KPIs this plan does not have ${save.data.rowsLeftOut === 1 ? 'was' : 'were'} left out.` : ''}{' '}
              The columns chosen are remembered for next month’s file.
            </ImportResult>
          ) : null}
        </>
      )}
    </Page>
  );
}
