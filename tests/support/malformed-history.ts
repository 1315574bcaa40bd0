import type { historyMethods } from '../../shared/contract-history';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

/** Malformed inputs for the history methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_HISTORY: Record<keyof typeof historyMethods, [unknown, string][]> = {
  'audit.list': [
    [{ planId: ID, limit: 1000 }, 'limit'],
    [{ planId: ID, before: -4 }, 'before'],
    [{ planId: 'plan' }, 'planId'],
  ],
  'audit.verify': [[{ repair: true }, '']],
  'changes.undo': [[{ changeId: 'last' }, 'changeId'], [{}, 'changeId']],
};
