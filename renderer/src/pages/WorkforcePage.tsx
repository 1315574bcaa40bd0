import { useState } from 'react';
import type { WorkforceProjection } from '../../../shared/contract-money';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { formatFte, formatPosts, formatTurnoverRate, formatVacancyRate } from '../../../shared/workforce';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { FormDialog, RemoveDialog } from '../components/FormDialog';
import { WorkforceChart } from '../components/money-workforce-chart';
import { draftFrom, ProjectionFields, projectionValues } from '../components/money-workforce-form';
import { WorkforceTable } from '../components/money-workforce-table';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

function AddProjection({ planId, first }: { planId: string; first: boolean }) {
  const create = useContractMutation('workforce.create');
  const [draft, setDraft] = useState(() => draftFrom());
  return (
    <FormDialog
      trigger="Add a projection"
      triggerClassName={first ? 'button button-primary' : 'button'}
      title="Add a workforce projection"
      submitLabel="Save the projection"
      mutation={create}
      onClose={() => setDraft(draftFrom())}
      onSubmit={(form, close) => create.mutate({ planId, ...projectionValues(form, draft) }, { onSuccess: close })}
    >
      <ProjectionFields draft={draft} onDraft={setDraft} />
    </FormDialog>
  );
}

function EditProjection({ projection }: { projection: WorkforceProjection }) {
  const update = useContractMutation('workforce.update');
  const [draft, setDraft] = useState(() => draftFrom(projection));
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the projection “${projection.name}”`}
      title={`Edit “${projection.name}”`}
      submitLabel="Save the projection"
      mutation={update}
      onClose={() => setDraft(draftFrom(projection))}
      onSubmit={(form, close) => update.mutate({ projectionId: projection.id, ...projectionValues(form, draft) }, { onSuccess: close })}
    >
      <ProjectionFields projection={projection} draft={draft} onDraft={setDraft} />
    </FormDialog>
  );
}

function DeleteProjection({ projection }: { projection: WorkforceProjection }) {
  const remove = useContractMutation('workforce.delete');
  return (
    <RemoveDialog
      verb="Delete"
      what={`the projection “${projection.name}”`}
      submitLabel="Delete the projection"
      mutation={remove}
      onRemove={(close) => remove.mutate({ projectionId: projection.id }, { onSuccess: close })}
    >
      <p>The projection and its figures leave the plan. The deletion is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

function Projection({ projection }: { projection: WorkforceProjection }) {
  const { table } = projection;
  const headingId = `projection-${projection.id}`;
  const first = table.years[0];
  const last = table.years.at(-1);
  return (
    <section aria-labelledby={headingId} className="money-projection">
      <div className="section-header">
        <h2 id={headingId}>{projection.name}</h2>
        <div className="row-actions">
          {/* Keyed by the saved version, so the form opens on what is stored now. */}
          <EditProjection key={projection.updatedAt} projection={projection} />
          <DeleteProjection projection={projection} />
        </div>
      </div>
      <p className="lead">{projection.summary}</p>
      <dl className="facts">
        <div>
          <dt>Posts</dt>
          <dd>{formatPosts(table.totalPosts)}</dd>
        </div>
        <div>
          <dt>Vacant now</dt>
          <dd>
            {formatFte(table.start.vacancies)} ({formatVacancyRate(table.start.vacancyRate)})
          </dd>
        </div>
        <div>
          <dt>Annual turnover</dt>
          <dd>{formatTurnoverRate(table.annualTurnoverRate)} of filled posts</dd>
        </div>
        <div>
          <dt>Years</dt>
          <dd>{first && last ? (first === last ? first.label : `${first.label} to ${last.label}`) : 'None'}</dd>
        </div>
      </dl>
      <WorkforceChart projection={projection} />
      <WorkforceTable projection={projection} />
      <p className="muted small">Last changed {formatLongDate(londonDate(new Date(projection.updatedAt)))}.</p>
    </section>
  );
}

export function WorkforcePage() {
  const plan = usePlan();
  const projections = useContractQuery('workforce.list', { planId: plan.id });
  if (projections.error) return <ErrorNotice error={projections.error} title="The workforce projections could not be loaded" />;
  if (!projections.data) return <Loading what="the workforce projections" />;
  const list = projections.data;

  return (
    <Page title="Workforce projection" caption={plan.title} actions={<AddProjection planId={plan.id} first={list.length === 0} />}>
      <p className="lead">
        From the posts, the vacancies now, the annual turnover and the recruits planned through each channel, the vacancies and vacancy rate each
        financial year ends with.
      </p>
      <details className="small money-rules">
        <summary>How the projection is worked out</summary>
        <ul>
          <li>Each year starts with the posts filled at the end of the year before; the first starts with the posts less the vacancies now.</li>
          <li>Leavers are the posts filled at the start of the year times the annual turnover rate.</li>
          <li>Recruits are the sum of the channels. Posts filled at the year end are the start, less leavers, plus recruits.</li>
          <li>
            No more posts can be filled than there are: recruits beyond the vacancies have no post to fill. They are shown in their own row and
            are not counted as filled or carried into the next year.
          </li>
          <li>Figures are full-time equivalents to one decimal place; the vacancy rate is the vacancies as a share of the posts.</li>
        </ul>
      </details>
      {list.length === 0 ? (
        <p>No projection yet. Add one to see the vacancies and vacancy rate each year of the plan is expected to end with.</p>
      ) : (
        list.map((projection) => <Projection key={projection.id} projection={projection} />)
      )}
    </Page>
  );
}
