// What browser mode shows when the database could not be opened because it is damaged: what is
// wrong, and the latest backup that checks out, restored in one step (the damaged file is set
// aside, never deleted). Nothing else can be done until then.
import { useEffect, useRef } from 'react';
import type { RecoveryStatus } from '../../../shared/contract-backups';
import { describeFileSize } from '../../../shared/vocabulary';
import { useContractMutation } from '../client/hooks';
import { ErrorNotice } from '../components/Page';
import '../styles/backups.css';

type Damaged = Extract<RecoveryStatus, { state: 'damaged' }>;

export function RecoveryPage({ status }: { status: Damaged }) {
  const restore = useContractMutation('backups.restore');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'The database is damaged – Getting to Good';
    document.documentElement.dataset.appState = 'recovery';
    heading.current?.focus();
  }, []);
  const offer = status.offer;
  return (
    <main id="main" className="recovery">
      <p className="app-name">Getting to Good</p>
      <h1 ref={heading} tabIndex={-1}>
        The database is damaged
      </h1>
      <p>{status.message}</p>
      {offer ? (
        <div className="recovery-offer">
          <h2>Restore the latest good backup</h2>
          <p>
            The latest backup that checks out is the backup of {offer.when} ({describeFileSize(offer.sizeBytes)}). Anything changed after then is
            not in it.
          </p>
          <p>
            Restoring it moves the damaged file into the folder <code className="path">{status.damagedFolder}</code> (it is kept, not deleted),
            puts the backup in its place, and opens the app.
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={restore.isPending || restore.isSuccess}
            onClick={() => restore.mutate({ fileName: offer.fileName, confirm: true }, { onSuccess: () => window.location.reload() })}
          >
            Restore the backup of {offer.when}
          </button>
          {restore.isPending || restore.isSuccess ? (
            <p role="status" className="notice">
              Restoring the backup of {offer.when}…
            </p>
          ) : null}
          {restore.error ? <ErrorNotice error={restore.error} title="The backup was not restored" /> : null}
        </div>
      ) : (
        <div className="recovery-offer">
          <h2>There is no backup that checks out</h2>
          <p>
            No backup in <code className="path">{status.backupsFolder}</code> checks out. Ask your IT team to restore the data folder from their own
            backups, or move the damaged file <code className="path">{status.databaseFile}</code> away to start afresh.
          </p>
        </div>
      )}
      <p>
        Backups are kept in <code className="path">{status.backupsFolder}</code>.
      </p>
    </main>
  );
}
