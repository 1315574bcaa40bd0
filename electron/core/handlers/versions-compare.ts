// What changed between two versions of a plan. Actions are matched through the chain of
// `carriedFromActionId` (so version 1 and version 3 match through version 2); recommendations by
// their text, since a refresh copies them word for word; themes by their reference, so a new
// title reads as a rename.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getLiveRecord } from '../../../db/records';
import { actions, people, plans, recommendations, themes } from '../../../db/schema';
import type { ComparedAction, FieldChange, VersionComparison } from '../../../shared/contract-versions';
import type { ActionChangeField, ActionStatus, NotCarriedReason } from '../../../shared/vocabulary';
import type { Rag } from '../../../shared/rag';
import type { Core } from '../core';
import { fieldError } from './action-rules';

type ActionRecord = typeof actions.$inferSelect;
type PlanRecord = typeof plans.$inferSelect;

const referenceOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const byReference = (a: { reference: string }, b: { reference: string }) => referenceOrder.compare(a.reference, b.reference);

/** Recommendations match on their words, not on spacing or case a paste may have changed. */
const sameWords = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function toCompared(action: ActionRecord): ComparedAction {
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    status: action.status as ActionStatus,
    rag: action.rag as Rag | null,
    currentDueDate: action.currentDueDate,
  };
}

const versionRef = (plan: PlanRecord): VersionComparison['from'] => ({
  id: plan.id,
  version: plan.version,
  title: plan.title,
  status: plan.status as VersionComparison['from']['status'],
});

export function compareVersions(core: Core, fromPlanId: string, toPlanId: string): VersionComparison {
  const first = getLiveRecord(core, plans, fromPlanId);
  const second = getLiveRecord(core, plans, toPlanId);
  if (first.seriesId !== second.seriesId) {
    throw fieldError('toPlanId', `“${second.title}” is not a version of “${first.title}”; choose two versions of the same plan`);
  }
  // Read from the earlier version to the later, whichever order they were chosen in.
  const [from, to] = first.version <= second.version ? [first, second] : [second, first];

  const between = core.db
    .select({ id: plans.id, version: plans.version })
    .from(plans)
    .where(and(eq(plans.seriesId, from.seriesId), isNull(plans.deletedAt)))
    .all()
    .filter((plan) => plan.version >= from.version && plan.version <= to.version)
    .map((plan) => plan.id);
  // Deleted actions are read too: a carried action deleted later is why its original is missing.
  const all = core.db.select().from(actions).where(inArray(actions.planId, between)).all();
  const byId = new Map(all.map((action) => [action.id, action]));
  const carriedInto = new Map<string, ActionRecord[]>();
  for (const action of all) {
    if (action.carriedFromActionId) carriedInto.set(action.carriedFromActionId, [...(carriedInto.get(action.carriedFromActionId) ?? []), action]);
  }
  const live = (planId: string) => all.filter((action) => action.planId === planId && action.deletedAt === null);

  /** The action of the earlier version that a later action was carried from, through any version between. */
  const originIn = (action: ActionRecord): ActionRecord | null => {
    let current: ActionRecord | undefined = action;
    while (current?.carriedFromActionId) {
      current = byId.get(current.carriedFromActionId);
      if (current?.planId === from.id) return current.deletedAt === null ? current : null;
    }
    return null;
  };

  /** Why an action of the earlier version did not reach the later one: how its last copy ended. */
  const whyMissing = (action: ActionRecord): NotCarriedReason => {
    let last = action;
    for (let next = carriedInto.get(last.id)?.[0]; next; next = carriedInto.get(last.id)?.[0]) last = next;
    if (last.deletedAt !== null) return 'deleted';
    if (last.status === 'complete' || last.status === 'superseded') return last.status;
    return 'deleted';
  };

  const describe = describers(core, from, to);
  const added: ComparedAction[] = [];
  const changed: VersionComparison['actions']['changed'] = [];
  const matched = new Set<string>();
  let unchangedCount = 0;
  for (const action of live(to.id)) {
    const origin = originIn(action);
    if (!origin) {
      added.push(toCompared(action));
      continue;
    }
    matched.add(origin.id);
    const changes = describe.changes(origin, action);
    if (changes.length === 0) unchangedCount += 1;
    else changed.push({ from: toCompared(origin), to: toCompared(action), changes });
  }
  const removed = live(from.id)
    .filter((action) => !matched.has(action.id))
    .map((action) => ({ ...toCompared(action), reason: whyMissing(action) }));

  return {
    from: versionRef(from),
    to: versionRef(to),
    actions: {
      added: added.sort(byReference),
      removed: removed.sort(byReference),
      changed: changed.sort((a, b) => byReference(a.to, b.to)),
      unchangedCount,
    },
    recommendations: compareRecommendations(core, from.id, to.id),
    themes: compareThemes(core, from.id, to.id),
  };
}

