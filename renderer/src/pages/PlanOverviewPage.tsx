import type { KpiTile, PlanOverview } from '../../../shared/contract';
import { formatLongDate, formatShortDate, londonDate } from '../../../shared/dates';
import { formatKpiValue } from '../../../shared/format';
import { directionOfTravel, rateKpiValue } from '../../../shared/kpi-rag';
import { periodLabel } from '../../../shared/periods';
import { RAG_DISPLAY, RAG_VALUES, type Rag } from '../../../shared/rag';
import { CLASSIFICATION_LABELS, FRAMEWORK_LABELS, JUDGEMENT_LABELS } from '../../../shared/vocabulary';
import { FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { FormDialog } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { ActionsTable } from '../components/ActionsTable';
import { RagBadge, RagCountList } from '../components/RagBadge';
import { usePlan } from './PlanLayout';

function targetText(kpi: KpiTile): string {
  if (kpi.targetLower !== null && kpi.targetUpper !== null) {
    return `Target ${formatKpiValue(kpi.targetLower, kpi.unit)} to ${formatKpiValue(kpi.targetUpper, kpi.unit)}`;
  }
  if (kpi.targetValue !== null) return `Target ${formatKpiValue(kpi.targetValue, kpi.unit)}`;
  return 'No target set';
}

function KpiTiles({ planId, kpis }: { planId: string; kpis: KpiTile[] }) {
  if (kpis.length === 0) return <p>No KPIs have been agreed for this plan yet.</p>;
  return (
    <ul className="kpi-tiles">
      {kpis.map((kpi) => {
        const rating = kpi.latest ? rateKpiValue(kpi, kpi.latest.value) : null;
        const travel = kpi.latest
          ? directionOfTravel(kpi.unit, kpi.polarity, kpi.latest.value, kpi.previous?.value ?? null, kpi.previous ? periodLabel(kpi.previous.period) : '')
          : null;
        return (
          <li key={kpi.id} className="kpi-tile">
            <h3>
              <Link to={`/plans/${planId}/kpis/${kpi.id}`}>
                <span className="muted">{kpi.reference}</span> {kpi.name}
              </Link>
            </h3>
            {kpi.latest ? (
              <>
                <p className="kpi-value">{formatKpiValue(kpi.latest.value, kpi.unit, kpi.latest.suppressionCode)}</p>
                <p className="kpi-period">
                  {periodLabel(kpi.latest.period)}
                  {kpi.latest.provisional ? <span className="tag">Provisional</span> : null}
                </p>
              </>
            ) : (
              <p className="kpi-value muted">No values yet</p>
            )}
            <p className="kpi-target">{targetText(kpi)}</p>
            {rating ? (
              <p className="kpi-rag">
                <RagBadge rag={rating.rag} />
                <span className="visually-hidden"> against target. </span>
                <span className="small">{rating.explanation}</span>
              </p>
            ) : null}
            {travel && travel.direction !== 'unknown' ? <p className="kpi-travel">{travel.explanation}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Facts({ overview }: { overview: PlanOverview }) {
  const { plan, inspection } = overview;
  return (
    <dl className="facts">
      <div>
        <dt>Council</dt>
        <dd>{plan.authorityName}</dd>
      </div>
      {inspection ? (
        <div>
          <dt>Inspection</dt>
          <dd>
            {FRAMEWORK_LABELS[inspection.framework]}, {formatLongDate(inspection.startDate)}
            {inspection.overallJudgement ? `: ${JUDGEMENT_LABELS[inspection.overallJudgement]}` : ''}
          </dd>
        </div>
      ) : null}
      {inspection?.reportReceivedDate ? (
        <div>
          <dt>Report received</dt>
          <dd>{formatLongDate(inspection.reportReceivedDate)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Runs</dt>
        <dd>
          {plan.startDate ? formatLongDate(plan.startDate) : 'Start not set'} to{' '}
          {plan.endDate ? formatLongDate(plan.endDate) : 'end not set'}
        </dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>{plan.version}</dd>
      </div>
    </dl>
  );
}

function RagMeaningsForm({ planId, meanings }: { planId: string; meanings: Partial<Record<Rag, string>> }) {
  const update = useContractMutation('plans.update');
  return (
    <FormDialog
      trigger="Change what the ratings mean"
      title="What each rating means in this plan"
      submitLabel="Save the meanings"
      mutation={update}
      onSubmit={(form, close) => {
        const meaning = (rag: Rag) => String(form.get(rag) ?? '');
        update.mutate(
          { planId, ragMeanings: { red: meaning('red'), amber: meaning('amber'), green: meaning('green'), blue: meaning('blue') } },
          { onSuccess: close },
        );
      }}
    >
      <p>Boards agree what each rating means; the meanings show wherever this plan’s RAG ratings do.</p>
      {RAG_VALUES.map((rag) => (
        <TextField key={rag} name={rag} className="field" defaultValue={meanings[rag] ?? ''} isRequired>
          <Label>{RAG_DISPLAY[rag].label} means</Label>
          <TextArea rows={2} />
          <FieldError className="field-error" />
        </TextField>
      ))}
    </FormDialog>
  );
}

export function PlanOverviewPage() {
  const { id: planId, title } = usePlan();
  const overview = useContractQuery('plans.overview', { planId });
  if (overview.isPending) return <Loading what="the plan" />;
  if (overview.error) {
    return (
      <Page title="Overview" caption={title}>
        <ErrorNotice error={overview.error} title="The plan could not be opened" />
      </Page>
    );
  }
  const data = overview.data;
  const { plan } = data;
  const today = londonDate(new Date());
  const unthemed = data.actions.filter((action) => action.themeId === null);
  return (
    <Page title="Overview" caption={plan.title}>
      <p className="marking">{CLASSIFICATION_LABELS[plan.classification]}</p>
      {plan.summary ? <p className="lead">{plan.summary}</p> : null}
      <Facts overview={data} />

      <section aria-labelledby="at-a-glance">
        <h2 id="at-a-glance">At a glance</h2>
        <ul className="stats">
          <li>
            <span className="stat-number">{plan.actionCount}</span> actions
          </li>
          <li>
            <span className="stat-number">{plan.overdueCount}</span> overdue
          </li>
          <li>
            <span className="stat-number">{data.recommendationCount}</span> recommendations,{' '}
            {data.uncoveredRecommendationCount === 0
              ? 'all answered by an action'
              : `${data.uncoveredRecommendationCount} with no live action`}
          </li>
          <li>
            <span className="stat-number">{data.reviewCount}</span> monitoring visits and reviews
          </li>
        </ul>
        <RagCountList counts={plan.ragCounts} label="Actions by RAG rating" showUnrated />
        <details className="rag-meanings">
          <summary>What the RAG ratings mean in this plan</summary>
          <dl>
            {RAG_VALUES.map((rag) => (
              <div key={rag}>
                <dt>
                  <RagBadge rag={rag} />
                </dt>
                <dd>{plan.ragMeanings[rag] ?? RAG_DISPLAY[rag].label}</dd>
              </div>
            ))}
          </dl>
          <RagMeaningsForm planId={plan.id} meanings={plan.ragMeanings} />
        </details>
      </section>

      {data.stages.length > 0 ? (
        <section aria-labelledby="stages">
          <h2 id="stages">Stages</h2>
          <ol className="stages">
            {data.stages.map((stage) => (
              <li key={stage.id}>
                <strong>{stage.name}</strong>
                <span className="muted">
                  {' '}
                  {stage.startDate ? formatShortDate(stage.startDate) : ''}
                  {stage.endDate ? ` to ${formatShortDate(stage.endDate)}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="kpis">
        <h2 id="kpis">Key performance indicators</h2>
        <KpiTiles planId={data.plan.id} kpis={data.kpis} />
      </section>

      <section aria-labelledby="themes">
        <h2 id="themes">Themes and actions</h2>
        {data.themes.length === 0 && data.actions.length === 0 ? <p>This plan has no themes or actions yet.</p> : null}
        {data.themes.map((theme) => (
          <section key={theme.id} className="theme" aria-labelledby={`theme-${theme.id}`}>
            <h3 id={`theme-${theme.id}`}>
              {theme.reference}. {theme.title}
            </h3>
            <p className="muted">
              {theme.leadName ? `Theme lead: ${theme.leadName}. ` : ''}
              {RAG_VALUES.map((rag) => `${RAG_DISPLAY[rag].label} ${theme.ragCounts[rag]}`).join(', ')}
            </p>
            <ActionsTable
              caption={`Actions of theme ${theme.reference}`}
              actions={data.actions.filter((action) => action.themeId === theme.id)}
              today={today}
            />
          </section>
        ))}
        {unthemed.length > 0 ? (
          <section className="theme" aria-labelledby="theme-none">
            <h3 id="theme-none">Actions not yet in a theme</h3>
            <ActionsTable caption="Actions not yet in a theme" actions={unthemed} today={today} />
          </section>
        ) : null}
      </section>
    </Page>
  );
}
