import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { addYears, format, parseISO } from 'date-fns';
import { createRecord, deleteRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { committees, meetings, plans } from '../../../db/schema';
import type { Committee, Meeting } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { scheduleMeetings } from '../../../shared/meetings';
import type { Cadence, CommitteeKind } from '../../../shared/vocabulary';
import { bankHolidays } from '../calendar';
import type { Core } from '../core';
import type { HandlerGroup } from './types';

const meetingColumns = {
  id: meetings.id,
  committeeId: meetings.committeeId,
  meetingDate: meetings.meetingDate,
  agendaItem: meetings.agendaItem,
  location: meetings.location,
  notes: meetings.notes,
};

function livePlan(core: Core, planId: string) {
  try {
    return getLiveRecord(core, plans, planId);
  } catch {
    throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId });
  }
}

/** The committees overseeing a plan: the plan's own, and the council's that serve every plan. */
export function listCommittees(core: Core, planId: string): Committee[] {
  const plan = livePlan(core, planId);
  const rows = core.db
    .select()
    .from(committees)
    .where(and(eq(committees.authorityId, plan.authorityId), isNull(committees.deletedAt)))
    .orderBy(asc(committees.name))
    .all()
    .filter((committee) => committee.planId === null || committee.planId === planId);
  // Only these committees' meetings: every other plan's calendar stays unread.
  const theirMeetings =
    rows.length === 0
      ? []
      : core.db
          .select(meetingColumns)
          .from(meetings)
          .where(and(inArray(meetings.committeeId, rows.map((committee) => committee.id)), isNull(meetings.deletedAt)))
          .orderBy(asc(meetings.meetingDate))
          .all();
  return rows.map((committee) => ({
    id: committee.id,
    name: committee.name,
    kind: committee.kind as CommitteeKind,
    chair: committee.chair,
    cadence: committee.cadence as Cadence,
    meetings: theirMeetings.filter((meeting) => meeting.committeeId === committee.id),
  }));
}

function planOfCommittee(core: Core, committeeId: string): string | null {
  return getLiveRecord(core, committees, committeeId).planId;
}

function readMeeting(core: Core, id: string): Meeting {
  const meeting = core.db.select(meetingColumns).from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) throw new AppError('not-found', 'That meeting no longer exists.', { id });
  return meeting;
}

export const committeeHandlers: HandlerGroup<
  'committees.list' | 'committees.create' | 'meetings.create' | 'meetings.update' | 'meetings.delete'
> = {
  'committees.list': (input, core) => listCommittees(core, input.planId),

  'committees.create': (input, core) => {
    const plan = livePlan(core, input.planId);
    // Without an end, a schedule runs a year ahead; the manager extends it as the plan goes on.
    const until = input.scheduleUntil ?? format(addYears(parseISO(input.firstMeetingDate), 1), 'yyyy-MM-dd');
    const dates = scheduleMeetings(input.firstMeetingDate, input.cadence, until, bankHolidays(core));
    const id = core.write(input.planId, (unit) => {
      const committee = createRecord(
        unit,
        committees,
        {
          authorityId: plan.authorityId,
          planId: input.planId,
          name: input.name,
          kind: input.kind,
          chair: input.chair ?? null,
          cadence: input.cadence,
        },
        input.planId,
      );
      for (const meetingDate of dates) createRecord(unit, meetings, { committeeId: committee.id, meetingDate }, input.planId);
      return committee.id;
    });
    const created = listCommittees(core, input.planId).find((committee) => committee.id === id);
    if (!created) throw new AppError('internal', 'The committee was saved but could not be read back.');
    return created;
  },

  'meetings.create': (input, core) => {
    const planId = planOfCommittee(core, input.committeeId);
    const id = core.write(planId, (unit) =>
      createRecord(
        unit,
        meetings,
        { committeeId: input.committeeId, meetingDate: input.meetingDate, agendaItem: input.agendaItem ?? null, location: input.location ?? null },
        planId,
      ).id,
    );
    return readMeeting(core, id);
  },

  'meetings.update': (input, core) => {
    const { meetingId, ...patch } = input;
    const meeting = getLiveRecord(core, meetings, meetingId);
    const planId = planOfCommittee(core, meeting.committeeId);
    core.write(planId, (unit) => updateRecord(unit, meetings, meetingId, patch, planId));
    return readMeeting(core, meetingId);
  },

  'meetings.delete': (input, core) => {
    const meeting = getLiveRecord(core, meetings, input.meetingId);
    const planId = planOfCommittee(core, meeting.committeeId);
    core.write(planId, (unit) => deleteRecord(unit, meetings, input.meetingId, planId));
    return { deleted: true as const };
  },
};
