import { useMemo, useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import type { Committee } from '../../../shared/contract';
import type { Pack } from '../../../shared/contract-packs';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from '../components/Choice';
import { FormDialog, formText } from '../components/FormDialog';
import { defaultPeriod, formatInstantDate, formatPeriod, meetingOptions, templateForCommittee, type MeetingOption } from '../components/pack-meetings';
import { PACK_TEMPLATE_LABELS, PACK_TEMPLATES, type PackTemplate } from '../../../shared/vocabulary';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

/** Where a pack is edited, previewed, printed and issued. */
export const packPath = (planId: string, packId: string) => `/plans/${planId}/packs/${packId}`;

/** What a new pack starts with for the chosen meeting. */
function startingPoint(meeting: MeetingOption | undefined, packs: Pack[], options: MeetingOption[]) {
  if (!meeting) return { template: 'improvement-board' as PackTemplate, start: '', end: '' };
  return { template: templateForCommittee(meeting.committeeKind), ...defaultPeriod(meeting, packs, options) };
}

function BuildPack({ planId, committees, packs }: { planId: string; committees: Committee[]; packs: Pack[] }) {
  const create = useContractMutation('packs.create');
  const navigate = useNavigate();
  const options = useMemo(() => meetingOptions(committees), [committees]);
  const first = options[0];
  const [meetingId, setMeetingId] = useState(first?.meetingId ?? '');
  const meeting = options.find((option) => option.meetingId === meetingId) ?? first;
  const [choice, setChoice] = useState(() => startingPoint(meeting, packs, options));
  const chooseMeeting = (id: string) => {
    setMeetingId(id);
    setChoice(startingPoint(options.find((option) => option.meetingId === id), packs, options));
  };
  const reset = () => chooseMeeting(first?.meetingId ?? '');
  const labels = Object.fromEntries(options.map((option) => [option.meetingId, option.label]));
  return (
    <FormDialog
      trigger="Build a pack"
      triggerClassName="button button-primary"
      title="Build a committee pack"
      submitLabel="Build the pack"
      mutation={create}
      onClose={reset}
      onSubmit={(form, close) =>
        create.mutate(
          {
            planId,
            meetingId: meeting?.meetingId ?? '',
            template: choice.template,
            title: formText(form, 'title'),
            periodStart: String(form.get('periodStart') ?? ''),
            periodEnd: String(form.get('periodEnd') ?? ''),
          },
          {
            onSuccess: (pack) => {
              close();
              void navigate(packPath(planId, pack.id));
            },
          },
        )
      }
    >
      <Choice label="Meeting" name="meetingId" options={options.map((option) => option.meetingId)} labels={labels} value={meeting?.meetingId ?? ''} onChange={chooseMeeting} />
      <Choice
        label="Kind of report"
        name="template"
        options={PACK_TEMPLATES}
        labels={PACK_TEMPLATE_LABELS}
        value={choice.template}
        onChange={(template) => setChoice({ ...choice, template })}
      />
      <div className="field-row pack-period">
        <TextField name="periodStart" type="date" className="field" value={choice.start} onChange={(start) => setChoice({ ...choice, start })} isRequired>
          <Label>Reporting period from</Label>
          <Text slot="description">Three months before the meeting, or from the end of the committee’s last issued pack.</Text>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField name="periodEnd" type="date" className="field" value={choice.end} onChange={(end) => setChoice({ ...choice, end })} isRequired>
          <Label>to</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
      <TextField name="title" className="field">
        <Label>Title (optional)</Label>
        <Text slot="description">Leave it empty for the usual title of this kind of report.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function PackStatus({ pack }: { pack: Pack }) {
  if (pack.status === 'issued') {
    return (
      <>
        <span className="tag tag-issued">Issued</span> {pack.issuedAt ? formatInstantDate(pack.issuedAt) : null}
      </>
    );
  }
  return <span className="tag">Draft</span>;
}

export function PacksPage() {
  const plan = usePlan();
  const packs = useContractQuery('packs.list', { planId: plan.id });
  const committees = useContractQuery('committees.list', { planId: plan.id });
  if (packs.isPending || committees.isPending) return <Loading what="the committee packs" />;
  if (packs.error) return <ErrorNotice error={packs.error} title="The committee packs could not be loaded" />;
  if (committees.error) return <ErrorNotice error={committees.error} title="The meetings could not be loaded" />;
  const hasMeetings = committees.data.some((committee) => committee.meetings.length > 0);
  return (
    <Page title="Committee packs" caption={plan.title} actions={hasMeetings ? <BuildPack planId={plan.id} committees={committees.data} packs={packs.data} /> : null}>
      <p className="lead">
        The reports that go to the boards and committees overseeing the plan, in the council’s committee format. You write the summary, recommendations and implications;
        the rest comes from the plan. An issued pack is kept exactly as it went to the meeting.
      </p>
      {!hasMeetings ? (
        <p>
          A pack is built for a meeting, and the plan’s committees have none yet. Add the committee and its meetings on the{' '}
          <Link to={`/plans/${plan.id}/meetings`}>meetings page</Link> first.
        </p>
      ) : null}
      {packs.data.length === 0 ? (
        <p>No packs yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">The plan’s committee packs, latest meeting first</caption>
            <thead>
              <tr>
                <th scope="col">Report</th>
                <th scope="col">Committee</th>
                <th scope="col">Meeting</th>
                <th scope="col">Kind of report</th>
                <th scope="col">Reporting period</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {packs.data.map((pack) => (
                <tr key={pack.id}>
                  <th scope="row" className="pack-list-title">
                    <Link to={packPath(plan.id, pack.id)}>{pack.title}</Link>
                  </th>
                  <td>{pack.committeeName ?? 'No meeting'}</td>
                  <td className="nowrap">
                    {pack.meetingDate ? formatLongDate(pack.meetingDate) : ''}
                    {pack.agendaItem ? <span className="muted">, item {pack.agendaItem}</span> : null}
                  </td>
                  <td>{PACK_TEMPLATE_LABELS[pack.template]}</td>
                  <td>{pack.periodStart && pack.periodEnd ? formatPeriod(pack.periodStart, pack.periodEnd) : ''}</td>
                  <td className="nowrap">
                    <PackStatus pack={pack} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
