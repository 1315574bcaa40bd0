import { actionHandlers } from './actions';
import { authorityHandlers } from './authorities';
import { planHandlers } from './plans';
import { systemHandlers } from './system';
import type { Handlers } from './types';

/** Every contract method's handler; the type fails to compile if one is missing. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authorityHandlers,
  ...planHandlers,
  ...actionHandlers,
};
