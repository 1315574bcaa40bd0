import { useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { Stage, Theme } from '../../../shared/contract-setup';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { FormDialog, RemoveDialog, formText } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { DateField, LongTextField, NONE, NoticeDialog, PersonChoice } from '../components/setup-fields';
import { usePlan } from './PlanLayout';

function ThemeFields({ planId, theme, lead, onLead }: { planId: string; theme?: Theme; lead: string; onLead: (lead: string) => void }) {
  return (
    <>
      <TextField name="reference" className="field field-narrow" defaultValue={theme?.reference ?? ''} isRequired>
        <Label>Reference</Label>
        <Text slot="description">Such as 1 or A. Actions in the theme are numbered from it: 1.1, 1.2 …</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="title" className="field" defaultValue={theme?.title ?? ''} isRequired>
        <Label>Title</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <LongTextField name="description" label="What the theme sets out to achieve (optional)" defaultValue={theme?.description} />
      <PersonChoice planId={planId} label="Theme lead" name="leadId" noneLabel="No lead yet" value={lead} onChange={onLead} />
    </>
  );
}

function AddTheme({ planId }: { planId: string }) {
  const create = useContractMutation('themes.create');
  const [lead, setLead] = useState(NONE);
  return (
    <FormDialog
      trigger="Add a theme"
      triggerClassName="button button-primary"
      title="Add a theme"
      submitLabel="Add the theme"
      mutation={create}
      onClose={() => setLead(NONE)}
      onSubmit={(form, close) =>
        create.mutate(
          {
            planId,
            reference: String(form.get('reference') ?? ''),
            title: String(form.get('title') ?? ''),
            description: formText(form, 'description') ?? null,
            leadId: lead === NONE ? null : lead,
          },
          { onSuccess: close },
        )
      }
    >
      <ThemeFields planId={planId} lead={lead} onLead={setLead} />
    </FormDialog>
  );
}

function EditTheme({ planId, theme }: { planId: string; theme: Theme }) {
  const update = useContractMutation('themes.update');
  const [lead, setLead] = useState(theme.leadId ?? NONE);
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit theme ${theme.reference}`}
      title={`Edit theme ${theme.reference}`}
      submitLabel="Save the theme"
      mutation={update}
      onClose={() => setLead(theme.leadId ?? NONE)}
      onSubmit={(form, close) =>
        update.mutate(
          {
            themeId: theme.id,
            reference: String(form.get('reference') ?? ''),
            title: String(form.get('title') ?? ''),
            description: formText(form, 'description') ?? null,
            leadId: lead === NONE ? null : lead,
          },
          { onSuccess: close },
        )
      }
    >
      <ThemeFields planId={planId} theme={theme} lead={lead} onLead={setLead} />
    </FormDialog>
  );
}

function DeleteTheme({ theme }: { theme: Theme }) {
  const remove = useContractMutation('themes.delete');
  const title = `Delete theme ${theme.reference}, “${theme.title}”?`;
  // Moving a theme's actions is a decision for the user, so a theme with actions is not deleted.
  if (theme.actionCount > 0) {
    return (
      <NoticeDialog trigger="Delete" triggerLabel={`Delete theme ${theme.reference}`} title={`Theme ${theme.reference} cannot be deleted yet`}>
        <p>
          {theme.actionCount === 1 ? 'One action is' : `${theme.actionCount} actions are`} still in “{theme.title}”. Move them to another theme
          or delete them first, from the actions’ pages.
        </p>
      </NoticeDialog>
    );
  }
  return (
    <RemoveDialog
      verb="Delete"
      what={`theme ${theme.reference}`}
      title={title}
      submitLabel="Delete the theme"
      mutation={remove}
      onRemove={(close) => remove.mutate({ themeId: theme.id }, { onSuccess: close })}
    >
      <p>
        {theme.recommendationCount > 0
          ? `${theme.recommendationCount === 1 ? 'One recommendation is' : `${theme.recommendationCount} recommendations are`} mapped to it and will no longer be. `
          : ''}
        The deletion is kept in the plan’s history.
      </p>
    </RemoveDialog>
  );
}

function StageFields({ stage }: { stage?: Stage }) {
  return (
    <>
      <TextField name="name" className="field" defaultValue={stage?.name ?? ''} isRequired>
        <Label>Name</Label>
        <Text slot="description">Such as “Stabilise”, “Embed” or “Continuous improvement to good”.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <LongTextField name="description" label="What the stage is for (optional)" defaultValue={stage?.description} rows={3} />
      <div className="field-row">
        <DateField name="startDate" label="Starts (optional)" defaultValue={stage?.startDate} />
        <DateField name="endDate" label="Ends (optional)" defaultValue={stage?.endDate} />
      </div>
    </>
  );
}

const stageValues = (form: FormData) => ({
  name: String(form.get('name') ?? ''),
  description: formText(form, 'description') ?? null,
  startDate: formText(form, 'startDate') ?? null,
  endDate: formText(form, 'endDate') ?? null,
});

function AddStage({ planId }: { planId: string }) {
  const create = useContractMutation('stages.create');
  return (
    <FormDialog
      trigger="Add a stage"
      title="Add a stage"
      submitLabel="Add the stage"
      mutation={create}
      onSubmit={(form, close) => create.mutate({ planId, ...stageValues(form) }, { onSuccess: close })}
    >
      <StageFields />
    </FormDialog>
  );
}

function EditStage({ stage }: { stage: Stage }) {
  const update = useContractMutation('stages.update');
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the stage “${stage.name}”`}
      title={`Edit the stage “${stage.name}”`}
      submitLabel="Save the stage"
      mutation={update}
      onSubmit={(form, close) => update.mutate({ stageId: stage.id, ...stageValues(form) }, { onSuccess: close })}
    >
      <StageFields stage={stage} />
    </FormDialog>
  );
}

