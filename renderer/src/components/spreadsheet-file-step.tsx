// Choosing a spreadsheet to import: the labelled file input, its size checked before it is sent,
// and what was chosen. Any import of a spreadsheet can use it.
import { useId, useState, type ChangeEvent } from 'react';
import '../styles/spreadsheet-import.css';
import { readAsBase64 } from './files';

/** As the services check it: 20 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

export function SpreadsheetFileStep({
  label,
  hint,
  emptyAdvice,
  sheetToSave = 'the sheet',
  chosen,
  onChoose,
  onClear,
}: {
  label: string;
  hint: string;
  /** What to choose instead of an empty file: "choose the council’s tracker". */
  emptyAdvice: string;
  /** What to save on its own from a file that is too large: "the sheet of figures". */
  sheetToSave?: string;
  chosen: ChosenFile | null;
  onChoose: (file: ChosenFile) => void;
  onClear: () => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared, so that the same file chosen again once corrected is read again.
    event.target.value = '';
    setProblem(null);
    onClear();
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(`“${file.name}” is larger than 20 MB, the largest file the import reads. Save ${sheetToSave} on its own and choose that.`);
      return;
    }
    if (file.size === 0) {
      setProblem(`“${file.name}” is empty: ${emptyAdvice}.`);
      return;
    }
    try {
      onChoose({ fileName: file.name, contentBase64: await readAsBase64(file) });
    } catch {
      setProblem(`“${file.name}” could not be read from the disk. Check that it is not open elsewhere and choose it again.`);
    }
  }

  return (
    <>
      <label className="file-label" htmlFor={`${id}-file`}>
        {label}
      </label>
      <p className="muted small" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={`${id}-file`}
        type="file"
        accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void choose(event)}
      />
      {chosen ? (
        <p className="import-chosen">
          Chosen: <strong>{chosen.fileName}</strong>. If you correct the file, choose it again to read the corrected copy.
        </p>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
    </>
  );
}
