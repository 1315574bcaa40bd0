// Contract methods for editing actions and what hangs off them: people, due-date changes,
// progress updates, milestones, dependencies, evidence and links.
import type { MethodDefinition } from './contract-kit';

export const actionEditingMethods = {} satisfies Record<string, MethodDefinition>;
