// The rule that keeps earlier versions of a plan as they were: a superseded version is read,
// never changed. Kept apart from the version handlers so any handler can apply it without
// importing them.
import { and, eq, isNull } from 'drizzle-orm';
import type { UnitOfWork } from '../../../db/records';
import { plans } from '../../../db/schema';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';

type PlanRecord = typeof plans.$inferSelect;

/** The version that replaced this one, if any. */
export function nextVersionOf(unit: Pick<UnitOfWork, 'db'>, planId: string): PlanRecord | undefined {
  return unit.db
    .select()
    .from(plans)
    .where(and(eq(plans.previousVersionId, planId), isNull(plans.deletedAt)))
    .get();
}

/** Refuses any change to a superseded version, naming the version to change instead. */
export function assertPlanEditable(unit: Pick<UnitOfWork, 'db'>, plan: PlanRecord): void {
  if (plan.status !== 'superseded') return;
  const next = nextVersionOf(unit, plan.id);
  const replaced = next
    ? ` on ${formatLongDate(londonDate(new Date(next.createdAt)))} by version ${next.version}`
    : '';
  throw new AppError(
    'conflict',
    `Nothing was saved: this is version ${plan.version} of “${plan.title}”, superseded${replaced}. ` +
      'Earlier versions are kept exactly as they were; make the change in the current version.',
    { planId: plan.id, nextPlanId: next?.id ?? null },
  );
}
