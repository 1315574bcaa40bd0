// What needs the improvement manager's attention now: the dashboard opened every morning.
import { addDays, differenceInCalendarDays, format, parseISO, subDays } from 'date-fns';
import { AttentionRules, DEFAULT_ATTENTION_RULES, type ActionRow, type Attention } from '../../../shared/contract';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { formatKpiValue } from '../../../shared/format';
import { directionOfTravel, rateKpiValue } from '../../../shared/kpi-rag';
import { financialQuarterPeriod, periodLabel } from '../../../shared/periods';
import type { Rag } from '../../../shared/rag';
import type { Core } from '../core';
import { readSetting, writeSetting } from '../settings';
import { listDeadlines } from './deadlines';
import { assertPlanExists, kpiTiles, listActionRows } from './plans';
import type { HandlerGroup } from './types';

const rulesKey = (planId: string) => `plan:${planId}:attention`;

export function attentionRules(core: Core, planId: string): AttentionRules {
  return readSetting(core, rulesKey(planId), AttentionRules) ?? DEFAULT_ATTENTION_RULES;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const DELIVERY_STATUSES = new Set<ActionRow['status']>(['not-started', 'in-progress']);

function daysWord(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The RAG an action had at the end of a day: that of its latest update on or before it. */
function ragAt(history: { updateDate: string; rag: Rag | null }[], day: string): Rag | null {
  let rag: Rag | null = null;
  for (const update of history) {
    if (update.updateDate > day) break;
    rag = update.rag;
  }
  return rag;
}

/**
 * The financial quarters, latest first, that an escalation rule looks at: the current quarter
 * (judged by the action's RAG now) and the quarters before it (judged at their last day).
 */
function recentQuarters(today: string, count: number): { label: string; end: string | null }[] {
  const quarters: { label: string; end: string | null }[] = [];
  let quarter = financialQuarterPeriod(today);
  quarters.push({ label: quarter.label, end: null });
  while (quarters.length < count) {
    quarter = financialQuarterPeriod(iso(subDays(parseISO(quarter.start), 1)));
    quarters.push({ label: quarter.label, end: quarter.end });
  }
  return quarters;
}

function buildAttention(core: Core, planId: string): Attention {
  const today = londonDate(core.clock());
  const rules = attentionRules(core, planId);
  const horizon = iso(addDays(parseISO(today), rules.lookAheadDays));
  const staleBefore = iso(subDays(parseISO(today), rules.staleAfterDays));
  const actions = listActionRows(core, planId);

  const deadlinesSoon = listDeadlines(core, planId).deadlines.filter(
    (deadline) => deadline.date <= horizon && (deadline.override ? deadline.date : (deadline.windowEnd ?? deadline.date)) >= today,
  );

  const delivering = actions.filter((action) => DELIVERY_STATUSES.has(action.status) && action.currentDueDate !== null);
  const overdueActions = delivering
    .filter((action) => (action.currentDueDate ?? '') < today)
    .map((action) => {
      const due = action.currentDueDate ?? today;
      return { ...action, reason: `Was due ${formatLongDate(due)}, ${daysWord(differenceInCalendarDays(parseISO(today), parseISO(due)))} ago.` };
    });
  const actionsDueSoon = delivering
    .filter((action) => (action.currentDueDate ?? '') >= today && (action.currentDueDate ?? '') <= horizon)
    .map((action) => {
      const due = action.currentDueDate ?? today;
      const days = differenceInCalendarDays(parseISO(due), parseISO(today));
      return { ...action, reason: days === 0 ? 'Due today.' : `Due ${formatLongDate(due)}, in ${daysWord(days)}.` };
    });

  // An action is chased when it is under way (or should be) and nobody has written an update lately.
  const startDates = new Map(
    (core.db.$client.prepare('select id, start_date as startDate from actions where plan_id = ? and deleted_at is null').all(planId) as {
      id: string;
      startDate: string | null;
    }[]).map((row) => [row.id, row.startDate]),
  );
  const staleActions = actions
    .filter((action) => {
      const underWay =
        action.status === 'in-progress' ||
        action.status === 'awaiting-evidence' ||
        (action.status === 'not-started' && (startDates.get(action.id) ?? today) <= today);
      return underWay && (action.lastUpdateDate === null || action.lastUpdateDate < staleBefore);
    })
    .map((action) => ({
      ...action,
      reason:
        action.lastUpdateDate === null
          ? 'No progress update has been written yet.'
          : `Last updated ${formatLongDate(action.lastUpdateDate)}, ${daysWord(differenceInCalendarDays(parseISO(today), parseISO(action.lastUpdateDate)))} ago.`,
    }));

  const histories = new Map<string, { updateDate: string; rag: Rag | null }[]>();
  const updates = core.db.$client
    .prepare(
      `select u.action_id as actionId, u.update_date as updateDate, u.rag from progress_updates u
       join actions x on x.id = u.action_id
       where x.plan_id = ? and x.deleted_at is null and u.deleted_at is null order by u.update_date, u.created_at`,
    )
    .all(planId) as { actionId: string; updateDate: string; rag: Rag | null }[];
  for (const update of updates) {
    const list = histories.get(update.actionId) ?? [];
    list.push(update);
    histories.set(update.actionId, list);
  }
  const quarters = recentQuarters(today, rules.escalateAfterRedQuarters);
  const escalations = actions
    .filter((action) => action.status !== 'complete' && action.status !== 'superseded')
    .filter((action) =>
      quarters.every((quarter) => (quarter.end === null ? action.rag : ragAt(histories.get(action.id) ?? [], quarter.end)) === 'red'),
    )
    .map((action) => ({
      ...action,
      reason: `Red in ${quarters.length === 1 ? 'the current quarter' : `each of the last ${quarters.length} quarters`} (${[...quarters]
        .reverse()
        .map((quarter) => quarter.label)
        .join(', ')}).`,
    }));

  const kpisOfConcern = kpiTiles(core, planId).flatMap((kpi) => {
    if (!kpi.latest) return [];
    const rating = rateKpiValue(kpi, kpi.latest.value);
    const travel = directionOfTravel(kpi.unit, kpi.polarity, kpi.latest.value, kpi.previous?.value ?? null, kpi.previous ? periodLabel(kpi.previous.period) : '');
    if (rating.rag !== 'red' && travel.direction !== 'worsening') return [];
    return [
      {
        id: kpi.id,
        reference: kpi.reference,
        name: kpi.name,
        latestLabel: `${formatKpiValue(kpi.latest.value, kpi.unit, kpi.latest.suppressionCode)} in ${periodLabel(kpi.latest.period)}${kpi.latest.provisional ? ' (provisional)' : ''}`,
        rag: rating.rag,
        ragExplanation: rating.explanation,
        direction: travel.direction,
        travelExplanation: travel.explanation,
      },
    ];
  });

  const uncoveredRecommendations = core.db.$client
    .prepare(
      `select r.id, r.number, r.text from recommendations r
       where r.plan_id = ? and r.deleted_at is null and not exists (
         select 1 from action_recommendations ar join actions x on x.id = ar.action_id
         where ar.recommendation_id = r.id and ar.deleted_at is null and x.deleted_at is null and x.status <> 'superseded')
       order by r.number`,
    )
    .all(planId) as Attention['uncoveredRecommendations'];

  return { today, rules, deadlinesSoon, overdueActions, actionsDueSoon, staleActions, escalations, kpisOfConcern, uncoveredRecommendations };
}

export const attentionHandlers: HandlerGroup<'attention.get' | 'attention.updateRules'> = {
  'attention.get': (input, core) => {
    assertPlanExists(core, input.planId);
    return buildAttention(core, input.planId);
  },
  'attention.updateRules': (input, core) => {
    const { planId, ...rules } = input;
    assertPlanExists(core, planId);
    core.write(planId, (unit) => writeSetting(unit, rulesKey(planId), rules, planId));
    return attentionRules(core, planId);
  },
};
