import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { Attention } from '../../../shared/contract';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useServerErrors } from '../components/server-errors';
import { ActionsTable } from '../components/ActionsTable';
import { RagBadge } from '../components/RagBadge';
import { DeadlineDate } from './DeadlinesPage';
import { usePlan } from './PlanLayout';

function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="attention-section">
      <h2 id={id}>
        {title} <span className="count">{count}</span>
      </h2>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

function RulesForm({ planId, rules }: { planId: string; rules: Attention['rules'] }) {
  const update = useContractMutation('attention.updateRules');
  const [saved, setSaved] = useState(false);
  const { error, fieldErrors, hasFieldErrors, clearOnInput } = useServerErrors(update);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    update.mutate(
      {
        planId,
        staleAfterDays: Number(form.get('staleAfterDays')),
        lookAheadDays: Number(form.get('lookAheadDays')),
        escalateAfterRedQuarters: Number(form.get('escalateAfterRedQuarters')),
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  const numberField = (name: keyof Attention['rules'], label: string, hint: string) => (
    <TextField name={name} type="number" className="field field-narrow" defaultValue={String(rules[name])} isRequired>
      <Label>{label}</Label>
      <Text slot="description">{hint}</Text>
      <Input min={1} />
      <FieldError className="field-error" />
    </TextField>
  );

  return (
    <details className="rules">
      <summary>Change what counts as needing attention</summary>
      {error && !hasFieldErrors ? <ErrorNotice error={error} title="The rules were not saved" /> : null}
      <div onInput={clearOnInput}>
        <Form className="form" onSubmit={submit} validationErrors={fieldErrors} validationBehavior="aria">
          {numberField('lookAheadDays', 'Look ahead (days)', 'Dates and actions due within this many days are listed.')}
          {numberField('staleAfterDays', 'Chase after (days without an update)', 'An action under way with no update for this long is listed.')}
          {numberField(
            'escalateAfterRedQuarters',
            'Escalate after (quarters red in a row)',
            'The board’s rule, for example “red for two quarters in a row is escalated”.',
          )}
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={update.isPending}>
              Save the rules
            </Button>
            {saved ? (
              <p role="status" className="muted">
                Saved.
              </p>
            ) : null}
          </div>
        </Form>
      </div>
    </details>
  );
}

export function AttentionPage() {
  const plan = usePlan();
  const attention = useContractQuery('attention.get', { planId: plan.id });
  if (attention.isPending) return <Loading what="what needs attention" />;
  if (attention.error) return <ErrorNotice error={attention.error} title="What needs attention could not be worked out" />;
  const data = attention.data;
  const { rules } = data;
  const quarters = rules.escalateAfterRedQuarters;
  return (
    <Page title="Needs attention" caption={plan.title}>
      <p className="lead">
        As at {formatLongDate(data.today)}: what is due, late, silent or slipping in this plan.
      </p>
      <ul className="stats">
        <li>
          <a href="#deadlines-soon">
            <span className="stat-number">{data.deadlinesSoon.length}</span> statutory and expected dates soon
          </a>
        </li>
        <li>
          <a href="#overdue">
            <span className="stat-number">{data.overdueActions.length}</span> overdue actions
          </a>
        </li>
        <li>
          <a href="#stale">
            <span className="stat-number">{data.staleActions.length}</span> actions to chase
          </a>
        </li>
        <li>
          <a href="#kpis-of-concern">
            <span className="stat-number">{data.kpisOfConcern.length}</span> KPIs red or worsening
          </a>
        </li>
      </ul>

      <Section id="deadlines-soon" title={`Dates in the next ${rules.lookAheadDays} days`} count={data.deadlinesSoon.length} empty="No statutory or expected dates fall soon.">
        <ul className="plain-list">
          {data.deadlinesSoon.map((deadline) => (
            <li key={deadline.key}>
              <strong>{deadline.label}</strong>: <DeadlineDate deadline={deadline} />
              {deadline.statutory ? <span className="tag tag-warning">Statutory</span> : null}
              <br />
              <span className="muted small">{deadline.override ? `Agreed date: ${deadline.override.reason}` : deadline.rule}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="overdue" title="Overdue actions" count={data.overdueActions.length} empty="No action is past its due date.">
        <ActionsTable caption="Overdue actions" actions={data.overdueActions} today={data.today} showReason />
      </Section>

      <Section id="due-soon" title={`Actions due in the next ${rules.lookAheadDays} days`} count={data.actionsDueSoon.length} empty="No action falls due soon.">
        <ActionsTable caption="Actions due soon" actions={data.actionsDueSoon} today={data.today} showReason />
      </Section>

      <Section id="stale" title={`Actions not updated for ${rules.staleAfterDays} days`} count={data.staleActions.length} empty="Every action under way has a recent update.">
        <ActionsTable caption="Actions to chase for an update" actions={data.staleActions} today={data.today} showReason />
      </Section>

      <Section
        id="escalations"
        title={quarters === 1 ? 'Escalated: red this quarter' : `Escalated: red for ${quarters} quarters in a row`}
        count={data.escalations.length}
        empty="No action meets the board’s escalation rule."
      >
        <ActionsTable caption="Actions to escalate" actions={data.escalations} today={data.today} showReason />
      </Section>

      <Section id="kpis-of-concern" title="KPIs red or worsening" count={data.kpisOfConcern.length} empty="No KPI is red or worsening.">
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">KPIs red or worsening</caption>
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">KPI</th>
                <th scope="col">Latest</th>
                <th scope="col">RAG against target</th>
                <th scope="col">Direction of travel</th>
              </tr>
            </thead>
            <tbody>
              {data.kpisOfConcern.map((kpi) => (
                <tr key={kpi.id}>
                  <td>{kpi.reference}</td>
                  <th scope="row">
                    <Link to={`/plans/${plan.id}/kpis/${kpi.id}`}>{kpi.name}</Link>
                  </th>
                  <td>{kpi.latestLabel}</td>
                  <td>
                    <RagBadge rag={kpi.rag} />
                    <br />
                    <span className="small">{kpi.ragExplanation}</span>
                  </td>
                  <td>{kpi.travelExplanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section
        id="uncovered"
        title="Recommendations with no live action"
        count={data.uncoveredRecommendations.length}
        empty="Every recommendation is answered by at least one live action."
      >
        <ul className="plain-list">
          {data.uncoveredRecommendations.map((recommendation) => (
            <li key={recommendation.id}>
              <strong>Recommendation {recommendation.number}:</strong> {recommendation.text}
            </li>
          ))}
        </ul>
      </Section>

      <RulesForm planId={plan.id} rules={rules} />
    </Page>
  );
}
