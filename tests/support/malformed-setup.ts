import type { planSetupMethods } from '../../shared/contract-setup';

/** Malformed inputs for the plan-setup methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_PLAN_SETUP: Record<keyof typeof planSetupMethods, [unknown, string][]> = {};
