import { Link } from 'react-router';
import type { PlanVersion } from '../../../shared/contract-versions';
import { PLAN_STATUS_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { CompareVersions } from '../components/version-compare';
import { dayOf } from '../components/version-notice';
import { RefreshPlan } from '../components/version-refresh';
import { SubPlansSection } from '../components/version-subplans';
import { usePlan } from './PlanLayout';

function VersionTable({ versions, viewingId }: { versions: PlanVersion[]; viewingId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Versions of the plan, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Made</th>
            <th scope="col">Why it was refreshed</th>
            <th scope="col" className="numeric">Open actions</th>
            <th scope="col" className="numeric">All actions</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} aria-current={version.id === viewingId ? 'page' : undefined}>
              <th scope="row" className="nowrap">
                {version.id === viewingId ? (
                  <>
                    Version {version.version} <span className="tag">Open now</span>
                  </>
                ) : (
                  <Link to={`/plans/${version.id}`}>Open version {version.version}</Link>
                )}
              </th>
              <td>{version.title}</td>
              <td>
                {PLAN_STATUS_LABELS[version.status]}
                {version.supersededAt ? ` on ${dayOf(version.supersededAt)}` : ''}
              </td>
              <td>
                {dayOf(version.createdAt)}, by {version.createdBy}
              </td>
              <td>{version.reason ?? <span className="muted">The first version</span>}</td>
              <td className="numeric">{version.openActionCount}</td>
              <td className="numeric">{version.actionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VersionsPage() {
  const plan = usePlan();
  const versions = useContractQuery('plans.versions', { planId: plan.id });
  if (versions.isPending) return <Loading what="the versions" />;
  if (versions.error) return <ErrorNotice error={versions.error} title="The versions could not be loaded" />;
  const current = versions.data.versions.find((version) => version.id === versions.data.currentPlanId);
  const editable = plan.status !== 'superseded' && plan.id === versions.data.currentPlanId;
  return (
    <Page
      // A new page for each version, so its heading takes focus when a refresh opens the new one.
      key={plan.id}
      title="Versions and sub-plans"
      caption={plan.title}
      actions={editable && current && plan.kind !== 'sprint' ? <RefreshPlan version={current} /> : null}
    >
      <p className="lead">
        After each monitoring visit the plan is refreshed into a new version: what is still to do is carried forward, and every earlier
        version stays readable as it was.
      </p>
      <section aria-labelledby="versions-heading">
        <div className="section-header">
          <h2 id="versions-heading">Versions</h2>
        </div>
        <VersionTable versions={versions.data.versions} viewingId={plan.id} />
      </section>
      {versions.data.versions.length > 1 ? (
        <CompareVersions versions={versions.data.versions} viewingId={plan.id} />
      ) : (
        <p>Once the plan has been refreshed, any two of its versions can be compared here.</p>
      )}
      {plan.kind === 'main' ? <SubPlansSection plan={plan} editable={editable} /> : null}
    </Page>
  );
}
