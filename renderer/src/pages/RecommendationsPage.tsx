import { useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { ActionRow } from '../../../shared/contract';
import type { Recommendation, Theme } from '../../../shared/contract-setup';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { FormDialog, RemoveDialog } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { actionPath, AnsweringActionList, LongTextField } from '../components/setup-fields';
import { PasteRecommendationsDialog } from '../components/setup-paste-dialog';
import { usePlan } from './PlanLayout';

/** Answered or not, as a word and a shape as well as a colour. */
function CoverageFlag({ recommendation }: { recommendation: Recommendation }) {
  if (recommendation.covered) {
    return (
      <span className="coverage coverage-covered">
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" />
          <polyline points="4.5,8.5 7,11 11.5,5.5" />
        </svg>
        Answered
      </span>
    );
  }
  const onlySuperseded = recommendation.actions.length > 0;
  return (
    <span className="coverage coverage-uncovered">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <polygon points="8,1 15.5,15 0.5,15" />
        <rect x="7.1" y="5.5" width="1.8" height="5" />
        <rect x="7.1" y="11.8" width="1.8" height="1.8" />
      </svg>
      {onlySuperseded ? 'Not answered: only superseded actions' : 'Not answered: no live action'}
    </span>
  );
}

function EditRecommendation({ recommendation }: { recommendation: Recommendation }) {
  const update = useContractMutation('recommendations.update');
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit recommendation ${recommendation.number}`}
      title={`Edit recommendation ${recommendation.number}`}
      submitLabel="Save the recommendation"
      mutation={update}
      onSubmit={(form, close) =>
        update.mutate(
          { recommendationId: recommendation.id, number: Number(form.get('number')), text: String(form.get('text') ?? '') },
          { onSuccess: close },
        )
      }
    >
      <TextField name="number" type="number" className="field field-narrow" defaultValue={String(recommendation.number)} isRequired>
        <Label>Number</Label>
        <Text slot="description">As numbered in the report.</Text>
        <Input min={1} />
        <FieldError className="field-error" />
      </TextField>
      <LongTextField name="text" label="Recommendation" defaultValue={recommendation.text} rows={5} isRequired />
    </FormDialog>
  );
}

function ChooseThemes({ planId, recommendation, themes }: { planId: string; recommendation: Recommendation; themes: Theme[] }) {
  const setThemes = useContractMutation('recommendations.setThemes');
  const [chosen, setChosen] = useState(recommendation.themes.map((theme) => theme.id));
  return (
    <FormDialog
      trigger="Themes"
      triggerClassName="button button-small"
      triggerLabel={`Choose the themes of recommendation ${recommendation.number}`}
      title={`Themes of recommendation ${recommendation.number}`}
      submitLabel="Save the themes"
      mutation={setThemes}
      onClose={() => setChosen(recommendation.themes.map((theme) => theme.id))}
      onSubmit={(_form, close) => setThemes.mutate({ recommendationId: recommendation.id, themeIds: chosen }, { onSuccess: close })}
    >
      <p className="muted">{recommendation.text}</p>
      {themes.length === 0 ? (
        <p>
          This plan has no themes yet. <Link to={`/plans/${planId}/themes`}>Add the themes</Link> first.
        </p>
      ) : (
        <CheckboxGroup name="themeIds" className="field" value={chosen} onChange={setChosen}>
          <Label>The themes it belongs to</Label>
          <div className="checkbox-list">
            {themes.map((theme) => (
              <Checkbox key={theme.id} value={theme.id} className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                {theme.reference}. {theme.title}
              </Checkbox>
            ))}
          </div>
          <FieldError className="field-error" />
        </CheckboxGroup>
      )}
    </FormDialog>
  );
}

function DeleteRecommendation({ recommendation }: { recommendation: Recommendation }) {
  const remove = useContractMutation('recommendations.delete');
  const live = recommendation.actions.filter((action) => action.status !== 'superseded').length;
  return (
    <RemoveDialog
      verb="Delete"
      what={`recommendation ${recommendation.number}`}
      submitLabel="Delete the recommendation"
      mutation={remove}
      onRemove={(close) => remove.mutate({ recommendationId: recommendation.id }, { onSuccess: close })}
    >
      <p className="muted">{recommendation.text}</p>
      {recommendation.actions.length > 0 ? (
        <p>
          {recommendation.actions.length === 1 ? 'One action answers' : `${recommendation.actions.length} actions answer`} it
          {live !== recommendation.actions.length ? ` (${live} live)` : ''}. The actions stay in the plan but will no longer answer it; any that
          answer nothing else are then listed under “Actions that answer no recommendation”.
        </p>
      ) : null}
      <p>The other recommendations keep their numbers. The deletion is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

function RecommendationItem({ planId, recommendation, themes }: { planId: string; recommendation: Recommendation; themes: Theme[] }) {
  const headingId = `recommendation-${recommendation.id}`;
  return (
    <li>
      <article className={`recommendation${recommendation.covered ? '' : ' recommendation-uncovered'}`} aria-labelledby={headingId}>
        <div className="recommendation-header">
          <h2 id={headingId}>Recommendation {recommendation.number}</h2>
          <CoverageFlag recommendation={recommendation} />
        </div>
        <p className="recommendation-text">{recommendation.text}</p>
        <dl className="recommendation-facts">
          <div>
            <dt>Themes</dt>
            <dd>
              {recommendation.themes.length === 0
                ? 'None chosen'
                : recommendation.themes.map((theme) => `${theme.reference}. ${theme.title}`).join('; ')}
            </dd>
          </div>
          <div>
            <dt>Answered by</dt>
            <dd>
              {recommendation.actions.length === 0 ? (
                'No action yet'
              ) : (
                <AnsweringActionList planId={planId} actions={recommendation.actions} label={`Actions answering recommendation ${recommendation.number}`} />
              )}
            </dd>
          </div>
        </dl>
        <div className="row-actions">
          <EditRecommendation recommendation={recommendation} />
          <ChooseThemes
            key={recommendation.themes.map((theme) => theme.id).join()}
            planId={planId}
            recommendation={recommendation}
            themes={themes}
          />
          <DeleteRecommendation recommendation={recommendation} />
        </div>
      </article>
    </li>
  );
}

/** Live actions linked to no recommendation: after a deletion, or made from a visit's finding. */
function ActionsAnsweringNothing({ planId, actions, recommendations }: { planId: string; actions: ActionRow[]; recommendations: Recommendation[] }) {
  const answering = new Set(recommendations.flatMap((recommendation) => recommendation.actions.map((action) => action.id)));
  const unlinked = actions.filter((action) => action.status !== 'superseded' && !answering.has(action.id));
  return (
    <section aria-labelledby="answering-nothing">
      <h2 id="answering-nothing">
        Actions that answer no recommendation <span className="count">{unlinked.length}</span>
      </h2>
      {unlinked.length === 0 ? (
        <p className="muted">Every live action answers at least one recommendation.</p>
      ) : (
        <>
          <p className="muted">Some answer a monitoring visit’s findings instead; link the others to a recommendation from the action’s page.</p>
          <ul className="answering-actions">
            {unlinked.map((action) => (
              <li key={action.id}>
                <Link to={actionPath(planId, action.id)} className="answering-reference">
                  {action.reference}
                </Link>{' '}
                {action.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function RecommendationsPage() {
  const plan = usePlan();
  const recommendations = useContractQuery('recommendations.list', { planId: plan.id });
  const themes = useContractQuery('themes.list', { planId: plan.id });
  const actions = useContractQuery('actions.list', { planId: plan.id });
  const [added, setAdded] = useState<string | null>(null);
  const [onlyUncovered, setOnlyUncovered] = useState(false);

  const failed = recommendations.error ?? themes.error ?? actions.error;
  if (failed) return <ErrorNotice error={failed} title="The recommendations could not be loaded" />;
  if (!recommendations.data || !themes.data || !actions.data) return <Loading what="the recommendations" />;

  const list = recommendations.data;
  const uncovered = list.filter((recommendation) => !recommendation.covered);
  const nextNumber = list.reduce((highest, recommendation) => Math.max(highest, recommendation.number), 0) + 1;
  const shown = onlyUncovered ? uncovered : list;

  return (
    <Page
      title="Recommendations"
      caption={plan.title}
      actions={
        <PasteRecommendationsDialog
          planId={plan.id}
          nextNumber={nextNumber}
          onAdded={(count, first) =>
            setAdded(count === 1 ? `Recommendation ${first} was added.` : `${count} recommendations were added, numbered ${first} to ${first + count - 1}.`)
          }
        />
      }
    >
      <p className="lead">
        What the inspection said needs to improve, the themes each belongs to, and the actions that answer it. Inspectors check that every
        recommendation is answered by a live action.
      </p>
      <p role="status" className="status-message">
        {added}
      </p>
      <ul className="stats">
        <li>
          <span className="stat-number">{list.length}</span> recommendations
        </li>
        <li>
          <span className="stat-number">{list.length - uncovered.length}</span> answered by a live action
        </li>
        <li className={uncovered.length > 0 ? 'stat-warning' : undefined}>
          <span className="stat-number">{uncovered.length}</span> not answered
        </li>
      </ul>
      {list.length === 0 ? (
        <p>No recommendations yet. Add them from the report: paste its “What needs to improve” list.</p>
      ) : (
        <>
          <Checkbox className="checkbox filters" isSelected={onlyUncovered} onChange={setOnlyUncovered}>
            <span className="checkbox-box" aria-hidden="true" />
            Show only the recommendations not answered
          </Checkbox>
          <ol className="recommendation-list">
            {shown.map((recommendation) => (
              <RecommendationItem key={recommendation.id} planId={plan.id} recommendation={recommendation} themes={themes.data} />
            ))}
          </ol>
        </>
      )}
      <ActionsAnsweringNothing planId={plan.id} actions={actions.data} recommendations={list} />
    </Page>
  );
}
