// Contract methods for a plan's versions (a refresh after a monitoring visit) and its sub-plans
// (a time-boxed sprint, or a service plan linked to the main plan).
import type { MethodDefinition } from './contract-kit';

export const versionMethods = {} satisfies Record<string, MethodDefinition>;
