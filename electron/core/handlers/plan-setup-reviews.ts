// Monitoring visits and other reviews with their findings, and an area to improve turned into
// an action of the plan in one step.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { createRecord, deleteRecord, getLiveRecord, updateRecord } from '../../../db/records';
import { actions, findingActions, reviewFindings, reviews, themes } from '../../../db/schema';
import { checkReviewDates, type Finding, type Review } from '../../../shared/contract-setup';
import { AppError } from '../../../shared/errors';
import { titleFromText } from '../../../shared/recommendations';
import { REVIEW_KIND_REFERENCE_PREFIXES, type FindingKind, type ReviewKind } from '../../../shared/vocabulary';
import type { Core } from '../core';
import { answeringActions, assertPersonOfPlan, fieldError, groupLinks, nextSortOrder } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

type Reader = Pick<Core, 'db'>;

/** When a review happened, for ordering: the visit, else the letter, else when it was recorded. */
const reviewDate = (review: { visitStartDate: string | null; letterDate: string | null; createdAt: string }) =>
  review.visitStartDate ?? review.letterDate ?? review.createdAt.slice(0, 10);

function reviewRows(reader: Reader, planId: string) {
  return reader.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.planId, planId), isNull(reviews.deletedAt)))
    .all()
    .sort((a, b) => reviewDate(a).localeCompare(reviewDate(b)) || a.createdAt.localeCompare(b.createdAt));
}

/** The plan's reviews, earliest first, each with its findings and the actions made from them. */
export function listReviews(reader: Reader, planId: string): Review[] {
  const rows = reviewRows(reader, planId);
  const reviewIds = rows.map((review) => review.id);
  const findings =
    reviewIds.length === 0
      ? []
      : reader.db
          .select({ id: reviewFindings.id, reviewId: reviewFindings.reviewId, kind: reviewFindings.kind, text: reviewFindings.text })
          .from(reviewFindings)
          .where(and(inArray(reviewFindings.reviewId, reviewIds), isNull(reviewFindings.deletedAt)))
          .orderBy(asc(reviewFindings.sortOrder), asc(reviewFindings.createdAt))
          .all();
  const links =
    findings.length === 0
      ? []
      : reader.db
          .select({ from: findingActions.findingId, to: findingActions.actionId })
          .from(findingActions)
          .where(and(inArray(findingActions.findingId, findings.map((finding) => finding.id)), isNull(findingActions.deletedAt)))
          .all();
  const actionsOf = groupLinks(links, answeringActions(reader, links.map((link) => link.to)));
  return rows.map((review) => ({
    id: review.id,
    kind: review.kind as ReviewKind,
    title: review.title,
    focus: review.focus,
    visitStartDate: review.visitStartDate,
    visitEndDate: review.visitEndDate,
    letterDate: review.letterDate,
    letterPublished: review.letterPublished,
    summary: review.summary,
    findings: findings
      .filter((finding) => finding.reviewId === review.id)
      .map((finding) => ({ ...finding, kind: finding.kind as FindingKind, actions: actionsOf.get(finding.id) ?? [] })),
  }));
}

function readReview(reader: Reader, planId: string, id: string): Review {
  const found = listReviews(reader, planId).find((review) => review.id === id);
  if (!found) throw new Error('The review was saved but could not be read back.');
  return found;
}

function readFinding(reader: Reader, findingId: string): Finding {
  const finding = getLiveRecord(reader, reviewFindings, findingId);
  const { planId } = getLiveRecord(reader, reviews, finding.reviewId);
  const found = readReview(reader, planId, finding.reviewId).findings.find((candidate) => candidate.id === findingId);
  if (!found) throw new Error('The finding was saved but could not be read back.');
  return found;
}

/** A finding with its review and the plan both belong to. */
function findingContext(reader: Reader, findingId: string) {
  const finding = getLiveRecord(reader, reviewFindings, findingId);
  const review = getLiveRecord(reader, reviews, finding.reviewId);
  return { finding, review, planId: review.planId };
}

/** The first number after `prefix` not yet used by a live action: 3.12 after 3.11 (and after 3.11.2). */
/**
 * Gives next free references one after another, as `nextFreeReference` would with each one given
 * added to those taken, but reading the taken references once per prefix rather than once a call:
 * an import of thousands of rows without references stays linear.
 */