/** How each compared field reads: people by name, themes by reference and title. */
function describers(core: Core, from: PlanRecord, to: PlanRecord) {
  const names = new Map(
    core.db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.authorityId, [...new Set([from.authorityId, to.authorityId])]))
      .all()
      .map((person) => [person.id, person.name]),
  );
  const themesById = new Map(
    core.db
      .select({ id: themes.id, reference: themes.reference, title: themes.title })
      .from(themes)
      .where(inArray(themes.planId, [from.id, to.id]))
      .all()
      .map((theme) => [theme.id, theme]),
  );
  const person = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const theme = (id: string | null) => {
    const found = id === null ? undefined : themesById.get(id);
    return found ? `${found.reference} ${found.title}` : null;
  };
  // A theme renamed is reported once, as a rename, not again on each of its actions.
  const sameTheme = (a: ActionRecord, b: ActionRecord) =>
    (a.themeId === null ? null : themesById.get(a.themeId)?.reference) === (b.themeId === null ? null : themesById.get(b.themeId)?.reference);
  const read: Record<ActionChangeField, (action: ActionRecord) => string | null> = {
    reference: (action) => action.reference,
    title: (action) => action.title,
    theme: (action) => theme(action.themeId),
    owner: (action) => person(action.ownerId),
    lead: (action) => person(action.leadId),
    startDate: (action) => action.startDate,
    currentDueDate: (action) => action.currentDueDate,
    status: (action) => action.status,
    rag: (action) => action.rag,
    completedDate: (action) => action.completedDate,
    description: (action) => action.description,
    measuresOfSuccess: (action) => action.measuresOfSuccess,
  };
  return {
    changes(before: ActionRecord, after: ActionRecord): FieldChange[] {
      return (Object.keys(read) as ActionChangeField[]).flatMap((field) => {
        const was = read[field](before);
        const now = read[field](after);
        const same = field === 'theme' ? sameTheme(before, after) : was === now;
        return same ? [] : [{ field, from: was, to: now }];
      });
    },
  };
}

function compareRecommendations(core: Core, fromPlanId: string, toPlanId: string): VersionComparison['recommendations'] {
  const of = (planId: string) =>
    core.db
      .select({ id: recommendations.id, number: recommendations.number, text: recommendations.text })
      .from(recommendations)
      .where(and(eq(recommendations.planId, planId), isNull(recommendations.deletedAt)))
      .all()
      .sort((a, b) => a.number - b.number);
  const before = of(fromPlanId);
  const after = of(toPlanId);
  const beforeWords = new Set(before.map((recommendation) => sameWords(recommendation.text)));
  const afterWords = new Set(after.map((recommendation) => sameWords(recommendation.text)));
  return {
    added: after.filter((recommendation) => !beforeWords.has(sameWords(recommendation.text))),
    removed: before.filter((recommendation) => !afterWords.has(sameWords(recommendation.text))),
  };
}

function compareThemes(core: Core, fromPlanId: string, toPlanId: string): VersionComparison['themes'] {
  const of = (planId: string) =>
    core.db
      .select({ id: themes.id, reference: themes.reference, title: themes.title })
      .from(themes)
      .where(and(eq(themes.planId, planId), isNull(themes.deletedAt)))
      .all()
      .sort(byReference);
  const before = of(fromPlanId);
  const after = of(toPlanId);
  const beforeByReference = new Map(before.map((theme) => [theme.reference, theme]));
  const afterReferences = new Set(after.map((theme) => theme.reference));
  const renamed: VersionComparison['themes']['renamed'] = [];
  const added: VersionComparison['themes']['added'] = [];
  for (const theme of after) {
    const earlier = beforeByReference.get(theme.reference);
    if (!earlier) added.push(theme);
    else if (earlier.title !== theme.title) renamed.push({ id: theme.id, reference: theme.reference, fromTitle: earlier.title, toTitle: theme.title });
  }
  return { added, removed: before.filter((theme) => !afterReferences.has(theme.reference)), renamed };
}
