import type { historyMethods } from '../../../shared/contract-history';
import type { HandlerGroup } from './types';

export const historyHandlers: HandlerGroup<keyof typeof historyMethods> = {};
