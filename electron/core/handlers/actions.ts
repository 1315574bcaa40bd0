import { AppError } from '../../../shared/errors';
import { listActionRows } from './plans';
import type { HandlerGroup } from './types';

export const actionHandlers: HandlerGroup<'actions.list'> = {
  'actions.list': (input, core) => {
    const plan = core.db.$client.prepare('select 1 from plans where id = ? and deleted_at is null').get(input.planId);
    if (!plan) throw new AppError('not-found', 'That plan no longer exists; it may have been deleted.', { planId: input.planId });
    return listActionRows(core, input.planId);
  },
};
