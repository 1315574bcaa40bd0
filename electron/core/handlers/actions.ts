import { assertPlanExists, listActionRows } from './plans';
import type { HandlerGroup } from './types';

export const actionHandlers: HandlerGroup<'actions.list'> = {
  'actions.list': (input, core) => {
    assertPlanExists(core, input.planId);
    return listActionRows(core, input.planId);
  },
};