export function referenceGiver(taken: readonly string[]): (prefix: string) => string {
  const used = new Set(taken);
  const highest = new Map<string, number>();
  return (prefix) => {
    let top = highest.get(prefix);
    if (top === undefined) {
      top = 0;
      for (const reference of used) {
        if (!reference.startsWith(prefix)) continue;
        const number = /^(\d+)(?:\.|$)/.exec(reference.slice(prefix.length))?.[1];
        if (number !== undefined) top = Math.max(top, Number(number));
      }
    }
    let next = top + 1;
    while (used.has(`${prefix}${next}`)) next += 1;
    const reference = `${prefix}${next}`;
    used.add(reference);
    highest.set(prefix, next);
    return reference;
  };
}

export function nextFreeReference(prefix: string, taken: string[]): string {
  const used = new Set(taken);
  let next =
    taken.reduce((highest, reference) => {
      if (!reference.startsWith(prefix)) return highest;
      const number = /^(\d+)(?:\.|$)/.exec(reference.slice(prefix.length))?.[1];
      return number === undefined ? highest : Math.max(highest, Number(number));
    }, 0) + 1;
  while (used.has(`${prefix}${next}`)) next += 1;
  return `${prefix}${next}`;
}

/**
 * The reference an action made from a finding gets: the next in its theme ("3.12" after
 * "3.11"), or, with no theme, the next for the review, named by its kind and its place among
 * the plan's reviews of that kind ("MV2.1" for the first from the second monitoring visit).
 */
function suggestReference(reader: Reader, planId: string, reviewId: string, themeId: string | null | undefined): string {
  let prefix: string;
  if (themeId) {
    themeOfPlan(reader, planId, themeId);
    prefix = `${getLiveRecord(reader, themes, themeId).reference}.`;
  } else {
    const review = getLiveRecord(reader, reviews, reviewId);
    const sameKind = reviewRows(reader, planId).filter((candidate) => candidate.kind === review.kind);
    const place = sameKind.findIndex((candidate) => candidate.id === reviewId) + 1;
    prefix = `${REVIEW_KIND_REFERENCE_PREFIXES[review.kind as ReviewKind]}${place}.`;
  }
  const taken = reader.db
    .select({ reference: actions.reference })
    .from(actions)
    .where(and(eq(actions.planId, planId), isNull(actions.deletedAt)))
    .all()
    .map((action) => action.reference);
  return nextFreeReference(prefix, taken);
}

function themeOfPlan(reader: Reader, planId: string, themeId: string | null | undefined): void {
  if (!themeId) return;
  const theme = reader.db.select({ planId: themes.planId, deletedAt: themes.deletedAt }).from(themes).where(eq(themes.id, themeId)).get();
  if (!theme || theme.deletedAt !== null || theme.planId !== planId) throw fieldError('themeId', 'Choose one of this plan’s themes');
}

/** Tombstones a finding's links to actions; the actions stay in the plan. */
function unlinkFinding(unit: Parameters<typeof deleteRecord>[0], findingId: string, planId: string): void {
  const links = unit.db
    .select({ id: findingActions.id })
    .from(findingActions)
    .where(and(eq(findingActions.findingId, findingId), isNull(findingActions.deletedAt)))
    .all();
  for (const link of links) deleteRecord(unit, findingActions, link.id, planId);
}

export const reviewHandlers: HandlerGroup<
  | 'reviews.list'
  | 'reviews.create'
  | 'reviews.update'
  | 'reviews.delete'
  | 'findings.add'
  | 'findings.update'
  | 'findings.delete'
  | 'findings.nextReference'
  | 'findings.toAction'
