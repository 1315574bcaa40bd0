import { FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { ActionChoices, ActionDetail, Dependency } from '../../../shared/contract-actions';
import { formatShortDate } from '../../../shared/dates';
import { ACTION_STATUS_LABELS } from '../../../shared/vocabulary';
import { useContractMutation } from '../client/hooks';
import { FormChoice, formValue } from './action-fields';
import { FormDialog, RemoveDialog } from './FormDialog';
import { RagBadge } from './RagBadge';

function AddDependency({ action, choices }: { action: ActionDetail; choices: ActionChoices }) {
  const add = useContractMutation('dependencies.add');
  const taken = new Set(action.dependsOn.map((dependency) => dependency.actionId));
  const options = choices.actions.filter((other) => !taken.has(other.id));
  const first = options[0];
  if (!first) return null;
  return (
    <FormDialog
      trigger="Add a dependency"
      title={`Action ${action.reference} depends on…`}
      submitLabel="Add the dependency"
      mutation={add}
      onSubmit={(form, close) =>
        add.mutate(
          { actionId: action.id, dependsOnActionId: String(form.get('dependsOnActionId') ?? ''), note: formValue(form, 'note') },
          { onSuccess: close },
        )
      }
    >
      <p>Choose the action that must be delivered, or make progress, before this one can.</p>
      <FormChoice
        label="Depends on"
        name="dependsOnActionId"
        options={options.map((other) => other.id)}
        labels={Object.fromEntries(options.map((other) => [other.id, `${other.reference} ${other.title}`]))}
        defaultValue={first.id}
      />
      <TextField name="note" className="field">
        <Label>Note (optional)</Label>
        <TextArea rows={2} />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function RemoveDependency({ action, dependency }: { action: ActionDetail; dependency: Dependency }) {
  const remove = useContractMutation('dependencies.remove');
  return (
    <RemoveDialog
      what={`the dependency of ${action.reference} on ${dependency.reference}`}
      submitLabel="Remove the dependency"
      mutation={remove}
      onRemove={(close) => remove.mutate({ dependencyId: dependency.id }, { onSuccess: close })}
    >
      <p>Neither action changes; only the link between them is removed, and its removal is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

function DependencyList({ action, items, label, removable }: { action: ActionDetail; items: Dependency[]; label: string; removable: boolean }) {
  if (items.length === 0) return null;
  return (
    <ul className="plain-list" aria-label={label}>
      {items.map((dependency) => (
        <li key={dependency.id} className="link-row">
          <div>
            <Link to={`/plans/${action.planId}/actions/${dependency.actionId}`}>
              {dependency.reference} {dependency.title}
            </Link>
            <span className="muted small">
              {' '}
              {ACTION_STATUS_LABELS[dependency.status]}
              {dependency.currentDueDate ? `, due ${formatShortDate(dependency.currentDueDate)}` : ''}{' '}
            </span>
            <RagBadge rag={dependency.rag} />
            {dependency.note ? <p className="small">{dependency.note}</p> : null}
          </div>
          {removable ? <RemoveDependency action={action} dependency={dependency} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function ActionDependenciesSection({ action, choices }: { action: ActionDetail; choices: ActionChoices }) {
  return (
    <section aria-labelledby="action-dependencies">
      <div className="section-header">
        <h2 id="action-dependencies">Dependencies</h2>
        <AddDependency action={action} choices={choices} />
      </div>
      <h3>This action depends on</h3>
      {action.dependsOn.length === 0 ? <p>No other action.</p> : null}
      <DependencyList action={action} items={action.dependsOn} label={`Actions ${action.reference} depends on`} removable />
      <h3>Actions that depend on this one</h3>
      {action.dependents.length === 0 ? <p>None.</p> : null}
      <DependencyList action={action} items={action.dependents} label={`Actions that depend on ${action.reference}`} removable={false} />
    </section>
  );
}
