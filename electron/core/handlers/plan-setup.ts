import type { planSetupMethods } from '../../../shared/contract-setup';
import type { HandlerGroup } from './types';

export const planSetupHandlers: HandlerGroup<keyof typeof planSetupMethods> = {};
