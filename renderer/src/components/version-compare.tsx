import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ComparedAction, FieldChange, PlanVersion, VersionComparison } from '../../../shared/contract-versions';
import { formatShortDate } from '../../../shared/dates';
import type { Rag } from '../../../shared/rag';
import {
  ACTION_CHANGE_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  NOT_CARRIED_REASON_LABELS,
  PLAN_STATUS_LABELS,
  type ActionStatus,
} from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { Choice } from './Choice';
import { ErrorNotice, Loading } from './Page';
import { RagBadge } from './RagBadge';

const LONG_TEXT_FIELDS = new Set<FieldChange['field']>(['description', 'measuresOfSuccess']);

function FieldValue({ change, value }: { change: FieldChange; value: string | null }) {
  if (value === null) return <span className="muted">none</span>;
  switch (change.field) {
    case 'startDate':
    case 'currentDueDate':
    case 'completedDate':
      return <>{formatShortDate(value)}</>;
    case 'status':
      return <>{ACTION_STATUS_LABELS[value as ActionStatus] ?? value}</>;
    case 'rag':
      return <RagBadge rag={value as Rag} />;
    default:
      return <>{value}</>;
  }
}

function ChangeList({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{ACTION_CHANGE_FIELD_LABELS[change.field]}:</span>{' '}
          {LONG_TEXT_FIELDS.has(change.field) ? (
            <details className="small">
              <summary>changed; show the earlier and later text</summary>
              <p>
                <strong>Was:</strong> <FieldValue change={change} value={change.from} />
              </p>
              <p>
                <strong>Now:</strong> <FieldValue change={change} value={change.to} />
              </p>
            </details>
          ) : (
            <>
              <FieldValue change={change} value={change.from} /> <span aria-hidden="true">→</span>
              <span className="visually-hidden">changed to</span> <FieldValue change={change} value={change.to} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function actionLink(planId: string, action: ComparedAction) {
  return <Link to={`/plans/${planId}/actions/${action.id}`}>{action.title}</Link>;
}

function Part({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="comparison-part">
      <h3 id={id}>
        {title} <span className="count">{count}</span>
      </h3>
      {count === 0 ? <p className="muted">None.</p> : children}
    </section>
  );
}

function ActionTable({ caption, planId, actions, extra }: { caption: string; planId: string; actions: ComparedAction[]; extra?: (action: ComparedAction) => ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">RAG</th>
            <th scope="col">Due</th>
            {extra ? <th scope="col">Why</th> : null}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">{action.reference}</th>
              <td>{actionLink(planId, action)}</td>
              <td>{ACTION_STATUS_LABELS[action.status]}</td>
              <td>
                <RagBadge rag={action.rag} />
              </td>
              <td className="nowrap">{action.currentDueDate ? formatShortDate(action.currentDueDate) : 'Not set'}</td>
              {extra ? <td>{extra(action)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComparisonView({ comparison }: { comparison: VersionComparison }) {
  const { from, to, actions, themes, recommendations } = comparison;
  const themeChanges = themes.added.length + themes.removed.length + themes.renamed.length;
  const recommendationChanges = recommendations.added.length + recommendations.removed.length;
  return (
    <div className="comparison" data-testid="comparison">
      <p>
        From version {from.version} to version {to.version}: {actions.changed.length} actions changed, {actions.added.length} added,{' '}
        {actions.removed.length} not carried forward, and {actions.unchangedCount} carried forward unchanged.
      </p>
      <Part id="compare-changed" title="Actions changed" count={actions.changed.length}>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Actions changed between the two versions, with each field earlier and later</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Action</th>
                <th scope="col">What changed (version {from.version} → version {to.version})</th>
              </tr>
            </thead>
            <tbody>
              {actions.changed.map((change) => (
                <tr key={change.to.id}>
                  <th scope="row">{change.to.reference}</th>
                  <td>{actionLink(to.id, change.to)}</td>
                  <td>
                    <ChangeList changes={change.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Part>
      <Part id="compare-added" title={`Actions added in version ${to.version}`} count={actions.added.length}>
        <ActionTable caption="Actions added" planId={to.id} actions={actions.added} />
      </Part>
      <Part id="compare-removed" title="Actions not carried forward" count={actions.removed.length}>
        <ActionTable
          caption={`Actions of version ${from.version} not in version ${to.version}, with why`}
          planId={from.id}
          actions={actions.removed}
          extra={(action) => NOT_CARRIED_REASON_LABELS[(action as (typeof actions.removed)[number]).reason]}
        />
      </Part>
      <Part id="compare-themes" title="Themes" count={themeChanges}>
        <ul className="plain-list">
          {themes.added.map((theme) => (
            <li key={theme.id}>
              <span className="tag">Added</span> {theme.reference} {theme.title}
            </li>
          ))}
          {themes.removed.map((theme) => (
            <li key={theme.id}>
              <span className="tag">Removed</span> {theme.reference} {theme.title}
            </li>
          ))}
          {themes.renamed.map((theme) => (
            <li key={theme.id}>
              <span className="tag">Renamed</span> {theme.reference} {theme.fromTitle} <span aria-hidden="true">→</span>
              <span className="visually-hidden">renamed</span> {theme.toTitle}
            </li>
          ))}
        </ul>
      </Part>
      <Part id="compare-recommendations" title="Recommendations" count={recommendationChanges}>
        <ul className="plain-list">
          {recommendations.added.map((recommendation) => (
            <li key={recommendation.id}>
              <span className="tag">Added</span> {recommendation.number}. {recommendation.text}
            </li>
          ))}
          {recommendations.removed.map((recommendation) => (
            <li key={recommendation.id}>
              <span className="tag">Removed</span> {recommendation.number}. {recommendation.text}
            </li>
          ))}
        </ul>
      </Part>
    </div>
  );
}

function Comparison({ fromPlanId, toPlanId }: { fromPlanId: string; toPlanId: string }) {
  const comparison = useContractQuery('plans.compare', { fromPlanId, toPlanId });
  if (comparison.isPending) return <Loading what="the comparison" />;
  if (comparison.error) return <ErrorNotice error={comparison.error} title="The versions could not be compared" />;
  return <ComparisonView comparison={comparison.data} />;
}

/** Any two versions of the plan side by side: what was added, left behind and changed. */
export function CompareVersions({ versions, viewingId }: { versions: PlanVersion[]; viewingId: string }) {
  const viewing = versions.findIndex((version) => version.id === viewingId);
  const laterIndex = viewing > 0 ? viewing : Math.min(1, versions.length - 1);
  const [fromId, setFromId] = useState(versions[laterIndex - 1]?.id ?? '');
  const [toId, setToId] = useState(versions[laterIndex]?.id ?? '');
  const ids = versions.map((version) => version.id);
  const labels = Object.fromEntries(
    versions.map((version) => [version.id, `Version ${version.version} (${PLAN_STATUS_LABELS[version.status].toLowerCase()})`]),
  );
  return (
    <section aria-labelledby="compare-heading">
      <div className="section-header">
        <h2 id="compare-heading">Compare two versions</h2>
      </div>
      <div className="field-row">
        <Choice label="Earlier version" name="fromPlanId" options={ids} labels={labels} value={fromId} onChange={setFromId} />
        <Choice label="Later version" name="toPlanId" options={ids} labels={labels} value={toId} onChange={setToId} />
      </div>
      {fromId === toId ? <p>Choose two different versions to compare.</p> : <Comparison fromPlanId={fromId} toPlanId={toId} />}
    </section>
  );
}
