import { Link } from 'react-router';
import type { PlanSummary } from '../../../shared/contract';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { PLAN_KIND_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';

/** An instant as the date it fell on in England, in prose. */
export function dayOf(instant: string): string {
  return formatLongDate(londonDate(new Date(instant)));
}

function SupersededNotice({ plan }: { plan: PlanSummary }) {
  const versions = useContractQuery('plans.versions', { planId: plan.id });
  const own = versions.data?.versions.find((version) => version.id === plan.id);
  const current = versions.data?.versions.find((version) => version.id === versions.data?.currentPlanId);
  return (
    <div className="notice version-notice" data-testid="version-notice">
      <p>
        <strong>
          This is version {plan.version}
          {own?.supersededAt ? `, superseded on ${dayOf(own.supersededAt)}` : ', superseded'}
          {current ? `; the current version is ${current.version}.` : '.'}
        </strong>{' '}
        Earlier versions are kept exactly as they were, to be read; changes are made in the current version.
      </p>
      {current ? (
        <p>
          <Link to={`/plans/${current.id}`}>Open the current version (version {current.version})</Link>
        </p>
      ) : null}
    </div>
  );
}

/** Says which version of a plan is open when it is not the current one, and which main plan a sub-plan serves. */
export function VersionNotice({ plan, plans }: { plan: PlanSummary; plans: PlanSummary[] }) {
  if (plan.status === 'superseded') return <SupersededNotice plan={plan} />;
  if (!plan.parentPlanId) return null;
  const parent = plans.find((candidate) => candidate.id === plan.parentPlanId);
  return (
    <p className="sub-plan-notice">
      {PLAN_KIND_LABELS[plan.kind]} of{' '}
      {parent ? <Link to={`/plans/${parent.id}/versions`}>{parent.title}</Link> : 'a main plan that is no longer on this computer'}.
    </p>
  );
}
