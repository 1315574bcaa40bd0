// The meetings a pack can be built for, and what a new pack starts with: the kind of report the
// committee takes and the reporting period since its last issued pack.
import { addDays, format, parseISO, subMonths } from 'date-fns';
import type { Committee } from '../../../shared/contract';
import type { Pack } from '../../../shared/contract-packs';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { PACK_TEMPLATE_OF_COMMITTEE, type CommitteeKind, type PackTemplate } from '../../../shared/vocabulary';

export interface MeetingOption {
  meetingId: string;
  committeeId: string;
  committeeName: string;
  committeeKind: CommitteeKind;
  meetingDate: string;
  agendaItem: string | null;
  held: boolean;
  label: string;
}

/** The kind of report a committee of this kind takes. */
export function templateForCommittee(kind: CommitteeKind): PackTemplate {
  return PACK_TEMPLATE_OF_COMMITTEE[kind];
}

/** Every meeting of the plan's committees: those to come first, soonest first, then those held, latest first. */
export function meetingOptions(committees: Committee[], today: string = londonDate(new Date())): MeetingOption[] {
  const options = committees.flatMap((committee) =>
    committee.meetings.map((meeting): MeetingOption => {
      const held = meeting.meetingDate < today;
      const item = meeting.agendaItem ? `, agenda item ${meeting.agendaItem}` : '';
      return {
        meetingId: meeting.id,
        committeeId: committee.id,
        committeeName: committee.name,
        committeeKind: committee.kind,
        meetingDate: meeting.meetingDate,
        agendaItem: meeting.agendaItem,
        held,
        label: `${committee.name}, ${formatLongDate(meeting.meetingDate)}${item}${held ? ' (held)' : ''}`,
      };
    }),
  );
  const upcoming = options.filter((option) => !option.held).sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.committeeName.localeCompare(b.committeeName));
  const held = options.filter((option) => option.held).sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || a.committeeName.localeCompare(b.committeeName));
  return [...upcoming, ...held];
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * The reporting period a new pack for this meeting starts with: from the day after the period of
 * the committee's last issued pack before this meeting, or else the three months before the
 * meeting; it ends the day before the meeting.
 */
export function defaultPeriod(meeting: MeetingOption, packs: Pack[], options: MeetingOption[]): { start: string; end: string } {
  const end = iso(addDays(parseISO(meeting.meetingDate), -1));
  const sameCommittee = new Set(options.filter((option) => option.committeeId === meeting.committeeId).map((option) => option.meetingId));
  const previous = packs
    .filter((pack) => pack.status === 'issued' && pack.meetingId !== null && sameCommittee.has(pack.meetingId) && (pack.meetingDate ?? '') < meeting.meetingDate)
    .sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? ''))[0];
  const since = previous ? iso(addDays(parseISO(previous.periodEnd), 1)) : null;
  const start = since !== null && since <= end ? since : iso(subMonths(parseISO(meeting.meetingDate), 3));
  return { start, end };
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "1 July to 30 September 2026", or with both years when they differ. */
export function formatPeriod(start: string, end: string): string {
  if (start.slice(0, 4) === end.slice(0, 4)) return `${dayMonth.format(new Date(`${start}T00:00:00Z`))} to ${formatLongDate(end)}`;
  return `${formatLongDate(start)} to ${formatLongDate(end)}`;
}

/** The day an instant fell on in England, in words. */
export function formatInstantDate(instant: string): string {
  return formatLongDate(londonDate(new Date(instant)));
}
