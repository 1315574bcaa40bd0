import { lazy, Suspense, useEffect } from 'react';
import { HashRouter, NavLink, Route, Routes } from 'react-router';
import { useChangeEvents, useContractQuery } from './client/hooks';
import { Loading, Page } from './components/Page';
import { UndoControls } from './components/UndoControls';
import { NewPlanPage } from './pages/NewPlanPage';
import { ActionPage } from './pages/ActionPage';
import { ActionsPage } from './pages/ActionsPage';
import { AttentionPage } from './pages/AttentionPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { FinancePage } from './pages/FinancePage';
import { KpiDefinitionsPage } from './pages/KpiDefinitionsPage';
import { KpiLayout } from './pages/KpiLayout';
import { KpiValuesPage } from './pages/KpiValuesPage';
import { ScorecardPage } from './pages/ScorecardPage';
import { HistoryPage } from './pages/HistoryPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { PacksPage } from './pages/PacksPage';
import { PlanLayout } from './pages/PlanLayout';
import { PlanOverviewPage } from './pages/PlanOverviewPage';
import { PlansPage } from './pages/PlansPage';
import { RecoveryPage } from './pages/RecoveryPage';
import { RecommendationsPage } from './pages/RecommendationsPage';
import { ReviewsPage } from './pages/ReviewsPage';
import { SearchPage } from './pages/SearchPage';
import { SettingsPage } from './pages/SettingsPage';
import { ThemesPage } from './pages/ThemesPage';
import { TimelinePage } from './pages/TimelinePage';
import { VersionsPage } from './pages/VersionsPage';

// The pages that draw charts or read files load when first opened, so the app starts with less to read.
const DfeImportPage = lazy(() => import('./pages/DfeImportPage').then((module) => ({ default: module.DfeImportPage })));
const FiguresImportPage = lazy(() => import('./pages/FiguresImportPage').then((module) => ({ default: module.FiguresImportPage })));
const TrackerImportPage = lazy(() => import('./pages/TrackerImportPage').then((module) => ({ default: module.TrackerImportPage })));
const KpiPage = lazy(() => import('./pages/KpiPage').then((module) => ({ default: module.KpiPage })));
const WorkforcePage = lazy(() => import('./pages/WorkforcePage').then((module) => ({ default: module.WorkforcePage })));
const PackPage = lazy(() => import('./pages/PackPage').then((module) => ({ default: module.PackPage })));
const PrintPackPage = lazy(() => import('./pages/PrintPackPage').then((module) => ({ default: module.PrintPackPage })));
const SendPlanPage = lazy(() => import('./pages/SendPlanPage').then((module) => ({ default: module.SendPlanPage })));
const ImportBundlePage = lazy(() => import('./pages/ImportBundlePage').then((module) => ({ default: module.ImportBundlePage })));

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address. Go back to the plans.</p>
    </Page>
  );
}

function Footer() {
  const info = useContractQuery('app.info', {});
  useEffect(() => {
    // Tests and the desktop shell wait for this named state, never for a fixed delay.
    if (info.data) document.documentElement.dataset.appState = 'loaded';
  }, [info.data]);
  if (!info.data) return null;
  return (
    <footer className="app-footer">
      <p>
        Getting to Good {info.data.version}. Your data is kept on this computer in {info.data.dataDirectory}.
      </p>
    </footer>
  );
}

export function App() {
  // A host that could not open a damaged database answers only its recovery methods: the page
  // then offers the latest good backup instead of the app.
  const recovery = useContractQuery('recovery.status', {});
  if (recovery.isPending) return null;
  if (recovery.data?.state === 'damaged') return <RecoveryPage status={recovery.data} />;
  return <OpenApp />;
}

function OpenApp() {
  useChangeEvents();
  return (
    <HashRouter>
      <Routes>
        {/* A pack's print view stands alone: no header, navigation or footer on the page. */}
        <Route
          path="/print/packs/:packId"
          element={
            <Suspense fallback={null}>
              <PrintPackPage />
            </Suspense>
          }
        />
        <Route path="*" element={<AppShell />} />
      </Routes>
    </HashRouter>
  );
}

function AppShell() {
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to main content
      </a>
      <header className="app-header">
        <p className="app-name">Getting to Good</p>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Plans
              </NavLink>
            </li>
            <li>
              <NavLink to="/plans/new">New plan</NavLink>
            </li>
            <li>
              <NavLink to="/import">Import a bundle</NavLink>
            </li>
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
          </ul>
        </nav>
        <UndoControls />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Routes>
            <Route path="/" element={<PlansPage />} />
            <Route path="/plans/new" element={<NewPlanPage />} />
            <Route path="/plans/:planId" element={<PlanLayout />}>
              <Route index element={<AttentionPage />} />
              <Route path="overview" element={<PlanOverviewPage />} />
              <Route path="actions" element={<ActionsPage />} />
              <Route path="actions/:actionId" element={<ActionPage />} />
              <Route path="import-tracker" element={<TrackerImportPage />} />
              <Route path="recommendations" element={<RecommendationsPage />} />
              <Route path="themes" element={<ThemesPage />} />
              <Route path="reviews" element={<ReviewsPage />} />
              <Route path="kpis" element={<KpiLayout />}>
                <Route index element={<ScorecardPage />} />
                <Route path="values" element={<KpiValuesPage />} />
                <Route path="definitions" element={<KpiDefinitionsPage />} />
                <Route path="import-published" element={<DfeImportPage />} />
                <Route path="import-figures" element={<FiguresImportPage />} />
                <Route path=":kpiId" element={<KpiPage />} />
              </Route>
              <Route path="packs" element={<PacksPage />} />
              <Route path="packs/:packId" element={<PackPage />} />
              <Route path="workforce" element={<WorkforcePage />} />
              <Route path="finance" element={<FinancePage />} />
              <Route path="timeline" element={<TimelinePage />} />
              <Route path="deadlines" element={<DeadlinesPage />} />
              <Route path="meetings" element={<MeetingsPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="versions" element={<VersionsPage />} />
              <Route path="history" element={<HistoryPage />} />
              <Route path="send" element={<SendPlanPage />} />
            </Route>
            <Route path="/import" element={<ImportBundlePage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
      <Footer />
    </>
  );
}
