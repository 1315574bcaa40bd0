// Settings: the backups of the database. Taken on a schedule, before every import and update,
// and on demand; listed with why each was taken and whether it checks out; any good one can be
// restored in place of the database, which is set aside rather than deleted.
import { useState } from 'react';
import { Input, Label, NumberField, FieldError } from 'react-aria-components';
import type { BackupInfo, BackupSettings } from '../../../shared/contract-backups';
import { BACKUP_REASON_LABELS, describeFileSize } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from './Choice';
import { FormDialog } from './FormDialog';
import { ErrorNotice, Loading } from './Page';
import { useServerErrors } from './server-errors';
import '../styles/backups.css';

const INTERVALS = ['1', '4', '12', '24', '168'] as const;
type Interval = (typeof INTERVALS)[number];
const INTERVAL_WORDS: Record<Interval, string> = {
  '1': 'Every hour',
  '4': 'Every 4 hours',
  '12': 'Every 12 hours',
  '24': 'Every day',
  '168': 'Every week',
};

function intervalWords(hours: number): string {
  return (INTERVAL_WORDS[String(hours) as Interval] ?? `every ${hours} hours`).toLowerCase();
}

/** Whether a backup checks out, in words and a shape as well as colour. */
function BackupCheck({ backup }: { backup: BackupInfo }) {
  return backup.good ? (
    <span className="backup-check backup-good">
      <span aria-hidden="true">✓ </span>Checks out
    </span>
  ) : (
    <span className="backup-check backup-bad">
      <span aria-hidden="true">✗ </span>Damaged: {backup.problem}
    </span>
  );
}

function RestoreDialog({ backup, replacedFolder }: { backup: BackupInfo; replacedFolder: string }) {
  const restore = useContractMutation('backups.restore');
  return (
    <FormDialog
      trigger="Restore"
      triggerClassName="button button-small"
      triggerLabel={`Restore the backup of ${backup.when}`}
      title={`Restore the backup of ${backup.when}?`}
      submitLabel="Restore this backup"
      mutation={restore}
      onSubmit={() =>
        restore.mutate(
          { fileName: backup.fileName, confirm: true },
          {
            onSuccess: () => {
              window.location.reload();
            },
          },
        )
      }
    >
      <p>The database in use now is replaced by this backup, taken on {backup.when}. Anything changed since then is not in it.</p>
      <p>
        The database in use now is not deleted: it is moved to the folder {replacedFolder}, where IT (or “g2g backup restore --file”) can bring
        it back.
      </p>
      <p>The app then reloads, showing the data as it was in the backup.</p>
      {restore.isPending ? (
        <p role="status" className="notice">
          Restoring…
        </p>
      ) : null}
    </FormDialog>
  );
}

function ScheduleForm({ settings }: { settings: BackupSettings }) {
  const update = useContractMutation('backups.updateSettings');
  const { fieldErrors, error, hasFieldErrors } = useServerErrors(update);
  const [interval, setInterval] = useState<Interval>(String(settings.intervalHours) as Interval);
  const [keep, setKeep] = useState(settings.keep);
  return (
    <form
      className="form backup-schedule"
      aria-labelledby="backup-schedule"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ intervalHours: Number(interval), keep });
      }}
    >
      <h3 id="backup-schedule">Schedule</h3>
      <div className="field-row">
        <Choice label="Take a backup" name="intervalHours" options={INTERVALS} labels={INTERVAL_WORDS} value={interval} onChange={setInterval} />
        <NumberField
          className="field field-narrow"
          name="keep"
          value={keep}
          onChange={setKeep}
          minValue={2}
          maxValue={365}
          step={1}
          formatOptions={{ maximumFractionDigits: 0 }}
          isInvalid={Boolean(fieldErrors.keep)}
          validationBehavior="aria"
        >
          <Label>Backups kept of each automatic kind</Label>
          <Input />
          <FieldError className="field-error">{fieldErrors.keep}</FieldError>
        </NumberField>
      </div>
      {error && !hasFieldErrors ? <ErrorNotice error={error} title="The schedule was not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          Save the schedule
        </button>
      </div>
      {update.isSuccess ? (
        <p role="status" className="notice">
          Saved: a backup is taken {intervalWords(update.data.intervalHours)}, and the newest {update.data.keep} of each automatic kind are kept.
        </p>
      ) : null}
    </form>
  );
}

export function BackupsSection() {
  const list = useContractQuery('backups.list', {});
  const create = useContractMutation('backups.create');
  if (list.isPending) return <Loading what="the backups" />;
  if (list.error) return <ErrorNotice error={list.error} title="The backups could not be listed" />;
  const data = list.data;
  return (
    <section aria-labelledby="backups">
      <h2 id="backups">Backups</h2>
      <p>
        A copy of the database is taken {intervalWords(data.settings.intervalHours)} while the app is open, before every bundle is imported
        and before the app updates the database, and whenever you choose. Each copy is checked as it is taken. The newest {data.settings.keep}{' '}
        of each automatic kind are kept; backups taken by hand are kept until you delete them.
      </p>
      <p>
        Backups are kept in <code className="path">{data.folder}</code>. A damaged database is set aside in{' '}
        <code className="path">{data.damagedFolder}</code>, never deleted.
      </p>
      {data.lastFailure ? (
        <div className="notice notice-error" role="alert">
          <h3>The last scheduled backup failed</h3>
          <p>{data.lastFailure.message}</p>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={create.isPending || !data.canBackUp} onClick={() => create.mutate({})}>
          Back up now
        </button>
      </div>
      {create.isPending ? (
        <p role="status" className="notice">
          Backing up…
        </p>
      ) : null}
      {create.error ? <ErrorNotice error={create.error} title="The backup was not taken" /> : null}
      {create.isSuccess ? (
        <p role="status" className="notice">
          Backed up: the backup of {create.data.when} ({describeFileSize(create.data.sizeBytes)}) {create.data.good ? 'checks out' : 'did not check out'}.
        </p>
      ) : null}
      <ScheduleForm settings={data.settings} />
      <h3 id="backup-list">Backups on this computer</h3>
      {data.backups.length === 0 ? (
        <p>There are no backups yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="backup-list" tabIndex={0}>
          <table className="data-table backups-table">
            <caption className="visually-hidden">Backups, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col" className="numeric">
                  Size
                </th>
                <th scope="col">Check</th>
                <th scope="col">
                  <span className="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((backup) => (
                <tr key={backup.fileName}>
                  <th scope="row">{backup.when}</th>
                  <td>{BACKUP_REASON_LABELS[backup.reason]}</td>
                  <td className="numeric">{describeFileSize(backup.sizeBytes)}</td>
                  <td>
                    <BackupCheck backup={backup} />
                  </td>
                  <td>{backup.good ? <RestoreDialog backup={backup} replacedFolder={data.replacedFolder} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
