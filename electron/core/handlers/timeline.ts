import type { TimelineEvent } from '../../../shared/contract';
import { londonDate } from '../../../shared/dates';
import type { Rag } from '../../../shared/rag';
import { FRAMEWORK_LABELS, JUDGEMENT_LABELS, type Framework, type Judgement } from '../../../shared/vocabulary';
import { listCommittees } from './committees';
import { listDeadlines } from './deadlines';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

const REVIEW_TITLES: Record<string, string> = {
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  'dfe-review': 'DfE review',
  'peer-review': 'Peer review',
  'improvement-partner': 'Improvement partner review',
  other: 'Review',
};

export const timelineHandlers: HandlerGroup<'timeline.get'> = {
  'timeline.get': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const sqlite = core.db.$client;
    const events: TimelineEvent[] = [];
    const event = (fields: Partial<TimelineEvent> & Pick<TimelineEvent, 'kind' | 'date' | 'title'>) =>
      events.push({ endDate: null, detail: null, rag: null, statutory: false, ...fields });

    const inspection = sqlite
      .prepare(
        `select i.framework, i.start_date as startDate, i.end_date as endDate, i.overall_judgement as judgement,
                i.report_received_date as received, i.report_published_date as published
         from plans p join inspections i on i.id = p.inspection_id where p.id = ? and i.deleted_at is null`,
      )
      .get(planId) as
      | { framework: Framework; startDate: string; endDate: string | null; judgement: Judgement | null; received: string | null; published: string | null }
      | undefined;
    if (inspection) {
      event({
        kind: 'inspection',
        date: inspection.startDate,
        endDate: inspection.endDate,
        title: `Ofsted inspection: ${FRAMEWORK_LABELS[inspection.framework]}`,
        detail: inspection.judgement ? `Overall effectiveness: ${JUDGEMENT_LABELS[inspection.judgement]}` : null,
      });
      if (inspection.received) event({ kind: 'inspection', date: inspection.received, title: 'Inspection report received' });
      if (inspection.published) event({ kind: 'inspection', date: inspection.published, title: 'Inspection report published' });
    }

    for (const deadline of listDeadlines(core, planId).deadlines) {
      event({
        kind: 'deadline',
        date: deadline.date,
        endDate: deadline.override ? null : deadline.windowEnd,
        title: deadline.label,
        detail: deadline.override ? `Agreed date (the rule gave ${deadline.computedDate}): ${deadline.override.reason}` : deadline.rule,
        statutory: deadline.statutory,
      });
    }

    const stages = sqlite
      .prepare('select name, start_date as startDate, end_date as endDate from plan_stages where plan_id = ? and deleted_at is null')
      .all(planId) as { name: string; startDate: string | null; endDate: string | null }[];
    for (const stage of stages) {
      if (stage.startDate) event({ kind: 'stage', date: stage.startDate, endDate: stage.endDate, title: `Stage: ${stage.name}` });
    }

    const reviews = sqlite
      .prepare(
        `select kind, title, focus, visit_start_date as startDate, visit_end_date as endDate, letter_date as letterDate
         from reviews where plan_id = ? and deleted_at is null`,
      )
      .all(planId) as { kind: string; title: string; focus: string | null; startDate: string | null; endDate: string | null; letterDate: string | null }[];
    for (const review of reviews) {
      const kindTitle = REVIEW_TITLES[review.kind] ?? 'Review';
      if (review.startDate) event({ kind: 'review', date: review.startDate, endDate: review.endDate, title: `${kindTitle}: ${review.title}`, detail: review.focus });
      if (review.letterDate) event({ kind: 'review', date: review.letterDate, title: `${kindTitle} letter: ${review.title}` });
    }

    for (const committee of listCommittees(core, planId)) {
      for (const meeting of committee.meetings) {
        event({ kind: 'meeting', date: meeting.meetingDate, title: committee.name, detail: meeting.agendaItem ? `Agenda item ${meeting.agendaItem}` : null });
      }
    }

    // Open actions only: a long plan has thousands of completed ones that would drown the view.
    const actions = sqlite
      .prepare(
        `select reference, title, current_due_date as dueDate, rag from actions
         where plan_id = ? and deleted_at is null and current_due_date is not null and status in ('not-started', 'in-progress')`,
      )
      .all(planId) as { reference: string; title: string; dueDate: string; rag: Rag | null }[];
    for (const action of actions) {
      event({ kind: 'action-due', date: action.dueDate, title: `Action ${action.reference} due`, detail: action.title, rag: action.rag });
    }

    events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
    return { today: londonDate(core.clock()), events };
  },
};
