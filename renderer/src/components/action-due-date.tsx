import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { ActionDetail } from '../../../shared/contract-actions';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { useContractMutation } from '../client/hooks';
import { timesText } from './action-fields';
import { FormDialog } from './FormDialog';

/** Members notice an action whose date has moved this often (DOMAIN.md, the plan). */
const OFTEN_MOVED = 4;

function ChangeDueDate({ action }: { action: ActionDetail }) {
  const change = useContractMutation('actions.changeDueDate');
  return (
    <FormDialog
      trigger="Change the due date"
      triggerClassName="button button-primary"
      title={`Change the due date of action ${action.reference}`}
      submitLabel="Save the new date"
      mutation={change}
      onSubmit={(form, close) =>
        change.mutate(
          { actionId: action.id, dueDate: String(form.get('dueDate') ?? ''), reason: String(form.get('reason') ?? '') },
          { onSuccess: close },
        )
      }
    >
      <p>
        {action.currentDueDate
          ? `Now due ${formatLongDate(action.currentDueDate)}${action.baselineDueDate ? `; first agreed for ${formatLongDate(action.baselineDueDate)}` : ''}. `
          : 'No due date yet: the date given becomes the baseline. '}
        Every change is kept with its reason, and the board sees how often the date has moved.
      </p>
      <TextField name="dueDate" type="date" className="field" defaultValue={action.currentDueDate ?? ''} isRequired>
        <Label>New due date</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="reason" className="field" isRequired>
        <Label>Reason</Label>
        <Text slot="description">Why the date moves, as the board should read it.</Text>
        <TextArea rows={3} />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

export function ActionDueDateSection({ action }: { action: ActionDetail }) {
  const moves = action.dueDateMoves;
  return (
    <section aria-labelledby="action-due-date">
      <div className="section-header">
        <h2 id="action-due-date">Due date</h2>
        <ChangeDueDate action={action} />
      </div>
      <ul className="stats">
        <li>
          <span className="stat-label">Baseline</span>
          <span className="stat-number">{action.baselineDueDate ? formatLongDate(action.baselineDueDate) : 'Not set'}</span>
        </li>
        <li>
          <span className="stat-label">Now due</span>
          <span className="stat-number">{action.currentDueDate ? formatLongDate(action.currentDueDate) : 'Not set'}</span>
        </li>
        <li className={moves >= OFTEN_MOVED ? 'stat-warning' : undefined} data-testid="due-date-moves">
          <span className="stat-label">Date changes</span>
          <span className="stat-number">{moves === 0 ? 'Never moved' : `Moved ${timesText(moves)}`}</span>
          {moves >= OFTEN_MOVED ? <span className="tag tag-warning">Often moved</span> : null}
        </li>
      </ul>
      {action.dueDateHistory.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>History of the due date, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Changed</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {action.dueDateHistory.map((change) => (
                <tr key={change.id}>
                  <th scope="row" className="nowrap">
                    {formatLongDate(londonDate(new Date(change.at)))}
                  </th>
                  <td className="nowrap">{change.fromDate ? formatLongDate(change.fromDate) : 'Not set'}</td>
                  <td className="nowrap">{formatLongDate(change.toDate)}</td>
                  <td>{change.reason}</td>
                  <td>{change.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>The due date has not been changed.</p>
      )}
    </section>
  );
}
