import { useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { ActionRow, PlanSummary } from '../../../shared/contract';
import type { SubPlan } from '../../../shared/contract-versions';
import { formatShortDate, londonDate } from '../../../shared/dates';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  OPEN_ACTION_STATUSES,
  SPRINT_WEEKS,
  SUB_PLAN_KIND_LABELS,
  SUB_PLAN_KINDS,
  type ActionStatus,
  type SubPlanKind,
} from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from './Choice';
import { FormDialog, formText } from './FormDialog';
import { ErrorNotice, Loading } from './Page';
import { RagBadge, RagCountList } from './RagBadge';

/** The last day of a sprint of the usual length starting on `startDate`, both days counted. */
function sprintEnd(startDate: string): string {
  const day = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return '';
  day.setUTCDate(day.getUTCDate() + SPRINT_WEEKS * 7 - 1);
  return day.toISOString().slice(0, 10);
}

const isOpen = (status: ActionStatus) => (OPEN_ACTION_STATUSES as readonly ActionStatus[]).includes(status);

function ActionChoices({ name, label, actions, chosen }: { name: string; label: string; actions: { id: string; text: string }[]; chosen: string[] }) {
  return (
    <CheckboxGroup name={name} className="field checkbox-list" defaultValue={chosen}>
      <Label>{label}</Label>
      {actions.length === 0 ? <p>The main plan has no open actions.</p> : null}
      {actions.map((action) => (
        <Checkbox key={action.id} value={action.id} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          <span>{action.text}</span>
        </Checkbox>
      ))}
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}

const choiceText = (action: { reference: string; title: string }) => `${action.reference} ${action.title}`;

function AddSubPlan({ plan, actions }: { plan: PlanSummary; actions: ActionRow[] }) {
  const create = useContractMutation('plans.createSubPlan');
  const today = londonDate(new Date());
  const [kind, setKind] = useState<SubPlanKind>('sprint');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(sprintEnd(today));
  return (
    <FormDialog
      trigger="Add a sprint or service plan"
      triggerClassName="button button-primary"
      title="Add a sprint or service plan"
      submitLabel="Add the sub-plan"
      mutation={create}
      onSubmit={(form, close) =>
        create.mutate(
          {
            parentPlanId: plan.id,
            kind,
            title: String(form.get('title') ?? ''),
            startDate,
            endDate,
            summary: formText(form, 'summary') ?? null,
            linkedActionIds: form.getAll('linkedActionIds').map(String),
          },
          { onSuccess: close },
        )
      }
    >
      <Choice label="Kind" name="kind" options={SUB_PLAN_KINDS} labels={SUB_PLAN_KIND_LABELS} value={kind} onChange={setKind} />
      <TextField name="title" className="field" isRequired>
        <Label>Title</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <div className="field-row">
        <TextField
          name="startDate"
          type="date"
          className="field"
          value={startDate}
          onChange={(value) => {
            // The end follows the start while it is still the suggested sprint length.
            if (kind === 'sprint' && endDate === sprintEnd(startDate)) setEndDate(sprintEnd(value));
            setStartDate(value);
          }}
          isRequired
        >
          <Label>Starts</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField name="endDate" type="date" className="field" value={endDate} onChange={setEndDate} isRequired>
          <Label>Ends</Label>
          <Text slot="description">A sprint usually runs {SPRINT_WEEKS} weeks, monitored fortnightly.</Text>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
      <TextField name="summary" className="field">
        <Label>What it is for (optional)</Label>
        <TextArea rows={3} />
        <FieldError className="field-error" />
      </TextField>
      <ActionChoices
        name="linkedActionIds"
        label="Actions of the main plan it serves"
        actions={actions.filter((action) => isOpen(action.status)).map((action) => ({ id: action.id, text: choiceText(action) }))}
        chosen={[]}
      />
    </FormDialog>
  );
}

function ChangeLinks({ subPlan, actions }: { subPlan: SubPlan; actions: ActionRow[] }) {
  const save = useContractMutation('plans.setSubPlanLinks');
  const chosen = subPlan.linkedActions.map((action) => action.id);
  const open = actions.filter((action) => isOpen(action.status) || chosen.includes(action.id));
  // Actions linked before the main plan was refreshed may be complete ones of an earlier version.
  const earlier = subPlan.linkedActions.filter((linked) => !open.some((action) => action.id === linked.id));
  return (
    <FormDialog
      trigger="Change the linked actions"
      triggerClassName="button button-small"
      triggerLabel={`Change the linked actions of ${subPlan.title}`}
      title={`Actions of the main plan that ${subPlan.title} serves`}
      submitLabel="Save the links"
      mutation={save}
      onSubmit={(form, close) => save.mutate({ subPlanId: subPlan.id, actionIds: form.getAll('actionIds').map(String) }, { onSuccess: close })}
    >
      <ActionChoices
        name="actionIds"
        label="Linked actions"
        actions={[...earlier, ...open].map((action) => ({ id: action.id, text: choiceText(action) }))}
        chosen={chosen}
      />
    </FormDialog>
  );
}

function Meter({ id, label, value, max }: { id: string; label: string; value: number; max: number }) {
  return (
    <div className="meter-row">
      <span id={id} className="meter-label">
        {label}
      </span>
      <progress className="meter" aria-labelledby={id} value={value} max={max} />
    </div>
  );
}

function timingText(progress: SubPlan['progress']): string {
  if (progress.daysLeft === null) return 'No end date';
  if (progress.daysLeft < 0) return `Ended ${-progress.daysLeft} days ago`;
  if (progress.elapsedDays === 0) return `Not started yet; ${progress.durationDays ?? ''} days long`;
  const weeks = progress.durationDays ? Math.ceil(progress.durationDays / 7) : null;
  const week = progress.elapsedDays ? Math.ceil(progress.elapsedDays / 7) : null;
  const left = progress.daysLeft === 1 ? '1 day left' : `${progress.daysLeft} days left`;
  return week && weeks ? `Week ${week} of ${weeks}, ${left}` : left;
}

function SubPlanCard({ subPlan, actions, editable }: { subPlan: SubPlan; actions: ActionRow[]; editable: boolean }) {
  const { progress } = subPlan;
  const counted = progress.actionCount - progress.byStatus.superseded;
  const headingId = `sub-plan-${subPlan.id}`;
  return (
    <article className="sub-plan" aria-labelledby={headingId} data-testid="sub-plan">
      <h3 id={headingId}>
        <Link to={`/plans/${subPlan.id}`}>{subPlan.title}</Link>
        <span className="tag">{subPlan.kind === 'sprint' ? 'Sprint' : 'Service plan'}</span>
      </h3>
      <p className="muted">
        {subPlan.startDate ? formatShortDate(subPlan.startDate) : 'No start'} to {subPlan.endDate ? formatShortDate(subPlan.endDate) : 'no end'}.{' '}
        {timingText(progress)}.
      </p>
      {subPlan.summary ? <p>{subPlan.summary}</p> : null}
      <Meter
        id={`${headingId}-done`}
        label={`${progress.percentComplete}% complete: ${progress.byStatus.complete} of ${counted} actions complete`}
        value={progress.percentComplete}
        max={100}
      />
      {progress.durationDays !== null && progress.elapsedDays !== null ? (
        <Meter
          id={`${headingId}-time`}
          label={`Time gone: ${progress.elapsedDays} of ${progress.durationDays} days`}
          value={progress.elapsedDays}
          max={progress.durationDays}
        />
      ) : null}
      <ul className="status-counts" aria-label={`Actions of ${subPlan.title} by status`}>
        {ACTION_STATUSES.map((status) => (
          <li key={status}>
            {ACTION_STATUS_LABELS[status]}: {progress.byStatus[status]}
          </li>
        ))}
      </ul>
      <RagCountList counts={progress.ragCounts} label={`RAG counts for ${subPlan.title}`} showUnrated />
      <div className="section-header sub-plan-links-header">
        <h4>Main-plan actions it serves</h4>
        {editable ? <ChangeLinks subPlan={subPlan} actions={actions} /> : null}
      </div>
      {subPlan.linkedActions.length === 0 ? (
        <p>Not linked to any action of the main plan.</p>
      ) : (
        <ul className="plain-list">
          {subPlan.linkedActions.map((action) => (
            <li key={action.id}>
              <strong>{action.reference}</strong> <Link to={`/plans/${action.planId}/actions/${action.id}`}>{action.title}</Link>{' '}
              <span className="muted">{ACTION_STATUS_LABELS[action.status]}</span> <RagBadge rag={action.rag} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The sprints and service plans of a main plan, with their progress and the actions they serve. */
export function SubPlansSection({ plan, editable }: { plan: PlanSummary; editable: boolean }) {
  const subPlans = useContractQuery('plans.subPlans', { planId: plan.id });
  const actions = useContractQuery('actions.list', { planId: plan.id });
  return (
    <section aria-labelledby="sub-plans-heading">
      <div className="section-header">
        <h2 id="sub-plans-heading">Sprints and service plans</h2>
        {editable && actions.data ? <AddSubPlan plan={plan} actions={actions.data} /> : null}
      </div>
      <p>
        A sprint is a time-boxed plan, usually {SPRINT_WEEKS} weeks monitored fortnightly; a service plan is a dedicated plan for one
        weak service, such as leaving care. Each is a plan of its own, with its own actions, linked to the actions of this plan it serves.
      </p>
      {subPlans.isPending || actions.isPending ? <Loading what="the sub-plans" /> : null}
      {subPlans.error ? <ErrorNotice error={subPlans.error} title="The sub-plans could not be loaded" /> : null}
      {subPlans.data && subPlans.data.length === 0 ? <p>No sprints or service plans yet.</p> : null}
      {subPlans.data && actions.data
        ? subPlans.data.map((subPlan) => <SubPlanCard key={subPlan.id} subPlan={subPlan} actions={actions.data} editable={editable} />)
        : null}
    </section>
  );
}
