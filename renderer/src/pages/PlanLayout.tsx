import { createContext, Suspense, useContext } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import type { PlanSummary } from '../../../shared/contract';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { ReadOnlyContext } from '../components/read-only';
import { VersionNotice } from '../components/version-notice';

const PlanContext = createContext<PlanSummary | null>(null);

/** The plan whose pages are open. */
export function usePlan(): PlanSummary {
  const plan = useContext(PlanContext);
  if (!plan) throw new Error('usePlan is used outside PlanLayout');
  return plan;
}

/** The plan's pages, grouped as the work falls: the plan itself, delivering it, measuring it, overseeing it. */
const GROUPS: { label: string; tabs: { to: string; label: string; end: boolean }[] }[] = [
  {
    label: 'The plan',
    tabs: [
      { to: '', label: 'Needs attention', end: true },
      { to: 'overview', label: 'Overview', end: false },
      { to: 'actions', label: 'Actions', end: false },
      { to: 'recommendations', label: 'Recommendations', end: false },
      { to: 'themes', label: 'Themes and stages', end: false },
      { to: 'versions', label: 'Versions and sub-plans', end: false },
    ],
  },
  {
    label: 'Measures',
    tabs: [
      { to: 'kpis', label: 'KPIs', end: false },
      { to: 'workforce', label: 'Workforce', end: false },
      { to: 'finance', label: 'Money', end: false },
    ],
  },
  {
    label: 'Oversight',
    tabs: [
      { to: 'reviews', label: 'Visits and reviews', end: false },
      { to: 'meetings', label: 'Meetings', end: false },
      { to: 'packs', label: 'Committee packs', end: false },
      { to: 'deadlines', label: 'Statutory dates', end: false },
      { to: 'timeline', label: 'Timeline', end: false },
    ],
  },
  {
    label: 'Records',
    tabs: [
      { to: 'search', label: 'Search', end: false },
      { to: 'history', label: 'History', end: false },
      { to: 'import-tracker', label: 'Import a tracker', end: false },
      { to: 'send', label: 'Send the plan', end: false },
    ],
  },
];

export function PlanLayout() {
  const { planId = '' } = useParams();
  const plans = useContractQuery('plans.list', {});
  if (plans.isPending) return <Loading what="the plan" />;
  if (plans.error) return <ErrorNotice error={plans.error} title="The plan could not be opened" />;
  const plan = plans.data.find((candidate) => candidate.id === planId);
  if (!plan) {
    return (
      <Page title="Plan not found">
        <p>This plan no longer exists; it may have been deleted. Go back to the plans.</p>
      </Page>
    );
  }
  return (
    <PlanContext.Provider value={plan}>
      <div className="plan-layout">
        <nav aria-label="Plan" className="plan-tabs">
          {GROUPS.map((group) => (
            <div key={group.label} className="plan-tab-group">
              <p className="plan-tab-group-label" id={`plan-nav-${group.label.replace(/\W+/g, '-').toLowerCase()}`}>
                {group.label}
              </p>
              <ul aria-labelledby={`plan-nav-${group.label.replace(/\W+/g, '-').toLowerCase()}`}>
                {group.tabs.map((tab) => (
                  <li key={tab.label}>
                    <NavLink to={tab.to ? `/plans/${plan.id}/${tab.to}` : `/plans/${plan.id}`} end={tab.end}>
                      {tab.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="plan-content">
          <VersionNotice plan={plan} plans={plans.data} />
          <ReadOnlyContext.Provider value={plan.status === 'superseded'}>
            <Suspense fallback={<Loading what="the page" />}>
              <Outlet />
            </Suspense>
          </ReadOnlyContext.Provider>
        </div>
      </div>
    </PlanContext.Provider>
  );
}
