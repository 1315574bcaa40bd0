import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellInput, KpiCell, KpiGrid } from '../../../shared/contract-kpis';
import { parseCellText, splitPastedBlock } from '../../../shared/kpi-cells';
import { SUPPRESSION_CODE_MEANINGS, SUPPRESSION_CODES } from '../../../shared/vocabulary';

/** What has been typed, pasted or marked in a cell and not yet saved. */
export interface Draft {
  text?: string;
  provisional?: boolean;
  note?: string | null;
}

export const cellKey = (kpiId: string, period: string) => `${kpiId}|${period}`;

export function storedText(cell: KpiCell | undefined): string {
  if (!cell) return '';
  if (cell.value !== null) return String(cell.value);
  return cell.suppressionCode ?? '';
}

interface Position {
  row: number;
  column: number;
}

export interface GridState {
  drafts: Map<string, Draft>;
  setDrafts: (update: (drafts: Map<string, Draft>) => Map<string, Draft>) => void;
  /** Problems the services found at cells on the last save, by cell key. */
  serverErrors: Map<string, string>;
  focused: Position;
  setFocused: (position: Position) => void;
}

/** The cells to send: every drafted cell with its stored marks filled in. */
export function cellsToSave(grid: KpiGrid, drafts: Map<string, Draft>): { cells: CellInput[]; keys: string[]; problems: Map<string, string> } {
  const cells: CellInput[] = [];
  const keys: string[] = [];
  const problems = new Map<string, string>();
  for (const row of grid.rows) {
    for (const period of grid.periods) {
      const key = cellKey(row.id, period.key);
      const draft = drafts.get(key);
      if (!draft) continue;
      const stored = row.cells[period.key];
      const parsed = parseCellText(draft.text ?? storedText(stored), row.unit);
      if (parsed.kind === 'invalid') {
        problems.set(key, parsed.message);
        continue;
      }
      cells.push({
        kpiId: row.id,
        period: period.key,
        value: parsed.kind === 'value' ? parsed.value : null,
        suppressionCode: parsed.kind === 'code' ? parsed.code : null,
        provisional: draft.provisional ?? stored?.provisional ?? false,
        note: draft.note === undefined ? (stored?.note ?? null) : draft.note,
      });
      keys.push(key);
    }
  }
  return { cells, keys, problems };
}

/**
 * The values grid: periods across, KPIs down, like a spreadsheet. One tab stop for the whole
 * grid; arrow keys, Enter and Shift+Enter move between cells; a block pasted from Excel fills
 * from the chosen cell rightwards and down. Nothing is saved until the person saves.
 */
