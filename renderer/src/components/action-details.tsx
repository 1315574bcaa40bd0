import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { ActionChoices, ActionDetail, Person } from '../../../shared/contract-actions';
import { formatLongDate } from '../../../shared/dates';
import { RAG_VALUES } from '../../../shared/rag';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../../shared/vocabulary';
import { useContractMutation } from '../client/hooks';
import { FormChoice, formValue, NONE, RagChoiceField } from './action-fields';
import { FormDialog, formText } from './FormDialog';
import { RagBadge } from './RagBadge';

function AddPerson({ planId }: { planId: string }) {
  const create = useContractMutation('people.create');
  return (
    <FormDialog
      trigger="Add a person"
      triggerLabel="Add a person who can own or lead actions"
      title="Add a person who can own or lead actions"
      submitLabel="Add the person"
      mutation={create}
      onSubmit={(form, close) =>
        create.mutate(
          { planId, name: String(form.get('name') ?? ''), jobTitle: formValue(form, 'jobTitle'), email: formValue(form, 'email') },
          { onSuccess: close },
        )
      }
    >
      <p>People belong to the council, so they can own or lead actions in any of its plans.</p>
      <TextField name="name" className="field" isRequired>
        <Label>Name</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="jobTitle" className="field">
        <Label>Job title (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="email" type="email" className="field">
        <Label>Email (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function EditDetails({ action, people, choices }: { action: ActionDetail; people: Person[]; choices: ActionChoices }) {
  const update = useContractMutation('actions.update');
  const personOptions = [NONE, ...people.map((person) => person.id)];
  const personLabels = (none: string) => ({
    [NONE]: none,
    ...Object.fromEntries(people.map((person) => [person.id, person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name])),
  });
  const themeOptions = [NONE, ...choices.themes.map((theme) => theme.id)];
  const themeLabels = { [NONE]: 'No theme', ...Object.fromEntries(choices.themes.map((theme) => [theme.id, `${theme.reference} ${theme.title}`])) };
  return (
    <FormDialog
      trigger="Edit the details"
      triggerClassName="button button-primary"
      title={`Edit action ${action.reference}`}
      submitLabel="Save the details"
      mutation={update}
      onSubmit={(form, close) =>
        update.mutate(
          {
            actionId: action.id,
            reference: String(form.get('reference') ?? ''),
            title: String(form.get('title') ?? ''),
            description: formValue(form, 'description'),
            themeId: formValue(form, 'themeId'),
            ownerId: formValue(form, 'ownerId'),
            leadId: formValue(form, 'leadId'),
            startDate: formValue(form, 'startDate'),
            completedDate: formValue(form, 'completedDate'),
            status: (formText(form, 'status') ?? action.status) as ActionDetail['status'],
            rag: formValue(form, 'rag') as ActionDetail['rag'],
            measuresOfSuccess: formValue(form, 'measuresOfSuccess'),
          },
          { onSuccess: close },
        )
      }
    >
      <div className="field-row">
        <TextField name="reference" className="field field-narrow" defaultValue={action.reference} isRequired>
          <Label>Reference</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <FormChoice label="Theme" name="themeId" options={themeOptions} labels={themeLabels} defaultValue={action.theme?.id ?? NONE} />
      </div>
      <TextField name="title" className="field" defaultValue={action.title} isRequired>
        <Label>Title</Label>
        <TextArea rows={2} />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="description" className="field" defaultValue={action.description ?? ''}>
        <Label>Description</Label>
        <TextArea rows={4} />
        <FieldError className="field-error" />
      </TextField>
      <FormChoice label="Owner" name="ownerId" options={personOptions} labels={personLabels('No owner')} defaultValue={action.owner?.id ?? NONE} />
      <FormChoice label="Lead" name="leadId" options={personOptions} labels={personLabels('No lead')} defaultValue={action.lead?.id ?? NONE} />
      <div className="field-row">
        <TextField name="startDate" type="date" className="field" defaultValue={action.startDate ?? ''}>
          <Label>Start date</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField name="completedDate" type="date" className="field" defaultValue={action.completedDate ?? ''}>
          <Label>Completed on</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
      <FormChoice label="Status" name="status" options={ACTION_STATUSES} labels={ACTION_STATUS_LABELS} defaultValue={action.status} />
      <RagChoiceField label="RAG rating" name="rag" defaultValue={action.rag} meanings={action.ragMeanings} />
      <TextField name="measuresOfSuccess" className="field" defaultValue={action.measuresOfSuccess ?? ''}>
        <Label>Measures of success</Label>
        <Text slot="description">How the board will know the action has made a difference.</Text>
        <TextArea rows={3} />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

export function ActionDetailsSection({ action, people, choices }: { action: ActionDetail; people: Person[]; choices: ActionChoices }) {
  return (
    <section aria-labelledby="action-details">
      <div className="section-header">
        <h2 id="action-details">Details</h2>
        <div className="row-actions">
          <EditDetails action={action} people={people} choices={choices} />
          <AddPerson planId={action.planId} />
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Theme</dt>
          <dd>{action.theme ? `${action.theme.reference} ${action.theme.title}` : 'No theme'}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{action.owner?.name ?? 'No owner'}</dd>
        </div>
        <div>
          <dt>Lead</dt>
          <dd>{action.lead?.name ?? 'No lead'}</dd>
        </div>
        <div>
          <dt>Start date</dt>
          <dd>{action.startDate ? formatLongDate(action.startDate) : 'Not set'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {ACTION_STATUS_LABELS[action.status]}
            {action.completedDate ? `, on ${formatLongDate(action.completedDate)}` : ''}
          </dd>
        </div>
        <div>
          <dt>RAG rating</dt>
          <dd>
            <RagBadge rag={action.rag} />
            {action.rag ? <span className="small"> {action.ragMeanings[action.rag]}</span> : null}
          </dd>
        </div>
      </dl>
      <h3>Description</h3>
      <p className="prose">{action.description ?? 'No description yet.'}</p>
      <h3>Measures of success</h3>
      <p className="prose">{action.measuresOfSuccess ?? 'No measures of success yet.'}</p>
      <details className="rag-meanings">
        <summary>What each rating means in this plan</summary>
        <dl>
          {RAG_VALUES.map((rag) => (
            <div key={rag}>
              <dt>
                <RagBadge rag={rag} />
              </dt>
              <dd>{action.ragMeanings[rag]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
