import { asc, isNull } from 'drizzle-orm';
import { authorities } from '../../../db/schema';
import type { HandlerGroup } from './types';

export const authorityHandlers: HandlerGroup<'authorities.list'> = {
  'authorities.list': (_input, core) =>
    core.db
      .select({
        id: authorities.id,
        name: authorities.name,
        oldLaCode: authorities.oldLaCode,
        newLaCode: authorities.newLaCode,
        region: authorities.region,
      })
      .from(authorities)
      .where(isNull(authorities.deletedAt))
      .orderBy(asc(authorities.name))
      .all(),
};
