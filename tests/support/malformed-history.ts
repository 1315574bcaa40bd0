import type { historyMethods } from '../../shared/contract-history';

/** Malformed inputs for the history methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_HISTORY: Record<keyof typeof historyMethods, [unknown, string][]> = {};
