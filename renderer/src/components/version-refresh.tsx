import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { MethodInput } from '../../../shared/contract';
import type { PlanVersion, RefreshResult } from '../../../shared/contract-versions';
import { refreshAfterOwnChange, useClient } from '../client/hooks';
import { FormDialog, formText } from './FormDialog';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Makes the next version of the plan after a monitoring visit, saying first what it carries forward. */
export function RefreshPlan({ version }: { version: PlanVersion }) {
  const client = useClient();
  const queries = useQueryClient();
  const navigate = useNavigate();
  // The version refreshed turns read-only, which takes this form off the page before a callback
  // given to `mutate` could run; the mutation's own callback runs regardless. The new version is
  // opened once the plans are read again, so its page never finds it missing.
  const refresh = useMutation<RefreshResult, Error, MethodInput<'plans.refresh'>>({
    mutationFn: (input) => client.call('plans.refresh', input),
    onSuccess: async (result) => {
      await refreshAfterOwnChange(queries);
      await navigate(`/plans/${result.plan.id}/versions`);
    },
  });
  const next = version.version + 1;
  const superseded = version.actionCount - version.openActionCount - version.completeActionCount;
  return (
    <FormDialog
      trigger="Refresh the plan after a monitoring visit"
      triggerClassName="button button-primary"
      title={`Refresh the plan: make version ${next}`}
      submitLabel={`Make version ${next}`}
      mutation={refresh}
      onSubmit={(form) => refresh.mutate({ planId: version.id, reason: String(form.get('reason') ?? ''), title: formText(form, 'title') })}
    >
      <p>
        Version {next} is made from this one. Version {version.version} stays readable exactly as it is now, and can no longer be
        changed.
      </p>
      <h3 className="dialog-subheading">Carried forward into version {next}</h3>
      <ul className="refresh-list">
        <li>
          The {plural(version.openActionCount, 'open action', 'open actions')} (not started, in progress, or complete awaiting
          evidence or sign-off), with every field, their due-date history, milestones not yet done, dependencies between them,
          progress updates, evidence, and links to recommendations and KPIs.
        </li>
        <li>The themes, stages, and the recommendations with their themes.</li>
        <li>The KPIs with their targets and every value so far, so each series reads on unbroken.</li>
        <li>Visits and reviews with their findings, boards and meetings, risks, budget and workforce projections, saved views.</li>
        <li>Sprints and service plans, whose links follow the carried actions.</li>
      </ul>
      <h3 className="dialog-subheading">Kept only in version {version.version}</h3>
      <ul className="refresh-list">
        <li>
          The {plural(version.completeActionCount, 'complete action', 'complete actions')} and{' '}
          {plural(superseded, 'superseded action', 'superseded actions')}, milestones already done, and report packs.
        </li>
      </ul>
      <TextField name="reason" className="field" isRequired>
        <Label>Why the plan is refreshed</Label>
        <Text slot="description">For example: the second monitoring visit, on the front door, and what its letter asked for.</Text>
        <TextArea rows={3} />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="title" className="field" defaultValue={version.title}>
        <Label>Title of version {next}</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}
