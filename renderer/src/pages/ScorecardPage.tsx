import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ComparatorLatest, ScorecardRow } from '../../../shared/contract-kpis';
import { formatKpiValue } from '../../../shared/format';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { Sparkline } from '../components/sparkline';
import { TravelMark } from '../components/kpi-travel';
import { SpreadsheetDownloads } from '../components/tracker-downloads';
import { usePlan } from './PlanLayout';

const COMPARATOR_COLUMNS: { kind: ComparatorLatest['kind']; heading: string }[] = [
  { kind: 'england', heading: 'England' },
  { kind: 'region', heading: 'Region' },
  { kind: 'statistical-neighbours', heading: 'Statistical neighbours' },
];

function Comparator({ row, kind }: { row: ScorecardRow; kind: ComparatorLatest['kind'] }) {
  const comparator = row.comparators.find((candidate) => candidate.kind === kind);
  if (!comparator) return <span className="muted">–</span>;
  return (
    <>
      {formatKpiValue(comparator.value, row.unit, comparator.suppressionCode)}
      <span className="small muted block">{comparator.periodLabel}</span>
      {kind === 'region' ? <span className="visually-hidden"> ({comparator.label})</span> : null}
    </>
  );
}

function ScorecardTable({ planId, title, rows, id }: { planId: string; title: string; rows: ScorecardRow[]; id: string }) {
  return (
    <section aria-labelledby={id} className="scorecard-group">
      <h2 id={id}>{title}</h2>
      <div className="table-scroll">
        <table className="data-table scorecard">
          <caption className="visually-hidden">{title}: each KPI’s latest value against its target, direction of travel and comparators</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" className="numeric">
                Latest
              </th>
              <th scope="col">Target</th>
              <th scope="col">RAG against target</th>
              <th scope="col">Direction of travel</th>
              {COMPARATOR_COLUMNS.map((column) => (
                <th key={column.kind} scope="col" className="numeric">
                  {column.heading}
                </th>
              ))}
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/plans/${planId}/kpis/${row.id}`}>
                    <span className="muted">{row.reference}</span> {row.name}
                  </Link>
                </th>
                <td className="numeric">
                  {row.latest ? (
                    <>
                      <span className="scorecard-value">{formatKpiValue(row.latest.value, row.unit, row.latest.suppressionCode)}</span>
                      <span className="small muted block">
                        {row.latest.periodLabel}
                        {row.latest.provisional ? <span className="tag">Provisional</span> : null}
                      </span>
                    </>
                  ) : (
                    <span className="muted">No value yet</span>
                  )}
                </td>
                <td>{row.target ?? <span className="muted">No target</span>}</td>
                <td>
                  <RagBadge rag={row.rating.rag} />
                  <span className="small block">{row.rating.explanation}</span>
                </td>
                <td>
                  <TravelMark travel={row.travel} />
                </td>
                {COMPARATOR_COLUMNS.map((column) => (
                  <td key={column.kind} className="numeric">
                    <Comparator row={row} kind={column.kind} />
                  </td>
                ))}
                <td>
                  <Sparkline values={row.sparkline} unit={row.unit} polarity={row.polarity} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ScorecardPage() {
  const plan = usePlan();
  const scorecard = useContractQuery('kpis.scorecard', { planId: plan.id });
  const drawn = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Tests and benchmarks wait for this, never for a fixed delay.
    if (scorecard.data && drawn.current) drawn.current.dataset.scorecardDrawn = 'true';
  }, [scorecard.data]);
  return (
    <Page
      title="KPI scorecard"
      caption={plan.title}
      actions={
        <>
          <SpreadsheetDownloads planId={plan.id} what="KPIs" csv="csv-kpi-values" />
          <button type="button" className="button" onClick={() => window.print()}>
            Print the scorecard
          </button>
        </>
      }
    >
      {scorecard.isPending ? <Loading what="the scorecard" /> : null}
      {scorecard.error ? <ErrorNotice error={scorecard.error} title="The scorecard could not be read" /> : null}
      {scorecard.data ? (
        <div ref={drawn} className="scorecard-groups">
          {scorecard.data.kpiCount === 0 ? (
            <p>
              No KPIs have been agreed for this plan yet. <Link to={`/plans/${plan.id}/kpis/definitions`}>Define KPIs or add them from the DfE catalogue</Link>.
            </p>
          ) : (
            <p className="muted">
              {scorecard.data.kpiCount} KPIs, grouped by theme. A KPI linked to more than one theme appears under each. Each RAG says the threshold behind it.
            </p>
          )}
          {scorecard.data.groups.map((group) => (
            <ScorecardTable
              key={group.theme?.id ?? 'none'}
              id={`scorecard-${group.theme?.id ?? 'none'}`}
              planId={plan.id}
              title={group.theme ? `${group.theme.reference}. ${group.theme.title}` : 'Not linked to a theme'}
              rows={group.rows}
            />
          ))}
        </div>
      ) : null}
    </Page>
  );
}
