import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import type { KpiSeries } from '../../../shared/contract-kpis';
import { formatKpiValue } from '../../../shared/format';
import type { Direction } from '../../../shared/kpi-rag';
import { periodLabel } from '../../../shared/periods';
import { FREQUENCY_LABELS, KPI_UNIT_LABELS, POLARITY_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { KpiChart } from '../components/kpi-chart';
import { latestAndTravel, ruleBehind, targetInWords } from '../components/kpi-chart-data';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { usePlan } from './PlanLayout';

/** Printing "this chart" prints the page with everything but the heading, the latest figure and the chart set aside. */
const PRINT_ATTRIBUTE = 'data-printing';

function printChart() {
  document.documentElement.setAttribute(PRINT_ATTRIBUTE, 'kpi-chart');
  window.print();
}

const TRAVEL_ARROWS: Record<Direction, string> = { improving: '▲', worsening: '▼', 'no-change': '▶', unknown: '–' };

function travelArrow(direction: Direction, series: KpiSeries): string {
  // The arrow points the way the value moved; whether that is good is said in words beside it.
  const latest = series.points.at(-1)?.value ?? null;
  const previous = series.points.at(-2)?.value ?? null;
  if ((direction === 'improving' || direction === 'worsening') && latest !== null && previous !== null) return latest > previous ? '▲' : '▼';
  return TRAVEL_ARROWS[direction];
}

function Latest({ series }: { series: KpiSeries }) {
  const { kpi } = series;
  const { latest, travel } = latestAndTravel(series);
  if (!latest) return <p className="lead">No values have been recorded for this KPI yet.</p>;
  return (
    <section aria-labelledby="kpi-latest" className="kpi-latest">
      <h2 id="kpi-latest">Latest: {latest.label}</h2>
      <p className="kpi-latest-value">
        {formatKpiValue(latest.value, kpi.unit, latest.suppressionCode)}
        {latest.provisional ? <span className="tag">Provisional</span> : null}
      </p>
      <dl className="kpi-latest-facts">
        <div>
          <dt>Rating</dt>
          <dd>
            <RagBadge rag={latest.rating.rag} /> <span className="kpi-rule">{ruleBehind(latest.rating.explanation)}</span>
          </dd>
        </div>
        <div>
          <dt>Direction of travel</dt>
          <dd className={`kpi-travel kpi-travel-${travel.direction}`}>
            <span aria-hidden="true" className="kpi-travel-arrow">
              {travelArrow(travel.direction, series)}
            </span>{' '}
            {travel.explanation}
          </dd>
        </div>
        {latest.note ? (
          <div>
            <dt>Note</dt>
            <dd>{latest.note}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Comparators({ series }: { series: KpiSeries }) {
  const { kpi } = series;
  if (series.comparators.length === 0) return <p>No comparator figures have been added for this KPI.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table kpi-comparators">
        <caption className="visually-hidden">The latest figure of each comparator</caption>
        <thead>
          <tr>
            <th scope="col">Comparator</th>
            <th scope="col">Period</th>
            <th scope="col" className="numeric">
              Latest value
            </th>
          </tr>
        </thead>
        <tbody>
          {series.comparators.map((comparator) => {
            const latest = comparator.points.at(-1);
            return (
              <tr key={`${comparator.kind}-${comparator.label}`}>
                <th scope="row">{comparator.label}</th>
                <td>{latest ? latest.label : '–'}</td>
                <td className="numeric">{latest ? formatKpiValue(latest.value, kpi.unit, latest.suppressionCode) : 'No figures'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function About({ series }: { series: KpiSeries }) {
  const { kpi } = series;
  const target = targetInWords(kpi);
  const isBand = kpi.targetLower !== null && kpi.targetUpper !== null;
  return (
    <dl className="facts">
      <div>
        <dt>Definition</dt>
        <dd>{kpi.definition ?? 'No definition has been written yet.'}</dd>
      </div>
      <div>
        <dt>Unit</dt>
        <dd>{KPI_UNIT_LABELS[kpi.unit]}</dd>
      </div>
      <div>
        <dt>Polarity</dt>
        <dd>{POLARITY_LABELS[kpi.polarity]}</dd>
      </div>
      <div>
        <dt>Frequency</dt>
        <dd>{FREQUENCY_LABELS[kpi.frequency]}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{kpi.source ?? 'Not recorded'}</dd>
      </div>
      <div>
        <dt>Baseline</dt>
        <dd>
          {kpi.baselineValue !== null
            ? `${formatKpiValue(kpi.baselineValue, kpi.unit)}${kpi.baselinePeriod ? ` in ${periodLabel(kpi.baselinePeriod)}` : ''}`
            : 'No baseline set'}
        </dd>
      </div>
      <div>
        <dt>Target</dt>
        <dd>
          {target ? (
            <>
              {isBand ? `A band of ${target}` : target} ({POLARITY_LABELS[kpi.polarity].toLowerCase()}).{' '}
              {isBand
                ? `Beyond the ${kpi.polarity === 'higher-is-better' ? 'upper' : 'lower'} target is green, within the band amber, beyond the ${kpi.polarity === 'higher-is-better' ? 'lower' : 'upper'} target red.`
                : (kpi.tolerance ?? 0) !== 0
                  ? 'Meeting the target is green, missing it by no more than the tolerance amber, anything worse red.'
                  : 'Meeting the target is green, missing it red.'}
            </>
          ) : (
            'No target set: values are not rated.'
          )}
        </dd>
      </div>
    </dl>
  );
}

function Links({ series, planId }: { series: KpiSeries; planId: string }) {
  const { kpi } = series;
  return (
    <>
      <h3>Themes</h3>
      {kpi.themes.length === 0 ? (
        <p>Not linked to a theme.</p>
      ) : (
        <ul>
          {kpi.themes.map((theme) => (
            <li key={theme.id}>
              <Link to={`/plans/${planId}/themes`}>
                {theme.reference} {theme.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3>Actions</h3>
      {kpi.actions.length === 0 ? (
        <p>No action is linked to this KPI.</p>
      ) : (
        <ul>
          {kpi.actions.map((action) => (
            <li key={action.id}>
              <Link to={`/plans/${planId}/actions/${action.id}`}>
                {action.reference} {action.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function KpiPage() {
  const plan = usePlan();
  const { kpiId = '' } = useParams();
  const series = useContractQuery('kpis.series', { kpiId });

  useEffect(() => {
    const done = () => document.documentElement.removeAttribute(PRINT_ATTRIBUTE);
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);

  if (series.error) {
    return (
      <Page title="KPI not found" caption={plan.title}>
        <ErrorNotice error={series.error} title="The KPI could not be opened" />
        <p>
          <Link to={`/plans/${plan.id}/kpis`}>Go to the plan’s KPIs</Link> to choose another.
        </p>
      </Page>
    );
  }
  if (!series.data) return <Loading what="the KPI" />;
  const data = series.data;
  const { kpi } = data;
  return (
    <Page
      title={`KPI ${kpi.reference}`}
      heading={
        <>
          <span className="heading-reference">{kpi.reference}</span> {kpi.name}
        </>
      }
      caption={plan.title}
      actions={
        <Button className="button" onPress={printChart}>
          Print this chart
        </Button>
      }
    >
      <div className="kpi-page">
        <Latest series={data} />
        <section aria-labelledby="kpi-trend" className="kpi-trend">
          <h2 id="kpi-trend">Trend against target</h2>
          <KpiChart series={data} ownLabel={plan.authorityName} />
        </section>
        <section aria-labelledby="kpi-comparators" className="kpi-page-more">
          <h2 id="kpi-comparators">Comparators</h2>
          <Comparators series={data} />
        </section>
        <section aria-labelledby="kpi-about" className="kpi-page-more">
          <h2 id="kpi-about">About this KPI</h2>
          <About series={data} />
          <p className="kpi-page-links">
            <Link to={`/plans/${plan.id}/kpis/values`}>Enter or correct values</Link>
            <Link to={`/plans/${plan.id}/kpis/definitions`}>Change the definition or target</Link>
            <Link to={`/plans/${plan.id}/kpis`}>Back to the scorecard</Link>
          </p>
        </section>
        <section aria-labelledby="kpi-links" className="kpi-page-more">
          <h2 id="kpi-links">What it is linked to</h2>
          <Links series={data} planId={plan.id} />
        </section>
      </div>
    </Page>
  );
}
