import { FieldError, Input, Label, TextField } from 'react-aria-components';
import type { ActionDetail, Milestone } from '../../../shared/contract-actions';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation } from '../client/hooks';
import { formValue } from './action-fields';
import { FormDialog, RemoveDialog } from './FormDialog';

function MilestoneFields({ milestone }: { milestone?: Milestone }) {
  return (
    <>
      <TextField name="title" className="field" defaultValue={milestone?.title ?? ''} isRequired>
        <Label>Milestone</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <div className="field-row">
        <TextField name="dueDate" type="date" className="field" defaultValue={milestone?.dueDate ?? ''}>
          <Label>Due (optional)</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField name="completedDate" type="date" className="field" defaultValue={milestone?.completedDate ?? ''}>
          <Label>Reached on (optional)</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
    </>
  );
}

function milestoneFields(form: FormData) {
  return { title: String(form.get('title') ?? ''), dueDate: formValue(form, 'dueDate'), completedDate: formValue(form, 'completedDate') };
}

function AddMilestone({ action }: { action: ActionDetail }) {
  const create = useContractMutation('milestones.create');
  return (
    <FormDialog
      trigger="Add a milestone"
      title={`Add a milestone to action ${action.reference}`}
      submitLabel="Add the milestone"
      mutation={create}
      onSubmit={(form, close) => create.mutate({ actionId: action.id, ...milestoneFields(form) }, { onSuccess: close })}
    >
      <MilestoneFields />
    </FormDialog>
  );
}

function EditMilestone({ milestone }: { milestone: Milestone }) {
  const save = useContractMutation('milestones.update');
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the milestone: ${milestone.title}`}
      title={`Edit the milestone: ${milestone.title}`}
      submitLabel="Save the milestone"
      mutation={save}
      onSubmit={(form, close) => save.mutate({ milestoneId: milestone.id, ...milestoneFields(form) }, { onSuccess: close })}
    >
      <MilestoneFields milestone={milestone} />
    </FormDialog>
  );
}

function RemoveMilestone({ milestone }: { milestone: Milestone }) {
  const remove = useContractMutation('milestones.delete');
  return (
    <RemoveDialog
      what={`the milestone: ${milestone.title}`}
      submitLabel="Remove the milestone"
      mutation={remove}
      onRemove={(close) => remove.mutate({ milestoneId: milestone.id }, { onSuccess: close })}
    >
      <p>The milestone leaves the action. Its removal is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

export function ActionMilestonesSection({ action }: { action: ActionDetail }) {
  return (
    <section aria-labelledby="action-milestones">
      <div className="section-header">
        <h2 id="action-milestones">Milestones</h2>
        <AddMilestone action={action} />
      </div>
      {action.milestones.length === 0 ? (
        <p>No milestones yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{`Milestones of action ${action.reference}`}</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Due</th>
                <th scope="col">Reached</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {action.milestones.map((milestone) => (
                <tr key={milestone.id}>
                  <th scope="row">{milestone.title}</th>
                  <td className="nowrap">{milestone.dueDate ? formatLongDate(milestone.dueDate) : 'No date'}</td>
                  <td className="nowrap">{milestone.completedDate ? formatLongDate(milestone.completedDate) : 'Not yet'}</td>
                  <td>
                    <div className="row-actions">
                      <EditMilestone milestone={milestone} />
                      <RemoveMilestone milestone={milestone} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
