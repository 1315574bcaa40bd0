// The parts every import of a spreadsheet shares: its numbered steps and the result, the choice
// of sheet and of the row the headings are in, the counts of what the import will do, and the
// tables of rows listed a page at a time.
import { useState, type ReactNode, type RefObject } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { formatLongDate } from '../../../shared/dates';
import { Choice } from './Choice';
import '../styles/spreadsheet-import.css';

/** How many rows a table lists before it asks to show more. */
const PAGE = 200;

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** One numbered step of an import, under its heading; a heading given a ref can take the focus. */
export function ImportStep({ id, title, headingRef, children }: { id: string; title: string; headingRef?: RefObject<HTMLHeadingElement | null>; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="import-step">
      <h2 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What the import saved, with a link to where it now stands. */
export function ImportResult({
  id,
  title,
  headingRef,
  link,
  linkText,
  children,
}: {
  id: string;
  title: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  link: string;
  linkText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="notice import-result">
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p role="status">{children}</p>
      <p>
        <Link to={link}>{linkText}</Link>
      </p>
    </section>
  );
}

/** A column as a choice names it: its letter and heading. */
export function columnName(column: { letter: string; header: string }): string {
  return `${column.letter}: ${column.header === '' ? '(no heading)' : column.header}`;
}

/** What reading a file told of its sheets, the sheet read and the columns chosen last time. */
export interface SheetReading {
  sheets: { name: string; rowCount: number }[];
  sheet: string;
  rowCount: number;
  headerRow: number;
  remembered: { fileName: string; savedAt: string } | null;
  rememberedNotUsed: string | null;
}

/** Reading the file again: while it is read, and with another sheet or another row of headings. */
export interface ReadAgain {
  isReading: boolean;
  onSheet: (sheet: string) => void;
  onHeaderRow: (row: number) => void;
}

/** The columns chosen last time, the sheet to read and the row its headings are in. */
export function SheetAndHeaderRow({
  inspection,
  checkAdvice,
  isReading,
  onSheet,
  onHeaderRow,
}: ReadAgain & {
  inspection: SheetReading;
  /** What to do about the columns chosen again: "Check them." */
  checkAdvice: string;
}) {
  const [headerRow, setHeaderRow] = useState(String(inspection.headerRow));
  const [headerRowProblem, setHeaderRowProblem] = useState<string | null>(null);

  function readHeadings() {
    const row = Number(headerRow);
    if (!Number.isInteger(row) || row < 1 || row > inspection.rowCount) {
      setHeaderRowProblem(`Give a row from 1 to ${inspection.rowCount.toLocaleString('en-GB')}`);
      return;
    }
    setHeaderRowProblem(null);
    onHeaderRow(row);
  }

  return (
    <>
      {inspection.remembered ? (
        <p className="notice" role="status">
          The columns chosen last time, for “{inspection.remembered.fileName}” on {formatLongDate(inspection.remembered.savedAt.slice(0, 10))}, are chosen again. {checkAdvice}
        </p>
      ) : null}
      {inspection.rememberedNotUsed ? (
        <p className="notice" role="status">
          {inspection.rememberedNotUsed}
        </p>
      ) : null}
      <div className="field-row">
        {inspection.sheets.length > 1 ? (
          <Choice
            label="Sheet"
            name="sheet"
            options={inspection.sheets.map((sheet) => sheet.name)}
            labels={Object.fromEntries(inspection.sheets.map((sheet) => [sheet.name, `${sheet.name} (${plural(sheet.rowCount, 'row', 'rows')})`]))}
            value={inspection.sheet}
            onChange={onSheet}
          />
        ) : (
          <p className="import-sheet-name">
            Sheet: <strong>{inspection.sheet}</strong> ({plural(inspection.rowCount, 'row', 'rows')})
          </p>
        )}
        <div className="import-header-row">
          <TextField className="field field-narrow" name="headerRow" type="number" value={headerRow} onChange={setHeaderRow} isInvalid={headerRowProblem !== null} validationBehavior="aria">
            <Label>Headings are in row</Label>
            <Input />
            <FieldError className="field-error">{headerRowProblem}</FieldError>
          </TextField>
          <Button className="button" onPress={readHeadings} isDisabled={isReading}>
            Read the headings from this row
          </Button>
        </div>
      </div>
    </>
  );
}

/** The counts of what the import will do, each a number and what it counts. */
export function ImportStats({ items }: { items: [count: number, label: string][] }) {
  return (
    <ul className="stats" aria-label="What the import will do">
      {items.map(([count, label]) => (
        <li key={label}>
          <span className="stat-number">{count.toLocaleString('en-GB')}</span> <span className="stat-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

/** Which rows a table lists, and how many of them so far; a new choice starts again from the first page. */
export function useListing<K extends string>(initial: K) {
  const [shown, setShown] = useState<K>(initial);
  const [limit, setLimit] = useState(PAGE);
  return {
    shown,
    limit,
    show(value: K) {
      setShown(value);
      setLimit(PAGE);
    },
    more() {
      setLimit(limit + PAGE);
    },
  };
}

type Listing<K extends string> = ReturnType<typeof useListing<K>>;

/** The choice of which rows the table lists. */
export function ShownChoice<K extends string>({ listing, options, labels }: { listing: Listing<K>; options: readonly K[]; labels: Record<K, string> }) {
  return (
    <div className="import-show">
      <Choice label="Show" name="shown" options={options} labels={labels} value={listing.shown} onChange={listing.show} />
    </div>
  );
}

/** A table of rows to scroll through, named by its caption. */
export function ImportTable({ captionId, caption, compact, className, children }: { captionId: string; caption: ReactNode; compact?: boolean; className?: string; children: ReactNode }) {
  const classes = ['data-table', 'import-table', compact ? 'import-table-compact' : null, className ?? null].filter(Boolean).join(' ');
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={classes}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The button to list the next page of rows, while any are left. */
export function MoreRows<K extends string>({ listing, count }: { listing: Listing<K>; count: number }) {
  if (count <= listing.limit) return null;
  return (
    <Button className="button" onPress={listing.more}>
      Show {Math.min(PAGE, count - listing.limit)} more of {count.toLocaleString('en-GB')}
    </Button>
  );
}
