// Every row of a tracker as it would be imported: what it will do, the problems to correct (each
// with a field to type the correction in), the people and themes to add, and the rows themselves.
import { Checkbox, CheckboxGroup, Input, Label, Text, TextField } from 'react-aria-components';
import type { TrackerInspection, TrackerRow } from '../../../shared/contract-spreadsheets';
import { formatShortDate } from '../../../shared/dates';
import { ACTION_STATUS_LABELS } from '../../../shared/vocabulary';
import { RagBadge } from './RagBadge';
import { ImportStats, ImportTable, MoreRows, plural, ShownChoice, useListing } from './spreadsheet-import';

export type Fixes = Record<string, string>;
export const fixKey = (row: number, field: string) => `${row}:${field}`;

function rowsText(rows: number[]): string {
  const shown = rows.slice(0, 12).join(', ');
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${rows.length > 12 ? ` and ${rows.length - 12} more` : ''}`;
}

/** The problems, each with the value to correct; a correction replaces what the file holds at that row and column. */
function Problems({ inspection, fixes, onFix }: { inspection: TrackerInspection; fixes: Fixes; onFix: (key: string, text: string) => void }) {
  return (
    <section className="notice notice-error tracker-problems" aria-labelledby="tracker-problems-heading">
      <h3 id="tracker-problems-heading">{plural(inspection.problemCount, 'problem', 'problems')} to correct before anything can be imported</h3>
      <p>
        Type each correction here and check the rows again, or correct the spreadsheet and choose it again. Dates are read day first (30/09/2025) or with the month in words
        (30 September 2025).
      </p>
      <ol className="tracker-problem-list">
        {inspection.problems.map((problem, index) => {
          const key = problem.row !== null && problem.field !== null ? fixKey(problem.row, problem.field) : null;
          const correctable = key !== null && problem.field !== 'owner' && problem.field !== 'lead' && problem.field !== 'theme';
          return (
            <li key={key ?? `file-${index}`}>
              <p>{problem.text}</p>
              {correctable && key ? (
                <TextField className="field tracker-fix" value={fixes[key] ?? problem.given ?? ''} onChange={(text) => onFix(key, text)}>
                  <Label>
                    Correction for row {problem.row}, {problem.header ?? `column ${problem.column}`}
                  </Label>
                  <Input />
                </TextField>
              ) : null}
            </li>
          );
        })}
      </ol>
      {inspection.problemCount > inspection.problems.length ? <p>…and {plural(inspection.problemCount - inspection.problems.length, 'more', 'more')}.</p> : null}
    </section>
  );
}

function ToAdd({
  id,
  title,
  description,
  entries,
  value,
  onChange,
}: {
  id: string;
  title: string;
  description: string;
  entries: TrackerInspection['unknownPeople'];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  if (entries.length === 0) return null;
  return (
    <CheckboxGroup className="field checkbox-list tracker-to-add" value={value} onChange={onChange} aria-describedby={`${id}-description`}>
      <Label>{title}</Label>
      <Text slot="description" id={`${id}-description`} className="muted small">
        {description}
      </Text>
      {entries.map((entry) => (
        <Checkbox key={entry.name} value={entry.name} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          <span>
            {entry.name} <span className="muted">({rowsText(entry.rows)})</span>
          </span>
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

function RowsTable({ rows }: { rows: TrackerRow[] }) {
  const withProblems = rows.filter((row) => row.problems.length > 0);
  const listing = useListing<'all' | 'problems'>(withProblems.length > 0 ? 'problems' : 'all');
  const listed = listing.shown === 'all' ? rows : withProblems;
  // A column the tracker has nothing for is left out, so the rest fit.
  const has = {
    theme: rows.some((row) => row.theme !== null),
    dates: rows.some((row) => row.startDate !== null || row.dueDate !== null),
    update: rows.some((row) => row.update !== null),
  };
  return (
    <>
      {withProblems.length > 0 ? <ShownChoice listing={listing} options={['problems', 'all'] as const} labels={{ problems: 'Rows with problems', all: 'Every row' }} /> : null}
      <ImportTable
        captionId="tracker-rows-caption"
        caption={`${listing.shown === 'all' ? 'Every row, as it will be imported' : 'Rows with problems'}: ${plural(listed.length, 'action', 'actions')}`}
        compact
        className="tracker-rows"
      >
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Ref</th>
            <th scope="col">Action</th>
            {has.theme ? <th scope="col">Theme</th> : null}
            <th scope="col">Owner and lead</th>
            {has.dates ? <th scope="col">Start and due</th> : null}
            <th scope="col">Status</th>
            <th scope="col">RAG</th>
            {has.update ? <th scope="col">Latest update</th> : null}
          </tr>
        </thead>
        <tbody>
          {listed.slice(0, listing.limit).map((row) => (
            <tr key={row.row} className={row.problems.length > 0 ? 'tracker-row-problem' : undefined}>
              <td className="nowrap">
                {row.row}
                {row.problems.length > 0 ? <span className="tag tag-problem">{plural(row.problems.length, 'problem', 'problems')}</span> : null}
              </td>
              <td className="nowrap">
                {row.reference}
                {row.referenceSuggested ? <span className="small muted block">suggested</span> : null}
              </td>
              <th scope="row">{row.title ?? <span className="muted">(none)</span>}</th>
              {has.theme ? (
                <td>
                  {row.theme}
                  {row.themeIsNew ? <span className="tag">New</span> : null}
                </td>
              ) : null}
              <td>
                {row.owner ? (
                  <span className="block">
                    Owner: {row.owner}
                    {row.ownerIsNew ? <span className="tag">New</span> : null}
                  </span>
                ) : null}
                {row.lead ? (
                  <span className="block">
                    Lead: {row.lead}
                    {row.leadIsNew ? <span className="tag">New</span> : null}
                  </span>
                ) : null}
              </td>
              {has.dates ? (
                <td className="nowrap">
                  {row.startDate ? <span className="block">Start: {formatShortDate(row.startDate)}</span> : null}
                  {row.dueDate ? <span className="block">Due: {formatShortDate(row.dueDate)}</span> : null}
                </td>
              ) : null}
              <td>{ACTION_STATUS_LABELS[row.status]}</td>
              <td>
                <RagBadge rag={row.rag} />
              </td>
              {has.update ? (
                <td className="tracker-update">
                  {row.update ? (
                    <>
                      {row.update.length > 160 ? `${row.update.slice(0, 160)}…` : row.update}
                      {row.updateDate ? (
                        <span className="small muted block">
                          {formatShortDate(row.updateDate)}
                          {row.updateDateAssumed ? ', the day of the import' : ''}
                        </span>
                      ) : null}
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </ImportTable>
      <MoreRows listing={listing} count={listed.length} />
    </>
  );
}

export function TrackerPreviewPanel({
  inspection,
  fixes,
  onFix,
  newPeople,
  onNewPeople,
  newThemes,
  onNewThemes,
}: {
  inspection: TrackerInspection;
  fixes: Fixes;
  onFix: (key: string, text: string) => void;
  newPeople: string[];
  onNewPeople: (names: string[]) => void;
  newThemes: string[];
  onNewThemes: (names: string[]) => void;
}) {
  const { counts } = inspection;
  return (
    <>
      <ImportStats
        items={[
          [counts.actions, counts.actions === 1 ? 'action' : 'actions'],
          [counts.updates, `progress ${counts.updates === 1 ? 'update' : 'updates'}`],
          [counts.newPeople, 'people to add'],
          [counts.newThemes, 'themes to add'],
        ]}
      />
      <p className="muted small">
        An update with no date is dated the day of the import. A row with no reference takes the next free one in its theme. Nothing is guessed: a value the import cannot
        read is listed below for you to correct.
      </p>
      {inspection.problemCount > 0 ? <Problems inspection={inspection} fixes={fixes} onFix={onFix} /> : null}
      <ToAdd
        id="tracker-people"
        title="People to add"
        description="These owners and leads are not among the council’s people. Tick each one to add, or correct the name in the spreadsheet."
        entries={inspection.unknownPeople}
        value={newPeople}
        onChange={onNewPeople}
      />
      <ToAdd
        id="tracker-themes"
        title="Themes to add"
        description="These themes are not among the plan’s themes. Tick each one to add, or correct it in the spreadsheet."
        entries={inspection.unknownThemes}
        value={newThemes}
        onChange={onNewThemes}
      />
      {inspection.rows.length > 0 ? <RowsTable rows={inspection.rows} /> : null}
    </>
  );
}
