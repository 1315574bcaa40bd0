import { Link } from 'react-router';
import type { PlanSummary } from '../../../shared/contract';
import { formatShortDate } from '../../../shared/dates';
import { CLASSIFICATION_LABELS, PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagCountList } from '../components/RagBadge';

/**
 * The current version of each plan, each main plan followed by its sprints and service plans.
 * Superseded versions are read from their plan's versions page.
 */
function listed(plans: PlanSummary[]): { plan: PlanSummary; parent: PlanSummary | null }[] {
  const current = plans.filter((plan) => plan.status !== 'superseded');
  const byId = new Map(current.map((plan) => [plan.id, plan]));
  const isChild = (plan: PlanSummary) => plan.parentPlanId !== null && byId.has(plan.parentPlanId);
  return current
    .filter((plan) => !isChild(plan))
    .flatMap((plan) => [
      { plan, parent: null },
      ...current.filter((child) => child.parentPlanId === plan.id).map((child) => ({ plan: child, parent: plan })),
    ]);
}

function PlanRow({ plan, parent }: { plan: PlanSummary; parent: PlanSummary | null }) {
  return (
    <tr className={parent ? 'sub-plan-row' : undefined}>
      <th scope="row">
        {parent ? (
          <span className="sub-plan-marker" aria-hidden="true">
            ↳{' '}
          </span>
        ) : null}
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
        {plan.version > 1 ? <span className="muted"> (version {plan.version})</span> : null}
        {plan.kind !== 'main' ? <span className="tag">{PLAN_KIND_LABELS[plan.kind]}</span> : null}
        {parent ? <span className="visually-hidden">, serving {parent.title}</span> : null}
      </th>
      <td>{plan.authorityName}</td>
      <td>{PLAN_STATUS_LABELS[plan.status]}</td>
      <td>{CLASSIFICATION_LABELS[plan.classification]}</td>
      <td>
        {plan.startDate ? formatShortDate(plan.startDate) : 'Not set'}
        {plan.endDate ? ` to ${formatShortDate(plan.endDate)}` : ''}
      </td>
      <td className="numeric">{plan.actionCount}</td>
      <td className="numeric">{plan.overdueCount}</td>
      <td>
        <RagCountList counts={plan.ragCounts} label={`RAG counts for ${plan.title}`} />
      </td>
    </tr>
  );
}

export function PlansPage() {
  const plans = useContractQuery('plans.list', {});
  const rows = plans.data ? listed(plans.data) : [];
  const earlier = plans.data ? plans.data.filter((plan) => plan.status === 'superseded').length : 0;
  return (
    <Page
      title="Plans"
      actions={
        <>
          <Link className="button button-primary" to="/plans/new">
            New plan
          </Link>
          <Link className="button" to="/import">
            Import a bundle
          </Link>
        </>
      }
    >
      {plans.isPending ? <Loading what="plans" /> : null}
      {plans.error ? <ErrorNotice error={plans.error} title="The plans could not be loaded" /> : null}
      {plans.data && plans.data.length === 0 ? (
        <p>There are no plans yet. Start one with “New plan”.</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Plans, most recently changed first, each followed by its sprints and service plans</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Council</th>
                <th scope="col">Status</th>
                <th scope="col">Marking</th>
                <th scope="col">Runs</th>
                <th scope="col" className="numeric">Actions</th>
                <th scope="col" className="numeric">Overdue</th>
                <th scope="col">RAG</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ plan, parent }) => (
                <PlanRow key={plan.id} plan={plan} parent={parent} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {earlier > 0 ? (
        <p className="muted">
          {earlier === 1 ? 'One earlier version is' : `${earlier} earlier versions are`} not listed: each plan’s “Versions and sub-plans”
          page opens them.
        </p>
      ) : null}
    </Page>
  );
}
