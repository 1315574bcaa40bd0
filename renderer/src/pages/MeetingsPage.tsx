import { useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { Committee, Meeting } from '../../../shared/contract';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { CADENCE_LABELS } from '../../../shared/meetings';
import { CADENCES, COMMITTEE_KIND_LABELS, COMMITTEE_KINDS, type Cadence, type CommitteeKind } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from '../components/Choice';
import { FormDialog, RemoveDialog, formText } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

function AddCommittee({ planId }: { planId: string }) {
  const create = useContractMutation('committees.create');
  const [kind, setKind] = useState<CommitteeKind>('improvement-board');
  const [cadence, setCadence] = useState<Cadence>('monthly');
  return (
    <FormDialog
      trigger="Add a committee or board"
      triggerClassName="button button-primary"
      title="Add a committee or board"
      submitLabel="Add and schedule its meetings"
      mutation={create}
      onSubmit={(form, close) =>
        create.mutate(
          {
            planId,
            name: String(form.get('name') ?? ''),
            kind,
            cadence,
            chair: formText(form, 'chair') ?? null,
            firstMeetingDate: String(form.get('firstMeetingDate') ?? ''),
            scheduleUntil: formText(form, 'scheduleUntil'),
          },
          { onSuccess: close },
        )
      }
    >
      <TextField name="name" className="field" isRequired>
        <Label>Name</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <Choice label="Kind" name="kind" options={COMMITTEE_KINDS} labels={COMMITTEE_KIND_LABELS} value={kind} onChange={setKind} />
      <TextField name="chair" className="field">
        <Label>Chair (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <Choice label="Meets" name="cadence" options={CADENCES} labels={CADENCE_LABELS} value={cadence} onChange={setCadence} />
      <TextField name="firstMeetingDate" type="date" className="field" isRequired>
        <Label>First meeting</Label>
        <Text slot="description">Later meetings fall on the same weekday of the month, moved to the next working day after a bank holiday.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="scheduleUntil" type="date" className="field">
        <Label>Schedule meetings until (optional)</Label>
        <Text slot="description">Leave empty to schedule a year ahead.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function EditMeeting({ committee, meeting }: { committee: Committee; meeting: Meeting }) {
  const update = useContractMutation('meetings.update');
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the ${committee.name} meeting of ${formatLongDate(meeting.meetingDate)}`}
      title={`${committee.name}: ${formatLongDate(meeting.meetingDate)}`}
      submitLabel="Save the meeting"
      mutation={update}
      onSubmit={(form, close) =>
        update.mutate(
          {
            meetingId: meeting.id,
            meetingDate: String(form.get('meetingDate') ?? ''),
            agendaItem: formText(form, 'agendaItem') ?? null,
            location: formText(form, 'location') ?? null,
          },
          { onSuccess: close },
        )
      }
    >
      <TextField name="meetingDate" type="date" className="field" defaultValue={meeting.meetingDate} isRequired>
        <Label>Date</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="agendaItem" className="field" defaultValue={meeting.agendaItem ?? ''}>
        <Label>Agenda item number (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="location" className="field" defaultValue={meeting.location ?? ''}>
        <Label>Where (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function RemoveMeeting({ committee, meeting }: { committee: Committee; meeting: Meeting }) {
  const remove = useContractMutation('meetings.delete');
  return (
    <RemoveDialog
      what={`the ${committee.name} meeting of ${formatLongDate(meeting.meetingDate)}`}
      submitLabel="Remove the meeting"
      mutation={remove}
      onRemove={(close) => remove.mutate({ meetingId: meeting.id }, { onSuccess: close })}
    >
      <p>The meeting leaves the calendar. Its removal is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}

function AddMeeting({ committee }: { committee: Committee }) {
  const create = useContractMutation('meetings.create');
  return (
    <FormDialog
      trigger="Add a meeting"
      triggerLabel={`Add a meeting of the ${committee.name}`}
      title={`Add a meeting of the ${committee.name}`}
      submitLabel="Add the meeting"
      mutation={create}
      onSubmit={(form, close) =>
        create.mutate(
          { committeeId: committee.id, meetingDate: String(form.get('meetingDate') ?? ''), agendaItem: formText(form, 'agendaItem') ?? null },
          { onSuccess: close },
        )
      }
    >
      <TextField name="meetingDate" type="date" className="field" isRequired>
        <Label>Date</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="agendaItem" className="field">
        <Label>Agenda item number (optional)</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function CommitteeSection({ committee, today }: { committee: Committee; today: string }) {
  const [showPast, setShowPast] = useState(false);
  const upcoming = committee.meetings.filter((meeting) => meeting.meetingDate >= today);
  const past = committee.meetings.filter((meeting) => meeting.meetingDate < today);
  const listed = showPast ? committee.meetings : upcoming;
  const headingId = `committee-${committee.id}`;
  return (
    <section className="committee" aria-labelledby={headingId}>
      <h2 id={headingId}>{committee.name}</h2>
      <p className="muted">
        {COMMITTEE_KIND_LABELS[committee.kind]}. {CADENCE_LABELS[committee.cadence]}.{committee.chair ? ` Chair: ${committee.chair}.` : ''}{' '}
        {upcoming[0] ? `Next meeting ${formatLongDate(upcoming[0].meetingDate)}.` : 'No meeting scheduled.'}
      </p>
      {listed.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{`Meetings of the ${committee.name}`}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Agenda item</th>
                <th scope="col">Where</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((meeting) => (
                <tr key={meeting.id} className={meeting.meetingDate < today ? 'past' : undefined}>
                  <th scope="row">
                    {formatLongDate(meeting.meetingDate)}
                    {meeting.meetingDate < today ? <span className="tag">Held</span> : null}
                  </th>
                  <td>{meeting.agendaItem ?? ''}</td>
                  <td>{meeting.location ?? ''}</td>
                  <td>
                    <div className="row-actions">
                      <EditMeeting committee={committee} meeting={meeting} />
                      <RemoveMeeting committee={committee} meeting={meeting} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="form-actions">
        <AddMeeting committee={committee} />
        {past.length > 0 ? (
          <Button className="button" onPress={() => setShowPast(!showPast)} aria-expanded={showPast}>
            {showPast ? 'Hide meetings already held' : `Show the ${past.length} meetings already held`}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

export function MeetingsPage() {
  const plan = usePlan();
  const committees = useContractQuery('committees.list', { planId: plan.id });
  if (committees.isPending) return <Loading what="the meetings" />;
  if (committees.error) return <ErrorNotice error={committees.error} title="The meetings could not be loaded" />;
  const today = londonDate(new Date());
  return (
    <Page title="Meetings" caption={plan.title} actions={<AddCommittee planId={plan.id} />}>
      <p className="lead">The boards and committees that oversee the plan, and their meeting calendar. Each meeting can later have its report pack.</p>
      {committees.data.length === 0 ? <p>No committees or boards yet. Add the improvement board first.</p> : null}
      {committees.data.map((committee) => (
        <CommitteeSection key={committee.id} committee={committee} today={today} />
      ))}
    </Page>
  );
}
