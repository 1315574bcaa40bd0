// What the plan-setup handlers share: refusals that name the field, the people a plan may give
// a role to, the order of references, and the actions shown beside what they answer.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getLiveRecord } from '../../../db/records';
import { actions, people, plans } from '../../../db/schema';
import type { AnsweringAction } from '../../../shared/contract-setup';
import { AppError } from '../../../shared/errors';
import type { ActionStatus } from '../../../shared/vocabulary';
import type { Rag } from '../../../shared/rag';
import type { Core } from '../core';

/** Natural order for references, so 2.10 follows 2.9 and MV10 follows MV9. */
export const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

type Reader = Pick<Core, 'db'>;

/** A refusal shown at one field of the form, with a message that says nothing was saved. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('invalid-input', `Nothing was saved: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`, {
    fields: [{ path, message }],
  });
}

/** Refuses a person who is not one of the council's people, at the field that named them. */
export function assertPersonOfPlan(reader: Reader, planId: string, personId: string | null | undefined, path: string): void {
  if (!personId) return;
  const plan = getLiveRecord(reader, plans, planId);
  const person = reader.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.authorityId, plan.authorityId), isNull(people.deletedAt)))
    .get();
  if (!person) throw fieldError(path, 'Choose someone from the council’s people: the person given is not one of them');
}

/** Live actions by id, as the coverage and review views show them, in reference order. */
export function answeringActions(reader: Reader, actionIds: string[]): Map<string, AnsweringAction> {
  if (actionIds.length === 0) return new Map();
  const rows = reader.db
    .select({ id: actions.id, reference: actions.reference, title: actions.title, status: actions.status, rag: actions.rag })
    .from(actions)
    .where(and(inArray(actions.id, [...new Set(actionIds)]), isNull(actions.deletedAt)))
    .orderBy(asc(actions.reference))
    .all()
    .map((row) => ({ ...row, status: row.status as ActionStatus, rag: row.rag as Rag | null }))
    .sort((a, b) => referenceOrder.compare(a.reference, b.reference));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Groups link rows by one of their ends, each group in the order of `values` (links to missing values dropped). */
export function groupLinks<T>(links: { from: string; to: string }[], values: Map<string, T>): Map<string, T[]> {
  const position = new Map([...values.keys()].map((id, index) => [id, index]));
  const grouped = new Map<string, string[]>();
  for (const link of links) {
    if (!values.has(link.to)) continue;
    const ids = grouped.get(link.from) ?? [];
    if (!ids.includes(link.to)) ids.push(link.to);
    grouped.set(link.from, ids);
  }
  return new Map(
    [...grouped].map(([from, ids]) => [
      from,
      ids.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)).map((id) => values.get(id) as T),
    ]),
  );
}

/** The highest sortOrder among rows, so a new row goes last. */
export function nextSortOrder(rows: { sortOrder: number }[]): number {
  return rows.reduce((highest, row) => Math.max(highest, row.sortOrder + 1), 0);
}