> = {
  'reviews.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listReviews(core, input.planId);
  },

  'reviews.create': (input, core) => {
    const { planId } = input;
    assertPlanExists(core, planId);
    const id = core.write(planId, (unit) =>
      createRecord(
        unit,
        reviews,
        {
          planId,
          kind: input.kind,
          title: input.title,
          focus: input.focus ?? null,
          visitStartDate: input.visitStartDate ?? null,
          visitEndDate: input.visitEndDate ?? null,
          letterDate: input.letterDate ?? null,
          letterPublished: input.letterPublished ?? false,
          summary: input.summary ?? null,
        },
        planId,
      ).id,
    );
    return readReview(core, planId, id);
  },

  'reviews.update': (input, core) => {
    const { reviewId, ...patch } = input;
    const { planId } = getLiveRecord(core, reviews, reviewId);
    core.write(planId, (unit) => {
      const stored = getLiveRecord(unit, reviews, reviewId);
      const merged = <K extends 'visitStartDate' | 'visitEndDate' | 'letterDate'>(key: K) => (patch[key] === undefined ? stored[key] : patch[key]);
      // A date may change alone, so the order is checked against the others as stored.
      checkReviewDates({ visitStartDate: merged('visitStartDate'), visitEndDate: merged('visitEndDate'), letterDate: merged('letterDate') }, (path, message) => {
        throw fieldError(path, message);
      });
      updateRecord(unit, reviews, reviewId, patch, planId);
    });
    return readReview(core, planId, reviewId);
  },

  // The review's findings go with it; the actions made from them stay in the plan.
  'reviews.delete': (input, core) => {
    const { planId } = getLiveRecord(core, reviews, input.reviewId);
    core.write(planId, (unit) => {
      const findings = unit.db
        .select({ id: reviewFindings.id })
        .from(reviewFindings)
        .where(and(eq(reviewFindings.reviewId, input.reviewId), isNull(reviewFindings.deletedAt)))
        .all();
      for (const finding of findings) {
        unlinkFinding(unit, finding.id, planId);
        deleteRecord(unit, reviewFindings, finding.id, planId);
      }
      deleteRecord(unit, reviews, input.reviewId, planId);
    });
    return { deleted: true as const };
  },

  'findings.add': (input, core) => {
    const { planId } = getLiveRecord(core, reviews, input.reviewId);
    const id = core.write(planId, (unit) => {
      const existing = unit.db
        .select({ sortOrder: reviewFindings.sortOrder })
        .from(reviewFindings)
        .where(and(eq(reviewFindings.reviewId, input.reviewId), isNull(reviewFindings.deletedAt)))
        .all();
      return createRecord(
        unit,
        reviewFindings,
        { reviewId: input.reviewId, kind: input.kind, text: input.text, sortOrder: nextSortOrder(existing) },
        planId,
      ).id;
    });
    return readFinding(core, id);
  },

  'findings.update': (input, core) => {
    const { findingId, ...patch } = input;
    const { planId } = findingContext(core, findingId);
    core.write(planId, (unit) => {
      if (patch.kind === 'strength') {
        const linked = readFinding(unit, findingId).actions.length;
        if (linked > 0) {
          throw fieldError(
            'kind',
            `${linked === 1 ? 'An action was' : `${linked} actions were`} made from this area to improve, so it cannot become a strength`,
          );
        }
      }
      updateRecord(unit, reviewFindings, findingId, patch, planId);
    });
    return readFinding(core, findingId);
  },

  'findings.delete': (input, core) => {
    const { planId } = findingContext(core, input.findingId);
    core.write(planId, (unit) => {
      unlinkFinding(unit, input.findingId, planId);
      deleteRecord(unit, reviewFindings, input.findingId, planId);
    });
    return { deleted: true as const };
  },

  'findings.nextReference': (input, core) => {
    const { review, planId } = findingContext(core, input.findingId);
    return { reference: suggestReference(core, planId, review.id, input.themeId) };
  },

  'findings.toAction': (input, core) => {
    const { planId } = findingContext(core, input.findingId);
    const actionId = core.write(planId, (unit) => {
      const { finding, review } = findingContext(unit, input.findingId);
      if (finding.kind !== 'area-to-improve') {
        throw new AppError('invalid-input', 'Nothing was saved: a strength needs no action. Only an area to improve can be made into one.');
      }
      themeOfPlan(unit, planId, input.themeId);
      assertPersonOfPlan(unit, planId, input.ownerId, 'ownerId');
      const reference = input.reference ?? suggestReference(unit, planId, review.id, input.themeId);
      const clash = unit.db
        .select({ title: actions.title })
        .from(actions)
        .where(and(eq(actions.planId, planId), eq(actions.reference, reference), isNull(actions.deletedAt)))
        .get();
      if (clash) throw fieldError('reference', `Action ${reference} is already “${clash.title}”: give this action another reference`);
      const existing = unit.db
        .select({ sortOrder: actions.sortOrder })
        .from(actions)
        .where(and(eq(actions.planId, planId), isNull(actions.deletedAt)))
        .all();
      const action = createRecord(
        unit,
        actions,
        {
          planId,
          themeId: input.themeId ?? null,
          reference,
          title: input.title ?? titleFromText(finding.text),
          description: finding.text,
          ownerId: input.ownerId ?? null,
          baselineDueDate: input.dueDate ?? null,
          currentDueDate: input.dueDate ?? null,
          status: 'not-started',
          rag: null,
          sortOrder: nextSortOrder(existing),
        },
        planId,
      );
      createRecord(unit, findingActions, { findingId: finding.id, actionId: action.id }, planId);
      return action.id;
    });
    const finding = readFinding(core, input.findingId);
    const action = finding.actions.find((candidate) => candidate.id === actionId);
    if (!action) throw new Error('The action was saved but could not be read back.');
    return { finding, action };
  },
};
