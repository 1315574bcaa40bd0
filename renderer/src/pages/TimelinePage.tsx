import { useState, type ReactNode } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import type { TimelineEvent } from '../../../shared/contract';
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { periodLabel } from '../../../shared/periods';
import { TIMELINE_EVENT_KINDS, type TimelineEventKind } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { RagBadge } from '../components/RagBadge';
import { usePlan } from './PlanLayout';

type Kind = TimelineEventKind;

const KIND_LABELS: Record<Kind, string> = {
  inspection: 'Inspection',
  deadline: 'Statutory and expected dates',
  stage: 'Plan stages',
  review: 'Monitoring visits and reviews',
  meeting: 'Meetings',
  'action-due': 'Actions due',
};

const KIND_TAGS: Record<Kind, string> = {
  inspection: 'Inspection',
  deadline: 'Date',
  stage: 'Stage',
  review: 'Visit',
  meeting: 'Meeting',
  'action-due': 'Action',
};

function EventItem({ event }: { event: TimelineEvent }) {
  return (
    <li className={`timeline-event timeline-${event.kind}`}>
      <span className="timeline-date">
        {formatShortDate(event.date)}
        {event.endDate && event.endDate !== event.date ? ` to ${formatShortDate(event.endDate)}` : ''}
      </span>
      <span className="timeline-kind">{KIND_TAGS[event.kind]}</span>
      <span className="timeline-body">
        <strong>{event.title}</strong>
        {event.statutory ? <span className="tag tag-warning">Statutory</span> : null}
        {event.rag ? (
          <>
            {' '}
            <RagBadge rag={event.rag} />
          </>
        ) : null}
        {event.detail ? <span className="timeline-detail">{event.detail}</span> : null}
      </span>
    </li>
  );
}

export function TimelinePage() {
  const plan = usePlan();
  const timeline = useContractQuery('timeline.get', { planId: plan.id });
  const [shown, setShown] = useState<string[]>([...TIMELINE_EVENT_KINDS]);
  if (timeline.isPending) return <Loading what="the timeline" />;
  if (timeline.error) return <ErrorNotice error={timeline.error} title="The timeline could not be drawn" />;
  const { today, events } = timeline.data;
  const visible = events.filter((event) => shown.includes(event.kind));

  // Months in order, with "today" placed among the events where it falls.
  const months: { key: string; items: ReactNode[] }[] = [];
  let todayPlaced = false;
  const monthOf = (key: string) => {
    let month = months.at(-1);
    if (!month || month.key !== key) {
      month = { key, items: [] };
      months.push(month);
    }
    return month;
  };
  const placeToday = () => {
    monthOf(today.slice(0, 7)).items.push(
      <li key="today" className="timeline-today" id="today">
        <span className="timeline-date">{formatShortDate(today)}</span>
        <span className="timeline-kind">Today</span>
        <span className="timeline-body">
          <strong>Today</strong>
        </span>
      </li>,
    );
    todayPlaced = true;
  };
  visible.forEach((event, index) => {
    if (!todayPlaced && event.date > today) placeToday();
    monthOf(event.date.slice(0, 7)).items.push(<EventItem key={`${event.kind}-${event.date}-${index}`} event={event} />);
  });
  if (!todayPlaced) placeToday();

  return (
    <Page
      title="Timeline"
      caption={plan.title}
      actions={
        <div className="no-print page-actions">
          <a className="button" href="#today" onClick={(event) => {
            event.preventDefault();
            document.getElementById('today')?.scrollIntoView({ block: 'center' });
          }}>
            Go to today
          </a>
          <Button className="button" onPress={() => window.print()}>
            Print
          </Button>
        </div>
      }
    >
      <p className="lead">
        The plan from the inspection on: statutory dates, stages, visits, meetings and open actions’ due dates. Today is{' '}
        {formatLongDate(today)}.
      </p>
      <CheckboxGroup className="filters no-print" value={shown} onChange={setShown}>
        <Label>Show</Label>
        <div className="filter-options">
          {TIMELINE_EVENT_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {KIND_LABELS[kind]}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      {months.map((month) => (
        <section key={month.key} className="timeline-month" aria-labelledby={`month-${month.key}`}>
          <h2 id={`month-${month.key}`}>{periodLabel(month.key)}</h2>
          <ol className="timeline">{month.items}</ol>
        </section>
      ))}
    </Page>
  );
}
