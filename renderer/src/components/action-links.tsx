import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import type { ActionChoices, ActionDetail } from '../../../shared/contract-actions';
import { useContractMutation } from '../client/hooks';
import { FormDialog } from './FormDialog';

function CheckboxList({ label, name, items, chosen }: { label: string; name: string; items: { id: string; text: string }[]; chosen: string[] }) {
  return (
    <CheckboxGroup name={name} className="field checkbox-list" defaultValue={chosen}>
      <Label>{label}</Label>
      {items.map((item) => (
        <Checkbox key={item.id} value={item.id} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          <span>{item.text}</span>
        </Checkbox>
      ))}
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}

function ChooseRecommendations({ action, choices }: { action: ActionDetail; choices: ActionChoices }) {
  const save = useContractMutation('actions.setRecommendations');
  return (
    <FormDialog
      trigger="Choose recommendations"
      title={`Recommendations action ${action.reference} answers`}
      submitLabel="Save the recommendations"
      mutation={save}
      onSubmit={(form, close) =>
        save.mutate({ actionId: action.id, recommendationIds: form.getAll('recommendationIds').map(String) }, { onSuccess: close })
      }
    >
      {choices.recommendations.length === 0 ? <p>The plan has no recommendations yet.</p> : null}
      <CheckboxList
        label="Recommendations"
        name="recommendationIds"
        items={choices.recommendations.map((recommendation) => ({ id: recommendation.id, text: `${recommendation.number}. ${recommendation.text}` }))}
        chosen={action.recommendations.map((recommendation) => recommendation.id)}
      />
    </FormDialog>
  );
}

function ChooseKpis({ action, choices }: { action: ActionDetail; choices: ActionChoices }) {
  const save = useContractMutation('actions.setKpis');
  return (
    <FormDialog
      trigger="Choose KPIs"
      title={`KPIs that show the impact of action ${action.reference}`}
      submitLabel="Save the KPIs"
      mutation={save}
      onSubmit={(form, close) => save.mutate({ actionId: action.id, kpiIds: form.getAll('kpiIds').map(String) }, { onSuccess: close })}
    >
      {choices.kpis.length === 0 ? <p>The plan has no KPIs yet.</p> : null}
      <CheckboxList
        label="KPIs"
        name="kpiIds"
        items={choices.kpis.map((kpi) => ({ id: kpi.id, text: `${kpi.reference} ${kpi.name}` }))}
        chosen={action.kpis.map((kpi) => kpi.id)}
      />
    </FormDialog>
  );
}

export function ActionLinksSection({ action, choices }: { action: ActionDetail; choices: ActionChoices }) {
  return (
    <>
      <section aria-labelledby="action-recommendations">
        <div className="section-header">
          <h2 id="action-recommendations">Recommendations it answers</h2>
          <ChooseRecommendations action={action} choices={choices} />
        </div>
        {action.recommendations.length === 0 ? (
          <p>Not linked to any recommendation.</p>
        ) : (
          <ul className="plain-list">
            {action.recommendations.map((recommendation) => (
              <li key={recommendation.id}>
                <strong>Recommendation {recommendation.number}.</strong> {recommendation.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="action-kpis">
        <div className="section-header">
          <h2 id="action-kpis">KPIs that show its impact</h2>
          <ChooseKpis action={action} choices={choices} />
        </div>
        {action.kpis.length === 0 ? (
          <p>Not linked to any KPI.</p>
        ) : (
          <ul className="plain-list">
            {action.kpis.map((kpi) => (
              <li key={kpi.id}>
                <strong>{kpi.reference}</strong> {kpi.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
