import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { TrackerColumns, TrackerInput } from '../../../shared/contract-spreadsheets';
import type { TrackerField } from '../../../shared/spreadsheets';
import { useClient, useContractMutation } from '../client/hooks';
import { ErrorNotice, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { SpreadsheetFileStep, type ChosenFile } from '../components/spreadsheet-file-step';
import { ImportResult, ImportStep, plural } from '../components/spreadsheet-import';
import { TrackerColumnsForm } from '../components/tracker-mapping';
import { TrackerPreviewPanel, type Fixes } from '../components/tracker-preview';
import { usePlan } from './PlanLayout';
import '../styles/tracker.css';

function fixList(fixes: Fixes): NonNullable<TrackerInput['fixes']> {
  return Object.entries(fixes).map(([key, text]) => {
    const [row, field] = key.split(':') as [string, TrackerField];
    return { row: Number(row), field, text };
  });
}

export function TrackerImportPage() {
  const plan = usePlan();
  const client = useClient();
  const readOnly = useReadOnly();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<TrackerColumns | null>(null);
  const [fixes, setFixes] = useState<Fixes>({});
  const [newPeople, setNewPeople] = useState<string[]>([]);
  const [newThemes, setNewThemes] = useState<string[]>([]);
  const [checks, setChecks] = useState(0);
  // The columns were changed after the rows were last checked: the preview no longer shows what
  // an import would do, so importing waits for the rows to be checked again.
  const [columnsChanged, setColumnsChanged] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const inspect = useMutation({ mutationFn: (input: TrackerInput) => client.call('spreadsheets.inspectTracker', input) });
  const save = useContractMutation('spreadsheets.importTracker');
  const inspection = inspect.data;

  useEffect(() => {
    if (checks > 0) previewHeading.current?.focus();
  }, [checks]);
  useEffect(() => {
    if (save.isSuccess) resultHeading.current?.focus();
  }, [save.isSuccess]);

  function read(chosen: ChosenFile, extra: Partial<TrackerInput> = {}, focus = false) {
    save.reset();
    inspect.mutate(
      { planId: plan.id, ...chosen, ...extra },
      {
        onSuccess: (result) => {
          setMapping(result.mapping);
          setColumnsChanged(false);
          if (focus) setChecks((count) => count + 1);
        },
      },
    );
  }

  /** What the person has chosen so far, as the services take it. */
  function current(): TrackerInput | null {
    if (!file || !inspection || !mapping) return null;
    return {
      planId: plan.id,
      ...file,
      sheet: inspection.sheet,
      headerRow: inspection.headerRow,
      ...(mapping.title !== null ? { mapping } : {}),
      fixes: fixList(fixes),
      newPeople,
      newThemes,
    };
  }

  function startOver() {
    inspect.reset();
    save.reset();
    setMapping(null);
    setFixes({});
    setNewPeople([]);
    setNewThemes([]);
  }

  function checkAgain() {
    const input = current();
    if (input && file) read(file, input, true);
  }

  function runImport() {
    const input = current();
    if (input) save.mutate(input);
  }

  return (
    <Page title="Import an action plan tracker" caption={plan.title}>
      <p className="lead">
        Bring the council’s existing action plan into this plan from its Excel tracker (.xlsx) or a CSV file. Choose the file, check which column holds what, correct anything the
        import cannot read, then import. Nothing is saved until you import, and a tracker with any problem is not imported at all.
      </p>
      {readOnly ? (
        <p className="notice">This version of the plan is kept as it was reported, so a tracker cannot be imported into it.</p>
      ) : (
        <>
          <ImportStep id="tracker-file-heading" title="1. Choose the tracker">
            <SpreadsheetFileStep
              label="Action plan tracker"
              hint="An Excel workbook (.xlsx) or a CSV file, at most 20 MB and 10,000 rows."
              emptyAdvice="choose the council’s action plan tracker"
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
            {inspect.error ? <ErrorNotice error={inspect.error} title={`“${file?.fileName ?? 'The file'}” was not read`} /> : null}
          </ImportStep>

          {inspection && mapping && file && !save.isSuccess ? (
            <>
              <ImportStep id="tracker-columns-heading" title="2. Check which column holds what">
                <TrackerColumnsForm
                  key={`${inspection.sheet} ${inspection.headerRow}`}
                  inspection={inspection}
                  mapping={mapping}
                  isReading={inspect.isPending}
                  onSheet={(sheet) => {
                    // Corrections belong to rows of the sheet they were typed for.
                    setFixes({});
                    read(file, { sheet, fixes: [], newPeople, newThemes });
                  }}
                  onHeaderRow={(headerRow) => read(file, { sheet: inspection.sheet, headerRow, newPeople, newThemes })}
                  onChange={(next) => {
                    setMapping(next);
                    setColumnsChanged(true);
                    save.reset();
                  }}
                />
              </ImportStep>

              <ImportStep id="tracker-preview-heading" title="3. Check the rows" headingRef={previewHeading}>
                <TrackerPreviewPanel
                  key={`${inspection.sheet} ${inspection.headerRow} ${checks}`}
                  inspection={inspection}
                  fixes={fixes}
                  onFix={(key, text) => setFixes((before) => ({ ...before, [key]: text }))}
                  newPeople={newPeople}
                  onNewPeople={setNewPeople}
                  newThemes={newThemes}
                  onNewThemes={setNewThemes}
                />
                <div className="form-actions">
                  <Button className="button" onPress={checkAgain} isDisabled={inspect.isPending}>
                    Check the rows again
                  </Button>
                  <Button className="button button-primary" onPress={runImport} isDisabled={save.isPending || inspect.isPending || columnsChanged}>
                    Import {inspection.counts.actions.toLocaleString('en-GB')} {inspection.counts.actions === 1 ? 'action' : 'actions'}
                  </Button>
                </div>
                {columnsChanged && !inspect.isPending ? (
                  <p className="notice" role="status">
                    The columns have changed since the rows were checked. Check the rows again to see what the import will do, then import.
                  </p>
                ) : null}
                {inspect.isPending ? (
                  <p role="status" className="loading">
                    Checking every row…
                  </p>
                ) : null}
                {save.error ? <ErrorNotice error={save.error} title="Nothing was imported" /> : null}
              </ImportStep>
            </>
          ) : null}

          {save.data ? (
            <ImportResult id="tracker-result-heading" title={`Actions imported from “${file?.fileName ?? ''}”`} headingRef={resultHeading} link={`/plans/${plan.id}/actions`} linkText="See the actions">
              {plural(save.data.actions, 'action', 'actions')} and {plural(save.data.updates, 'progress update', 'progress updates')} imported
              {save.data.people > 0 ? `; ${save.data.people} ${save.data.people === 1 ? 'person' : 'people'} added` : ''}
              {save.data.themes > 0 ? `; ${save.data.themes} ${save.data.themes === 1 ? 'theme' : 'themes'} added` : ''}. The columns chosen are remembered for next time.
            </ImportResult>
          ) : null}
        </>
      )}
    </Page>
  );
}
