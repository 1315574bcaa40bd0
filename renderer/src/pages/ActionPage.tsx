import { Link, useNavigate, useParams } from 'react-router';
import type { ActionDetail } from '../../../shared/contract-actions';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { ACTION_STATUS_LABELS } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { ActionDependenciesSection } from '../components/action-dependencies';
import { ActionDetailsSection } from '../components/action-details';
import { ActionDueDateSection } from '../components/action-due-date';
import { ActionEvidenceSection } from '../components/action-evidence';
import { ActionLinksSection } from '../components/action-links';
import { ActionMilestonesSection } from '../components/action-milestones';
import { ActionProgressSection } from '../components/action-progress';
import { FormDialog } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { RecordHistory } from '../components/RecordHistory';
import { usePlan } from './PlanLayout';

function DeleteAction({ action }: { action: ActionDetail }) {
  const remove = useContractMutation('actions.delete');
  const navigate = useNavigate();
  return (
    <FormDialog
      trigger="Delete this action"
      title={`Delete action ${action.reference}?`}
      submitLabel="Delete the action"
      mutation={remove}
      onSubmit={(_form, close) =>
        remove.mutate(
          { actionId: action.id },
          {
            onSuccess: () => {
              close();
              void navigate(`/plans/${action.planId}/actions`);
            },
          },
        )
      }
    >
      <p>
        “{action.reference} {action.title}” leaves the plan with its updates, milestones and evidence. The deletion is kept in the plan’s history,
        and the reference {action.reference} becomes free for another action.
      </p>
    </FormDialog>
  );
}

/** One line that says where the action stands, read before the detail. */
function Standing({ action }: { action: ActionDetail }) {
  const today = londonDate(new Date());
  const open = action.status === 'not-started' || action.status === 'in-progress';
  const overdue = open && action.currentDueDate !== null && action.currentDueDate < today;
  return (
    <p className="lead action-standing">
      <RagBadge rag={action.rag} meaning={action.rag ? action.ragMeanings[action.rag] : undefined} /> {ACTION_STATUS_LABELS[action.status]}.{' '}
      {action.currentDueDate ? `Due ${formatLongDate(action.currentDueDate)}.` : 'No due date yet.'}
      {overdue ? <span className="tag tag-warning">Overdue</span> : null}
      {action.owner ? ` Owner: ${action.owner.name}.` : ' No owner yet.'}
    </p>
  );
}

export function ActionPage() {
  const plan = usePlan();
  const { actionId = '' } = useParams();
  const detail = useContractQuery('actions.get', { actionId });
  const choices = useContractQuery('actions.choices', { actionId });
  const people = useContractQuery('people.list', { planId: plan.id });
  const error = detail.error ?? choices.error ?? people.error;
  if (error) {
    return (
      <Page title="Action not found" caption={plan.title}>
        <ErrorNotice error={error} title="The action could not be opened" />
        <p>
          <Link to={`/plans/${plan.id}/actions`}>Go to the plan’s actions</Link> to choose another.
        </p>
      </Page>
    );
  }
  if (!detail.data || !choices.data || !people.data) return <Loading what="the action" />;
  const action = detail.data;
  if (action.planId !== plan.id) {
    return (
      <Page title="Action not found" caption={plan.title}>
        <p>
          This action belongs to another plan. <Link to={`/plans/${action.planId}/actions/${action.id}`}>Open it in its own plan</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page
      title={`Action ${action.reference}`}
      heading={
        <>
          <span className="heading-reference">{action.reference}</span> {action.title}
        </>
      }
      caption={plan.title}
      actions={<DeleteAction action={action} />}
    >
      <Standing action={action} />
      <ActionDetailsSection action={action} people={people.data} choices={choices.data} />
      <ActionDueDateSection action={action} />
      <ActionProgressSection action={action} />
      <ActionMilestonesSection action={action} />
      <ActionDependenciesSection action={action} choices={choices.data} />
      <ActionEvidenceSection action={action} />
      <ActionLinksSection action={action} choices={choices.data} />
      <section aria-labelledby="action-history">
        <h2 id="action-history">History of this action</h2>
        <RecordHistory planId={plan.id} entityId={action.id} label={`Changes to action ${action.reference}, newest first`} />
      </section>
    </Page>
  );
}
