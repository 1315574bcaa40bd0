import type { actionEditingMethods } from '../../../shared/contract-actions';
import type { HandlerGroup } from './types';

export const actionEditingHandlers: HandlerGroup<keyof typeof actionEditingMethods> = {};
