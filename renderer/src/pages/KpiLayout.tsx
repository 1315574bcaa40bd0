import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { usePlan } from './PlanLayout';
import { Loading } from '../components/Page';

const SECTIONS = [
  { to: '', label: 'Scorecard', end: true },
  { to: 'values', label: 'Enter values', end: false },
  { to: 'definitions', label: 'Definitions and targets', end: false },
  { to: 'import-published', label: 'Import published figures', end: false },
  { to: 'import-figures', label: 'Import the performance team’s figures', end: false },
];

/** The KPI pages share a second row of navigation: read, enter, define, import. */
export function KpiLayout() {
  const plan = usePlan();
  return (
    <>
      <nav aria-label="KPIs" className="sub-tabs">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.label}>
              <NavLink to={section.to ? `/plans/${plan.id}/kpis/${section.to}` : `/plans/${plan.id}/kpis`} end={section.end}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading what="the page" />}>
        <Outlet />
      </Suspense>
    </>
  );
}
