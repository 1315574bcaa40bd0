import type { ActionRow } from '../../../shared/contract';
import { formatShortDate } from '../../../shared/dates';
import { ACTION_STATUS_LABELS } from '../../../shared/vocabulary';
import { RagBadge } from './RagBadge';

type Row = ActionRow & { reason?: string };

/**
 * Actions as a table: reference, title, owner, due date (with overdue and moves shown), status
 * and RAG; with `showReason`, a last column says why each is listed.
 */
export function ActionsTable({ caption, actions, today, showReason = false }: { caption: string; actions: Row[]; today: string; showReason?: boolean }) {
  if (actions.length === 0) return <p>No actions yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">RAG</th>
            {showReason ? <th scope="col">Why it is listed</th> : null}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => {
            const overdue =
              action.currentDueDate !== null &&
              action.currentDueDate < today &&
              (action.status === 'not-started' || action.status === 'in-progress');
            return (
              <tr key={action.id}>
                <td className="nowrap">{action.reference}</td>
                <th scope="row" className="action-title">
                  {action.title}
                </th>
                <td>{action.ownerName ?? 'No owner'}</td>
                <td className="nowrap">
                  {action.currentDueDate ? formatShortDate(action.currentDueDate) : 'Not set'}
                  {overdue && !showReason ? <span className="tag tag-warning">Overdue</span> : null}
                  {action.dueDateMoves > 0 ? (
                    <span className="muted small">
                      {' '}
                      moved {action.dueDateMoves} {action.dueDateMoves === 1 ? 'time' : 'times'}
                    </span>
                  ) : null}
                </td>
                <td>{ACTION_STATUS_LABELS[action.status]}</td>
                <td>
                  <RagBadge rag={action.rag} />
                </td>
                {showReason ? <td>{action.reason}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
