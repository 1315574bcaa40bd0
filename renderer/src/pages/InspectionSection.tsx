import { useState } from 'react';
import { Checkbox, FieldError, Input, Label, TextField } from 'react-aria-components';
import type { Inspection } from '../../../shared/contract';
import { formatLongDate } from '../../../shared/dates';
import { FRAMEWORK_LABELS, FRAMEWORKS, JUDGEMENT_AREAS, JUDGEMENT_LABELS, JUDGEMENTS, type Framework, type Judgement } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from '../components/Choice';
import { FormDialog, formText } from '../components/FormDialog';
import { ErrorNotice } from '../components/Page';

type Grade = Judgement | 'not-graded';
const GRADES: readonly Grade[] = ['not-graded', ...JUDGEMENTS];
const GRADE_LABELS: Record<Grade, string> = { 'not-graded': 'Not graded', ...JUDGEMENT_LABELS };

function InspectionForm({ planId, inspection }: { planId: string; inspection: Inspection | null }) {
  const save = useContractMutation('inspections.save');
  const [framework, setFramework] = useState<Framework>(inspection?.framework ?? 'ilacs');
  const [overall, setOverall] = useState<Grade>(inspection?.overallJudgement ?? 'not-graded');
  const [grades, setGrades] = useState<Record<string, Grade>>(inspection?.judgements ?? {});
  const [priorityActionAreas, setPriorityActionAreas] = useState(inspection?.priorityActionAreas ?? false);
  const dateField = (name: keyof Inspection, label: string, required = false) => (
    <TextField name={name} type="date" className="field" defaultValue={(inspection?.[name] as string | null) ?? ''} isRequired={required}>
      <Label>{label}</Label>
      <Input />
      <FieldError className="field-error" />
    </TextField>
  );
  return (
    <FormDialog
      trigger={inspection ? 'Change the inspection' : 'Record the inspection'}
      triggerClassName={inspection ? 'button' : 'button button-primary'}
      title={inspection ? 'Change the inspection' : 'Record the inspection'}
      submitLabel="Save the inspection"
      mutation={save}
      onSubmit={(form, close) => {
        const judgements = Object.fromEntries(
          JUDGEMENT_AREAS[framework].flatMap((area) => {
            const grade = grades[area.key];
            return grade && grade !== 'not-graded' ? [[area.key, grade]] : [];
          }),
        );
        save.mutate(
          {
            planId,
            framework,
            startDate: String(form.get('startDate') ?? ''),
            endDate: formText(form, 'endDate') ?? null,
            reportReceivedDate: formText(form, 'reportReceivedDate') ?? null,
            reportPublishedDate: formText(form, 'reportPublishedDate') ?? null,
            overallJudgement: overall === 'not-graded' ? null : overall,
            priorityActionAreas: framework === 'focused-visit' && priorityActionAreas,
            judgements,
          },
          { onSuccess: close },
        );
      }}
    >
      <Choice label="Framework" name="framework" options={FRAMEWORKS} labels={FRAMEWORK_LABELS} value={framework} onChange={setFramework} />
      <div className="field-row">
        {dateField('startDate', 'Inspection started', true)}
        {dateField('endDate', 'Inspection ended')}
      </div>
      <div className="field-row">
        {dateField('reportReceivedDate', 'Report received')}
        {dateField('reportPublishedDate', 'Report published')}
      </div>
      <Choice label="Overall effectiveness" name="overallJudgement" options={GRADES} labels={GRADE_LABELS} value={overall} onChange={setOverall} />
      {JUDGEMENT_AREAS[framework].map((area) => (
        <Choice
          key={area.key}
          label={area.label}
          name={`judgements.${area.key}`}
          options={GRADES}
          labels={GRADE_LABELS}
          value={grades[area.key] ?? 'not-graded'}
          onChange={(grade) => setGrades({ ...grades, [area.key]: grade })}
        />
      ))}
      {framework === 'focused-visit' ? (
        <Checkbox className="checkbox field" isSelected={priorityActionAreas} onChange={setPriorityActionAreas}>
          <span className="checkbox-box" aria-hidden="true" />
          The visit found areas for priority action (a draft plan is due within 20 working days)
        </Checkbox>
      ) : null}
    </FormDialog>
  );
}

/** The inspection the plan answers: the ground of every statutory date. */
export function InspectionSection({ planId }: { planId: string }) {
  const inspection = useContractQuery('inspections.get', { planId });
  if (inspection.error) return <ErrorNotice error={inspection.error} title="The inspection could not be loaded" />;
  if (inspection.isPending) return null;
  const data = inspection.data;
  return (
    <section aria-labelledby="inspection" className="inspection">
      <h2 id="inspection">The inspection</h2>
      {data ? (
        <dl className="facts">
          <div>
            <dt>Framework</dt>
            <dd>{FRAMEWORK_LABELS[data.framework]}</dd>
          </div>
          <div>
            <dt>Inspected</dt>
            <dd>
              {formatLongDate(data.startDate)}
              {data.endDate ? ` to ${formatLongDate(data.endDate)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Report received</dt>
            <dd>{data.reportReceivedDate ? formatLongDate(data.reportReceivedDate) : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Overall effectiveness</dt>
            <dd>{data.overallJudgement ? JUDGEMENT_LABELS[data.overallJudgement] : 'Not graded'}</dd>
          </div>
          {JUDGEMENT_AREAS[data.framework]
            .filter((area) => data.judgements[area.key])
            .map((area) => (
              <div key={area.key}>
                <dt>{area.label}</dt>
                <dd>{JUDGEMENT_LABELS[data.judgements[area.key] as Judgement]}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <p>No inspection is recorded for this plan yet. Record it to compute the statutory dates.</p>
      )}
      <InspectionForm key={data?.id ?? 'new'} planId={planId} inspection={data} />
    </section>
  );
}