function DeleteStage({ stage }: { stage: Stage }) {
  const remove = useContractMutation('stages.delete');
  return (
    <RemoveDialog
      verb="Delete"
      what={`the stage “${stage.name}”`}
      submitLabel="Delete the stage"
      mutation={remove}
      onRemove={(close) => remove.mutate({ stageId: stage.id }, { onSuccess: close })}
    >
      <p>The stage leaves the plan and its timeline. The deletion is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

function dates(stage: Stage): string {
  if (stage.startDate && stage.endDate) return `${formatLongDate(stage.startDate)} to ${formatLongDate(stage.endDate)}`;
  if (stage.startDate) return `From ${formatLongDate(stage.startDate)}`;
  if (stage.endDate) return `Until ${formatLongDate(stage.endDate)}`;
  return 'No dates yet';
}

export function ThemesPage() {
  const plan = usePlan();
  const themes = useContractQuery('themes.list', { planId: plan.id });
  const stages = useContractQuery('stages.list', { planId: plan.id });
  const failed = themes.error ?? stages.error;
  if (failed) return <ErrorNotice error={failed} title="The themes and stages could not be loaded" />;
  if (!themes.data || !stages.data) return <Loading what="the themes and stages" />;

  return (
    <Page title="Themes and stages" caption={plan.title}>
      <p className="lead">The themes the plan’s actions are grouped under, each with its lead, and the stages the plan moves through.</p>

      <section aria-labelledby="themes">
        <div className="section-header">
          <h2 id="themes">Themes</h2>
          <AddTheme planId={plan.id} />
        </div>
        {themes.data.length === 0 ? (
          <p>No themes yet. Plans usually have four to six, such as “Leadership, management and governance”.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">The plan’s themes</caption>
              <thead>
                <tr>
                  <th scope="col">Ref</th>
                  <th scope="col">Theme</th>
                  <th scope="col">Lead</th>
                  <th scope="col" className="numeric">
                    Actions
                  </th>
                  <th scope="col" className="numeric">
                    Recommendations
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Change</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {themes.data.map((theme) => (
                  <tr key={theme.id}>
                    <td>{theme.reference}</td>
                    <th scope="row">
                      <span className="theme-title">{theme.title}</span>
                      {theme.description ? <span className="theme-description">{theme.description}</span> : null}
                    </th>
                    <td>{theme.leadName ?? <span className="muted">No lead yet</span>}</td>
                    <td className="numeric">{theme.actionCount}</td>
                    <td className="numeric">{theme.recommendationCount}</td>
                    <td>
                      <div className="row-actions">
                        <EditTheme key={theme.leadId ?? NONE} planId={plan.id} theme={theme} />
                        <DeleteTheme theme={theme} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="stages">
        <div className="section-header">
          <h2 id="stages">Stages</h2>
          <AddStage planId={plan.id} />
        </div>
        {stages.data.length === 0 ? (
          <p>No stages yet, such as “Stabilise”, “Embed” and “Continuous improvement to good”.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">The plan’s stages</caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Dates</th>
                  <th scope="col">
                    <span className="visually-hidden">Change</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {stages.data.map((stage) => (
                  <tr key={stage.id}>
                    <th scope="row">
                      <span className="theme-title">{stage.name}</span>
                      {stage.description ? <span className="theme-description">{stage.description}</span> : null}
                    </th>
                    <td>{dates(stage)}</td>
                    <td>
                      <div className="row-actions">
                        <EditStage stage={stage} />
                        <DeleteStage stage={stage} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
