import { useState } from 'react';
import { Button, FieldError, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { Deadline } from '../../../shared/contract';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { FormDialog } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { InspectionSection } from './InspectionSection';
import { usePlan } from './PlanLayout';

/** A deadline's date as people write it: a day, or a window "from … to …". */
export function DeadlineDate({ deadline }: { deadline: Pick<Deadline, 'date' | 'windowEnd' | 'override' | 'provisional'> }) {
  const text =
    deadline.windowEnd && !deadline.override
      ? `between ${formatLongDate(deadline.date)} and ${formatLongDate(deadline.windowEnd)}`
      : formatLongDate(deadline.date);
  return (
    <span className="nowrap-ish">
      {text}
      {deadline.provisional ? <span className="tag">Provisional</span> : null}
    </span>
  );
}

function ChangeDateDialog({ planId, deadline }: { planId: string; deadline: Deadline }) {
  const override = useContractMutation('deadlines.override');
  const clear = useContractMutation('deadlines.clearOverride');
  const [mode, setMode] = useState<'change' | 'restore'>('change');
  return (
    <FormDialog
      trigger="Change the date"
      triggerClassName="button button-small"
      triggerLabel={`Change the date: ${deadline.label}`}
      title={`Change the date: ${deadline.label}`}
      submitLabel={mode === 'change' ? 'Save the date' : 'Go back to the computed date'}
      mutation={mode === 'change' ? override : clear}
      onClose={() => {
        override.reset();
        clear.reset();
        setMode('change');
      }}
      extraActions={
        deadline.override && mode === 'change' ? (
          <Button className="button" onPress={() => setMode('restore')}>
            Use the computed date instead
          </Button>
        ) : null
      }
      onSubmit={(form, close) => {
        const reason = String(form.get('reason') ?? '');
        if (mode === 'restore') clear.mutate({ planId, key: deadline.key, reason }, { onSuccess: close });
        else override.mutate({ planId, key: deadline.key, date: String(form.get('date') ?? ''), reason }, { onSuccess: close });
      }}
    >
      <p>
        The rule gives {formatLongDate(deadline.computedDate)} ({deadline.rule}). Inspectors and the council can agree another date; the
        reason is kept with the history.
      </p>
      {mode === 'change' ? (
        <TextField name="date" type="date" className="field" defaultValue={deadline.override?.date ?? deadline.computedDate} isRequired>
          <Label>Agreed date</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      ) : null}
      <TextField name="reason" className="field" isRequired>
        <Label>Reason</Label>
        <TextArea rows={3} />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

export function DeadlinesPage() {
  const plan = usePlan();
  const list = useContractQuery('deadlines.list', { planId: plan.id });
  if (list.isPending) return <Loading what="the statutory dates" />;
  if (list.error) return <ErrorNotice error={list.error} title="The statutory dates could not be worked out" />;
  const data = list.data;
  const anyProvisional = data.deadlines.some((deadline) => deadline.provisional);
  return (
    <Page title="Statutory and expected dates" caption={plan.title}>
      <InspectionSection planId={plan.id} />
      <h2>The dates</h2>
      {data.unavailable ? <p className="notice">{data.unavailable}</p> : null}
      {data.reportReceivedDate ? (
        <p className="lead">
          Counted from the date the inspection report was received, {formatLongDate(data.reportReceivedDate)}, in working days (any day
          but a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in England and Wales).
        </p>
      ) : null}
      {anyProvisional ? (
        <p className="notice">
          Dates marked provisional run past {data.bankHolidaysKnownUntil}, the last year of bank holidays known to the app. Load a newer
          bank-holidays list in Settings to confirm them.
        </p>
      ) : null}
      {data.deadlines.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Statutory and expected dates, earliest first</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">When</th>
                <th scope="col">Rule and source</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.deadlines.map((deadline) => (
                <tr key={deadline.key}>
                  <th scope="row">
                    {deadline.label}
                    {deadline.statutory ? <span className="tag tag-warning">Statutory</span> : <span className="tag">Expected</span>}
                  </th>
                  <td>
                    <DeadlineDate deadline={deadline} />
                    {deadline.override ? (
                      <p className="small">
                        Agreed date; the rule gave {formatLongDate(deadline.computedDate)}. Reason: {deadline.override.reason}
                      </p>
                    ) : null}
                    {deadline.history.length > 0 ? (
                      <details className="small">
                        <summary>History ({deadline.history.length})</summary>
                        <ul>
                          {deadline.history.map((change) => (
                            <li key={change.at}>
                              {formatLongDate(change.at.slice(0, 10))}, {change.by}:{' '}
                              {change.to ? `set to ${formatLongDate(change.to)}` : 'returned to the computed date'}
                              {change.from ? ` (was ${formatLongDate(change.from)})` : ''}. {change.reason}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    {deadline.rule}
                    <br />
                    <span className="muted small">{deadline.source}</span>
                  </td>
                  <td>
                    <ChangeDateDialog planId={plan.id} deadline={deadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
