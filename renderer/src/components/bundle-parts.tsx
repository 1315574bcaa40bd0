// Parts the bundle pages share: this computer's signing key, counts of records by kind, the
// preview of what an import would change, and the conflicts to decide side by side.
import type { Ref } from 'react';
import type { BundleConflict, BundleInspection } from '../../../shared/contract-bundles';
import { formatLongDate } from '../../../shared/dates';
import { RECORD_KIND_LABELS, RECORD_KIND_ORDER } from '../../../shared/record-kinds';
import { useContractQuery } from '../client/hooks';

function kindName(kind: string): string {
  const label = RECORD_KIND_LABELS[kind]?.many ?? kind.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function byReadingOrder(a: string, b: string): number {
  const rank = (kind: string) => {
    const index = RECORD_KIND_ORDER.indexOf(kind);
    return index < 0 ? RECORD_KIND_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** "22 November 2026 at 14:05", in UK time. */
export function describeInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(date);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date);
  return `${formatLongDate(day)} at ${time}`;
}

/** This computer's key fingerprint, which recipients check by phone before trusting a bundle. */
export function SigningKeyNote() {
  const key = useContractQuery('bundles.signingKey', {});
  if (!key.data) return null;
  return (
    <p className="muted bundle-key">
      Bundles made here are signed with this computer’s key. Its fingerprint, for a recipient to check with you by phone: <code className="fingerprint">{key.data.fingerprint}</code>
    </p>
  );
}

export function KindCountsTable({ caption, counts }: { caption: string; counts: Record<string, number> }) {
  const kinds = Object.keys(counts)
    .filter((kind) => counts[kind]! > 0)
    .sort(byReadingOrder);
  return (
    <table className="data-table bundle-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind of record</th>
          <th scope="col" className="numeric">
            Number
          </th>
        </tr>
      </thead>
      <tbody>
        {kinds.map((kind) => (
          <tr key={kind}>
            <th scope="row">{kindName(kind)}</th>
            <td className="numeric">{counts[kind]!.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What applying the bundle would do, kind by kind. */
export function BundleChanges({ inspection }: { inspection: BundleInspection }) {
  const kinds = inspection.kinds.filter((kind) => kind.added + kind.changed + kind.deleted + kind.keptHere + kind.conflicts > 0);
  if (kinds.length === 0) {
    return <p className="notice">Everything in this bundle is already here exactly as it is in the bundle: importing it would change nothing.</p>;
  }
  const examples = kinds.flatMap((kind) => kind.examples.map((example) => ({ ...example, kind: kind.kind })));
  return (
    <>
      <table className="data-table bundle-counts">
        <caption>What importing would change</caption>
        <thead>
          <tr>
            <th scope="col">Kind of record</th>
            <th scope="col" className="numeric">
              New
            </th>
            <th scope="col" className="numeric">
              Changed
            </th>
            <th scope="col" className="numeric">
              Deleted
            </th>
            <th scope="col" className="numeric">
              Kept as here
            </th>
            <th scope="col" className="numeric">
              To decide
            </th>
          </tr>
        </thead>
        <tbody>
          {[...kinds]
            .sort((a, b) => byReadingOrder(a.kind, b.kind))
            .map((kind) => (
              <tr key={kind.kind}>
                <th scope="row">{kindName(kind.kind)}</th>
                <td className="numeric">{kind.added.toLocaleString('en-GB')}</td>
                <td className="numeric">{kind.changed.toLocaleString('en-GB')}</td>
                <td className="numeric">{kind.deleted.toLocaleString('en-GB')}</td>
                <td className="numeric">{kind.keptHere.toLocaleString('en-GB')}</td>
                <td className="numeric">{kind.conflicts.toLocaleString('en-GB')}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="muted small">“Kept as here”: changed on this computer since the bundle was made, while the bundle still has the earlier version, so this computer’s version stays.</p>
      {examples.length > 0 ? (
        <details className="bundle-examples">
          <summary>Show the records that change</summary>
          <ul>
            {examples.map((example, index) => (
              <li key={index}>
                <strong>{example.change === 'added' ? 'New' : example.change === 'changed' ? 'Changed' : 'Deleted'}:</strong> {example.description}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export type Side = 'here' | 'incoming';

/** One record changed on both sides: the two versions field by field, and the choice. */
export function ConflictCard({
  conflict,
  signerName,
  choice,
  onChoose,
}: {
  conflict: BundleConflict;
  signerName: string;
  choice: Side | undefined;
  onChoose: (side: Side) => void;
}) {
  const name = `conflict-${conflict.id}`;
  const describeSide = (deleted: boolean, by: string, at: string) => `${deleted ? 'deleted' : 'changed'} by ${by}, ${describeInstant(at)}`;
  const kind = conflict.kindLabel.charAt(0).toUpperCase() + conflict.kindLabel.slice(1);
  // A description that already names the kind ("Action 1.1: …") is not prefixed with it again.
  const legend = conflict.description.toLowerCase().startsWith(conflict.kindLabel.toLowerCase()) ? conflict.description : `${kind}: ${conflict.description}`;
  return (
    <fieldset className="bundle-conflict" id={name} tabIndex={-1} aria-describedby={`${name}-table`}>
      <legend>{legend}</legend>
      <table className="data-table" id={`${name}-table`}>
        <caption className="visually-hidden">Both versions of {conflict.description}</caption>
        <thead>
          <tr>
            <th scope="col" className="bundle-field">
              Field
            </th>
            <th scope="col">
              Here
              <span className="bundle-side-note">{describeSide(conflict.deletedHere, conflict.hereChangedBy, conflict.hereChangedAt)}</span>
            </th>
            <th scope="col">
              In the bundle from {signerName}
              <span className="bundle-side-note">{describeSide(conflict.deletedIncoming, conflict.incomingChangedBy, conflict.incomingChangedAt)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.field}>
              <th scope="row">{field.label}</th>
              <td className="bundle-side">{field.here || <span className="muted">(empty)</span>}</td>
              <td className="bundle-side">{field.incoming || <span className="muted">(empty)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bundle-choice">
        <label className="radio-label">
          <input type="radio" name={name} value="here" checked={choice === 'here'} onChange={() => onChoose('here')} /> Keep the version here
        </label>
        <label className="radio-label">
          <input type="radio" name={name} value="incoming" checked={choice === 'incoming'} onChange={() => onChoose('incoming')} /> Take the version in the bundle
        </label>
      </div>
    </fieldset>
  );
}

/** A passphrase typed in, with its hint or the problem with it beneath. */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  hint,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'off';
  hint?: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        className="text-input"
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {hint && !error ? (
        <p className="muted small" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
