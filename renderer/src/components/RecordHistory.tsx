import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { AuditEntryView } from '../../../shared/contract-history';
import { useClient } from '../client/hooks';
import { ErrorNotice } from './Page';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** Field names as people read them: currentDueDate → current due date. */
function fieldWords(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function Entry({ entry }: { entry: AuditEntryView }) {
  return (
    <li className="history-entry">
      <p>
        <strong>{entry.summary}</strong>
        <span className="muted small">
          {' '}
          by {entry.actor}, {when.format(new Date(entry.at))}
        </span>
      </p>
      {entry.fields.length > 0 ? (
        <dl className="history-fields small">
          {entry.fields.map((field) => (
            <div key={field.field}>
              <dt>{fieldWords(field.field)}</dt>
              <dd>
                <span className="history-before">{field.before}</span> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> became </span> {field.after}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/** Who changed what and when, newest first, for a plan or one of its records. */
export function RecordHistory({ planId, entityId, label }: { planId: string; entityId?: string; label: string }) {
  const client = useClient();
  const history = useInfiniteQuery({
    queryKey: ['audit.list', planId, entityId ?? null],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => client.call('audit.list', { planId, entityId, before: pageParam, limit: 50 }),
    getNextPageParam: (last) => (last.more ? last.entries.at(-1)?.sequence : undefined),
  });
  if (history.error) return <ErrorNotice error={history.error} title="The history could not be read" />;
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      {history.isPending ? <p role="status">Reading the history…</p> : null}
      {!history.isPending && entries.length === 0 ? <p>No changes are recorded yet.</p> : null}
      <ol className="history" aria-label={label}>
        {entries.map((entry) => (
          <Entry key={entry.sequence} entry={entry} />
        ))}
      </ol>
      {history.hasNextPage ? (
        <Button className="button" onPress={() => void history.fetchNextPage()} isDisabled={history.isFetchingNextPage}>
          Show older changes
        </Button>
      ) : null}
    </>
  );
}
