// Downloading the action plan and KPIs as an Excel workbook or as CSV, from the pages that show them.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ExportFormat } from '../../../shared/spreadsheets';
import { useClient } from '../client/hooks';
import { saveFile } from './pack-files';
import '../styles/tracker.css';

export function SpreadsheetDownloads({ planId, what, csv }: { planId: string; what: string; csv: Exclude<ExportFormat, 'xlsx'> }) {
  const client = useClient();
  const [making, setMaking] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setMaking(format);
    setProblem(null);
    try {
      saveFile(await client.call('spreadsheets.exportPlan', { planId, themeId: null, format }));
    } catch (error) {
      setProblem(`The ${what} could not be downloaded: ${(error as Error).message}`);
    } finally {
      setMaking(null);
    }
  }

  return (
    <div className="spreadsheet-downloads" role="group" aria-label={`Download the ${what}`}>
      <span className="spreadsheet-downloads-label" aria-hidden="true">
        Download:
      </span>
      <Button className="button" isDisabled={making !== null} onPress={() => void download('xlsx')} aria-label={`Excel: download the ${what} as an Excel workbook`}>
        Excel
      </Button>
      <Button className="button" isDisabled={making !== null} onPress={() => void download(csv)} aria-label={`CSV: download the ${what} as CSV`}>
        CSV
      </Button>
      {making ? (
        <span role="status" className="small muted">
          Preparing the {making === 'xlsx' ? 'workbook' : 'CSV file'}…
        </span>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
