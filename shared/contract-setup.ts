// Contract methods for setting a plan up and keeping it answerable: recommendations (split from
// the report's text), themes, stages, coverage, and monitoring visits and reviews with findings.
import type { MethodDefinition } from './contract-kit';

export const planSetupMethods = {} satisfies Record<string, MethodDefinition>;