export function KpiValuesGrid({ grid, state, readOnly, onPasteOutside }: { grid: KpiGrid; state: GridState; readOnly: boolean; onPasteOutside: (message: string) => void }) {
  const { drafts, setDrafts, serverErrors, focused, setFocused } = state;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const scroller = useRef<HTMLDivElement>(null);
  // The latest periods are at the right, where the next month's figures go: start there.
  const columns = grid.periods.length;
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
    setFocused({ row: 0, column: Math.max(0, columns - 1) });
  }, [columns, setFocused]);

  const move = useCallback(
    (row: number, column: number) => {
      const next = { row: Math.max(0, Math.min(grid.rows.length - 1, row)), column: Math.max(0, Math.min(grid.periods.length - 1, column)) };
      setFocused(next);
      const rowId = grid.rows[next.row]?.id;
      const period = grid.periods[next.column]?.key;
      if (rowId && period) inputs.current.get(cellKey(rowId, period))?.focus();
    },
    [grid, setFocused],
  );

  const setText = (key: string, text: string) =>
    setDrafts((current) => {
      const next = new Map(current);
      next.set(key, { ...next.get(key), text });
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number, key: string) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) move(row + 1, column);
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) move(row - 1, column);
    else if (event.key === 'ArrowLeft' && atStart) move(row, column - 1);
    else if (event.key === 'ArrowRight' && atEnd) move(row, column + 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0, 0);
    else if (event.key === 'End' && event.ctrlKey) move(grid.rows.length - 1, grid.periods.length - 1);
    else if (event.key === 'Escape' && drafts.has(key)) {
      setDrafts((current) => {
        const next = new Map(current);
        next.delete(key);
        return next;
      });
    } else return;
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, column: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))) return; // One value: an ordinary paste into the cell.
    event.preventDefault();
    const block = splitPastedBlock(text);
    let outside = 0;
    setDrafts((current) => {
      const next = new Map(current);
      block.forEach((values, rowOffset) =>
        values.forEach((value, columnOffset) => {
          const target = grid.rows[row + rowOffset];
          const period = grid.periods[column + columnOffset];
          if (!target || !period) {
            outside += 1;
            return;
          }
          const key = cellKey(target.id, period.key);
          next.set(key, { ...next.get(key), text: value.trim() });
        }),
      );
      return next;
    });
    const filled = block.reduce((sum, values) => sum + values.length, 0) - outside;
    onPasteOutside(
      outside > 0
        ? `Pasted ${filled} cells. ${outside} pasted ${outside === 1 ? 'value falls' : 'values fall'} outside the grid and ${outside === 1 ? 'was' : 'were'} left out: show more periods or start lower down.`
        : `Pasted ${filled} cells. Check them, then save.`,
    );
  };

  return (
    <div ref={scroller} className="table-scroll kpi-grid-scroll">
      <table className="data-table kpi-grid" aria-label="KPI values: periods across, KPIs down" aria-rowcount={grid.rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            {grid.periods.map((period) => (
              <th key={period.key} scope="col" className="numeric">
                {period.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, rowIndex) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="muted">{row.reference}</span> {row.name}
              </th>
              {grid.periods.map((period, columnIndex) => {
                const key = cellKey(row.id, period.key);
                const stored = row.cells[period.key];
                const draft = drafts.get(key);
                const text = draft?.text ?? storedText(stored);
                const parsed = parseCellText(text, row.unit);
                const error = parsed.kind === 'invalid' ? parsed.message : serverErrors.get(key);
                const provisional = draft?.provisional ?? stored?.provisional ?? false;
                const note = draft?.note === undefined ? (stored?.note ?? null) : draft.note;
                const isFocused = focused.row === rowIndex && focused.column === columnIndex;
                const marks = [provisional ? 'provisional' : null, note ? 'has a note' : null, draft ? 'not saved yet' : null].filter(Boolean).join(', ');
                return (
                  <td key={period.key} className={`kpi-cell${draft ? ' kpi-cell-changed' : ''}${error ? ' kpi-cell-error' : ''}${isFocused ? ' kpi-cell-focused' : ''}`}>
                    <input
                      ref={(element) => {
                        if (element) inputs.current.set(key, element);
                        else inputs.current.delete(key);
                      }}
                      className="kpi-cell-input"
                      value={text}
                      readOnly={readOnly}
                      tabIndex={isFocused ? 0 : -1}
                      inputMode="decimal"
                      aria-label={`${row.reference} ${row.name}, ${period.label}${marks ? ` (${marks})` : ''}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${key}-error` : undefined}
                      onFocus={() => setFocused({ row: rowIndex, column: columnIndex })}
                      onChange={(event) => setText(key, event.target.value)}
                      onKeyDown={(event) => onKeyDown(event, rowIndex, columnIndex, key)}
                      onPaste={(event) => onPaste(event, rowIndex, columnIndex)}
                    />
                    {error ? (
                      <span id={`${key}-error`} className="visually-hidden">
                        {error}
                      </span>
                    ) : null}
                    {provisional || note ? (
                      <span className="kpi-cell-marks" aria-hidden="true">
                        {provisional ? <span className="kpi-cell-provisional">p</span> : null}
                        {note ? <span className="kpi-cell-note">●</span> : null}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The suppression codes a cell may hold instead of a number, as a list for the page. */
export function SuppressionCodeList() {
  return (
    <ul className="code-list">
      {SUPPRESSION_CODES.map((code) => (
        <li key={code}>
          <strong>{code}</strong> – {SUPPRESSION_CODE_MEANINGS[code]}
        </li>
      ))}
    </ul>
  );
}

/** Counts how many drafted cells differ from what is stored. */
export function useChangedCount(grid: KpiGrid | undefined, drafts: Map<string, Draft>): number {
  return useMemo(() => {
    if (!grid) return 0;
    const { cells, problems } = cellsToSave(grid, drafts);
    return cells.length + problems.size;
  }, [grid, drafts]);
}

export function useGridState(): GridState & { reset: () => void; setServerErrors: (errors: Map<string, string>) => void } {
  const [drafts, setDraftsState] = useState(new Map<string, Draft>());
  const [serverErrors, setServerErrors] = useState(new Map<string, string>());
  const [focused, setFocused] = useState<Position>({ row: 0, column: 0 });
  const setDrafts = useCallback((update: (drafts: Map<string, Draft>) => Map<string, Draft>) => {
    setDraftsState(update);
    setServerErrors(new Map());
  }, []);
  return {
    drafts,
    setDrafts,
    serverErrors,
    setServerErrors,
    focused,
    setFocused,
    reset: () => {
      setDraftsState(new Map());
      setServerErrors(new Map());
    },
  };
}
