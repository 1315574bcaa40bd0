import { FieldError, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { ActionDetail, ProgressUpdate } from '../../../shared/contract-actions';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { useContractMutation } from '../client/hooks';
import { formValue, RagChoiceField } from './action-fields';
import { FormDialog, RemoveDialog } from './FormDialog';
import { RagBadge } from './RagBadge';

function UpdateFields({ action, update, defaultAuthor }: { action: ActionDetail; update?: ProgressUpdate; defaultAuthor: string }) {
  return (
    <>
      <TextField name="updateDate" type="date" className="field" defaultValue={update?.updateDate ?? londonDate(new Date())} isRequired>
        <Label>Date of the update</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <RagChoiceField label="RAG at the time" name="rag" defaultValue={update ? update.rag : action.rag} meanings={action.ragMeanings} />
      <TextField name="narrative" className="field" defaultValue={update?.narrative ?? ''} isRequired>
        <Label>Progress made</Label>
        <TextArea rows={5} />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="authorName" className="field" defaultValue={update?.authorName ?? defaultAuthor} isRequired>
        <Label>Written by</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </>
  );
}

function updateFields(form: FormData) {
  return {
    updateDate: String(form.get('updateDate') ?? ''),
    narrative: String(form.get('narrative') ?? ''),
    rag: formValue(form, 'rag') as ActionDetail['rag'],
    authorName: String(form.get('authorName') ?? ''),
  };
}

function AddUpdate({ action }: { action: ActionDetail }) {
  const create = useContractMutation('progressUpdates.create');
  return (
    <FormDialog
      trigger="Add a progress update"
      triggerClassName="button button-primary"
      title={`Progress update on action ${action.reference}`}
      submitLabel="Save the update"
      mutation={create}
      onSubmit={(form, close) => create.mutate({ actionId: action.id, ...updateFields(form) }, { onSuccess: close })}
    >
      <UpdateFields action={action} defaultAuthor={action.progressUpdates[0]?.authorName ?? ''} />
    </FormDialog>
  );
}

function EditUpdate({ action, update }: { action: ActionDetail; update: ProgressUpdate }) {
  const save = useContractMutation('progressUpdates.update');
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the update of ${formatLongDate(update.updateDate)}`}
      title={`Edit the update of ${formatLongDate(update.updateDate)}`}
      submitLabel="Save the update"
      mutation={save}
      onSubmit={(form, close) => save.mutate({ progressUpdateId: update.id, ...updateFields(form) }, { onSuccess: close })}
    >
      <UpdateFields action={action} update={update} defaultAuthor={update.authorName} />
    </FormDialog>
  );
}

function RemoveUpdate({ update }: { update: ProgressUpdate }) {
  const remove = useContractMutation('progressUpdates.delete');
  return (
    <RemoveDialog
      what={`the update of ${formatLongDate(update.updateDate)}`}
      submitLabel="Remove the update"
      mutation={remove}
      onRemove={(close) => remove.mutate({ progressUpdateId: update.id }, { onSuccess: close })}
    >
      <p>The update leaves the action. Its removal is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

export function ActionProgressSection({ action }: { action: ActionDetail }) {
  return (
    <section aria-labelledby="action-progress">
      <div className="section-header">
        <h2 id="action-progress">Progress updates</h2>
        <AddUpdate action={action} />
      </div>
      {action.progressUpdates.length === 0 ? <p>No progress updates yet.</p> : null}
      <ol className="update-list">
        {action.progressUpdates.map((update) => (
          <li key={update.id} className="update">
            <h3 className="update-heading">
              {formatLongDate(update.updateDate)} <RagBadge rag={update.rag} />
            </h3>
            <p className="prose">{update.narrative}</p>
            <p className="muted small">Written by {update.authorName}</p>
            <div className="row-actions">
              <EditUpdate action={action} update={update} />
              <RemoveUpdate update={update} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
