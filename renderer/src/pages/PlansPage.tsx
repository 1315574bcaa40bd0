import { Link } from 'react-router';
import { formatShortDate } from '../../../shared/dates';
import { CLASSIFICATION_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagCountList } from '../components/RagBadge';

const STATUS_LABELS = { draft: 'Draft', active: 'Active', superseded: 'Superseded', closed: 'Closed' } as const;

export function PlansPage() {
  const plans = useContractQuery('plans.list', {});
  return (
    <Page
      title="Plans"
      actions={
        <Link className="button button-primary" to="/plans/new">
          New plan
        </Link>
      }
    >
      {plans.isPending ? <Loading what="plans" /> : null}
      {plans.error ? <ErrorNotice error={plans.error} title="The plans could not be loaded" /> : null}
      {plans.data && plans.data.length === 0 ? (
        <p>There are no plans yet. Start one with “New plan”.</p>
      ) : null}
      {plans.data && plans.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Plans, most recently changed first</caption>
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
              {plans.data.map((plan) => (
                <tr key={plan.id}>
                  <th scope="row">
                    <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                    {plan.version > 1 ? <span className="muted"> (version {plan.version})</span> : null}
                  </th>
                  <td>{plan.authorityName}</td>
                  <td>{STATUS_LABELS[plan.status]}</td>
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
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
