import type { actionEditingMethods } from '../../shared/contract-actions';

/** Malformed inputs for the action-editing methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_ACTION_EDITING: Record<keyof typeof actionEditingMethods, [unknown, string][]> = {};
